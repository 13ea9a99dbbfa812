/**
 * Latency is a consequence of load: with the seeded traffic noise turned off, raising demand (a
 * traffic surge) or removing capacity (fewer API pods) never makes a database route faster or the
 * database less busy.
 */
import { describe, expect, it } from 'vitest';
import { makeFault } from '../../src/sim/index.ts';
import type { SimRun } from '../../src/sim/index.ts';
import { avg, injectFault, MINUTE, newRun, SIM_TIMEOUT_MS } from './helpers.ts';

const KEYS = ['orders_p50', 'orders_p99', 'search_p50', 'search_p99', 'pg_cpu', 'api_cpu'] as const;
type Key = (typeof KEYS)[number];

function quietRun(): SimRun {
  return newRun(21, (cfg) => {
    cfg.traffic.noise = 0;
  });
}

function measureAll(run: SimRun): Record<Key, number> {
  const out = {} as Record<Key, number>;
  for (const k of KEYS) out[k] = avg(run, k, 60);
  return out;
}

/**
 * Non-decreasing, allowing 1% for the per-second service-time wobble (GC, noisy neighbours) the
 * model draws from its PRNG even when traffic noise is off.
 */
function expectNonDecreasing(label: string, values: number[]): void {
  for (let i = 1; i < values.length; i++)
    expect(values[i]!, `${label}: ${values.join(' -> ')}`).toBeGreaterThanOrEqual(
      values[i - 1]! * 0.99,
    );
}

describe('load and latency', { timeout: SIM_TIMEOUT_MS }, () => {
  it('p50/p99 of DB routes and database CPU rise monotonically with a traffic surge', () => {
    const multipliers = [1, 2, 4, 6, 8, 10];
    const rows = multipliers.map((multiplier) => {
      const run = quietRun();
      injectFault(run, makeFault('trafficSurge', { multiplier, rampMs: 0 }));
      run.advance(3 * MINUTE);
      return measureAll(run);
    });
    for (const k of KEYS)
      expectNonDecreasing(
        k,
        rows.map((r) => r[k]),
      );
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    // Not flat: at 10x the API pods queue for CPU and the database works harder.
    expect(last.orders_p50).toBeGreaterThan(2 * first.orders_p50);
    expect(last.orders_p99).toBeGreaterThan(2 * first.orders_p99);
    expect(last.pg_cpu).toBeGreaterThan(1.5 * first.pg_cpu);
    expect(last.api_cpu).toBeGreaterThan(5 * first.api_cpu);
  });

  it('latency of DB routes rises monotonically as API pods are removed under the same load', () => {
    const replicas = [6, 5, 4, 3, 2];
    const rows = replicas.map((n) => {
      const run = quietRun();
      injectFault(run, makeFault('trafficSurge', { multiplier: 3, rampMs: 0 }));
      run.schedule({ type: 'scale', deployment: 'api', replicas: n });
      run.advance(3 * MINUTE);
      expect(avg(run, 'api_pods_ready', 60)).toBe(n);
      return measureAll(run);
    });
    for (const k of ['orders_p50', 'orders_p99', 'search_p50', 'search_p99', 'api_cpu'] as const)
      expectNonDecreasing(
        k,
        rows.map((r) => r[k]),
      );
    const last = rows[rows.length - 1]!;
    expect(last.orders_p50).toBeGreaterThan(1.5 * rows[0]!.orders_p50);
    expect(last.search_p99).toBeGreaterThan(1.2 * rows[0]!.search_p99);
    expect(last.api_cpu).toBeGreaterThan(2.5 * rows[0]!.api_cpu);
  });

  it('with a plan regression, orders latency and database CPU climb with load up to saturation', () => {
    // Step the load up until the primary's CPU saturates, whatever the fault's tuning.
    const rows: { m: number; p50: number; p99: number; cpu: number }[] = [];
    for (let m = 1; m <= 4 && (rows.length === 0 || rows[rows.length - 1]!.cpu < 0.85); m += 0.25) {
      const run = quietRun();
      injectFault(run, makeFault('planRegression'), 'plan');
      injectFault(run, makeFault('trafficSurge', { multiplier: m, rampMs: 0 }), 'surge');
      run.advance(3 * MINUTE);
      rows.push({
        m,
        p50: avg(run, 'orders_p50'),
        p99: avg(run, 'orders_p99'),
        cpu: avg(run, 'pg_cpu'),
      });
    }
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expectNonDecreasing(
      'orders_p99',
      rows.map((r) => r.p99),
    );
    expectNonDecreasing(
      'orders_p50',
      rows.map((r) => r.p50),
    );
    expectNonDecreasing(
      'pg_cpu',
      rows.map((r) => r.cpu),
    );
    // Near saturation the queueing delay takes off.
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    expect(last.cpu).toBeGreaterThan(0.85);
    expect(last.p99).toBeGreaterThan(1.5 * first.p99);
  });

  it('no orders request outlives the API deadline, however overloaded the database', () => {
    const run = quietRun();
    injectFault(run, makeFault('planRegression', { share: 0.1 }), 'plan');
    injectFault(run, makeFault('trafficSurge', { multiplier: 2, rampMs: 0 }), 'surge');
    run.advance(3 * MINUTE);
    const deadline = run.state.config.api.requestTimeoutMs;
    expect(avg(run, 'pg_cpu')).toBeGreaterThan(0.95);
    expect(avg(run, 'orders_p99')).toBeLessThan(1.4 * deadline);
  });
});
