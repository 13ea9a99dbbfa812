/**
 * The run at one moment, read from the record: what had happened by simulated time `t`. "At t"
 * means after everything done at t: the step that reached t and every input stamped t (inputs
 * are applied before the clock steps past their time), so a decision at t is already taken.
 * Pure functions over plain data; the view calls them on every move of the scrubber.
 */
import type { ReplayPage, ReplayRecord, ReplaySeries } from './types.ts';

export interface PageAtMoment {
  readonly page: ReplayPage;
  readonly state: 'triggered' | 'acknowledged';
}

export interface ReplayMoment {
  readonly t: number;
  /** The last decision taken at or before t (index into `decisions`), or -1 before the first. */
  readonly decision: number;
  /** How many feed items (a prefix: the feed is in time order) had happened by t. */
  readonly feedShown: number;
  /** How many transcript lines had been run by t. */
  readonly transcriptShown: number;
  /** Each series' value at t (its sample at t, else the last before), null before any. */
  readonly values: readonly (number | null)[];
  /** Pages open at t, in the order they fired. */
  readonly pages: readonly PageAtMoment[];
  readonly story: string;
}

/** How many items of a time-ordered list have `t <= at` (binary search). */
export function countUpTo(items: readonly { readonly t: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.t <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The series' sample at t, or the last one before it; null before the first sample. */
export function valueAt(series: ReplaySeries, at: number): number | null {
  const { times, values } = series;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : values[lo - 1]!;
}

/** Whole simulated seconds within the record: the scrubber's positions. */
export function clampTime(record: ReplayRecord, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  return Math.min(Math.max(0, whole), record.endMs);
}

export function momentAt(record: ReplayRecord, at: number): ReplayMoment {
  const t = clampTime(record, at);
  const story = record.story[countUpTo(record.story, t) - 1]?.state ?? '';
  const pages: PageAtMoment[] = [];
  for (const page of record.pages) {
    if (page.firedAt > t || (page.resolvedAt !== null && page.resolvedAt <= t)) continue;
    const acknowledged = page.acknowledgedAt !== null && page.acknowledgedAt <= t;
    pages.push({ page, state: acknowledged ? 'acknowledged' : 'triggered' });
  }
  return {
    t,
    decision: countUpTo(record.decisions, t) - 1,
    feedShown: countUpTo(record.feed, t),
    transcriptShown: countUpTo(record.transcript, t),
    values: record.series.map((s) => valueAt(s, t)),
    pages,
    story,
  };
}

/** The time of the first decision after t, or null after the last. */
export function nextDecisionTime(record: ReplayRecord, t: number): number | null {
  return record.decisions[countUpTo(record.decisions, t)]?.t ?? null;
}

/** The time of the last decision before t (not at t), or null before the first. */
export function previousDecisionTime(record: ReplayRecord, t: number): number | null {
  return record.decisions[countUpTo(record.decisions, t - 1) - 1]?.t ?? null;
}
