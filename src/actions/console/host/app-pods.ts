/**
 * The containers of the sim's deployments: the Go API (distroless with BusyBox), the Next.js web
 * tier (Alpine) and CoreDNS (a static binary and nothing else).
 */
import { clusterNames, M } from '../../../sim/index.ts';
import type { Pod } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { podResolver } from '../network/resolver.ts';
import {
  BUSYBOX_TOOLS,
  containerMounts,
  cpuSince,
  DAY,
  kubeEnv,
  MiB,
  podFiles,
  proc,
  secretValue,
  serviceEnv,
  sockets,
} from './common.ts';
import type { Machine } from './machine.ts';
import { nodeView } from './nodes.ts';

export function apiMachine(view: ConsoleView, pod: Pod): Machine {
  const s = view.state;
  const node = nodeView(view, pod.node);
  const start = s.config.startEpochMs + pod.startedAt;
  const cores = pod.cpuUtil * (s.deployments.api.cpuLimitMillicores / 1000);
  const stormHosts = s.faults.flatMap((f) =>
    f.spec.kind === 'dnsLookupStorm' &&
    (f.spec.version === undefined || f.spec.version === pod.version)
      ? [f.spec.host]
      : [],
  );
  const env: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/busybox'],
    ['HOSTNAME', pod.name],
    ['DB_HOST', clusterNames.PGBOUNCER_HOST],
    ['DB_PORT', '6432'],
    ['DB_NAME', clusterNames.DB_NAME],
    ['DB_USER', clusterNames.DB_USER],
    ['DB_PASSWORD', secretValue('api-db')],
    ['DB_MAX_CONNS', String(pod.poolMaxConns)],
    ['REDIS_ADDR', `${clusterNames.REDIS_HOST}:6379`],
    ['PAYMENTS_URL', `https://${s.config.payments.host}`],
    ...stormHosts.map((h): [string, string] => ['FEATURE_FLAGS_URL', `https://${h}/v1/flags`]),
    ['GOMAXPROCS', '2'],
    ...serviceEnv(s, s.config.namespace),
    ...kubeEnv(),
    ['SSL_CERT_FILE', '/etc/ssl/certs/ca-certificates.crt'],
    ['HOME', '/home/nonroot'],
  ];
  return {
    hostname: pod.name,
    kind: 'api',
    flavour: 'busybox',
    tools: new Set(BUSYBOX_TOOLS),
    ...node,
    bootEpochMs: s.config.startEpochMs - 23 * DAY,
    users: 0,
    procs: [
      proc({
        pid: 1,
        user: 'nonroot',
        comm: 'api',
        args: '/app/api',
        startEpochMs: start,
        cpu: cores * 100,
        rssKiB: Math.round(pod.memoryMiB * 1024),
        vszKiB: 1_262_000 + Math.round(pod.memoryMiB * 900),
        shrKiB: 11_400,
        state: cores > 0.9 ? 'R' : 'S',
        cpuSeconds: cpuSince(s, start, Math.max(0.02, cores * 0.7)),
      }),
    ],
    mounts: containerMounts(s, pod.node, pod.memoryLimitMiB * MiB),
    sockets: sockets(pod.poolOpen + 12, 1, 1, { timewait: 20, total: pod.poolOpen + 80 }),
    env,
    files: podFiles(
      s,
      pod.name,
      clusterNames.podIp(pod.uid),
      podResolver(s, s.config.namespace, pod),
      null,
    ),
    resolver: podResolver(s, s.config.namespace, pod),
    dirs: {},
    pod: pod.name,
  };
}

export function webMachine(view: ConsoleView, pod: Pod): Machine {
  const s = view.state;
  const start = s.config.startEpochMs + pod.startedAt;
  const webCpu = view.recorder.metrics.latest(M.web_cpu!);
  const cores =
    (Number.isFinite(webCpu) ? webCpu : 0.1) * (s.deployments.web.cpuLimitMillicores / 1000);
  return {
    hostname: pod.name,
    kind: 'web',
    flavour: 'busybox',
    tools: new Set(BUSYBOX_TOOLS),
    ...nodeView(view, pod.node),
    bootEpochMs: s.config.startEpochMs - 23 * DAY,
    users: 0,
    procs: [
      proc({
        pid: 1,
        user: 'nextjs',
        comm: 'node',
        args: 'node server.js',
        startEpochMs: start,
        cpu: cores * 100,
        rssKiB: Math.round(pod.memoryMiB * 1024),
        vszKiB: 22_300_000,
        shrKiB: 48_000,
        cpuSeconds: cpuSince(s, start, Math.max(0.02, cores * 0.7)),
      }),
    ],
    mounts: containerMounts(s, pod.node, pod.memoryLimitMiB * MiB),
    sockets: sockets(30, 1, 1, { timewait: 60, total: 120 }),
    env: [
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['HOSTNAME', '0.0.0.0'],
      ['NODE_VERSION', '20.12.2'],
      ['YARN_VERSION', '1.22.19'],
      ['NODE_ENV', 'production'],
      ['NEXT_TELEMETRY_DISABLED', '1'],
      ['PORT', '3000'],
      ['API_URL', `http://${clusterNames.API_SERVICE}:8080`],
      ...serviceEnv(s, s.config.namespace),
      ...kubeEnv(),
      ['HOME', '/home/nextjs'],
    ],
    files: podFiles(
      s,
      pod.name,
      clusterNames.podIp(pod.uid),
      podResolver(s, s.config.namespace, pod),
      null,
    ),
    resolver: podResolver(s, s.config.namespace, pod),
    dirs: {},
    pod: pod.name,
  };
}

/** CoreDNS ships as a single static binary: no shell, no tools. */
export function corednsMachine(view: ConsoleView, pod: Pod): Machine {
  const base = webMachine(view, pod);
  return { ...base, kind: 'coredns', tools: new Set(), procs: [], env: [] };
}
