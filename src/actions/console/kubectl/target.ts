/**
 * Resolves what `logs` and `exec` act on: a pod name, `pod/NAME`, or a workload
 * (`deploy/api`, `sts/pg-primary`, `svc/web`, `job/NAME`), whose pod kubectl picks itself and
 * announces with `Found 6 pods, using pod/...`.
 */
import { firstPod, podsMatching } from './cluster.ts';
import type { Cluster, KPod } from './model.ts';
import { noSuchType, notFound, resolveKind } from './resources.ts';

export type Target = { ok: true; pod: KPod; notice: string } | { ok: false; error: string };

export function resolvePod(c: Cluster, ref: string, namespace: string): Target {
  const slash = ref.indexOf('/');
  if (slash < 0 || resolveKind(ref.slice(0, slash)) === 'pods') {
    const name = slash < 0 ? ref : ref.slice(slash + 1);
    const pod = c.pods.find((p) => p.name === name && p.namespace === namespace);
    return pod ? { ok: true, pod, notice: '' } : { ok: false, error: notFound('pods', name) };
  }
  const type = ref.slice(0, slash);
  const name = ref.slice(slash + 1);
  const kind = resolveKind(type);
  if (!kind) return { ok: false, error: noSuchType(type) };
  const inNs = <T extends { name: string; namespace: string }>(xs: readonly T[]): T | undefined =>
    xs.find((x) => x.name === name && x.namespace === namespace);
  let selector: Record<string, string> | null = null;
  let pods: KPod[] = [];
  switch (kind) {
    case 'deployments': {
      const d = inNs(c.deployments);
      if (d) selector = d.selector;
      break;
    }
    case 'replicasets': {
      const r = inNs(c.replicaSets);
      if (r) selector = r.labels;
      break;
    }
    case 'statefulsets': {
      const s = inNs(c.statefulSets);
      if (s) pods = c.pods.filter((p) => p.owner.kind === 'StatefulSet' && p.owner.name === name);
      if (s) selector = {};
      break;
    }
    case 'services': {
      const s = inNs(c.services);
      if (s) selector = s.selector ?? {};
      break;
    }
    case 'jobs': {
      const j = inNs(c.jobs);
      if (j) selector = { 'job-name': j.name };
      break;
    }
    default:
      return { ok: false, error: `error: cannot get the logs from ${kind}\n` };
  }
  if (selector === null) return { ok: false, error: notFound(kind, name) };
  if (pods.length === 0) pods = podsMatching(c, namespace, selector).filter((p) => !p.terminating);
  const pod = firstPod(pods);
  if (!pod) return { ok: false, error: `error: timed out waiting for the condition\n` };
  return {
    ok: true,
    pod,
    notice: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pod.name}\n` : '',
  };
}
