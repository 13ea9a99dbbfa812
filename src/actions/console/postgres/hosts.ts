/** Names and addresses of the database tier as the bastion sees them. */
import { BASTION_IP, POD_IP, SERVICE_IP } from '../addresses.ts';
import { clusterNames } from '../../../sim/index.ts';

export const PRIMARY_HOST = clusterNames.PG_PRIMARY_HOST;
export const PRIMARY_SERVICE_IP = SERVICE_IP.pgPrimary;
export const REPLICA_SERVICE_IP = SERVICE_IP.pgReplica;
export const PGBOUNCER_HOST = clusterNames.PGBOUNCER_HOST;
export const PGBOUNCER_SERVICE_IP = clusterNames.PGBOUNCER_ADDR.split(':')[0]!;
export const PGBOUNCER_PORT = Number(clusterNames.PGBOUNCER_ADDR.split(':')[1] ?? 6432);
export const DB_NAME = clusterNames.DB_NAME;

/** Pod and client addresses that appear in pg_stat_activity and PgBouncer's lists. */
export const ADDR = {
  pgbouncerPod: POD_IP.pgbouncer,
  primaryPod: POD_IP.pgPrimary,
  replicaPod: POD_IP.pgReplica,
  exporterPod: POD_IP.exporter,
  metabasePod: '10.244.6.40',
  cronPod: '10.244.1.77',
  vpnClient: '10.8.0.14',
  bastion: BASTION_IP,
} as const;

export const CLIENT_VERSION = '16.2';
export const PGBOUNCER_VERSION = '1.23.1';

/** Host names that reach each service from the bastion. */
export function serviceFor(host: string): 'primary' | 'pgbouncer' | 'replica' | 'local' | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const short = h.split('.')[0]!;
  if (['localhost', '127.0.0.1', '::1'].includes(h) || h.startsWith('/')) return 'local';
  if (h === PRIMARY_SERVICE_IP || h === ADDR.primaryPod) return 'primary';
  if (h === PGBOUNCER_SERVICE_IP || h === ADDR.pgbouncerPod) return 'pgbouncer';
  const inCluster = h === short || /\.db(\.svc(\.cluster\.local)?)?$/.test(h);
  if (!inCluster) return null;
  if (short === 'pg-primary' || short === 'pg-primary-0' || short === 'postgres') return 'primary';
  if (short === 'pgbouncer' || short === 'pgbouncer-0') return 'pgbouncer';
  if (short === 'pg-replica' || short === 'pg-replica-0') return 'replica';
  return null;
}

export const KNOWN_HOSTS = [
  'pg-primary',
  PRIMARY_HOST,
  'pgbouncer',
  PGBOUNCER_HOST,
  'pg-replica',
] as const;
