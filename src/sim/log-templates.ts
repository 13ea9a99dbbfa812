/**
 * Every kind of log line the simulated components print, in each component's real format (see
 * docs/realism.md for the sources). A record stores only a template id and numbers; `render` turns
 * it into the exact text at read time.
 */
import { ENDPOINT_IDS } from './config.ts';
import type { EndpointId } from './config.ts';
import {
  clientIp,
  DB_NAME,
  DB_USER,
  PG_PRIMARY_SERVICE_IP,
  PGBOUNCER_ADDR,
  PGBOUNCER_HOST,
  traceId,
} from './names.ts';
import {
  formatClfTimestamp,
  formatIsoTimestamp,
  formatRedisTimestamp,
  formatSlashTimestamp,
  formatSqlTimestamp,
} from './time.ts';

export const LOG_SERVICES = [
  'ingress',
  'web',
  'api',
  'pgbouncer',
  'postgres',
  'replica',
  'redis',
  'coredns',
  'kubernetes',
] as const;
export type LogService = (typeof LOG_SERVICES)[number];
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type RenderView = {
  epochMs: number;
  source: string;
  trace: string;
  n: (i: number) => number;
  s: (i: number) => string;
};

type TemplateDef = {
  key: string;
  service: LogService;
  level: LogLevel;
  render: (v: RenderView) => string;
};

export const ROUTE: Readonly<Record<EndpointId, string>> = {
  page: '/',
  products: '/v1/products/:id',
  orders: '/v1/orders',
  search: '/v1/search',
  checkout: '/v1/checkout',
};
export const SEARCH_TERMS = [
  'usb-c+cable',
  'desk+lamp',
  'running+shoes',
  'coffee+grinder',
  'headphones',
] as const;
const REQUEST_PATH: Record<EndpointId, (n: number) => string> = {
  page: () => '/',
  products: (n) => `/v1/products/${10_000 + (n % 90_000)}`,
  orders: (n) => `/v1/orders?customer=${40_000 + (n % 20_000)}`,
  search: (n) => `/v1/search?q=${SEARCH_TERMS[n % 5]}`,
  checkout: () => '/v1/checkout',
};
export const endpointAt = (i: number): EndpointId => ENDPOINT_IDS[i] ?? 'page';
export const method = (e: EndpointId): string => (e === 'checkout' ? 'POST' : 'GET');
export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'ShopApp/4.12.0 (Android 15; Pixel 8)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
] as const;
const pgTs = (v: RenderView): string => `${formatSqlTimestamp(v.epochMs)} UTC`;
const slog = (v: RenderView, level: string, fields: string): string =>
  `{"time":"${formatIsoTimestamp(v.epochMs)}","level":"${level}",${fields}${v.trace ? `,"trace_id":"${v.trace}"` : ''}}`;
const jsonStr = (s: string): string => JSON.stringify(s);
const ms3 = (x: number): string => x.toFixed(3);
const nginxPid = (v: RenderView): string => `${31 + (v.n(5) % 4)}#${31 + (v.n(5) % 4)}`;
const pgbClient = (v: RenderView, idx: number): string =>
  `C-0x55d7c1b2${(0xe000 + (v.n(idx) % 4096)).toString(16)}: ${DB_NAME}/${DB_USER}@${v.s(idx + 1)}:${40000 + (v.n(idx) % 20000)}`;
const pgxConnectError = (inner: string): string =>
  `failed to connect to \`user=${DB_USER} database=${DB_NAME}\`: ${PGBOUNCER_ADDR} (${PGBOUNCER_HOST}): ${inner}`;

/** API error texts by cause (argument 2 of `api_request_error`). */
export const API_ERRORS = [
  'context deadline exceeded',
  'timeout: context deadline exceeded',
  'ERROR: canceling statement due to statement timeout (SQLSTATE 57014)',
  pgxConnectError(
    'server error: FATAL: server login has been failing, cached error: sorry, too many clients already (server_login_retry) (SQLSTATE 08P01)',
  ),
  pgxConnectError(
    'server error: FATAL: no more connections allowed (max_client_conn) (SQLSTATE 08P01)',
  ),
  'FATAL: terminating connection due to idle-in-transaction timeout (SQLSTATE 25P03)',
  'FATAL: terminating connection due to administrator command (SQLSTATE 57P01)',
  'runtime error: invalid memory address or nil pointer dereference',
  'ERROR: could not extend file "base/16384/24591": No space left on device (SQLSTATE 53100)',
  pgxConnectError('server error: FATAL: the database system is in recovery mode (SQLSTATE 57P03)'),
  'charge payment: Post "https://{host}/v1/charges": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
  'charge payment: payment provider responded 503 Service Unavailable',
  'charge payment: Post "https://{host}/v1/charges": dial tcp: lookup {host} on 10.96.0.10:53: read udp {ip}:{port}->10.96.0.10:53: i/o timeout',
  'charge payment: Post "https://{host}/v1/charges": dial tcp: lookup {host} on 10.96.0.10:53: no such host',
  'charge payment: Post "https://{host}/v1/charges": dial tcp: lookup {host} on 10.96.0.10:53: server misbehaving',
  'charge payment: Post "https://{host}/v1/charges": dial tcp 52.14.77.201:443: connect: connection timed out',
  'ERROR: canceling statement due to lock timeout (SQLSTATE 55P03)',
  'ERROR: canceling statement due to user request (SQLSTATE 57014)',
  'fraud check: Get "https://{host}/v2/score": dial tcp: lookup {host} on 10.96.0.10:53: read udp {ip}:{port}->10.96.0.10:53: i/o timeout',
  'fraud check: Get "https://{host}/v2/score": dial tcp: lookup {host} on 10.96.0.10:53: server misbehaving',
  'rejected: too many requests in flight (limit 256)',
] as const;
export const API_ERROR = {
  poolTimeout: 0,
  queryTimeout: 1,
  statementTimeout: 2,
  loginFailing: 3,
  maxClientConn: 4,
  idleTxKilled: 5,
  adminTerminated: 6,
  panic: 7,
  diskFull: 8,
  recovery: 9,
  paymentTimeout: 10,
  payment503: 11,
  dnsTimeout: 12,
  dnsNxdomain: 13,
  dnsServfail: 14,
  wrongAddress: 15,
  lockTimeout: 16,
  cancelled: 17,
  stormDnsTimeout: 18,
  stormDnsServfail: 19,
  overloaded: 20,
} as const;

const defs: TemplateDef[] = [
  // ingress-nginx access log: $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
  // "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [] $upstream_addr $upstream_response_length
  // $upstream_response_time $upstream_status $req_id.  args: endpoint, status, bytes, seconds, client, upstream ip (string)
  {
    key: 'ingress_access',
    service: 'ingress',
    level: 'info',
    render: (v) => {
      const e = endpointAt(v.n(0));
      const status = v.n(1);
      const secs = v.n(3).toFixed(3);
      const upstreamName = e === 'page' ? 'prod-web-3000' : 'prod-api-8080';
      const upstream =
        status === 503 && v.s(5) === '' ? '-' : `${v.s(5)}:${e === 'page' ? 3000 : 8080}`;
      return `${clientIp(v.n(4))} - - [${formatClfTimestamp(v.epochMs)}] "${method(e)} ${REQUEST_PATH[e](v.n(4))} HTTP/2.0" ${status} ${v.n(2)} "-" "${USER_AGENTS[v.n(4) % USER_AGENTS.length]}" ${e === 'checkout' ? 612 : 287} ${secs} [${upstreamName}] [] ${upstream} ${v.n(2)} ${upstream === '-' ? '-' : secs} ${upstream === '-' ? '-' : status} ${v.trace.slice(0, 32)}`;
    },
  },
  // args: endpoint, _, _, _, client, pid-seed ; source = upstream pod ip
  {
    key: 'ingress_upstream_timeout',
    service: 'ingress',
    level: 'error',
    render: (v) => {
      const e = endpointAt(v.n(0));
      return `${formatSlashTimestamp(v.epochMs)} [error] ${nginxPid(v)}: *${1_000_000 + (v.n(4) % 900_000)} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${clientIp(v.n(4))}, server: shop.example.com, request: "${method(e)} ${REQUEST_PATH[e](v.n(4))} HTTP/2.0", upstream: "http://${v.s(1)}:${e === 'page' ? 3000 : 8080}${REQUEST_PATH[e](v.n(4))}", host: "shop.example.com"`;
    },
  },
  {
    key: 'ingress_upstream_closed',
    service: 'ingress',
    level: 'error',
    render: (v) => {
      const e = endpointAt(v.n(0));
      return `${formatSlashTimestamp(v.epochMs)} [error] ${nginxPid(v)}: *${1_000_000 + (v.n(4) % 900_000)} upstream prematurely closed connection while reading response header from upstream, client: ${clientIp(v.n(4))}, server: shop.example.com, request: "${method(e)} ${REQUEST_PATH[e](v.n(4))} HTTP/2.0", upstream: "http://${v.s(1)}:8080${REQUEST_PATH[e](v.n(4))}", host: "shop.example.com"`;
    },
  },
  {
    key: 'ingress_no_endpoints',
    service: 'ingress',
    level: 'warn',
    render: (v) =>
      `W${formatKlogTime(v.epochMs)}       7 controller.go:1216] Service "prod/api" does not have any active Endpoint.`,
  },
  // Next.js server: args: endpoint status
  {
    key: 'web_api_error',
    service: 'web',
    level: 'error',
    render: (v) =>
      ` ⨯ Error: GET http://api.prod.svc.cluster.local:8080/v1/products/${10_000 + (v.n(1) % 90_000)} responded ${v.n(0)}\n    at fetchProduct (.next/server/chunks/612.js:1:4821)\n    at async ProductGrid (.next/server/app/page.js:1:11342) {\n  digest: '${(1_000_000_000 + (v.n(1) % 2_000_000_000)).toString()}'\n}`,
  },
  // Go API slog JSON. args: endpoint, status, error index, duration ms, _, _ ; s(4) = host for error text, s(5) = pod ip
  {
    key: 'api_request_error',
    service: 'api',
    level: 'error',
    render: (v) => {
      const e = endpointAt(v.n(0));
      const err = (API_ERRORS[v.n(2)] ?? 'unknown error')
        .replaceAll('{host}', v.s(4))
        .replace('{ip}', v.s(5))
        .replace('{port}', String((30000 + ((v.n(3) * 7919) % 30000)) | 0));
      return slog(
        v,
        'ERROR',
        `"msg":"request failed","method":"${method(e)}","route":"${ROUTE[e]}","status":${v.n(1)},"duration_ms":${v.n(3).toFixed(1)},"err":${jsonStr(err)}`,
      );
    },
  },
  {
    key: 'api_request',
    service: 'api',
    level: 'info',
    render: (v) => {
      const e = endpointAt(v.n(0));
      return slog(
        v,
        'INFO',
        `"msg":"request","method":"${method(e)}","route":"${ROUTE[e]}","status":${v.n(1)},"duration_ms":${v.n(3).toFixed(1)}`,
      );
    },
  },
  // GORM slow query: args: query index into s(0) sql, s(1) call site, duration, rows
  {
    key: 'api_gorm_slow',
    service: 'api',
    level: 'warn',
    render: (v) =>
      `${formatSlashTimestamp(v.epochMs)} ${v.s(1)} SLOW SQL >= 200ms\n[${ms3(v.n(2))}ms] [rows:${v.n(3)}] ${v
        .s(0)
        .replace('$1', String(40_000 + (v.n(4) % 20_000)))
        .replace('$2', '1')}`,
  },
  // args: version (s0), pool size
  {
    key: 'api_starting',
    service: 'api',
    level: 'info',
    render: (v) =>
      slog(v, 'INFO', `"msg":"starting api","version":"${v.s(0)}","addr":":8080","gomaxprocs":2`),
  },
  {
    key: 'api_db_connected',
    service: 'api',
    level: 'info',
    render: (v) =>
      slog(
        v,
        'INFO',
        `"msg":"connected to database","host":"${PGBOUNCER_HOST}","pool_max_conns":${v.n(1)}`,
      ),
  },
  // args: kind (0 timeout, 1 servfail, 2 refused by db), s(5) pod ip
  {
    key: 'api_startup_failed',
    service: 'api',
    level: 'error',
    render: (v) => {
      const inner =
        v.n(0) === 0
          ? `hostname resolving error: lookup ${PGBOUNCER_HOST} on 10.96.0.10:53: read udp ${v.s(5)}:${40000 + (v.n(2) % 20000)}->10.96.0.10:53: i/o timeout`
          : v.n(0) === 1
            ? `hostname resolving error: lookup ${PGBOUNCER_HOST} on 10.96.0.10:53: server misbehaving`
            : 'server error: FATAL: server login has been failing, cached error: sorry, too many clients already (server_login_retry) (SQLSTATE 08P01)';
      return slog(
        v,
        'ERROR',
        `"msg":"failed to connect to database","err":${jsonStr(`failed to connect to \`user=${DB_USER} database=${DB_NAME}\`: ${v.n(0) === 2 ? `${PGBOUNCER_ADDR} (${PGBOUNCER_HOST}): ` : ''}${inner}`)}`,
      );
    },
  },
  // PostgreSQL (log_line_prefix '%m [%p] '). args: pid, duration, ... s(0) = statement
  {
    key: 'pg_duration',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] LOG:  duration: ${ms3(v.n(1))} ms  execute stmtcache_${(v.n(2) >>> 0).toString(16).padStart(8, '0')}: ${v.s(3)}\n${pgTs(v)} [${v.n(0)}] DETAIL:  parameters: $1 = '${40_000 + (v.n(4) % 20_000)}'`,
  },
  {
    key: 'pg_too_many_clients',
    service: 'postgres',
    level: 'fatal',
    render: (v) => `${pgTs(v)} [${v.n(0)}] FATAL:  sorry, too many clients already`,
  },
  {
    key: 'pg_idle_tx_timeout',
    service: 'postgres',
    level: 'fatal',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] FATAL:  terminating connection due to idle-in-transaction timeout`,
  },
  {
    key: 'pg_admin_terminate',
    service: 'postgres',
    level: 'fatal',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] FATAL:  terminating connection due to administrator command`,
  },
  {
    key: 'pg_user_cancel',
    service: 'postgres',
    level: 'error',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] ERROR:  canceling statement due to user request\n${pgTs(v)} [${v.n(0)}] STATEMENT:  ${v.s(1)}`,
  },
  {
    key: 'pg_statement_timeout',
    service: 'postgres',
    level: 'error',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] ERROR:  canceling statement due to statement timeout\n${pgTs(v)} [${v.n(0)}] STATEMENT:  ${v.s(1)}`,
  },
  {
    key: 'pg_lock_wait',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] LOG:  process ${v.n(0)} still waiting for AccessShareLock on relation ${v.n(1)} of database 16384 after ${ms3(v.n(3))} ms\n${pgTs(v)} [${v.n(0)}] DETAIL:  Process holding the lock: ${v.n(4)}. Wait queue: ${v.n(5)}, ${v.n(0)}.\n${pgTs(v)} [${v.n(0)}] STATEMENT:  ${v.s(2)}`,
  },
  {
    key: 'pg_checkpoint_start',
    service: 'postgres',
    level: 'info',
    render: (v) => `${pgTs(v)} [27] LOG:  checkpoint starting: time`,
  },
  {
    key: 'pg_checkpoint_complete',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [27] LOG:  checkpoint complete: wrote ${v.n(0)} buffers (${(v.n(0) / 1310.72).toFixed(1)}%); 0 WAL file(s) added, ${v.n(1)} removed, ${v.n(2)} recycled; write=${v.n(3).toFixed(3)} s, sync=0.004 s, total=${(v.n(3) + 0.012).toFixed(3)} s; sync files=42, longest=0.002 s, average=0.001 s; distance=${v.n(4)} kB, estimate=${v.n(4)} kB`,
  },
  {
    key: 'pg_checkpoints_too_frequent',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [27] LOG:  checkpoints are occurring too frequently (${v.n(0)} seconds apart)\n${pgTs(v)} [27] HINT:  Consider increasing the configuration parameter "max_wal_size".`,
  },
  {
    key: 'pg_disk_full_panic',
    service: 'postgres',
    level: 'fatal',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] PANIC:  could not write to file "pg_wal/xlogtemp.${v.n(0)}": No space left on device`,
  },
  {
    key: 'pg_terminated_signal',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  client backend (PID ${v.n(0)}) was terminated by signal 6: Aborted\n${pgTs(v)} [1] LOG:  terminating any other active server processes`,
  },
  {
    key: 'pg_recovery_mode',
    service: 'postgres',
    level: 'fatal',
    render: (v) => `${pgTs(v)} [${v.n(0)}] FATAL:  the database system is in recovery mode`,
  },
  {
    key: 'pg_shutdown',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  received fast shutdown request\n${pgTs(v)} [1] LOG:  aborting any active transactions\n${pgTs(v)} [1] LOG:  database system is shut down`,
  },
  {
    key: 'pg_ready',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  starting PostgreSQL ${v.s(0)} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n${pgTs(v)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n${pgTs(v)} [1] LOG:  database system is ready to accept connections`,
  },
  {
    key: 'pg_disk_full_error',
    service: 'postgres',
    level: 'error',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] ERROR:  could not extend file "base/16384/24591": No space left on device\n${pgTs(v)} [${v.n(0)}] HINT:  Check free disk space.`,
  },
  {
    key: 'pg_autoanalyze',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] LOG:  automatic analyze of table "${DB_NAME}.public.${v.s(1)}"`,
  },
  {
    key: 'pg_index_done',
    service: 'postgres',
    level: 'info',
    render: (v) => `${pgTs(v)} [${v.n(0)}] LOG:  duration: ${ms3(v.n(1))} ms  statement: ${v.s(2)}`,
  },
  {
    key: 'pg_reload',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  received SIGHUP, reloading configuration files\n${pgTs(v)} [1] LOG:  parameter "${v.s(0)}" changed to "${v.s(1)}"`,
  },
  {
    key: 'pg_pending_restart',
    service: 'postgres',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  received SIGHUP, reloading configuration files\n${pgTs(v)} [1] LOG:  parameter "${v.s(0)}" cannot be changed without restarting the server\n${pgTs(v)} [1] LOG:  configuration file "/var/lib/postgresql/data/postgresql.auto.conf" contains errors; unaffected changes were applied`,
  },
  {
    key: 'replica_streaming',
    service: 'replica',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] LOG:  started streaming WAL from primary at ${v.s(1)} on timeline ${v.n(2)}`,
  },
  {
    key: 'replica_conflict',
    service: 'replica',
    level: 'error',
    render: (v) =>
      `${pgTs(v)} [${v.n(0)}] ERROR:  canceling statement due to conflict with recovery\n${pgTs(v)} [${v.n(0)}] DETAIL:  User query might have needed to see row versions that must be removed.`,
  },
  {
    key: 'replica_promoted',
    service: 'replica',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG:  received promote request\n${pgTs(v)} [1] LOG:  redo done at ${v.s(0)} system usage: CPU: user: 0.41 s, system: 0.22 s, elapsed: 0.71 s\n${pgTs(v)} [1] LOG:  selected new timeline ID: 2\n${pgTs(v)} [1] LOG:  database system is ready to accept connections`,
  },
  // PgBouncer: "%s [%u] %s %s"
  {
    key: 'pgb_stats',
    service: 'pgbouncer',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG stats: ${v.n(0)} xacts/s, ${v.n(1)} queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, ${v.n(0) % 4} client logins/s, in ${v.n(2)} B/s, out ${v.n(3)} B/s, xact ${v.n(4)} us, query ${Math.round(v.n(4) * 0.4)} us, wait ${v.n(5)} us`,
  },
  {
    key: 'pgb_login_failed',
    service: 'pgbouncer',
    level: 'warn',
    render: (v) =>
      `${pgTs(v)} [1] WARNING S-0x55d7c1c0${(0xa000 + (v.n(0) % 4096)).toString(16)}: ${DB_NAME}/${DB_USER}@${PG_PRIMARY_SERVICE_IP}:5432 server login failed: FATAL sorry, too many clients already`,
  },
  {
    key: 'pgb_max_client_conn',
    service: 'pgbouncer',
    level: 'warn',
    render: (v) =>
      `${pgTs(v)} [1] WARNING ${pgbClient(v, 0)} pooler error: no more connections allowed (max_client_conn)`,
  },
  {
    key: 'pgb_query_wait_timeout',
    service: 'pgbouncer',
    level: 'info',
    render: (v) =>
      `${pgTs(v)} [1] LOG ${pgbClient(v, 0)} closing because: query_wait_timeout (age=120s)\n${pgTs(v)} [1] WARNING ${pgbClient(v, 0)} pooler error: query_wait_timeout`,
  },
  {
    key: 'pgb_server_crashed',
    service: 'pgbouncer',
    level: 'warn',
    render: (v) =>
      `${pgTs(v)} [1] WARNING S-0x55d7c1c0${(0xa000 + (v.n(0) % 4096)).toString(16)}: ${DB_NAME}/${DB_USER}@${PG_PRIMARY_SERVICE_IP}:5432 closing because: server conn crashed? (age=${v.n(1)}s)`,
  },
  // Redis: "pid:role date level-char msg"
  {
    key: 'redis_start',
    service: 'redis',
    level: 'info',
    render: (v) =>
      `1:C ${formatRedisTimestamp(v.epochMs)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n1:C ${formatRedisTimestamp(v.epochMs)} # Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started\n1:M ${formatRedisTimestamp(v.epochMs)} * Server initialized\n1:M ${formatRedisTimestamp(v.epochMs)} * Ready to accept connections tcp`,
  },
  {
    key: 'redis_maxmemory',
    service: 'redis',
    level: 'warn',
    render: (v) =>
      `1:M ${formatRedisTimestamp(v.epochMs)} # WARNING: evicting keys: used_memory=${v.n(0)} maxmemory=${v.n(1)} policy=allkeys-lru`,
  },
  // CoreDNS
  {
    key: 'coredns_query',
    service: 'coredns',
    level: 'info',
    render: (v) =>
      `[INFO] ${v.s(0)}:${40000 + (v.n(5) % 20000)} - ${(v.n(5) >>> 3) % 65536} "${v.n(5) & 1 ? 'AAAA' : 'A'} IN ${v.s(1)} udp ${v.s(1).length + 23} false 1232" ${v.s(2)} ${v.s(2) === 'NXDOMAIN' ? 'qr,aa,rd' : 'qr,rd,ra'} ${v.n(3)} ${(v.n(4) / 1e6).toFixed(6)}s`,
  },
  {
    key: 'coredns_upstream_timeout',
    service: 'coredns',
    level: 'error',
    render: (v) =>
      `[ERROR] plugin/errors: 2 ${v.s(0)} ${v.n(1) ? 'AAAA' : 'A'}: read udp ${v.s(2)}:${40000 + (v.n(3) % 20000)}->10.0.0.2:53: i/o timeout`,
  },
  {
    key: 'coredns_health_slow',
    service: 'coredns',
    level: 'warn',
    render: (v) =>
      `[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: ${(v.n(0) / 1000).toFixed(9)}s`,
  },
  {
    key: 'coredns_started',
    service: 'coredns',
    level: 'info',
    render: () =>
      `.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9`,
  },
  // Kubernetes events, as `kubectl get events -w` prints them: TYPE REASON OBJECT MESSAGE
  {
    key: 'k8s_scheduled',
    service: 'kubernetes',
    level: 'info',
    render: (v) =>
      `Normal   Scheduled          pod/${v.source}   Successfully assigned ${v.s(0)}/${v.source} to ${v.s(1)}`,
  },
  {
    key: 'k8s_pulled',
    service: 'kubernetes',
    level: 'info',
    render: (v) =>
      `Normal   Pulled             pod/${v.source}   Container image "${v.s(0)}" already present on machine`,
  },
  {
    key: 'k8s_started',
    service: 'kubernetes',
    level: 'info',
    render: (v) => `Normal   Started            pod/${v.source}   Started container ${v.s(0)}`,
  },
  {
    key: 'k8s_killing',
    service: 'kubernetes',
    level: 'info',
    render: (v) => `Normal   Killing            pod/${v.source}   Stopping container ${v.s(0)}`,
  },
  {
    key: 'k8s_backoff',
    service: 'kubernetes',
    level: 'warn',
    render: (v) =>
      `Warning  BackOff            pod/${v.source}   Back-off restarting failed container ${v.s(0)} in pod ${v.source}_${v.s(1)}(${v.s(2)})`,
  },
  {
    key: 'k8s_oom',
    service: 'kubernetes',
    level: 'warn',
    render: (v) =>
      `Warning  OOMKilling         node/${v.s(2)}   Memory cgroup out of memory: Killed process ${v.n(0)} (api) total-vm:1893440kB, anon-rss:${v.n(1)}kB, file-rss:10332kB, shmem-rss:0kB, UID:65532 pgtables:1316kB oom_score_adj:-997`,
  },
  {
    key: 'k8s_unhealthy',
    service: 'kubernetes',
    level: 'warn',
    render: (v) =>
      `Warning  Unhealthy          pod/${v.source}   Readiness probe failed: HTTP probe failed with statuscode: 503`,
  },
  {
    key: 'k8s_failed_scheduling',
    service: 'kubernetes',
    level: 'warn',
    render: (v) =>
      `Warning  FailedScheduling   pod/${v.source}   0/6 nodes are available: 6 Insufficient cpu. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.`,
  },
  {
    key: 'k8s_scaled',
    service: 'kubernetes',
    level: 'info',
    render: (v) =>
      `Normal   ScalingReplicaSet  deployment/${v.s(0)}   Scaled ${v.n(2) ? 'up' : 'down'} replica set ${v.s(1)} to ${v.n(3)}${v.n(4) ? ` from ${v.n(5)}` : ''}`,
  },
];

function formatKlogTime(epochMs: number): string {
  const iso = formatIsoTimestamp(epochMs);
  return `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}000`;
}

export type LogTemplate = TemplateDef & { serviceIndex: number; levelIndex: number };

export const LOG_TEMPLATES: readonly LogTemplate[] = defs.map((d) => ({
  ...d,
  serviceIndex: LOG_SERVICES.indexOf(d.service),
  levelIndex: LOG_LEVELS.indexOf(d.level),
}));

/** Template id by key. */
export const T: Readonly<Record<string, number>> = Object.fromEntries(
  defs.map((d, i) => [d.key, i]),
);

export function templateId(key: string): number {
  const id = T[key];
  if (id === undefined) throw new Error(`unknown log template ${key}`);
  return id;
}

export function renderLog(
  rec: {
    t: number;
    template: number;
    source: string;
    traceHi: number;
    traceLo: number;
    args: readonly number[];
  },
  startEpochMs: number,
  string: (id: number) => string,
): string {
  const def = LOG_TEMPLATES[rec.template];
  if (!def) return '';
  const view: RenderView = {
    epochMs: startEpochMs + rec.t,
    source: rec.source,
    trace: rec.traceHi === 0 && rec.traceLo === 0 ? '' : traceId(rec.traceHi, rec.traceLo),
    n: (i) => rec.args[i] ?? 0,
    s: (i) => string(rec.args[i] ?? -1),
  };
  return def.render(view);
}
