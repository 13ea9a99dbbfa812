/**
 * Objects as the API server returns them, for `-o yaml` and `-o json`: full manifests for pods,
 * deployments and services (the ones SREs read in incidents), metadata and the main spec fields
 * for the rest.
 */
import { clusterNames } from '../../../sim/index.ts';
import { uidString } from '../../../sim/kube.ts';
import { rfc3339 } from './age.ts';
import { containerId, imageId, resourceVersion } from './ids.ts';
import { nodeIp } from './infra.ts';
import type { Cluster, ContainerSpec, KDeployment, KPod, KService } from './model.ts';
import type { Kind } from './resources.ts';
import { apiVersion, kindInfo } from './resources.ts';
import { deploymentConditions, podConditions } from './status.ts';
import type { Json } from './yaml.ts';

type Obj = { [key: string]: Json };

const ts = (c: Cluster, t: number): string => rfc3339(c.epochMs(t));

/** ObjectMeta in the API's field order (YAML sorts it; JSON keeps it). */
function meta(
  c: Cluster,
  name: string,
  namespace: string | null,
  labels: Record<string, string>,
  createdAt: number,
  extra: {
    generateName?: string;
    uid?: string;
    generation?: number;
    annotations?: Obj;
    ownerReferences?: Json[];
  } = {},
): Obj {
  return {
    name,
    ...(extra.generateName ? { generateName: extra.generateName } : {}),
    ...(namespace ? { namespace } : {}),
    uid: extra.uid ?? uidOf(`${namespace}/${name}`),
    resourceVersion: resourceVersion(name, c.now),
    ...(extra.generation !== undefined ? { generation: extra.generation } : {}),
    creationTimestamp: ts(c, createdAt),
    ...(Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
    ...(extra.annotations ? { annotations: extra.annotations } : {}),
    ...(extra.ownerReferences ? { ownerReferences: extra.ownerReferences } : {}),
  };
}

const uidOf = (key: string): string => uidString(clusterNames.fnv1a32(key) % 1_000_000_000);

export function containerJson(k: ContainerSpec): Obj {
  const resources: Obj = {};
  if (Object.keys(k.limits).length > 0) resources['limits'] = { ...k.limits };
  if (Object.keys(k.requests).length > 0) resources['requests'] = { ...k.requests };
  return {
    ...(k.args ? { args: [...k.args] } : {}),
    ...(k.env.length > 0
      ? {
          env: k.env.map((e) =>
            'value' in e
              ? { name: e.name, value: e.value }
              : { name: e.name, valueFrom: { secretKeyRef: { key: e.key, name: e.secret } } },
          ),
        }
      : {}),
    image: k.image,
    imagePullPolicy: 'IfNotPresent',
    name: k.name,
    ...(k.ports.length > 0
      ? {
          ports: k.ports.map((p) => ({
            containerPort: p.port,
            ...(p.name ? { name: p.name } : {}),
            protocol: p.protocol,
          })),
        }
      : {}),
    resources,
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function dnsConfig(o: { ndots: number; timeoutMs: number; attempts: number } | undefined): Obj {
  if (!o || (o.ndots === 5 && o.timeoutMs === 5000 && o.attempts === 2)) return {};
  return {
    dnsConfig: {
      options: [
        { name: 'ndots', value: String(o.ndots) },
        { name: 'timeout', value: String(Math.round(o.timeoutMs / 1000)) },
        { name: 'attempts', value: String(o.attempts) },
      ],
    },
  };
}

function podJson(c: Cluster, p: KPod): Obj {
  const owner = {
    apiVersion: p.owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
    blockOwnerDeletion: true,
    controller: true,
    kind: p.owner.kind,
    name: p.owner.name,
    uid: uidOf(`${p.namespace}/${p.owner.name}`),
  };
  const st = p.state;
  const state: Obj =
    st.kind === 'running'
      ? { running: { startedAt: ts(c, st.startedAt) } }
      : st.kind === 'waiting'
        ? { waiting: { ...(st.message ? { message: st.message } : {}), reason: st.reason } }
        : {};
  const last = p.lastTermination;
  const status: Obj = {
    conditions: podConditions(p).map((k) => ({
      lastProbeTime: null,
      lastTransitionTime: ts(c, p.createdAt),
      ...(k.message ? { message: k.message } : {}),
      ...(k.reason ? { reason: k.reason } : {}),
      status: k.status,
      type: k.type,
    })),
    ...(p.node
      ? {
          containerStatuses: [
            {
              ...(st.kind === 'none' ? {} : { containerID: containerId(p) }),
              image: p.container.image,
              imageID: imageId(p.container.image),
              lastState: last
                ? {
                    terminated: {
                      containerID: `containerd://${containerId(p).slice(13, 40)}${'0'.repeat(37)}`,
                      exitCode: last.exitCode,
                      finishedAt: ts(c, last.finishedAt),
                      reason: last.reason,
                      startedAt: ts(c, Math.max(p.createdAt, last.finishedAt - 25_000)),
                    },
                  }
                : {},
              name: p.container.name,
              ready: p.ready,
              restartCount: p.restarts,
              started: st.kind === 'running',
              state,
            },
          ],
          hostIP: nodeIp(p.node),
        }
      : {}),
    phase: p.phase,
    ...(p.ip ? { podIP: p.ip, podIPs: [{ ip: p.ip }] } : {}),
    qosClass: p.qos,
    ...(p.node ? { startTime: ts(c, p.createdAt) } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(c, p.name, p.namespace, { ...p.labels }, p.createdAt, {
      ...(p.owner.kind === 'ReplicaSet' ? { generateName: `${p.owner.name}-` } : {}),
      ownerReferences: [owner],
      uid: p.uid,
    }),
    spec: {
      containers: [containerJson(p.container)],
      ...dnsConfig(p.dnsOptions),
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(p.hostNetwork ? { hostNetwork: true } : {}),
      ...(p.node ? { nodeName: p.node } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: p.priorityClass ? 2000000000 : 0,
      ...(p.priorityClass ? { priorityClassName: p.priorityClass } : {}),
      restartPolicy: p.owner.kind === 'Job' ? 'Never' : 'Always',
      schedulerName: 'default-scheduler',
      serviceAccount: p.serviceAccount,
      serviceAccountName: p.serviceAccount,
      terminationGracePeriodSeconds: 30,
    },
    status,
  };
}

function deploymentJson(c: Cluster, d: KDeployment): Obj {
  const cause = d.history.find((h) => h.revision === d.revision)?.changeCause;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(c, d.name, d.namespace, { ...d.labels }, d.createdAt, {
      annotations: {
        'deployment.kubernetes.io/revision': String(d.revision),
        ...(cause && cause !== '<none>' ? { 'kubernetes.io/change-cause': cause } : {}),
      },
      generation: d.revision + 3,
    }),
    spec: {
      progressDeadlineSeconds: 600,
      replicas: d.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { ...d.selector } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { ...d.templateLabels } },
        spec: {
          containers: [containerJson(d.container)],
          ...dnsConfig(d.dnsOptions),
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: {
      ...(d.available > 0 ? { availableReplicas: d.available } : {}),
      conditions: deploymentConditions(d, c.now).map((k) => ({
        lastTransitionTime: ts(c, d.history[d.history.length - 1]?.createdAt ?? d.createdAt),
        lastUpdateTime: ts(c, d.history[d.history.length - 1]?.createdAt ?? d.createdAt),
        message: k.message ?? '',
        reason: k.reason ?? '',
        status: k.status,
        type: k.type,
      })),
      observedGeneration: d.revision + 3,
      ...(d.ready > 0 ? { readyReplicas: d.ready } : {}),
      replicas: d.total,
      ...(d.total > d.available ? { unavailableReplicas: d.total - d.available } : {}),
      updatedReplicas: d.updated,
    },
  };
}

function serviceJson(c: Cluster, s: KService): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(c, s.name, s.namespace, { ...s.labels }, s.createdAt),
    spec: {
      clusterIP: s.clusterIP,
      clusterIPs: [s.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: s.ports.map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        ...(p.nodePort ? { nodePort: p.nodePort } : {}),
        port: p.port,
        protocol: p.protocol,
        targetPort: p.targetPort,
      })),
      ...(s.selector ? { selector: { ...s.selector } } : {}),
      sessionAffinity: 'None',
      type: s.type,
    },
    status: {
      loadBalancer: s.externalIP ? { ingress: [{ ip: s.externalIP }] } : {},
    },
  };
}

/** The object of a kind by namespace and name, or null. */
export function manifestOf(
  c: Cluster,
  kind: Kind,
  namespace: string | null,
  name: string,
): Obj | null {
  const inNs = <T extends { name: string; namespace: string }>(xs: readonly T[]): T | undefined =>
    xs.find((x) => x.name === name && x.namespace === namespace);
  switch (kind) {
    case 'pods': {
      const p = inNs(c.pods);
      return p ? podJson(c, p) : null;
    }
    case 'deployments': {
      const d = inNs(c.deployments);
      return d ? deploymentJson(c, d) : null;
    }
    case 'services': {
      const s = inNs(c.services);
      return s ? serviceJson(c, s) : null;
    }
    default:
      return null;
  }
}

/** Metadata-only objects for the kinds without a full manifest here. */
export function genericManifest(
  c: Cluster,
  kind: Kind,
  row: {
    name: string;
    namespace: string | null;
    labels: Record<string, string>;
    createdAt: number;
  },
): Obj {
  const info = kindInfo(kind);
  return {
    apiVersion: apiVersion(kind),
    kind: info.apiKind,
    metadata: meta(
      c,
      row.name,
      info.namespaced ? row.namespace : null,
      { ...row.labels },
      row.createdAt,
    ),
  };
}

/** A `kind: List` wrapper, as kubectl prints several objects. */
export const listOf = (items: Obj[]): Obj => ({
  apiVersion: 'v1',
  items,
  kind: 'List',
  metadata: { resourceVersion: '' },
});
