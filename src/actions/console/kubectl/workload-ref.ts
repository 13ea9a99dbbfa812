/**
 * Finds the workload a changing command names (`deploy/api`, `deployment api`, `sts/pg-primary`)
 * and says what this on-call user may do to it: the sim's deployments are the team's own; the
 * platform's workloads answer with RBAC's Forbidden, as they would for an application on-call.
 */
import type { DeploymentName } from '../../../sim/index.ts';
import type { KDeployment, KStatefulSet } from './model.ts';
import type { Cluster } from './model.ts';
import type { Kind } from './resources.ts';
import { kindInfo, noSuchType, notFound, qualified, resolveKind } from './resources.ts';

export const USER = 'oncall@example.com';

export type WorkloadRef =
  | { ok: true; kind: 'deployments'; d: KDeployment; sim: DeploymentName | null }
  | { ok: true; kind: 'statefulsets'; s: KStatefulSet }
  | { ok: true; kind: 'daemonsets'; name: string; namespace: string }
  | { ok: false; error: string };

/** Reads `TYPE/NAME` or `TYPE NAME` from the positionals. */
export function workloadRef(
  c: Cluster,
  positionals: readonly string[],
  namespace: string,
): WorkloadRef {
  const [first, second] = positionals;
  if (first === undefined)
    return {
      ok: false,
      error:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    };
  const [type, name] = first.includes('/') ? first.split('/') : [first, second];
  const kind = resolveKind(type ?? '');
  if (!kind) return { ok: false, error: noSuchType(type ?? '') };
  if (name === undefined || name === '')
    return {
      ok: false,
      error: `error: no objects passed to ${kind === 'deployments' ? 'rollout' : 'command'}\n`,
    };
  if (kind === 'deployments') {
    const d = c.deployments.find((x) => x.name === name && x.namespace === namespace);
    if (!d) return { ok: false, error: notFound(kind, name) };
    return { ok: true, kind, d, sim: d.simName };
  }
  if (kind === 'statefulsets') {
    const s = c.statefulSets.find((x) => x.name === name && x.namespace === namespace);
    if (!s) return { ok: false, error: notFound(kind, name) };
    return { ok: true, kind, s };
  }
  if (kind === 'daemonsets') {
    const d = c.daemonSets.find((x) => x.name === name && x.namespace === namespace);
    if (!d) return { ok: false, error: notFound(kind, name) };
    return { ok: true, kind, name, namespace };
  }
  return {
    ok: false,
    error: `error: no rollout resource for ${kindInfo(kind).apiKind.toLowerCase()}s "${name}"\n`,
  };
}

/** `Error from server (Forbidden): deployments.apps "x" is forbidden: User ... cannot patch ...` */
export function forbidden(
  kind: Kind,
  name: string,
  namespace: string,
  verb = 'patch',
  sub = '',
): string {
  const info = kindInfo(kind);
  const scope = info.namespaced ? `in the namespace "${namespace}"` : 'at the cluster scope';
  return `Error from server (Forbidden): ${qualified(kind)} "${name}" is forbidden: User "${USER}" cannot ${verb} resource "${kind}${sub}" in API group "${info.group}" ${scope}\n`;
}
