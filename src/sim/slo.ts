/**
 * The SLOs and their error budgets: availability (non-5xx) and latency (faster than the threshold),
 * counted per minute in a six-hour ring so the multi-window burn rates of the SRE Workbook
 * (1h/5m and 6h/30m) can be read at any moment. The minute in progress is kept as three scalars
 * and the window sums over completed minutes are refreshed once a minute, so a step costs O(1).
 *
 * A run starts in the middle of the system's life: the ring is created full of the minutes before
 * t = 0 (see `sloWithHistory`), so an hour window eleven minutes into an incident still holds 49
 * minutes of ordinary traffic, as Prometheus would.
 */
import type { SloState, SloWindow } from './state.ts';
import { DAY, MINUTE } from './time.ts';

export const SLO_MINUTES = 360;

const zero = (): SloWindow => ({ total: 0, bad: 0, slow: 0 });

/** A ring with no past: every window averages only the minutes since t = 0. */
export function emptySlo(): SloState {
  return sloWithHistory([], 0);
}

/**
 * A ring holding the minutes before t = 0, oldest first (the last one is the minute just before
 * the run; at most `SLO_MINUTES` are kept), and the share of the error budget the rolling window
 * had already spent when the run began.
 */
export function sloWithHistory(
  minutes: readonly SloWindow[],
  priorBudgetConsumed: number,
): SloState {
  const total = new Array<number>(SLO_MINUTES).fill(0);
  const bad = new Array<number>(SLO_MINUTES).fill(0);
  const slow = new Array<number>(SLO_MINUTES).fill(0);
  const kept = minutes.slice(-SLO_MINUTES);
  // Minute -k lives where minute SLO_MINUTES - k will: the run overwrites the oldest first.
  for (let j = 0; j < kept.length; j++) {
    const i = SLO_MINUTES - kept.length + j;
    total[i] = kept[j]!.total;
    bad[i] = kept[j]!.bad;
    slow[i] = kept[j]!.slow;
  }
  const slo: SloState = {
    minute: 0,
    total,
    bad,
    slow,
    current: zero(),
    completed: { m5: zero(), m30: zero(), m60: zero(), m360: zero() },
    history: kept.length,
    priorBudgetConsumed,
    budgetBad: 0,
    budgetTotal: 0,
  };
  refreshCompleted(slo);
  return slo;
}

/** Sum of the `n` most recent completed minutes before `minute`. */
function sumCompleted(slo: SloState, n: number): SloWindow {
  const out = zero();
  const count = Math.min(n, slo.minute + slo.history, SLO_MINUTES);
  for (let k = 1; k <= count; k++) {
    const i = (slo.minute - k + SLO_MINUTES) % SLO_MINUTES;
    out.total += slo.total[i]!;
    out.bad += slo.bad[i]!;
    out.slow += slo.slow[i]!;
  }
  return out;
}

function refreshCompleted(slo: SloState): void {
  slo.completed = {
    m5: sumCompleted(slo, 4),
    m30: sumCompleted(slo, 29),
    m60: sumCompleted(slo, 59),
    m360: sumCompleted(slo, 359),
  };
}

/**
 * Adds one step's requests. Replaces (never mutates) the ring arrays when a minute completes, so
 * a draft state can share them with the state it was copied from.
 */
export function recordSlo(
  slo: SloState,
  t: number,
  total: number,
  bad: number,
  slow: number,
): void {
  const minute = Math.floor(t / MINUTE);
  if (minute > slo.minute) {
    const totals = slo.total.slice();
    const bads = slo.bad.slice();
    const slows = slo.slow.slice();
    while (slo.minute < minute) {
      const i = slo.minute % SLO_MINUTES;
      totals[i] = slo.current.total;
      bads[i] = slo.current.bad;
      slows[i] = slo.current.slow;
      slo.current = zero();
      slo.minute++;
    }
    slo.total = totals;
    slo.bad = bads;
    slo.slow = slows;
    refreshCompleted(slo);
  }
  slo.current = {
    total: slo.current.total + total,
    bad: slo.current.bad + bad,
    slow: slo.current.slow + slow,
  };
  slo.budgetBad += bad;
  slo.budgetTotal += total;
}

function ratios(base: SloWindow, current: SloWindow): { errorRatio: number; slowRatio: number } {
  const total = base.total + current.total;
  return total > 0
    ? {
        errorRatio: (base.bad + current.bad) / total,
        slowRatio: (base.slow + current.slow) / total,
      }
    : { errorRatio: 0, slowRatio: 0 };
}

/** Error ratio and slow ratio over the last 5, 30, 60 or 360 minutes (the minute in progress included). */
export function windowRatios(
  slo: SloState,
  minutes: 5 | 30 | 60 | 360,
): { errorRatio: number; slowRatio: number } {
  const base =
    minutes === 5
      ? slo.completed.m5
      : minutes === 30
        ? slo.completed.m30
        : minutes === 60
          ? slo.completed.m60
          : slo.completed.m360;
  return ratios(base, slo.current);
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
  // The run is the newest slice of a rolling 30-day window: spend is measured against the budget
  // the whole window would have at this run's average traffic. What the window had spent before
  // t = 0 slides out of it as the run goes on.
  const windowMs = windowDays * DAY;
  const windowRequests = elapsedMs > 0 ? (slo.budgetTotal / elapsedMs) * windowMs : 0;
  const budget = windowRequests * allowed;
  const prior = slo.priorBudgetConsumed * Math.max(0, 1 - elapsedMs / windowMs);
  const spent = budget > 0 ? slo.budgetBad / budget : 0;
  return {
    b5m: w5.errorRatio / allowed,
    b30m: windowRatios(slo, 30).errorRatio / allowed,
    b1h: w60.errorRatio / allowed,
    b6h: windowRatios(slo, 360).errorRatio / allowed,
    latency5m: w5.slowRatio / allowedSlow,
    latency1h: w60.slowRatio / allowedSlow,
    budgetRemaining: 1 - prior - spent,
  };
}
