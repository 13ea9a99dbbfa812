/** The Redis pod: one redis-server, its memory and clients from the sim's cache state. */
import type { ConsoleView } from '../types.ts';
import { redisFigures } from '../network/redis-info.ts';
import { podResolver } from '../network/resolver.ts';
import { PLATFORM_PODS } from '../network/zone.ts';
import {
  containerMounts,
  DAY,
  DEBIAN_TOOLS,
  GiB,
  kubeEnv,
  podFiles,
  proc,
  serviceEnv,
  sockets,
} from './common.ts';
import type { Machine } from './machine.ts';
import { nodeView } from './nodes.ts';

export function redisMachine(view: ConsoleView): Machine {
  const s = view.state;
  const info = PLATFORM_PODS['redis-master-0']!;
  const f = redisFigures(view);
  const start = s.config.startEpochMs + s.redis.uptimeStartMs;
  const rss = Math.round((f.usedMemory * 1.07 + 9_000_000) / 1024);
  return {
    hostname: 'redis-master-0',
    kind: 'redis',
    flavour: 'procps',
    tools: new Set([...DEBIAN_TOOLS, 'redis-cli']),
    ...nodeView(view, info.node),
    bootEpochMs: s.config.startEpochMs - 23 * DAY,
    users: 0,
    procs: [
      proc({
        pid: 1,
        user: 'redis',
        comm: 'redis-server',
        args: 'redis-server *:6379',
        startEpochMs: start,
        cpu: 0.7 + f.opsPerSec / 300,
        rssKiB: rss,
        vszKiB: rss + 190_000,
        shrKiB: 4_608,
        cpuSeconds: f.uptimeSec * 0.055,
      }),
    ],
    mounts: [
      ...containerMounts(s, info.node, 5 * GiB).slice(0, 3),
      { source: '/dev/nvme2n1', size: 9.78 * GiB, used: 24 * 1024, target: '/data' },
      ...containerMounts(s, info.node, 5 * GiB).slice(3),
    ],
    sockets: sockets(f.clients, 1, 1, { timewait: 2, total: f.clients + 20 }),
    env: [
      ['HOSTNAME', 'redis-master-0'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ['GOSU_VERSION', '1.17'],
      ['REDIS_VERSION', '7.2.5'],
      ['REDIS_DOWNLOAD_URL', 'http://download.redis.io/releases/redis-7.2.5.tar.gz'],
      ...serviceEnv(s, 'cache'),
      ...kubeEnv(),
      ['HOME', '/root'],
    ],
    files: podFiles(
      s,
      'redis-master-0',
      info.ip,
      podResolver(s, 'cache', null),
      'redis-master-0.redis-master.cache.svc.cluster.local',
    ),
    resolver: podResolver(s, 'cache', null),
    dirs: { '/data': 4096 },
    pod: 'redis-master-0',
  };
}
