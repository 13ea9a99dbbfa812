/**
 * The sim's own workloads (api, web, coredns) as Kubernetes objects: each sim pod as a Pod with
 * kubectl's STATUS, container state and usage; each deployment with its status counts and one
 * ReplicaSet per revision in its history.
 */
import type { Deployment, DeploymentName, Pod, SimState } from '../../../sim/index.ts';
import { clusterNames, DAY, HOUR, MINUTE } from '../../../sim/index.ts';
import { namespaceOf, replicaSetName, uidString } from '../../../sim/kube.ts';
import type { Inputs } from './infra.ts';
import { wobble } from './infra.ts';
import type { ContainerSpec, KDeployment, KPod, KReplicaSet, Revision } from './model.ts';
import { simContainer } from './specs.ts';

const { podIp, replicaSetHash } = clusterNames;

/** How long kubectl shows a dead container's reason before the kubelet reports the back-off. */
const TERMINATED_SHOWN_MS = 2_000;
const DEPLOYMENT_CREATED: Record<DeploymentName, number> = {
  api: -389 * DAY,
  web: -389 * DAY,
  coredns: -402 * DAY,
};

export const selectorOf = (name: DeploymentName): Record<string, string> =>
  name === 'coredns' ? { 'k8s-app': 'kube-dns' } : { app: name };

const rsHashOf = (rsName: string): string => rsName.slice(rsName.lastIndexOf('-') + 1);

/** The ReplicaSet a revision's pods belong to (the sim hashes revision and template the same way). */
export function revisionRsName(name: DeploymentName, revision: number, version: string): string {
  return replicaSetName({
    name,
    revision,
    templateHash: replicaSetHash(name, revision, version),
  } as Deployment);
}

/** Go's time.Duration text for a back-off: `10s`, `1m20s`, `5m0s`. */
function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

/** Pod-template settings of each revision: walked forward from the config, changed by each cause. */
function templates(s: SimState, dep: Deployment): ContainerSpec[] {
  let pool = dep.name === 'api' ? s.config.api.pool.maxConns : 0;
  let mem = dep.name === 'api' ? s.config.api.memoryLimitMiB : dep.memoryLimitMiB;
  return dep.history.map((h, i) => {
    const poolSet = /DB_MAX_CONNS=(\d+)/.exec(h.changeCause);
    const memSet = /memory limit (\d+)Mi/.exec(h.changeCause);
    if (poolSet) pool = Number(poolSet[1]);
    if (memSet) mem = Number(memSet[1]);
    const last = i === dep.history.length - 1;
    return simContainer(
      s,
      {
        name: dep.name,
        cpuLimitMillicores: dep.cpuLimitMillicores,
        memoryLimitMiB: last ? dep.memoryLimitMiB : mem,
        poolMaxConns: last ? dep.poolMaxConns : pool,
      },
      h.version,
    );
  });
}

function simPod(x: Inputs, pod: Pod, dep: Deployment): KPod {
  const { s } = x;
  const t = s.t;
  const namespace = namespaceOf(pod.deployment);
  const rs = pod.name.slice(0, pod.name.lastIndexOf('-'));
  const scheduled = pod.phase !== 'Pending';
  const running = pod.phase === 'Running' || pod.phase === 'Terminating';
  const term = pod.lastTermination;
  const container = simContainer(
    s,
    {
      name: pod.deployment,
      cpuLimitMillicores: dep.cpuLimitMillicores,
      memoryLimitMiB: pod.memoryLimitMiB,
      poolMaxConns: pod.poolMaxConns,
    },
    pod.version,
  );
  let status: string = pod.phase;
  if (term && !pod.ready && t - term.at < TERMINATED_SHOWN_MS && pod.phase !== 'Terminating')
    status = term.reason;
  const uid = uidString(pod.uid);
  const state: KPod['state'] =
    pod.phase === 'Pending'
      ? { kind: 'none' }
      : pod.phase === 'ContainerCreating'
        ? { kind: 'waiting', reason: 'ContainerCreating' }
        : pod.phase === 'CrashLoopBackOff'
          ? {
              kind: 'waiting',
              reason: 'CrashLoopBackOff',
              message: `back-off ${goDuration(pod.backoffUntil - (term?.at ?? t))} restarting failed container=${container.name} pod=${pod.name}_${namespace}(${uid})`,
            }
          : { kind: 'running', startedAt: pod.startedAt };
  return {
    name: pod.name,
    namespace,
    uid,
    labels: {
      ...selectorOf(pod.deployment),
      'pod-template-hash': rsHashOf(rs),
      ...(pod.deployment === 'coredns' ? {} : { version: pod.version }),
    },
    owner: { kind: 'ReplicaSet', name: rs },
    createdAt: pod.createdAt,
    node: scheduled ? pod.node : null,
    ip: running || pod.phase === 'CrashLoopBackOff' ? podIp(pod.uid) : null,
    hostNetwork: false,
    container,
    state,
    ready: pod.ready,
    terminating: pod.phase === 'Terminating',
    restarts: pod.restarts,
    lastTermination: term
      ? { reason: term.reason, exitCode: term.exitCode, finishedAt: term.at }
      : null,
    status,
    phase: scheduled && pod.phase !== 'ContainerCreating' ? 'Running' : 'Pending',
    usage: pod.phase === 'Running' && t - pod.startedAt >= 15_000 ? usageOf(x, pod, dep) : null,
    logs:
      pod.deployment === 'coredns'
        ? { source: pod.name, services: ['coredns'] }
        : { source: pod.name, services: [pod.deployment] },
    qos: 'Burstable',
    serviceAccount: pod.deployment,
    ...(pod.deployment === 'coredns' ? { priorityClass: 'system-cluster-critical' } : {}),
    ...(pod.deployment === 'api' ? { dnsOptions: pod.resolver } : {}),
    sim: pod,
  };
}

function usageOf(x: Inputs, pod: Pod, dep: Deployment): { cpuMilli: number; memoryMiB: number } {
  const w = wobble(pod.name, x.s.t);
  if (pod.deployment === 'api') {
    // The sim computes identical pods once; metrics-server never reports them identical.
    const cpu = pod.cpuUtil * dep.cpuLimitMillicores * w;
    return {
      cpuMilli: Math.min(cpu, dep.cpuLimitMillicores * (0.995 + (w - 0.93) / 14)),
      memoryMiB: pod.memoryMiB,
    };
  }
  if (pod.deployment === 'web')
    return {
      cpuMilli: Math.min(1, x.metric('web_cpu')) * dep.cpuLimitMillicores * w,
      memoryMiB: pod.memoryMiB * (0.9 + 0.1 * w),
    };
  const util = Math.min(1, x.metric('coredns_cpu'));
  return {
    cpuMilli: Math.min(dep.cpuLimitMillicores, util * dep.cpuLimitMillicores * w),
    memoryMiB: pod.memoryMiB + 14 * util * w,
  };
}

/**
 * When a revision's ReplicaSet was created: from the deployment controller's events when the
 * run saw it; revisions from before the run are spaced ten days apart, the newest just older
 * than its oldest pod. `rank` counts the pre-run revisions that came after this one.
 */
function revisionCreated(
  rsName: string,
  rank: number,
  created: ReadonlyMap<string, number>,
  podsOfRevision: readonly Pod[],
): number {
  const seen = created.get(rsName);
  if (seen !== undefined) return seen;
  const oldest = Math.min(0, ...podsOfRevision.map((p) => p.createdAt));
  return Math.min(oldest - 5_000, -(3 * DAY + 6 * HOUR + 20 * MINUTE) - 10 * DAY * rank);
}

export function simWorkloads(
  x: Inputs,
  rsCreated: ReadonlyMap<string, number>,
): { pods: KPod[]; deployments: KDeployment[]; replicaSets: KReplicaSet[] } {
  const { s } = x;
  const pods: KPod[] = [];
  const deployments: KDeployment[] = [];
  const replicaSets: KReplicaSet[] = [];
  for (const name of ['api', 'web', 'coredns'] as const) {
    const dep = s.deployments[name];
    const own = s.pods.filter((p) => p.deployment === name);
    const kpods = own.map((p) => simPod(x, p, dep));
    pods.push(...kpods);
    const active = kpods.filter((p) => !p.terminating);
    const specs = templates(s, dep);
    const rsNames = dep.history.map((h) => revisionRsName(name, h.revision, h.version));
    const history: Revision[] = dep.history.map((h, i) => ({
      revision: h.revision,
      changeCause: h.changeCause,
      rsName: rsNames[i]!,
      container: specs[i]!,
      createdAt: revisionCreated(
        rsNames[i]!,
        rsNames.slice(i + 1).filter((n) => !rsCreated.has(n)).length,
        rsCreated,
        own.filter((p) => p.revision === h.revision),
      ),
    }));
    const selector = selectorOf(name);
    const ready = active.filter((p) => p.ready).length;
    deployments.push({
      name,
      namespace: dep.namespace,
      labels: selector,
      selector,
      createdAt: DEPLOYMENT_CREATED[name],
      replicas: dep.replicas,
      revision: dep.revision,
      templateLabels: selector,
      container: specs[specs.length - 1]!,
      history,
      pods: kpods,
      updated: active.filter((p) => p.sim?.revision === dep.revision).length,
      total: active.length,
      ready,
      available: ready,
      sim: dep,
      simName: name,
      ...(name === 'api' ? { dnsOptions: dep.resolver } : {}),
    });
    const hasOld = active.some((p) => p.sim?.revision !== dep.revision);
    for (const h of history) {
      const mine = active.filter((p) => p.sim?.revision === h.revision);
      const current = h.revision === dep.revision;
      replicaSets.push({
        name: h.rsName,
        namespace: dep.namespace,
        deployment: name,
        revision: h.revision,
        labels: { ...selector, 'pod-template-hash': rsHashOf(h.rsName) },
        desired: current && !hasOld ? dep.replicas : mine.length,
        current: mine.length,
        ready: mine.filter((p) => p.ready).length,
        createdAt: h.createdAt,
        container: h.container,
      });
    }
  }
  return { pods, deployments, replicaSets };
}
