/**
 * pg_stat_statements (PostgreSQL 13+ column names) from the sim's per-query counters, which start
 * at the beginning of the run like a freshly reset extension. Block counts are scaled from the
 * sim's abstract blocks to the tables' real page counts so they agree with EXPLAIN's buffers.
 * A release's new statement shape (see `variantOf`) is split out of its base query by solving the
 * counters for the executions that took the sequential scan; the two rows add up to the sim's.
 */
import type { QueryId, SimState } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { tablePages } from './catalog.ts';
import { fnv } from './clock.ts';
import type { Relation } from './relation.ts';
import { cols } from './relation.ts';
import type { Val } from './values.ts';
import { float, int, text } from './values.ts';
import { baseBadMs, baseGoodMs, variantOf } from './workload.ts';

export type StatementRow = {
  query: string;
  /** The application query it belongs to, or null for sessions' own statements. */
  qid: QueryId | null;
  variant: boolean;
  calls: number;
  totalMs: number;
  minMs: number;
  maxMs: number;
  stddevMs: number;
  rows: number;
  blksHit: number;
  blksRead: number;
  walRecords: number;
  walBytes: number;
};

/** A signed 64-bit query id, stable for the statement text. */
export function queryId(sql: string): bigint {
  const hi = BigInt(fnv(`qid:hi:${sql}`));
  const lo = BigInt(fnv(`qid:lo:${sql}`));
  return BigInt.asIntN(64, (hi << 32n) | lo);
}

/** Real pages per sim block for a table: its heap pages over the sim's sequential-scan blocks. */
function pageScale(s: SimState, table: string): number {
  let blocks = 0;
  for (const q of Object.values(s.config.queries))
    if (q.table === table) blocks = Math.max(blocks, q.seqScanBlocksRead);
  return blocks > 0 ? tablePages(s, table) / blocks : 1;
}

const EXPORTER_SQL =
  'SELECT pg_database.datname, pg_database_size(pg_database.datname) FROM pg_database';

export function statementRows(view: ConsoleView): StatementRow[] {
  const s = view.state;
  const replicaServes = s.db.replicaUp && !s.db.promoted;
  const out: StatementRow[] = [];
  for (const [id, st] of Object.entries(s.db.stmt) as [QueryId, (typeof s.db.stmt)[QueryId]][]) {
    const cfg = s.config.queries[id];
    if (cfg.target === 'replica' && replicaServes) continue;
    if (!(st.calls >= 0.5)) continue;
    const scale = pageScale(s, cfg.table);
    const good = baseGoodMs(cfg);
    const bad = baseBadMs(cfg);
    const variant = variantOf(s, id);
    let badCalls = 0;
    if (variant && bad > good) {
      // total = good * (calls - x) + bad * x  =>  x = (total - good * calls) / (bad - good)
      badCalls = Math.round(
        Math.min(st.calls, Math.max(0, (st.totalMs - good * st.calls) / (bad - good))),
      );
    }
    const baseCalls = st.calls - badCalls;
    const baseTotal = Math.max(0, st.totalMs - badCalls * bad);
    const baseMean = baseCalls > 0 ? baseTotal / baseCalls : 0;
    // The sim counts 5% of blocks as read from disk; the index plan's share is known per call.
    const baseReads = Math.min(st.blocksRead, baseCalls * cfg.blocksRead * 0.05) * scale;
    const badReads = Math.max(0, st.blocksRead - baseCalls * cfg.blocksRead * 0.05);
    out.push({
      query: cfg.sql,
      qid: id,
      variant: false,
      calls: Math.round(baseCalls),
      totalMs: baseTotal,
      minMs: Math.min(baseMean, good * 0.3),
      maxMs: Math.max(baseMean * 30, good * 40),
      stddevMs: baseMean * 1.4,
      rows: Math.round((st.rows * baseCalls) / st.calls),
      blksHit: Math.round(baseReads * 19),
      blksRead: Math.round(baseReads),
      walRecords: cfg.walBytes > 0 ? Math.round(baseCalls * 3) : 0,
      walBytes: Math.round(baseCalls * cfg.walBytes),
    });
    if (variant && badCalls > 0) {
      const reads = badReads * scale;
      out.push({
        query: variant.sql,
        qid: id,
        variant: true,
        calls: badCalls,
        totalMs: badCalls * bad,
        minMs: bad * 0.82,
        maxMs: bad * 2.6,
        stddevMs: bad * 0.21,
        rows: Math.round((badCalls * cfg.rows) / 2),
        blksHit: Math.round(reads * 19),
        blksRead: Math.round(reads),
        walRecords: 0,
        walBytes: 0,
      });
    }
  }
  // Checkout runs in a transaction; the exporter scrapes every 15 s.
  const tx = s.db.stmt.inventory_lock.calls;
  if (tx >= 0.5) {
    for (const [sql, ms] of [
      ['BEGIN', 0.004],
      ['COMMIT', 0.021],
    ] as const)
      out.push(small(sql, Math.round(tx), ms));
  }
  const scrapes = Math.floor(s.t / 15_000);
  if (scrapes > 0) out.push({ ...small(EXPORTER_SQL, scrapes, 1.9), rows: scrapes * 4 });
  return out;
}

function small(query: string, calls: number, meanMs: number): StatementRow {
  return {
    query,
    qid: null,
    variant: false,
    calls,
    totalMs: calls * meanMs,
    minMs: meanMs * 0.4,
    maxMs: meanMs * 25,
    stddevMs: meanMs * 0.9,
    rows: 0,
    blksHit: query.startsWith('SELECT') ? calls * 12 : 0,
    blksRead: 0,
    walRecords: query === 'COMMIT' ? calls : 0,
    walBytes: query === 'COMMIT' ? calls * 46 : 0,
  };
}

const APP_ROLE_OID = 16_385;
const EXPORTER_ROLE_OID = 16_389;
export const SHOP_DB_OID = 16_384;

export const PG_STAT_STATEMENTS: Relation = {
  name: 'pg_stat_statements',
  inspect: 'pg_stat_statements',
  columns: cols(`
    userid:int dbid:int toplevel:bool queryid:int query:text plans:int total_plan_time:float
    min_plan_time:float max_plan_time:float mean_plan_time:float stddev_plan_time:float calls:int
    total_exec_time:float min_exec_time:float max_exec_time:float mean_exec_time:float
    stddev_exec_time:float rows:int shared_blks_hit:int shared_blks_read:int
    shared_blks_dirtied:int shared_blks_written:int local_blks_hit:int local_blks_read:int
    local_blks_dirtied:int local_blks_written:int temp_blks_read:int temp_blks_written:int
    blk_read_time:float blk_write_time:float temp_blk_read_time:float temp_blk_write_time:float
    wal_records:int wal_fpi:int wal_bytes:num`),
  rows: (session) =>
    statementRows(session.view).map((r): Val[] => {
      const round3 = (x: number): number => Math.round(x * 1e6) / 1e6;
      const mean = r.calls > 0 ? r.totalMs / r.calls : 0;
      return [
        int(r.query === EXPORTER_SQL ? EXPORTER_ROLE_OID : APP_ROLE_OID),
        int(SHOP_DB_OID),
        true,
        { t: 'int', n: queryId(r.query) },
        text(r.query),
        int(0),
        float(0),
        float(0),
        float(0),
        float(0),
        float(0),
        int(r.calls),
        float(round3(r.totalMs)),
        float(round3(r.minMs)),
        float(round3(r.maxMs)),
        float(round3(mean)),
        float(round3(r.stddevMs)),
        int(r.rows),
        int(r.blksHit),
        int(r.blksRead),
        int(Math.round(r.walBytes / 8192)),
        int(0),
        int(0),
        int(0),
        int(0),
        int(0),
        int(0),
        int(0),
        float(0),
        float(0),
        float(0),
        float(0),
        int(r.walRecords),
        int(Math.round(r.walRecords * 0.02)),
        { t: 'num', n: BigInt(r.walBytes), scale: 0 },
      ];
    }),
};
