/**
 * Pods of the platform around the sim's deployments: the database and cache StatefulSets,
 * PgBouncer, the ingress controller, kube-proxy, metrics-server and running batch jobs. Their
 * state follows the sim where it models them (Postgres restarting or down, a replica promoted,
 * Redis restarted); otherwise they run quietly, as platforms mostly do.
 */
import { POD_IP } from '../addresses.ts';
import type { SimEvent, SimState } from '../../../sim/index.ts';
import { clusterNames, DAY, HOUR } from '../../../sim/index.ts';
import { uidString } from '../../../sim/kube.ts';
import type { Inputs } from './infra.ts';
import { nodes } from './infra.ts';
import type { ContainerSpec, KJob, KPod, LogFeed } from './model.ts';
import {
  INGRESS_CONTAINER,
  JOB_CONTAINER,
  KUBE_PROXY_CONTAINER,
  METRICS_SERVER_CONTAINER,
  PG_CONTAINER,
  PGBOUNCER_CONTAINER,
  REDIS_CONTAINER,
} from './specs.ts';

const { fnv1a32, podSuffix, replicaSetHash } = clusterNames;

type PodSeed = {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  owner: KPod['owner'];
  createdAt: number;
  node: string;
  ip: string;
  container: ContainerSpec;
  usage: { cpuMilli: number; memoryMiB: number };
  logs?: LogFeed;
  qos?: KPod['qos'];
  serviceAccount?: string;
  priorityClass?: string;
  hostNetwork?: boolean;
};

/** A pod that has been running quietly since it was created. */
function steadyPod(seed: PodSeed, now: number): KPod {
  return {
    name: seed.name,
    namespace: seed.namespace,
    uid: uidString(fnv1a32(`${seed.namespace}/${seed.name}`) % 1_000_000_000),
    labels: seed.labels,
    owner: seed.owner,
    createdAt: seed.createdAt,
    node: seed.node,
    ip: seed.ip,
    hostNetwork: seed.hostNetwork ?? false,
    container: seed.container,
    state: { kind: 'running', startedAt: seed.createdAt + 3_000 },
    ready: true,
    terminating: false,
    restarts: 0,
    lastTermination: null,
    status: 'Running',
    phase: 'Running',
    usage: now - seed.createdAt >= 15_000 ? seed.usage : null,
    logs: seed.logs ?? { source: seed.name, services: [] },
    qos: seed.qos ?? 'Burstable',
    serviceAccount: seed.serviceAccount ?? 'default',
    ...(seed.priorityClass ? { priorityClass: seed.priorityClass } : {}),
    sim: null,
  };
}

const rsHash = (name: string): string => replicaSetHash(name, 1, 'platform');
const suffix = (name: string): string => podSuffix(fnv1a32(name));

/** When the primary's pod was last recreated (a restart deletes and recreates it). */
function primaryRecreatedAt(ev: readonly SimEvent[]): number | null {
  for (let i = ev.length - 1; i >= 0; i--) {
    const e = ev[i]!;
    if (e.kind === 'postgresDown' && e.reason === 'restart') return e.t;
  }
  return null;
}

function primaryPod(x: Inputs): KPod {
  const { s } = x;
  const db = s.db;
  const recreated = primaryRecreatedAt(x.events);
  const pod = steadyPod(
    {
      name: 'pg-primary-0',
      namespace: 'db',
      labels: {
        app: 'postgres',
        role: 'primary',
        'apps.kubernetes.io/pod-index': '0',
        'controller-revision-hash': 'pg-primary-5f9c7d8b64',
        'statefulset.kubernetes.io/pod-name': 'pg-primary-0',
      },
      owner: { kind: 'StatefulSet', name: 'pg-primary' },
      createdAt: recreated === null ? -(19 * DAY + 3 * HOUR) : recreated + 2_000,
      node: 'node-5',
      ip: POD_IP.pgPrimary,
      container: PG_CONTAINER(s, 'primary'),
      usage: {
        cpuMilli: x.metric('pg_cpu') * s.config.postgres.cores * 1000,
        memoryMiB: 9_800 + 14 * db.serverConns,
      },
      logs: { source: 'pg-primary-0', services: ['postgres'] },
      qos: 'Guaranteed',
      serviceAccount: 'postgres',
    },
    s.t,
  );
  if (recreated !== null && s.t < recreated + 2_000) {
    // The old pod is still shutting down.
    return {
      ...pod,
      createdAt: -(19 * DAY + 3 * HOUR),
      status: 'Terminating',
      terminating: true,
      ready: false,
    };
  }
  if (recreated !== null && s.t < recreated + 4_000) {
    return {
      ...pod,
      ip: null,
      state: { kind: 'waiting', reason: 'ContainerCreating' },
      status: 'ContainerCreating',
      phase: 'Pending',
      ready: false,
      usage: null,
    };
  }
  const started = recreated === null ? pod.createdAt + 3_000 : recreated + 4_000;
  const accepting =
    db.primaryUp && s.t >= db.primaryDownUntil && db.primaryDownReason !== 'diskFull';
  // After a failover the old primary is fenced: running, never ready again.
  const ready = accepting && !db.promoted;
  return { ...pod, state: { kind: 'running', startedAt: started }, ready };
}

function replicaPod(x: Inputs): KPod {
  const { s } = x;
  const pod = steadyPod(
    {
      name: 'pg-replica-0',
      namespace: 'db',
      labels: {
        app: 'postgres',
        role: 'replica',
        'apps.kubernetes.io/pod-index': '0',
        'controller-revision-hash': 'pg-replica-84d6b5c7f9',
        'statefulset.kubernetes.io/pod-name': 'pg-replica-0',
      },
      owner: { kind: 'StatefulSet', name: 'pg-replica' },
      createdAt: -(19 * DAY + 2 * HOUR),
      node: 'node-6',
      ip: POD_IP.pgReplica,
      container: PG_CONTAINER(s, 'replica'),
      usage: {
        cpuMilli: x.metric('replica_cpu') * s.config.postgres.replicaCores * 1000,
        memoryMiB: 8_900,
      },
      logs: { source: 'pg-replica-0', services: ['replica', 'postgres'] },
      qos: 'Guaranteed',
      serviceAccount: 'postgres',
    },
    s.t,
  );
  return { ...pod, ready: s.db.replicaUp || s.db.promoted };
}

function redisPod(x: Inputs): KPod {
  const { s } = x;
  const created = -(41 * DAY);
  const pod = steadyPod(
    {
      name: 'redis-master-0',
      namespace: 'cache',
      labels: {
        app: 'redis',
        role: 'master',
        'apps.kubernetes.io/pod-index': '0',
        'controller-revision-hash': 'redis-master-6b8d9f7c5',
        'statefulset.kubernetes.io/pod-name': 'redis-master-0',
      },
      owner: { kind: 'StatefulSet', name: 'redis-master' },
      createdAt: created,
      node: 'node-1',
      ip: POD_IP.redis,
      container: REDIS_CONTAINER,
      usage: {
        cpuMilli: 20 + x.metric('redis_ops') * 0.012,
        memoryMiB: x.metric('redis_memory') / 1048576 + 9,
      },
      logs: { source: 'redis-master-0', services: ['redis'] },
      serviceAccount: 'redis',
    },
    s.t,
  );
  // A Redis crash restarts the container in place: a restart, an empty cache.
  if (s.redis.uptimeStartMs > created + DAY) {
    return {
      ...pod,
      restarts: 1,
      lastTermination: { reason: 'Error', exitCode: 1, finishedAt: s.redis.uptimeStartMs },
      state: { kind: 'running', startedAt: s.redis.uptimeStartMs },
    };
  }
  return pod;
}

/** Pods of the platform, each namespace's own. */
export function platformPods(x: Inputs): KPod[] {
  const { s } = x;
  const now = s.t;
  const pods: KPod[] = [primaryPod(x), replicaPod(x), redisPod(x)];
  const pgb = `pgbouncer-${rsHash('pgbouncer')}`;
  pods.push(
    steadyPod(
      {
        name: `${pgb}-${suffix('pgbouncer')}`,
        namespace: 'db',
        labels: { app: 'pgbouncer', 'pod-template-hash': rsHash('pgbouncer') },
        owner: { kind: 'ReplicaSet', name: pgb },
        createdAt: -(19 * DAY + 1 * HOUR),
        node: 'node-2',
        ip: POD_IP.pgbouncer,
        container: PGBOUNCER_CONTAINER(s),
        usage: { cpuMilli: 15 + x.metric('pgb_cl_active') * 1.8, memoryMiB: 14 },
        logs: { source: 'pgbouncer-0', services: ['pgbouncer'] },
        serviceAccount: 'pgbouncer',
      },
      now,
    ),
  );
  pods.push(
    steadyPod(
      {
        name: 'ingress-nginx-controller-7c9f6d5b8-x2kqp',
        namespace: 'ingress-nginx',
        labels: {
          'app.kubernetes.io/component': 'controller',
          'app.kubernetes.io/instance': 'ingress-nginx',
          'app.kubernetes.io/name': 'ingress-nginx',
          'pod-template-hash': '7c9f6d5b8',
        },
        // The controller's name is the one its access log lines carry.
        owner: { kind: 'ReplicaSet', name: 'ingress-nginx-controller-7c9f6d5b8' },
        createdAt: -(27 * DAY + 5 * HOUR),
        node: 'node-3',
        ip: POD_IP.ingress,
        container: INGRESS_CONTAINER,
        usage: { cpuMilli: 30 + x.metric('ingress_rps') * 0.55, memoryMiB: 310 },
        logs: { source: 'ingress-nginx-controller-7c9f6d5b8-x2kqp', services: ['ingress'] },
        serviceAccount: 'ingress-nginx',
      },
      now,
    ),
  );
  const ms = `metrics-server-${rsHash('metrics-server')}`;
  pods.push(
    steadyPod(
      {
        name: `${ms}-${suffix('metrics-server')}`,
        namespace: 'kube-system',
        labels: { 'k8s-app': 'metrics-server', 'pod-template-hash': rsHash('metrics-server') },
        owner: { kind: 'ReplicaSet', name: ms },
        createdAt: -(23 * DAY + 3 * HOUR),
        node: 'node-4',
        ip: POD_IP.metricsServer,
        container: METRICS_SERVER_CONTAINER,
        usage: { cpuMilli: 6, memoryMiB: 27 },
        serviceAccount: 'metrics-server',
        priorityClass: 'system-cluster-critical',
      },
      now,
    ),
  );
  for (const node of nodes()) {
    pods.push(
      steadyPod(
        {
          name: `kube-proxy-${suffix(`kube-proxy/${node.name}`)}`,
          namespace: 'kube-system',
          labels: {
            'controller-revision-hash': '6d4b8c7f5d',
            'k8s-app': 'kube-proxy',
            'pod-template-generation': '1',
          },
          owner: { kind: 'DaemonSet', name: 'kube-proxy' },
          createdAt: node.createdAt + 40_000,
          node: node.name,
          ip: node.ip,
          hostNetwork: true,
          container: KUBE_PROXY_CONTAINER,
          usage: { cpuMilli: 2, memoryMiB: 21 },
          qos: 'BestEffort',
          serviceAccount: 'kube-proxy',
          priorityClass: 'system-node-critical',
        },
        now,
      ),
    );
  }
  for (const job of jobs(s)) {
    pods.push(
      steadyPod(
        {
          name: `${job.name}-${suffix(`job/${job.name}`)}`,
          namespace: job.namespace,
          labels: { 'batch.kubernetes.io/job-name': job.name, 'job-name': job.name },
          owner: { kind: 'Job', name: job.name },
          createdAt: job.createdAt,
          node: 'node-4',
          ip: POD_IP.job,
          container: job.container,
          usage: {
            cpuMilli: 1000 * jobCores(s, job.simName),
            memoryMiB: 388,
          },
          serviceAccount: 'default',
        },
        now,
      ),
    );
  }
  return pods;
}

function jobCores(s: SimState, name: string): number {
  for (const f of s.faults)
    if (f.spec.kind === 'writeHeavyJob' && f.spec.name === name) return f.spec.cpuCores;
  return 0;
}

/** Kubernetes names cannot hold underscores: `backfill_order_totals` runs as `backfill-order-totals`. */
export const jobName = (simName: string): string => simName.replaceAll('_', '-').toLowerCase();

export function jobs(s: SimState): KJob[] {
  const out: KJob[] = [];
  for (const f of s.faults) {
    if (f.spec.kind !== 'writeHeavyJob') continue;
    const name = jobName(f.spec.name);
    if (out.some((j) => j.name === name)) continue;
    out.push({
      name,
      namespace: 'prod',
      simName: f.spec.name,
      createdAt: f.startedAt,
      labels: { 'batch.kubernetes.io/job-name': name, 'job-name': name },
      container: JOB_CONTAINER(s, name),
    });
  }
  return out;
}
