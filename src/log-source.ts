/**
 * Adapts the simulation's `LogStore` to the log explorer's `LogSource` (the UI may not import the
 * sim). Searching filters on the store's byte columns (service, level) first and formats text only
 * for lines that pass them; formatted lines are kept in a small LRU so scrolling back and forth
 * does not format the same line twice.
 */
import { matchLabel, matchLine } from './shared/log-query.ts';
import type { LabelMatcher, LogQuery } from './shared/log-query.ts';
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
      service: rec.service,
      level: rec.level,
      source: rec.source,
      text,
    };
    cache.set(seq, line);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return line;
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
    const podVerdicts = new Map<string, boolean>();
    const filters = query.filters.length > 0;

    const out = new Int32Array(to - from);
    let n = 0;
    for (let seq = from; seq < to; seq++) {
      if (!services[store.serviceIndexOf(seq)] || !levels[store.levelIndexOf(seq)]) continue;
      if (pods.length > 0) {
        const source = store.get(seq)?.source ?? '';
        let ok = podVerdicts.get(source);
        if (ok === undefined) {
          ok = pods.every((m) => matchLabel(m, source));
          podVerdicts.set(source, ok);
        }
        if (!ok) continue;
      }
      if (filters) {
        // Peek at the cache without promoting: a search must not evict what is on screen.
        const text = cache.get(seq)?.text ?? store.format(seq, startEpochMs);
        if (text === null || !matchLine(query, text)) continue;
      }
      out[n++] = seq;
    }
    return out.slice(0, n);
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
    timeOf: (seq) => store.timeOf(seq),
    search,
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
