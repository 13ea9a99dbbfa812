/**
 * Fixed-size ring buffers of metric samples, one Float32Array per series plus a time column.
 * Memory is allocated once; a six-hour run uses exactly what a one-hour run does.
 */
import { METRIC_COUNT } from './metric-catalog.ts';

export class MetricStore {
  readonly capacity: number;
  readonly columns: number;
  private readonly times: Float64Array;
  private readonly series: Float32Array[];
  private written = 0;

  constructor(capacity = 4 * 3600, columns = METRIC_COUNT) {
    this.capacity = capacity;
    this.columns = columns;
    this.times = new Float64Array(capacity);
    this.series = Array.from({ length: columns }, () => new Float32Array(capacity));
  }

  append(t: number, values: Float64Array): void {
    const i = this.written % this.capacity;
    this.times[i] = t;
    for (let c = 0; c < this.columns; c++) this.series[c]![i] = values[c]!;
    this.written++;
  }

  get size(): number {
    return Math.min(this.written, this.capacity);
  }

  get totalWritten(): number {
    return this.written;
  }

  /** The latest value of a series, or NaN before the first sample. */
  latest(column: number): number {
    if (this.written === 0) return Number.NaN;
    return this.series[column]![(this.written - 1) % this.capacity]!;
  }

  /** Copies the last `n` samples (oldest first) of a series and the time column into the outputs. */
  tail(column: number, n: number, outTimes: Float64Array, outValues: Float64Array): number {
    const count = Math.min(n, this.size, outTimes.length, outValues.length);
    const start = this.written - count;
    const col = this.series[column]!;
    for (let k = 0; k < count; k++) {
      const i = (start + k) % this.capacity;
      outTimes[k] = this.times[i]!;
      outValues[k] = col[i]!;
    }
    return count;
  }

  /** Values of a series as a plain array (oldest first), for tests and small tools. */
  values(column: number): number[] {
    const n = this.size;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    this.tail(column, n, t, v);
    return Array.from(v);
  }

  timesArray(): number[] {
    const n = this.size;
    const t = new Float64Array(n);
    const v = new Float64Array(n);
    this.tail(0, n, t, v);
    return Array.from(t);
  }
}
