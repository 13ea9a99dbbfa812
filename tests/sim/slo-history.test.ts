/**
 * The SLO windows start with the system's past: six calm hours before t = 0, as a Prometheus that
 * has been scraping for days holds them. Minutes into an incident the 5m, 30m, 1h and 6h burn
 * rates must therefore differ, each diluted by the ordinary minutes its window still holds.
 */
import { describe, expect, it } from 'vitest';
import { makeFault } from '../../src/sim/index.ts';
import type { SimRun } from '../../src/sim/index.ts';
import {
  burnRates,
  recordSlo,
  SLO_MINUTES,
  sloWithHistory,
  windowRatios,
} from '../../src/sim/slo.ts';
import { DAY } from '../../src/sim/time.ts';
import { injectFault, MINUTE, newRun, SECOND, series, SIM_TIMEOUT_MS } from './helpers.ts';

const WINDOWS = ['burn_rate_5m', 'burn_rate_30m', 'burn_rate_1h', 'burn_rate_6h'] as const;

function latest(run: SimRun, key: string): number {
  return series(run, key).at(-1)!;
}

/** Burn rate of the minutes the run itself has completed so far (no history involved). */
function ownBurn(run: SimRun): number {
  const { slo, config } = run.state;
  let total = 0;
  let bad = 0;
  for (let m = 0; m < slo.minute; m++) {
    total += slo.total[m]!;
    bad += slo.bad[m]!;
  }
  return bad / total / (1 - config.slo.availabilityTarget);
}

describe('SLO windows with history', { timeout: SIM_TIMEOUT_MS }, () => {
  it('at t = 0 every window already reads the calm baseline the model produces', () => {
    const run = newRun(3);
    run.advance(SECOND);
    const first = WINDOWS.map((k) => latest(run, k));
    run.advance(5 * MINUTE);
    const calm = ownBurn(run);
    expect(calm).toBeGreaterThan(0);
    for (const b of first) expect(b).toBeCloseTo(calm, 2);
    expect(Math.max(...first) / Math.min(...first)).toBeLessThan(1.05);
    expect(run.state.slo.history).toBe(SLO_MINUTES);
  });

  it('starts the error budget as spent as a rolling window at the calm burn rate, and holds it there', () => {
    const run = newRun(3);
    run.advance(SECOND);
    const start = latest(run, 'error_budget_remaining');
    const calmBurn = latest(run, 'burn_rate_6h');
    expect(start).toBeCloseTo(1 - calmBurn, 3);
    expect(start).toBeGreaterThan(0.5);
    expect(start).toBeLessThan(1);
    run.advance(10 * MINUTE);
    // What the run spends at calm is what slides out of the 30-day window meanwhile.
    expect(latest(run, 'error_budget_remaining')).toBeCloseTo(start, 4);
  });

  it('eleven minutes into a steady fault, the windows are ordered by their share of bad minutes', () => {
    const run = newRun(5);
    run.advance(MINUTE);
    const calm = latest(run, 'burn_rate_6h');
    injectFault(
      run,
      makeFault('badRelease', { version: run.state.config.api.version, errorRatio: 0.02 }),
    );
    run.advance(11 * MINUTE);
    const [b5m, b30m, b1h, b6h] = WINDOWS.map((k) => latest(run, k)) as [
      number,
      number,
      number,
      number,
    ];
    // The 5m window holds only fault minutes: it is the burn rate of the fault itself.
    expect(b5m).toBeGreaterThan(14.4);
    expect(b5m).toBeGreaterThan(b30m);
    expect(b30m).toBeGreaterThan(b1h);
    expect(b1h).toBeGreaterThan(b6h);
    expect(b6h).toBeGreaterThan(calm);
    // Each longer window holds 11 bad minutes among its own length of them. The earlier hours of
    // the six carry less traffic (the daily curve), so the 6h window is diluted a little less.
    const expected = (w: number): number => calm + ((b5m - calm) * 11) / w;
    expect(b30m / expected(30)).toBeGreaterThan(0.9);
    expect(b30m / expected(30)).toBeLessThan(1.1);
    expect(b1h / expected(60)).toBeGreaterThan(0.9);
    expect(b1h / expected(60)).toBeLessThan(1.15);
    expect(b6h / expected(360)).toBeGreaterThan(0.95);
    expect(b6h / expected(360)).toBeLessThan(1.5);
  });

  it('a ring built from history reads it in every window and overwrites the oldest minute first', () => {
    const hour = Array.from({ length: 60 }, () => ({ total: 1000, bad: 0, slow: 0 }));
    const fiveHours = Array.from({ length: 300 }, () => ({ total: 1000, bad: 10, slow: 20 }));
    const slo = sloWithHistory([...fiveHours, ...hour], 0.25);
    expect(slo.history).toBe(SLO_MINUTES);
    // Before the first step the windows hold only history (the minute in progress is empty).
    expect(windowRatios(slo, 60).errorRatio).toBe(0);
    expect(windowRatios(slo, 360).errorRatio).toBeCloseTo((299 * 10) / (359 * 1000), 12);
    // A whole bad minute at t = 0, then the next minute begins: minute -360 left the ring.
    for (let t = 0; t < MINUTE; t += SECOND) recordSlo(slo, t, 100, 100, 0);
    recordSlo(slo, MINUTE, 0, 0, 0);
    expect(windowRatios(slo, 5).errorRatio).toBeCloseTo(6000 / (3 * 1000 + 6000), 12);
    expect(windowRatios(slo, 360).errorRatio).toBeCloseTo(
      (298 * 10 + 6000) / (298 * 1000 + 60 * 1000 + 6000),
      12,
    );
    // The budget spent before t = 0 slides out of the 30-day window as the run goes on.
    const at = (ms: number): number =>
      burnRates({ ...slo, budgetBad: 0, budgetTotal: 1 }, 0.999, 0.99, ms, 30).budgetRemaining;
    expect(at(0)).toBeCloseTo(0.75, 12);
    expect(at(15 * DAY)).toBeCloseTo(0.875, 12);
  });

  it('an empty ring averages only the minutes since t = 0', () => {
    const slo = sloWithHistory([], 0);
    expect(slo.history).toBe(0);
    for (let t = 0; t < 2 * MINUTE; t += SECOND) recordSlo(slo, t, 10, t < MINUTE ? 1 : 0, 0);
    expect(windowRatios(slo, 360).errorRatio).toBeCloseTo(0.05, 12);
    expect(windowRatios(slo, 5).errorRatio).toBeCloseTo(0.05, 12);
  });
});
