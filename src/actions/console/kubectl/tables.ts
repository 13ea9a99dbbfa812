/**
 * `kubectl get` tables, one per kind, with the columns the real table printers emit (default and
 * `-o wide`). Each row also carries what `--field-selector` and `--sort-by` look at.
 */
import type { ConsoleView } from '../types.ts';
import { humanDuration } from './age.ts';
import { clusterEvents } from './events.ts';
import type { KEvent } from './events.ts';
import type { Labels } from './labels.ts';
import { labelString } from './labels.ts';
import type { Cluster, KPod, KService } from './model.ts';
import type { Kind } from './resources.ts';

export type Row = {
  name: string;
  namespace: string | null;
  labels: Labels;
  cells: string[];
  wide: string[];
  fields: Record<string, string>;
  sort: Record<string, number | string>;
};

export type Table = { headers: string[]; wideHeaders: string[]; rows: Row[] };

const ago = (c: Cluster, t: number): string => humanDuration(c.now - t);

export const podReady = (p: KPod): string => `${p.ready ? 1 : 0}/1`;

export function podRestarts(c: Cluster, p: KPod): string {
  return p.restarts > 0 && p.lastTermination
    ? `${p.restarts} (${ago(c, p.lastTermination.finishedAt)} ago)`
    : String(p.restarts);
}

export function servicePorts(s: KService): string {
  return s.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
}

/** `10.244.1.5:53,10.244.2.7:53,10.244.1.5:53 + 3 more...` (ports outer, addresses inner). */
export function endpointsOf(c: Cluster, s: KService): string {
  if (!s.selector) return s.name === 'kubernetes' ? '10.0.0.50:6443' : '<none>';
  const sel = s.selector;
  const ips = c.pods
    .filter(
      (p) =>
        p.namespace === s.namespace &&
        p.ready &&
        !p.terminating &&
        p.ip !== null &&
        Object.entries(sel).every(([k, v]) => p.labels[k] === v),
    )
    .map((p) => p.ip!)
    .sort();
  const list: string[] = [];
  let count = 0;
  for (const port of s.ports)
    for (const ip of ips) {
      if (list.length < 3) list.push(`${ip}:${port.targetPort}`);
      count++;
    }
  if (list.length === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

const selectorText = (l: Labels): string => labelString(l);

function podsTable(c: Cluster): Table {
  return {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    rows: c.pods.map((p) => ({
      name: p.name,
      namespace: p.namespace,
      labels: p.labels,
      cells: [p.name, podReady(p), p.status, podRestarts(c, p), ago(c, p.createdAt)],
      wide: [p.ip ?? '<none>', p.node ?? '<none>', '<none>', '<none>'],
      fields: {
        'metadata.name': p.name,
        'metadata.namespace': p.namespace,
        'status.phase': p.phase,
        'spec.nodeName': p.node ?? '',
      },
      sort: {
        'metadata.name': p.name,
        'metadata.creationTimestamp': p.createdAt,
        'status.containerStatuses[0].restartCount': p.restarts,
      },
    })),
  };
}

function eventsTable(view: ConsoleView, c: Cluster): Table {
  const target = (e: KEvent): string => `${e.kind.toLowerCase()}/${e.object}`;
  return {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideHeaders: [],
    rows: clusterEvents(view, c).map((e) => ({
      name: e.name,
      namespace: e.namespace,
      labels: {},
      cells: [ago(c, e.last), e.type, e.reason, target(e), e.message],
      // -o wide reorders the columns, so its row is complete on its own.
      wide: [
        ago(c, e.last),
        e.type,
        e.reason,
        target(e),
        e.fieldPath,
        e.host ? `${e.component}, ${e.host}` : e.component,
        e.message,
        ago(c, e.first),
        String(e.count),
        e.name,
      ],
      fields: {
        'metadata.name': e.name,
        'metadata.namespace': e.namespace,
        type: e.type,
        reason: e.reason,
        'involvedObject.kind': e.kind,
        'involvedObject.name': e.object,
      },
      sort: {
        'metadata.name': e.name,
        'metadata.creationTimestamp': e.first,
        firstTimestamp: e.first,
        lastTimestamp: e.last,
        count: e.count,
      },
    })),
  };
}

const EVENT_WIDE_HEADERS = [
  'LAST SEEN',
  'TYPE',
  'REASON',
  'OBJECT',
  'SUBOBJECT',
  'SOURCE',
  'MESSAGE',
  'FIRST SEEN',
  'COUNT',
  'NAME',
];

const basic = (
  name: string,
  namespace: string | null,
  labels: Labels,
  createdAt: number,
): Pick<Row, 'name' | 'namespace' | 'labels' | 'fields' | 'sort'> => ({
  name,
  namespace,
  labels,
  fields: { 'metadata.name': name, ...(namespace ? { 'metadata.namespace': namespace } : {}) },
  sort: { 'metadata.name': name, 'metadata.creationTimestamp': createdAt },
});

export function tableOf(view: ConsoleView, c: Cluster, kind: Kind): Table {
  switch (kind) {
    case 'pods':
      return podsTable(c);
    case 'events':
      return eventsTable(view, c);
    case 'deployments':
      return {
        headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
        rows: c.deployments.map((d) => ({
          ...basic(d.name, d.namespace, d.labels, d.createdAt),
          cells: [
            d.name,
            `${d.ready}/${d.replicas}`,
            String(d.updated),
            String(d.available),
            ago(c, d.createdAt),
          ],
          wide: [d.container.name, d.container.image, selectorText(d.selector)],
        })),
      };
    case 'replicasets':
      return {
        headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
        wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
        rows: c.replicaSets.map((r) => ({
          ...basic(r.name, r.namespace, r.labels, r.createdAt),
          cells: [
            r.name,
            String(r.desired),
            String(r.current),
            String(r.ready),
            ago(c, r.createdAt),
          ],
          wide: [r.container.name, r.container.image, selectorText(r.labels)],
        })),
      };
    case 'statefulsets':
      return {
        headers: ['NAME', 'READY', 'AGE'],
        wideHeaders: ['CONTAINERS', 'IMAGES'],
        rows: c.statefulSets.map((s) => ({
          ...basic(s.name, s.namespace, s.labels, s.createdAt),
          cells: [s.name, `${s.ready}/${s.replicas}`, ago(c, s.createdAt)],
          wide: [s.container.name, s.container.image],
        })),
      };
    case 'daemonsets':
      return {
        headers: [
          'NAME',
          'DESIRED',
          'CURRENT',
          'READY',
          'UP-TO-DATE',
          'AVAILABLE',
          'NODE SELECTOR',
          'AGE',
        ],
        wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
        rows: c.daemonSets.map((d) => ({
          ...basic(d.name, d.namespace, d.labels, d.createdAt),
          cells: [
            d.name,
            String(d.desired),
            String(d.desired),
            String(d.ready),
            String(d.desired),
            String(d.ready),
            d.nodeSelector,
            ago(c, d.createdAt),
          ],
          wide: [d.container.name, d.container.image, selectorText(d.labels)],
        })),
      };
    case 'services':
      return {
        headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
        wideHeaders: ['SELECTOR'],
        rows: c.services.map((s) => ({
          ...basic(s.name, s.namespace, s.labels, s.createdAt),
          cells: [
            s.name,
            s.type,
            s.clusterIP,
            s.externalIP ?? '<none>',
            servicePorts(s),
            ago(c, s.createdAt),
          ],
          wide: [s.selector ? selectorText(s.selector) : '<none>'],
        })),
      };
    case 'endpoints':
      return {
        headers: ['NAME', 'ENDPOINTS', 'AGE'],
        wideHeaders: [],
        rows: c.services.map((s) => ({
          ...basic(s.name, s.namespace, s.labels, s.createdAt),
          cells: [s.name, endpointsOf(c, s), ago(c, s.createdAt)],
          wide: [],
        })),
      };
    case 'nodes':
      return {
        headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
        wideHeaders: [
          'INTERNAL-IP',
          'EXTERNAL-IP',
          'OS-IMAGE',
          'KERNEL-VERSION',
          'CONTAINER-RUNTIME',
        ],
        rows: c.nodes.map((n) => ({
          ...basic(n.name, null, n.labels, n.createdAt),
          cells: [n.name, 'Ready', '<none>', ago(c, n.createdAt), 'v1.29.6'],
          wide: [n.ip, '<none>', 'Ubuntu 22.04.4 LTS', '6.5.0-1022-aws', 'containerd://1.7.13'],
        })),
      };
    case 'namespaces':
      return {
        headers: ['NAME', 'STATUS', 'AGE'],
        wideHeaders: [],
        rows: c.namespaces.map((n) => ({
          ...basic(n.name, null, { 'kubernetes.io/metadata.name': n.name }, n.createdAt),
          cells: [n.name, 'Active', ago(c, n.createdAt)],
          wide: [],
        })),
      };
    case 'jobs':
      return {
        headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
        wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
        rows: c.jobs.map((j) => ({
          ...basic(j.name, j.namespace, j.labels, j.createdAt),
          cells: [j.name, 'Running', '0/1', ago(c, j.createdAt), ago(c, j.createdAt)],
          wide: [j.container.name, j.container.image, `batch.kubernetes.io/job-name=${j.name}`],
        })),
      };
    case 'persistentvolumeclaims':
      return {
        headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'AGE'],
        wideHeaders: ['VOLUMEMODE'],
        rows: c.pvcs.map((p) => ({
          ...basic(p.name, p.namespace, {}, p.createdAt),
          cells: [
            p.name,
            'Bound',
            p.volume,
            p.capacity,
            'RWO',
            p.storageClass,
            ago(c, p.createdAt),
          ],
          wide: ['Filesystem'],
        })),
      };
    case 'ingresses':
      return {
        headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
        wideHeaders: [],
        rows: c.ingresses.map((i) => ({
          ...basic(i.name, i.namespace, {}, i.createdAt),
          cells: [i.name, i.className, i.hosts, i.address, i.ports, ago(c, i.createdAt)],
          wide: [],
        })),
      };
  }
}

export { EVENT_WIDE_HEADERS };
