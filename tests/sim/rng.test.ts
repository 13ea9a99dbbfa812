/** The seeded PRNG (sfc32 seeded by splitmix32): reproducible, in range, and uniform enough. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng } from '../../src/sim/rng.ts';

const draw = (seed: number, n: number): number[] => {
  const rng = new Rng(seedRng(seed));
  return Array.from({ length: n }, () => rng.next());
};

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(draw(seed, 64)).toEqual(draw(seed, 64));
        expect(seedRng(seed)).toEqual(seedRng(seed));
      }),
    );
  });

  it('gives different sequences for different seeds (including neighbouring ones)', () => {
    for (let seed = 0; seed < 200; seed++) expect(draw(seed, 4)).not.toEqual(draw(seed + 1, 4));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 0xffffffff }),
        (a, d) => {
          expect(draw(a, 4)).not.toEqual(draw((a + d) >>> 0, 4));
        },
      ),
    );
  });

  it('reduces seeds to 32 bits', () => {
    expect(seedRng(2 ** 32 + 5)).toEqual(seedRng(5));
    expect(seedRng(-1)).toEqual(seedRng(0xffffffff));
  });

  it('continues exactly from a snapshot, without mutating the state it was built from', () => {
    const start = seedRng(42);
    const copy = [...start];
    const a = new Rng(start);
    for (let i = 0; i < 10; i++) a.next();
    expect([...start]).toEqual(copy);
    const snap = a.snapshot();
    const b = new Rng(snap);
    const fromA = Array.from({ length: 20 }, () => a.next());
    const fromB = Array.from({ length: 20 }, () => b.next());
    expect(fromB).toEqual(fromA);
    // A snapshot is a value: drawing more does not change it.
    expect(new Rng(snap).next()).toBe(fromA[0]);
  });

  it('draws 32-bit unsigned integers and floats in [0, 1)', () => {
    const rng = new Rng(seedRng(7));
    for (let i = 0; i < 100_000; i++) {
      const u = rng.next();
      expect(Number.isInteger(u) && u >= 0 && u <= 0xffffffff).toBe(true);
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it('is roughly uniform: chi-square over 20 bins, mean and variance of floats', () => {
    for (const seed of [1, 2, 3, 123456789]) {
      const rng = new Rng(seedRng(seed));
      const bins = new Array<number>(20).fill(0);
      const n = 100_000;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const f = rng.float();
        sum += f;
        sumSq += f * f;
        bins[Math.floor(f * 20)]!++;
      }
      const expected = n / 20;
      const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
      // 19 degrees of freedom: the 99.9th percentile is 43.8.
      expect(chi2).toBeLessThan(43.8);
      const mean = sum / n;
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
      expect(Math.abs(sumSq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    }
  });

  it('has no obvious serial correlation between consecutive floats', () => {
    const rng = new Rng(seedRng(99));
    const n = 50_000;
    let prev = rng.float();
    let sxy = 0;
    let sx = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.float();
      sxy += prev * x;
      sx += x;
      sxx += x * x;
      prev = x;
    }
    const mean = sx / n;
    const cov = sxy / n - mean * mean;
    const variance = sxx / n - mean * mean;
    expect(Math.abs(cov / variance)).toBeLessThan(0.02);
  });

  it('int(n) covers [0, n) evenly', () => {
    const rng = new Rng(seedRng(5));
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      counts[k]!++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('normal() has mean 0 and standard deviation 1', () => {
    const rng = new Rng(seedRng(11));
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      expect(Number.isFinite(z)).toBe(true);
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 1.96) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(sumSq / n) - 1)).toBeLessThan(0.02);
    expect(Math.abs(beyond2 / n - 0.05)).toBeLessThan(0.004);
  });

  it('chance(p) and count(x) are unbiased', () => {
    const rng = new Rng(seedRng(13));
    let hits = 0;
    let events = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      if (rng.chance(0.3)) hits++;
      events += rng.count(2.25);
    }
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(0.006);
    expect(Math.abs(events / n - 2.25)).toBeLessThan(0.01);
    expect(rng.count(0)).toBe(0);
    expect(rng.count(-3)).toBe(0);
    expect(rng.count(Number.NaN)).toBe(0);
    expect(rng.count(4)).toBe(4);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });

  it('hex(bytes) gives that many bytes of lower-case hex', () => {
    const rng = new Rng(seedRng(17));
    for (const bytes of [1, 3, 4, 5, 8, 16]) {
      const h = rng.hex(bytes);
      expect(h).toMatch(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
    }
  });
});
