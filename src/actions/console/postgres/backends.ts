/**
 * One row per server process, synthesised from the sim's aggregate state: PgBouncer's server
 * connections split into leaked idle-in-transaction sessions (aged from the recorded
 * idle-in-transaction series, so the oldest is as old as the leak), queries running now (drawn in
 * proportion to rate x duration of each statement, long sequential scans included), short
 * transactions and idle connections; the direct clients (exporter, walsender, BI, cron, a desktop
 * client); migrations and the reads they queue behind; index builds; this psql session; and the
 * auxiliary processes. Pids and times derive from stable keys: the same state gives the same rows.
 */
import type { SimState } from '../../../sim/index.ts';
import { isPrimaryAccepting } from '../../../sim/requests.ts';
import type { ConsoleView } from '../types.ts';
import { appBackends } from './app-backends.ts';
import type { Backend, BackendRole, Blocker } from './backend-model.ts';
import { relationLocks, vxid, WALSENDER_PID } from './backend-model.ts';
import { backendPid, between, epochUs } from './clock.ts';
import { ADDR } from './hosts.ts';
import type { Session } from './relation.ts';

export type { Backend, Lock } from './backend-model.ts';
export { apportion, WALSENDER_PID } from './backend-model.ts';

const LOCK_STATEMENT_FALLBACK = 'ALTER TABLE orders ADD COLUMN discount_code text';
const BLOCKER_QUERY = 'SELECT count(*) FROM orders o JOIN order_items i ON i.order_id = o.id';

/** When the postmaster last started: the last recovery in the run, or weeks before it. */
export function postmasterStartUs(view: ConsoleView): number {
  const s = view.state;
  let t = -(19 * 86_400_000 + 4 * 3_600_000 + 1_337_000);
  for (const e of view.recorder.events) if (e.kind === 'postgresUp' && e.t <= s.t) t = e.t;
  return epochUs(s, t) + 418_233;
}

/** Every backend of the primary right now, or none while it does not accept connections. */
export function backends(session: Session): Backend[] {
  const view = session.view;
  const s = view.state;
  if (!isPrimaryAccepting(s)) return [];
  const now = session.nowUs;
  const used = new Set<number>();
  const pidFor = (key: string): number => {
    let p = backendPid(key);
    while (used.has(p)) p++;
    used.add(p);
    return p;
  };
  used.add(session.pid);
  const out: Backend[] = [];
  const blank = (pid: number, role: BackendRole): Backend => ({
    pid,
    role,
    backendType: 'client backend',
    datname: 'shop',
    usename: null,
    app: '',
    clientAddr: null,
    clientPort: null,
    backendStartUs: now,
    xactStartUs: null,
    queryStartUs: null,
    stateChangeUs: null,
    state: null,
    waitEventType: null,
    waitEvent: null,
    query: '',
    queryId: null,
    normalized: null,
    blockedBy: [],
    locks: [],
    pod: null,
    xid: null,
  });

  // Auxiliary processes: small pids, started with the postmaster.
  const pmStart = postmasterStartUs(view);
  const aux: [number, string, string, string | null][] = [
    [27, 'checkpointer', 'CheckpointerMain', null],
    [28, 'background writer', 'BgWriterHibernate', null],
    [29, 'walwriter', 'WalWriterMain', null],
    [30, 'autovacuum launcher', 'AutoVacuumMain', null],
    [31, 'logical replication launcher', 'LogicalLauncherMain', 'postgres'],
  ];
  for (const [pid, type, wait, user] of aux) {
    used.add(pid);
    out.push({
      ...blank(pid, 'aux'),
      backendType: type,
      datname: null,
      usename: user,
      backendStartUs: pmStart + (pid - 26) * 1_114,
      waitEventType: 'Activity',
      waitEvent: wait,
    });
  }

  // Direct clients (the sim's `otherClients`): exporter, walsender, BI, cron, a desktop client.
  const replicaStreaming = s.db.replicaUp && !s.db.promoted;
  const direct = [
    'exporter',
    ...(replicaStreaming ? ['walsender'] : []),
    'metabase',
    'metabase',
    'cron',
    'dbeaver',
    'metabase',
    'cron',
  ].slice(0, s.config.postgres.otherClients);
  direct.forEach((kind, i) => {
    const key = `direct:${kind}:${i}`;
    if (kind === 'walsender') {
      used.add(WALSENDER_PID);
      out.push({
        ...blank(WALSENDER_PID, 'walsender'),
        backendType: 'walsender',
        datname: null,
        usename: 'replicator',
        app: 'pg-replica-0',
        clientAddr: ADDR.replicaPod,
        clientPort: 41_872,
        backendStartUs: pmStart + 6_812_331,
        state: 'active',
        stateChangeUs: pmStart + 6_813_002,
        waitEventType: 'Activity',
        waitEvent: 'WalSenderMain',
        query: 'START_REPLICATION SLOT "pg_replica_0" 0/3000000 TIMELINE 1',
      });
      return;
    }
    const pid = pidFor(key);
    const start =
      now - between(`${key}:age`, 2, 40) * 3_600_000_000 - between(`${key}:us`, 0, 999_999);
    const idleFor = between(`${key}:idle`, 4_000_000, 900_000_000);
    const common = {
      ...blank(pid, 'direct'),
      backendStartUs: start,
      clientPort: between(`${key}:port`, 32_768, 60_999),
    };
    if (kind === 'exporter')
      out.push({
        ...common,
        usename: 'postgres_exporter',
        app: 'postgres_exporter',
        clientAddr: ADDR.exporterPod,
        state: 'active',
        xactStartUs: now - 1_812,
        queryStartUs: now - 1_812,
        stateChangeUs: now - 1_810,
        query:
          "SELECT pg_database.datname, tmp.state, COALESCE(count,0) as count, COALESCE(max_tx_duration,0) as max_tx_duration FROM (VALUES ('active'), ('idle'), ('idle in transaction'), ('idle in transaction (aborted)'), ('fastpath function call'), ('disabled')) AS tmp(state) CROSS JOIN pg_database LEFT JOIN (SELECT datname, state, count(*) AS count, MAX(EXTRACT(EPOCH FROM now() - xact_start))::float AS max_tx_duration FROM pg_stat_activity GROUP BY datname,state) AS tmp2 ON tmp.state = tmp2.state AND pg_database.datname = tmp2.datname",
        locks: [vxid()],
      });
    else if (kind === 'metabase')
      out.push({
        ...common,
        usename: 'metabase',
        app: 'Metabase v0.48.3 [a1b2c3d4-query]',
        clientAddr: ADDR.metabasePod,
        state: 'idle',
        queryStartUs: now - idleFor - 41_230,
        stateChangeUs: now - idleFor,
        waitEventType: 'Client',
        waitEvent: 'ClientRead',
        query:
          'SELECT "public"."orders"."status" AS "status", count(*) AS "count" FROM "public"."orders" WHERE "public"."orders"."created_at" >= $1 GROUP BY "public"."orders"."status" ORDER BY "public"."orders"."status" ASC',
      });
    else if (kind === 'cron')
      out.push({
        ...common,
        usename: 'billing',
        app: 'billing-cron',
        clientAddr: ADDR.cronPod,
        state: 'idle',
        queryStartUs: now - idleFor - 310,
        stateChangeUs: now - idleFor,
        waitEventType: 'Client',
        waitEvent: 'ClientRead',
        query: 'COMMIT',
      });
    else
      out.push({
        ...common,
        usename: 'analyst',
        app: 'DBeaver 23.3.0 - Main',
        clientAddr: ADDR.vpnClient,
        state: 'idle',
        queryStartUs: now - idleFor * 3 - 1_044,
        stateChangeUs: now - idleFor * 3,
        waitEventType: 'Client',
        waitEvent: 'ClientRead',
        query: 'SHOW search_path',
      });
  });

  // This psql session.
  out.push({
    ...blank(session.pid, 'self'),
    usename: session.user,
    app: 'psql',
    clientAddr: ADDR.bastion,
    clientPort: between(`self:${session.backendStartUs}`, 40_000, 60_000),
    backendStartUs: session.backendStartUs,
    xactStartUs: now,
    queryStartUs: now,
    stateChangeUs: now + 14,
    state: 'active',
    query: session.query,
    locks: [vxid()],
  });

  // Migrations waiting for their lock, the reads they queue behind, and plain index builds.
  const waitingOn = new Map<string, Blocker>();
  for (const m of s.db.migrations) {
    if (m.cancelled || s.t >= m.until) continue;
    if (m.faultId.startsWith('index:')) {
      const name = m.faultId.slice('index:'.length);
      const build = s.db.indexBuilds.find((b) => b.name === name);
      used.add(m.pid);
      const started = epochUs(s, build?.startedAt ?? s.t) + 2_113;
      out.push({
        ...blank(m.pid, 'index'),
        usename: session.user,
        app: 'psql',
        clientAddr: ADDR.bastion,
        clientPort: between(`idx:${name}`, 40_000, 60_000),
        backendStartUs: started - 8_400_000,
        xactStartUs: started,
        queryStartUs: started,
        stateChangeUs: started,
        state: 'active',
        waitEventType: 'IO',
        waitEvent: 'DataFileRead',
        query: `CREATE INDEX ${name} ON ${m.table} (${build?.columns ?? ''});`,
        locks: [vxid(), ...relationLocks(m.table, 'ShareLock')],
        xid: 902_114 + (m.pid % 1000),
      });
      waitingOn.set(m.table, { pid: m.pid, blocks: 'writes', sinceUs: started });
      continue;
    }
    const fault = s.faults.find((f) => f.id === m.faultId);
    const faultStart = epochUs(s, fault?.startedAt ?? s.t) + 7_421;
    const statement =
      fault && fault.spec.kind === 'migrationLock' && fault.spec.statement
        ? fault.spec.statement
        : LOCK_STATEMENT_FALLBACK;
    const blockerPid = m.pid - 1;
    used.add(blockerPid);
    used.add(m.pid);
    const blockerStart = faultStart - 252_118_903;
    out.push({
      ...blank(blockerPid, 'blocker'),
      usename: 'metabase',
      app: 'Metabase v0.48.3 [a1b2c3d4-query]',
      clientAddr: ADDR.metabasePod,
      clientPort: between(`blk:${m.pid}`, 32_768, 60_999),
      backendStartUs: blockerStart - 3_600_000_000,
      xactStartUs: blockerStart,
      queryStartUs: blockerStart,
      stateChangeUs: blockerStart,
      state: 'active',
      waitEventType: 'IO',
      waitEvent: 'DataFileRead',
      query: BLOCKER_QUERY,
      locks: [
        vxid(),
        ...relationLocks(m.table, 'AccessShareLock', true, `${m.table}_pkey`),
        ...relationLocks('order_items', 'AccessShareLock'),
      ],
    });
    out.push({
      ...blank(m.pid, 'migration'),
      usename: 'migrator',
      app: 'migrate',
      clientAddr: ADDR.cronPod,
      clientPort: between(`mig:${m.pid}`, 32_768, 60_999),
      backendStartUs: faultStart - 1_204_551,
      xactStartUs: faultStart - 980_113,
      queryStartUs: faultStart,
      stateChangeUs: faultStart,
      state: 'active',
      waitEventType: 'Lock',
      waitEvent: 'relation',
      query: statement.endsWith(';') ? statement : `${statement};`,
      blockedBy: [blockerPid],
      locks: [
        vxid(),
        { locktype: 'relation', relation: m.table, mode: 'AccessExclusiveLock', granted: false },
      ],
      xid: 902_000 + (m.pid % 1000),
    });
    waitingOn.set(m.table, { pid: m.pid, blocks: m.blocks, sinceUs: faultStart });
  }

  // Index builds CONCURRENTLY run in their own backend.
  for (const b of s.db.indexBuilds) {
    if (!b.concurrently) continue;
    const pid = pidFor(`cic:${b.name}`);
    const started = epochUs(s, b.startedAt) + 1_877;
    out.push({
      ...blank(pid, 'index'),
      usename: session.user,
      app: 'psql',
      clientAddr: ADDR.bastion,
      clientPort: between(`cic:${b.name}:port`, 40_000, 60_000),
      backendStartUs: started - 5_100_000,
      xactStartUs: started,
      queryStartUs: started,
      stateChangeUs: started,
      state: 'active',
      waitEventType: 'IO',
      waitEvent: 'DataFileRead',
      query: `CREATE INDEX CONCURRENTLY ${b.name} ON ${b.table} (${b.columns});`,
      locks: [vxid(), ...relationLocks(b.table, 'ShareUpdateExclusiveLock')],
    });
  }

  out.push(...appBackends(view, now, pidFor, waitingOn));
  return out;
}

/** Whether the primary is full for a role: non-superusers leave the reserved slots free. */
export function connectionSlots(s: SimState): { used: number; max: number; reserved: number } {
  const db = s.db;
  const used =
    Math.round(db.serverConns) +
    s.config.postgres.otherClients +
    db.indexBuilds.length +
    db.migrations.filter((m) => !m.cancelled && s.t < m.until).length;
  return { used, max: db.maxConnections, reserved: s.config.postgres.superuserReserved };
}
