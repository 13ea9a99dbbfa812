/** A series drawn in text, for a Markdown file that has no canvas. */

const BARS = '▁▂▃▄▅▆▇█';

/** The shape of a series in `width` block characters (each the highest value of its stretch). */
export function sparkline(values: readonly number[], width = 40): string {
  if (values.length === 0) return '';
  const n = Math.min(width, values.length);
  const buckets: number[] = [];
  for (let b = 0; b < n; b++) {
    const from = Math.floor((b * values.length) / n);
    const to = Math.max(from + 1, Math.floor(((b + 1) * values.length) / n));
    let peak = -Infinity;
    for (let i = from; i < to; i++) peak = Math.max(peak, values[i]!);
    buckets.push(peak);
  }
  const low = Math.min(0, ...buckets);
  const high = Math.max(...buckets);
  const span = high - low;
  return buckets
    .map((v) => BARS[span > 0 ? Math.round(((v - low) / span) * (BARS.length - 1)) : 0]!)
    .join('');
}
