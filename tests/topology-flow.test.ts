import { describe, expect, it } from 'vitest';
import {
  MAX_PARTICLES_PER_SECOND,
  edgeWidth,
  errorParticleShare,
  formatPercent,
  formatRate,
  particleRate,
  travelMs,
} from '../src/scenes/topology-flow.ts';
import { ParticleField } from '../src/scenes/topology-particles.ts';

describe('particleRate', () => {
  it('is zero without traffic and never negative', () => {
    expect(particleRate(0)).toBe(0);
    expect(particleRate(-3)).toBe(0);
    expect(particleRate(Number.NaN)).toBe(0);
  });

  it('never decreases as the request rate grows, and is continuous at 1 rps', () => {
    let previous = 0;
    for (let rps = 0.01; rps < 1e7; rps *= 1.07) {
      const rate = particleRate(rps);
      expect(rate).toBeGreaterThanOrEqual(previous);
      previous = rate;
    }
    expect(particleRate(0.999)).toBeCloseTo(particleRate(1.001), 2);
  });

  it('is capped', () => {
    expect(particleRate(1e9)).toBe(MAX_PARTICLES_PER_SECOND);
  });

  it('reads at both 5 rps and 5,000 rps: visible, different, on a log scale', () => {
    const quiet = particleRate(5);
    const busy = particleRate(5000);
    expect(quiet).toBeGreaterThan(2);
    expect(busy).toBeGreaterThan(quiet * 2);
    expect(busy).toBeLessThan(MAX_PARTICLES_PER_SECOND);
    // A thousandfold rise is not a thousandfold crowd.
    expect(busy / quiet).toBeLessThan(5);
    // But a tenfold change still shows.
    expect(particleRate(500) - particleRate(50)).toBeGreaterThan(2);
  });
});

describe('errorParticleShare', () => {
  it('keeps small error shares visible without inventing errors or exceeding all of them', () => {
    expect(errorParticleShare(0)).toBe(0);
    expect(errorParticleShare(0.01)).toBeCloseTo(0.1);
    expect(errorParticleShare(0.12)).toBeGreaterThan(0.3);
    expect(errorParticleShare(1)).toBe(1);
    let previous = 0;
    for (let r = 0.001; r <= 1; r += 0.01) {
      expect(errorParticleShare(r)).toBeGreaterThanOrEqual(previous);
      expect(errorParticleShare(r)).toBeGreaterThanOrEqual(r);
      previous = errorParticleShare(r);
    }
  });
});

describe('travel and thickness', () => {
  it('moves particles at a steady speed within bounds', () => {
    expect(travelMs(110, 1)).toBe(1000);
    expect(travelMs(10, 1)).toBe(500);
    expect(travelMs(10_000, 1)).toBe(2600);
  });

  it('draws busier edges thicker when motion is reduced, up to a limit', () => {
    expect(edgeWidth(500, 1)).toBeGreaterThan(edgeWidth(5, 1));
    expect(edgeWidth(5, 1)).toBeGreaterThan(edgeWidth(0, 1));
    expect(edgeWidth(1e12, 1)).toBeLessThanOrEqual(7);
  });
});

describe('formatting', () => {
  it('writes rates as a dashboard legend does', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(0.44)).toBe('0.4');
    expect(formatRate(3)).toBe('3');
    expect(formatRate(820.4)).toBe('820');
    expect(formatRate(1234)).toBe('1.2k');
    expect(formatRate(12_345)).toBe('12k');
    expect(formatRate(2_500_000)).toBe('2.5M');
  });

  it('writes shares as percentages, keeping small ones visible', () => {
    expect(formatPercent(0)).toBe('0');
    expect(formatPercent(0.004)).toBe('0.4');
    expect(formatPercent(0.12)).toBe('12');
    expect(formatPercent(1.5)).toBe('100');
  });
});

describe('ParticleField', () => {
  function run(field: ParticleField, ms: number, frame = 16): void {
    for (let t = 0; t < ms; t += frame) field.step(frame);
  }

  it('carries rate × travel time particles in steady state, at any frame rate', () => {
    for (const frame of [8, 16, 33, 100]) {
      const field = new ParticleField(200);
      field.setEdgeCount(1);
      field.setEdge(0, { rate: 8, errorRatio: 0, travelMs: 1500 });
      run(field, 5000, frame);
      expect(field.active, `${frame} ms frames`).toBeGreaterThanOrEqual(11);
      expect(field.active, `${frame} ms frames`).toBeLessThanOrEqual(13);
    }
  });

  it('draws the edge’s error share of its particles as errors', () => {
    const field = new ParticleField(400);
    field.setEdgeCount(2);
    field.setEdge(0, { rate: 10, errorRatio: 0.25, travelMs: 2000 });
    field.setEdge(1, { rate: 10, errorRatio: 0, travelMs: 2000 });
    run(field, 4000);
    const failing = field.countOn(0);
    expect(failing.errors / failing.total).toBeGreaterThan(0.15);
    expect(failing.errors / failing.total).toBeLessThan(0.35);
    expect(field.countOn(1).errors).toBe(0);
  });

  it('follows a change of rate', () => {
    const field = new ParticleField(400);
    field.setEdgeCount(1);
    field.setEdge(0, { rate: 2, errorRatio: 0, travelMs: 1000 });
    run(field, 3000);
    const before = field.active;
    field.setEdge(0, { rate: 12, errorRatio: 0, travelMs: 1000 });
    run(field, 3000);
    expect(field.active).toBeGreaterThan(before * 3);
    field.setEdge(0, { rate: 0, errorRatio: 0, travelMs: 1000 });
    run(field, 1100);
    expect(field.active).toBe(0);
  });

  it('never holds more than its capacity', () => {
    const field = new ParticleField(50);
    field.setEdgeCount(10);
    for (let e = 0; e < 10; e++) field.setEdge(e, { rate: 14, errorRatio: 0.5, travelMs: 2600 });
    field.prewarm();
    run(field, 5000);
    expect(field.active).toBe(50);
  });

  it('prewarms edges with evenly spaced particles', () => {
    const field = new ParticleField(100);
    field.setEdgeCount(1);
    field.setEdge(0, { rate: 5, errorRatio: 0, travelMs: 2000 });
    field.prewarm();
    expect(field.active).toBe(10);
    const progress = [...field.progress.filter((_, i) => field.edge[i] === 0)].sort(
      (a, b) => a - b,
    );
    expect(progress[0]).toBeCloseTo(0.05);
    expect(progress[9]).toBeCloseTo(0.95);
  });

  it('drops the particles of edges that went away', () => {
    const field = new ParticleField(100);
    field.setEdgeCount(2);
    field.setEdge(0, { rate: 5, errorRatio: 0, travelMs: 2000 });
    field.setEdge(1, { rate: 5, errorRatio: 0, travelMs: 2000 });
    field.prewarm();
    field.setEdgeCount(1);
    expect(field.active).toBe(10);
    expect(field.countOn(1).total).toBe(0);
  });
});
