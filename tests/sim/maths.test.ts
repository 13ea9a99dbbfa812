/** Numeric helpers of the queueing model: normal CDF and its inverse, queueing delay, latency mixtures. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clamp,
  inverseNormal,
  LatencyMixture,
  normalCdf,
  queueDelayFactor,
  shareAbove,
} from '../../src/sim/maths.ts';

const quantiles = (mix: LatencyMixture, ps: number[]): number[] => {
  const out = new Float64Array(ps.length);
  mix.quantiles(ps, out);
  return Array.from(out);
};

/** Exact mean wait in queue of M/M/k, as a multiple of the service time (Erlang C). */
function erlangCWait(k: number, rho: number): number {
  const a = k * rho;
  let sum = 0;
  let term = 1;
  for (let n = 0; n < k; n++) {
    if (n > 0) term *= a / n;
    sum += term;
  }
  const waiting = (term * (a / k)) / (1 - rho);
  return waiting / (sum + waiting) / (k * (1 - rho));
}

describe('normalCdf and inverseNormal', () => {
  it('hit known values', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.99)).toBeCloseTo(2.326348, 5);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(inverseNormal(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(inverseNormal(1)).toBe(Number.POSITIVE_INFINITY);
    expect(inverseNormal(-0.1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('round-trip: normalCdf(inverseNormal(p)) = p', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(inverseNormal(p)) - p)).toBeLessThan(2e-7);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip: inverseNormal(normalCdf(x)) = x', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (x) => {
        expect(Math.abs(inverseNormal(normalCdf(x)) - x)).toBeLessThan(1e-4);
      }),
      { numRuns: 2000 },
    );
  });

  it('are symmetric and monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -6, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (x, dx) => {
          expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 7);
          expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (p) => {
        expect(inverseNormal(p)).toBeCloseTo(-inverseNormal(1 - p), 6);
      }),
    );
  });
});

describe('shareAbove', () => {
  it('is the log-normal survival function', () => {
    expect(shareAbove(100, 0.5, 100)).toBeCloseTo(0.5, 6);
    expect(shareAbove(100, 0.5, 100 * Math.exp(0.5 * 1.959964))).toBeCloseTo(0.025, 5);
    expect(shareAbove(100, 0, 99)).toBe(1);
    expect(shareAbove(100, 0, 101)).toBe(0);
    expect(shareAbove(0, 0.5, 10)).toBe(0);
  });
});

describe('clamp', () => {
  it('clamps into [lo, hi]', () => {
    expect(clamp(-1, 0, 1)).toBe(0);
    expect(clamp(2, 0, 1)).toBe(1);
    expect(clamp(0.25, 0, 1)).toBe(0.25);
  });
});

describe('queueDelayFactor', () => {
  it('is zero when idle and grows with utilisation, shrinking with more servers', () => {
    expect(queueDelayFactor(0, 4)).toBe(0);
    expect(queueDelayFactor(-1, 4)).toBe(0);
    expect(queueDelayFactor(Number.NaN, 4)).toBe(0);
    for (const k of [1, 2, 4, 8, 16]) {
      let prev = 0;
      for (let rho = 0.05; rho < 0.99; rho += 0.05) {
        const q = queueDelayFactor(rho, k);
        expect(q).toBeGreaterThan(prev);
        expect(queueDelayFactor(rho, k + 1)).toBeLessThan(q);
        prev = q;
      }
    }
    // Past saturation the factor is capped (callers model the backlog explicitly).
    expect(queueDelayFactor(5, 2)).toBe(queueDelayFactor(0.985, 2));
    expect(Number.isFinite(queueDelayFactor(1, 1))).toBe(true);
  });

  it('matches Erlang C (exact M/M/k) within 10% in heavy traffic', () => {
    for (const k of [1, 2, 4, 8]) {
      for (const rho of [0.9, 0.95]) {
        const exact = erlangCWait(k, rho);
        expect(queueDelayFactor(rho, k) / exact).toBeGreaterThan(0.9);
        expect(queueDelayFactor(rho, k) / exact).toBeLessThan(1.1);
      }
    }
  });

  it('equals rho / (1 - rho) for a single server (M/M/1, where the approximation is exact)', () => {
    for (const rho of [0.3, 0.5, 0.7, 0.9])
      expect(queueDelayFactor(rho, 1)).toBeCloseTo(rho / (1 - rho), 6);
  });
});

describe('LatencyMixture', () => {
  it('with one component, its quantiles are the log-normal quantiles median * exp(sigma * z)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20_000, noNaN: true }),
        fc.double({ min: 0.01, max: 1.5, noNaN: true }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        (median, sigma, weight) => {
          const mix = new LatencyMixture(8);
          mix.add(weight, median, sigma);
          const ps = [0.01, 0.25, 0.5, 0.9, 0.99, 0.999];
          const q = quantiles(mix, ps);
          ps.forEach((p, i) => {
            const expected = median * Math.exp(sigma * inverseNormal(p));
            expect(Math.abs(q[i]! / expected - 1)).toBeLessThan(1e-9);
          });
          expect(mix.count).toBeCloseTo(weight, 6);
          expect(mix.mean()).toBeCloseTo(median * Math.exp((sigma * sigma) / 2), 6);
          expect(mix.cdf(median)).toBeCloseTo(0.5, 6);
          expect(mix.shareAbove(median)).toBeCloseTo(0.5, 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 2% slow component moves p99, not p50', () => {
    const fast = new LatencyMixture(8);
    fast.add(98, 10, 0.3);
    const mixed = new LatencyMixture(8);
    mixed.add(98, 10, 0.3);
    mixed.add(2, 1000, 0.2);
    const [fp50, fp99] = quantiles(fast, [0.5, 0.99]);
    const [mp50, mp99] = quantiles(mixed, [0.5, 0.99]);
    expect(Math.abs(mp50! / fp50! - 1)).toBeLessThan(0.02);
    expect(mp99!).toBeGreaterThan(20 * fp99!);
    // p99 falls inside the slow component: half of it is slower than its median.
    expect(mp99!).toBeGreaterThan(900);
    expect(mp99!).toBeLessThan(1010);
    // And the mixture's own CDF agrees with its quantiles.
    expect(mixed.cdf(mp99!)).toBeCloseTo(0.99, 3);
    expect(mixed.cdf(mp50!)).toBeCloseTo(0.5, 3);
  });

  it('quantiles agree with a fine bisection of the mixture CDF (to 0.3%)', () => {
    const comp = fc.record({
      w: fc.double({ min: 0.01, max: 100, noNaN: true }),
      m: fc.double({ min: 0.5, max: 10_000, noNaN: true }),
      s: fc.double({ min: 0.05, max: 1, noNaN: true }),
    });
    /** The p-quantile by bisection in log space over a wide bracket, to machine precision. */
    const reference = (mix: LatencyMixture, p: number): number => {
      let lo = Math.log(1e-4);
      let hi = Math.log(1e7);
      for (let i = 0; i < 200; i++) {
        const mid = 0.5 * (lo + hi);
        if (mix.cdf(Math.exp(mid)) < p) lo = mid;
        else hi = mid;
      }
      return Math.exp(0.5 * (lo + hi));
    };
    fc.assert(
      fc.property(fc.array(comp, { minLength: 1, maxLength: 6 }), (comps) => {
        const mix = new LatencyMixture(16);
        for (const c of comps) mix.add(c.w, c.m, c.s);
        const ps = [0.5, 0.95, 0.99];
        const q = quantiles(mix, ps);
        expect(q[0]!).toBeLessThanOrEqual(q[1]!);
        expect(q[1]!).toBeLessThanOrEqual(q[2]!);
        ps.forEach((p, i) => expect(Math.abs(q[i]! / reference(mix, p) - 1)).toBeLessThan(3e-3));
      }),
      { numRuns: 300 },
    );
  });

  it('merges components of the same shape, shifts and clears', () => {
    const mix = new LatencyMixture(4);
    mix.add(1, 100, 0.4);
    mix.add(3, 100.5, 0.4);
    expect(mix.components).toBe(1);
    expect(mix.count).toBe(4);
    mix.add(1, 100, 0.2);
    expect(mix.components).toBe(2);
    const shifted = new LatencyMixture(4);
    shifted.addShifted(mix, 50, 2);
    expect(shifted.count).toBeCloseTo(10, 9);
    expect(quantiles(shifted, [0.5])[0]!).toBeGreaterThan(145);
    mix.add(0, 5, 0.1);
    mix.add(-1, 5, 0.1);
    mix.add(Number.NaN, 5, 0.1);
    expect(mix.count).toBe(5);
    mix.clear();
    expect(mix.count).toBe(0);
    expect(quantiles(mix, [0.5, 0.99])).toEqual([0, 0]);
    expect(mix.mean()).toBe(0);
    expect(mix.cdf(10)).toBe(0);
  });
});
