/**
 * The platform's other objects: its Deployments and ReplicaSets (PgBouncer, the ingress
 * controller, metrics-server), StatefulSets, the kube-proxy DaemonSet, Services, the database
 * volumes and the shop's Ingress.
 */
import { SERVICE_IP } from '../addresses.ts';
import type { SimState } from '../../../sim/index.ts';
import { clusterNames, DAY, HOUR } from '../../../sim/index.ts';
import { uidString } from '../../../sim/kube.ts';
import { humanSize } from '../format.ts';
import { NODE_NAMES } from './infra.ts';
import type {
  KDaemonSet,
  KDeployment,
  KIngress,
  KPod,
  KPvc,
  KReplicaSet,
  KService,
  KStatefulSet,
} from './model.ts';
import { KUBE_PROXY_CONTAINER } from './specs.ts';

const { fnv1a32 } = clusterNames;

/** Deployments of the platform (the sim's own come from workloads.ts). */
export function platformDeployments(pods: readonly KPod[]): {
  deployments: KDeployment[];
  replicaSets: KReplicaSet[];
} {
  const deployments: KDeployment[] = [];
  const replicaSets: KReplicaSet[] = [];
  const defs = [
    { name: 'pgbouncer', namespace: 'db', selector: { app: 'pgbouncer' }, createdAt: -389 * DAY },
    {
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      selector: {
        'app.kubernetes.io/component': 'controller',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/name': 'ingress-nginx',
      },
      createdAt: -389 * DAY - HOUR,
    },
    {
      name: 'metrics-server',
      namespace: 'kube-system',
      selector: { 'k8s-app': 'metrics-server' },
      createdAt: -402 * DAY,
    },
  ];
  for (const d of defs) {
    const own = pods.filter(
      (p) =>
        p.namespace === d.namespace &&
        p.owner.kind === 'ReplicaSet' &&
        p.owner.name.startsWith(`${d.name}-`),
    );
    const first = own[0]!;
    const rsName = first.owner.name;
    const ready = own.filter((p) => p.ready).length;
    const revision =
      d.name === 'ingress-nginx-controller' ? 7 : d.name === 'metrics-server' ? 3 : 4;
    deployments.push({
      name: d.name,
      namespace: d.namespace,
      labels: d.selector,
      selector: d.selector,
      createdAt: d.createdAt,
      replicas: own.length,
      revision,
      templateLabels: d.selector,
      container: first.container,
      history: [
        {
          revision,
          changeCause: '<none>',
          rsName,
          container: first.container,
          createdAt: first.createdAt - 5_000,
        },
      ],
      pods: own,
      updated: own.length,
      total: own.length,
      ready,
      available: ready,
      sim: null,
      simName: null,
    });
    replicaSets.push({
      name: rsName,
      namespace: d.namespace,
      deployment: d.name,
      revision,
      labels: { ...d.selector, 'pod-template-hash': rsName.slice(d.name.length + 1) },
      desired: own.length,
      current: own.length,
      ready,
      createdAt: first.createdAt - 5_000,
      container: first.container,
    });
  }
  return { deployments, replicaSets };
}

export function statefulSets(pods: readonly KPod[]): KStatefulSet[] {
  const defs = [
    { name: 'pg-primary', namespace: 'db', labels: { app: 'postgres', role: 'primary' } },
    { name: 'pg-replica', namespace: 'db', labels: { app: 'postgres', role: 'replica' } },
    { name: 'redis-master', namespace: 'cache', labels: { app: 'redis', role: 'master' } },
  ];
  return defs.map((d) => {
    const own = pods.filter((p) => p.owner.kind === 'StatefulSet' && p.owner.name === d.name);
    return {
      name: d.name,
      namespace: d.namespace,
      labels: d.labels,
      replicas: 1,
      ready: own.filter((p) => p.ready && !p.terminating).length,
      createdAt: d.namespace === 'db' ? -389 * DAY + HOUR : -389 * DAY + 2 * HOUR,
      container: own[0]!.container,
    };
  });
}

export function daemonSets(pods: readonly KPod[]): KDaemonSet[] {
  const own = pods.filter((p) => p.owner.kind === 'DaemonSet');
  return [
    {
      name: 'kube-proxy',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-proxy' },
      desired: NODE_NAMES.length,
      ready: own.filter((p) => p.ready).length,
      nodeSelector: 'kubernetes.io/os=linux',
      createdAt: -402 * DAY,
      container: KUBE_PROXY_CONTAINER,
    },
  ];
}

export function services(): KService[] {
  const svc = (
    namespace: string,
    name: string,
    clusterIP: string,
    ports: KService['ports'],
    selector: Record<string, string> | null,
    createdAt: number,
  ): KService => ({
    name,
    namespace,
    type: 'ClusterIP',
    clusterIP,
    externalIP: null,
    ports,
    selector,
    labels: selector ?? { component: 'apiserver', provider: 'kubernetes' },
    createdAt,
  });
  const tcp = (port: number, targetPort = port, name?: string): KService['ports'][number] => ({
    port,
    protocol: 'TCP',
    targetPort,
    ...(name ? { name } : {}),
  });
  const pgbouncerIp = clusterNames.PGBOUNCER_ADDR.split(':')[0]!;
  return [
    svc('default', 'kubernetes', '10.96.0.1', [tcp(443, 6443, 'https')], null, -402 * DAY),
    {
      ...svc(
        'kube-system',
        'kube-dns',
        '10.96.0.10',
        [
          { port: 53, protocol: 'UDP', targetPort: 53, name: 'dns' },
          tcp(53, 53, 'dns-tcp'),
          tcp(9153, 9153, 'metrics'),
        ],
        { 'k8s-app': 'kube-dns' },
        -402 * DAY,
      ),
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
    },
    svc(
      'kube-system',
      'metrics-server',
      SERVICE_IP.metricsServer,
      [tcp(443, 10250, 'https')],
      { 'k8s-app': 'metrics-server' },
      -402 * DAY,
    ),
    svc('prod', 'api', SERVICE_IP.api, [tcp(8080, 8080, 'http')], { app: 'api' }, -389 * DAY),
    svc('prod', 'web', SERVICE_IP.web, [tcp(3000, 3000, 'http')], { app: 'web' }, -389 * DAY),
    svc(
      'db',
      'pg-primary',
      SERVICE_IP.pgPrimary,
      [tcp(5432, 5432, 'postgres')],
      { app: 'postgres', role: 'primary' },
      -389 * DAY + HOUR,
    ),
    svc(
      'db',
      'pg-replica',
      SERVICE_IP.pgReplica,
      [tcp(5432, 5432, 'postgres')],
      { app: 'postgres', role: 'replica' },
      -389 * DAY + HOUR,
    ),
    svc(
      'db',
      'pgbouncer',
      pgbouncerIp,
      [tcp(6432, 6432, 'pgbouncer')],
      { app: 'pgbouncer' },
      -389 * DAY + HOUR,
    ),
    svc(
      'cache',
      'redis-master',
      SERVICE_IP.redis,
      [tcp(6379, 6379, 'redis')],
      { app: 'redis', role: 'master' },
      -389 * DAY + 2 * HOUR,
    ),
    {
      ...svc(
        'ingress-nginx',
        'ingress-nginx-controller',
        SERVICE_IP.ingress,
        [
          { port: 80, protocol: 'TCP', targetPort: 80, name: 'http', nodePort: 31080 },
          { port: 443, protocol: 'TCP', targetPort: 443, name: 'https', nodePort: 31443 },
        ],
        { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'ingress-nginx' },
        -389 * DAY - HOUR,
      ),
      type: 'LoadBalancer',
      externalIP: '203.0.113.10',
    },
    svc(
      'ingress-nginx',
      'ingress-nginx-controller-admission',
      SERVICE_IP.ingressAdmission,
      [tcp(443, 8443, 'https-webhook')],
      { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'ingress-nginx' },
      -389 * DAY - HOUR,
    ),
  ];
}

export function pvcs(s: SimState): KPvc[] {
  const gi = (bytes: number): string => humanSize(bytes).replace(/([KMGTP])$/, '$1i');
  return [
    {
      name: 'data-pg-primary-0',
      namespace: 'db',
      volume: `pvc-${uidString(fnv1a32('data-pg-primary-0'))}`,
      capacity: gi(s.db.diskBytes),
      storageClass: 'gp3',
      createdAt: -389 * DAY + HOUR,
    },
    {
      name: 'data-pg-replica-0',
      namespace: 'db',
      volume: `pvc-${uidString(fnv1a32('data-pg-replica-0'))}`,
      capacity: gi(s.config.postgres.diskBytes),
      storageClass: 'gp3',
      createdAt: -389 * DAY + HOUR,
    },
  ];
}

export function ingresses(s: SimState): KIngress[] {
  return [
    {
      name: 'shop',
      namespace: 'prod',
      className: 'nginx',
      hosts: s.config.domain,
      address: '203.0.113.10',
      ports: '80, 443',
      createdAt: -389 * DAY,
    },
  ];
}
