/**
 * The sink a real run uses: metric samples into ring buffers, log records into the bounded log
 * store (sorted by time within each step, since components log at different moments of the
 * second), and events into a bounded list.
 */
import { LOG_ARGS, LogStore } from './log-store.ts';
import { METRIC_COUNT } from './metric-catalog.ts';
import { MetricStore } from './metric-store.ts';
import type { SimEvent, StepSink } from './sink.ts';

const PENDING_MAX = 4096;
const REC = 4 + LOG_ARGS; // t, template, source, traceHi, traceLo folded below

export class Recorder implements StepSink {
  readonly sample = new Float64Array(METRIC_COUNT);
  readonly metrics: MetricStore;
  readonly logs: LogStore;
  readonly events: SimEvent[] = [];
  private readonly maxEvents: number;
  private readonly pending = new Float64Array(PENDING_MAX * (REC + 1));
  private readonly order = new Int32Array(PENDING_MAX);
  private pendingCount = 0;

  constructor(opts: { metricCapacity?: number; logCapacity?: number; maxEvents?: number } = {}) {
    this.metrics = new MetricStore(opts.metricCapacity);
    this.logs = new LogStore(opts.logCapacity);
    this.maxEvents = opts.maxEvents ?? 20_000;
  }

  intern(s: string): number {
    return this.logs.intern(s);
  }

  log(
    t: number,
    template: number,
    source: number,
    traceHi: number,
    traceLo: number,
    a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0,
    a4 = 0,
    a5 = 0,
  ): void {
    if (this.pendingCount >= PENDING_MAX) return;
    const b = this.pendingCount * (REC + 1);
    const p = this.pending;
    p[b] = t;
    p[b + 1] = template;
    p[b + 2] = source;
    p[b + 3] = traceHi;
    p[b + 4] = traceLo;
    p[b + 5] = a0;
    p[b + 6] = a1;
    p[b + 7] = a2;
    p[b + 8] = a3;
    p[b + 9] = a4;
    p[b + 10] = a5;
    this.pendingCount++;
  }

  event(e: SimEvent): void {
    this.events.push(e);
    if (this.events.length > this.maxEvents)
      this.events.splice(0, this.events.length - this.maxEvents);
  }

  /** Ends a step: stores the sample at time `t` and the step's logs in time order. */
  commit(t: number): void {
    this.metrics.append(t, this.sample);
    const n = this.pendingCount;
    const p = this.pending;
    const W = REC + 1;
    for (let i = 0; i < n; i++) this.order[i] = i;
    // Insertion sort, stable: a handful of records per step.
    for (let i = 1; i < n; i++) {
      const v = this.order[i]!;
      const tv = p[v * W]!;
      let j = i - 1;
      while (j >= 0 && p[this.order[j]! * W]! > tv) {
        this.order[j + 1] = this.order[j]!;
        j--;
      }
      this.order[j + 1] = v;
    }
    for (let k = 0; k < n; k++) {
      const b = this.order[k]! * W;
      this.logs.append(
        p[b]!,
        p[b + 1]!,
        p[b + 2]!,
        p[b + 3]!,
        p[b + 4]!,
        p[b + 5],
        p[b + 6],
        p[b + 7],
        p[b + 8],
        p[b + 9],
        p[b + 10],
      );
    }
    this.pendingCount = 0;
  }
}
