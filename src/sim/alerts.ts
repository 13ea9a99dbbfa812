/**
 * Alerting rules, as a Prometheus rule file would define them: an expression over the step's
 * metrics, a `for` duration, a severity, a summary and a runbook. Includes the SRE Workbook's
 * multi-window, multi-burn-rate pages for the availability SLO.
 */
import { ENDPOINT_IDS } from './config.ts';
import { metricIndex } from './metric-catalog.ts';
import type { StepSink } from './sink.ts';
import type { AlertsState } from './state.ts';
import { MINUTE } from './time.ts';

export type AlertSeverity = 'page' | 'warning' | 'ticket';

export type AlertRule = {
  name: string;
  severity: AlertSeverity;
  forMs: number;
  summary: string;
  runbook: string;
  /** The PromQL a real rule file would hold, shown in the pager. */
  expr: string;
  /** Threshold drawn on the metric's chart, when the rule is a simple threshold. */
  threshold?: { metric: string; value: number };
  test: (v: Float64Array) => boolean;
};

const m = metricIndex;
/** Columns the rules read, resolved once (rules run every step). */
const C = {
  api_error_ratio: m('api_error_ratio'),
  api_pods_desired: m('api_pods_desired'),
  api_pods_ready: m('api_pods_ready'),
  burn_rate_1h: m('burn_rate_1h'),
  burn_rate_30m: m('burn_rate_30m'),
  burn_rate_5m: m('burn_rate_5m'),
  burn_rate_6h: m('burn_rate_6h'),
  cert_expiry_days: m('cert_expiry_days'),
  dns_dropped: m('dns_dropped'),
  dns_qps: m('dns_qps'),
  dns_servfail: m('dns_servfail'),
  edge_tls_errors: m('edge_tls_errors'),
  payments_error_ratio: m('payments_error_ratio'),
  pg_conn_total: m('pg_conn_total'),
  pg_cpu: m('pg_cpu'),
  pg_disk_used_ratio: m('pg_disk_used_ratio'),
  pg_max_connections: m('pg_max_connections'),
  pgb_cl_waiting: m('pgb_cl_waiting'),
  pool_in_use: m('pool_in_use'),
  pool_max: m('pool_max'),
  redis_hit_ratio: m('redis_hit_ratio'),
  redis_ops: m('redis_ops'),
  replica_lag_s: m('replica_lag_s'),
  slo_slow_ratio: m('slo_slow_ratio'),
} as const;
const p99Keys = ENDPOINT_IDS.map((e) => m(`${e}_p99`));

export const ALERT_RULES: readonly AlertRule[] = [
  {
    name: 'ErrorBudgetBurnFast',
    severity: 'page',
    forMs: 2 * MINUTE,
    summary: 'Availability SLO burning 14.4x budget (1h and 5m windows)',
    runbook: 'runbooks/slo-burn.md',
    expr: 'slo:error_ratio:rate1h > (14.4 * 0.001) and slo:error_ratio:rate5m > (14.4 * 0.001)',
    test: (v) => v[C.burn_rate_1h]! > 14.4 && v[C.burn_rate_5m]! > 14.4,
  },
  {
    name: 'ErrorBudgetBurnSlow',
    severity: 'page',
    forMs: 15 * MINUTE,
    summary: 'Availability SLO burning 6x budget (6h and 30m windows)',
    runbook: 'runbooks/slo-burn.md',
    expr: 'slo:error_ratio:rate6h > (6 * 0.001) and slo:error_ratio:rate30m > (6 * 0.001)',
    test: (v) => v[C.burn_rate_6h]! > 6 && v[C.burn_rate_30m]! > 6,
  },
  {
    name: 'LatencyBudgetBurnFast',
    severity: 'page',
    forMs: 5 * MINUTE,
    summary: 'More than 14% of requests slower than 1s over 5m',
    runbook: 'runbooks/slo-burn.md',
    expr: 'slo:slow_ratio:rate5m > (14.4 * 0.01)',
    threshold: { metric: 'slo_slow_ratio', value: 0.144 },
    test: (v) => v[C.slo_slow_ratio]! > 0.144,
  },
  {
    name: 'APIHighErrorRate',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'API 5xx ratio above 5%',
    runbook: 'runbooks/api-errors.md',
    expr: 'sum(rate(http_requests_total{job="api",code=~"5.."}[1m])) / sum(rate(http_requests_total{job="api"}[1m])) > 0.05',
    threshold: { metric: 'api_error_ratio', value: 0.05 },
    test: (v) => v[C.api_error_ratio]! > 0.05,
  },
  {
    name: 'APIHighLatencyP99',
    severity: 'warning',
    forMs: 5 * MINUTE,
    summary: 'p99 latency above 2s on an API route',
    runbook: 'runbooks/api-latency.md',
    expr: 'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 2',
    threshold: { metric: 'api_p99', value: 2000 },
    test: (v) => p99Keys.some((k) => v[k]! > 2000),
  },
  {
    name: 'DBPoolSaturated',
    severity: 'warning',
    forMs: 3 * MINUTE,
    summary: 'API database pool more than 90% in use',
    runbook: 'runbooks/db-pool.md',
    expr: 'sum(pgxpool_acquired_conns) / sum(pgxpool_max_conns) > 0.9',
    test: (v) => v[C.pool_max]! > 0 && v[C.pool_in_use]! / v[C.pool_max]! > 0.9,
  },
  {
    name: 'PgBouncerClientsWaiting',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'PgBouncer clients waiting for a server connection',
    runbook: 'runbooks/db-pool.md',
    expr: 'sum(pgbouncer_pools_client_waiting_connections) > 5',
    threshold: { metric: 'pgb_cl_waiting', value: 5 },
    test: (v) => v[C.pgb_cl_waiting]! > 5,
  },
  {
    name: 'PostgresTooManyConnections',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'PostgreSQL connections above 90% of max_connections',
    runbook: 'runbooks/postgres-connections.md',
    expr: 'sum(pg_stat_activity_count) / pg_settings_max_connections > 0.9',
    test: (v) => v[C.pg_conn_total]! / Math.max(1, v[C.pg_max_connections]!) > 0.9,
  },
  {
    name: 'PostgresHighCPU',
    severity: 'warning',
    forMs: 5 * MINUTE,
    summary: 'PostgreSQL primary CPU above 85%',
    runbook: 'runbooks/postgres-cpu.md',
    expr: '1 - avg(rate(node_cpu_seconds_total{instance="pg-primary-0",mode="idle"}[5m])) > 0.85',
    threshold: { metric: 'pg_cpu', value: 0.85 },
    test: (v) => v[C.pg_cpu]! > 0.85,
  },
  {
    name: 'PostgresReplicationLag',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'Read replica more than 30s behind the primary',
    runbook: 'runbooks/replication-lag.md',
    expr: 'pg_replication_lag_seconds > 30',
    threshold: { metric: 'replica_lag_s', value: 30 },
    test: (v) => v[C.replica_lag_s]! > 30,
  },
  {
    name: 'PostgresDiskFillingUp',
    severity: 'warning',
    forMs: 5 * MINUTE,
    summary: 'PostgreSQL data volume more than 85% full',
    runbook: 'runbooks/disk-full.md',
    expr: '1 - node_filesystem_avail_bytes{mountpoint="/var/lib/postgresql/data"} / node_filesystem_size_bytes > 0.85',
    threshold: { metric: 'pg_disk_used_ratio', value: 0.85 },
    test: (v) => v[C.pg_disk_used_ratio]! > 0.85,
  },
  {
    name: 'PostgresDown',
    severity: 'page',
    forMs: 1 * MINUTE,
    summary: 'PostgreSQL primary is not accepting connections',
    runbook: 'runbooks/postgres-down.md',
    expr: 'pg_up == 0',
    test: (v) => v[C.pg_max_connections]! === 0,
  },
  {
    name: 'CoreDNSErrors',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'CoreDNS dropping or failing more than 1% of queries',
    runbook: 'runbooks/dns.md',
    expr: '(sum(rate(coredns_dns_responses_total{rcode="SERVFAIL"}[5m])) + sum(rate(coredns_dns_dropped_total[5m]))) / sum(rate(coredns_dns_requests_total[5m])) > 0.01',
    test: (v) =>
      v[C.dns_qps]! > 0 && (v[C.dns_servfail]! + v[C.dns_dropped]!) / v[C.dns_qps]! > 0.01,
  },
  {
    name: 'RedisHitRatioLow',
    severity: 'warning',
    forMs: 5 * MINUTE,
    summary: 'Redis cache hit ratio below 70%',
    runbook: 'runbooks/cache.md',
    expr: 'rate(redis_keyspace_hits_total[5m]) / (rate(redis_keyspace_hits_total[5m]) + rate(redis_keyspace_misses_total[5m])) < 0.7',
    threshold: { metric: 'redis_hit_ratio', value: 0.7 },
    test: (v) => v[C.redis_ops]! > 0 && v[C.redis_hit_ratio]! < 0.7,
  },
  {
    name: 'KubePodNotReady',
    severity: 'warning',
    forMs: 5 * MINUTE,
    summary: 'API deployment has fewer ready pods than desired',
    runbook: 'runbooks/pods.md',
    expr: 'kube_deployment_status_replicas_available{deployment="api"} < kube_deployment_spec_replicas{deployment="api"}',
    test: (v) => v[C.api_pods_ready]! < v[C.api_pods_desired]!,
  },
  {
    name: 'EdgeTLSHandshakeErrors',
    severity: 'page',
    forMs: 1 * MINUTE,
    summary: 'Clients failing TLS handshakes at the edge',
    runbook: 'runbooks/tls.md',
    expr: 'sum(rate(cdn_tls_handshake_errors_total[1m])) > 1',
    test: (v) => v[C.edge_tls_errors]! > 1,
  },
  {
    name: 'CertificateExpiringSoon',
    severity: 'ticket',
    forMs: 0,
    summary: 'Edge TLS certificate expires within 14 days',
    runbook: 'runbooks/tls.md',
    expr: '(probe_ssl_earliest_cert_expiry - time()) / 86400 < 14',
    threshold: { metric: 'cert_expiry_days', value: 14 },
    test: (v) => v[C.cert_expiry_days]! < 14,
  },
  {
    name: 'PaymentsDependencyErrors',
    severity: 'warning',
    forMs: 2 * MINUTE,
    summary: 'Payment provider calls failing above 5%',
    runbook: 'runbooks/payments.md',
    expr: 'sum(rate(http_client_requests_total{host="api.paystream.io",code!~"2.."}[5m])) / sum(rate(http_client_requests_total{host="api.paystream.io"}[5m])) > 0.05',
    threshold: { metric: 'payments_error_ratio', value: 0.05 },
    test: (v) => v[C.payments_error_ratio]! > 0.05,
  },
];

export function emptyAlerts(): AlertsState {
  const out: AlertsState = {};
  for (const r of ALERT_RULES) out[r.name] = { pendingSince: -1, firingSince: -1 };
  return out;
}

/** Evaluates every rule on this step's values; emits firing and resolved events. */
export function evaluateAlerts(
  alerts: AlertsState,
  values: Float64Array,
  t: number,
  sink: StepSink,
): void {
  for (const rule of ALERT_RULES) {
    const st = alerts[rule.name]!;
    if (rule.test(values)) {
      if (st.pendingSince < 0) st.pendingSince = t;
      if (st.firingSince < 0 && t - st.pendingSince >= rule.forMs) {
        st.firingSince = t;
        sink.event({ kind: 'alertFiring', t, alert: rule.name, severity: rule.severity });
      }
    } else {
      if (st.firingSince >= 0) sink.event({ kind: 'alertResolved', t, alert: rule.name });
      st.pendingSince = -1;
      st.firingSince = -1;
    }
  }
}

/** Names of the alerts firing in a state. */
export function firingAlerts(alerts: AlertsState): string[] {
  return ALERT_RULES.filter((r) => (alerts[r.name]?.firingSince ?? -1) >= 0).map((r) => r.name);
}
