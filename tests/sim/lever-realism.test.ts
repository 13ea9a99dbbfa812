/**
 * Levers behave like the real operations: an index helps whatever it is named, as long as it
 * covers the query's filter; `ALTER SYSTEM` settings wait for a reload; a signal sent to one
 * session's pid ends one session.
 */
import { describe, expect, it } from 'vitest';
import { makeFault } from '../../src/sim/index.ts';
import { avg, grep, injectFault, MINUTE, newRun, SECOND, SIM_TIMEOUT_MS } from './helpers.ts';

function slowOrders(share = 0.2) {
  const run = newRun(3);
  injectFault(run, makeFault('planRegression', { share }));
  run.advance(3 * MINUTE);
  return run;
}

const index = (name: string, columns: string) =>
  ({ type: 'createIndex', name, table: 'orders', columns, concurrently: true }) as const;

describe('indexes', { timeout: SIM_TIMEOUT_MS }, () => {
  it('an index on the filter columns under the player’s own name fixes the plan', () => {
    const run = slowOrders();
    expect(avg(run, 'orders_p99', 30)).toBeGreaterThan(1000);
    run.schedule(index('orders_cust_status', 'customer_id, status'));
    run.advance(10 * MINUTE);
    expect(avg(run, 'orders_p99', 30)).toBeLessThan(100);
  });

  it('an index that leads with the wrong columns does not', () => {
    const run = slowOrders();
    run.schedule(index('orders_status_customer', 'status, customer_id'));
    run.advance(10 * MINUTE);
    expect(avg(run, 'orders_p99', 30)).toBeGreaterThan(1000);
  });
});

describe('ALTER SYSTEM settings', { timeout: SIM_TIMEOUT_MS }, () => {
  const leaking = () => {
    const run = newRun(4);
    injectFault(run, makeFault('connectionLeak', { leakRatio: 0.01 }));
    run.advance(4 * MINUTE);
    return run;
  };
  const setTimeout30s = {
    type: 'setPostgresSetting',
    name: 'idle_in_transaction_session_timeout',
    value: 30_000,
  } as const;

  it('wait for pg_reload_conf(): without it the leaked sessions live on', () => {
    const run = leaking();
    run.schedule(setTimeout30s);
    run.advance(3 * MINUTE);
    expect(run.state.db.idleInTxTimeoutMs).toBe(0);
    expect(grep(run, 'idle-in-transaction timeout')).toHaveLength(0);
  });

  it('take effect after the reload, which PostgreSQL logs', () => {
    const run = leaking();
    const at = run.t;
    run.schedule(setTimeout30s);
    run.schedule({ type: 'reloadPostgres' });
    run.advance(5 * SECOND);
    expect(run.state.db.idleInTxTimeoutMs).toBe(30_000);
    expect(
      grep(run, 'parameter "idle_in_transaction_session_timeout" changed to "30s"', at),
    ).toHaveLength(1);
    run.advance(2 * MINUTE);
    expect(
      grep(run, 'terminating connection due to idle-in-transaction timeout', at).length,
    ).toBeGreaterThan(0);
  });

  it('also take effect when PostgreSQL restarts', () => {
    const run = leaking();
    run.schedule(setTimeout30s);
    run.schedule({ type: 'restartPostgres' });
    run.advance(SECOND * 2);
    expect(run.state.db.idleInTxTimeoutMs).toBe(30_000);
  });
});

describe('terminating sessions', { timeout: SIM_TIMEOUT_MS }, () => {
  it('a count ends that many leaked sessions, not all of them', () => {
    const run = newRun(5);
    injectFault(run, makeFault('connectionLeak', { leakRatio: 0.01 }));
    run.advance(5 * MINUTE);
    const before = run.state.pods.reduce((n, p) => n + p.poolLeaked, 0);
    expect(before).toBeGreaterThan(10);
    run.schedule({ type: 'terminateBackends', filter: { state: 'idle in transaction', count: 3 } });
    run.advance(SECOND);
    const after = run.state.pods.reduce((n, p) => n + p.poolLeaked, 0);
    // One second of leaking adds a little; three sessions are gone.
    expect(before - after).toBeGreaterThan(2);
    expect(before - after).toBeLessThan(4);
  });
});

describe('a scale-up the node pool cannot hold', { timeout: SIM_TIMEOUT_MS }, () => {
  it('leaves pods Pending, and the scheduler says why at once and at each retry', () => {
    const run = newRun(6);
    run.advance(MINUTE);
    const at = run.t;
    run.schedule({ type: 'scale', deployment: 'api', replicas: 12 });
    run.advance(30 * SECOND);
    const pending = run.state.pods.filter((p) => p.deployment === 'api' && p.phase === 'Pending');
    expect(pending.length).toBeGreaterThan(0);
    const first = grep(run, 'FailedScheduling', at);
    expect(first.map((l) => l.source).sort()).toEqual(pending.map((p) => p.name).sort());
    expect(Math.max(...first.map((l) => l.t))).toBeLessThanOrEqual(at + 2 * SECOND);
    run.advance(5 * MINUTE);
    expect(grep(run, 'FailedScheduling', at)).toHaveLength(2 * pending.length);
  });
});
