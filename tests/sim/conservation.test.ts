/**
 * Conservation of requests: every request that arrived has either succeeded, failed, or is still
 * waiting for a connection, whatever faults and levers are in play.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFault, SimRun } from '../../src/sim/index.ts';
import type { FaultSpec, SimAction } from '../../src/sim/index.ts';
import { API_ROUTES, MINUTE, SIM_TIMEOUT_MS } from './helpers.ts';

const faultArb: fc.Arbitrary<FaultSpec> = fc.oneof(
  fc.constant(makeFault('planRegression', { share: 0.3 })),
  fc.constant(makeFault('connectionLeak', { leakRatio: 0.05 })),
  fc.constant(makeFault('idleInTransaction', { holdMs: 9000 })),
  fc.constant(makeFault('migrationLock', { durationMs: 90_000 })),
  fc.constant(makeFault('corednsOverload')),
  fc.constant(makeFault('dnsLookupStorm')),
  fc.constant(makeFault('dnsRecord')),
  fc.constant(makeFault('dnsRecord', { mode: 'wrong' })),
  fc.constant(makeFault('upstreamResolverFailure')),
  fc.constant(makeFault('badRelease')),
  fc.constant(makeFault('memoryLeak', { mibPerMinute: 120 })),
  fc.constant(makeFault('trafficSurge', { multiplier: 8, rampMs: 0 })),
  fc.constant(makeFault('writeHeavyJob')),
  fc.constant(
    makeFault('walRetention', {
      retainedBytes: 285 * 1024 ** 3,
      extraWalBytesPerSec: 64 * 1024 ** 2,
    }),
  ),
  fc.constant(makeFault('cacheFlush')),
  fc.constant(makeFault('certificateExpiry', { atMs: 2 * MINUTE })),
  fc.constant(makeFault('slowDependency')),
);

const leverArb: fc.Arbitrary<SimAction> = fc.oneof(
  fc.constant<SimAction>({ type: 'deploy', deployment: 'api', version: 'v2.14.1' }),
  fc.constant<SimAction>({ type: 'rollback', deployment: 'api' }),
  fc.constant<SimAction>({ type: 'restartDeployment', deployment: 'api' }),
  fc.integer({ min: 0, max: 10 }).map((replicas): SimAction => ({
    type: 'scale',
    deployment: 'api',
    replicas,
  })),
  fc.integer({ min: 1, max: 5 }).map((replicas): SimAction => ({
    type: 'scale',
    deployment: 'coredns',
    replicas,
  })),
  fc.integer({ min: 1, max: 30 }).map((maxConns): SimAction => ({ type: 'setPoolSize', maxConns })),
  fc.double({ min: 0, max: 0.95, noNaN: true }).map((ratio): SimAction => ({
    type: 'shedLoad',
    ratio,
  })),
  fc.boolean().map((enabled): SimAction => ({ type: 'setRetries', enabled })),
  fc.constant<SimAction>({ type: 'restartPostgres' }),
  fc.constant<SimAction>({ type: 'failover' }),
  fc.constant<SimAction>({ type: 'terminateBackends', filter: { state: 'idle in transaction' } }),
  fc.constant<SimAction>({
    type: 'setPostgresSetting',
    name: 'statement_timeout',
    value: 2000,
  }),
  fc.constant<SimAction>({
    type: 'createIndex',
    name: 'orders_customer_id_status_created_at_idx',
    table: 'orders',
    columns: 'customer_id, status, created_at DESC',
    concurrently: false,
  }),
  fc.constant<SimAction>({ type: 'setResolverOptions', ndots: 1, timeoutMs: 1000 }),
  fc.constant<SimAction>({ type: 'flushCache' }),
  fc.constant<SimAction>({ type: 'setMemoryLimit', mib: 256 }),
);

const relClose = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function checkBalances(run: SimRun): void {
  const { counters, inFlight } = run.state;
  for (const e of API_ROUTES) {
    const c = counters[e];
    const accounted = c.succeeded + c.failed + inFlight[e];
    expect(
      relClose(c.arrived, accounted),
      `${e} at t=${run.t}: arrived ${c.arrived} vs succeeded ${c.succeeded} + failed ${c.failed} + inFlight ${inFlight[e]}`,
    ).toBe(true);
    expect(inFlight[e]).toBeGreaterThanOrEqual(0);
    expect(c.failed).toBeGreaterThanOrEqual(0);
  }
  const page = counters.page;
  expect(
    relClose(page.arrived, page.succeeded + page.failed),
    `page at t=${run.t}: arrived ${page.arrived} vs ${page.succeeded} + ${page.failed}`,
  ).toBe(true);
}

describe('request conservation', { timeout: SIM_TIMEOUT_MS }, () => {
  it('arrived == succeeded + failed + in flight for every route, at every minute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 8 * MINUTE }), fault: faultArb }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 9 * MINUTE }), lever: leverArb }), {
          maxLength: 4,
        }),
        (seed, faults, levers) => {
          const run = new SimRun(seed);
          faults.forEach(({ at, fault }, i) =>
            run.schedule({ type: 'injectFault', id: `f${i}`, fault }, at),
          );
          for (const { at, lever } of levers) run.schedule(lever, at);
          for (let m = 0; m < 10; m++) {
            run.advance(MINUTE);
            checkBalances(run);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('holds through a pool exhaustion with waiters queued at the moment of measurement', () => {
    const run = new SimRun(3);
    run.schedule({ type: 'injectFault', id: 'leak', fault: makeFault('connectionLeak') });
    let sawWaiters = false;
    for (let m = 0; m < 16; m++) {
      run.advance(MINUTE);
      checkBalances(run);
      if (run.state.inFlight.orders > 1) sawWaiters = true;
    }
    expect(sawWaiters).toBe(true);
    // Pods deleted with requests queued on them: those requests fail (502), they do not vanish.
    for (const p of run.state.pods.filter((x) => x.deployment === 'api').slice(0, 3))
      run.schedule({ type: 'deletePod', pod: p.name });
    run.advance(1000);
    checkBalances(run);
    run.advance(MINUTE);
    checkBalances(run);
  });
});
