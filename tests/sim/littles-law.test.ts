/**
 * Little's law, L = lambda * W, checked on outputs a real operator could read: connections
 * observed in a state (pg_stat_activity, pgxpool) against throughput (counters,
 * pg_stat_statements) times the time each request holds that state.
 */
import { describe, expect, it } from 'vitest';
import { makeFault, QUERY_IDS } from '../../src/sim/index.ts';
import type { SimRun } from '../../src/sim/index.ts';
import { avg, injectFault, MINUTE, newRun, SECOND, SIM_TIMEOUT_MS } from './helpers.ts';

const WINDOW_MS = 2 * MINUTE;

/** Throughputs and busy time measured over a window, with the metric means over the same window. */
function measure(
  run: SimRun,
  keys: string[],
): {
  checkoutArrivals: number;
  checkoutTx: number;
  stmtBusy: number;
  metric: Record<string, number>;
} {
  const c0 = run.state.counters.checkout.arrived;
  const tx0 = run.state.db.stmt.insert_order.calls;
  let ms0 = 0;
  for (const q of QUERY_IDS) ms0 += run.state.db.stmt[q].totalMs;
  run.advance(WINDOW_MS);
  let ms1 = 0;
  for (const q of QUERY_IDS) ms1 += run.state.db.stmt[q].totalMs;
  const secs = WINDOW_MS / SECOND;
  const metric: Record<string, number> = {};
  for (const k of keys) metric[k] = avg(run, k, secs);
  return {
    checkoutArrivals: (run.state.counters.checkout.arrived - c0) / secs,
    // Every checkout that got a connection ran one INSERT: pg_stat_statements counts the throughput.
    checkoutTx: (run.state.db.stmt.insert_order.calls - tx0) / secs,
    // Statement time per second of wall time = mean number of backends executing.
    stmtBusy: (ms1 - ms0) / WINDOW_MS,
    metric,
  };
}

const within = (actual: number, expected: number, tol: number): void => {
  expect(actual).toBeGreaterThan(expected * (1 - tol));
  expect(actual).toBeLessThan(expected * (1 + tol));
};

describe("Little's law", { timeout: SIM_TIMEOUT_MS }, () => {
  it.each([1000, 3000, 6000])(
    'idle-in-transaction sessions = checkout rate x hold time (hold %i ms)',
    (holdMs) => {
      const run = newRun(11);
      const calm = newRun(11);
      calm.advance(4 * MINUTE);
      const baseline = measure(calm, ['pool_in_use']);
      injectFault(run, makeFault('idleInTransaction', { endpoint: 'checkout', holdMs }));
      run.advance(4 * MINUTE);
      const m = measure(run, ['pg_conn_idle_in_tx', 'pool_in_use', 'api_error_ratio']);
      // Below saturation every arrival is served, so arrivals and transactions agree.
      within(m.checkoutTx, m.checkoutArrivals, 0.02);
      within(m.metric.pg_conn_idle_in_tx!, (m.checkoutArrivals * holdMs) / SECOND, 0.1);
      // The pool holds those sessions plus the short-lived work of the other routes.
      within(
        m.metric.pool_in_use!,
        (m.checkoutArrivals * holdMs) / SECOND + baseline.metric.pool_in_use!,
        0.15,
      );
    },
  );

  it('holds at saturation too: the pool caps throughput at pool_max / hold time', () => {
    const run = newRun(11);
    const holdMs = 9000;
    injectFault(run, makeFault('idleInTransaction', { endpoint: 'checkout', holdMs }));
    run.advance(5 * MINUTE);
    const m = measure(run, ['pg_conn_idle_in_tx', 'pool_max', 'pool_in_use']);
    // Demand (with client retries) exceeds what the pool can serve...
    expect(m.checkoutArrivals * (holdMs / SECOND)).toBeGreaterThan(m.metric.pool_max!);
    // ...so the served throughput is what the held connections allow.
    within(m.metric.pg_conn_idle_in_tx!, (m.checkoutTx * holdMs) / SECOND, 0.1);
    expect(m.metric.pool_in_use!).toBeGreaterThan(0.95 * m.metric.pool_max!);
  });

  it('active backends = statement throughput x mean statement time (plan regression)', () => {
    const run = newRun(5);
    injectFault(run, makeFault('planRegression', { share: 0.1 }));
    run.advance(4 * MINUTE);
    const m = measure(run, ['pg_conn_active', 'pool_in_use', 'pg_query_mean_ms']);
    // The exporter and replication sessions add two active backends of their own.
    expect(m.stmtBusy).toBeGreaterThan(2);
    within(m.metric.pg_conn_active! - 2, m.stmtBusy, 0.1);
    // The API pools hold a connection for the statement plus a sliver of client round trip.
    within(m.metric.pool_in_use!, m.stmtBusy, 0.15);
  });
});
