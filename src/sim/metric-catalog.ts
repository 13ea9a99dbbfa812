/**
 * The metric series the sim writes every step, named as the real exporters name them so the
 * dashboards read like a production Grafana. `M.<key>` is the column index of a series.
 */
import { ENDPOINT_IDS } from './config.ts';
import type { EndpointId } from './config.ts';

export type MetricUnit =
  'rps' | 'ratio' | 'ms' | 's' | 'count' | 'bytes' | 'percent' | 'cores' | 'qps' | 'bytesps';

export type MetricDef = {
  key: string;
  /** The PromQL a real dashboard would plot for this panel. */
  query: string;
  group:
    | 'edge'
    | 'ingress'
    | 'web'
    | 'api'
    | 'pool'
    | 'pgbouncer'
    | 'postgres'
    | 'replica'
    | 'redis'
    | 'dns'
    | 'payments'
    | 'slo'
    | 'kube';
  unit: MetricUnit;
  endpoint?: EndpointId;
};

const defs: MetricDef[] = [
  { key: 'edge_rps', group: 'edge', unit: 'rps', query: 'sum(rate(cdn_requests_total[1m]))' },
  {
    key: 'edge_cache_hit_ratio',
    group: 'edge',
    unit: 'ratio',
    query: 'sum(rate(cdn_cache_hits_total[5m])) / sum(rate(cdn_requests_total[5m]))',
  },
  {
    key: 'edge_tls_errors',
    group: 'edge',
    unit: 'rps',
    query: 'sum(rate(cdn_tls_handshake_errors_total[1m]))',
  },
  {
    key: 'cert_expiry_days',
    group: 'edge',
    unit: 'count',
    query: '(probe_ssl_earliest_cert_expiry - time()) / 86400',
  },
  {
    key: 'ingress_rps',
    group: 'ingress',
    unit: 'rps',
    query: 'sum(rate(nginx_ingress_controller_requests[1m]))',
  },
  {
    key: 'ingress_5xx_ratio',
    group: 'ingress',
    unit: 'ratio',
    query:
      'sum(rate(nginx_ingress_controller_requests{status=~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests[1m]))',
  },
  {
    key: 'ingress_502',
    group: 'ingress',
    unit: 'rps',
    query: 'sum(rate(nginx_ingress_controller_requests{status="502"}[1m]))',
  },
  {
    key: 'ingress_503',
    group: 'ingress',
    unit: 'rps',
    query: 'sum(rate(nginx_ingress_controller_requests{status="503"}[1m]))',
  },
  {
    key: 'ingress_504',
    group: 'ingress',
    unit: 'rps',
    query: 'sum(rate(nginx_ingress_controller_requests{status="504"}[1m]))',
  },
  {
    key: 'web_cpu',
    group: 'web',
    unit: 'ratio',
    query:
      'sum(rate(container_cpu_usage_seconds_total{container="web"}[1m])) / sum(kube_pod_container_resource_limits{container="web",resource="cpu"})',
  },
  {
    key: 'web_pods_ready',
    group: 'web',
    unit: 'count',
    query: 'kube_deployment_status_replicas_available{deployment="web"}',
  },
];

for (const e of ENDPOINT_IDS) {
  const route = e === 'page' ? 'page' : e;
  defs.push(
    {
      key: `${e}_rps`,
      group: e === 'page' ? 'web' : 'api',
      endpoint: e,
      unit: 'rps',
      query: `sum(rate(http_requests_total{route="${route}"}[1m]))`,
    },
    {
      key: `${e}_error_ratio`,
      group: e === 'page' ? 'web' : 'api',
      endpoint: e,
      unit: 'ratio',
      query: `sum(rate(http_requests_total{route="${route}",code=~"5.."}[1m])) / sum(rate(http_requests_total{route="${route}"}[1m]))`,
    },
    {
      key: `${e}_p50`,
      group: e === 'page' ? 'web' : 'api',
      endpoint: e,
      unit: 'ms',
      query: `histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket{route="${route}"}[1m])))`,
    },
    {
      key: `${e}_p95`,
      group: e === 'page' ? 'web' : 'api',
      endpoint: e,
      unit: 'ms',
      query: `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{route="${route}"}[1m])))`,
    },
    {
      key: `${e}_p99`,
      group: e === 'page' ? 'web' : 'api',
      endpoint: e,
      unit: 'ms',
      query: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{route="${route}"}[1m])))`,
    },
  );
}

defs.push(
  {
    key: 'api_rps',
    group: 'api',
    unit: 'rps',
    query: 'sum(rate(http_requests_total{job="api"}[1m]))',
  },
  {
    key: 'api_error_ratio',
    group: 'api',
    unit: 'ratio',
    query:
      'sum(rate(http_requests_total{job="api",code=~"5.."}[1m])) / sum(rate(http_requests_total{job="api"}[1m]))',
  },
  {
    key: 'api_p50',
    group: 'api',
    unit: 'ms',
    query:
      'histogram_quantile(0.50, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[1m])))',
  },
  {
    key: 'api_p99',
    group: 'api',
    unit: 'ms',
    query:
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[1m])))',
  },
  {
    key: 'api_cpu',
    group: 'api',
    unit: 'ratio',
    query:
      'sum(rate(container_cpu_usage_seconds_total{container="api"}[1m])) / sum(kube_pod_container_resource_limits{container="api",resource="cpu"})',
  },
  {
    key: 'api_memory_max',
    group: 'api',
    unit: 'bytes',
    query: 'max(container_memory_working_set_bytes{container="api"})',
  },
  {
    key: 'api_pods_ready',
    group: 'kube',
    unit: 'count',
    query: 'kube_deployment_status_replicas_available{deployment="api"}',
  },
  {
    key: 'api_pods_desired',
    group: 'kube',
    unit: 'count',
    query: 'kube_deployment_spec_replicas{deployment="api"}',
  },
  {
    key: 'api_restarts',
    group: 'kube',
    unit: 'count',
    query: 'sum(kube_pod_container_status_restarts_total{container="api"})',
  },
  { key: 'api_goroutines', group: 'api', unit: 'count', query: 'sum(go_goroutines{job="api"})' },
  {
    key: 'pool_in_use',
    group: 'pool',
    unit: 'count',
    query: 'sum(pgxpool_acquired_conns{job="api"})',
  },
  { key: 'pool_idle', group: 'pool', unit: 'count', query: 'sum(pgxpool_idle_conns{job="api"})' },
  { key: 'pool_max', group: 'pool', unit: 'count', query: 'sum(pgxpool_max_conns{job="api"})' },
  {
    key: 'pool_waiting',
    group: 'pool',
    unit: 'count',
    query: 'sum(pgxpool_pending_acquires{job="api"})',
  },
  {
    key: 'pool_wait_ms',
    group: 'pool',
    unit: 'ms',
    query:
      'sum(rate(pgxpool_acquire_duration_seconds_total[1m])) / sum(rate(pgxpool_acquire_count_total[1m]))',
  },
  {
    key: 'pool_acquire_timeouts',
    group: 'pool',
    unit: 'rps',
    query: 'sum(rate(pgxpool_canceled_acquire_count_total[1m]))',
  },
  {
    key: 'pgb_cl_active',
    group: 'pgbouncer',
    unit: 'count',
    query: 'sum(pgbouncer_pools_client_active_connections)',
  },
  {
    key: 'pgb_cl_waiting',
    group: 'pgbouncer',
    unit: 'count',
    query: 'sum(pgbouncer_pools_client_waiting_connections)',
  },
  {
    key: 'pgb_sv_active',
    group: 'pgbouncer',
    unit: 'count',
    query: 'sum(pgbouncer_pools_server_active_connections)',
  },
  {
    key: 'pgb_sv_idle',
    group: 'pgbouncer',
    unit: 'count',
    query: 'sum(pgbouncer_pools_server_idle_connections)',
  },
  {
    key: 'pgb_login_errors',
    group: 'pgbouncer',
    unit: 'rps',
    query: 'sum(rate(pgbouncer_errors_total{reason="server_login"}[1m]))',
  },
  {
    key: 'pg_conn_active',
    group: 'postgres',
    unit: 'count',
    query: 'pg_stat_activity_count{state="active"}',
  },
  {
    key: 'pg_conn_idle',
    group: 'postgres',
    unit: 'count',
    query: 'pg_stat_activity_count{state="idle"}',
  },
  {
    key: 'pg_conn_idle_in_tx',
    group: 'postgres',
    unit: 'count',
    query: 'pg_stat_activity_count{state="idle in transaction"}',
  },
  { key: 'pg_conn_total', group: 'postgres', unit: 'count', query: 'sum(pg_stat_activity_count)' },
  {
    key: 'pg_max_connections',
    group: 'postgres',
    unit: 'count',
    query: 'pg_settings_max_connections',
  },
  {
    key: 'pg_tps',
    group: 'postgres',
    unit: 'rps',
    query: 'sum(rate(pg_stat_database_xact_commit[1m]))',
  },
  {
    key: 'pg_cpu',
    group: 'postgres',
    unit: 'ratio',
    query: '1 - avg(rate(node_cpu_seconds_total{instance="pg-primary-0",mode="idle"}[1m]))',
  },
  {
    key: 'pg_io_util',
    group: 'postgres',
    unit: 'ratio',
    query: 'rate(node_disk_io_time_seconds_total{instance="pg-primary-0"}[1m])',
  },
  {
    key: 'pg_query_mean_ms',
    group: 'postgres',
    unit: 'ms',
    query:
      'sum(rate(pg_stat_statements_total_exec_time[1m])) / sum(rate(pg_stat_statements_calls[1m]))',
  },
  {
    key: 'pg_lock_waiters',
    group: 'postgres',
    unit: 'count',
    query: 'sum(pg_locks_count{granted="false"})',
  },
  {
    key: 'pg_disk_used_ratio',
    group: 'postgres',
    unit: 'ratio',
    query:
      '1 - node_filesystem_avail_bytes{mountpoint="/var/lib/postgresql/data"} / node_filesystem_size_bytes',
  },
  { key: 'pg_wal_bytes', group: 'postgres', unit: 'bytes', query: 'pg_wal_size_bytes' },
  {
    key: 'pg_wal_rate',
    group: 'postgres',
    unit: 'bytesps',
    query: 'rate(pg_stat_wal_wal_bytes[1m])',
  },
  { key: 'replica_lag_s', group: 'replica', unit: 's', query: 'pg_replication_lag_seconds' },
  {
    key: 'replica_cpu',
    group: 'replica',
    unit: 'ratio',
    query: '1 - avg(rate(node_cpu_seconds_total{instance="pg-replica-0",mode="idle"}[1m]))',
  },
  {
    key: 'redis_hit_ratio',
    group: 'redis',
    unit: 'ratio',
    query:
      'rate(redis_keyspace_hits_total[1m]) / (rate(redis_keyspace_hits_total[1m]) + rate(redis_keyspace_misses_total[1m]))',
  },
  { key: 'redis_memory', group: 'redis', unit: 'bytes', query: 'redis_memory_used_bytes' },
  {
    key: 'redis_evictions',
    group: 'redis',
    unit: 'rps',
    query: 'rate(redis_evicted_keys_total[1m])',
  },
  { key: 'redis_ops', group: 'redis', unit: 'rps', query: 'redis_instantaneous_ops_per_sec' },
  { key: 'dns_qps', group: 'dns', unit: 'qps', query: 'sum(rate(coredns_dns_requests_total[1m]))' },
  {
    key: 'dns_p99',
    group: 'dns',
    unit: 'ms',
    query:
      'histogram_quantile(0.99, sum by (le) (rate(coredns_dns_request_duration_seconds_bucket[1m])))',
  },
  {
    key: 'dns_servfail',
    group: 'dns',
    unit: 'qps',
    query: 'sum(rate(coredns_dns_responses_total{rcode="SERVFAIL"}[1m]))',
  },
  {
    key: 'dns_nxdomain',
    group: 'dns',
    unit: 'qps',
    query: 'sum(rate(coredns_dns_responses_total{rcode="NXDOMAIN"}[1m]))',
  },
  {
    key: 'dns_dropped',
    group: 'dns',
    unit: 'qps',
    query: 'sum(rate(coredns_dns_dropped_total[1m]))',
  },
  {
    key: 'coredns_cpu',
    group: 'dns',
    unit: 'ratio',
    query:
      'sum(rate(container_cpu_usage_seconds_total{container="coredns"}[1m])) / sum(kube_pod_container_resource_limits{container="coredns",resource="cpu"})',
  },
  {
    key: 'coredns_pods_ready',
    group: 'dns',
    unit: 'count',
    query: 'kube_deployment_status_replicas_available{deployment="coredns"}',
  },
  {
    key: 'client_lookup_p99',
    group: 'dns',
    unit: 'ms',
    query:
      'histogram_quantile(0.99, sum by (le) (rate(dns_lookup_duration_seconds_bucket{job="api"}[1m])))',
  },
  {
    key: 'payments_p99',
    group: 'payments',
    unit: 'ms',
    query:
      'histogram_quantile(0.99, sum by (le) (rate(http_client_request_duration_seconds_bucket{host="api.paystream.io"}[1m])))',
  },
  {
    key: 'payments_error_ratio',
    group: 'payments',
    unit: 'ratio',
    query:
      'sum(rate(http_client_requests_total{host="api.paystream.io",code!~"2.."}[1m])) / sum(rate(http_client_requests_total{host="api.paystream.io"}[1m]))',
  },
  {
    key: 'slo_error_ratio',
    group: 'slo',
    unit: 'ratio',
    query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
  },
  {
    key: 'slo_slow_ratio',
    group: 'slo',
    unit: 'ratio',
    query:
      '1 - sum(rate(http_request_duration_seconds_bucket{le="1"}[5m])) / sum(rate(http_request_duration_seconds_count[5m]))',
  },
  // Per-second counts of the SLI (what the burn rates average): the postmortem's impact numbers.
  {
    key: 'sli_requests',
    group: 'slo',
    unit: 'rps',
    query: 'sum(rate(http_requests_total[1m]))',
  },
  {
    key: 'sli_failed',
    group: 'slo',
    unit: 'rps',
    query: 'sum(rate(http_requests_total{code=~"5.."}[1m]))',
  },
  {
    key: 'sli_slow',
    group: 'slo',
    unit: 'rps',
    query:
      'sum(rate(http_request_duration_seconds_count[1m])) - sum(rate(http_request_duration_seconds_bucket{le="1"}[1m]))',
  },
  {
    key: 'burn_rate_5m',
    group: 'slo',
    unit: 'count',
    query: 'slo:error_ratio:rate5m / (1 - 0.999)',
  },
  {
    key: 'burn_rate_1h',
    group: 'slo',
    unit: 'count',
    query: 'slo:error_ratio:rate1h / (1 - 0.999)',
  },
  {
    key: 'burn_rate_30m',
    group: 'slo',
    unit: 'count',
    query: 'slo:error_ratio:rate30m / (1 - 0.999)',
  },
  {
    key: 'burn_rate_6h',
    group: 'slo',
    unit: 'count',
    query: 'slo:error_ratio:rate6h / (1 - 0.999)',
  },
  {
    key: 'error_budget_remaining',
    group: 'slo',
    unit: 'ratio',
    query: '1 - slo:error_budget_consumed:ratio30d',
  },
);

export const METRICS: readonly MetricDef[] = defs;
export const METRIC_COUNT = defs.length;

/** Column index by key. */
export const M: Readonly<Record<string, number>> = Object.fromEntries(
  defs.map((d, i) => [d.key, i]),
);

/** Column index of a metric, failing loudly for a typo in the model itself. */
export function metricIndex(key: string): number {
  const i = M[key];
  if (i === undefined) throw new Error(`unknown metric ${key}`);
  return i;
}
