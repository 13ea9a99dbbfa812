/**
 * Builds the cluster seen at this moment of the sim, and answers the API server's questions
 * about it: what lives in a namespace, what a name refers to, which pods a selector picks.
 */
import { M } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { replicaSetCreation } from './events.ts';
import type { Inputs } from './infra.ts';
import { NAMESPACES, nodes } from './infra.ts';
import {
  daemonSets,
  ingresses,
  platformDeployments,
  pvcs,
  services,
  statefulSets,
} from './platform-objects.ts';
import { jobs, platformPods } from './platform-pods.ts';
import type { Labels } from './labels.ts';
import type { Cluster, KPod } from './model.ts';
import type { Kind } from './resources.ts';
import { simWorkloads } from './workloads.ts';

const byName = <T extends { name: string }>(a: T, b: T): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function clusterOf(view: ConsoleView): Cluster {
  const s = view.state;
  const inputs: Inputs = {
    s,
    metric: (key) => {
      const col = M[key];
      const v = col === undefined ? Number.NaN : view.recorder.metrics.latest(col);
      return Number.isFinite(v) ? v : 0;
    },
    events: view.recorder.events,
  };
  const sim = simWorkloads(inputs, replicaSetCreation(view));
  const platform = platformPods(inputs);
  const allPods = [...sim.pods, ...platform].sort(byName);
  const plat = platformDeployments(platform);
  return {
    now: s.t,
    epochMs: (t) => s.config.startEpochMs + t,
    namespaces: [...NAMESPACES].sort(byName),
    nodes: nodes(),
    pods: allPods,
    deployments: [...sim.deployments, ...plat.deployments].sort(byName),
    replicaSets: [...sim.replicaSets, ...plat.replicaSets].sort(byName),
    statefulSets: statefulSets(platform),
    daemonSets: daemonSets(platform),
    services: services().sort(byName),
    jobs: jobs(s),
    pvcs: pvcs(s),
    ingresses: ingresses(s),
  };
}

/** A row of any kind: enough to filter by namespace, name and labels. */
export type Item = { name: string; namespace: string | null; labels: Labels; createdAt: number };

/** The objects of a kind, namespaced ones with their namespace. */
export function itemsOf(c: Cluster, kind: Kind): Item[] {
  switch (kind) {
    case 'pods':
      return [...c.pods];
    case 'deployments':
      return [...c.deployments];
    case 'replicasets':
      return [...c.replicaSets];
    case 'statefulsets':
      return [...c.statefulSets];
    case 'daemonsets':
      return [...c.daemonSets];
    case 'services':
    case 'endpoints':
      return [...c.services];
    case 'nodes':
      return c.nodes.map((n) => ({ ...n, namespace: null }));
    case 'namespaces':
      return c.namespaces.map((n) => ({
        ...n,
        namespace: null,
        labels: { 'kubernetes.io/metadata.name': n.name },
      }));
    case 'jobs':
      return [...c.jobs];
    case 'persistentvolumeclaims':
      return c.pvcs.map((p) => ({ ...p, labels: {} }));
    case 'ingresses':
      return c.ingresses.map((i) => ({ ...i, labels: {} }));
    case 'events':
      return [];
  }
}

/** Pods a workload's selector picks in its namespace. */
export function podsMatching(c: Cluster, namespace: string, selector: Labels): KPod[] {
  return c.pods.filter(
    (p) =>
      p.namespace === namespace && Object.entries(selector).every(([k, v]) => p.labels[k] === v),
  );
}

/**
 * kubectl's choice among a workload's pods for `logs` and `exec` (podutils.ByLogging): scheduled,
 * running and ready first, then the most restarted, then the oldest.
 */
export function firstPod(pods: readonly KPod[]): KPod | undefined {
  return [...pods].sort(
    (a, b) =>
      Number(b.node !== null) - Number(a.node !== null) ||
      Number(b.phase === 'Running') - Number(a.phase === 'Running') ||
      Number(b.ready) - Number(a.ready) ||
      b.restarts - a.restarts ||
      a.createdAt - b.createdAt ||
      byName(a, b),
  )[0];
}
