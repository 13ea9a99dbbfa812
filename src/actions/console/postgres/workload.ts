/**
 * What the primary is executing now, from the sim: each application query's rate (the routes'
 * request rates), its plan and cost this second (`queryCost`, with the same CPU and IO queueing the
 * sim applies), and the statement a release added when a plan regression needs an index the
 * current query does not (the order-history status filter is its own query id in
 * pg_stat_statements, as it would be in production).
 */
import { M, QUERY_IDS } from '../../../sim/index.ts';
import type { QueryId, SimState } from '../../../sim/index.ts';
import type { QueryConfig } from '../../../sim/config.ts';
import { appliesToVersion, faultEnabled } from '../../../sim/faults.ts';
import { queueDelayFactor } from '../../../sim/maths.ts';
import { queryCost } from '../../../sim/requests.ts';
import type { ConsoleView } from '../types.ts';
import { indexColumns } from './catalog.ts';

export type Cost = ReturnType<typeof queryCost>;

export type QueryNow = {
  id: QueryId;
  cfg: QueryConfig;
  /** Executions per second on this server now. */
  rate: number;
  cost: Cost;
  onPrimary: boolean;
};

/** A statement shape a release added: the base query plus equality filters an index would cover. */
export type Variant = {
  query: QueryId;
  sql: string;
  /** Filter columns added to the base query, in order. */
  extra: string[];
  index: { name: string; columns: string };
  /** True while the index it needs is not valid: it runs as a sequential scan. */
  broken: boolean;
  /** Share of the base query's executions that take this shape now. */
  share: number;
};

const api = (s: SimState) => s.pods.filter((p) => p.deployment === 'api' && p.ready);

/** The release most API pods run (plan regressions are scoped to releases). */
export function mainVersion(s: SimState): string {
  const counts = new Map<string, number>();
  for (const p of api(s)) counts.set(p.version, (counts.get(p.version) ?? 0) + 1);
  let best = s.deployments.api.version;
  let n = -1;
  for (const [v, c] of counts)
    if (c > n || (c === n && v > best)) {
      best = v;
      n = c;
    }
  return best;
}

/** CPU, IO and replica slow-down factors, computed as the sim's request model computes them. */
export function slowdowns(s: SimState): { cpu: number; io: number; replica: number } {
  const db = s.db;
  const pg = s.config.postgres;
  return {
    cpu: Math.max(1 + queueDelayFactor(db.cpuUtil, pg.cores), db.cpuUtil),
    io: Math.max(1 + queueDelayFactor(db.ioUtil, 4) * 2, db.ioUtil),
    replica: Math.max(1 + queueDelayFactor(db.replicaCpuUtil, pg.replicaCores), db.replicaCpuUtil),
  };
}

function rateOf(view: ConsoleView, q: QueryId): number {
  const m = view.recorder.metrics;
  const latest = (key: string): number => {
    const col = M[key];
    const v = col === undefined ? NaN : m.latest(col);
    return Number.isFinite(v) ? v : 0;
  };
  switch (q) {
    case 'orders_by_customer':
      return latest('orders_rps');
    case 'inventory_lock':
    case 'insert_order':
      return latest('checkout_rps');
    case 'product_by_id':
      return latest('products_rps') * (1 - latest('redis_hit_ratio'));
    case 'search_products':
      return latest('search_rps');
  }
}

export function queriesNow(view: ConsoleView): QueryNow[] {
  const s = view.state;
  const slow = slowdowns(s);
  const version = mainVersion(s);
  const replicaServes = s.db.replicaUp && !s.db.promoted;
  return QUERY_IDS.map((id) => {
    const cfg = s.config.queries[id];
    return {
      id,
      cfg,
      rate: rateOf(view, id),
      cost: queryCost(s, id, version, slow.cpu, slow.io, slow.replica),
      onPrimary: cfg.target === 'primary' || !replicaServes,
    };
  });
}

/** Column names in a query's WHERE clause, in order (`customer_id = $1` -> customer_id). */
export const whereColumns = (sql: string): string[] => {
  const where = /\bWHERE\b(.*?)(\bORDER BY\b|\bGROUP BY\b|\bLIMIT\b|\bFOR UPDATE\b|$)/i.exec(sql);
  if (!where) return [];
  return [...where[1]!.matchAll(/"?([a-z_][a-z0-9_]*)"?\s*(?:=|@@)/gi)].map((m) =>
    m[1]!.replace(/^\w+\./, '').toLowerCase(),
  );
};

/** The statement a plan regression's missing index is for, when it differs from the base query. */
export function variantOf(s: SimState, q: QueryId): Variant | null {
  const cfg = s.config.queries[q];
  for (const f of s.faults) {
    if (f.spec.kind !== 'planRegression' || f.spec.query !== q) continue;
    if (f.spec.cause !== 'missingIndex' || !f.spec.index) continue;
    if (cfg.index && f.spec.index.name === cfg.index.name) continue;
    const have = new Set(whereColumns(cfg.sql));
    const orderBy = /ORDER BY\s+"?(\w+)"?/i.exec(cfg.sql)?.[1]?.toLowerCase();
    const extra = indexColumns(f.spec.index.columns).filter((c) => !have.has(c) && c !== orderBy);
    if (extra.length === 0 || !/\bWHERE\b/i.test(cfg.sql)) continue;
    const params = [...cfg.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
    let n = params.length > 0 ? Math.max(...params) : 0;
    const filters = extra.map((c) => ` AND ${c} = $${++n}`).join('');
    const cut = cfg.sql.search(/\s(ORDER BY|GROUP BY|LIMIT|FOR UPDATE)\b/i);
    const sql = cut < 0 ? cfg.sql + filters : cfg.sql.slice(0, cut) + filters + cfg.sql.slice(cut);
    const pods = api(s);
    const scoped = pods.filter((p) => appliesToVersion(f.spec, p.version)).length;
    const enabled = faultEnabled(f, s.flags);
    return {
      query: q,
      sql,
      extra,
      index: f.spec.index,
      broken: s.db.indexes[f.spec.index.name] !== 'valid',
      share: enabled && pods.length > 0 ? (f.spec.share * scoped) / pods.length : 0,
    };
  }
  return null;
}

/** Mean execution ms of the good and the sequential-scan plan with an idle server. */
export const baseGoodMs = (cfg: QueryConfig): number => cfg.cpuMs + cfg.blocksRead * 0.05 * 0.08;
export const baseBadMs = (cfg: QueryConfig): number =>
  cfg.seqScanCpuMs + cfg.seqScanBlocksRead * 0.05 * 0.08;
