/**
 * Addresses of the cluster's fixed parts, shared by every tool so that `kubectl get -o wide`,
 * `dig`, `pg_stat_activity.client_addr` and PgBouncer's lists agree. App pods' IPs come from the
 * sim (`podIp`); these are the Services and the stateful pods around it.
 */
import { clusterNames } from '../../sim/index.ts';

export const SERVICE_IP = {
  kubernetes: '10.96.0.1',
  metricsServer: '10.96.148.211',
  api: '10.96.41.7',
  web: '10.96.52.19',
  pgPrimary: clusterNames.PG_PRIMARY_SERVICE_IP,
  pgReplica: '10.96.88.34',
  pgbouncer: clusterNames.PGBOUNCER_ADDR.split(':')[0]!,
  redis: '10.96.77.5',
  ingress: '10.96.200.17',
  ingressAdmission: '10.96.200.45',
} as const;

export const POD_IP = {
  pgPrimary: '10.244.5.12',
  pgReplica: '10.244.6.9',
  redis: '10.244.1.27',
  pgbouncer: '10.244.2.31',
  ingress: '10.244.3.5',
  metricsServer: '10.244.4.8',
  job: '10.244.4.41',
  exporter: '10.244.5.40',
} as const;

/** The bastion this console runs on. */
export const BASTION_IP = '10.0.1.20';
