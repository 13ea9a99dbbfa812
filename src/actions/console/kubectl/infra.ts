/**
 * The cluster's fixed frame: nodes, namespaces, and what the sim's recorder knows at this
 * moment, as the builders of the platform's objects read it.
 */
import type { SimEvent, SimState } from '../../../sim/index.ts';
import { clusterNames, DAY, HOUR, MINUTE } from '../../../sim/index.ts';
import type { KNamespace, KNode } from './model.ts';

const { fnv1a32 } = clusterNames;

export const NODE_NAMES = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6'] as const;
export const NODE_CPU_MILLI = 16_000;
export const NODE_MEMORY_MIB = 64 * 1024;

/** What the sim's recorder knows right now, as the platform builders need it. */
export type Inputs = {
  s: SimState;
  /** Latest value of a metric by key (0 before the first sample). */
  metric: (key: string) => number;
  events: readonly SimEvent[];
};

/** A deterministic ±7% wobble that changes with each 15 s metrics-server scrape. */
export function wobble(key: string, t: number): number {
  return 0.93 + ((fnv1a32(`${key}/${Math.floor(t / 15_000)}`) % 1000) / 1000) * 0.14;
}

export const NAMESPACES: readonly KNamespace[] = [
  { name: 'default', createdAt: -402 * DAY },
  { name: 'kube-node-lease', createdAt: -402 * DAY },
  { name: 'kube-public', createdAt: -402 * DAY },
  { name: 'kube-system', createdAt: -402 * DAY },
  { name: 'ingress-nginx', createdAt: -389 * DAY - 2 * HOUR },
  { name: 'prod', createdAt: -389 * DAY },
  { name: 'db', createdAt: -389 * DAY + HOUR },
  { name: 'cache', createdAt: -389 * DAY + 2 * HOUR },
];

export const nodeIp = (node: string): string => `10.0.1.${10 + Number(node.slice(5))}`;

export function nodes(): KNode[] {
  return NODE_NAMES.map((name, i) => ({
    name,
    ip: nodeIp(name),
    // The node pool was last replaced three weeks ago, a node at a time.
    createdAt: -(23 * DAY + 4 * HOUR) + i * 7 * MINUTE,
    cpuMilli: NODE_CPU_MILLI,
    memoryMiB: NODE_MEMORY_MIB,
    allocCpuMilli: NODE_CPU_MILLI - 110,
    allocMemoryMiB: NODE_MEMORY_MIB - 3 * 1024,
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': 'm6i.4xlarge',
      'topology.kubernetes.io/zone': `eu-west-1${'abc'[i % 3]}`,
    },
  }));
}
