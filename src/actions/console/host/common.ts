/**
 * Building blocks shared by the machine builders: process and socket records, the mounts every
 * container gets, the environment kubelet injects, and the pod files kubelet writes.
 */
import type { SimState } from '../../../sim/index.ts';
import { word } from '../network/draw.ts';
import type { ResolverConf } from '../network/resolver.ts';
import { clusterServices } from '../network/zone.ts';
import { etcHosts, resolvConf } from './files.ts';
import type { Mount, Proc, Sockets } from './machine.ts';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;
export const DAY = 86_400_000;

export const now = (s: SimState): number => s.config.startEpochMs + s.t;

export const BUSYBOX_TOOLS = [
  'cat',
  'env',
  'printenv',
  'ps',
  'top',
  'free',
  'df',
  'du',
  'nslookup',
  'hostname',
  'uptime',
];
export const DEBIAN_TOOLS = [
  'cat',
  'env',
  'printenv',
  'ps',
  'top',
  'free',
  'df',
  'du',
  'hostname',
  'uptime',
  'ss',
];

export function proc(
  p: Partial<Proc> & Pick<Proc, 'pid' | 'comm' | 'args' | 'user' | 'startEpochMs'>,
): Proc {
  return {
    ppid: 0,
    cpu: 0,
    rssKiB: 4_000,
    vszKiB: 12_000,
    shrKiB: 3_000,
    state: 'S',
    cpuSeconds: 0,
    tty: '?',
    nice: 0,
    ...p,
  };
}

/** CPU seconds a process has used since `start`, at an average share of a core. */
export const cpuSince = (s: SimState, start: number, share: number): number =>
  Math.max(0, ((now(s) - start) / 1000) * share);

export function sockets(
  estab: number,
  listen: number,
  listen6: number,
  extra: Partial<Sockets> = {},
): Sockets {
  return {
    estab,
    timewait: 0,
    closed: 0,
    orphaned: 0,
    listen,
    listen6,
    udp: 0,
    udp6: 0,
    raw: 0,
    total: estab + listen + 40,
    ...extra,
  };
}

export const containerMounts = (s: SimState, node: string, memLimitBytes: number): Mount[] => {
  const rootUsed = (31 + (word('root', node) % 14)) * GiB + (s.t % 997) * 4096;
  return [
    { source: 'overlay', size: 100 * GiB, used: rootUsed, target: '/' },
    { source: 'tmpfs', size: 64 * MiB, used: 0, target: '/dev' },
    { source: 'shm', size: 64 * MiB, used: 0, target: '/dev/shm' },
    { source: '/dev/nvme0n1p1', size: 100 * GiB, used: rootUsed, target: '/etc/hosts' },
    {
      source: 'tmpfs',
      size: memLimitBytes,
      used: 12 * 1024,
      target: '/run/secrets/kubernetes.io/serviceaccount',
    },
    { source: 'tmpfs', size: 31.4 * GiB, used: 0, target: '/proc/acpi' },
    { source: 'tmpfs', size: 31.4 * GiB, used: 0, target: '/sys/firmware' },
  ];
};

export const kubeEnv = (): [string, string][] => [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

/** The `<NAME>_SERVICE_HOST` variables kubelet injects for the Services of the pod's namespace. */
export function serviceEnv(s: SimState, namespace: string): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of clusterServices(s)) {
    if (svc.namespace !== namespace) continue;
    const name = svc.name.toUpperCase().replace(/-/g, '_');
    const ip = svc.addresses[0]!;
    const port = svc.ports[0]!;
    out.push(
      [`${name}_SERVICE_HOST`, ip],
      [`${name}_SERVICE_PORT`, String(port.port)],
      [`${name}_PORT`, `tcp://${ip}:${port.port}`],
    );
  }
  return out;
}

export const secretValue = (seed: string): string => {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 24; i++) out += alphabet[word('secret', seed, i) % alphabet.length];
  return out;
};

export function podFiles(
  s: SimState,
  name: string,
  ip: string,
  resolver: ResolverConf,
  fqdn: string | null,
): Record<string, string> {
  return {
    '/etc/resolv.conf': resolvConf(resolver, true),
    '/etc/hosts': etcHosts(name, ip, fqdn),
    '/etc/hostname': `${name}\n`,
    '/etc/os-release': osRelease(s, name),
  };
}

function osRelease(_s: SimState, name: string): string {
  if (name.startsWith('api-'))
    return 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n';
  if (name.startsWith('web-'))
    return 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
  return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\n';
}
