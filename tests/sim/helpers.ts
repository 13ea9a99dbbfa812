/**
 * Shared helpers for the simulation's behaviour tests: building runs, reading metric windows,
 * and searching the formatted logs. Not a test file itself (no `.test.ts` suffix).
 */
import { defaultConfig, metricIndex, SimRun } from '../../src/sim/index.ts';
import type { FaultSpec, SimEvent, SystemConfig } from '../../src/sim/index.ts';

/** Per-test timeout: a simulated hour costs one to two seconds of CPU, more on a busy machine. */
export const SIM_TIMEOUT_MS = 60_000;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/** The API routes that reach the database (page views go through the web tier). */
export const DB_ROUTES = ['orders', 'search', 'checkout'] as const;
export const API_ROUTES = ['products', 'orders', 'search', 'checkout'] as const;

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** A run with the default system, optionally with a modified config. */
export function newRun(seed = 1, tweak?: (cfg: SystemConfig) => void): SimRun {
  const cfg = defaultConfig();
  tweak?.(cfg);
  return new SimRun(seed, cfg);
}

/** All recorded samples of a metric, oldest first. */
export function series(run: SimRun, key: string): number[] {
  return run.recorder.metrics.values(metricIndex(key));
}

/** The mean of the last `n` samples of a metric. */
export function avg(run: SimRun, key: string, n = 60): number {
  return mean(series(run, key).slice(-n));
}

/** The maximum of the last `n` samples of a metric. */
export function maxOf(run: SimRun, key: string, n = 60): number {
  return Math.max(...series(run, key).slice(-n));
}

/** Samples of a metric whose step ended in [fromMs, toMs). */
export function between(run: SimRun, key: string, fromMs: number, toMs: number): number[] {
  const times = run.recorder.metrics.timesArray();
  const values = series(run, key);
  const out: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t > fromMs && t <= toMs) out.push(values[i]!);
  }
  return out;
}

/** Time (ms) of the first sample at or after `fromMs` where `test` holds, or -1. */
export function firstTime(
  run: SimRun,
  key: string,
  test: (v: number) => boolean,
  fromMs = 0,
): number {
  const times = run.recorder.metrics.timesArray();
  const values = series(run, key);
  for (let i = 0; i < times.length; i++) {
    if (times[i]! >= fromMs && test(values[i]!)) return times[i]!;
  }
  return -1;
}

export type LogLine = { seq: number; t: number; source: string; text: string };

const formatted = new WeakMap<SimRun, { next: number; lines: LogLine[] }>();

/**
 * Every formatted log line still held by the run's log store, oldest first. Formatting is the
 * expensive part, so lines are formatted once per run and cached.
 */
export function logLines(run: SimRun): LogLine[] {
  const logs = run.recorder.logs;
  const start = run.state.config.startEpochMs;
  let cache = formatted.get(run);
  if (cache === undefined || cache.next < logs.firstSeq) {
    cache = { next: logs.firstSeq, lines: [] };
    formatted.set(run, cache);
  }
  for (let seq = cache.next; seq < logs.totalAppended; seq++) {
    const rec = logs.get(seq);
    const text = logs.format(seq, start);
    if (rec === null || text === null) continue;
    cache.lines.push({ seq, t: rec.t, source: rec.source, text });
  }
  cache.next = logs.totalAppended;
  const first = logs.firstSeq;
  return first > (cache.lines[0]?.seq ?? first)
    ? cache.lines.filter((l) => l.seq >= first)
    : cache.lines;
}

/** Log lines containing `needle`, optionally only those at or after `sinceMs`. */
export function grep(run: SimRun, needle: string, sinceMs = -Infinity): LogLine[] {
  return logLines(run).filter((l) => l.t >= sinceMs && l.text.includes(needle));
}

/** Time of the first log line containing `needle`, or -1. */
export function firstLog(run: SimRun, needle: string, sinceMs = -Infinity): number {
  const hit = grep(run, needle, sinceMs)[0];
  return hit === undefined ? -1 : hit.t;
}

export function events<K extends SimEvent['kind']>(
  run: SimRun,
  kind: K,
): Extract<SimEvent, { kind: K }>[] {
  return run.recorder.events.filter((e): e is Extract<SimEvent, { kind: K }> => e.kind === kind);
}

/** Cumulative arrived and failed requests over the API routes. */
export function apiTotals(run: SimRun): { arrived: number; failed: number } {
  let arrived = 0;
  let failed = 0;
  for (const e of API_ROUTES) {
    arrived += run.state.counters[e].arrived;
    failed += run.state.counters[e].failed;
  }
  return { arrived, failed };
}

/** Share of API requests that failed while running `ms` more of the simulation. */
export function errorRatioOver(run: SimRun, ms: number): number {
  const a = apiTotals(run);
  run.advance(ms);
  const b = apiTotals(run);
  return (b.failed - a.failed) / (b.arrived - a.arrived);
}

/** Schedules a fault (now, or at `atMs`). */
export function injectFault(run: SimRun, fault: FaultSpec, id = 'f', atMs?: number): void {
  run.schedule({ type: 'injectFault', id, fault }, atMs);
}
