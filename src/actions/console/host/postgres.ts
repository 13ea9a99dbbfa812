/**
 * The PostgreSQL pods: the postmaster, its auxiliary processes and one backend per server
 * connection PgBouncer holds (active, idle, or idle in transaction as the sim counts them).
 */
import { POD_IP } from '../addresses.ts';
import { clusterNames } from '../../../sim/index.ts';
import { isPrimaryAccepting } from '../../../sim/requests.ts';
import type { ConsoleView } from '../types.ts';
import { word } from '../network/draw.ts';
import { podResolver } from '../network/resolver.ts';
import { PLATFORM_PODS } from '../network/zone.ts';
import {
  containerMounts,
  cpuSince,
  DAY,
  DEBIAN_TOOLS,
  GiB,
  kubeEnv,
  MiB,
  now,
  podFiles,
  proc,
  secretValue,
  serviceEnv,
  sockets,
} from './common.ts';
import type { Machine, Proc } from './machine.ts';
import { nodeView } from './nodes.ts';

function pgBackends(view: ConsoleView, start: number, firstPid: number): Proc[] {
  const s = view.state;
  const db = s.db;
  const out: Proc[] = [];
  const pgbouncerIp = POD_IP.pgbouncer;
  const total = Math.round(db.serverConns);
  const active = Math.min(total, Math.round(db.activeBackends));
  const idleTx = Math.min(total - active, Math.round(db.idleInTxBackends));
  const cpuTotal = Math.min(db.cpuUtil, 1.2) * s.config.postgres.cores * 100;
  const perActive = active > 0 ? Math.min(100, (cpuTotal * 0.92) / active) : 0;
  for (let i = 0; i < total; i++) {
    const state = i < active ? 'SELECT' : i < active + idleTx ? 'idle in transaction' : 'idle';
    const port = 40_000 + (word('pgport', i) % 20_000);
    const born = now(s) - ((word('pgborn', i, Math.floor(s.t / 3_600_000)) % 3_000) + 60) * 1000;
    out.push(
      proc({
        pid: firstPid + i * 7 + (word('pgpid', i) % 5),
        ppid: 1,
        user: 'postgres',
        comm: 'postgres',
        args: `postgres: ${clusterNames.DB_USER} ${clusterNames.DB_NAME} ${pgbouncerIp}(${port}) ${state}`,
        startEpochMs: Math.max(start, born),
        cpu: i < active ? perActive : 0,
        state: i < active ? 'R' : 'S',
        // Backends' resident memory is mostly the shared buffers pages they touched.
        rssKiB: 180_000 + (word('pgrss', i) % 400_000),
        vszKiB: 8_812_000,
        shrKiB: 160_000 + (word('pgrss', i) % 400_000) * 0.92,
        cpuSeconds: ((now(s) - Math.max(start, born)) / 1000) * (i < active ? 0.3 : 0.01),
      }),
    );
  }
  for (const m of db.migrations) {
    if (m.cancelled || s.t >= m.until) continue;
    out.push(
      proc({
        pid: m.pid,
        ppid: 1,
        user: 'postgres',
        comm: 'postgres',
        args: `postgres: ${clusterNames.DB_USER} ${clusterNames.DB_NAME} 10.244.4.41(51200) ALTER TABLE waiting`,
        startEpochMs: now(s) - 60_000,
        rssKiB: 24_000,
        vszKiB: 8_812_000,
        shrKiB: 20_000,
      }),
    );
  }
  return out;
}

export function postgresMachine(view: ConsoleView, name: 'pg-primary-0' | 'pg-replica-0'): Machine {
  const s = view.state;
  const info = PLATFORM_PODS[name]!;
  const primary = name === 'pg-primary-0';
  const start = s.config.startEpochMs - 19 * DAY - 3 * 3_600_000 + 3_000;
  const pg = (pid: number, title: string, share: number, extra: Partial<Proc> = {}): Proc =>
    proc({
      pid,
      ppid: pid === 1 ? 0 : 1,
      user: 'postgres',
      comm: 'postgres',
      args: title,
      startEpochMs: start,
      rssKiB: 42_000,
      vszKiB: 8_810_000,
      shrKiB: 38_000,
      cpuSeconds: cpuSince(s, start, share),
      ...extra,
    });
  const shared = 8_650_000;
  const procs: Proc[] = [
    pg(1, 'postgres', 0.001, { rssKiB: 31_400, shrKiB: 29_800 }),
    pg(27, 'postgres: checkpointer ', 0.002, { rssKiB: shared, shrKiB: shared - 4_000 }),
    pg(28, 'postgres: background writer ', 0.003, { rssKiB: 2_400_000, shrKiB: 2_396_000 }),
  ];
  if (primary) {
    const accepting = isPrimaryAccepting(s);
    if (!accepting) {
      procs.push(
        pg(29, 'postgres: startup recovering 000000010000048A0000001C', 0.5, {
          cpu: 95,
          state: 'R',
        }),
      );
    } else {
      procs.push(
        pg(30, 'postgres: walwriter ', 0.004, { cpu: s.db.tps > 200 ? 0.7 : 0.3 }),
        pg(31, 'postgres: autovacuum launcher ', 0.0005),
        pg(32, 'postgres: logical replication launcher ', 0.0002),
      );
      if (s.db.replicaUp && !s.db.promoted)
        procs.push(
          pg(
            33,
            `postgres: walsender replicator ${PLATFORM_PODS['pg-replica-0']!.ip}(38416) streaming 48A/1C3E2F08`,
            0.004,
            { cpu: 1.3 },
          ),
        );
      procs.push(
        pg(35, 'postgres: autovacuum worker shop', 0, {
          cpu: 30,
          startEpochMs: now(s) - 42_000,
          state: 'R',
          cpuSeconds: 12.6,
        }),
      );
      procs.push(
        pg(40, `postgres: postgres_exporter postgres ${POD_IP.exporter}(42218) idle`, 0.001),
        ...pgBackends(view, start, 1_000),
      );
      for (const b of s.db.indexBuilds)
        if (s.t < b.doneAt)
          procs.push(
            pg(61_204, `postgres: postgres ${clusterNames.DB_NAME} [local] CREATE INDEX`, 1, {
              cpu: 99.3,
              state: 'R',
              startEpochMs: s.config.startEpochMs + b.startedAt,
            }),
          );
    }
  } else {
    const replicaCores = s.db.replicaCpuUtil * s.config.postgres.replicaCores;
    procs.push(
      pg(29, 'postgres: startup recovering 000000010000048A0000001C', 0.02, {
        cpu: s.db.replicaUp ? 6 : 0,
      }),
      pg(30, 'postgres: walreceiver streaming 48A/1C3E2F08', 0.003, { cpu: 0.7 }),
    );
    const active = Math.max(0, Math.round(replicaCores * 0.8));
    for (let i = 0; i < 8 + active; i++)
      procs.push(
        pg(
          900 + i * 3,
          `postgres: ${clusterNames.DB_USER} ${clusterNames.DB_NAME} 10.244.2.31(${41_000 + i}) ${i < active ? 'SELECT' : 'idle'}`,
          0.01,
          {
            cpu: i < active ? Math.min(100, (replicaCores * 100) / Math.max(1, active)) : 0,
            state: i < active ? 'R' : 'S',
            rssKiB: 220_000,
            shrKiB: 200_000,
          },
        ),
      );
  }
  const db = s.db;
  const env: [string, string][] = [
    ['HOSTNAME', name],
    ['POSTGRES_DB', clusterNames.DB_NAME],
    ['PGDATA', '/var/lib/postgresql/data/pgdata'],
    ['POSTGRES_PASSWORD', secretValue('pg-superuser')],
    ...(primary ? [] : ([['PRIMARY_HOST', clusterNames.PG_PRIMARY_HOST]] as [string, string][])),
    [
      'PATH',
      '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/15/bin',
    ],
    ['GOSU_VERSION', '1.17'],
    ['LANG', 'en_US.utf8'],
    ['PG_MAJOR', '15'],
    ['PG_VERSION', `${s.config.postgres.version}-1.pgdg120+2`],
    ...serviceEnv(s, 'db'),
    ...kubeEnv(),
    ['HOME', '/root'],
  ];
  const volumeUsed = primary ? db.diskUsedBytes : db.dataBytes + 0.6 * GiB;
  const retained = db.slots.reduce((m, sl) => Math.max(m, sl.retainedBytes), 0);
  const walDir = primary ? Math.max(db.walBytes, retained) : 0.6 * GiB;
  const estab = primary
    ? Math.round(db.serverConns) + 7 + (db.replicaUp && !db.promoted ? 1 : 0)
    : 10;
  return {
    hostname: name,
    kind: 'postgres',
    flavour: 'procps',
    tools: new Set(DEBIAN_TOOLS),
    ...nodeView(view, info.node),
    bootEpochMs: s.config.startEpochMs - 23 * DAY,
    users: 0,
    procs,
    mounts: [
      ...containerMounts(s, info.node, 32 * GiB).slice(0, 3),
      {
        source: '/dev/nvme1n1',
        size: db.diskBytes,
        used: Math.min(db.diskBytes, volumeUsed),
        target: '/var/lib/postgresql/data',
      },
      ...containerMounts(s, info.node, 32 * GiB).slice(3),
    ],
    sockets: sockets(estab, 1, 1, { timewait: primary ? 4 : 1, total: estab + 24 }),
    env,
    files: podFiles(
      s,
      name,
      info.ip,
      podResolver(s, 'db', null),
      `${name}.${name.replace(/-0$/, '')}.db.svc.cluster.local`,
    ),
    resolver: podResolver(s, 'db', null),
    dirs: {
      '/var/lib/postgresql/data': volumeUsed,
      '/var/lib/postgresql/data/pgdata': volumeUsed - 16_384,
      '/var/lib/postgresql/data/pgdata/base': Math.max(0, volumeUsed - walDir - 180 * MiB),
      '/var/lib/postgresql/data/pgdata/pg_wal': walDir,
      '/var/lib/postgresql/data/pgdata/pg_wal/archive_status': 4096 * 12,
      '/var/lib/postgresql/data/pgdata/log': 170 * MiB,
    },
    pod: name,
  };
}
