/**
 * Kubernetes as the sim sees it: deployments that converge on a replica count and a template
 * revision, rolling updates (maxSurge 25%, maxUnavailable 0), pods that are scheduled, start, pass
 * or fail their readiness check, get OOMKilled and back off. Timings follow kubelet's defaults.
 */
import { DELAYS } from './config.ts';
import { appliesToVersion, faultEnabled } from './faults.ts';
import { templateId } from './log-templates.ts';
import { IMAGE_REGISTRY, podIp, podSuffix, replicaSetHash } from './names.ts';
import type { Rng } from './rng.ts';
import type { StepSink } from './sink.ts';
import type { Deployment, DeploymentName, Pod, SimState } from './state.ts';
import { POOL_MAX_AGE } from './state.ts';
import { SECOND } from './time.ts';

const NODES = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6'] as const;
const CONTAINER_CREATING_MS = 2 * SECOND;
const MAX_BACKOFF_MS = 300 * SECOND;
const SCHEDULER_RETRY_MS = 300 * SECOND;

const L = {
  scheduled: templateId('k8s_scheduled'),
  pulled: templateId('k8s_pulled'),
  started: templateId('k8s_started'),
  killing: templateId('k8s_killing'),
  backoff: templateId('k8s_backoff'),
  oom: templateId('k8s_oom'),
  failedScheduling: templateId('k8s_failed_scheduling'),
  scaled: templateId('k8s_scaled'),
  apiStarting: templateId('api_starting'),
  apiDbConnected: templateId('api_db_connected'),
  apiStartupFailed: templateId('api_startup_failed'),
  corednsStarted: templateId('coredns_started'),
};

export function startupMsOf(s: SimState, deployment: DeploymentName): number {
  return deployment === 'api'
    ? s.config.api.startupMs
    : deployment === 'web'
      ? DELAYS.webStartupMs
      : DELAYS.corednsStartupMs;
}

export function replicaSetName(dep: Deployment): string {
  return `${dep.name}-${replicaSetHash(dep.name, dep.revision, dep.templateHash)}`;
}

export function namespaceOf(deployment: DeploymentName): string {
  return deployment === 'coredns' ? 'kube-system' : 'prod';
}

export function imageOf(dep: { name: DeploymentName; version: string }): string {
  return dep.name === 'coredns'
    ? 'registry.k8s.io/coredns/coredns:v1.11.3'
    : `${IMAGE_REGISTRY}/${dep.name}:${dep.version}`;
}

export function createPod(s: SimState, rng: Rng, dep: Deployment, t: number): Pod {
  const uid = s.nextUid++;
  return {
    uid,
    name: `${replicaSetName(dep)}-${podSuffix(rng.next())}`,
    deployment: dep.name,
    revision: dep.revision,
    version: dep.version,
    node: NODES[(uid * 5 + 3) % NODES.length]!,
    phase: 'Pending',
    createdAt: t,
    startedAt: t,
    ready: false,
    restarts: 0,
    crashStreak: 0,
    lastTermination: null,
    backoffUntil: 0,
    goneAt: 0,
    memoryMiB: dep.name === 'api' ? s.config.api.baseMemoryMiB : dep.name === 'web' ? 240 : 28,
    cpuUtil: 0,
    poolOpen: 0,
    poolLeaked: 0,
    poolUsable: 0,
    // Only API pods have a database pool; the others carry an empty queue.
    poolWaiting: dep.name === 'api' ? new Array<number>(5 * POOL_MAX_AGE).fill(0) : [],
    poolMaxConns: dep.poolMaxConns,
    memoryLimitMiB: dep.memoryLimitMiB,
    resolver: dep.resolver,
    dnsCacheWarm: 0,
  };
}

/** Pods that are running a container (scheduled), used for the node-pool capacity check. */
function scheduledCount(s: SimState, deployment: DeploymentName): number {
  let n = 0;
  for (const p of s.pods) if (p.deployment === deployment && p.phase !== 'Pending') n++;
  return n;
}

function capacityFor(s: SimState, deployment: DeploymentName): number {
  if (deployment === 'api') return s.config.api.replicas + s.config.nodePoolSpareApiPods + 1;
  return Number.POSITIVE_INFINITY;
}

export type KubeEnv = {
  /** Why a starting pod cannot connect to its dependencies (log argument), or -1 when it can. */
  startupFailure: (pod: Pod, rng: Rng) => number;
  /** Called when a pod's container dies, so in-flight work can be failed. */
  onContainerDeath: (pod: Pod, reason: 'OOMKilled' | 'Error' | 'Deleted') => void;
};

export function terminatePod(
  _s: SimState,
  pod: Pod,
  t: number,
  sink: StepSink,
  env: KubeEnv,
): void {
  if (pod.phase === 'Terminating') return;
  const wasRunning = pod.phase === 'Running' || pod.phase === 'CrashLoopBackOff';
  pod.phase = 'Terminating';
  pod.ready = false;
  pod.goneAt = t + DELAYS.podTerminationMs;
  if (wasRunning) sink.log(t, L.killing, sink.intern(pod.name), 0, 0, sink.intern(pod.deployment));
  env.onContainerDeath(pod, 'Deleted');
}

function containerDied(
  s: SimState,
  pod: Pod,
  t: number,
  reason: 'OOMKilled' | 'Error',
  exitCode: number,
  sink: StepSink,
  env: KubeEnv,
): void {
  pod.ready = false;
  pod.restarts++;
  pod.crashStreak++;
  pod.lastTermination = { reason, exitCode, at: t };
  const backoff = Math.min(MAX_BACKOFF_MS, 10 * SECOND * 2 ** Math.max(0, pod.crashStreak - 2));
  // kubelet restarts the first failure at once, then backs off.
  pod.phase = pod.crashStreak >= 2 ? 'CrashLoopBackOff' : 'Running';
  pod.backoffUntil = pod.crashStreak >= 2 ? t + backoff : t;
  pod.startedAt = pod.backoffUntil;
  pod.memoryMiB = pod.deployment === 'api' ? s.config.api.baseMemoryMiB : pod.memoryMiB;
  pod.poolOpen = 0;
  pod.poolUsable = 0;
  pod.poolLeaked = 0;
  pod.dnsCacheWarm = 0;
  if (pod.phase === 'CrashLoopBackOff') {
    sink.log(
      t,
      L.backoff,
      sink.intern(pod.name),
      0,
      0,
      sink.intern(pod.deployment),
      sink.intern(namespaceOf(pod.deployment)),
      sink.intern(uidString(pod.uid)),
    );
  }
  sink.event({ kind: 'podKilled', t, pod: pod.name, deployment: pod.deployment, reason });
  env.onContainerDeath(pod, reason);
}

export function uidString(uid: number): string {
  const h = (x: number, n: number): string =>
    (Math.imul(uid + x, 2654435761) >>> 0).toString(16).padStart(8, '0').slice(0, n);
  return `${h(1, 8)}-${h(2, 4)}-${h(3, 4)}-${h(4, 4)}-${h(5, 8)}${h(6, 4)}`;
}

/** Advances every pod's lifecycle by one step. */
export function advancePods(
  s: SimState,
  rng: Rng,
  t: number,
  dtMs: number,
  sink: StepSink,
  env: KubeEnv,
): void {
  for (const pod of s.pods) {
    const src = (): number => sink.intern(pod.name);
    switch (pod.phase) {
      case 'Pending': {
        if (scheduledCount(s, pod.deployment) < capacityFor(s, pod.deployment)) {
          pod.phase = 'ContainerCreating';
          pod.startedAt = t + CONTAINER_CREATING_MS;
          sink.log(
            t,
            L.scheduled,
            src(),
            0,
            0,
            sink.intern(namespaceOf(pod.deployment)),
            sink.intern(pod.node),
          );
        } else {
          // The scheduler reports a pod it cannot place at its first attempt (the step after the
          // pod was created) and again each time it retries.
          const age = t - pod.createdAt;
          if (age <= dtMs || age % SCHEDULER_RETRY_MS < dtMs)
            sink.log(t, L.failedScheduling, src(), 0, 0);
        }
        break;
      }
      case 'ContainerCreating': {
        if (t >= pod.startedAt) {
          pod.phase = 'Running';
          sink.log(
            t,
            L.pulled,
            src(),
            0,
            0,
            sink.intern(imageOf({ name: pod.deployment, version: pod.version })),
          );
          sink.log(t, L.started, src(), 0, 0, sink.intern(pod.deployment));
          if (pod.deployment === 'api')
            sink.log(t, L.apiStarting, src(), 0, 0, sink.intern(pod.version));
          if (pod.deployment === 'coredns') sink.log(t, L.corednsStarted, src(), 0, 0);
        }
        break;
      }
      case 'CrashLoopBackOff': {
        if (t >= pod.backoffUntil) {
          pod.phase = 'Running';
          pod.startedAt = t;
          if (pod.deployment === 'api')
            sink.log(t, L.apiStarting, src(), 0, 0, sink.intern(pod.version));
        }
        break;
      }
      case 'Running': {
        if (!pod.ready && t >= pod.startedAt + startupMsOf(s, pod.deployment)) {
          const failure = env.startupFailure(pod, rng);
          if (failure < 0) {
            pod.ready = true;
            pod.crashStreak = 0;
            if (pod.deployment === 'api') {
              pod.poolOpen = Math.min(s.config.api.pool.minConns, pod.poolMaxConns);
              pod.poolUsable = pod.poolOpen;
              sink.log(t, L.apiDbConnected, src(), 0, 0, 0, pod.poolMaxConns);
            }
            sink.event({ kind: 'podReady', t, pod: pod.name, deployment: pod.deployment });
          } else {
            sink.log(
              t,
              L.apiStartupFailed,
              src(),
              0,
              0,
              failure,
              0,
              rng.next(),
              0,
              0,
              sink.intern(podIp(pod.uid)),
            );
            containerDied(s, pod, t, 'Error', 1, sink, env);
          }
        } else if (pod.ready && pod.deployment === 'api') {
          let leak = 0;
          for (const f of s.faults) {
            if (
              f.spec.kind === 'memoryLeak' &&
              faultEnabled(f, s.flags) &&
              appliesToVersion(f.spec, pod.version)
            )
              leak += f.spec.mibPerMinute;
          }
          pod.memoryMiB += (leak / 60) * (dtMs / SECOND) + (rng.float() - 0.5) * 0.4;
          pod.memoryMiB = Math.max(s.config.api.baseMemoryMiB * 0.95, pod.memoryMiB);
          if (pod.memoryMiB >= pod.memoryLimitMiB) {
            sink.log(
              t,
              L.oom,
              src(),
              0,
              0,
              3000 + (pod.uid % 900),
              Math.round(pod.memoryLimitMiB * 1024 * 0.99),
              sink.intern(pod.node),
            );
            containerDied(s, pod, t, 'OOMKilled', 137, sink, env);
          }
        }
        break;
      }
      case 'Terminating':
        break;
    }
  }
  s.pods = s.pods.filter((p) => !(p.phase === 'Terminating' && t >= p.goneAt));
}

/** Drives each deployment towards its replica count and current revision (rolling update). */
export function reconcileDeployments(
  s: SimState,
  rng: Rng,
  t: number,
  sink: StepSink,
  env: KubeEnv,
): void {
  for (const name of ['api', 'web', 'coredns'] as const) {
    const dep = s.deployments[name];
    const live = s.pods.filter((p) => p.deployment === name && p.phase !== 'Terminating');
    const current = live.filter((p) => p.revision === dep.revision);
    const old = live.filter((p) => p.revision !== dep.revision);
    const surge = Math.max(1, Math.ceil(dep.replicas * 0.25));
    const currentReady = current.filter((p) => p.ready).length;
    const oldReady = old.filter((p) => p.ready).length;

    if (old.length > 0) {
      // Rolling update: add new pods up to the surge, retire an old pod for each new one that is ready.
      const canCreate = Math.min(dep.replicas - current.length, dep.replicas + surge - live.length);
      for (let i = 0; i < canCreate; i++) s.pods.push(createPod(s, rng, dep, t));
      let excessReady = currentReady + oldReady - dep.replicas;
      const byReadiness = old
        .slice()
        .sort((a, b) => Number(a.ready) - Number(b.ready) || a.uid - b.uid);
      for (const pod of byReadiness) {
        if (!pod.ready) {
          terminatePod(s, pod, t, sink, env);
        } else if (excessReady > 0) {
          terminatePod(s, pod, t, sink, env);
          excessReady--;
        }
      }
      if (canCreate > 0) {
        sink.log(
          t,
          L.scaled,
          0,
          0,
          0,
          sink.intern(name),
          sink.intern(replicaSetName(dep)),
          1,
          current.length + canCreate,
          0,
          0,
        );
      }
      const stillOld = s.pods.some(
        (p) => p.deployment === name && p.phase !== 'Terminating' && p.revision !== dep.revision,
      );
      if (!stillOld && currentReady >= dep.replicas)
        sink.event({ kind: 'rolloutComplete', t, deployment: name, revision: dep.revision });
      continue;
    }
    if (current.length < dep.replicas) {
      const n = dep.replicas - current.length;
      for (let i = 0; i < n; i++) s.pods.push(createPod(s, rng, dep, t));
    } else if (current.length > dep.replicas) {
      const victims = current
        .slice()
        .sort((a, b) => Number(a.ready) - Number(b.ready) || b.createdAt - a.createdAt)
        .slice(0, current.length - dep.replicas);
      for (const v of victims) terminatePod(s, v, t, sink, env);
    }
  }
}
