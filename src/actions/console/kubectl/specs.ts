/**
 * Container specs of every workload: the three the sim runs (their limits, pool size and
 * versions come from the sim's deployment template) and the platform around them.
 */
import type { Deployment, SimState } from '../../../sim/index.ts';
import { clusterNames } from '../../../sim/index.ts';
import { imageOf } from '../../../sim/kube.ts';
import type { ContainerSpec } from './model.ts';
import { cpuQuantity, memoryQuantity } from './quantity.ts';

const { PGBOUNCER_HOST, PG_PRIMARY_HOST, REDIS_HOST, DB_NAME, DB_USER } = clusterNames;

const probe = (
  kind: string,
  delay: number,
  timeout: number,
  period: number,
  failure: number,
): string =>
  `${kind} delay=${delay}s timeout=${timeout}s period=${period}s #success=1 #failure=${failure}`;

/** The template of a sim deployment at one revision (version and settings of that revision). */
export function simContainer(
  s: SimState,
  dep: Pick<Deployment, 'name' | 'cpuLimitMillicores' | 'memoryLimitMiB' | 'poolMaxConns'>,
  version: string,
): ContainerSpec {
  const image = imageOf({ name: dep.name, version });
  const limits = {
    cpu: cpuQuantity(dep.cpuLimitMillicores),
    memory: memoryQuantity(dep.memoryLimitMiB),
  };
  if (dep.name === 'api')
    return {
      name: 'api',
      image,
      ports: [{ port: 8080, protocol: 'TCP', name: 'http' }],
      limits,
      // Memory requested at the limit (no overcommit); CPU at half, so pods may burst.
      requests: { cpu: cpuQuantity(dep.cpuLimitMillicores / 2), memory: limits.memory },
      liveness: probe('http-get http://:8080/healthz', 10, 1, 10, 3),
      readiness: probe('http-get http://:8080/readyz', 0, 1, 5, 3),
      env: [
        { name: 'DB_HOST', value: PGBOUNCER_HOST },
        { name: 'DB_PORT', value: '6432' },
        { name: 'DB_NAME', value: DB_NAME },
        { name: 'DB_USER', value: DB_USER },
        { name: 'DB_PASSWORD', secret: 'api-db', key: 'password' },
        { name: 'DB_MAX_CONNS', value: String(dep.poolMaxConns) },
        { name: 'REDIS_ADDR', value: `${REDIS_HOST}:6379` },
        { name: 'PAYMENTS_URL', value: `https://${s.config.payments.host}` },
        { name: 'GOMAXPROCS', value: '2' },
      ],
    };
  if (dep.name === 'web')
    return {
      name: 'web',
      image,
      ports: [{ port: 3000, protocol: 'TCP', name: 'http' }],
      limits,
      requests: { cpu: cpuQuantity(dep.cpuLimitMillicores / 2), memory: limits.memory },
      readiness: probe('http-get http://:3000/api/health', 5, 1, 10, 3),
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'PORT', value: '3000' },
        { name: 'API_URL', value: 'http://api.prod.svc.cluster.local:8080' },
      ],
    };
  return {
    name: 'coredns',
    image,
    args: ['-conf', '/etc/coredns/Corefile'],
    ports: [
      { port: 53, protocol: 'UDP', name: 'dns' },
      { port: 53, protocol: 'TCP', name: 'dns-tcp' },
      { port: 9153, protocol: 'TCP', name: 'metrics' },
    ],
    limits,
    requests: { cpu: '100m', memory: '70Mi' },
    liveness: probe('http-get http://:8080/health', 60, 5, 10, 5),
    readiness: probe('http-get http://:8181/ready', 0, 1, 10, 3),
    env: [],
  };
}

export const PG_CONTAINER = (s: SimState, role: 'primary' | 'replica'): ContainerSpec => ({
  name: 'postgres',
  image: `postgres:${s.config.postgres.version}`,
  ports: [{ port: 5432, protocol: 'TCP', name: 'postgres' }],
  limits: { cpu: String(s.config.postgres.cores), memory: '32Gi' },
  requests: { cpu: String(s.config.postgres.cores), memory: '32Gi' },
  readiness: probe(`exec [pg_isready -U postgres -d ${DB_NAME}]`, 5, 5, 10, 3),
  env: [
    { name: 'POSTGRES_DB', value: DB_NAME },
    { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
    { name: 'POSTGRES_PASSWORD', secret: 'pg-superuser', key: 'password' },
    ...(role === 'replica' ? [{ name: 'PRIMARY_HOST', value: PG_PRIMARY_HOST }] : []),
  ],
});

export const PGBOUNCER_CONTAINER = (s: SimState): ContainerSpec => ({
  name: 'pgbouncer',
  image: 'registry.example.com/platform/pgbouncer:1.22.1',
  ports: [{ port: 6432, protocol: 'TCP', name: 'pgbouncer' }],
  limits: { cpu: '1', memory: '256Mi' },
  requests: { cpu: '250m', memory: '256Mi' },
  readiness: probe('tcp-socket :6432', 0, 1, 10, 3),
  env: [
    { name: 'DB_HOST', value: PG_PRIMARY_HOST },
    { name: 'POOL_MODE', value: s.config.pgbouncer.poolMode },
    { name: 'DEFAULT_POOL_SIZE', value: String(s.db.pgbouncer.defaultPoolSize) },
    { name: 'MAX_CLIENT_CONN', value: String(s.db.pgbouncer.maxClientConn) },
  ],
});

export const REDIS_CONTAINER: ContainerSpec = {
  name: 'redis',
  image: 'redis:7.2.5',
  args: ['--maxmemory', '4gb', '--maxmemory-policy', 'allkeys-lru'],
  ports: [{ port: 6379, protocol: 'TCP', name: 'redis' }],
  limits: { cpu: '2', memory: '5Gi' },
  requests: { cpu: '1', memory: '5Gi' },
  readiness: probe('exec [redis-cli ping]', 5, 1, 10, 3),
  env: [],
};

export const INGRESS_CONTAINER: ContainerSpec = {
  name: 'controller',
  image: 'registry.k8s.io/ingress-nginx/controller:v1.10.1',
  args: [
    '/nginx-ingress-controller',
    '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller',
  ],
  ports: [
    { port: 80, protocol: 'TCP', name: 'http' },
    { port: 443, protocol: 'TCP', name: 'https' },
    { port: 8443, protocol: 'TCP', name: 'webhook' },
  ],
  limits: {},
  requests: { cpu: '100m', memory: '90Mi' },
  liveness: probe('http-get http://:10254/healthz', 10, 1, 10, 5),
  readiness: probe('http-get http://:10254/healthz', 10, 1, 10, 3),
  env: [
    { name: 'POD_NAME', value: '(v1:metadata.name)' },
    { name: 'POD_NAMESPACE', value: '(v1:metadata.namespace)' },
  ],
};

export const KUBE_PROXY_CONTAINER: ContainerSpec = {
  name: 'kube-proxy',
  image: 'registry.k8s.io/kube-proxy:v1.29.6',
  args: ['--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
  ports: [],
  limits: {},
  requests: {},
  env: [{ name: 'NODE_NAME', value: '(v1:spec.nodeName)' }],
};

export const METRICS_SERVER_CONTAINER: ContainerSpec = {
  name: 'metrics-server',
  image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.1',
  args: ['--cert-dir=/tmp', '--secure-port=10250', '--metric-resolution=15s'],
  ports: [{ port: 10250, protocol: 'TCP', name: 'https' }],
  limits: {},
  requests: { cpu: '100m', memory: '200Mi' },
  liveness: probe('http-get https://:https/livez', 0, 1, 10, 3),
  readiness: probe('http-get https://:https/readyz', 20, 1, 10, 3),
  env: [],
};

export const JOB_CONTAINER = (s: SimState, name: string): ContainerSpec => ({
  name,
  image: imageOf({ name: 'api', version: s.deployments.api.version }),
  args: ['/app/bin/jobs', name.replaceAll('-', '_')],
  ports: [],
  limits: { cpu: '2', memory: '1Gi' },
  requests: { cpu: '1', memory: '1Gi' },
  env: [
    { name: 'DB_HOST', value: PG_PRIMARY_HOST },
    { name: 'DB_NAME', value: DB_NAME },
  ],
});
