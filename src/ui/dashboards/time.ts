/**
 * Time on the charts is UTC, as on-call dashboards usually are (a shared incident channel has
 * people in several time zones). uPlot places ticks in the zone its `tzDate` returns; these
 * helpers keep both the ticks and the labels in UTC without Intl's per-call cost.
 */

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A Date whose local fields read as the UTC fields of `unixSeconds` (uPlot's `tzDate`). */
export function utcAsLocal(unixSeconds: number): Date {
  const date = new Date(unixSeconds * 1000);
  return new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
}

/** `02:13` or `02:13:07`, from Unix seconds. */
export function formatClock(unixSeconds: number, withSeconds: boolean): string {
  const d = new Date(unixSeconds * 1000);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return withSeconds ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

/** `2025-03-14 02:13:07`, from Unix seconds. */
export function formatUtc(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${formatClock(unixSeconds, true)}`;
}

/** Labels for the time axis: minutes, with seconds only when ticks are less than a minute apart. */
export function timeTicks(ticks: readonly number[], step: number): string[] {
  return ticks.map((s) => formatClock(s, step < 60));
}

/** Steps for the time axis, in seconds (uPlot's own list jumps from 1 to 5 minutes). */
export const TIME_INCRS: readonly number[] = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/**
 * The least room (CSS px) between time labels for a range of `rangeS` seconds on `plotPx`: six
 * text heights, unless that leaves fewer than three labels (uPlot takes the first step whose ticks
 * are at least this far apart); then the room of the longest step that still gives three, but
 * never less than an `hh:mm` label needs.
 */
export function timeAxisSpace(rangeS: number, plotPx: number, fontPx: number): number {
  const preferred = fontPx * 6;
  if (!(rangeS > 0) || !(plotPx > 0)) return preferred;
  const pxPerS = plotPx / rangeS;
  const chosen = TIME_INCRS.find((incr) => incr * pxPerS >= preferred);
  if (chosen !== undefined && rangeS / chosen >= 3) return preferred;
  const three = [...TIME_INCRS].reverse().find((incr) => rangeS / incr >= 3) ?? TIME_INCRS[0]!;
  // A hair under the step's room, so float rounding cannot push uPlot to the next step.
  return Math.max(fontPx * 3.5, three * pxPerS * 0.999);
}
