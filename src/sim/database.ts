/**
 * PgBouncer and PostgreSQL at the end of a step: who gets a server connection, how busy the
 * primary and the replica are, pg_stat_statements, WAL, replication lag, disk, checkpoints and
 * index builds. Utilisations computed here feed the next step's queueing delays.
 */
import { QUERY_IDS } from './config.ts';
import { faultEnabled } from './faults.ts';
import { templateId } from './log-templates.ts';
import type { DbLoad } from './requests.ts';
import { isPrimaryAccepting } from './requests.ts';
import type { Rng } from './rng.ts';
import type { StepSink } from './sink.ts';
import type { SimState } from './state.ts';
import { MINUTE, SECOND } from './time.ts';

const L = {
  tooMany: templateId('pg_too_many_clients'),
  loginFailed: templateId('pgb_login_failed'),
  maxClient: templateId('pgb_max_client_conn'),
  stats: templateId('pgb_stats'),
  ckptStart: templateId('pg_checkpoint_start'),
  ckptDone: templateId('pg_checkpoint_complete'),
  ckptFrequent: templateId('pg_checkpoints_too_frequent'),
  panic: templateId('pg_disk_full_panic'),
  terminated: templateId('pg_terminated_signal'),
  recovery: templateId('pg_recovery_mode'),
  ready: templateId('pg_ready'),
  indexDone: templateId('pg_index_done'),
  lockWait: templateId('pg_lock_wait'),
  idleTxTimeout: templateId('pg_idle_tx_timeout'),
  stmtTimeout: templateId('pg_statement_timeout'),
  serverCrashed: templateId('pgb_server_crashed'),
};

/** Backends the primary spends on things other than PgBouncer: exporter, cron, walsender, index builds, migrations. */
export function directBackends(s: SimState): number {
  return (
    s.config.postgres.otherClients +
    s.db.indexBuilds.length +
    s.db.migrations.filter((m) => !m.cancelled && s.t < m.until).length
  );
}

/** Connections PgBouncer may open to the primary before Postgres refuses. */
export function serverSlotsAvailable(s: SimState): number {
  if (!isPrimaryAccepting(s)) return 0;
  return Math.max(0, s.db.maxConnections - s.config.postgres.superuserReserved - directBackends(s));
}

/** PgBouncer (session pooling): each app connection pins one server connection. */
export function grantConnections(
  s: SimState,
  rng: Rng,
  t: number,
  sink: StepSink,
): { loginErrors: number } {
  const pgb = s.db.pgbouncer;
  let wanted = 0;
  for (const p of s.pods) if (p.deployment === 'api' && p.ready) wanted += p.poolOpen;
  const accepted = Math.min(wanted, pgb.maxClientConn);
  pgb.refusedClients = Math.max(0, wanted - accepted);
  pgb.clients = accepted;
  const serverWanted = Math.min(accepted, pgb.defaultPoolSize);
  const available = serverSlotsAvailable(s);
  const granted = Math.min(serverWanted, available);
  let loginErrors = 0;
  if (serverWanted > granted + 0.5 && isPrimaryAccepting(s)) {
    // Postgres refused PgBouncer: it caches the error for server_login_retry and fails clients with it.
    loginErrors = Math.ceil(serverWanted - granted);
    if (t >= pgb.loginFailingUntil) {
      pgb.loginFailingUntil = t + s.config.pgbouncer.serverLoginRetryMs;
      const pid = 20_000 + rng.int(40_000);
      sink.log(t + rng.int(1000), L.tooMany, sink.intern('pg-primary-0'), 0, 0, pid);
      sink.log(t + rng.int(1000), L.loginFailed, sink.intern('pgbouncer-0'), 0, 0, rng.int(4096));
    }
  }
  if (pgb.refusedClients > 0.5 && rng.chance(0.3)) {
    sink.log(
      t + rng.int(1000),
      L.maxClient,
      sink.intern('pgbouncer-0'),
      0,
      0,
      rng.int(100_000),
      sink.intern('10.244.3.17'),
    );
  }
  pgb.clientsWaiting = Math.max(0, accepted - granted);
  s.db.serverConns = granted;
  const ratio = accepted > 0 ? granted / accepted : 0;
  for (const p of s.pods) {
    if (p.deployment !== 'api') continue;
    p.poolUsable = p.ready ? p.poolOpen * ratio : 0;
  }
  return { loginErrors };
}

/** Everything the primary and the replica do with this step's load. */
export function advanceDatabase(
  s: SimState,
  load: DbLoad,
  rng: Rng,
  t: number,
  dtSec: number,
  sink: StepSink,
): { walRate: number; queryMeanMs: number } {
  const db = s.db;
  const cfg = s.config.postgres;
  const pgSrc = sink.intern('pg-primary-0');

  // Index builds: CONCURRENTLY scans the table twice and costs a core and IO while it runs.
  let buildCores = 0;
  let buildBlocks = 0;
  const stillBuilding = [];
  for (const b of db.indexBuilds) {
    if (t >= b.doneAt) {
      db.indexes = { ...db.indexes, [b.name]: 'valid' };
      sink.log(
        t,
        L.indexDone,
        pgSrc,
        0,
        0,
        4000 + rng.int(5000),
        b.doneAt - b.startedAt,
        sink.intern(
          `CREATE INDEX ${b.concurrently ? 'CONCURRENTLY ' : ''}${b.name} ON ${b.table} (${b.columns});`,
        ),
      );
    } else {
      buildCores += 1;
      buildBlocks += 9000;
      stillBuilding.push(b);
    }
  }
  db.indexBuilds = stillBuilding;

  // Background writers: a write-heavy job and its WAL.
  let jobWal = 0;
  let jobCores = 0;
  let slotExtra = 0;
  for (const f of s.faults) {
    if (!faultEnabled(f, s.flags)) continue;
    if (f.spec.kind === 'writeHeavyJob') {
      jobWal += f.spec.walBytesPerSec;
      jobCores += f.spec.cpuCores;
    }
    if (f.spec.kind === 'walRetention') slotExtra += f.spec.extraWalBytesPerSec;
  }
  const accepting = isPrimaryAccepting(s);
  const autovacuumCores = 0.3;
  const cpuCores = accepting ? load.primaryCpuCores + buildCores + jobCores + autovacuumCores : 0;
  db.cpuUtil = cpuCores / cfg.cores;
  db.ioUtil = accepting
    ? (load.primaryIoBlocks + buildBlocks + (jobWal / 8192) * 0.2) / cfg.ioBlocksPerSec
    : 0;
  db.replicaCpuUtil =
    db.replicaUp && !db.promoted ? (load.replicaCpuCores + 0.2) / cfg.replicaCores : 0;
  db.activeBackends = accepting ? load.activeBackends + buildCores + (jobCores > 0 ? 1 : 0) : 0;
  db.idleInTxBackends = accepting ? Math.min(load.idleInTxBackends, db.serverConns) : 0;
  db.lockWaiters = accepting ? load.lockWaiters : 0;
  db.tps = accepting ? load.transactions + 40 : 0;

  // pg_stat_statements.
  let totalCalls = 0;
  let totalMs = 0;
  for (const q of QUERY_IDS) {
    const rate = load.rate[q];
    if (!(rate > 0)) continue;
    const calls = rate * dtSec;
    const meanMs = load.execMs[q] / rate;
    const st = db.stmt[q];
    const bad = load.badPlanShare[q] / rate;
    const qc = s.config.queries[q];
    st.calls += calls;
    st.totalMs += calls * meanMs;
    st.rows += calls * qc.rows;
    st.blocksRead += calls * (bad * qc.seqScanBlocksRead + (1 - bad) * qc.blocksRead) * 0.05;
    totalCalls += calls;
    totalMs += calls * meanMs;
  }

  // WAL generation and replication.
  let walRate = 0;
  for (const q of QUERY_IDS) walRate += load.rate[q] * s.config.queries[q].walBytes;
  // A primary that is down writes no WAL.
  walRate = accepting ? walRate + 350_000 + jobWal + (buildCores > 0 ? 2_000_000 : 0) : 0;
  if (db.replicaUp && !db.promoted) {
    const replay =
      cfg.replicaReplayBytesPerSec * (db.replicaCpuUtil > 1 ? 1 / db.replicaCpuUtil : 1);
    db.replicaLagBytes = Math.max(0, db.replicaLagBytes + (walRate - replay) * dtSec);
  }

  // Disk: data grows with writes; WAL is recycled unless a slot retains it.
  db.dataBytes += walRate * 0.3 * dtSec;
  for (const slot of db.slots) {
    if (!slot.active && accepting) slot.retainedBytes += (walRate + slotExtra) * dtSec;
  }
  const retained = db.slots.reduce((m, sl) => Math.max(m, sl.retainedBytes), 0);
  // A volume cannot hold more than its size: the write that would overflow it fails instead.
  db.walBytes = Math.min(
    cfg.maxWalBytes * 0.8 + retained,
    Math.max(0, db.diskBytes - db.dataBytes),
  );
  db.diskUsedBytes = Math.min(db.diskBytes, db.dataBytes + db.walBytes);

  // Checkpoints every checkpoint_timeout (5 min), or sooner when WAL exceeds max_wal_size.
  const ckptEvery = 5 * MINUTE;
  const walPerCkpt = walRate * (ckptEvery / SECOND);
  if (accepting && Math.floor(t / ckptEvery) !== Math.floor((t - dtSec * SECOND) / ckptEvery)) {
    const buffers = Math.round(1200 + (walRate / 8192) * 0.4 * 30 + rng.int(400));
    sink.log(t, L.ckptStart, pgSrc, 0, 0);
    sink.log(
      t + 27_000,
      L.ckptDone,
      pgSrc,
      0,
      0,
      buffers,
      0,
      Math.max(1, Math.round(walPerCkpt / 16_777_216)),
      26.9 + rng.float(),
      Math.round(walPerCkpt / 1024),
    );
    if (walPerCkpt > cfg.maxWalBytes) {
      const secondsApart = Math.max(3, Math.round((cfg.maxWalBytes / walRate) * 0.5));
      sink.log(t + 500, L.ckptFrequent, pgSrc, 0, 0, secondsApart);
    }
  }

  // Disk full: the WAL write PANICs, the postmaster restarts, and recovery cannot finish.
  if (db.primaryUp && db.diskUsedBytes >= db.diskBytes) {
    const pid = 10_000 + rng.int(50_000);
    sink.log(t, L.panic, pgSrc, 0, 0, pid);
    sink.log(t + 3, L.terminated, pgSrc, 0, 0, pid);
    sink.log(
      t + 5,
      L.serverCrashed,
      sink.intern('pgbouncer-0'),
      0,
      0,
      rng.int(4096),
      3600 + rng.int(7200),
    );
    db.primaryUp = false;
    db.primaryDownReason = 'diskFull';
    db.primaryDownUntil = Number.POSITIVE_INFINITY;
    sink.event({ kind: 'postgresDown', t, reason: 'diskFull' });
  } else if (
    !db.primaryUp &&
    db.primaryDownReason === 'diskFull' &&
    db.diskUsedBytes < db.diskBytes * 0.98
  ) {
    db.primaryUp = true;
    db.primaryDownUntil = t + 20 * SECOND; // crash recovery replays WAL before accepting connections
    db.primaryDownReason = 'crash';
  }
  if (!accepting && rng.chance(0.5))
    sink.log(t + rng.int(1000), L.recovery, pgSrc, 0, 0, 10_000 + rng.int(50_000));
  if (db.primaryUp && db.primaryDownReason !== '' && t >= db.primaryDownUntil) {
    db.primaryDownReason = '';
    sink.log(t, L.ready, pgSrc, 0, 0, sink.intern(cfg.version));
    sink.event({ kind: 'postgresUp', t });
  }

  // Migrations waiting for their lock: log_lock_waits prints a line per waiter after 1 s.
  for (const m of db.migrations) {
    if (m.cancelled || t >= m.until) continue;
    if (rng.chance(0.4)) {
      const waiterPid = 30_000 + rng.int(20_000);
      sink.log(
        t + rng.int(1000),
        L.lockWait,
        pgSrc,
        0,
        0,
        waiterPid,
        16_402,
        sink.intern(s.config.queries.orders_by_customer.sql),
        1000 + rng.int(4000),
        m.pid - 1,
        m.pid,
      );
    }
  }
  db.migrations = db.migrations.filter((m) => !m.cancelled && t < m.until);

  if (load.idleTxKills > 0) {
    const n = rng.count(Math.min(3, load.idleTxKills * dtSec));
    for (let i = 0; i < n; i++)
      sink.log(t + rng.int(1000), L.idleTxTimeout, pgSrc, 0, 0, 20_000 + rng.int(40_000));
  }
  if (load.statementTimeouts > 0) {
    const n = rng.count(Math.min(3, load.statementTimeouts * dtSec * 0.2));
    for (let i = 0; i < n; i++)
      sink.log(
        t + rng.int(1000),
        L.stmtTimeout,
        pgSrc,
        0,
        0,
        20_000 + rng.int(40_000),
        sink.intern(s.config.queries.orders_by_customer.sql),
      );
  }

  // PgBouncer's periodic stats line (stats_period = 60 s).
  if (Math.floor(t / MINUTE) !== Math.floor((t - dtSec * SECOND) / MINUTE)) {
    const xacts = Math.round(db.tps);
    const waitUs = Math.round(
      s.db.pgbouncer.clientsWaiting > 0
        ? 400_000 + s.db.pgbouncer.clientsWaiting * 20_000
        : 120 + rng.int(200),
    );
    sink.log(
      t,
      L.stats,
      sink.intern('pgbouncer-0'),
      0,
      0,
      xacts,
      Math.round(xacts * 2.6),
      xacts * 310,
      xacts * 2900,
      Math.round(totalCalls > 0 ? (totalMs / totalCalls) * 1000 : 800),
      waitUs,
    );
  }

  return { walRate, queryMeanMs: totalCalls > 0 ? totalMs / totalCalls : 0 };
}
