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
