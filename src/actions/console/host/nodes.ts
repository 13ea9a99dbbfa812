/**
 * Node-level figures a container sees through the shared kernel: memory, load averages (from the
 * sim's CPU series over 1, 5 and 15 minutes) and CPU shares. Nodes are 16-core, 64 GiB machines,
 * as `kubectl describe node` shows them.
 */
import { M } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { PLATFORM_PODS } from '../network/zone.ts';
import type { Machine } from './machine.ts';

export const NODE_CPUS = 16;
/** MemTotal of a 64 GiB instance, KiB (the kernel keeps some for itself). */
export const NODE_MEM_KIB = 65_038_412;

/** Mean of the last `n` samples of a series (the latest value when there are fewer). */
export function seriesMean(view: ConsoleView, key: string, n: number): number {
  const i = M[key];
  if (i === undefined) return 0;
  const v = view.recorder.metrics.values(i);
  if (v.length === 0) return 0;
  const tail = v.slice(-n);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}

/** Cores in use on a node over the last `n` seconds, from the CPU series of what runs there. */
function nodeCores(view: ConsoleView, node: string, n: number): number {
  const s = view.state;
  let cores = 0.35; // kubelet, containerd, kube-proxy, the node exporter
  for (const p of s.pods) {
    if (p.node !== node || p.phase !== 'Running') continue;
    const limit = s.deployments[p.deployment].cpuLimitMillicores / 1000;
    const key =
      p.deployment === 'api' ? 'api_cpu' : p.deployment === 'web' ? 'web_cpu' : 'coredns_cpu';
    cores += seriesMean(view, key, n) * limit;
  }
  if (PLATFORM_PODS['pg-primary-0']!.node === node)
    cores += seriesMean(view, 'pg_cpu', n) * s.config.postgres.cores;
  if (PLATFORM_PODS['pg-replica-0']!.node === node)
    cores += seriesMean(view, 'replica_cpu', n) * s.config.postgres.replicaCores;
  if (PLATFORM_PODS['redis-master-0']!.node === node)
    cores += 0.02 + seriesMean(view, 'redis_ops', n) / 40_000;
  return cores;
}

/** Memory the node's pods hold, KiB. */
function nodeUsedKiB(view: ConsoleView, node: string): number {
  const s = view.state;
  let mib = 1_900; // system daemons and kernel
  for (const p of s.pods) if (p.node === node && p.phase === 'Running') mib += p.memoryMiB;
  if (PLATFORM_PODS['pg-primary-0']!.node === node) mib += 9_800 + 14 * s.db.serverConns;
  if (PLATFORM_PODS['pg-replica-0']!.node === node) mib += 8_900;
  if (PLATFORM_PODS['redis-master-0']!.node === node) {
    const bytes = view.recorder.metrics.latest(M.redis_memory!);
    mib += (Number.isFinite(bytes) ? bytes : s.config.redis.workingSetBytes) / 1_048_576 + 9;
  }
  return Math.round(mib * 1024);
}

/** The node-wide part of a machine: memory, load, CPU shares. */
export function nodeView(
  view: ConsoleView,
  node: string,
): Pick<Machine, 'cpus' | 'mem' | 'load' | 'cpu'> {
  const s = view.state;
  const used = nodeUsedKiB(view, node);
  // Page cache grows with what the node reads; the database nodes cache the most.
  const cacheKiB = Math.round(
    (node === PLATFORM_PODS['pg-primary-0']!.node || node === PLATFORM_PODS['pg-replica-0']!.node
      ? 38
      : 14) *
      1024 *
      1024,
  );
  const buffKiB = 412_000;
  const free = Math.max(200_000, NODE_MEM_KIB - used - cacheKiB - buffKiB);
  const load = [60, 300, 900].map((n) => nodeCores(view, node, n) + 0.1) as [
    number,
    number,
    number,
  ];
  const busy = Math.min(1, nodeCores(view, node, 5) / NODE_CPUS);
  const io = node === PLATFORM_PODS['pg-primary-0']!.node ? Math.min(40, s.db.ioUtil * 25) : 0.1;
  const us = busy * 100 * 0.82;
  const sy = busy * 100 * 0.13 + 0.3;
  const si = busy * 100 * 0.03;
  return {
    cpus: NODE_CPUS,
    mem: {
      totalKiB: NODE_MEM_KIB,
      usedKiB: used,
      freeKiB: free,
      sharedKiB: 3_120,
      buffKiB,
      cacheKiB,
      availKiB: Math.round(free + cacheKiB * 0.85 + buffKiB),
    },
    load,
    cpu: { us, sy, ni: 0, id: Math.max(0, 100 - us - sy - si - io), wa: io, hi: 0, si, st: 0 },
  };
}
