/**
 * What the dashboards show: rows in the order a request travels (SLO first, then edge, web, API,
 * pool and PgBouncer, PostgreSQL, Redis, DNS), each a list of panels, each panel a few series of
 * the sim's metrics (by key: the UI may not import the sim; tests/dashboards-layout.test.ts checks
 * every key against the sim's catalogue). Pure data, so node tests can read it.
 */
import type { ComponentId } from '../../store/index.ts';
import type { dashboardsEn } from '../../i18n/parts/dashboards.en.ts';
import type { DisplayUnit } from './units.ts';

export type DashboardsKey = keyof typeof dashboardsEn;

/** A legend label: a catalogue key, or a key with parameters (a route name, say). */
export type LabelRef =
  | DashboardsKey
  | { readonly key: DashboardsKey; readonly params: Readonly<Record<string, string>> };

export interface SeriesSpec {
  readonly metric: string;
  readonly label: LabelRef;
  /** A capacity line (max_connections, desired replicas): grey, dashed, not a measurement. */
  readonly limit?: boolean;
}

/** A fixed reference line that is not an alert threshold of the store (the SLO burn factors). */
export interface Guide {
  readonly value: number;
  readonly label: DashboardsKey;
}

export interface PanelSpec {
  readonly id: string;
  readonly title: DashboardsKey;
  readonly unit: DisplayUnit;
  readonly series: readonly SeriesSpec[];
  /** The y axis reaches at least this far, so noise near zero does not fill the panel. */
  readonly softMax?: number;
  /** The y axis never goes beyond this (a ratio that cannot exceed 100 %). */
  readonly hardMax?: number;
  readonly guides?: readonly Guide[];
}

export type RowId = 'slo' | 'edge' | 'web' | 'api' | 'pool' | 'postgres' | 'redis' | 'dns';

export interface RowSpec {
  readonly id: RowId;
  readonly title: DashboardsKey;
  readonly panels: readonly PanelSpec[];
}

/** The API routes, as the `route` label names them. */
const API_ROUTES = ['products', 'orders', 'search', 'checkout'] as const;

const route = (r: string): LabelRef => ({ key: 'dashboards.series.route', params: { route: r } });
const perRoute = (suffix: string): SeriesSpec[] =>
  API_ROUTES.map((r) => ({ metric: `${r}_${suffix}`, label: route(r) }));

export const ROWS: readonly RowSpec[] = [
  {
    id: 'slo',
    title: 'dashboards.row.slo',
    panels: [
      {
        id: 'slo.burn',
        title: 'dashboards.panel.sloBurn',
        unit: 'times',
        softMax: 1,
        series: [
          { metric: 'burn_rate_5m', label: 'dashboards.series.window5m' },
          { metric: 'burn_rate_30m', label: 'dashboards.series.window30m' },
          { metric: 'burn_rate_1h', label: 'dashboards.series.window1h' },
          { metric: 'burn_rate_6h', label: 'dashboards.series.window6h' },
        ],
        guides: [
          { value: 14.4, label: 'dashboards.guide.fastBurn' },
          { value: 6, label: 'dashboards.guide.slowBurn' },
        ],
      },
      {
        id: 'slo.ratios',
        title: 'dashboards.panel.sloRatios',
        unit: 'percent',
        softMax: 0.01,
        series: [
          { metric: 'slo_error_ratio', label: 'dashboards.series.errors5xx' },
          { metric: 'slo_slow_ratio', label: 'dashboards.series.slowerThan1s' },
        ],
      },
      {
        id: 'slo.budget',
        title: 'dashboards.panel.sloBudget',
        unit: 'percent',
        softMax: 1,
        hardMax: 1,
        series: [{ metric: 'error_budget_remaining', label: 'dashboards.series.remaining' }],
      },
    ],
  },
  {
    id: 'edge',
    title: 'dashboards.row.edge',
    panels: [
      {
        id: 'edge.requests',
        title: 'dashboards.panel.edgeRequests',
        unit: 'reqps',
        series: [
          { metric: 'edge_rps', label: 'dashboards.series.cdn' },
          { metric: 'ingress_rps', label: 'dashboards.series.ingress' },
        ],
      },
      {
        id: 'edge.status',
        title: 'dashboards.panel.ingressStatus',
        unit: 'reqps',
        softMax: 1,
        series: [
          { metric: 'ingress_502', label: 'dashboards.series.status502' },
          { metric: 'ingress_503', label: 'dashboards.series.status503' },
          { metric: 'ingress_504', label: 'dashboards.series.status504' },
        ],
      },
      {
        id: 'edge.errorRatio',
        title: 'dashboards.panel.ingressErrorRatio',
        unit: 'percent',
        softMax: 0.01,
        series: [{ metric: 'ingress_5xx_ratio', label: 'dashboards.series.errors5xx' }],
      },
      {
        id: 'edge.cache',
        title: 'dashboards.panel.cdnCacheHit',
        unit: 'percent',
        softMax: 1,
        hardMax: 1,
        series: [{ metric: 'edge_cache_hit_ratio', label: 'dashboards.series.hitRatio' }],
      },
      {
        id: 'edge.tls',
        title: 'dashboards.panel.tlsErrors',
        unit: 'perSec',
        softMax: 1,
        series: [{ metric: 'edge_tls_errors', label: 'dashboards.series.handshakeErrors' }],
      },
      {
        id: 'edge.cert',
        title: 'dashboards.panel.certExpiry',
        unit: 'days',
        series: [{ metric: 'cert_expiry_days', label: 'dashboards.series.daysLeft' }],
      },
    ],
  },
  {
    id: 'web',
    title: 'dashboards.row.web',
    panels: [
      {
        id: 'web.requests',
        title: 'dashboards.panel.webRequests',
        unit: 'reqps',
        series: [{ metric: 'page_rps', label: route('page') }],
      },
      {
        id: 'web.latency',
        title: 'dashboards.panel.webLatency',
        unit: 'ms',
        softMax: 100,
        series: [
          { metric: 'page_p50', label: 'dashboards.series.p50' },
          { metric: 'page_p95', label: 'dashboards.series.p95' },
          { metric: 'page_p99', label: 'dashboards.series.p99' },
        ],
      },
      {
        id: 'web.errors',
        title: 'dashboards.panel.webErrors',
        unit: 'percent',
        softMax: 0.01,
        series: [{ metric: 'page_error_ratio', label: 'dashboards.series.errors5xx' }],
      },
      {
        id: 'web.cpu',
        title: 'dashboards.panel.webCpu',
        unit: 'percent',
        softMax: 1,
        series: [{ metric: 'web_cpu', label: 'dashboards.series.ofLimit' }],
      },
      {
        id: 'web.pods',
        title: 'dashboards.panel.webPods',
        unit: 'count',
        series: [{ metric: 'web_pods_ready', label: 'dashboards.series.available' }],
      },
    ],
  },
  {
    id: 'api',
    title: 'dashboards.row.api',
    panels: [
      {
        id: 'api.requests',
        title: 'dashboards.panel.apiRequests',
        unit: 'reqps',
        series: [{ metric: 'api_rps', label: 'dashboards.series.allRoutes' }, ...perRoute('rps')],
      },
      {
        id: 'api.latency',
        title: 'dashboards.panel.apiLatency',
        unit: 'ms',
        softMax: 100,
        series: [
          { metric: 'api_p50', label: 'dashboards.series.p50' },
          { metric: 'api_p99', label: 'dashboards.series.p99' },
        ],
      },
      {
        id: 'api.routeP99',
        title: 'dashboards.panel.apiRouteP99',
        unit: 'ms',
        softMax: 100,
        series: perRoute('p99'),
      },
      {
        id: 'api.routeP50',
        title: 'dashboards.panel.apiRouteP50',
        unit: 'ms',
        softMax: 50,
        series: perRoute('p50'),
      },
      {
        id: 'api.errors',
        title: 'dashboards.panel.apiErrors',
        unit: 'percent',
        softMax: 0.01,
        series: [
          { metric: 'api_error_ratio', label: 'dashboards.series.allRoutes' },
          ...perRoute('error_ratio'),
        ],
      },
      {
        id: 'api.cpu',
        title: 'dashboards.panel.apiCpu',
        unit: 'percent',
        softMax: 1,
        series: [{ metric: 'api_cpu', label: 'dashboards.series.ofLimit' }],
      },
      {
        id: 'api.memory',
        title: 'dashboards.panel.apiMemory',
        unit: 'bytes',
        series: [{ metric: 'api_memory_max', label: 'dashboards.series.maxPod' }],
      },
      {
        id: 'api.pods',
        title: 'dashboards.panel.apiPods',
        unit: 'count',
        series: [
          { metric: 'api_pods_ready', label: 'dashboards.series.available' },
          { metric: 'api_pods_desired', label: 'dashboards.series.desired', limit: true },
        ],
      },
      {
        id: 'api.restarts',
        title: 'dashboards.panel.apiRestarts',
        unit: 'count',
        softMax: 1,
        series: [{ metric: 'api_restarts', label: 'dashboards.series.restarts' }],
      },
      {
        id: 'api.goroutines',
        title: 'dashboards.panel.apiGoroutines',
        unit: 'count',
        series: [{ metric: 'api_goroutines', label: 'dashboards.series.goroutines' }],
      },
      {
        id: 'api.paymentsLatency',
        title: 'dashboards.panel.paymentsLatency',
        unit: 'ms',
        softMax: 500,
        series: [{ metric: 'payments_p99', label: 'dashboards.series.p99' }],
      },
      {
        id: 'api.paymentsErrors',
        title: 'dashboards.panel.paymentsErrors',
        unit: 'percent',
        softMax: 0.01,
        series: [{ metric: 'payments_error_ratio', label: 'dashboards.series.non2xx' }],
      },
    ],
  },
  {
    id: 'pool',
    title: 'dashboards.row.pool',
    panels: [
      {
        id: 'pool.conns',
        title: 'dashboards.panel.poolConns',
        unit: 'count',
        series: [
          { metric: 'pool_in_use', label: 'dashboards.series.acquired' },
          { metric: 'pool_idle', label: 'dashboards.series.idle' },
          { metric: 'pool_max', label: 'dashboards.series.maxConns', limit: true },
        ],
      },
      {
        id: 'pool.waiting',
        title: 'dashboards.panel.poolWaiting',
        unit: 'count',
        softMax: 1,
        series: [{ metric: 'pool_waiting', label: 'dashboards.series.pendingAcquires' }],
      },
      {
        id: 'pool.wait',
        title: 'dashboards.panel.poolWait',
        unit: 'ms',
        softMax: 10,
        series: [{ metric: 'pool_wait_ms', label: 'dashboards.series.mean' }],
      },
      {
        id: 'pool.timeouts',
        title: 'dashboards.panel.poolTimeouts',
        unit: 'perSec',
        softMax: 1,
        series: [{ metric: 'pool_acquire_timeouts', label: 'dashboards.series.canceled' }],
      },
      {
        id: 'pgb.clients',
        title: 'dashboards.panel.pgbClients',
        unit: 'count',
        series: [
          { metric: 'pgb_cl_active', label: 'dashboards.series.clActive' },
          { metric: 'pgb_cl_waiting', label: 'dashboards.series.clWaiting' },
        ],
      },
      {
        id: 'pgb.servers',
        title: 'dashboards.panel.pgbServers',
        unit: 'count',
        series: [
          { metric: 'pgb_sv_active', label: 'dashboards.series.svActive' },
          { metric: 'pgb_sv_idle', label: 'dashboards.series.svIdle' },
        ],
      },
      {
        id: 'pgb.loginErrors',
        title: 'dashboards.panel.pgbLoginErrors',
        unit: 'perSec',
        softMax: 1,
        series: [{ metric: 'pgb_login_errors', label: 'dashboards.series.serverLogin' }],
      },
    ],
  },
  {
    id: 'postgres',
    title: 'dashboards.row.postgres',
    panels: [
      {
        id: 'pg.connections',
        title: 'dashboards.panel.pgConnections',
        unit: 'count',
        series: [
          { metric: 'pg_conn_active', label: 'dashboards.series.stateActive' },
          { metric: 'pg_conn_idle', label: 'dashboards.series.stateIdle' },
          { metric: 'pg_conn_idle_in_tx', label: 'dashboards.series.stateIdleInTx' },
          { metric: 'pg_conn_total', label: 'dashboards.series.total' },
          { metric: 'pg_max_connections', label: 'dashboards.series.maxConnections', limit: true },
        ],
      },
      {
        id: 'pg.tps',
        title: 'dashboards.panel.pgTps',
        unit: 'tps',
        series: [{ metric: 'pg_tps', label: 'dashboards.series.commits' }],
      },
      {
        id: 'pg.queryLatency',
        title: 'dashboards.panel.pgQueryLatency',
        unit: 'ms',
        softMax: 10,
        series: [{ metric: 'pg_query_mean_ms', label: 'dashboards.series.mean' }],
      },
      {
        id: 'pg.locks',
        title: 'dashboards.panel.pgLocks',
        unit: 'count',
        softMax: 1,
        series: [{ metric: 'pg_lock_waiters', label: 'dashboards.series.notGranted' }],
      },
      {
        id: 'pg.replication',
        title: 'dashboards.panel.pgReplication',
        unit: 's',
        softMax: 1,
        series: [{ metric: 'replica_lag_s', label: 'dashboards.series.replica' }],
      },
      {
        id: 'pg.cpu',
        title: 'dashboards.panel.pgCpu',
        unit: 'percent',
        softMax: 1,
        series: [
          { metric: 'pg_cpu', label: 'dashboards.series.primaryCpu' },
          { metric: 'replica_cpu', label: 'dashboards.series.replicaCpu' },
          { metric: 'pg_io_util', label: 'dashboards.series.primaryIo' },
        ],
      },
      {
        id: 'pg.disk',
        title: 'dashboards.panel.pgDisk',
        unit: 'percent',
        softMax: 1,
        hardMax: 1,
        series: [{ metric: 'pg_disk_used_ratio', label: 'dashboards.series.used' }],
      },
      {
        id: 'pg.wal',
        title: 'dashboards.panel.pgWal',
        unit: 'bytes',
        series: [{ metric: 'pg_wal_bytes', label: 'dashboards.series.walSize' }],
      },
      {
        id: 'pg.walRate',
        title: 'dashboards.panel.pgWalRate',
        unit: 'bytesps',
        series: [{ metric: 'pg_wal_rate', label: 'dashboards.series.written' }],
      },
    ],
  },
  {
    id: 'redis',
    title: 'dashboards.row.redis',
    panels: [
      {
        id: 'redis.hit',
        title: 'dashboards.panel.redisHit',
        unit: 'percent',
        softMax: 1,
        hardMax: 1,
        series: [{ metric: 'redis_hit_ratio', label: 'dashboards.series.hitRatio' }],
      },
      {
        id: 'redis.ops',
        title: 'dashboards.panel.redisOps',
        unit: 'ops',
        series: [{ metric: 'redis_ops', label: 'dashboards.series.commandsProcessed' }],
      },
      {
        id: 'redis.memory',
        title: 'dashboards.panel.redisMemory',
        unit: 'bytes',
        series: [{ metric: 'redis_memory', label: 'dashboards.series.used' }],
      },
      {
        id: 'redis.evictions',
        title: 'dashboards.panel.redisEvictions',
        unit: 'perSec',
        softMax: 1,
        series: [{ metric: 'redis_evictions', label: 'dashboards.series.evictedKeys' }],
      },
    ],
  },
  {
    id: 'dns',
    title: 'dashboards.row.dns',
    panels: [
      {
        id: 'dns.qps',
        title: 'dashboards.panel.dnsQps',
        unit: 'qps',
        series: [{ metric: 'dns_qps', label: 'dashboards.series.queries' }],
      },
      {
        id: 'dns.rcodes',
        title: 'dashboards.panel.dnsRcodes',
        unit: 'qps',
        softMax: 1,
        series: [
          { metric: 'dns_servfail', label: 'dashboards.series.servfail' },
          { metric: 'dns_nxdomain', label: 'dashboards.series.nxdomain' },
          { metric: 'dns_dropped', label: 'dashboards.series.dropped' },
        ],
      },
      {
        id: 'dns.latency',
        title: 'dashboards.panel.dnsLatency',
        unit: 'ms',
        softMax: 10,
        series: [
          { metric: 'dns_p99', label: 'dashboards.series.corednsP99' },
          { metric: 'client_lookup_p99', label: 'dashboards.series.clientLookupP99' },
        ],
      },
      {
        id: 'dns.cpu',
        title: 'dashboards.panel.dnsCpu',
        unit: 'percent',
        softMax: 1,
        series: [{ metric: 'coredns_cpu', label: 'dashboards.series.ofLimit' }],
      },
      {
        id: 'dns.pods',
        title: 'dashboards.panel.dnsPods',
        unit: 'count',
        series: [{ metric: 'coredns_pods_ready', label: 'dashboards.series.available' }],
      },
    ],
  },
];

/** Where focusing a component takes the dashboards: its row, and a panel where one stands out. */
export const FOCUS_TARGETS: Readonly<Record<ComponentId, { row: RowId; panel?: string }>> = {
  users: { row: 'edge' },
  cdn: { row: 'edge' },
  ingress: { row: 'edge' },
  web: { row: 'web' },
  api: { row: 'api' },
  payments: { row: 'api', panel: 'api.paymentsLatency' },
  pool: { row: 'pool' },
  pgbouncer: { row: 'pool', panel: 'pgb.clients' },
  postgres: { row: 'postgres' },
  replica: { row: 'postgres', panel: 'pg.replication' },
  redis: { row: 'redis' },
  coredns: { row: 'dns' },
};

/**
 * Metrics whose alerts fire below the threshold (a hit ratio, days to expiry): their panels tint
 * the area under the line instead of above. tests/dashboards-layout.test.ts reads the direction
 * from each rule's PromQL and checks this list.
 */
export const ALERTS_BELOW: ReadonlySet<string> = new Set(['redis_hit_ratio', 'cert_expiry_days']);

/** Every metric key a panel plots. */
export function panelMetrics(panel: PanelSpec): string[] {
  return panel.series.map((s) => s.metric);
}

/** Every metric key the dashboards read (a threshold is drawn only on its own metric's panels). */
export function allDashboardMetrics(rows: readonly RowSpec[] = ROWS): string[] {
  const keys = new Set<string>();
  for (const row of rows) {
    for (const panel of row.panels) {
      for (const key of panelMetrics(panel)) keys.add(key);
    }
  }
  return [...keys];
}
