/**
 * Kubernetes Event objects, rebuilt from the sim's Kubernetes log records (scheduler, kubelet,
 * deployment controller, kernel monitor) plus the ones the same moments produce in a real
 * cluster (a ReplicaSet's `SuccessfulCreate`, kubelet's `Created`, a restart's Pulled/Created/
 * Started, a back-off re-reported while it lasts), aggregated the way the API server counts
 * them and expired after an hour.
 */
import type { LogRecordView } from '../../../sim/index.ts';
import { HOUR, SECOND, templateId } from '../../../sim/index.ts';
import { imageOf, namespaceOf } from '../../../sim/kube.ts';
import type { ConsoleView } from '../types.ts';
import type { Cluster } from './model.ts';

export type EventObjectKind = 'Pod' | 'Node' | 'Deployment' | 'ReplicaSet';

export type KEvent = {
  namespace: string;
  type: 'Normal' | 'Warning';
  reason: string;
  kind: EventObjectKind;
  object: string;
  /** `spec.containers{api}` for container events. */
  fieldPath: string;
  message: string;
  component: string;
  host: string;
  first: number;
  last: number;
  count: number;
  /** The Event object's own name: `<object>.<hex of the first timestamp in ns>`. */
  name: string;
};

type Raw = Omit<KEvent, 'first' | 'last' | 'count' | 'name'> & { t: number };

const LINE = /^(Normal|Warning)\s+(\S+)\s+(\w+)\/(\S+)\s{3}(.*)$/s;
const EVENT_TTL = HOUR;
export const UNSCHEDULABLE =
  '0/6 nodes are available: 6 Insufficient cpu. preemption: 0/6 nodes are available: 6 No preemption victims found for incoming pod.';
const BACKOFF_REPEAT = 15 * SECOND;
const T_STARTING = templateId('api_starting');
const T_BACKOFF = templateId('k8s_backoff');
const T_OOM = templateId('k8s_oom');
/** How far out of time order the log store can be (see logs.ts). */
const STORE_SKEW_MS = 60_000;

const COMPONENT: Record<string, string> = {
  Scheduled: 'default-scheduler',
  FailedScheduling: 'default-scheduler',
  ScalingReplicaSet: 'deployment-controller',
  OOMKilling: 'kernel-monitor',
};

const CONTAINER_REASONS = new Set(['Pulled', 'Created', 'Started', 'Killing', 'BackOff']);

/** The namespace of a sim pod, by the deployment its name starts with. */
function podNamespace(pod: string): string {
  const dep = pod.split('-')[0];
  return dep === 'coredns' ? namespaceOf('coredns') : namespaceOf('api');
}

const containerOf = (pod: string): string => pod.split('-')[0] ?? pod;

/** Kubernetes records of the log store since `since`, oldest first. */
function kubeRecords(view: ConsoleView, since: number): LogRecordView[] {
  const logs = view.recorder.logs;
  const seqs = new Int32Array(Math.max(1, logs.size));
  const n = logs.filter(seqs, { services: ['kubernetes'], since: since - STORE_SKEW_MS });
  const out: LogRecordView[] = [];
  for (let i = 0; i < n; i++) {
    const r = logs.get(seqs[i]!);
    if (r && r.t >= since) out.push(r);
  }
  return out.sort((a, b) => a.t - b.t);
}

/** When each ReplicaSet was first scaled up (its creation), from the deployment controller's events. */
export function replicaSetCreation(view: ConsoleView): Map<string, number> {
  const out = new Map<string, number>();
  const scaled = templateId('k8s_scaled');
  for (const r of kubeRecords(view, -Infinity)) {
    if (r.template !== scaled) continue;
    const rs = view.recorder.logs.string(r.args[1] ?? -1);
    if (!out.has(rs)) out.set(rs, r.t);
  }
  return out;
}

/**
 * Times each API container started, by pod: the app logs a start line after a back-off; a first
 * crash restarts at once, so an OOM kill without a back-off is also a start.
 */
export function containerStarts(view: ConsoleView, since: number): Map<string, number[]> {
  const logs = view.recorder.logs;
  const seqs = new Int32Array(Math.max(1, logs.size));
  const n = logs.filter(seqs, { services: ['api'], since: since - STORE_SKEW_MS });
  const out = new Map<string, number[]>();
  const add = (pod: string, t: number): void => {
    const list = out.get(pod) ?? [];
    if (!list.includes(t)) list.push(t);
    out.set(pod, list);
  };
  for (let i = 0; i < n; i++) {
    const r = logs.get(seqs[i]!);
    if (r && r.template === T_STARTING && r.t >= since) add(r.source, r.t);
  }
  const kube = kubeRecords(view, since);
  const backoffs = new Set(
    kube.filter((r) => r.template === T_BACKOFF).map((r) => `${r.source}@${r.t}`),
  );
  for (const r of kube)
    if (r.template === T_OOM && !backoffs.has(`${r.source}@${r.t}`)) add(r.source, r.t);
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function parse(view: ConsoleView, r: LogRecordView, cluster: Cluster): Raw | null {
  const text = view.recorder.logs.format(r.seq, view.state.config.startEpochMs);
  const m = text === null ? null : LINE.exec(text);
  if (!m) return null;
  const [, type, reason, objKind, object, message] = m as unknown as [
    string,
    'Normal' | 'Warning',
    string,
    string,
    string,
    string,
  ];
  const kind: EventObjectKind =
    objKind === 'node' ? 'Node' : objKind === 'deployment' ? 'Deployment' : 'Pod';
  const namespace =
    kind === 'Node'
      ? 'default'
      : kind === 'Deployment'
        ? namespaceOf(object === 'coredns' ? 'coredns' : 'api')
        : podNamespace(object);
  const pod = kind === 'Pod' ? cluster.pods.find((p) => p.name === object) : undefined;
  const component = COMPONENT[reason] ?? 'kubelet';
  return {
    t: r.t,
    namespace,
    type,
    reason,
    kind,
    object,
    fieldPath:
      kind === 'Pod' && CONTAINER_REASONS.has(reason)
        ? `spec.containers{${containerOf(object)}}`
        : '',
    message,
    component,
    host: component === 'kubelet' ? (pod?.node ?? '') : kind === 'Node' ? object : '',
  };
}

/** Every live event of the cluster, aggregated, in the API server's order (by name). */
export function clusterEvents(view: ConsoleView, cluster: Cluster): KEvent[] {
  const now = view.state.t;
  const since = now - EVENT_TTL;
  const raws: Raw[] = [];
  const seenPods = new Set<string>();
  const started = new Set<string>();
  for (const r of kubeRecords(view, since - 10 * 60 * SECOND)) {
    const e = parse(view, r, cluster);
    if (!e) continue;
    if (e.reason === 'Started') {
      started.add(`${e.object}@${e.t}`);
      raws.push({ ...e, reason: 'Created', message: `Created container ${containerOf(e.object)}` });
    }
    raws.push(e);
    if (e.kind !== 'Pod') continue;
    if ((e.reason === 'Scheduled' || e.reason === 'FailedScheduling') && !seenPods.has(e.object)) {
      seenPods.add(e.object);
      const rs = e.object.slice(0, e.object.lastIndexOf('-'));
      raws.push({
        ...e,
        type: 'Normal',
        reason: 'SuccessfulCreate',
        kind: 'ReplicaSet',
        object: rs,
        fieldPath: '',
        message: `Created pod: ${e.object}`,
        component: 'replicaset-controller',
        host: '',
      });
    }
  }

  // Restarts after a crash: the kubelet pulls (cached), creates and starts the container again.
  const starts = containerStarts(view, since - 10 * 60 * SECOND);
  for (const [pod, times] of starts) {
    const k = cluster.pods.find((p) => p.name === pod);
    const base = {
      namespace: podNamespace(pod),
      type: 'Normal' as const,
      kind: 'Pod' as const,
      object: pod,
      fieldPath: `spec.containers{${containerOf(pod)}}`,
      component: 'kubelet',
      host: k?.node ?? '',
    };
    const image =
      k?.container.image ?? imageOf({ name: 'api', version: view.state.deployments.api.version });
    for (const t of times) {
      if (started.has(`${pod}@${t}`)) continue;
      raws.push(
        {
          ...base,
          t,
          reason: 'Pulled',
          message: `Container image "${image}" already present on machine`,
        },
        { ...base, t, reason: 'Created', message: `Created container ${containerOf(pod)}` },
        { ...base, t, reason: 'Started', message: `Started container ${containerOf(pod)}` },
      );
    }
  }

  // The sim logs FailedScheduling at the first attempt and every retry; a pod whose lines have
  // left the bounded log store still gets the scheduler's events, rebuilt at the same cadence.
  for (const p of cluster.pods) {
    if (p.node !== null || !p.sim || seenPods.has(p.name)) continue;
    const base = {
      namespace: p.namespace,
      type: 'Warning' as const,
      reason: 'FailedScheduling',
      kind: 'Pod' as const,
      object: p.name,
      fieldPath: '',
      message: UNSCHEDULABLE,
      component: 'default-scheduler',
      host: '',
    };
    for (let t = p.createdAt + SECOND; t <= now; t += 5 * 60 * SECOND) raws.push({ ...base, t });
    raws.push({
      ...base,
      t: p.createdAt,
      type: 'Normal',
      reason: 'SuccessfulCreate',
      kind: 'ReplicaSet',
      object: p.owner.name,
      message: `Created pod: ${p.name}`,
      component: 'replicaset-controller',
    });
  }

  // A rolling update retires old pods: the deployment scales the old ReplicaSet down, which
  // deletes them (the sim logs only the kubelet's Killing).
  const kills = raws.filter((e) => e.reason === 'Killing' && e.kind === 'Pod');
  const rsOf = (pod: string): string => pod.slice(0, pod.lastIndexOf('-'));
  const steps = new Map<string, { rs: string; t: number; n: number; e: Raw }>();
  for (const e of kills) {
    const rs = cluster.replicaSets.find(
      (r) => r.name === rsOf(e.object) && r.namespace === e.namespace,
    );
    if (!rs) continue;
    const replaced = cluster.replicaSets.some(
      (r) =>
        r.deployment === rs.deployment &&
        r.namespace === rs.namespace &&
        r.revision > rs.revision &&
        r.createdAt <= e.t,
    );
    if (!replaced) continue;
    raws.push({
      ...e,
      reason: 'SuccessfulDelete',
      kind: 'ReplicaSet',
      object: rs.name,
      fieldPath: '',
      message: `Deleted pod: ${e.object}`,
      component: 'replicaset-controller',
      host: '',
    });
    const key = `${rs.name}@${e.t}`;
    const step = steps.get(key) ?? {
      rs: rs.name,
      t: e.t,
      n: 0,
      e: { ...e, kind: 'Deployment', object: rs.deployment },
    };
    step.n++;
    steps.set(key, step);
  }
  for (const step of steps.values()) {
    const later = kills.filter((k) => rsOf(k.object) === step.rs && k.t > step.t).length;
    const live = cluster.pods.filter((p) => p.owner.name === step.rs && !p.terminating).length;
    const to = live + later;
    raws.push({
      ...step.e,
      reason: 'ScalingReplicaSet',
      fieldPath: '',
      message: `Scaled down replica set ${step.rs} to ${to} from ${to + step.n}`,
      component: 'deployment-controller',
      host: '',
    });
  }

  // The kubelet re-reports a back-off on every sync until the container runs again.
  for (const e of raws.slice()) {
    if (e.reason !== 'BackOff') continue;
    const next = (starts.get(e.object) ?? []).find((t) => t > e.t) ?? now;
    for (let t = e.t + BACKOFF_REPEAT; t < Math.min(next, now); t += BACKOFF_REPEAT)
      raws.push({ ...e, t });
  }

  const byKey = new Map<string, KEvent>();
  for (const r of raws.sort((a, b) => a.t - b.t)) {
    const key = [r.namespace, r.kind, r.object, r.reason, r.message, r.fieldPath].join('\u0000');
    const ev = byKey.get(key);
    if (ev) {
      ev.count++;
      ev.last = r.t;
      continue;
    }
    const { t, ...rest } = r;
    const nanos =
      BigInt(Math.round(view.state.config.startEpochMs + t)) * 1_000_000n + BigInt(byKey.size);
    byKey.set(key, {
      ...rest,
      first: t,
      last: t,
      count: 1,
      name: `${r.object}.${nanos.toString(16)}`,
    });
  }
  return [...byKey.values()]
    .filter((e) => e.last >= since && e.last <= now)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
