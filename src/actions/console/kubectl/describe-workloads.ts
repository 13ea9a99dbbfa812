/** `kubectl describe pod` and `kubectl describe deployment`, in kubectl's layout. */
import { HOUR } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { rfc1123 } from './age.ts';
import {
  annotationLines,
  apiAccessVolume,
  containerLines,
  eventLines,
  labelLines,
  multiline,
} from './describe-parts.ts';
import type { KEvent } from './events.ts';
import { containerStarts } from './events.ts';
import { nodeIp } from './infra.ts';
import { labelString } from './labels.ts';
import type { Cluster, KDeployment, KPod } from './model.ts';
import { deploymentConditions, podConditions } from './status.ts';

/** When the container that last terminated had started (the app logs each start). */
function previousStart(view: ConsoleView, p: KPod): number | undefined {
  const last = p.lastTermination;
  if (!last) return undefined;
  const starts = containerStarts(view, last.finishedAt - 6 * HOUR).get(p.name) ?? [];
  const before = starts.filter((t) => t < last.finishedAt);
  return before.length > 0 ? before[before.length - 1]! : undefined;
}

export function describePod(
  view: ConsoleView,
  c: Cluster,
  p: KPod,
  events: readonly KEvent[],
): string[] {
  const at = (t: number): string => rfc1123(c.epochMs(t));
  const out: string[] = [
    `Name:\t${p.name}`,
    `Namespace:\t${p.namespace}`,
    `Priority:\t${p.priorityClass ? 2000000000 : 0}`,
  ];
  if (p.priorityClass) out.push(`Priority Class Name:\t${p.priorityClass}`);
  out.push(`Service Account:\t${p.serviceAccount}`);
  out.push(`Node:\t${p.node ? `${p.node}/${nodeIp(p.node)}` : '<none>'}`);
  if (p.node) out.push(`Start Time:\t${at(p.createdAt)}`);
  out.push(...labelLines(p.labels), 'Annotations:\t<none>');
  out.push(`Status:\t${p.terminating ? 'Terminating (lasts 2s)' : p.phase}`);
  if (p.terminating) out.push('Termination Grace Period:\t30s');
  if (p.ip) out.push(`IP:\t${p.ip}`, 'IPs:', `  IP:\t${p.ip}`);
  else out.push('IP:\t', 'IPs:\t<none>');
  out.push(`Controlled By:\t${p.owner.kind}/${p.owner.name}`);
  out.push('Containers:');
  const prev = previousStart(view, p);
  out.push(
    ...containerLines(
      c,
      p.container,
      p,
      prev === undefined ? { template: false } : { template: false, previousStart: prev },
    ),
  );
  const conds = podConditions(p);
  out.push('Conditions:', '  Type\tStatus', ...conds.map((k) => `  ${k.type} \t${k.status} `));
  const vol = apiAccessVolume(p);
  out.push(
    'Volumes:',
    `  ${vol}:`,
    '    Type:\tProjected (a volume that contains injected data from multiple sources)',
    '    TokenExpirationSeconds:\t3607',
    '    ConfigMapName:\tkube-root-ca.crt',
    '    ConfigMapOptional:\t<nil>',
    '    DownwardAPI:\ttrue',
    `QoS Class:\t${p.qos}`,
    'Node-Selectors:\t<none>',
    ...multiline(
      'Tolerations',
      p.owner.kind === 'DaemonSet'
        ? [
            'op=Exists',
            'node.kubernetes.io/disk-pressure:NoSchedule op=Exists',
            'node.kubernetes.io/memory-pressure:NoSchedule op=Exists',
            'node.kubernetes.io/not-ready:NoExecute op=Exists',
            'node.kubernetes.io/unreachable:NoExecute op=Exists',
          ]
        : [
            'node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
            'node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
          ],
    ),
  );
  out.push(
    ...eventLines(
      c,
      events.filter((e) => e.kind === 'Pod' && e.object === p.name && e.namespace === p.namespace),
    ),
  );
  return out;
}

export function describeDeployment(
  c: Cluster,
  d: KDeployment,
  events: readonly KEvent[],
): string[] {
  const current = d.history.find((h) => h.revision === d.revision);
  const annotations: Record<string, string> = {
    'deployment.kubernetes.io/revision': String(d.revision),
  };
  if (current && current.changeCause !== '<none>')
    annotations['kubernetes.io/change-cause'] = current.changeCause;
  const unavailable = Math.max(0, Math.max(d.total, d.replicas) - d.available);
  const out: string[] = [
    `Name:\t${d.name}`,
    `Namespace:\t${d.namespace}`,
    `CreationTimestamp:\t${rfc1123(c.epochMs(d.createdAt))}`,
    ...labelLines(d.labels),
    ...annotationLines(annotations),
    `Selector:\t${labelString(d.selector)}`,
    `Replicas:\t${d.replicas} desired | ${d.updated} updated | ${d.total} total | ${d.available} available | ${unavailable} unavailable`,
    'StrategyType:\tRollingUpdate',
    'MinReadySeconds:\t0',
    'RollingUpdateStrategy:\t0 max unavailable, 25% max surge',
    ...podTemplateLines(c, d),
    'Conditions:',
    '  Type\tStatus\tReason',
    '  ----\t------\t------',
    ...deploymentConditions(d, c.now).map((k) => `  ${k.type} \t${k.status}\t${k.reason ?? ''}`),
  ];
  const mine = c.replicaSets.filter((r) => r.namespace === d.namespace && r.deployment === d.name);
  const rsText = (sets: typeof mine): string =>
    sets.length === 0
      ? '<none>'
      : sets.map((r) => `${r.name} (${r.current}/${r.desired} replicas created)`).join(', ');
  out.push(
    `OldReplicaSets:\t${rsText(mine.filter((r) => r.revision !== d.revision && r.current > 0))}`,
    `NewReplicaSet:\t${rsText(mine.filter((r) => r.revision === d.revision))}`,
  );
  out.push(
    ...eventLines(
      c,
      events.filter(
        (e) => e.kind === 'Deployment' && e.object === d.name && e.namespace === d.namespace,
      ),
    ),
  );
  return out;
}

/** DescribePodTemplate: the template's labels, service account and container. */
export function podTemplateLines(c: Cluster, d: KDeployment, container = d.container): string[] {
  return [
    'Pod Template:',
    ...labelLines(d.templateLabels, '  '),
    `  Service Account:\t${d.pods[0]?.serviceAccount ?? d.name}`,
    '  Containers:',
    ...containerLines(c, container, null, { template: true }),
    '  Volumes:\t<none>',
    '  Node-Selectors:\t<none>',
    '  Tolerations:\t<none>',
  ];
}
