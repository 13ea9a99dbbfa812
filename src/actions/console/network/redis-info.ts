/**
 * Redis 7.2's INFO, from the sim's cache state. Counters are cumulative since the server started:
 * the sim counts from the start of the run, so the weeks of uptime before it are added as a
 * baseline at the configured hit ratio. A restart (the `cacheFlush` fault) resets them, and
 * `uptime_in_seconds` with them; FLUSHALL empties the keyspace but keeps the counters.
 */
import { in1024s } from '../format.ts';
import { M } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';
import { word } from './draw.ts';

/** Keys in the working set when the cache is full (the sim's hot set, plus a cold tail). */
export const FULL_KEYS = 412_000;
const NODE_MEMORY = 16 * 1024 ** 3;

/** Redis's bytesToHuman: `4.00G`, `312.50M`, `31.00K`, `980B`. */
export function redisHuman(bytes: number): string {
  const { value: v, unit } = in1024s(bytes);
  return unit === 'B' ? `${Math.round(v)}B` : `${v.toFixed(2)}${unit}`;
}

const hex = (seed: string, n: number): string => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += word(seed, i).toString(16).padStart(8, '0');
  return out.slice(0, n);
};

export type RedisFigures = {
  uptimeSec: number;
  usedMemory: number;
  peakMemory: number;
  keys: number;
  hits: number;
  misses: number;
  evicted: number;
  expired: number;
  opsPerSec: number;
  clients: number;
  connectionsReceived: number;
  commandsProcessed: number;
  runId: string;
  restartedInRun: boolean;
};

export function redisFigures(view: ConsoleView): RedisFigures {
  const s = view.state;
  const r = s.redis;
  const cfg = s.config;
  const uptimeSec = Math.max(0, Math.floor((s.t - r.uptimeStartMs) / 1000));
  const restartedInRun = r.uptimeStartMs >= 0;
  // Lookups per second averaged over a day: product reads plus the product calls of page views.
  const avgLookups =
    (cfg.endpoints.products.peakRps + cfg.endpoints.page.peakRps) *
    ((1 + cfg.traffic.troughRatio) / 2);
  const before = restartedInRun ? 0 : -r.uptimeStartMs / 1000;
  const baseHits = Math.round(avgLookups * before * cfg.redis.hitRatio);
  const baseMisses = Math.round(avgLookups * before * (1 - cfg.redis.hitRatio));
  const hits = baseHits + Math.round(r.hits);
  const misses = baseMisses + Math.round(r.misses);
  const usedMemory = Math.round(cfg.redis.workingSetBytes * (0.25 + 0.75 * r.filled));
  const series = view.recorder.metrics.values(M.redis_memory!);
  const seen = series.length > 0 ? Math.max(...series) : usedMemory;
  const fullBefore = cfg.redis.workingSetBytes;
  const peakMemory = Math.round(Math.max(usedMemory, seen, restartedInRun ? 0 : fullBefore));
  const readyApi = s.pods.filter((p) => p.deployment === 'api' && p.ready).length;
  const ops = view.recorder.metrics.latest(M.redis_ops!);
  const restarts = s.pods.filter((p) => p.deployment === 'api').reduce((n, p) => n + p.restarts, 0);
  return {
    uptimeSec,
    usedMemory,
    peakMemory,
    keys: Math.round(FULL_KEYS * r.filled),
    hits,
    misses,
    evicted: Math.round(r.evictedKeys),
    expired: Math.round(misses * 0.97),
    opsPerSec: Number.isFinite(ops) ? Math.round(ops) : 0,
    // go-redis keeps a pool of 10 per API pod; plus the exporter and this client.
    clients: readyApi * 10 + 2,
    connectionsReceived:
      40 + Math.round(uptimeSec / 600) + restarts * 10 + (word('conns', r.uptimeStartMs) % 400),
    commandsProcessed: hits + misses * 2 + Math.round(uptimeSec * 0.2),
    runId: hex(`run/${r.uptimeStartMs}`, 40),
    restartedInRun,
  };
}

export const INFO_SECTIONS = [
  'server',
  'clients',
  'memory',
  'persistence',
  'stats',
  'replication',
  'cpu',
  'modules',
  'errorstats',
  'cluster',
  'keyspace',
] as const;
export type InfoSection = (typeof INFO_SECTIONS)[number];

function section(view: ConsoleView, f: RedisFigures, name: InfoSection): string[] {
  const s = view.state;
  const epochMs = s.config.startEpochMs + s.t;
  const maxmemory = s.config.redis.maxmemoryBytes;
  const rss = Math.round(f.usedMemory * 1.07 + 9_000_000);
  const overhead = Math.round(1_100_000 + f.keys * 72);
  switch (name) {
    case 'server':
      return [
        '# Server',
        'redis_version:7.2.5',
        'redis_git_sha1:00000000',
        'redis_git_dirty:0',
        'redis_build_id:5f1f6e1b8f0c2c6d',
        'redis_mode:standalone',
        'os:Linux 5.15.0-1057-aws x86_64',
        'arch_bits:64',
        'monotonic_clock:POSIX clock_gettime',
        'multiplexing_api:epoll',
        'atomicvar_api:c11-builtin',
        'gcc_version:12.2.0',
        'process_id:1',
        'process_supervised:no',
        `run_id:${f.runId}`,
        'tcp_port:6379',
        `server_time_usec:${Math.floor(epochMs)}000`,
        `uptime_in_seconds:${f.uptimeSec}`,
        `uptime_in_days:${Math.floor(f.uptimeSec / 86400)}`,
        'hz:10',
        'configured_hz:10',
        `lru_clock:${Math.floor(epochMs / 1000) % 16777216}`,
        'executable:/data/redis-server',
        'config_file:',
        'io_threads_active:0',
        'listener0:name=tcp,bind=*,bind=-::*,port=6379',
      ];
    case 'clients':
      return [
        '# Clients',
        `connected_clients:${f.clients}`,
        'cluster_connections:0',
        'maxclients:10000',
        'client_recent_max_input_buffer:20480',
        'client_recent_max_output_buffer:0',
        'blocked_clients:0',
        'tracking_clients:0',
        'clients_in_timeout_table:0',
        'total_blocking_keys:0',
        'total_blocking_keys_on_nokey:0',
      ];
    case 'memory': {
      const dataset = Math.max(0, f.usedMemory - overhead);
      return [
        '# Memory',
        `used_memory:${f.usedMemory}`,
        `used_memory_human:${redisHuman(f.usedMemory)}`,
        `used_memory_rss:${rss}`,
        `used_memory_rss_human:${redisHuman(rss)}`,
        `used_memory_peak:${f.peakMemory}`,
        `used_memory_peak_human:${redisHuman(f.peakMemory)}`,
        `used_memory_peak_perc:${((f.usedMemory / Math.max(1, f.peakMemory)) * 100).toFixed(2)}%`,
        `used_memory_overhead:${overhead}`,
        'used_memory_startup:865480',
        `used_memory_dataset:${dataset}`,
        `used_memory_dataset_perc:${((dataset / Math.max(1, f.usedMemory - 865480)) * 100).toFixed(2)}%`,
        `total_system_memory:${NODE_MEMORY}`,
        `total_system_memory_human:${redisHuman(NODE_MEMORY)}`,
        'used_memory_lua:31744',
        'used_memory_lua_human:31.00K',
        `maxmemory:${maxmemory}`,
        `maxmemory_human:${redisHuman(maxmemory)}`,
        'maxmemory_policy:allkeys-lru',
        'allocator_frag_ratio:1.01',
        `mem_fragmentation_ratio:${(rss / Math.max(1, f.usedMemory)).toFixed(2)}`,
        'mem_allocator:jemalloc-5.3.0',
        'lazyfree_pending_objects:0',
      ];
    }
    case 'persistence':
      return [
        '# Persistence',
        'loading:0',
        'async_loading:0',
        `rdb_changes_since_last_save:${f.misses}`,
        'rdb_bgsave_in_progress:0',
        `rdb_last_save_time:${Math.floor((s.config.startEpochMs + s.redis.uptimeStartMs) / 1000)}`,
        'rdb_last_bgsave_status:ok',
        'aof_enabled:0',
        'aof_rewrite_in_progress:0',
      ];
    case 'stats':
      return [
        '# Stats',
        `total_connections_received:${f.connectionsReceived}`,
        `total_commands_processed:${f.commandsProcessed}`,
        `instantaneous_ops_per_sec:${f.opsPerSec}`,
        `total_net_input_bytes:${f.commandsProcessed * 58}`,
        `total_net_output_bytes:${f.hits * 2210 + f.misses * 5}`,
        `instantaneous_input_kbps:${((f.opsPerSec * 58) / 1024).toFixed(2)}`,
        `instantaneous_output_kbps:${((f.opsPerSec * 0.6 * 2210) / 1024).toFixed(2)}`,
        'rejected_connections:0',
        'sync_full:0',
        'sync_partial_ok:0',
        'sync_partial_err:0',
        `expired_keys:${f.expired}`,
        'expired_stale_perc:0.00',
        'expired_time_cap_reached_count:0',
        `evicted_keys:${f.evicted}`,
        'evicted_clients:0',
        `keyspace_hits:${f.hits}`,
        `keyspace_misses:${f.misses}`,
        'pubsub_channels:0',
        'pubsub_patterns:0',
        'latest_fork_usec:0',
        'total_forks:0',
        'total_error_replies:0',
        `total_reads_processed:${f.commandsProcessed + f.clients}`,
        `total_writes_processed:${f.commandsProcessed}`,
      ];
    case 'replication':
      return [
        '# Replication',
        'role:master',
        'connected_slaves:0',
        'master_failover_state:no-failover',
        `master_replid:${hex(`replid/${s.redis.uptimeStartMs}`, 40)}`,
        'master_replid2:0000000000000000000000000000000000000000',
        'master_repl_offset:0',
        'second_repl_offset:-1',
        'repl_backlog_active:0',
        'repl_backlog_size:1048576',
        'repl_backlog_first_byte_offset:0',
        'repl_backlog_histlen:0',
      ];
    case 'cpu':
      return [
        '# CPU',
        `used_cpu_sys:${(f.uptimeSec * 0.021).toFixed(6)}`,
        `used_cpu_user:${(f.uptimeSec * 0.034).toFixed(6)}`,
        'used_cpu_sys_children:0.000000',
        'used_cpu_user_children:0.000000',
      ];
    case 'modules':
      return ['# Modules'];
    case 'errorstats':
      return ['# Errorstats'];
    case 'cluster':
      return ['# Cluster', 'cluster_enabled:0'];
    case 'keyspace': {
      const ttl = s.config.redis.ttlMs;
      return f.keys > 0
        ? [
            '# Keyspace',
            `db0:keys=${f.keys},expires=${f.keys},avg_ttl=${Math.round(ttl * 0.5 + (word('ttl', s.t) % 9000))}`,
          ]
        : ['# Keyspace'];
    }
  }
}

/** The INFO text for a section name, `default`/`all`/none for all of them; null if unknown. */
export function infoText(view: ConsoleView, which: string | undefined): string | null {
  const f = redisFigures(view);
  const name = (which ?? 'default').toLowerCase();
  const names: readonly InfoSection[] =
    name === 'default' || name === 'all' || name === 'everything'
      ? INFO_SECTIONS
      : (INFO_SECTIONS as readonly string[]).includes(name)
        ? [name as InfoSection]
        : [];
  if (names.length === 0) return null;
  return names.map((n) => section(view, f, n).join('\n')).join('\n\n') + '\n';
}
