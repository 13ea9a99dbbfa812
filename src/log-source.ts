/**
 * Adapts the simulation's `LogStore` to the log explorer's `LogSource` (the UI may not import the
 * sim). Searching filters on the store's typed columns first (service, level, pod), then asks each
 * line's template shape whether the text filters pass for its whole variant (sim/log-shapes.ts),
 * and formats only lines the shape cannot decide. Formatted lines are kept in a small LRU so
 * scrolling back and forth does not format the same line twice. See docs/logs.md.
 */
import { matchLabel, matchLine } from './shared/log-query.ts';
import type { LabelMatcher, LineFilter, LogQuery } from './shared/log-query.ts';
import { LINE_VERDICT, prepareShape, shapeVerdict } from './shared/log-shape.ts';
import type { LineVerdict, PreparedShape } from './shared/log-shape.ts';
import { LOG_SHAPES } from './sim/log-shapes.ts';
import type { LogStore } from './sim/log-store.ts';
import { LOG_LEVELS, LOG_SERVICES } from './sim/log-templates.ts';
import type { LogLine, LogRange, LogSource } from './ui/log-explorer/types.ts';

export type { LogLine, LogRange, LogSource } from './ui/log-explorer/types.ts';

export const LOG_LABELS = ['service', 'level', 'pod'] as const;

export interface StoreLogSourceOptions {
  /** Formatted lines kept; a screenful is ~50, so the default covers many pages of scrolling. */
  readonly cacheSize?: number;
}

export function createLogSource(
  store: LogStore,
  startEpochMs: number,
  options: StoreLogSourceOptions = {},
): LogSource {
  const cacheSize = Math.max(1, options.cacheSize ?? 4096);
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the LRU.
  const cache = new Map<number, LogLine>();

  const held = (seq: number): boolean => seq >= store.firstSeq && seq < store.totalAppended;

  const lineAt = (seq: number): LogLine | null => {
    if (!held(seq)) return null;
    const hit = cache.get(seq);
    if (hit) {
      cache.delete(seq);
      cache.set(seq, hit);
      return hit;
    }
    const rec = store.get(seq);
    const text = store.format(seq, startEpochMs);
    if (rec === null || text === null) return null;
    const line: LogLine = {
      seq,
      t: rec.t,
      clock: clockOf(startEpochMs + rec.t),
      utc: new Date(startEpochMs + rec.t).toISOString(),
      service: rec.service,
      level: rec.level,
      source: rec.source,
      text,
    };
    cache.set(seq, line);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return line;
  };

  const shapes = createShapeIndex(store);
  // The panel searches one query in many chunks: its verdicts are worked out once per query.
  const verdictsByQuery = new WeakMap<LogQuery, (seq: number) => LineVerdict>();
  const verdictsFor = (query: LogQuery): ((seq: number) => LineVerdict) => {
    let v = verdictsByQuery.get(query);
    if (!v) {
      v = shapes.verdicts(query.filters);
      verdictsByQuery.set(query, v);
    }
    return v;
  };

  const search = (query: LogQuery, range: LogRange = {}): Int32Array => {
    const from = Math.max(store.firstSeq, range.fromSeq ?? -Infinity);
    const to = Math.min(store.totalAppended, range.toSeq ?? Infinity);
    if (to <= from) return new Int32Array(0);
    const services = allowed(LOG_SERVICES, query.matchers, 'service');
    const levels = allowed(LOG_LEVELS, query.matchers, 'level');
    const pods = query.matchers.filter((m) => m.label === 'pod');
    // Labels the store does not have are empty strings, as in Loki: decided once per query.
    const others = query.matchers.filter((m) => !LOG_LABELS.some((l) => l === m.label));
    if (!others.every((m) => matchLabel(m, ''))) return new Int32Array(0);
    // Pod verdicts by interned source id: one string test per pod, not per line.
    const podVerdicts = new Map<number, boolean>();
    const verdict = query.filters.length > 0 ? verdictsFor(query) : null;
    if (verdict) shapes.cover(to);

    const out = new Int32Array(to - from);
    let n = 0;
    for (let seq = from; seq < to; seq++) {
      if (!services[store.serviceIndexOf(seq)] || !levels[store.levelIndexOf(seq)]) continue;
      if (pods.length > 0) {
        const id = store.sourceIdOf(seq);
        let ok = podVerdicts.get(id);
        if (ok === undefined) {
          const pod = store.string(id);
          ok = pods.every((m) => matchLabel(m, pod));
          podVerdicts.set(id, ok);
        }
        if (!ok) continue;
      }
      if (verdict) {
        const v = verdict(seq);
        if (v === LINE_VERDICT.none) continue;
        if (v === LINE_VERDICT.some) {
          // Peek at the cache without promoting: a search must not evict what is on screen.
          const text = cache.get(seq)?.text ?? store.format(seq, startEpochMs);
          if (text === null || !matchLine(query, text)) continue;
        }
      }
      out[n++] = seq;
    }
    return out.slice(0, n);
  };

  // Last line written by each source id, kept up to date incrementally for the pod filter.
  const lastBySource = new Map<number, number>();
  let podsScannedTo = store.firstSeq;
  let podList: string[] = [];
  let podListAt = -1;
  const pods = (): readonly string[] => {
    if (podListAt === store.totalAppended) return podList;
    podsScannedTo = Math.max(podsScannedTo, store.firstSeq);
    for (; podsScannedTo < store.totalAppended; podsScannedTo++)
      lastBySource.set(store.sourceIdOf(podsScannedTo), podsScannedTo);
    const names = new Set<string>();
    for (const [id, last] of lastBySource) if (last >= store.firstSeq) names.add(store.string(id));
    names.delete('');
    podList = [...names].sort();
    podListAt = store.totalAppended;
    return podList;
  };

  return {
    services: LOG_SERVICES,
    levels: LOG_LEVELS,
    labels: LOG_LABELS,
    get size() {
      return store.size;
    },
    get firstSeq() {
      return store.firstSeq;
    },
    lineAt,
    pods,
    timeOf: (seq) => store.timeOf(seq),
    search,
  };
}

/**
 * Each held line's shape (its template's fixed text for the line's variant, sim/log-shapes.ts) as
 * a small id in a typed column beside the store's ring, worked out once per line as lines arrive
 * rather than once per query. A query then decides per shape, not per line: all lines of a shape
 * pass the text filters, none do, or (`some`) a line must be formatted and tested.
 */
function createShapeIndex(store: LogStore): {
  cover(toSeq: number): void;
  verdicts(filters: readonly LineFilter[]): (seq: number) => LineVerdict;
} {
  /** Shape id per ring slot; -1 for a line whose template has no shape. */
  const ids = new Int32Array(store.capacity);
  /** Lines below this sequence number have their shape id. */
  let coveredTo = store.firstSeq;
  const idsByVariant = new Map<number, Map<number, number>>();
  const shapes: PreparedShape[] = [];
  const cursor = store.cursor();
  const string = (id: number): string => store.string(id);

  const shapeIdOf = (seq: number): number => {
    const template = store.templateOf(seq);
    const def = LOG_SHAPES[template];
    if (!def) return -1;
    cursor.seq = seq;
    const variant = def.variant(cursor);
    if (variant < 0) return -1;
    let known = idsByVariant.get(template);
    if (!known) idsByVariant.set(template, (known = new Map()));
    let id = known.get(variant);
    if (id === undefined) {
      id = shapes.length;
      shapes.push(prepareShape(def.shape(variant, string)));
      known.set(variant, id);
    }
    return id;
  };

  return {
    cover(toSeq) {
      // A ring slot is reused by a later line: ids are only trusted from the oldest held line on.
      coveredTo = Math.max(coveredTo, store.firstSeq);
      const end = Math.min(toSeq, store.totalAppended);
      for (; coveredTo < end; coveredTo++) ids[coveredTo % store.capacity] = shapeIdOf(coveredTo);
    },
    verdicts(filters) {
      const known: LineVerdict[] = [];
      return (seq) => {
        const id = ids[seq % store.capacity]!;
        if (id < 0) return LINE_VERDICT.some;
        let v = known[id];
        if (v === undefined) known[id] = v = shapeVerdict(shapes[id]!, filters);
        return v;
      };
    },
  };
}

/** Which values of a byte column pass every matcher on that label, by index. */
function allowed(
  values: readonly string[],
  matchers: readonly LabelMatcher[],
  label: string,
): boolean[] {
  const on = matchers.filter((m) => m.label === label);
  return values.map((v) => on.every((m) => matchLabel(m, v)));
}

function clockOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19);
}
