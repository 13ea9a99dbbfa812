/**
 * Tab completion for kubectl, given the words typed before the one being completed: the
 * sub-command, then resource types, then names that exist in the namespace the line names
 * (`-n kube-system` completes CoreDNS pods), flag values and flags.
 */
import type { ConsoleView } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flagNames, valueFlags } from './args.ts';
import { clusterOf } from './cluster.ts';
import { DEFAULT_NAMESPACE } from './common.ts';
import { DESCRIBE_FLAGS } from './describe.ts';
import { EXEC_FLAGS } from './exec.ts';
import { GET_FLAGS, OUTPUT_FORMATS } from './get.ts';
import { LOGS_FLAGS } from './logs.ts';
import type { Cluster } from './model.ts';
import type { Kind } from './resources.ts';
import { resolveKind, TYPE_WORDS } from './resources.ts';
import { ROLLOUT_ACTIONS, ROLLOUT_FLAGS } from './rollout.ts';
import { DELETE_FLAGS, SCALE_FLAGS } from './scale-delete.ts';
import { PATCH_FLAGS, SET_COMMANDS, SET_FLAGS } from './set-patch.ts';
import { TOP_FLAGS } from './top.ts';

export const SUBCOMMANDS = [
  'annotate',
  'api-resources',
  'apply',
  'cluster-info',
  'config',
  'cordon',
  'create',
  'delete',
  'describe',
  'drain',
  'edit',
  'events',
  'exec',
  'explain',
  'get',
  'label',
  'logs',
  'patch',
  'port-forward',
  'rollout',
  'scale',
  'set',
  'top',
  'uncordon',
  'version',
];

const FLAGS: Record<string, readonly FlagDef[]> = {
  get: GET_FLAGS,
  describe: DESCRIBE_FLAGS,
  logs: LOGS_FLAGS,
  exec: EXEC_FLAGS,
  top: TOP_FLAGS,
  rollout: ROLLOUT_FLAGS,
  scale: SCALE_FLAGS,
  delete: DELETE_FLAGS,
  set: SET_FLAGS,
  patch: PATCH_FLAGS,
};

const SELECTORS = [
  'app=api',
  'app=web',
  'k8s-app=kube-dns',
  'app=postgres',
  'app=pgbouncer',
  'app=redis',
];

function namesOf(c: Cluster, kind: Kind, namespace: string): string[] {
  const inNs = <T extends { name: string; namespace: string }>(xs: readonly T[]): string[] =>
    xs.filter((x) => x.namespace === namespace).map((x) => x.name);
  switch (kind) {
    case 'pods':
      return inNs(c.pods);
    case 'deployments':
      return inNs(c.deployments);
    case 'replicasets':
      return inNs(c.replicaSets);
    case 'statefulsets':
      return inNs(c.statefulSets);
    case 'daemonsets':
      return inNs(c.daemonSets);
    case 'services':
    case 'endpoints':
      return inNs(c.services);
    case 'jobs':
      return inNs(c.jobs);
    case 'persistentvolumeclaims':
      return inNs(c.pvcs);
    case 'ingresses':
      return inNs(c.ingresses);
    case 'nodes':
      return c.nodes.map((n) => n.name);
    case 'namespaces':
      return c.namespaces.map((n) => n.name);
    case 'events':
      return [];
  }
}

/** `deployment/api`, `statefulset/pg-primary`: the forms rollout, scale and set take. */
function workloadForms(c: Cluster, namespace: string): string[] {
  return [
    ...c.deployments.filter((d) => d.namespace === namespace).map((d) => `deployment/${d.name}`),
    ...c.statefulSets.filter((s) => s.namespace === namespace).map((s) => `statefulset/${s.name}`),
  ];
}

export function completeKubectl(words: readonly string[], view: ConsoleView): readonly string[] {
  // Where the sub-command is, skipping global flags and their values.
  const globals = valueFlags([]);
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) i += globals.has(words[i]!) ? 2 : 1;
  const sub = words[i];
  if (sub === undefined) return SUBCOMMANDS;
  const flags = FLAGS[sub] ?? [];
  const takesValue = valueFlags(flags);
  const last = words[words.length - 1] ?? '';

  let namespace = DEFAULT_NAMESPACE;
  for (let j = 0; j < words.length; j++) {
    const w = words[j]!;
    if ((w === '-n' || w === '--namespace') && words[j + 1] !== undefined)
      namespace = words[j + 1]!;
    const m = /^(?:--namespace=|-n=?)(.+)$/.exec(w);
    if (m && w !== '-n') namespace = m[1]!;
  }
  const c = clusterOf(view);

  // A flag waiting for its value (`-n `, `--namespace=`, `-o `).
  const flagName = last.endsWith('=') ? last.slice(0, -1) : takesValue.has(last) ? last : null;
  if (flagName !== null) {
    if (flagName === '-n' || flagName === '--namespace') return c.namespaces.map((n) => n.name);
    if (flagName === '-o' || flagName === '--output') return OUTPUT_FORMATS;
    if (flagName === '-l' || flagName === '--selector') return SELECTORS;
    if (flagName === '-c' || flagName === '--container')
      return [
        ...new Set(c.pods.filter((p) => p.namespace === namespace).map((p) => p.container.name)),
      ];
    if (flagName === '--sort-by')
      return sub === 'top'
        ? ['cpu', 'memory']
        : ['.metadata.creationTimestamp', '.lastTimestamp', '.metadata.name'];
    if (flagName === '--replicas') return ['0', '1', '2', '3', '4', '6', '8'];
    if (flagName === '--limits') return ['memory=768Mi', 'memory=1Gi', 'memory=2Gi'];
    return [];
  }

  // The positional words after the sub-command (flags and their values removed).
  const positional: string[] = [];
  for (let j = i + 1; j < words.length; j++) {
    const w = words[j]!;
    if (w === '--') break;
    if (w.startsWith('-')) {
      if ((takesValue.has(w) || globals.has(w)) && !w.includes('=')) j++;
      continue;
    }
    positional.push(w);
  }
  const opts = flagNames(flags);
  const n = positional.length;
  switch (sub) {
    case 'get':
    case 'describe':
    case 'explain': {
      if (n === 0) return [...TYPE_WORDS, ...(sub === 'get' ? ['all'] : []), ...opts];
      const kind = resolveKind(positional[0]!.split(',')[0]!);
      return kind ? [...namesOf(c, kind, namespace), ...opts] : opts;
    }
    case 'logs':
    case 'exec':
      return n === 0
        ? [
            ...namesOf(c, 'pods', namespace),
            ...c.deployments
              .filter((d) => d.namespace === namespace)
              .map((d) => `deployment/${d.name}`),
            ...opts,
          ]
        : sub === 'exec'
          ? ['--', 'cat', 'sh', 'nslookup', ...opts]
          : opts;
    case 'top':
      if (n === 0) return ['pod', 'node'];
      return [
        ...(/^no/.test(positional[0]!)
          ? namesOf(c, 'nodes', namespace)
          : namesOf(c, 'pods', namespace)),
        ...opts,
      ];
    case 'rollout':
      if (n === 0) return ROLLOUT_ACTIONS;
      return n === 1 ? [...workloadForms(c, namespace), ...opts] : opts;
    case 'scale':
      return n === 0 ? [...workloadForms(c, namespace), '--replicas='] : ['--replicas=', ...opts];
    case 'set':
      if (n === 0) return SET_COMMANDS;
      if (n === 1) return workloadForms(c, namespace);
      return positional[0] === 'env'
        ? ['DB_MAX_CONNS=', '--list', ...opts]
        : positional[0] === 'resources'
          ? ['--limits=', '--requests=', ...opts]
          : ['api=registry.example.com/shop/api:', ...opts];
    case 'delete':
      if (n === 0) return ['pod', 'job', ...opts];
      return [...namesOf(c, resolveKind(positional[0]!) ?? 'pods', namespace), ...opts];
    case 'patch':
      return n === 0
        ? ['deployment']
        : n === 1
          ? namesOf(c, 'deployments', namespace)
          : ['-p', ...opts];
    case 'config':
      return n === 0 ? ['current-context', 'get-contexts', 'view'] : [];
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return namesOf(c, 'nodes', namespace);
    default:
      return opts;
  }
}
