/**
 * What the log explorer needs from a log store, as plain data: the UI layer may not import the
 * simulation, so `src/log-source.ts` adapts the sim's `LogStore` to this interface.
 */
import type { LogQuery } from '../../shared/log-query.ts';

export interface LogLine {
  /** Sequence number since the start of the run; stable while the line is held. */
  readonly seq: number;
  /** Simulated milliseconds since the start of the run. */
  readonly t: number;
  /** Wall-clock time of day in UTC, `HH:MM:SS`. */
  readonly clock: string;
  /** The full UTC timestamp, RFC 3339 with milliseconds, for the detail view. */
  readonly utc?: string;
  readonly service: string;
  readonly level: string;
  /** The pod or host that wrote the line (the `pod` label in queries). */
  readonly source: string;
  /** The line exactly as the component printed it (may hold newlines). */
  readonly text: string;
}

/** A half-open range of sequence numbers, `[fromSeq, toSeq)`. */
export interface LogRange {
  readonly fromSeq?: number;
  readonly toSeq?: number;
}

export interface LogSource {
  /** Services and levels that lines may carry, for the quick filters (levels least severe first). */
  readonly services: readonly string[];
  readonly levels: readonly string[];
  /** Labels a query may name. */
  readonly labels: readonly string[];
  /** Lines held now; the oldest is dropped when the store wraps. */
  readonly size: number;
  /** Sequence number of the oldest line held; lines are `firstSeq .. firstSeq + size - 1`. */
  readonly firstSeq: number;
  /** The line, or null once it has been overwritten. */
  lineAt(seq: number): LogLine | null;
  /** Pods (sources) that wrote the held lines, sorted, for the pod filter. */
  pods?(): readonly string[];
  /** Simulated time of a held line (cheap: no formatting). */
  timeOf(seq: number): number;
  /** Sequence numbers of held lines matching the query within the range, oldest first. */
  search(query: LogQuery, range?: LogRange): Int32Array;
}
