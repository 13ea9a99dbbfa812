/** `kubectl describe` for services and nodes, and a short form for the other kinds. */
import { humanDuration, rfc1123 } from './age.ts';
import { annotationLines, eventLines, labelLines } from './describe-parts.ts';
import type { KEvent } from './events.ts';
import { NODE_NAMES } from './infra.ts';
import { labelString } from './labels.ts';
import type { Cluster, KNode, KService } from './model.ts';
import { cpuQuantity, memoryQuantity, parseCpuMilli, parseMemoryMiB } from './quantity.ts';
import type { Item } from './cluster.ts';
import type { Kind } from './resources.ts';
import { kindInfo } from './resources.ts';
import { endpointsOf } from './tables.ts';

export function describeService(c: Cluster, s: KService): string[] {
  const annotations: Record<string, string> =
    s.name === 'kube-dns' ? { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } : {};
  const out = [
    `Name:\t${s.name}`,
    `Namespace:\t${s.namespace}`,
    ...labelLines(s.labels),
    ...annotationLines(annotations),
    `Selector:\t${s.selector ? labelString(s.selector) : '<none>'}`,
    `Type:\t${s.type}`,
    'IP Family Policy:\tSingleStack',
    'IP Families:\tIPv4',
    `IP:\t${s.clusterIP}`,
    `IPs:\t${s.clusterIP}`,
  ];
  if (s.externalIP) out.push(`LoadBalancer Ingress:\t${s.externalIP}`);
  for (const p of s.ports) {
    out.push(`Port:\t${p.name ?? '<unset>'}\t${p.port}/${p.protocol}`);
    out.push(`TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) out.push(`NodePort:\t${p.name ?? '<unset>'}\t${p.nodePort}/${p.protocol}`);
    out.push(`Endpoints:\t${endpointsOf(c, { ...s, ports: [p] })}`);
  }
  out.push('Session Affinity:\tNone');
  if (s.type === 'LoadBalancer') out.push('External Traffic Policy:\tCluster');
  out.push('Internal Traffic Policy:\tCluster', 'Events:\t<none>');
  return out;
}

const pct = (used: number, total: number): string => `${Math.floor((used / total) * 100)}%`;

export function describeNode(c: Cluster, n: KNode, events: readonly KEvent[]): string[] {
  const at = (t: number): string => rfc1123(c.epochMs(t));
  const pods = c.pods
    .filter((p) => p.node === n.name && !p.terminating)
    .sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));
  const cidr = `10.244.${NODE_NAMES.indexOf(n.name as (typeof NODE_NAMES)[number]) + 1}.0/24`;
  const heartbeat = at(c.now - (c.now % 40_000));
  const sum = (f: (p: (typeof pods)[number]) => number): number =>
    pods.reduce((s, p) => s + f(p), 0);
  const cpuReq = sum((p) => parseCpuMilli(p.container.requests.cpu ?? '0') ?? 0);
  const cpuLim = sum((p) => parseCpuMilli(p.container.limits.cpu ?? '0') ?? 0);
  const memReq = sum((p) => parseMemoryMiB(p.container.requests.memory ?? '0') ?? 0);
  const memLim = sum((p) => parseMemoryMiB(p.container.limits.memory ?? '0') ?? 0);
  const podRow = (p: (typeof pods)[number]): string => {
    const q = (v: string | undefined, cpu: boolean): string => {
      if (v === undefined) return '0 (0%)';
      const n2 = cpu ? (parseCpuMilli(v) ?? 0) : (parseMemoryMiB(v) ?? 0);
      return `${v} (${pct(n2, cpu ? n.allocCpuMilli : n.allocMemoryMiB)})`;
    };
    const k = p.container;
    return `  ${p.namespace}\t${p.name}\t${q(k.requests.cpu, true)}\t${q(k.limits.cpu, true)}\t${q(k.requests.memory, false)}\t${q(k.limits.memory, false)}\t${humanDuration(c.now - p.createdAt)}`;
  };
  return [
    `Name:\t${n.name}`,
    'Roles:\t<none>',
    ...labelLines(n.labels),
    ...annotationLines({
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    }),
    `CreationTimestamp:\t${at(n.createdAt)}`,
    'Taints:\t<none>',
    'Unschedulable:\tfalse',
    'Lease:',
    `  HolderIdentity:\t${n.name}`,
    '  AcquireTime:\t<unset>',
    `  RenewTime:\t${at(c.now - (c.now % 10_000))}`,
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
    `  MemoryPressure \tFalse \t${heartbeat} \t${at(n.createdAt + 30_000)} \tKubeletHasSufficientMemory \tkubelet has sufficient memory available`,
    `  DiskPressure \tFalse \t${heartbeat} \t${at(n.createdAt + 30_000)} \tKubeletHasNoDiskPressure \tkubelet has no disk pressure`,
    `  PIDPressure \tFalse \t${heartbeat} \t${at(n.createdAt + 30_000)} \tKubeletHasSufficientPID \tkubelet has sufficient PID available`,
    `  Ready \tTrue \t${heartbeat} \t${at(n.createdAt + 52_000)} \tKubeletReady \tkubelet is posting ready status`,
    'Addresses:',
    `  InternalIP:\t${n.ip}`,
    `  Hostname:\t${n.name}`,
    'Capacity:',
    `  cpu:\t${cpuQuantity(n.cpuMilli)}`,
    '  ephemeral-storage:\t104845292Ki',
    `  memory:\t${n.memoryMiB * 1024 - 1_201_432}Ki`,
    '  pods:\t110',
    'Allocatable:',
    `  cpu:\t${cpuQuantity(n.allocCpuMilli)}`,
    '  ephemeral-storage:\t95551679124',
    `  memory:\t${n.allocMemoryMiB * 1024 - 1_201_432}Ki`,
    '  pods:\t110',
    'System Info:',
    '  Kernel Version:\t6.5.0-1022-aws',
    '  OS Image:\tUbuntu 22.04.4 LTS',
    '  Operating System:\tlinux',
    '  Architecture:\tamd64',
    '  Container Runtime Version:\tcontainerd://1.7.13',
    '  Kubelet Version:\tv1.29.6',
    '  Kube-Proxy Version:\tv1.29.6',
    `PodCIDR:\t${cidr}`,
    `PodCIDRs:\t${cidr}`,
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t------------\t----------\t---------------\t-------------\t---',
    ...pods.map(podRow),
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    `  cpu\t${cpuQuantity(cpuReq)} (${pct(cpuReq, n.allocCpuMilli)})\t${cpuQuantity(cpuLim)} (${pct(cpuLim, n.allocCpuMilli)})`,
    `  memory\t${memoryQuantity(Math.round(memReq))} (${pct(memReq, n.allocMemoryMiB)})\t${memoryQuantity(Math.round(memLim))} (${pct(memLim, n.allocMemoryMiB)})`,
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
    ...eventLines(
      c,
      events.filter((e) => e.kind === 'Node' && e.object === n.name),
    ),
  ];
}

/** Name, namespace, labels and age: what every describe starts with. */
export function describeGeneric(c: Cluster, kind: Kind, item: Item): string[] {
  const info = kindInfo(kind);
  return [
    `Name:\t${item.name}`,
    ...(info.namespaced && item.namespace ? [`Namespace:\t${item.namespace}`] : []),
    ...labelLines(item.labels),
    'Annotations:\t<none>',
    `CreationTimestamp:\t${rfc1123(c.epochMs(item.createdAt))}`,
    'Events:\t<none>',
  ];
}
