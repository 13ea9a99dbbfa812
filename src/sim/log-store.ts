/**
 * A bounded, indexed store of log records. Records are kept compact (a template id, a source, a
 * trace id and six numeric arguments in typed-array columns) and formatted into text only when
 * read, so a long run at 10x speed costs a fixed amount of memory and little time.
 *
 * The store is a ring: when full, the oldest record is overwritten. Records arrive in time order,
 * so a time lookup is a binary search. Service and level are byte columns, so filtering by them
 * is a linear scan over bytes.
 */
import type { RecordArgs } from './log-shapes.ts';
import type { LogLevel, LogService } from './log-templates.ts';
import { LOG_LEVELS, LOG_SERVICES, LOG_TEMPLATES, renderLog } from './log-templates.ts';

export const LOG_ARGS = 6;

export type LogRecordView = {
  /** Sequence number since the start of the run (stable across ring wrap-around). */
  seq: number;
  t: number;
  service: LogService;
  level: LogLevel;
  template: number;
  source: string;
  traceHi: number;
  traceLo: number;
  args: number[];
};

export class LogStore {
  readonly capacity: number;
  private readonly t: Float64Array;
  private readonly svc: Uint8Array;
  private readonly lvl: Uint8Array;
  private readonly tpl: Uint16Array;
  private readonly src: Int32Array;
  private readonly trHi: Uint32Array;
  private readonly trLo: Uint32Array;
  private readonly args: Float64Array;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Total records ever appended; the ring holds the last `size` of them. */
  private appended = 0;

  constructor(capacity = 131_072) {
    this.capacity = capacity;
    this.t = new Float64Array(capacity);
    this.svc = new Uint8Array(capacity);
    this.lvl = new Uint8Array(capacity);
    this.tpl = new Uint16Array(capacity);
    this.src = new Int32Array(capacity);
    this.trHi = new Uint32Array(capacity);
    this.trLo = new Uint32Array(capacity);
    this.args = new Float64Array(capacity * LOG_ARGS);
  }

  /** Interns a string used as a source name or a string argument; returns its id. */
  intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  string(id: number): string {
    return this.strings[id] ?? '';
  }

  append(
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
    const i = this.appended % this.capacity;
    const def = LOG_TEMPLATES[template]!;
    this.t[i] = t;
    this.svc[i] = def.serviceIndex;
    this.lvl[i] = def.levelIndex;
    this.tpl[i] = template;
    this.src[i] = source;
    this.trHi[i] = traceHi;
    this.trLo[i] = traceLo;
    const base = i * LOG_ARGS;
    this.args[base] = a0;
    this.args[base + 1] = a1;
    this.args[base + 2] = a2;
    this.args[base + 3] = a3;
    this.args[base + 4] = a4;
    this.args[base + 5] = a5;
    this.appended++;
  }

  /** Number of records held. */
  get size(): number {
    return Math.min(this.appended, this.capacity);
  }

  /** Sequence number of the oldest record held. */
  get firstSeq(): number {
    return this.appended - this.size;
  }

  get totalAppended(): number {
    return this.appended;
  }

  private slot(seq: number): number {
    return seq % this.capacity;
  }

  /** The record with sequence number `seq`, or null when it has been overwritten or not written. */
  get(seq: number): LogRecordView | null {
    if (seq < this.firstSeq || seq >= this.appended) return null;
    const i = this.slot(seq);
    const base = i * LOG_ARGS;
    return {
      seq,
      t: this.t[i]!,
      service: LOG_SERVICES[this.svc[i]!]!,
      level: LOG_LEVELS[this.lvl[i]!]!,
      template: this.tpl[i]!,
      source: this.string(this.src[i]!),
      traceHi: this.trHi[i]!,
      traceLo: this.trLo[i]!,
      args: Array.from(this.args.subarray(base, base + LOG_ARGS)),
    };
  }

  /** The formatted line, exactly as the component would have printed it. */
  format(seq: number, startEpochMs: number): string | null {
    const rec = this.get(seq);
    return rec === null ? null : renderLog(rec, startEpochMs, (id) => this.string(id));
  }

  timeOf(seq: number): number {
    return this.t[this.slot(seq)]!;
  }

  serviceIndexOf(seq: number): number {
    return this.svc[this.slot(seq)]!;
  }

  levelIndexOf(seq: number): number {
    return this.lvl[this.slot(seq)]!;
  }

  /** First sequence number whose time is >= t (binary search over the time-ordered ring). */
  seqAtTime(t: number): number {
    let lo = this.firstSeq;
    let hi = this.appended;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeOf(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Sequence numbers of records matching service, minimum level and time range, oldest first,
   * written into `out` (reused across calls); returns how many matched.
   */
  filter(
    out: Int32Array,
    opts: {
      services?: readonly LogService[];
      minLevel?: LogLevel;
      since?: number;
      until?: number;
    } = {},
  ): number {
    const start = opts.since === undefined ? this.firstSeq : this.seqAtTime(opts.since);
    const end = opts.until === undefined ? this.appended : this.seqAtTime(opts.until);
    let mask = 0;
    if (opts.services) for (const s of opts.services) mask |= 1 << LOG_SERVICES.indexOf(s);
    const minLevel = opts.minLevel === undefined ? 0 : LOG_LEVELS.indexOf(opts.minLevel);
    let n = 0;
    for (let seq = start; seq < end && n < out.length; seq++) {
      const i = this.slot(seq);
      if (mask !== 0 && (mask & (1 << this.svc[i]!)) === 0) continue;
      if (this.lvl[i]! < minLevel) continue;
      out[n++] = seq;
    }
    return n;
  }

  templateOf(seq: number): number {
    return this.tpl[this.slot(seq)]!;
  }

  sourceIdOf(seq: number): number {
    return this.src[this.slot(seq)]!;
  }

  /**
   * A cursor over one record's raw columns, moved by setting `seq`: searches read arguments in
   * place instead of copying each record out.
   */
  cursor(): RecordArgs & { seq: number } {
    const at = (i: number): number => this.args[this.slot(c.seq) * LOG_ARGS + i] ?? 0;
    const c = {
      seq: this.firstSeq,
      n: at,
      s: (i: number): string => this.string(at(i)),
      traced: (): boolean => this.trHi[this.slot(c.seq)] !== 0 || this.trLo[this.slot(c.seq)] !== 0,
      sourceId: (): number => this.src[this.slot(c.seq)]!,
    };
    return c;
  }

  /** Counts per service index, for cheap "how much did X log" questions in tests and alerts. */
  countByTemplate(template: number, since = -Infinity): number {
    let n = 0;
    const start = since === -Infinity ? this.firstSeq : this.seqAtTime(since);
    for (let seq = start; seq < this.appended; seq++)
      if (this.tpl[this.slot(seq)] === template) n++;
    return n;
  }
}
