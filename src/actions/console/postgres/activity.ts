/** pg_stat_activity and pg_locks (PostgreSQL 15 columns) over the synthesised backends. */
import { fnv } from './clock.ts';
import type { Backend } from './backends.ts';
import { backends } from './backends.ts';
import { findTable, indexes } from './catalog.ts';
import type { Relation, Session } from './relation.ts';
import { cols } from './relation.ts';
import { queryId, SHOP_DB_OID } from './stat-statements.ts';
import type { Val } from './values.ts';
import { int, text, textOrNull, ts } from './values.ts';

const ROLE_OIDS: Record<string, number> = {
  postgres: 10,
  app: 16_385,
  replicator: 16_386,
  metabase: 16_387,
  billing: 16_388,
  postgres_exporter: 16_389,
  analyst: 16_390,
  migrator: 16_391,
  pgbouncer: 16_392,
};

export const roleOid = (name: string | null): Val =>
  name === null ? null : int(ROLE_OIDS[name] ?? 16_400 + (fnv(name) % 500));

const tsOrNull = (us: number | null): Val => (us === null ? null : ts(us));

/** Catalog relations that show up in pg_locks when queried. */
const SYSTEM_RELATIONS: Record<string, number> = {
  pg_locks: 12_073,
  pg_stat_activity: 12_222,
  pg_class: 1_259,
  pg_database: 1_262,
  pg_stat_statements: 16_529,
  pg_settings: 12_089,
  pg_stat_replication: 12_266,
  pg_replication_slots: 12_248,
  pg_stat_user_tables: 12_137,
};

/** The oid of a relation name (tables, indexes, catalog views), or null. */
export function relationOid(session: Session, name: string): number | null {
  const t = findTable(name);
  if (t) return t.oid;
  if (SYSTEM_RELATIONS[name] !== undefined) return SYSTEM_RELATIONS[name];
  const idx = indexes(session.view).find((i) => i.name === name);
  return idx ? 16_440 + (fnv(`index:${name}`) % 4_000) : null;
}

/** The name of an oid, for `::regclass`. */
export function relationName(session: Session, oid: number): string | null {
  const t = findTableByOid(oid);
  if (t) return t;
  for (const [name, o] of Object.entries(SYSTEM_RELATIONS)) if (o === oid) return name;
  for (const i of indexes(session.view)) if (relationOid(session, i.name) === oid) return i.name;
  return null;
}

function findTableByOid(oid: number): string | null {
  for (const name of ['customers', 'inventory', 'order_items', 'orders', 'products', 'reviews'])
    if (findTable(name)?.oid === oid) return name;
  return null;
}

/** Backends per session, computed once per statement. */
const cache = new WeakMap<Session, Backend[]>();
export function backendsOf(session: Session): Backend[] {
  let b = cache.get(session);
  if (!b) {
    b = backends(session);
    cache.set(session, b);
  }
  return b;
}

export const PG_STAT_ACTIVITY: Relation = {
  name: 'pg_stat_activity',
  inspect: 'pg_stat_activity',
  columns: cols(`
    datid:int datname pid:int leader_pid:int usesysid:int usename application_name client_addr
    client_hostname client_port:int backend_start:ts xact_start:ts query_start:ts state_change:ts
    wait_event_type wait_event state backend_xid:int backend_xmin:int query_id:int query
    backend_type`),
  rows: (session) =>
    backendsOf(session).map((b): Val[] => [
      b.datname === null ? null : int(SHOP_DB_OID),
      textOrNull(b.datname),
      int(b.pid),
      null,
      roleOid(b.usename),
      textOrNull(b.usename),
      text(b.app),
      textOrNull(b.clientAddr),
      null,
      b.clientPort === null ? null : int(b.clientPort),
      ts(b.backendStartUs),
      tsOrNull(b.xactStartUs),
      tsOrNull(b.queryStartUs),
      tsOrNull(b.stateChangeUs),
      textOrNull(b.waitEventType),
      textOrNull(b.waitEvent),
      textOrNull(b.state),
      b.xid === null ? null : int(b.xid),
      b.state === 'active' || b.state === 'idle in transaction'
        ? int(901_000 + (b.pid % 97))
        : null,
      b.normalized ? { t: 'int', n: queryId(b.normalized) } : null,
      text(b.query),
      text(b.backendType),
    ]),
};

export const PG_LOCKS: Relation = {
  name: 'pg_locks',
  inspect: 'pg_locks',
  columns: cols(`
    locktype database:int relation:int page:int tuple:int virtualxid transactionid:int classid:int
    objid:int objsubid:int virtualtransaction pid:int mode granted:bool fastpath:bool waitstart:ts`),
  rows: (session) => {
    const out: Val[][] = [];
    backendsOf(session).forEach((b, i) => {
      const vxid = `${i + 3}/${(b.pid * 7) % 9_973}`;
      const locks = [...b.locks];
      if (b.role === 'self')
        locks.unshift({
          locktype: 'relation',
          relation: 'pg_locks',
          mode: 'AccessShareLock',
          granted: true,
        });
      for (const l of locks) {
        const oid = l.relation === null ? null : relationOid(session, l.relation);
        out.push([
          text(l.locktype),
          l.locktype === 'relation' ? int(SHOP_DB_OID) : null,
          oid === null ? null : int(oid),
          null,
          null,
          l.locktype === 'virtualxid' ? text(vxid) : null,
          l.locktype === 'transactionid' ? int(b.xid ?? 900_000 + b.pid) : null,
          null,
          null,
          null,
          text(vxid),
          int(b.pid),
          text(l.mode),
          l.granted,
          l.granted &&
            l.locktype !== 'transactionid' &&
            /Share|Exclusive/.test(l.mode) &&
            !/AccessExclusive|^ShareLock$/.test(l.mode),
          l.granted ? null : ts((b.queryStartUs ?? session.nowUs) + 1_042),
        ]);
      }
    });
    return out;
  },
};
