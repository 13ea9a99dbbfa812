/**
 * The SLOs and their error budgets: availability (non-5xx) and latency (faster than the threshold),
 * counted per minute in a six-hour ring so the multi-window burn rates of the SRE Workbook
 * (1h/5m and 6h/30m) can be read at any moment.
 */
import type { SloState } from './state.ts';
import { DAY, MINUTE } from './time.ts';

export const SLO_MINUTES = 360;

export function emptySlo(): SloState {
  return {
    minute: 0,
    total: new Array<number>(SLO_MINUTES).fill(0),
    bad: new Array<number>(SLO_MINUTES).fill(0),
    slow: new Array<number>(SLO_MINUTES).fill(0),
    budgetBad: 0,
    budgetTotal: 0,
  };
}

/** Adds one step's requests to the current minute bucket (mutates the draft). */
export function recordSlo(
  slo: SloState,
  t: number,
  total: number,
  bad: number,
  slow: number,
): void {
  const minute = Math.floor(t / MINUTE);
  while (slo.minute < minute) {
    slo.minute++;
    const i = slo.minute % SLO_MINUTES;
    slo.total[i] = 0;
    slo.bad[i] = 0;
    slo.slow[i] = 0;
  }
  const i = minute % SLO_MINUTES;
  slo.total[i]! += total;
  slo.bad[i]! += bad;
  slo.slow[i]! += slow;
  slo.budgetBad += bad;
  slo.budgetTotal += total;
}

/** Error ratio and slow ratio over the last `minutes` minutes (the current partial minute included). */
export function windowRatios(
  slo: SloState,
  minutes: number,
): { errorRatio: number; slowRatio: number } {
  let total = 0;
  let bad = 0;
  let slow = 0;
  const n = Math.min(minutes, SLO_MINUTES, slo.minute + 1);
  for (let k = 0; k < n; k++) {
    const i = (slo.minute - k) % SLO_MINUTES;
    total += slo.total[i]!;
    bad += slo.bad[i]!;
    slow += slo.slow[i]!;
  }
  return total > 0
    ? { errorRatio: bad / total, slowRatio: slow / total }
    : { errorRatio: 0, slowRatio: 0 };
}

export type BurnRates = {
  b5m: number;
  b30m: number;
  b1h: number;
  b6h: number;
  latency5m: number;
  latency1h: number;
  budgetRemaining: number;
};

export function burnRates(
  slo: SloState,
  availabilityTarget: number,
  latencyTarget: number,
  elapsedMs: number,
  windowDays: number,
): BurnRates {
  const allowed = 1 - availabilityTarget;
  const allowedSlow = 1 - latencyTarget;
  const w5 = windowRatios(slo, 5);
  const w60 = windowRatios(slo, 60);
  // The run is a slice of a 30-day window that started with a full budget: spend is measured
  // against the budget the whole window would have at this run's average traffic.
  const windowRequests = elapsedMs > 0 ? (slo.budgetTotal / elapsedMs) * windowDays * DAY : 0;
  const budget = windowRequests * allowed;
  return {
    b5m: w5.errorRatio / allowed,
    b30m: windowRatios(slo, 30).errorRatio / allowed,
    b1h: w60.errorRatio / allowed,
    b6h: windowRatios(slo, 360).errorRatio / allowed,
    latency5m: w5.slowRatio / allowedSlow,
    latency1h: w60.slowRatio / allowedSlow,
    budgetRemaining: budget > 0 ? 1 - slo.budgetBad / budget : 1,
  };
}
