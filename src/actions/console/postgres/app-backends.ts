/**
 * PgBouncer's server connections and what each is doing: leaked idle-in-transaction sessions aged
 * from the recorded idle-in-transaction series (the oldest is as old as the leak), statements
 * running now drawn in proportion to rate x duration (long sequential scans included, lock
 * waiters behind a migration), short transactions held idle, and idle connections.
 */
import { M } from '../../../sim/index.ts';
import type { QueryId } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import type { Backend, Blocker } from './backend-model.ts';
import { apportion, leakLocks, relationLocks, vxid } from './backend-model.ts';
import { between, epochUs, unit } from './clock.ts';
import { ADDR } from './hosts.ts';
import { queriesNow, variantOf } from './workload.ts';

/** For k = 0..n-1 (oldest first): since when the series has stayed above k + 1 + base. */
function ageFromSeries(view: ConsoleView, key: string, n: number, base: number): number[] {
  const s = view.state;
  const col = M[key];
  const starts = new Array<number>(n).fill(s.t);
  if (col === undefined || n === 0) return starts;
  const values = view.recorder.metrics.values(col);
  const times = view.recorder.metrics.timesArray();
  let min = Infinity;
  let cursor = n - 1;
  for (let i = values.length - 1; i >= 0 && cursor >= 0; i--) {
    min = Math.min(min, values[i]! - base);
    while (cursor >= 0 && min < cursor + 1 - 0.5) {
      starts[cursor] = times[i + 1] ?? s.t;
      cursor--;
    }
  }
  // Older than the recorded history: spread them before its start.
  const oldest = times[0] ?? s.t;
  for (let k = cursor; k >= 0; k--) starts[k] = oldest - (cursor - k + 1) * 7_000;
  return starts;
}

type Weighted = {
  sql: string;
  normalized: string;
  id: QueryId;
  ms: number;
  weight: number;
  table: string;
  bad: boolean;
  tx: boolean;
  write: boolean;
  forUpdate: boolean;
};

/** The statements running now, weighted by how many backends each keeps busy. */
function runningMix(view: ConsoleView): Weighted[] {
  const s = view.state;
  const out: Weighted[] = [];
  for (const q of queriesNow(view)) {
    if (!q.onPrimary || !(q.rate > 0)) continue;
    const tx = q.id === 'inventory_lock' || q.id === 'insert_order';
    const base = {
      id: q.id,
      table: q.cfg.table,
      tx,
      write: q.cfg.walBytes > 0,
      forUpdate: /FOR UPDATE/i.test(q.cfg.sql),
    };
    const v = variantOf(s, q.id);
    const vShare = v ? v.share : 0;
    if (v && vShare > 0) {
      const ms = v.broken ? q.cost.badMs : q.cost.goodMs;
      out.push({
        ...base,
        sql: v.sql,
        normalized: v.sql,
        ms,
        weight: q.rate * vShare * ms,
        bad: v.broken,
      });
    }
    const rest = q.rate * (1 - vShare);
    const badShare = v ? 0 : q.cost.badShare;
    if (badShare > 0)
      out.push({
        ...base,
        sql: q.cfg.sql,
        normalized: q.cfg.sql,
        ms: q.cost.badMs,
        weight: rest * badShare * q.cost.badMs,
        bad: true,
      });
    out.push({
      ...base,
      sql: q.cfg.sql,
      normalized: q.cfg.sql,
      ms: q.cost.goodMs,
      weight: rest * (1 - badShare) * q.cost.goodMs,
      bad: false,
    });
  }
  return out.filter((w) => w.weight > 0);
}

/** Systematic sampling: the i-th of n picks, in proportion to the weights. */
function pick<T extends { weight: number }>(
  items: readonly T[],
  i: number,
  n: number,
): T | undefined {
  const total = items.reduce((a, w) => a + w.weight, 0);
  if (total <= 0) return undefined;
  let target = ((i + 0.5) / n) * total;
  for (const it of items) {
    target -= it.weight;
    if (target <= 0) return it;
  }
  return items[items.length - 1];
}

/** PgBouncer's server connections and what each is doing. */
export function appBackends(
  view: ConsoleView,
  now: number,
  pidFor: (key: string) => number,
  waitingOn: Map<string, Blocker>,
): Backend[] {
  const s = view.state;
  const db = s.db;
  const pods = s.pods.filter((p) => p.deployment === 'api' && p.ready);
  const n = Math.round(db.serverConns);
  if (n <= 0) return [];
  const leakedTotal = pods.reduce((a, p) => a + p.poolLeaked, 0);
  const leaked = Math.min(n, Math.round(leakedTotal));
  const shortTx = Math.min(n - leaked, Math.max(0, Math.round(db.idleInTxBackends) - leaked));
  const builds = db.indexBuilds.length;
  const activeRaw = Math.round(Math.min(db.activeBackends - builds, db.serverConns));
  const active = Math.max(0, Math.min(n - leaked - shortTx, activeRaw));
  const lockWaiters = Math.min(active, Math.round(db.lockWaiters));
  const idle = n - leaked - shortTx - active;

  // Which pod each server connection's client belongs to.
  const leakPods = apportion(
    pods.map((p) => p.poolLeaked),
    leaked,
  );
  const otherPods = apportion(
    pods.map((p) => p.poolOpen - p.poolLeaked),
    n - leaked,
  );
  const podOf: string[] = [];
  pods.forEach((p, i) => {
    for (let k = 0; k < leakPods[i]!; k++) podOf.push(p.name);
  });
  pods.forEach((p, i) => {
    for (let k = 0; k < otherPods[i]!; k++) podOf.push(p.name);
  });

  const leakFault = s.faults.find((f) => f.spec.kind === 'connectionLeak');
  const leakEndpoint =
    leakFault && leakFault.spec.kind === 'connectionLeak' ? leakFault.spec.endpoint : 'checkout';
  const leakQueryId: QueryId = s.config.endpoints[leakEndpoint].queries[0] ?? 'inventory_lock';
  const leakSql = s.config.queries[leakQueryId].sql;
  const leakTable = s.config.queries[leakQueryId].table;
  const leakStarts = ageFromSeries(view, 'pg_conn_idle_in_tx', leaked, shortTx);
  const mix = runningMix(view);
  const idleTxFault = s.faults.find((f) => f.spec.kind === 'idleInTransaction');
  const holdMs =
    idleTxFault && idleTxFault.spec.kind === 'idleInTransaction' ? idleTxFault.spec.holdMs : 2_000;
  const txEndpoint =
    idleTxFault && idleTxFault.spec.kind === 'idleInTransaction'
      ? idleTxFault.spec.endpoint
      : 'checkout';
  const txQuery: QueryId = s.config.endpoints[txEndpoint].queries[0] ?? 'inventory_lock';

  const out: Backend[] = [];
  for (let k = 0; k < n; k++) {
    const key = `app:${k}`;
    const pid = pidFor(key);
    const startUs =
      now - between(`${key}:life`, 60, 3_600) * 1_000_000 - between(`${key}:us`, 0, 999_999);
    const base: Backend = {
      pid,
      role: 'app',
      backendType: 'client backend',
      datname: 'shop',
      usename: 'app',
      app: '',
      clientAddr: ADDR.pgbouncerPod,
      clientPort: between(`${key}:port`, 32_768, 60_999),
      backendStartUs: startUs,
      xactStartUs: null,
      queryStartUs: null,
      stateChangeUs: null,
      state: 'idle',
      waitEventType: 'Client',
      waitEvent: 'ClientRead',
      query: '',
      queryId: null,
      normalized: null,
      blockedBy: [],
      locks: [],
      pod: podOf[k] ?? null,
      xid: null,
    };
    if (k < leaked) {
      const xact = epochUs(s, leakStarts[k]!) - between(`${key}:xus`, 1_000, 999_000);
      out.push({
        ...base,
        role: 'leaked',
        backendStartUs: Math.min(startUs, xact - between(`${key}:pre`, 5, 1_800) * 1_000_000),
        xactStartUs: xact,
        queryStartUs: xact + 212,
        stateChangeUs: xact + 212 + between(`${key}:q`, 300, 1_400),
        state: 'idle in transaction',
        query: leakSql,
        queryId: leakQueryId,
        normalized: leakSql,
        locks: [vxid(), ...leakLocks(leakTable, /FOR UPDATE/i.test(leakSql))],
        xid: /FOR UPDATE/i.test(leakSql) ? 901_000 + k * 37 : null,
      });
      continue;
    }
    const j = k - leaked;
    if (j < active) {
      const w = pick(mix, j, active);
      if (!w) {
        out.push(base);
        continue;
      }
      const blocker = waitingOn.get(w.table);
      const waits =
        j < lockWaiters && blocker !== undefined && (blocker.blocks === 'all' || w.write);
      // The API cancels a query at its request deadline; a lock waiter waits at most since the lock.
      let capUs = Math.min(w.ms, s.config.api.requestTimeoutMs) * 1000;
      if (waits) capUs = Math.min(capUs, Math.max(0, now - blocker.sinceUs));
      const runningUs = unit(`${key}:run:${s.t}`) * capUs;
      const qStart = now - Math.round(runningUs) - 37;
      const seq = w.bad && !waits;
      out.push({
        ...base,
        state: 'active',
        xactStartUs: w.tx ? qStart - between(`${key}:tx`, 150, 900) : qStart,
        queryStartUs: qStart,
        stateChangeUs: qStart + 3,
        waitEventType: waits ? 'Lock' : seq && unit(`${key}:io:${s.t}`) < 0.5 ? 'IO' : null,
        waitEvent: waits
          ? 'relation'
          : seq && unit(`${key}:io:${s.t}`) < 0.5
            ? 'DataFileRead'
            : null,
        query: w.sql,
        queryId: w.id,
        normalized: w.normalized,
        blockedBy: waits ? [blocker.pid] : [],
        locks: [
          vxid(),
          ...relationLocks(
            w.table,
            w.write ? 'RowExclusiveLock' : w.forUpdate ? 'RowShareLock' : 'AccessShareLock',
            !waits,
          ),
        ],
      });
      continue;
    }
    if (j < active + shortTx) {
      const held = unit(`${key}:held:${s.t}`) * holdMs * 1000;
      const xact = now - Math.round(held) - 1_204;
      out.push({
        ...base,
        xactStartUs: xact,
        queryStartUs: xact + 180,
        stateChangeUs: xact + 1_020,
        state: 'idle in transaction',
        query: s.config.queries[txQuery].sql,
        queryId: txQuery,
        normalized: s.config.queries[txQuery].sql,
        locks: [
          vxid(),
          ...leakLocks(
            s.config.queries[txQuery].table,
            /FOR UPDATE/i.test(s.config.queries[txQuery].sql),
          ),
        ],
      });
      continue;
    }
    const last = pick(
      mix.map((m) => ({ ...m, weight: m.weight / Math.max(0.01, m.ms) })),
      j - active - shortTx,
      Math.max(1, idle),
    );
    const idleUs = Math.round(unit(`${key}:idle:${s.t}`) * 2_900_000) + 1_100;
    const endedTx = last?.tx === true;
    out.push({
      ...base,
      queryStartUs: now - idleUs - 320,
      stateChangeUs: now - idleUs,
      query: endedTx ? 'COMMIT' : (last?.sql ?? 'SELECT 1'),
      queryId: endedTx ? null : (last?.id ?? null),
      normalized: endedTx ? 'COMMIT' : (last?.normalized ?? null),
    });
  }
  return out;
}
