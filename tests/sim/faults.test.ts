/**
 * One behaviour test per fault kind: each fault must move the metrics and print the log lines an
 * SRE would see in production for that failure, in the order they would see them.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, firingAlerts, makeFault } from '../../src/sim/index.ts';
import type { SimRun } from '../../src/sim/index.ts';
import {
  avg,
  between,
  DB_ROUTES,
  events,
  firstLog,
  firstTime,
  grep,
  injectFault,
  maxOf,
  MINUTE,
  newRun,
  SECOND,
  SIM_TIMEOUT_MS,
} from './helpers.ts';

const CALM_MS = 3 * MINUTE;

/** A run after three calm minutes, and the means of some metrics over the last of them. */
function calmRun(
  seed: number,
  keys: readonly string[],
): { run: SimRun; base: Record<string, number> } {
  const run = newRun(seed);
  run.advance(CALM_MS);
  const base: Record<string, number> = {};
  for (const k of keys) base[k] = avg(run, k, 60);
  return { run, base };
}

/** Milliseconds in a GORM slow-query line: `[827.538ms] [rows:14] SELECT ...`. */
function gormMs(text: string): number {
  const m = /\n\[(\d+(?:\.\d+)?)ms\] \[rows:/.exec(text);
  return m === null ? Number.NaN : Number(m[1]);
}

describe('faults', { timeout: SIM_TIMEOUT_MS }, () => {
  describe('planRegression (missing index: a share of executions take a sequential scan)', () => {
    it('lifts orders p99 by more than 10x while p50 stays put, and loads the primary CPU', () => {
      const { run, base } = calmRun(1, ['orders_p50', 'orders_p99', 'pg_cpu', 'search_p99']);
      injectFault(run, makeFault('planRegression'));
      run.advance(4 * MINUTE);
      expect(avg(run, 'orders_p99')).toBeGreaterThan(10 * base.orders_p99!);
      expect(avg(run, 'orders_p50')).toBeLessThan(2 * base.orders_p50!);
      expect(avg(run, 'pg_cpu')).toBeGreaterThan(3 * base.pg_cpu!);
      // Other routes do not take the bad plan.
      expect(avg(run, 'search_p99')).toBeLessThan(1.5 * base.search_p99!);
      expect(avg(run, 'api_error_ratio')).toBeLessThan(0.01);
      // GORM's slow query logger names the call site and the statement.
      const slow = grep(run, 'SLOW SQL >= 200ms', CALM_MS);
      expect(slow.length).toBeGreaterThan(0);
      expect(slow[0]!.text).toContain('/app/internal/orders/repo.go:57');
      expect(slow[0]!.text).toContain('SELECT * FROM "orders" WHERE customer_id = ');
      expect(grep(run, 'SLOW SQL', 0).every((l) => l.t >= CALM_MS)).toBe(true);
    });

    it('prints slow-query lines with the slow execution time (>= 200 ms; Postgres duration lines)', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('planRegression'));
      run.advance(4 * MINUTE);
      const slow = grep(run, 'SLOW SQL >= 200ms', CALM_MS);
      expect(slow.length).toBeGreaterThan(0);
      for (const l of slow) expect(gormMs(l.text)).toBeGreaterThanOrEqual(200);
      const pg = grep(run, 'LOG:  duration: ', CALM_MS).filter((l) => l.source === 'pg-primary-0');
      expect(pg.length).toBeGreaterThan(0);
      expect(pg[0]!.text).toContain('execute stmtcache_');
    });

    it('prints Postgres duration lines once the bad plan dominates (share 1)', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('planRegression', { share: 1 }));
      run.advance(MINUTE);
      const pg = grep(run, 'LOG:  duration: ', CALM_MS);
      expect(pg.length).toBeGreaterThan(0);
      expect(pg[0]!.text).toMatch(
        /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[\d+\] LOG: {2}duration: \d+\.\d{3} ms {2}execute stmtcache_[0-9a-f]{8}: SELECT \* FROM "orders"/,
      );
      for (const l of grep(run, 'SLOW SQL >= 200ms', CALM_MS))
        expect(gormMs(l.text)).toBeGreaterThanOrEqual(200);
      expect(avg(run, 'pg_cpu', 30)).toBeGreaterThan(0.95);
    });
  });

  describe('connectionLeak (checkout forgets to return 1.2% of its connections)', () => {
    it('fills the pool with idle-in-transaction sessions, then every DB route times out', () => {
      const { run, base } = calmRun(1, ['orders_p50', 'search_p50', 'checkout_p50', 'pg_cpu']);
      injectFault(run, makeFault('connectionLeak'));
      run.advance(16 * MINUTE);
      // The pool plateaus at its maximum.
      const poolMax = avg(run, 'pool_max', 120);
      const cfg = run.state.config.api;
      expect(poolMax).toBe(cfg.replicas * cfg.pool.maxConns);
      expect(avg(run, 'pool_in_use', 120)).toBeGreaterThan(0.98 * poolMax);
      expect(avg(run, 'pg_conn_idle_in_tx', 120)).toBeGreaterThan(0.95 * poolMax);
      // Every database route waits for a connection; the database itself is idle.
      for (const e of DB_ROUTES) {
        expect(avg(run, `${e}_p50`, 120)).toBeGreaterThan(10 * base[`${e}_p50`]!);
        expect(avg(run, `${e}_p50`, 120)).toBeGreaterThan(4000);
      }
      expect(maxOf(run, 'pg_cpu', 16 * 60)).toBeLessThan(0.2);
      expect(avg(run, 'orders_error_ratio', 120)).toBeGreaterThan(0.9);
      // Cached product reads still work.
      expect(avg(run, 'products_error_ratio', 120)).toBeLessThan(0.1);
      // The errors are pool acquire timeouts: pgx's `context deadline exceeded`, as 500s.
      const deadline = grep(run, '"err":"context deadline exceeded"', CALM_MS);
      expect(deadline.length).toBeGreaterThan(20);
      expect(deadline.some((l) => l.text.includes('"route":"/v1/orders","status":500'))).toBe(true);
      expect(deadline.some((l) => l.text.includes('"route":"/v1/search","status":500'))).toBe(true);
      expect(firingAlerts(run.state.alerts)).toContain('DBPoolSaturated');
    });

    it('shows idle-in-transaction sessions climbing long before the first error', () => {
      const { run } = calmRun(2, []);
      injectFault(run, makeFault('connectionLeak'));
      run.advance(16 * MINUTE);
      const climbing = firstTime(run, 'pg_conn_idle_in_tx', (v) => v > 10, CALM_MS);
      const errors = firstTime(run, 'api_error_ratio', (v) => v > 0.01, CALM_MS);
      const firstTimeoutLog = firstLog(run, '"err":"context deadline exceeded"', CALM_MS);
      expect(climbing).toBeGreaterThan(0);
      expect(errors).toBeGreaterThan(climbing + 5 * MINUTE);
      expect(firstTimeoutLog).toBeGreaterThan(climbing + 5 * MINUTE);
      // The climb is steady: each minute leaks about as much as the one before.
      const at = (m: number): number =>
        between(run, 'pg_conn_idle_in_tx', CALM_MS + m * MINUTE - 1000, CALM_MS + m * MINUTE)[0]!;
      const steps = [3, 4, 5, 6, 7].map((m) => at(m + 1) - at(m));
      for (const d of steps) {
        expect(d).toBeGreaterThan(4);
        expect(d).toBeLessThan(9);
      }
    });
  });

  describe('idleInTransaction (checkout holds its transaction open 6 s)', () => {
    it('keeps rate x hold sessions idle in transaction and starves the other routes of connections', () => {
      const { run, base } = calmRun(1, ['orders_p50', 'pool_in_use', 'pg_cpu']);
      injectFault(run, makeFault('idleInTransaction'));
      run.advance(4 * MINUTE);
      const idle = avg(run, 'pg_conn_idle_in_tx', 120);
      const rate = avg(run, 'checkout_rps', 120);
      expect(idle).toBeGreaterThan(0.85 * rate * 6);
      expect(idle).toBeLessThan(1.15 * rate * 6);
      expect(avg(run, 'pool_in_use', 120)).toBeGreaterThan(30 * base.pool_in_use!);
      expect(avg(run, 'pool_wait_ms', 120)).toBeGreaterThan(5);
      expect(avg(run, 'orders_p50', 120)).toBeGreaterThan(3 * base.orders_p50!);
      // Idle sessions cost the database nothing.
      expect(avg(run, 'pg_cpu', 120)).toBeLessThan(1.5 * base.pg_cpu!);
    });

    it('makes checkouts at least as slow as the time they hold their transaction', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('idleInTransaction', { holdMs: 3000 }));
      run.advance(3 * MINUTE);
      expect(avg(run, 'checkout_p50', 120)).toBeGreaterThan(3000);
    });
  });

  describe('migrationLock (ALTER TABLE orders waits for / holds an ACCESS EXCLUSIVE lock)', () => {
    it('queues lock waiters and sends the orders routes off a latency cliff until it ends', () => {
      const { run, base } = calmRun(1, ['orders_p50', 'checkout_p50', 'products_p50']);
      injectFault(run, makeFault('migrationLock', { durationMs: 4 * MINUTE }));
      run.advance(3 * MINUTE);
      expect(avg(run, 'pg_lock_waiters', 120)).toBeGreaterThan(0);
      expect(avg(run, 'orders_p50', 120)).toBeGreaterThan(4000);
      expect(avg(run, 'checkout_p50', 120)).toBeGreaterThan(4000);
      expect(avg(run, 'orders_error_ratio', 120)).toBeGreaterThan(0.9);
      // Cached product reads (another table) are untouched.
      expect(avg(run, 'products_p50', 120)).toBeLessThan(1.5 * base.products_p50!);
      const waits = grep(run, 'still waiting for AccessShareLock on relation', CALM_MS);
      expect(waits.length).toBeGreaterThan(5);
      expect(waits[0]!.text).toMatch(
        /UTC \[\d+\] LOG: {2}process \d+ still waiting for AccessShareLock on relation \d+ of database 16384 after \d+\.\d{3} ms/,
      );
      expect(waits[0]!.text).toContain('DETAIL:  Process holding the lock: ');
      // The lock goes away with the migration, and so does the cliff.
      run.advance(3 * MINUTE);
      expect(avg(run, 'pg_lock_waiters', 60)).toBe(0);
      expect(avg(run, 'orders_p50', 60)).toBeLessThan(2 * base.orders_p50!);
      expect(avg(run, 'orders_error_ratio', 60)).toBeLessThan(0.001);
    });

    it('counts every connection blocked behind the lock as a lock waiter', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('migrationLock', { durationMs: 4 * MINUTE }));
      run.advance(2 * MINUTE);
      const blocked = avg(run, 'pool_in_use', 60);
      expect(blocked).toBeGreaterThan(60);
      expect(avg(run, 'pg_lock_waiters', 60)).toBeGreaterThan(0.5 * blocked);
    });
  });

  describe('corednsOverload (cluster DNS past its query capacity)', () => {
    it('drops queries, so lookups wait out the 5 s resolver timeout and checkout p99 follows', () => {
      const { run, base } = calmRun(1, ['dns_qps', 'checkout_p99', 'orders_p99']);
      injectFault(run, makeFault('corednsOverload'));
      run.advance(3 * MINUTE);
      expect(base.dns_qps).toBeGreaterThan(0);
      expect(avg(run, 'dns_qps')).toBeGreaterThan(5 * base.dns_qps!);
      expect(avg(run, 'dns_dropped')).toBeGreaterThan(0);
      expect(avg(run, 'coredns_cpu')).toBeGreaterThan(0.99);
      // The 5-second mode: a dropped UDP query is retried after the resolver timeout.
      expect(avg(run, 'client_lookup_p99')).toBeGreaterThanOrEqual(5000);
      expect(avg(run, 'checkout_p99')).toBeGreaterThanOrEqual(5000);
      expect(avg(run, 'checkout_p99')).toBeGreaterThan(5 * base.checkout_p99!);
      // Routes that resolve nothing new are unaffected.
      expect(avg(run, 'orders_p99')).toBeLessThan(1.5 * base.orders_p99!);
      const timeouts = grep(run, 'lookup api.paystream.io on 10.96.0.10:53: read udp ', CALM_MS);
      expect(timeouts.length).toBeGreaterThan(0);
      expect(timeouts[0]!.text).toMatch(/->10\.96\.0\.10:53: i\/o timeout"/);
      expect(timeouts[0]!.text).toContain('"route":"/v1/checkout","status":502');
      expect(firingAlerts(run.state.alerts)).toContain('CoreDNSErrors');
    });
  });

  describe('dnsLookupStorm (every request resolves a new external name)', () => {
    it('multiplies DNS queries until CoreDNS drops them, and falls back when the storm stops', () => {
      const { run, base } = calmRun(1, ['dns_qps', 'orders_error_ratio']);
      injectFault(run, makeFault('dnsLookupStorm'), 'storm');
      run.advance(2 * MINUTE);
      expect(avg(run, 'dns_qps')).toBeGreaterThan(5 * base.dns_qps!);
      expect(avg(run, 'dns_dropped')).toBeGreaterThan(0.2 * avg(run, 'dns_qps'));
      expect(avg(run, 'client_lookup_p99')).toBeGreaterThanOrEqual(5000);
      expect(avg(run, 'orders_error_ratio')).toBeGreaterThan(0.5);
      const fraud = grep(run, 'fraud check: Get \\"https://sdk.flagpole.io/v2/score\\"', CALM_MS);
      expect(fraud.length).toBeGreaterThan(10);
      expect(fraud[0]!.text).toContain('lookup sdk.flagpole.io on 10.96.0.10:53');
      run.schedule({ type: 'clearFault', id: 'storm' });
      run.advance(MINUTE);
      expect(avg(run, 'dns_qps', 30)).toBeLessThan(1.1 * base.dns_qps!);
      expect(avg(run, 'dns_dropped', 30)).toBe(0);
      expect(avg(run, 'orders_error_ratio', 30)).toBeLessThan(0.01);
    });
  });

  describe('dnsRecord (the payment provider record was removed)', () => {
    it('fails only the checkouts that dial a new connection, with "no such host"', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('dnsRecord'));
      run.advance(3 * MINUTE);
      const reuse = run.state.config.payments.keepAliveReuse;
      const ratio = avg(run, 'checkout_error_ratio', 120);
      // Kept-alive connections keep working: only the share that dials fails.
      expect(ratio).toBeGreaterThan(0.7 * (1 - reuse));
      expect(ratio).toBeLessThan(1.3 * (1 - reuse) + 0.01);
      expect(avg(run, 'orders_error_ratio', 120)).toBe(0);
      const nx = grep(
        run,
        'dial tcp: lookup api.paystream.io on 10.96.0.10:53: no such host',
        CALM_MS,
      );
      expect(nx.length).toBeGreaterThan(0);
      expect(nx[0]!.text).toContain('"route":"/v1/checkout"');
      expect(firingAlerts(run.state.alerts)).toContain('PaymentsDependencyErrors');
      // Fixing the record and flushing the negative caches ends it.
      run.schedule({ type: 'fixDnsRecord', host: 'api.paystream.io' });
      run.schedule({ type: 'flushDnsCache' }, run.t + 1000);
      run.advance(MINUTE);
      expect(avg(run, 'checkout_error_ratio', 30)).toBeLessThan(0.01);
    });
  });

  describe('upstreamResolverFailure (CoreDNS cannot reach the upstream resolver)', () => {
    it('answers SERVFAIL for external names: "server misbehaving" on checkout, internal names fine', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('upstreamResolverFailure'));
      run.advance(10 * MINUTE);
      expect(avg(run, 'dns_servfail')).toBeGreaterThan(0);
      expect(avg(run, 'checkout_error_ratio', 300)).toBeGreaterThan(0.02);
      expect(avg(run, 'orders_error_ratio', 300)).toBe(0);
      const servfail = grep(
        run,
        'dial tcp: lookup api.paystream.io on 10.96.0.10:53: server misbehaving',
        CALM_MS,
      );
      expect(servfail.length).toBeGreaterThan(0);
      const coredns = grep(run, '[ERROR] plugin/errors: 2 api.paystream.io. A', CALM_MS);
      expect(coredns.length).toBeGreaterThan(100);
      expect(coredns[0]!.text).toMatch(/read udp [\d.]+:\d+->10\.0\.0\.2:53: i\/o timeout$/);
    });
  });

  describe('badRelease (v2.14.1 panics on 30% of requests)', () => {
    /** Runs step by step, remembering which version every pod ran. */
    function trackPods(run: SimRun, ms: number, versions: Map<string, string>): void {
      for (let t = 0; t < ms; t += SECOND) {
        for (const p of run.state.pods) versions.set(p.name, p.version);
        run.advance(SECOND);
      }
      for (const p of run.state.pods) versions.set(p.name, p.version);
    }

    it('does nothing until the version is deployed, then errors as the new pods roll in', () => {
      const run = newRun(1);
      injectFault(run, makeFault('badRelease'));
      const versions = new Map<string, string>();
      trackPods(run, CALM_MS, versions);
      expect(avg(run, 'api_error_ratio', 120)).toBeLessThan(0.001);
      expect(grep(run, 'nil pointer dereference').length).toBe(0);
      run.schedule({ type: 'deploy', deployment: 'api', version: 'v2.14.1' });
      trackPods(run, 4 * MINUTE, versions);
      const api = run.state.pods.filter((p) => p.deployment === 'api');
      expect(api.every((p) => p.version === 'v2.14.1')).toBe(true);
      expect(avg(run, 'api_error_ratio', 60)).toBeGreaterThan(0.27);
      expect(avg(run, 'api_error_ratio', 60)).toBeLessThan(0.33);
      // During the rollout the error ratio climbs with the share of new pods.
      const during = between(run, 'api_error_ratio', CALM_MS, CALM_MS + 4 * MINUTE);
      expect(Math.min(...during.slice(0, 20))).toBeLessThan(0.01);
      const panics = grep(run, 'runtime error: invalid memory address or nil pointer dereference');
      expect(panics.length).toBeGreaterThan(50);
      expect(panics.every((l) => l.t >= CALM_MS)).toBe(true);
      // Rolling back restores the error ratio.
      run.schedule({ type: 'rollback', deployment: 'api' });
      run.advance(4 * MINUTE);
      expect(avg(run, 'api_error_ratio', 60)).toBeLessThan(0.001);
    });

    it('prints the panics only from pods running the bad version', () => {
      const run = newRun(1);
      injectFault(run, makeFault('badRelease'));
      run.advance(CALM_MS);
      run.schedule({ type: 'deploy', deployment: 'api', version: 'v2.14.1' });
      const versions = new Map<string, string>();
      trackPods(run, 4 * MINUTE, versions);
      const panics = grep(run, 'nil pointer dereference');
      expect(panics.length).toBeGreaterThan(50);
      const wrong = panics.filter((l) => versions.get(l.source) !== 'v2.14.1');
      expect(wrong.map((l) => `${l.source} (${versions.get(l.source)})`)).toEqual([]);
    });
  });

  describe('memoryLeak (the API leaks heap until the cgroup limit)', () => {
    it('climbs to the limit, gets OOMKilled, restarts and climbs again (sawtooth)', () => {
      const { run } = calmRun(1, []);
      injectFault(run, makeFault('memoryLeak', { mibPerMinute: 30 }));
      run.advance(26 * MINUTE);
      const limit = run.state.deployments.api.memoryLimitMiB * 1024 * 1024;
      const mem = between(run, 'api_memory_max', CALM_MS, run.t);
      expect(Math.max(...mem)).toBeGreaterThan(0.95 * limit);
      expect(Math.max(...mem)).toBeLessThanOrEqual(limit);
      const ooms = events(run, 'podKilled').filter((e) => e.reason === 'OOMKilled');
      expect(ooms.length).toBeGreaterThanOrEqual(6);
      expect(avg(run, 'api_restarts', 1)).toBeGreaterThanOrEqual(6);
      // Sawtooth: at least two big drops, each followed by a climb.
      let drops = 0;
      for (let i = 1; i < mem.length; i++) if (mem[i - 1]! - mem[i]! > 0.2 * limit) drops++;
      expect(drops).toBeGreaterThanOrEqual(2);
      const firstOom = ooms[0]!.t;
      const afterFirst = between(
        run,
        'api_memory_max',
        firstOom + 2 * MINUTE,
        firstOom + 8 * MINUTE,
      );
      expect(afterFirst[afterFirst.length - 1]!).toBeGreaterThan(
        afterFirst[0]! + 100 * 1024 * 1024,
      );
      const oomLog = grep(run, 'Warning  OOMKilling ', CALM_MS);
      expect(oomLog.length).toBe(ooms.length);
      expect(oomLog[0]!.text).toContain('Memory cgroup out of memory: Killed process ');
    });
  });

  describe('trafficSurge (2.5x demand, ramping over a minute)', () => {
    it('ramps the ingress rate to 2.5x and loads API CPU and pools in proportion', () => {
      const { run, base } = calmRun(1, ['ingress_rps', 'api_cpu', 'pool_in_use']);
      injectFault(run, makeFault('trafficSurge'));
      run.advance(30 * SECOND);
      const mid = avg(run, 'ingress_rps', 5);
      expect(mid).toBeGreaterThan(1.5 * base.ingress_rps!);
      expect(mid).toBeLessThan(2.1 * base.ingress_rps!);
      run.advance(3 * MINUTE);
      expect(avg(run, 'ingress_rps')).toBeGreaterThan(2.3 * base.ingress_rps!);
      expect(avg(run, 'ingress_rps')).toBeLessThan(2.7 * base.ingress_rps!);
      expect(avg(run, 'api_cpu')).toBeGreaterThan(2.2 * base.api_cpu!);
      expect(avg(run, 'pool_in_use')).toBeGreaterThan(2 * base.pool_in_use!);
      expect(avg(run, 'api_error_ratio')).toBeLessThan(0.001);
    });
  });

  describe('writeHeavyJob (a backfill writes 90 MiB/s of WAL; the replica replays 40)', () => {
    it('grows replica lag linearly without a single extra 5xx', () => {
      const { run, base } = calmRun(1, ['ingress_5xx_ratio']);
      injectFault(run, makeFault('writeHeavyJob'));
      run.advance(6 * MINUTE);
      const lagAt = (m: number): number =>
        between(run, 'replica_lag_s', CALM_MS + m * MINUTE - 1000, CALM_MS + m * MINUTE)[0]!;
      // Lag grows by (WAL rate - replay rate) / replay rate seconds every second.
      const replay = run.state.config.postgres.replicaReplayBytesPerSec;
      const slope = ((avg(run, 'pg_wal_rate') - replay) / replay) * 60;
      expect(slope).toBeGreaterThan(60);
      const increments = [1, 2, 3, 4, 5].map((m) => lagAt(m + 1) - lagAt(m));
      for (const d of increments) {
        expect(d).toBeGreaterThan(0.95 * slope);
        expect(d).toBeLessThan(1.05 * slope);
      }
      expect(lagAt(6)).toBeGreaterThan(5 * 60);
      expect(avg(run, 'ingress_5xx_ratio', 360)).toBeLessThan(base.ingress_5xx_ratio! + 0.0005);
      expect(firingAlerts(run.state.alerts)).toContain('PostgresReplicationLag');
      // Stopping the job lets the replica catch up.
      run.schedule({ type: 'stopJob', name: 'backfill_order_totals' });
      run.advance(2 * MINUTE);
      expect(lagAt(8)).toBeLessThan(lagAt(6) - 60);
    });
  });

  describe('walRetention (an abandoned logical slot retains WAL)', () => {
    const fault = makeFault('walRetention', {
      retainedBytes: 280 * 1024 ** 3,
      extraWalBytesPerSec: 32 * 1024 ** 2,
    });

    it('fills the disk linearly; at 100% Postgres PANICs and every DB route fails', () => {
      const { run } = calmRun(1, []);
      injectFault(run, fault);
      run.advance(90 * SECOND);
      const used = between(run, 'pg_disk_used_ratio', CALM_MS + 10 * SECOND, run.t);
      const d1 = used[30]! - used[0]!;
      const d2 = used[60]! - used[30]!;
      expect(d1).toBeGreaterThan(0);
      expect(Math.abs(d2 - d1)).toBeLessThan(0.05 * d1);
      expect(events(run, 'postgresDown').length).toBe(0);
      run.advance(4 * MINUTE);
      const full = firstTime(run, 'pg_disk_used_ratio', (v) => v >= 1);
      expect(full).toBeGreaterThan(0);
      const down = events(run, 'postgresDown');
      expect(down.map((e) => e.reason)).toEqual(['diskFull']);
      const panic = grep(run, 'PANIC:  could not write to file "pg_wal/xlogtemp.');
      expect(panic.length).toBe(1);
      expect(panic[0]!.text).toMatch(
        /UTC \[\d+\] PANIC: {2}could not write to file "pg_wal\/xlogtemp\.\d+": No space left on device$/,
      );
      expect(panic[0]!.source).toBe('pg-primary-0');
      for (const e of DB_ROUTES) expect(avg(run, `${e}_error_ratio`, 60)).toBeGreaterThan(0.99);
      expect(avg(run, 'pg_max_connections', 60)).toBe(0);
      expect(
        grep(run, 'FATAL: the database system is in recovery mode (SQLSTATE 57P03)').length,
      ).toBeGreaterThan(0);
      expect(firingAlerts(run.state.alerts)).toContain('PostgresDown');
    });

    it('never reports a disk more than 100% used, and stops growing while Postgres is down', () => {
      const { run } = calmRun(1, []);
      injectFault(run, fault);
      run.advance(7 * MINUTE);
      expect(events(run, 'postgresDown').length).toBe(1);
      expect(maxOf(run, 'pg_disk_used_ratio', 300)).toBeLessThanOrEqual(1);
    });
  });

  describe('cacheFlush (Redis restarted empty)', () => {
    it('drops the hit ratio off a cliff, loads the replica, then refills', () => {
      const { run, base } = calmRun(1, ['redis_hit_ratio', 'replica_cpu', 'products_p50']);
      injectFault(run, makeFault('cacheFlush'));
      run.advance(10 * SECOND);
      expect(avg(run, 'redis_hit_ratio', 10)).toBeLessThan(0.1 * base.redis_hit_ratio!);
      run.advance(50 * SECOND);
      const replicaPeak = avg(run, 'replica_cpu', 60);
      expect(replicaPeak).toBeGreaterThan(3 * base.replica_cpu!);
      expect(avg(run, 'products_p50', 60)).toBeGreaterThan(5 * base.products_p50!);
      expect(grep(run, '# oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', CALM_MS).length).toBe(1);
      // Each miss refills its key: the hit ratio climbs back minute after minute.
      const perMinute: number[] = [];
      for (let m = 0; m < 30; m++) {
        run.advance(MINUTE);
        perMinute.push(avg(run, 'redis_hit_ratio', 60));
      }
      for (let i = 1; i < perMinute.length; i++)
        expect(perMinute[i]!).toBeGreaterThan(perMinute[i - 1]!);
      expect(perMinute[perMinute.length - 1]!).toBeGreaterThan(0.7);
      expect(avg(run, 'replica_cpu', 60)).toBeLessThan(0.5 * replicaPeak);
    });
  });

  describe('certificateExpiry (the edge certificate expires at t = 4 min)', () => {
    it('fails TLS handshakes at the edge: traffic vanishes from the ingress, no server 5xx', () => {
      const { run, base } = calmRun(1, ['ingress_rps']);
      injectFault(run, makeFault('certificateExpiry', { atMs: 4 * MINUTE }));
      run.advance(55 * SECOND);
      expect(avg(run, 'edge_tls_errors', 55)).toBe(0);
      run.advance(2 * MINUTE);
      expect(avg(run, 'edge_tls_errors', 60)).toBeGreaterThan(0.9 * base.ingress_rps!);
      expect(avg(run, 'ingress_rps', 60)).toBeLessThan(1);
      for (const k of ['ingress_5xx_ratio', 'ingress_502', 'ingress_503', 'ingress_504'])
        expect(avg(run, k, 60)).toBe(0);
      expect(grep(run, '"level":"ERROR"', 4 * MINUTE + 2 * SECOND).length).toBe(0);
      expect(firingAlerts(run.state.alerts)).toContain('EdgeTLSHandshakeErrors');
      // Renewal takes about 90 s, then traffic is back.
      run.schedule({ type: 'renewCertificate' });
      run.advance(2 * MINUTE);
      expect(avg(run, 'edge_tls_errors', 20)).toBe(0);
      expect(avg(run, 'ingress_rps', 20)).toBeGreaterThan(0.8 * base.ingress_rps!);
    });
  });

  describe('slowDependency (the payment provider answers 6 s slower)', () => {
    it('lifts payments and checkout p99 and leaves the other routes alone', () => {
      const { run, base } = calmRun(1, [
        'payments_p99',
        'checkout_p99',
        'orders_p99',
        'search_p99',
        'products_p99',
      ]);
      injectFault(run, makeFault('slowDependency'));
      run.advance(3 * MINUTE);
      expect(avg(run, 'payments_p99')).toBeGreaterThan(5000);
      expect(avg(run, 'payments_p99')).toBeGreaterThan(5 * base.payments_p99!);
      expect(avg(run, 'checkout_p99')).toBeGreaterThan(5 * base.checkout_p99!);
      expect(avg(run, 'payments_error_ratio')).toBeGreaterThan(0.05);
      for (const e of ['orders', 'search', 'products']) {
        expect(avg(run, `${e}_p99`)).toBeLessThan(1.15 * base[`${e}_p99`]!);
        expect(avg(run, `${e}_error_ratio`)).toBeLessThan(0.001);
      }
      expect(firingAlerts(run.state.alerts)).toContain('PaymentsDependencyErrors');
      expect(
        grep(run, 'Client.Timeout exceeded while awaiting headers', CALM_MS).length,
      ).toBeGreaterThan(0);
    });
  });

  it('covers every fault kind', () => {
    expect([...FAULT_KINDS].sort()).toEqual(
      [
        'badRelease',
        'cacheFlush',
        'certificateExpiry',
        'connectionLeak',
        'corednsOverload',
        'dnsLookupStorm',
        'dnsRecord',
        'idleInTransaction',
        'memoryLeak',
        'migrationLock',
        'planRegression',
        'slowDependency',
        'trafficSurge',
        'upstreamResolverFailure',
        'walRetention',
        'writeHeavyJob',
      ].sort(),
    );
  });
});
