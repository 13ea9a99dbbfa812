/** The shape of a synthesised server process, its locks, and helpers shared by its builders. */
import type { QueryId } from '../../../sim/index.ts';

export type Lock = {
  locktype: 'relation' | 'virtualxid' | 'transactionid';
  /** Table or index name for relation locks. */
  relation: string | null;
  mode: string;
  granted: boolean;
};

export type BackendRole =
  'app' | 'leaked' | 'direct' | 'walsender' | 'migration' | 'blocker' | 'index' | 'self' | 'aux';

export type Backend = {
  pid: number;
  role: BackendRole;
  backendType: string;
  datname: string | null;
  usename: string | null;
  app: string;
  clientAddr: string | null;
  clientPort: number | null;
  backendStartUs: number;
  xactStartUs: number | null;
  queryStartUs: number | null;
  stateChangeUs: number | null;
  state: 'active' | 'idle' | 'idle in transaction' | null;
  waitEventType: string | null;
  waitEvent: string | null;
  query: string;
  queryId: QueryId | null;
  /** The statement text pg_stat_statements normalises this one to, for query_id. */
  normalized: string | null;
  blockedBy: number[];
  locks: Lock[];
  /** The API pod whose PgBouncer client this server connection serves. */
  pod: string | null;
  xid: number | null;
};

/** A session holding or queued for a lock that blocks a table's queries. */
export type Blocker = { pid: number; blocks: 'all' | 'writes'; sinceUs: number };

/** The walsender's pid (the sim names it when refusing to drop the active slot). */
export const WALSENDER_PID = 4211;

/** Splits `total` into integers proportional to `weights` (largest remainder). */
export function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

export const relationLocks = (
  table: string,
  mode: string,
  granted = true,
  index: string | null = null,
): Lock[] => [
  { locktype: 'relation', relation: table, mode, granted },
  ...(index
    ? [{ locktype: 'relation' as const, relation: index, mode: 'AccessShareLock', granted }]
    : []),
];

export const vxid = (): Lock => ({
  locktype: 'virtualxid',
  relation: null,
  mode: 'ExclusiveLock',
  granted: true,
});

/** What a session holds after `SELECT ... [FOR UPDATE]` in an open transaction. */
export function leakLocks(table: string, forUpdate: boolean): Lock[] {
  const locks: Lock[] = relationLocks(
    table,
    forUpdate ? 'RowShareLock' : 'AccessShareLock',
    true,
    `${table}_pkey`,
  );
  if (forUpdate)
    locks.push({ locktype: 'transactionid', relation: null, mode: 'ExclusiveLock', granted: true });
  return locks;
}
