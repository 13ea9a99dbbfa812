/**
 * Levers hurt the way they hurt in production. The tempting wrong ones (bigger pools, more pods,
 * restarts, longer timeouts, a failover, a plain CREATE INDEX, a max_connections change without
 * a restart) make the incident worse or only move it; the right ones end it.
 */
import { describe, expect, it } from 'vitest';
import { makeFault } from '../../src/sim/index.ts';
import type { SimAction, SimRun } from '../../src/sim/index.ts';
import {
  avg,
  between,
  errorRatioOver,
  events,
  firstTime,
  grep,
  injectFault,
  MINUTE,
  newRun,
  SECOND,
  series,
  SIM_TIMEOUT_MS,
} from './helpers.ts';

const PG_TOO_MANY =
  /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[\d+\] FATAL: {2}sorry, too many clients already$/;

/**
 * A connection leak left to exhaust the pool for 14 minutes, then one lever. Error ratios of the
 * API routes over four 5-minute windows after the lever.
 */
type LeakOutcome = { run: SimRun; windows: number[]; leverAt: number };
const leakCache = new Map<string, LeakOutcome>();
function leakWithLever(name: string, lever: SimAction[]): LeakOutcome {
  const cached = leakCache.get(name);
  if (cached) return cached;
  const run = newRun(1);
  injectFault(run, makeFault('connectionLeak'), 'leak');
  run.advance(14 * MINUTE);
  const leverAt = run.t;
  for (const a of lever) run.schedule(a);
  const windows: number[] = [];
  for (let i = 0; i < 4; i++) windows.push(errorRatioOver(run, 5 * MINUTE));
  const out = { run, windows, leverAt };
  leakCache.set(name, out);
  return out;
}

const meanOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('wrong levers', { timeout: SIM_TIMEOUT_MS }, () => {
  describe('(a) more connections during a connection leak', () => {
    it('raising the app pool to 20 x 6 pods makes Postgres refuse PgBouncer and fixes nothing', () => {
      const none = leakWithLever('none', []);
      // setPoolSize is a pod-spec change, so it rolls the deployment: compare with that rollout.
      const restart = leakWithLever('restart', [{ type: 'restartDeployment', deployment: 'api' }]);
      const pool = leakWithLever('pool20', [{ type: 'setPoolSize', maxConns: 20 }]);

      // Without the lever, or with the same rollout at the old size, Postgres never refuses anyone:
      // 72 client connections fit in its 91 slots. The refusals below are the bigger pool's doing.
      expect(Math.max(...series(none.run, 'pgb_login_errors'))).toBe(0);
      expect(Math.max(...series(restart.run, 'pgb_login_errors'))).toBe(0);
      expect(grep(none.run, 'too many clients').length).toBe(0);

      // With it, PgBouncer asks for more server connections than max_connections allows.
      expect(avg(pool.run, 'pool_max', 60)).toBe(120);
      expect(
        Math.max(...between(pool.run, 'pgb_login_errors', pool.leverAt, pool.run.t)),
      ).toBeGreaterThan(0);
      const fatal = grep(pool.run, 'FATAL:  sorry, too many clients already', pool.leverAt);
      expect(fatal.length).toBeGreaterThan(0);
      expect(fatal[0]!.source).toBe('pg-primary-0');
      expect(fatal[0]!.text).toMatch(PG_TOO_MANY);
      const pgb = grep(pool.run, 'server login failed: FATAL sorry, too many clients already');
      expect(pgb.length).toBeGreaterThan(0);
      expect(pgb[0]!.source).toBe('pgbouncer-0');
      // The app sees PgBouncer's cached login error.
      expect(
        grep(
          pool.run,
          'server login has been failing, cached error: sorry, too many clients already (server_login_retry) (SQLSTATE 08P01)',
        ).length,
      ).toBeGreaterThan(0);

      // A bigger pool only lets more connections leak before the cliff: it buys minutes, then
      // the errors are back as bad as doing nothing, with Postgres now refusing logins too.
      expect(pool.windows[3]!).toBeGreaterThan(0.9 * none.windows[3]!);
      expect(pool.windows[3]!).toBeGreaterThan(0.3);
      expect(none.windows[3]!).toBeGreaterThan(0.3);
    });

    it('PgBouncer only lets Postgres refuse when its default_pool_size exceeds what max_connections allows', () => {
      const refusals = (defaultPoolSize: number): { fatal: number; waiting: number } => {
        const run = newRun(1);
        injectFault(run, makeFault('connectionLeak'), 'leak');
        run.advance(6 * MINUTE);
        run.schedule({ type: 'setPgbouncer', defaultPoolSize });
        run.schedule({ type: 'setPoolSize', maxConns: 20 });
        run.advance(15 * MINUTE);
        return {
          fatal: grep(run, 'FATAL:  sorry, too many clients already').length,
          waiting: avg(run, 'pgb_cl_waiting', 120),
        };
      };
      // max_connections 100 - 3 reserved - 6 direct sessions = 91 server connections for PgBouncer.
      const capped = refusals(80);
      const above = refusals(150);
      expect(capped.fatal).toBe(0);
      expect(capped.waiting).toBeGreaterThan(20);
      expect(above.fatal).toBeGreaterThan(0);
    });

    it('scaling the API to 10 pods also pushes PgBouncer past max_connections and fixes nothing', () => {
      const none = leakWithLever('none', []);
      const scaled = leakWithLever('scale10', [{ type: 'scale', deployment: 'api', replicas: 10 }]);
      expect(avg(scaled.run, 'api_pods_ready', 60)).toBe(10);
      expect(
        Math.max(...between(scaled.run, 'pgb_login_errors', scaled.leverAt, scaled.run.t)),
      ).toBeGreaterThan(0);
      const fatal = grep(scaled.run, 'FATAL:  sorry, too many clients already', scaled.leverAt);
      expect(fatal.length).toBeGreaterThan(0);
      expect(fatal[0]!.text).toMatch(PG_TOO_MANY);
      expect(avg(scaled.run, 'pg_conn_total', 60)).toBeGreaterThan(
        avg(none.run, 'pg_conn_total', 60) + 10,
      );
      // The leak keeps leaking on all ten pods: the outage is back in full.
      expect(scaled.windows[3]!).toBeGreaterThan(0.3);
      expect(scaled.windows[3]!).toBeGreaterThan(0.9 * none.windows[3]!);
    });
  });

  it('(b) scaling the API during a plan regression multiplies connections and does not lower p99', () => {
    const run = (scale: boolean): SimRun => {
      const r = newRun(4);
      injectFault(r, makeFault('planRegression'));
      r.advance(3 * MINUTE);
      if (scale) r.schedule({ type: 'scale', deployment: 'api', replicas: 10 });
      r.advance(5 * MINUTE);
      return r;
    };
    const without = run(false);
    const withScale = run(true);
    expect(avg(withScale, 'api_pods_ready', 60)).toBe(10);
    expect(avg(withScale, 'pg_conn_total', 120)).toBeGreaterThan(
      avg(without, 'pg_conn_total', 120) + 8,
    );
    expect(avg(withScale, 'orders_p99', 120)).toBeGreaterThan(
      0.95 * avg(without, 'orders_p99', 120),
    );
    expect(avg(withScale, 'pg_cpu', 120)).toBeGreaterThan(0.95 * avg(without, 'pg_cpu', 120));
  });

  it('(c) restarting the API during a leak gives relief, then the errors come back (sawtooth)', () => {
    const { windows, run, leverAt } = leakWithLever('restart', [
      { type: 'restartDeployment', deployment: 'api' },
    ]);
    const pre = between(run, 'api_error_ratio', leverAt - MINUTE, leverAt);
    expect(meanOf(pre)).toBeGreaterThan(0.3);
    // Fresh pods, fresh pools: the errors stop...
    expect(windows[1]!).toBeLessThan(0.01);
    // ...until the leak has eaten the new pools too.
    expect(windows[3]!).toBeGreaterThan(0.3);
    const relapse = firstTime(run, 'api_error_ratio', (v) => v > 0.05, leverAt + 5 * MINUTE);
    expect(relapse).toBeGreaterThan(leverAt + 8 * MINUTE);
    expect(relapse).toBeLessThan(leverAt + 20 * MINUTE);
  });

  describe('(d) restarting pods while cluster DNS is failing', () => {
    it('a rollout restart during a CoreDNS overload crash-loops the new pods and helps nothing', () => {
      const run = newRun(1);
      injectFault(run, makeFault('corednsOverload'));
      run.advance(3 * MINUTE);
      const p99Before = avg(run, 'checkout_p99', 60);
      run.schedule({ type: 'restartDeployment', deployment: 'api' });
      run.advance(5 * MINUTE);
      const failed = events(run, 'podKilled').filter((e) => e.reason === 'Error');
      expect(failed.length).toBeGreaterThanOrEqual(3);
      const startup = grep(run, '"msg":"failed to connect to database"');
      expect(startup.length).toBe(failed.length);
      expect(startup[0]!.text).toContain(
        'hostname resolving error: lookup pgbouncer.db.svc.cluster.local on 10.96.0.10:53: read udp ',
      );
      expect(startup[0]!.text).toContain('i/o timeout');
      expect(grep(run, 'Warning  BackOff            pod/api-').length).toBeGreaterThan(0);
      expect(avg(run, 'api_restarts', 1)).toBeGreaterThan(0);
      expect(avg(run, 'checkout_p99', 60)).toBeGreaterThan(0.95 * p99Before);
    });

    it('deleting pods during a DNS lookup storm leaves the deployment short of pods for minutes', () => {
      const outage = (fault: boolean): { belowSeconds: number; crashLooping: boolean } => {
        const run = newRun(1);
        if (fault) injectFault(run, makeFault('dnsLookupStorm'));
        run.advance(3 * MINUTE);
        for (const p of run.state.pods.filter((x) => x.deployment === 'api').slice(0, 3))
          run.schedule({ type: 'deletePod', pod: p.name });
        let crashLooping = false;
        for (let i = 0; i < 10; i++) {
          run.advance(MINUTE);
          if (run.state.pods.some((p) => p.phase === 'CrashLoopBackOff')) crashLooping = true;
        }
        const ready = series(run, 'api_pods_ready').slice(-10 * 60);
        return { belowSeconds: ready.filter((v) => v < 6).length, crashLooping };
      };
      const calm = outage(false);
      const storm = outage(true);
      // Normally the replacements are ready after the 25 s startup.
      expect(calm.belowSeconds).toBeLessThan(40);
      expect(calm.crashLooping).toBe(false);
      // In the storm they cannot resolve the database host, crash and back off.
      expect(storm.crashLooping).toBe(true);
      expect(storm.belowSeconds).toBeGreaterThan(5 * 60);
    });
  });

  it('(e) raising the resolver timeout during a CoreDNS overload makes checkout p99 worse', () => {
    const run = (lever: boolean): SimRun => {
      // A moderate overload, so the rollout that carries the new resolver options completes.
      const r = newRun(1);
      injectFault(r, makeFault('corednsOverload', { extraQps: 3200 }));
      r.advance(3 * MINUTE);
      if (lever) r.schedule({ type: 'setResolverOptions', timeoutMs: 10_000 });
      r.advance(10 * MINUTE);
      return r;
    };
    const base = run(false);
    const longer = run(true);
    expect(avg(longer, 'checkout_p99', 120)).toBeGreaterThan(1.5 * avg(base, 'checkout_p99', 120));
    expect(avg(longer, 'client_lookup_p99', 120)).toBeGreaterThan(
      1.5 * avg(base, 'client_lookup_p99', 120),
    );
    // It does not make fewer lookups fail either.
    expect(avg(longer, 'checkout_error_ratio', 120)).toBeGreaterThan(
      0.95 * avg(base, 'checkout_error_ratio', 120),
    );
  });

  it('(f) failing over while the replica lags loses the transactions it had not replayed', () => {
    const failover = (job: boolean): { lost: number; lagS: number; run: SimRun } => {
      const run = newRun(1);
      if (job) injectFault(run, makeFault('writeHeavyJob'));
      run.advance(5 * MINUTE);
      const lagS = avg(run, 'replica_lag_s', 1);
      run.schedule({ type: 'failover' });
      run.advance(MINUTE);
      return { lost: run.state.db.lostTransactions, lagS, run };
    };
    const healthy = failover(false);
    const lagging = failover(true);
    expect(healthy.lost).toBe(0);
    expect(lagging.lagS).toBeGreaterThan(60);
    expect(lagging.lost).toBeGreaterThan(1000);
    // The promotion itself is an outage for the writers.
    expect(Math.max(...series(lagging.run, 'checkout_error_ratio').slice(-60))).toBeGreaterThan(
      0.5,
    );
    expect(events(lagging.run, 'postgresDown').map((e) => e.reason)).toEqual(['failover']);
  });

  describe('(g) CREATE INDEX on a busy table', () => {
    const build = (concurrently: boolean): SimRun => {
      const run = newRun(1);
      run.advance(2 * MINUTE);
      run.schedule({
        type: 'createIndex',
        name: 'orders_status_idx',
        table: 'orders',
        columns: 'status',
        concurrently,
      });
      run.advance(2 * MINUTE);
      return run;
    };

    it('a plain CREATE INDEX blocks checkout (writes to orders) while it builds; CONCURRENTLY does not', () => {
      const plain = build(false);
      const concurrent = build(true);
      expect(avg(plain, 'checkout_error_ratio', 90)).toBeGreaterThan(0.5);
      expect(avg(plain, 'pg_lock_waiters', 90)).toBeGreaterThan(0);
      expect(avg(concurrent, 'checkout_error_ratio', 90)).toBeLessThan(0.01);
      expect(avg(concurrent, 'checkout_p99', 90)).toBeLessThan(2000);
      // CONCURRENTLY still costs the primary a core while it scans.
      expect(avg(concurrent, 'pg_cpu', 90)).toBeGreaterThan(0.1);
      // The plain build ends (orders has 20M rows: ~167 s) and writes resume.
      plain.advance(3 * MINUTE);
      expect(avg(plain, 'checkout_error_ratio', 60)).toBeLessThan(0.01);
      expect(
        grep(plain, 'statement: CREATE INDEX orders_status_idx ON orders (status);').length,
      ).toBe(1);
    });

    it('a plain CREATE INDEX does not block plain SELECTs on the table', () => {
      const run = newRun(1, (cfg) => {
        cfg.endpoints.checkout.peakRps = 0;
      });
      run.advance(2 * MINUTE);
      run.schedule({
        type: 'createIndex',
        name: 'orders_status_idx',
        table: 'orders',
        columns: 'status',
        concurrently: false,
      });
      run.advance(2 * MINUTE);
      expect(avg(run, 'checkout_rps', 90)).toBe(0);
      expect(avg(run, 'orders_error_ratio', 90)).toBeLessThan(0.01);
    });
  });

  it('(h) max_connections needs a restart, and the restart is an outage', () => {
    const run = newRun(1);
    run.advance(2 * MINUTE);
    run.schedule({ type: 'setPostgresSetting', name: 'max_connections', value: 200 });
    run.schedule({ type: 'reloadPostgres' }, run.t + 5 * SECOND);
    run.advance(MINUTE);
    expect(avg(run, 'pg_max_connections', 50)).toBe(100);
    expect(run.state.db.maxConnections).toBe(100);
    const pending = grep(
      run,
      'parameter "max_connections" cannot be changed without restarting the server',
    );
    expect(pending.length).toBe(2);
    const restartAt = run.t;
    run.schedule({ type: 'restartPostgres' });
    run.advance(MINUTE);
    const during = between(run, 'pg_max_connections', restartAt, restartAt + 10 * SECOND);
    expect(Math.max(...during)).toBe(0);
    const errorsDuring = between(run, 'orders_error_ratio', restartAt, restartAt + 12 * SECOND);
    expect(Math.max(...errorsDuring)).toBeGreaterThan(0.9);
    expect(grep(run, 'LOG:  received fast shutdown request', restartAt).length).toBe(1);
    expect(events(run, 'postgresDown').map((e) => e.reason)).toEqual(['restart']);
    expect(events(run, 'postgresUp').length).toBe(1);
    // Afterwards the new limit is in force and the errors are gone.
    expect(avg(run, 'pg_max_connections', 20)).toBe(200);
    expect(avg(run, 'orders_error_ratio', 20)).toBeLessThan(0.001);
  });
});

describe('right levers', { timeout: SIM_TIMEOUT_MS }, () => {
  it('terminating idle-in-transaction backends plus idle_in_transaction_session_timeout stops a leak', () => {
    const { run, windows, leverAt } = leakWithLever('terminate+timeout', [
      { type: 'terminateBackends', filter: { state: 'idle in transaction' } },
      { type: 'setPostgresSetting', name: 'idle_in_transaction_session_timeout', value: 10_000 },
      { type: 'reloadPostgres' },
    ]);
    expect(meanOf(between(run, 'api_error_ratio', leverAt - MINUTE, leverAt))).toBeGreaterThan(0.3);
    for (const w of windows.slice(1)) expect(w).toBeLessThan(0.005);
    expect(avg(run, 'pg_conn_idle_in_tx', 300)).toBeLessThan(10);
    expect(avg(run, 'pool_in_use', 300)).toBeLessThan(0.3 * avg(run, 'pool_max', 300));
    const terminated = grep(
      run,
      'FATAL:  terminating connection due to administrator command',
      leverAt,
    );
    expect(terminated.length).toBeGreaterThan(0);
    expect(
      grep(run, 'FATAL:  terminating connection due to idle-in-transaction timeout', leverAt)
        .length,
    ).toBeGreaterThan(0);
  });

  it('rolling back a bad release restores the error ratio', () => {
    const run = newRun(2);
    injectFault(run, makeFault('badRelease'));
    run.schedule({ type: 'deploy', deployment: 'api', version: 'v2.14.1' });
    run.advance(5 * MINUTE);
    expect(avg(run, 'api_error_ratio', 60)).toBeGreaterThan(0.25);
    run.schedule({ type: 'rollback', deployment: 'api' });
    run.advance(4 * MINUTE);
    expect(avg(run, 'api_error_ratio', 60)).toBeLessThan(0.001);
    expect(
      run.state.pods.filter((p) => p.deployment === 'api').every((p) => p.version === 'v2.14.0'),
    ).toBe(true);
  });

  it('CREATE INDEX CONCURRENTLY fixes a plan regression once it has built', () => {
    const run = newRun(3);
    run.advance(2 * MINUTE);
    const baseP99 = avg(run, 'orders_p99', 60);
    const fault = makeFault('planRegression');
    injectFault(run, fault);
    run.advance(2 * MINUTE);
    const badP99 = avg(run, 'orders_p99', 60);
    expect(badP99).toBeGreaterThan(10 * baseP99);
    const idx = fault.index!;
    const start = run.t;
    run.schedule({
      type: 'createIndex',
      name: idx.name,
      table: 'orders',
      columns: idx.columns,
      concurrently: true,
    });
    run.advance(5 * MINUTE);
    // 20M rows, two passes: about six minutes, during which nothing changes for the queries.
    expect(avg(run, 'orders_p99', 60)).toBeGreaterThan(0.5 * badP99);
    expect(avg(run, 'orders_error_ratio', 300)).toBeLessThan(0.001);
    run.advance(3 * MINUTE);
    expect(run.state.db.indexes[idx.name]).toBe('valid');
    expect(avg(run, 'orders_p99', 60)).toBeLessThan(2 * baseP99);
    const done = grep(run, `statement: CREATE INDEX CONCURRENTLY ${idx.name} ON orders`, start);
    expect(done.length).toBe(1);
  });

  it('scaling CoreDNS out of overload ends the drops and the 5 s lookups', () => {
    const run = newRun(1);
    injectFault(run, makeFault('corednsOverload'));
    run.advance(3 * MINUTE);
    expect(avg(run, 'dns_dropped', 60)).toBeGreaterThan(0);
    run.schedule({ type: 'scale', deployment: 'coredns', replicas: 5 });
    run.advance(2 * MINUTE);
    expect(avg(run, 'coredns_pods_ready', 30)).toBe(5);
    expect(avg(run, 'dns_dropped', 30)).toBe(0);
    expect(avg(run, 'client_lookup_p99', 30)).toBeLessThan(200);
    expect(avg(run, 'checkout_p99', 30)).toBeLessThan(2000);
  });

  it('dropping the abandoned replication slot frees the WAL and stops the disk growth', () => {
    const run = newRun(1);
    injectFault(run, makeFault('walRetention'));
    run.advance(3 * MINUTE);
    const growing = series(run, 'pg_disk_used_ratio');
    const slopeBefore = growing[growing.length - 1]! - growing[growing.length - 61]!;
    expect(slopeBefore).toBeGreaterThan(0);
    const usedBefore = avg(run, 'pg_disk_used_ratio', 1);
    expect(usedBefore).toBeGreaterThan(0.9);
    run.schedule({ type: 'dropReplicationSlot', slot: 'debezium_analytics' });
    run.advance(3 * MINUTE);
    const after = series(run, 'pg_disk_used_ratio');
    const slopeAfter = after[after.length - 1]! - after[after.length - 61]!;
    expect(avg(run, 'pg_disk_used_ratio', 1)).toBeLessThan(usedBefore - 0.4);
    expect(slopeAfter).toBeLessThan(0.05 * slopeBefore);
    // The active physical slot of the replica cannot be dropped.
    run.schedule({ type: 'dropReplicationSlot', slot: 'pg_replica_0' });
    run.advance(SECOND);
    expect(events(run, 'actionRejected').map((e) => e.reason)).toEqual([
      'replication slot "pg_replica_0" is active for PID 4211',
    ]);
  });
});
