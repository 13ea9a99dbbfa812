/**
 * The resource types the simulated API server serves, with the names kubectl resolves (plural,
 * singular, short name, `plural.group`) and the spellings its messages use: `pods "x"` and
 * `deployments.apps "x"` in errors, `pod/x` and `deployment.apps/x` in `-o name`.
 */

export const KINDS = [
  'pods',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'services',
  'endpoints',
  'events',
  'nodes',
  'namespaces',
  'jobs',
  'persistentvolumeclaims',
  'ingresses',
] as const;
export type Kind = (typeof KINDS)[number];

export type KindInfo = {
  kind: Kind;
  /** The API Kind, as in `kind: Pod`. */
  apiKind: string;
  singular: string;
  short: readonly string[];
  group: '' | 'apps' | 'batch' | 'networking.k8s.io';
  version: string;
  namespaced: boolean;
};

const INFO: Record<Kind, Omit<KindInfo, 'kind'>> = {
  pods: {
    apiKind: 'Pod',
    singular: 'pod',
    short: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  deployments: {
    apiKind: 'Deployment',
    singular: 'deployment',
    short: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  replicasets: {
    apiKind: 'ReplicaSet',
    singular: 'replicaset',
    short: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  statefulsets: {
    apiKind: 'StatefulSet',
    singular: 'statefulset',
    short: ['sts'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  daemonsets: {
    apiKind: 'DaemonSet',
    singular: 'daemonset',
    short: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  services: {
    apiKind: 'Service',
    singular: 'service',
    short: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  endpoints: {
    apiKind: 'Endpoints',
    singular: 'endpoints',
    short: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  events: {
    apiKind: 'Event',
    singular: 'event',
    short: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  nodes: {
    apiKind: 'Node',
    singular: 'node',
    short: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  namespaces: {
    apiKind: 'Namespace',
    singular: 'namespace',
    short: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  jobs: {
    apiKind: 'Job',
    singular: 'job',
    short: [],
    group: 'batch',
    version: 'v1',
    namespaced: true,
  },
  persistentvolumeclaims: {
    apiKind: 'PersistentVolumeClaim',
    singular: 'persistentvolumeclaim',
    short: ['pvc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  ingresses: {
    apiKind: 'Ingress',
    singular: 'ingress',
    short: ['ing'],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
  },
};

export const kindInfo = (k: Kind): KindInfo => ({ kind: k, ...INFO[k] });

/**
 * Real types this cluster has none of (or that the console does not model): kubectl lists them
 * as empty rather than claiming the server lacks the type.
 */
export const UNMODELLED_TYPES: readonly string[] = [
  'configmaps',
  'configmap',
  'cm',
  'secrets',
  'secret',
  'horizontalpodautoscalers',
  'horizontalpodautoscaler',
  'hpa',
  'cronjobs',
  'cronjob',
  'cj',
  'serviceaccounts',
  'serviceaccount',
  'sa',
  'persistentvolumes',
  'persistentvolume',
  'pv',
  'poddisruptionbudgets',
  'poddisruptionbudget',
  'pdb',
  'networkpolicies',
  'networkpolicy',
  'netpol',
];

/** Resolves a type word (`po`, `deploy`, `deployments.apps`, `Pods`) to a kind, or null. */
export function resolveKind(word: string): Kind | null {
  const w = word.toLowerCase();
  for (const k of KINDS) {
    const i = INFO[k];
    const names = [k, i.singular, ...i.short, i.apiKind.toLowerCase()];
    if (i.group) names.push(`${k}.${i.group}`, `${i.singular}.${i.group}`);
    if (names.includes(w)) return k;
  }
  return null;
}

/** `pods`, `deployments.apps`: the resource as API errors name it. */
export const qualified = (k: Kind): string => (INFO[k].group ? `${k}.${INFO[k].group}` : k);

/** `pod`, `deployment.apps`: the prefix of `-o name` and of `TYPE/NAME` output. */
export const nameKind = (k: Kind): string =>
  INFO[k].group ? `${INFO[k].singular}.${INFO[k].group}` : INFO[k].singular;

/** `apps/v1`, `v1`. */
export const apiVersion = (k: Kind): string =>
  INFO[k].group ? `${INFO[k].group}/${INFO[k].version}` : INFO[k].version;

/** What `kubectl get all` lists, in kubectl's order. */
export const ALL_KINDS: readonly Kind[] = [
  'pods',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'jobs',
];

/** Every word that names a type, for completion. */
export const TYPE_WORDS: readonly string[] = KINDS.flatMap((k) => [k, ...INFO[k].short]);

/** `error: the server doesn't have a resource type "podz"` */
export const noSuchType = (word: string): string =>
  `error: the server doesn't have a resource type "${word}"\n`;

/** `Error from server (NotFound): pods "x" not found` */
export const notFound = (k: Kind, name: string): string =>
  `Error from server (NotFound): ${qualified(k)} "${name}" not found\n`;
