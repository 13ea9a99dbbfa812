/**
 * A panel's samples, read from the metric rings into typed arrays that live as long as the panel:
 * a redraw copies numbers, it allocates nothing but the small views handed to uPlot. Longer
 * windows than a chart can show are averaged into buckets (like Grafana's `$__interval`).
 */
import type { MetricReader } from '../../store/index.ts';

export type RangeId = '15m' | '1h' | 'all';
export const RANGE_IDS: readonly RangeId[] = ['15m', '1h', 'all'];

/** Seconds each range spans; `all` is whatever the rings still hold. */
export const RANGE_SECONDS: Readonly<Record<RangeId, number>> = {
  '15m': 15 * 60,
  '1h': 60 * 60,
  all: Number.POSITIVE_INFINITY,
};

/** Points per series a chart draws at most: one an hour at 1 Hz, more than any chart is wide. */
export const MAX_POINTS = 3600;

/** The x range a chart shows, in Unix seconds. */
export interface XWindow {
  min: number;
  max: number;
}

/** Scratch for `all`, shared by every panel (reads are synchronous, one at a time). */
let scratchTimes = new Float64Array(0);
let scratchValues = new Float64Array(0);

function scratch(n: number): void {
  if (scratchTimes.length >= n) return;
  scratchTimes = new Float64Array(n);
  scratchValues = new Float64Array(n);
}

export type Columns = [Float64Array, ...Float64Array[]];

export class PanelData {
  private readonly times = new Float64Array(MAX_POINTS);
  private readonly values: Float64Array[];

  constructor(private readonly keys: readonly string[]) {
    this.values = keys.map(() => new Float64Array(MAX_POINTS));
  }

  /**
   * Reads the range's samples of every series; returns the columns (views over the panel's
   * arrays, x first) and fills `window` with the x range to show.
   */
  load(reader: MetricReader, range: RangeId, window: XWindow): Columns {
    const span = RANGE_SECONDS[range];
    const wanted = Number.isFinite(span) ? span : Math.max(0, reader.written());
    let count = 0;
    if (wanted <= MAX_POINTS) {
      for (let s = 0; s < this.keys.length; s++) {
        count = reader.read(this.keys[s]!, wanted, this.times, this.values[s]!);
      }
    } else {
      scratch(wanted);
      for (let s = 0; s < this.keys.length; s++) {
        const read = reader.read(this.keys[s]!, wanted, scratchTimes, scratchValues);
        count = bucketMeans(read, scratchTimes, scratchValues, this.times, this.values[s]!);
      }
    }
    const last = count > 0 ? this.times[count - 1]! : 0;
    const first = count > 0 ? this.times[0]! : 0;
    window.max = last;
    window.min = Number.isFinite(span) ? last - span : Math.min(first, last - 60);
    const columns: Columns = [this.times.subarray(0, count)];
    for (const v of this.values) columns.push(v.subarray(0, count));
    return columns;
  }
}

/**
 * Averages `n` samples into at most MAX_POINTS buckets, anchored at the newest sample so the
 * last point is always the latest second; returns how many buckets were written.
 */
export function bucketMeans(
  n: number,
  times: Float64Array,
  values: Float64Array,
  outTimes: Float64Array,
  outValues: Float64Array,
): number {
  if (n <= MAX_POINTS) {
    outTimes.set(times.subarray(0, n));
    outValues.set(values.subarray(0, n));
    return n;
  }
  const size = Math.ceil(n / MAX_POINTS);
  const buckets = Math.ceil(n / size);
  for (let b = buckets - 1, end = n; b >= 0; b--, end -= size) {
    const start = Math.max(0, end - size);
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i]!;
    outValues[b] = sum / (end - start);
    outTimes[b] = times[end - 1]!;
  }
  return buckets;
}
