/**
 * `kubectl top pods` and `kubectl top nodes`: what metrics-server reports, computed from the
 * sim (API CPU against its limit, working sets, Postgres cores), in `1980m` / `412Mi` notation.
 */
import { columns } from '../format.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, hasFlag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { allNamespaces, flagError, inspect, namespaceFlag, noResources } from './common.ts';
import { parseSelector } from './labels.ts';
import type { Cluster } from './model.ts';

export const TOP_FLAGS: readonly FlagDef[] = [
  { long: 'selector', short: 'l', kind: 'string' },
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'containers', kind: 'bool' },
  { long: 'sort-by', kind: 'string' },
  { long: 'no-headers', kind: 'bool' },
];

const cpu = (milli: number): string => `${Math.max(0, Math.round(milli))}m`;
const mem = (mib: number): string => `${Math.max(0, Math.round(mib))}Mi`;

/** The kubelet, container runtime and system daemons: what a node uses besides its pods. */
const SYSTEM_CPU_MILLI = 160;
const SYSTEM_MEMORY_MIB = 1_450;

export function nodeUsage(c: Cluster, node: string): { cpuMilli: number; memoryMiB: number } {
  let cpuMilli = SYSTEM_CPU_MILLI;
  let memoryMiB = SYSTEM_MEMORY_MIB;
  for (const p of c.pods)
    if (p.node === node && p.usage) {
      cpuMilli += p.usage.cpuMilli;
      memoryMiB += p.usage.memoryMiB;
    }
  return { cpuMilli, memoryMiB };
}

export function runTop(args: readonly string[], k: Kctx): CommandResult {
  const [what, ...rest] = args;
  if (what === undefined || what.startsWith('-'))
    return result(
      'Display resource (CPU/memory) usage.\n\n' +
        ' The top command allows you to see the resource consumption for nodes or pods.\n\n' +
        ' This command requires Metrics Server to be correctly configured and working on the server.\n\n' +
        'Available Commands:\n' +
        '  node          Display resource (CPU/memory) usage of nodes\n' +
        '  pod           Display resource (CPU/memory) usage of pods\n\n' +
        'Usage:\n  kubectl top [flags] [options]\n',
    );
  const isPods = ['pod', 'pods', 'po'].includes(what);
  const isNodes = ['node', 'nodes', 'no'].includes(what);
  if (!isPods && !isNodes) return failure(`error: unknown command "${what}" for "kubectl top"\n`);
  const sub = `top ${isPods ? 'pod' : 'node'}`;
  const parsed = parseArgs(rest, TOP_FLAGS);
  if (!parsed.ok) return flagError(sub, parsed.error);
  const p = parsed.args;
  const sortBy = flag(p, 'sort-by');
  if (sortBy !== undefined && sortBy !== 'cpu' && sortBy !== 'memory')
    return failure(`error: --sort-by accepts only cpu or memory\n`);
  const c = k.cluster();
  const headers = !hasFlag(p, 'no-headers');

  if (isNodes) {
    let nodes = c.nodes.map((n) => ({ n, u: nodeUsage(c, n.name) }));
    const name = p.positionals[0];
    if (name !== undefined) {
      nodes = nodes.filter((x) => x.n.name === name);
      if (nodes.length === 0)
        return failure(`Error from server (NotFound): nodes "${name}" not found\n`);
    }
    if (sortBy === 'cpu') nodes.sort((a, b) => b.u.cpuMilli - a.u.cpuMilli);
    if (sortBy === 'memory') nodes.sort((a, b) => b.u.memoryMiB - a.u.memoryMiB);
    const rows = nodes.map(({ n, u }) => [
      n.name,
      cpu(u.cpuMilli),
      `${Math.round((u.cpuMilli / n.allocCpuMilli) * 100)}%`,
      mem(u.memoryMiB),
      `${Math.round((u.memoryMiB / n.allocMemoryMiB) * 100)}%`,
    ]);
    const head = ['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'];
    return result(columns(headers ? [head, ...rows] : rows) + '\n', {
      actions: [inspect('resource-usage', name ?? 'nodes')],
    });
  }

  const all = allNamespaces(p);
  const namespace = namespaceFlag(p);
  let pods = c.pods.filter((x) => all || x.namespace === namespace);
  const sel = flag(p, 'selector');
  if (sel !== undefined) {
    const s = parseSelector(sel);
    if (!s.ok) return failure(s.error);
    pods = pods.filter((x) => s.matches(x.labels));
  }
  const name = p.positionals[0];
  if (name !== undefined) {
    const pod = pods.find((x) => x.name === name);
    if (!pod) return failure(`Error from server (NotFound): pods "${name}" not found\n`);
    if (!pod.usage)
      return failure(
        `error: Metrics not available for pod ${pod.namespace}/${pod.name}, age: ${Math.max(0, Math.round((c.now - pod.createdAt) / 1000))}s\n`,
      );
    pods = [pod];
  }
  const measured = pods.filter((x) => x.usage !== null);
  if (measured.length === 0) return result(noResources(all ? null : namespace));
  if (sortBy === 'cpu') measured.sort((a, b) => b.usage!.cpuMilli - a.usage!.cpuMilli);
  if (sortBy === 'memory') measured.sort((a, b) => b.usage!.memoryMiB - a.usage!.memoryMiB);
  const containers = hasFlag(p, 'containers');
  const rows = measured.map((x) => [
    ...(all ? [x.namespace] : []),
    x.name,
    ...(containers ? [x.container.name] : []),
    cpu(x.usage!.cpuMilli),
    mem(x.usage!.memoryMiB),
  ]);
  const head = [
    ...(all ? ['NAMESPACE'] : []),
    containers ? 'POD' : 'NAME',
    ...(containers ? ['NAME'] : []),
    'CPU(cores)',
    'MEMORY(bytes)',
  ];
  const text = columns(headers ? [head, ...rows] : rows) + '\n';
  return result(text, {
    actions: [inspect('resource-usage', name ?? sel ?? (all ? 'all' : namespace))],
  });
}
