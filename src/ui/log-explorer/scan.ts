/**
 * How the explorer searches: in chunks of lines, looking at the clock between chunks, so a new
 * query over 100,000 lines never holds a frame. The bench times this same function.
 */
import type { LogQuery } from '../../shared/log-query.ts';
import type { LogSource } from './types.ts';

/** Lines searched between two looks at the clock. */
export const CHUNK_LINES = 512;

/**
 * Searches `[from, end)` chunk by chunk until done or `timeUp()` says so (checked after each
 * chunk, so every call makes progress); returns what it found and where it stopped.
 */
export function searchChunks(
  source: LogSource,
  query: LogQuery,
  from: number,
  end: number,
  timeUp: () => boolean,
): { found: Int32Array[]; scannedTo: number } {
  const found: Int32Array[] = [];
  let at = from;
  while (at < end) {
    const stop = Math.min(end, at + CHUNK_LINES);
    found.push(source.search(query, { fromSeq: at, toSeq: stop }));
    at = stop;
    if (timeUp()) break;
  }
  return { found, scannedTo: at };
}
