/**
 * Impact, measured from the simulation's per-second SLI counts (`sli_requests`, `sli_failed`,
 * `sli_slow`: requests per second the SLO counts, failed, slower than the latency threshold).
 * The same code measures the player's run and the reference path, so the two compare fairly.
 *
 * A sample stamped T covers the second [T - 1 s, T). A second is *impacted* when the share of its
 * requests that went wrong (failed, or slower than the threshold) is above what the availability
 * objective allows (0.1% at 99.9%): the service did worse than it promised. The impact starts
 * with the first run of impacted seconds lasting a minute, and ends with the last such run, once
 * the record shows it stayed good after it (see `impactSpan`).
 */
import type { MetricStore, SystemConfig } from '../sim/index.ts';
import { DAY, ENDPOINT_IDS, M, MINUTE, SECOND } from '../sim/index.ts';
import type { BudgetUse } from './model.ts';

/** Impacted seconds in a row before they count as impact (one minute, like the story's guards). */
export const IMPACT_MIN_RUN_MS = 1 * MINUTE;
/** How long the service must stay good after the last run before the impact counts as ended. */
export const IMPACT_SETTLE_MS = 5 * MINUTE;

export interface SliSeries {
  /** Sample times (simulated ms, the end of each second). */
  readonly times: readonly number[];
  readonly requests: readonly number[];
  readonly failed: readonly number[];
  readonly slow: readonly number[];
}

export function readSli(metrics: MetricStore): SliSeries {
  return {
    times: metrics.timesArray(),
    requests: metrics.values(M.sli_requests!),
    failed: metrics.values(M.sli_failed!),
    slow: metrics.values(M.sli_slow!),
  };
}

/**
 * Requests of one second that went wrong. The sim counts a failure that took longer than the
 * threshold both as failed and as slow, so the larger of the two is a lower bound of
 * "failed or slow" that never counts a request twice.
 */
export const badOf = (s: SliSeries, i: number): number => Math.max(s.failed[i]!, s.slow[i]!);

export function isImpacted(s: SliSeries, i: number, allowedBadShare: number): boolean {
  const requests = s.requests[i]!;
  return requests > 0 && badOf(s, i) / requests > allowedBadShare;
}

/** Sample indexes, first and last inclusive. */
export interface Span {
  readonly first: number;
  readonly last: number;
}

/** Runs of impacted seconds lasting at least a minute, in order. */
export function impactRuns(s: SliSeries, allowedBadShare: number): Span[] {
  const runs: Span[] = [];
  const minSamples = IMPACT_MIN_RUN_MS / SECOND;
  let start = -1;
  const n = s.times.length;
  for (let i = 0; i <= n; i++) {
    const bad = i < n && isImpacted(s, i, allowedBadShare);
    if (bad && start < 0) start = i;
    if (!bad && start >= 0) {
      if (i - start >= minSamples) runs.push({ first: start, last: i - 1 });
      start = -1;
    }
  }
  return runs;
}

/**
 * The impact as sample indexes: from the first run's first second to the last run's last one.
 * `ended` is false while the last run reaches the end of the record, or while a run still in
 * progress has not yet been followed by `IMPACT_SETTLE_MS` of good service.
 */
export function impactSpan(
  s: SliSeries,
  allowedBadShare: number,
  complete: boolean,
): { span: Span; ended: boolean } | null {
  const runs = impactRuns(s, allowedBadShare);
  if (runs.length === 0) return null;
  const first = runs[0]!.first;
  const last = runs[runs.length - 1]!.last;
  const n = s.times.length;
  const settled = s.times[n - 1]! - s.times[last]! >= IMPACT_SETTLE_MS;
  const ended = last < n - 1 && (complete || settled);
  return { span: { first, last: ended ? last : n - 1 }, ended };
}

export interface Totals {
  readonly requests: number;
  readonly failed: number;
  readonly slow: number;
  /** Σ max(failed, slow) per second. */
  readonly bad: number;
}

/** Sums of the per-second counts over samples `first..last` (one sample is one second). */
export function totals(s: SliSeries, first: number, last: number): Totals {
  let requests = 0;
  let failed = 0;
  let slow = 0;
  let bad = 0;
  for (let i = first; i <= last; i++) {
    requests += s.requests[i]!;
    failed += s.failed[i]!;
    slow += s.slow[i]!;
    bad += badOf(s, i);
  }
  return { requests, failed, slow, bad };
}

/**
 * Share of a 30-day error budget that `bad` requests used, counted as `src/sim/slo.ts` counts
 * it: the budget is what the whole rolling period would allow at this run's average traffic.
 */
export function budgetShare(
  bad: number,
  requests: number,
  elapsedMs: number,
  target: number,
  windowDays: number,
): number {
  if (elapsedMs <= 0 || requests <= 0) return 0;
  const periodRequests = (requests / elapsedMs) * windowDays * DAY;
  return bad / (periodRequests * (1 - target));
}

/**
 * Budget spent on each SLO over the whole record. Availability's `remaining` is the sim's own
 * `error_budget_remaining` at the end (which also counts what was spent before the run); the
 * sim keeps no latency budget from before the run, so latency's is `1 - consumed`.
 */
export function budgets(s: SliSeries, slo: SystemConfig['slo'], remaining: number): BudgetUse[] {
  const n = s.times.length;
  const all = n > 0 ? totals(s, 0, n - 1) : { requests: 0, failed: 0, slow: 0, bad: 0 };
  const elapsed = n > 0 ? s.times[n - 1]! : 0;
  const availability = budgetShare(
    all.failed,
    all.requests,
    elapsed,
    slo.availabilityTarget,
    slo.windowDays,
  );
  const latency = budgetShare(all.slow, all.requests, elapsed, slo.latencyTarget, slo.windowDays);
  return [
    {
      slo: 'availability',
      target: slo.availabilityTarget,
      badRequests: all.failed,
      consumed: availability,
      remaining,
    },
    {
      slo: 'latency',
      target: slo.latencyTarget,
      badRequests: all.slow,
      consumed: latency,
      remaining: 1 - latency,
    },
  ];
}

/** The p99 series a peak is looked for in: the whole API, then each route. */
export const LATENCY_METRICS: readonly string[] = [
  'api_p99',
  ...ENDPOINT_IDS.map((e) => `${e}_p99`),
];

/** The highest value of a series and when (the first time it was reached); 0 at 0 when empty. */
export function peakOf(
  times: readonly number[],
  values: readonly number[],
): { value: number; t: number } {
  let value = 0;
  let at = 0;
  for (let i = 0; i < values.length; i++)
    if (values[i]! > value) {
      value = values[i]!;
      at = times[i]!;
    }
  return { value, t: at };
}

/** The p99 that peaked highest over the record (ties go to the earlier series in the list). */
export function peakLatency(metrics: MetricStore): { metric: string; ms: number; t: number } {
  const times = metrics.timesArray();
  let best = { metric: LATENCY_METRICS[0]!, ms: 0, t: 0 };
  for (const key of LATENCY_METRICS) {
    const p = peakOf(times, metrics.values(M[key]!));
    if (p.value > best.ms) best = { metric: key, ms: p.value, t: p.t };
  }
  return best;
}

/** The highest per-second failed share (failed / requests the SLO counts) and when. */
export function peakErrorRatio(s: SliSeries): { ratio: number; t: number } {
  const ratios = s.requests.map((r, i) => (r > 0 ? s.failed[i]! / r : 0));
  const p = peakOf(s.times, ratios);
  return { ratio: p.value, t: p.t };
}

/** What the impact figures of one run are, before they are tied to timeline items. */
export interface ImpactFigures {
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly durationMs: number;
  readonly totals: Totals;
  /** totals.bad / totals.requests: the share of the impact's requests that failed or were slow. */
  readonly affectedShare: number;
  readonly span: Span | null;
  readonly budgets: BudgetUse[];
  readonly peakLatency: { metric: string; ms: number; t: number };
  readonly peakErrorRatio: { ratio: number; t: number };
  /** The share of requests per second that makes a second impacted (1 - availability target). */
  readonly threshold: number;
}

/**
 * Measures a run's impact from its record. `complete` is true when the record is final (the
 * story ended), so an impact that stopped shortly before the end counts as ended.
 */
export function measureImpact(
  metrics: MetricStore,
  slo: SystemConfig['slo'],
  complete: boolean,
): ImpactFigures {
  const s = readSli(metrics);
  // Rounded so 1 - 0.999 reads 0.001, not 0.0010000000000000009.
  const threshold = Number((1 - slo.availabilityTarget).toFixed(12));
  const found = s.times.length > 0 ? impactSpan(s, threshold, complete) : null;
  const remaining = s.times.length > 0 ? metrics.latest(M.error_budget_remaining!) : 1;
  const span = found?.span ?? null;
  const startedAt = span ? s.times[span.first]! - SECOND : null;
  const endedAt = span && found?.ended ? s.times[span.last]! : null;
  const end = span ? s.times[span.last]! : 0;
  const sum = span ? totals(s, span.first, span.last) : { requests: 0, failed: 0, slow: 0, bad: 0 };
  return {
    startedAt,
    endedAt,
    durationMs: startedAt === null ? 0 : end - startedAt,
    totals: sum,
    affectedShare: sum.requests > 0 ? sum.bad / sum.requests : 0,
    span,
    budgets: budgets(s, slo, remaining),
    peakLatency: peakLatency(metrics),
    peakErrorRatio: peakErrorRatio(s),
    threshold,
  };
}
