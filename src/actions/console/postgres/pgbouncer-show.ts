/**
 * The tables PgBouncer's SHOW commands print, from the sim: the pool's clients and server
 * connections (server connections are the primary's app backends, so remote_pid matches
 * pg_stat_activity), waiting clients and how long the oldest has waited, traffic per second.
 */
import { clusterNames, M } from '../../../sim/index.ts';
import type { SimState } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { backendsOf } from './activity.ts';
import { apportion } from './backends.ts';
import { between, epochUs } from './clock.ts';
import { ADDR, PGBOUNCER_PORT, PRIMARY_HOST } from './hosts.ts';
import type { Session } from './relation.ts';
import type { ColType } from './values.ts';
import { tsOut } from './values.ts';

export type Table = { columns: string[]; types: ColType[]; rows: string[][] };

export const table = (spec: string, rows: (string | number | null)[][]): Table => {
  const cols = spec
    .trim()
    .split(/\s+/)
    .map((c) => c.split(':') as [string, string | undefined]);
  return {
    columns: cols.map(([n]) => n),
    types: cols.map(([, t]) => (t === 'i' ? 'int' : 'text')),
    rows: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
  };
};

/** `2026-03-12 14:05:33 UTC`, as PgBouncer prints connect_time. */
const pgbTime = (us: number): string => `${tsOut(us).slice(0, 19)} UTC`;

const latest = (view: ConsoleView, key: string): number => {
  const col = M[key];
  const v = col === undefined ? NaN : view.recorder.metrics.latest(col);
  return Number.isFinite(v) ? v : 0;
};

/** Seconds the oldest waiting client has waited: since cl_waiting last rose above zero, at most query_wait_timeout. */
function maxWaitUs(view: ConsoleView): number {
  const s = view.state;
  if (Math.round(s.db.pgbouncer.clientsWaiting) <= 0) return 0;
  const col = M['pgb_cl_waiting'];
  if (col === undefined) return 0;
  const values = view.recorder.metrics.values(col);
  const times = view.recorder.metrics.timesArray();
  let since = s.t;
  for (let i = values.length - 1; i >= 0 && values[i]! > 0.5; i--) since = times[i]!;
  const waited = Math.min(s.t - since + 1000, s.config.pgbouncer.queryWaitTimeoutMs);
  return waited * 1000 + between(`maxwait:${s.t}`, 0, 999_999);
}

export function pools(view: ConsoleView): Table {
  const s = view.state;
  const pgb = s.db.pgbouncer;
  const clients = Math.round(pgb.clients);
  const waiting = Math.min(clients, Math.round(pgb.clientsWaiting));
  const servers = Math.round(s.db.serverConns);
  const svActive = Math.min(servers, Math.round(latest(view, 'pgb_sv_active')));
  const wait = maxWaitUs(view);
  const login = s.t < pgb.loginFailingUntil && waiting > 0 ? 1 : 0;
  return table(
    `database user cl_active:i cl_waiting:i cl_active_cancel_req:i cl_waiting_cancel_req:i
     sv_active:i sv_active_cancel:i sv_being_canceled:i sv_idle:i sv_used:i sv_tested:i
     sv_login:i maxwait:i maxwait_us:i pool_mode load_balance_hosts`,
    [
      [
        'shop',
        'app',
        clients - waiting,
        waiting,
        0,
        0,
        svActive,
        0,
        0,
        servers - svActive,
        0,
        0,
        login,
        Math.floor(wait / 1e6),
        wait % 1_000_000,
        'session',
        null,
      ],
      ['pgbouncer', 'pgbouncer', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'statement', null],
    ],
  );
}

export function stats(view: ConsoleView): Table {
  const s = view.state;
  const st = s.db.stmt;
  const uptimeS = 3 * 86_400 + s.t / 1000;
  const baseXacts = 3 * 86_400 * 52;
  const xacts = Math.round(baseXacts + st.orders_by_customer.calls + st.inventory_lock.calls);
  const queries = Math.round(
    baseXacts * 2.6 +
      st.orders_by_customer.calls +
      st.inventory_lock.calls * 4 +
      st.insert_order.calls,
  );
  // The sim's TPS includes 40/s of clients that do not come through PgBouncer.
  const tps = Math.max(0, Math.round(s.db.tps - 40));
  const queryUs = tps > 0 ? Math.round(latest(view, 'pg_query_mean_ms') * 1000) : 0;
  const waiting = s.db.pgbouncer.clientsWaiting;
  const waitUs = Math.round(
    waiting > 0 ? 400_000 + waiting * 20_000 : tps > 0 ? 120 + between(`wait:${s.t}`, 0, 200) : 0,
  );
  const xactUs = Math.round(queryUs * 1.9);
  const parses = Math.round(s.db.serverConns * 6 + 40);
  return table(
    `database total_server_assignment_count:i total_xact_count:i total_query_count:i
     total_received:i total_sent:i total_xact_time:i total_query_time:i total_wait_time:i
     total_client_parse_count:i total_server_parse_count:i total_bind_count:i
     avg_server_assignment_count:i avg_xact_count:i avg_query_count:i avg_recv:i avg_sent:i
     avg_xact_time:i avg_query_time:i avg_wait_time:i avg_client_parse_count:i
     avg_server_parse_count:i avg_bind_count:i`,
    [
      [
        'shop',
        Math.round(uptimeS / 40 + s.db.serverConns),
        xacts,
        queries,
        xacts * 310,
        xacts * 2900,
        Math.round(xacts * 1_730),
        Math.round(queries * 640),
        Math.round(xacts * 180 + waitUs * 1000),
        parses,
        parses,
        queries,
        0,
        tps,
        Math.round(tps * 2.6),
        tps * 310,
        tps * 2900,
        xactUs,
        queryUs,
        waitUs,
        0,
        0,
        Math.round(tps * 2.6),
      ],
      ['pgbouncer', 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ],
  );
}

const ptr = (key: string): string =>
  `0x${(0x55d7c1a00000 + between(`ptr:${key}`, 0, 0xfffff) * 16).toString(16)}`;

const SOCKET_COLUMNS = `type user database replication state addr port:i local_addr local_port:i connect_time
  request_time wait:i wait_us:i close_needed:i ptr link remote_pid:i tls application_name
  prepared_statements:i`;

export function clientsAndServers(session: Session): { clients: Table; servers: Table } {
  const view = session.view;
  const s = view.state;
  const pods = s.pods.filter((p) => p.deployment === 'api' && p.ready);
  const total = Math.min(Math.round(s.db.pgbouncer.clients), s.db.pgbouncer.maxClientConn);
  const perPod = apportion(
    pods.map((p) => p.poolOpen),
    total,
  );
  const servers = backendsOf(session).filter((b) => b.role === 'app' || b.role === 'leaked');
  const now = session.nowUs;
  const clientRows: (string | number | null)[][] = [];
  const serverRows: (string | number | null)[][] = [];
  let linked = 0;
  pods.forEach((p, i) => {
    for (let k = 0; k < perPod[i]!; k++) {
      const key = `${p.name}:${k}`;
      const server = servers.find((b, j) => j >= linked && b.pod === p.name) ?? null;
      if (server) linked = servers.indexOf(server) + 1;
      const connected = Math.max(
        epochUs(s, p.startedAt),
        now - between(`${key}:age`, 60, 7_200) * 1e6,
      );
      const request = Math.min(
        now,
        server?.queryStartUs ?? server?.stateChangeUs ?? now - between(`${key}:req`, 0, 200) * 1e6,
      );
      // A client logs in before its first request.
      const connectedAt = Math.min(connected, request - between(`${key}:pre`, 1, 90) * 1e6);
      const waitUs = server
        ? 0
        : Math.min(now - request, s.config.pgbouncer.queryWaitTimeoutMs * 1000);
      clientRows.push([
        'C',
        'app',
        'shop',
        'none',
        server ? 'active' : 'waiting',
        podAddr(p.uid),
        between(`${key}:port`, 32_768, 60_999),
        ADDR.pgbouncerPod,
        PGBOUNCER_PORT,
        pgbTime(connectedAt),
        pgbTime(request),
        Math.floor(waitUs / 1e6),
        Math.round(waitUs % 1e6),
        0,
        ptr(`c:${key}`),
        server ? ptr(`s:${server.pid}`) : '',
        0,
        '',
        '',
        0,
      ]);
      if (server)
        serverRows.push([
          'S',
          'app',
          'shop',
          'none',
          server.state === 'active' || server.role === 'leaked' ? 'active' : 'idle',
          ADDR.primaryPod,
          5432,
          ADDR.pgbouncerPod,
          server.clientPort,
          pgbTime(server.backendStartUs),
          pgbTime(server.stateChangeUs ?? server.backendStartUs),
          0,
          0,
          0,
          ptr(`s:${server.pid}`),
          ptr(`c:${key}`),
          server.pid,
          '',
          '',
          0,
        ]);
    }
  });
  clientRows.push([
    'C',
    'pgbouncer',
    'pgbouncer',
    'none',
    'active',
    ADDR.bastion,
    between(`admin:${s.t}`, 40_000, 60_000),
    ADDR.pgbouncerPod,
    PGBOUNCER_PORT,
    pgbTime(now - 2_000_000),
    pgbTime(now),
    0,
    0,
    0,
    ptr('admin'),
    '',
    0,
    '',
    'psql',
    0,
  ]);
  return { clients: table(SOCKET_COLUMNS, clientRows), servers: table(SOCKET_COLUMNS, serverRows) };
}

const podAddr = (uid: number): string => clusterNames.podIp(uid);

export function config(s: SimState): Table {
  const pgb = s.db.pgbouncer;
  const cfg = s.config.pgbouncer;
  const secs = (ms: number): string => String(Math.round(ms / 1000));
  const rows: [string, string, string, string][] = [
    ['admin_users', 'pgbouncer', '', 'yes'],
    ['auth_type', 'scram-sha-256', 'md5', 'yes'],
    ['client_idle_timeout', '0', '0', 'yes'],
    ['client_login_timeout', '60', '60', 'yes'],
    ['default_pool_size', String(pgb.defaultPoolSize), '20', 'yes'],
    ['idle_transaction_timeout', '0', '0', 'yes'],
    ['listen_addr', '*', '', 'no'],
    ['listen_port', String(PGBOUNCER_PORT), '6432', 'no'],
    ['log_connections', '1', '1', 'yes'],
    ['log_disconnections', '1', '1', 'yes'],
    ['log_pooler_errors', '1', '1', 'yes'],
    ['max_client_conn', String(pgb.maxClientConn), '100', 'yes'],
    ['max_db_connections', '0', '0', 'yes'],
    ['max_prepared_statements', '0', '0', 'yes'],
    ['max_user_connections', '0', '0', 'yes'],
    ['min_pool_size', '0', '0', 'yes'],
    ['pool_mode', cfg.poolMode, 'session', 'yes'],
    ['query_timeout', '0', '0', 'yes'],
    ['query_wait_timeout', secs(cfg.queryWaitTimeoutMs), '120', 'yes'],
    ['reserve_pool_size', '0', '0', 'yes'],
    ['reserve_pool_timeout', '5', '5', 'yes'],
    ['server_idle_timeout', '600', '600', 'yes'],
    ['server_lifetime', '3600', '3600', 'yes'],
    ['server_login_retry', secs(cfg.serverLoginRetryMs), '15', 'yes'],
    ['stats_period', '60', '60', 'yes'],
  ];
  return table('key value default changeable', rows);
}

export function databases(s: SimState): Table {
  const pgb = s.db.pgbouncer;
  return table(
    `name host port:i database force_user pool_size:i min_pool_size:i reserve_pool:i
     server_lifetime:i pool_mode load_balance_hosts max_connections:i current_connections:i
     paused:i disabled:i`,
    [
      [
        'pgbouncer',
        null,
        PGBOUNCER_PORT,
        'pgbouncer',
        'pgbouncer',
        2,
        0,
        0,
        3600,
        'statement',
        null,
        0,
        0,
        0,
        0,
      ],
      [
        'shop',
        PRIMARY_HOST,
        5432,
        'shop',
        null,
        pgb.defaultPoolSize,
        0,
        0,
        3600,
        null,
        null,
        0,
        Math.round(s.db.serverConns),
        0,
        0,
      ],
    ],
  );
}
