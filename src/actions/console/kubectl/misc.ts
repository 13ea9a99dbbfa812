/**
 * The small commands: `version`, `cluster-info`, `config current-context|get-contexts`,
 * `api-resources`, `kubectl events` (the newer, time-sorted event list), and the node
 * operations this user is not allowed to run.
 */
import { columns } from '../format.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import { humanDuration } from './age.ts';
import type { FlagDef } from './args.ts';
import { flag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { allNamespaces, flagError, inspect, namespaceFlag, noResources } from './common.ts';
import { clusterEvents } from './events.ts';
import { KINDS, kindInfo, apiVersion } from './resources.ts';
import { forbidden } from './workload-ref.ts';

export const CONTEXT = 'prod-eu-west-1';
const API_SERVER = 'https://4F2A9C1B7E0D3.gr7.eu-west-1.eks.amazonaws.com';

export const version = (): CommandResult =>
  result(
    'Client Version: v1.29.6\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.29.6-eks-a5ec690\n',
  );

export const clusterInfo = (): CommandResult =>
  result(
    `Kubernetes control plane is running at ${API_SERVER}\n` +
      `CoreDNS is running at ${API_SERVER}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n` +
      "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
  );

export function config(args: readonly string[]): CommandResult {
  const [sub] = args;
  if (sub === 'current-context') return result(`${CONTEXT}\n`);
  if (sub === 'get-contexts')
    return result(
      columns([
        ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
        ['*', CONTEXT, CONTEXT, 'oncall', 'prod'],
      ]) + '\n',
    );
  if (sub === 'view')
    return result(
      `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: ${API_SERVER}\n  name: ${CONTEXT}\ncontexts:\n- context:\n    cluster: ${CONTEXT}\n    namespace: prod\n    user: oncall\n  name: ${CONTEXT}\ncurrent-context: ${CONTEXT}\nkind: Config\npreferences: {}\nusers:\n- name: oncall\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      provideClusterInfo: false\n`,
    );
  return failure(
    sub === undefined
      ? 'error: Required resource not specified.\n'
      : `error: unknown command "${sub}" for "kubectl config"\n`,
  );
}

export function apiResources(): CommandResult {
  const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  for (const k of [...KINDS].sort()) {
    const i = kindInfo(k);
    rows.push([k, i.short.join(','), apiVersion(k), String(i.namespaced), i.apiKind]);
  }
  return result(columns(rows) + '\n');
}

export const EVENTS_FLAGS: readonly FlagDef[] = [
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'for', kind: 'string' },
  { long: 'types', kind: 'string' },
  { long: 'watch', short: 'w', kind: 'bool' },
  { long: 'no-headers', kind: 'bool' },
];

/** `kubectl events`: sorted by last seen, with kubectl's `(x52 over 13m)` in LAST SEEN. */
export function events(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, EVENTS_FLAGS);
  if (!parsed.ok) return flagError('events', parsed.error);
  const p = parsed.args;
  const all = allNamespaces(p);
  const namespace = namespaceFlag(p);
  const c = k.cluster();
  let list = clusterEvents(k.view, c).filter((e) => all || e.namespace === namespace);
  const forObj = flag(p, 'for');
  if (forObj !== undefined) {
    const [type = '', name = ''] = forObj.includes('/') ? forObj.split('/') : ['pod', forObj];
    list = list.filter(
      (e) =>
        e.object === name && e.kind.toLowerCase() === type.replace(/s$/, '').replace(/^po$/, 'pod'),
    );
  }
  const types = flag(p, 'types');
  if (types !== undefined) {
    const wanted = types.split(',').map((t) => t.toLowerCase());
    list = list.filter((e) => wanted.includes(e.type.toLowerCase()));
  }
  const actions = [inspect('events', forObj ?? (all ? 'all' : namespace))];
  if (list.length === 0) return result(noResources(all ? null : namespace), { actions });
  list.sort((a, b) => a.last - b.last);
  const rows = list.map((e) => [
    ...(all ? [e.namespace] : []),
    e.count > 1
      ? `${humanDuration(c.now - e.last)} (x${e.count} over ${humanDuration(c.now - e.first)})`
      : humanDuration(c.now - e.last),
    e.type,
    e.reason,
    `${e.kind}/${e.object}`,
    e.message,
  ]);
  const head = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return result(columns(flag(p, 'no-headers') === 'true' ? rows : [head, ...rows]) + '\n', {
    actions,
  });
}

/** cordon, uncordon, drain, taint: node changes are the platform team's. */
export function nodeOperation(sub: string, args: readonly string[], k: Kctx): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (name === undefined)
    return failure(
      `error: USAGE: ${sub} NODE [flags]\nSee 'kubectl ${sub} -h' for help and examples\n`,
    );
  if (!k.cluster().nodes.some((n) => n.name === name))
    return failure(`Error from server (NotFound): nodes "${name}" not found\n`);
  return failure(forbidden('nodes', name, '', 'patch'));
}
