/**
 * The levers a player (or a scenario) can pull on the running system. Each action is applied at
 * the start of the step after it was stamped; changes that take time in real life take time here
 * (a rollout replaces pods one by one, an index builds for minutes, Postgres restarts), and some
 * can fail the way real ones fail (a scale-up stuck Pending on capacity, `max_connections` waiting
 * for a restart).
 */
import type { EndpointId, QueryId } from './config.ts';
import { DELAYS } from './config.ts';
import type { FaultSpec } from './faults.ts';
import { terminatePod } from './kube.ts';
import type { KubeEnv } from './kube.ts';
import { templateId } from './log-templates.ts';
import { replicaSetHash } from './names.ts';
import type { Rng } from './rng.ts';
import type { StepSink } from './sink.ts';
import type { DeploymentName, SimState } from './state.ts';
import { SECOND } from './time.ts';

export type BackendFilter = {
  state?: 'idle in transaction' | 'active' | 'idle';
  query?: QueryId;
  /** Only sessions in that state for longer than this. */
  olderThanMs?: number;
  /** A migration's backend pid, as pg_stat_activity shows it. */
  pid?: number;
  /** At most this many sessions (signals sent to that many pids). */
  count?: number;
};

export type SimAction =
  | { type: 'injectFault'; id: string; fault: FaultSpec }
  | { type: 'clearFault'; id: string }
  | { type: 'deploy'; deployment: 'api' | 'web'; version: string; changeCause?: string }
  | { type: 'rollback'; deployment: 'api' | 'web'; toRevision?: number }
  | { type: 'restartDeployment'; deployment: DeploymentName }
  | { type: 'deletePod'; pod: string }
  | { type: 'scale'; deployment: DeploymentName; replicas: number }
  | { type: 'setPoolSize'; maxConns: number }
  | { type: 'setPgbouncer'; defaultPoolSize?: number; maxClientConn?: number }
  | {
      type: 'setPostgresSetting';
      name: 'max_connections' | 'statement_timeout' | 'idle_in_transaction_session_timeout';
      value: number;
    }
  | { type: 'reloadPostgres' }
  | { type: 'restartPostgres' }
  | { type: 'terminateBackends'; filter: BackendFilter; cancelOnly?: boolean }
  | { type: 'createIndex'; name: string; table: string; columns: string; concurrently: boolean }
  | { type: 'analyzeTable'; table: string }
  | { type: 'setResolverOptions'; ndots?: number; timeoutMs?: number; attempts?: number }
  | { type: 'fixDnsRecord'; host: string }
  | { type: 'flushDnsCache' }
  | { type: 'failover' }
  | { type: 'shedLoad'; ratio: number }
  | { type: 'setRetries'; enabled: boolean }
  | { type: 'setFlag'; flag: string; value: boolean }
  | { type: 'dropReplicationSlot'; slot: string }
  | { type: 'resizeVolume'; bytes: number }
  | { type: 'renewCertificate' }
  | { type: 'setMemoryLimit'; mib: number }
  | { type: 'stopJob'; name: string }
  | { type: 'flushCache' };

export type SimActionType = SimAction['type'];

/** Every action type, for validation of data that names them (scenario files, action logs). */
export const SIM_ACTION_TYPES = [
  'injectFault',
  'clearFault',
  'deploy',
  'rollback',
  'restartDeployment',
  'deletePod',
  'scale',
  'setPoolSize',
  'setPgbouncer',
  'setPostgresSetting',
  'reloadPostgres',
  'restartPostgres',
  'terminateBackends',
  'createIndex',
  'analyzeTable',
  'setResolverOptions',
  'fixDnsRecord',
  'flushDnsCache',
  'failover',
  'shedLoad',
  'setRetries',
  'setFlag',
  'dropReplicationSlot',
  'resizeVolume',
  'renewCertificate',
  'setMemoryLimit',
  'stopJob',
  'flushCache',
] as const satisfies readonly SimActionType[];

/** An action with the sim time it was issued at. */
export type StampedAction = { at: number; action: SimAction };

const L = {
  reload: templateId('pg_reload'),
  pendingRestart: templateId('pg_pending_restart'),
  shutdown: templateId('pg_shutdown'),
  adminTerminate: templateId('pg_admin_terminate'),
  userCancel: templateId('pg_user_cancel'),
  redisStart: templateId('redis_start'),
  promoted: templateId('replica_promoted'),
  autoanalyze: templateId('pg_autoanalyze'),
};

function bumpTemplate(
  s: SimState,
  name: DeploymentName,
  change: { version?: string; cause: string },
): void {
  const dep = s.deployments[name];
  const version = change.version ?? dep.version;
  const revision = dep.revision + 1;
  s.deployments[name] = {
    ...dep,
    revision,
    version,
    templateHash: replicaSetHash(name, revision, version),
    history: [...dep.history, { revision, version, changeCause: change.cause }].slice(-10),
  };
}

function ok(sink: StepSink, t: number, action: SimAction, detail: string): void {
  sink.event({ kind: 'actionApplied', t, action: action.type, detail });
}

function reject(sink: StepSink, t: number, action: SimAction, reason: string): void {
  sink.event({ kind: 'actionRejected', t, action: action.type, reason });
}

/** Applies one action to the draft state. */
export function applyAction(
  s: SimState,
  action: SimAction,
  rng: Rng,
  t: number,
  sink: StepSink,
  env: KubeEnv,
): void {
  const db = s.db;
  switch (action.type) {
    case 'injectFault': {
      if (s.faults.some((f) => f.id === action.id))
        return reject(sink, t, action, `fault ${action.id} is already active`);
      s.faults = [...s.faults, { id: action.id, spec: action.fault, startedAt: t }];
      onFaultStart(s, action.id, action.fault, rng, t, sink);
      sink.event({ kind: 'faultInjected', t, id: action.id, fault: action.fault.kind });
      return;
    }
    case 'clearFault': {
      const f = s.faults.find((x) => x.id === action.id);
      if (!f) return reject(sink, t, action, `no active fault ${action.id}`);
      s.faults = s.faults.filter((x) => x.id !== action.id);
      if (f.spec.kind === 'migrationLock')
        db.migrations = db.migrations.filter((m) => m.faultId !== f.id);
      sink.event({ kind: 'faultCleared', t, id: f.id, fault: f.spec.kind });
      return;
    }
    case 'deploy': {
      bumpTemplate(s, action.deployment, {
        version: action.version,
        cause: action.changeCause ?? `deploy ${action.version}`,
      });
      return ok(
        sink,
        t,
        action,
        `deployment.apps/${action.deployment} image updated to ${action.version}`,
      );
    }
    case 'rollback': {
      const dep = s.deployments[action.deployment];
      const target =
        action.toRevision === undefined
          ? dep.history[dep.history.length - 2]
          : dep.history.find((h) => h.revision === action.toRevision);
      if (!target)
        return reject(
          sink,
          t,
          action,
          action.toRevision === undefined
            ? `no rollout history found for deployment "${action.deployment}"`
            : `unable to find specified revision ${action.toRevision} in history`,
        );
      bumpTemplate(s, action.deployment, {
        version: target.version,
        cause: `rollback to revision ${target.revision}`,
      });
      return ok(sink, t, action, `deployment.apps/${action.deployment} rolled back`);
    }
    case 'restartDeployment': {
      bumpTemplate(s, action.deployment, { cause: 'kubectl rollout restart' });
      return ok(sink, t, action, `deployment.apps/${action.deployment} restarted`);
    }
    case 'deletePod': {
      const pod = s.pods.find((p) => p.name === action.pod && p.phase !== 'Terminating');
      if (!pod) return reject(sink, t, action, `pods "${action.pod}" not found`);
      terminatePod(s, pod, t, sink, env);
      return ok(sink, t, action, `pod "${action.pod}" deleted`);
    }
    case 'scale': {
      if (!(action.replicas >= 0) || !Number.isInteger(action.replicas))
        return reject(sink, t, action, 'replicas must be a whole number >= 0');
      s.deployments[action.deployment] = {
        ...s.deployments[action.deployment],
        replicas: action.replicas,
      };
      return ok(sink, t, action, `deployment.apps/${action.deployment} scaled`);
    }
    case 'setPoolSize': {
      if (!(action.maxConns >= 1)) return reject(sink, t, action, 'pool size must be at least 1');
      // The pool size is an environment variable: changing it rolls the deployment.
      s.deployments.api = { ...s.deployments.api, poolMaxConns: Math.round(action.maxConns) };
      bumpTemplate(s, 'api', { cause: `DB_MAX_CONNS=${Math.round(action.maxConns)}` });
      return ok(
        sink,
        t,
        action,
        `deployment.apps/api env updated (DB_MAX_CONNS=${Math.round(action.maxConns)})`,
      );
    }
    case 'setPgbouncer': {
      if (action.defaultPoolSize !== undefined)
        db.pgbouncer.defaultPoolSize = Math.max(1, Math.round(action.defaultPoolSize));
      if (action.maxClientConn !== undefined)
        db.pgbouncer.maxClientConn = Math.max(1, Math.round(action.maxClientConn));
      return ok(sink, t, action, 'RELOAD');
    }
    case 'setPostgresSetting': {
      const v = Math.max(0, Math.round(action.value));
      if (action.name === 'max_connections') {
        db.pendingMaxConnections = v;
        sink.log(
          t,
          L.pendingRestart,
          sink.intern('pg-primary-0'),
          0,
          0,
          sink.intern('max_connections'),
        );
        return ok(sink, t, action, 'ALTER SYSTEM (pending restart)');
      }
      // Written to postgresql.auto.conf; running sessions see it after pg_reload_conf().
      const pending = db.pendingReload ?? { statementTimeoutMs: null, idleInTxTimeoutMs: null };
      db.pendingReload =
        action.name === 'statement_timeout'
          ? { ...pending, statementTimeoutMs: v }
          : { ...pending, idleInTxTimeoutMs: v };
      return ok(sink, t, action, 'ALTER SYSTEM (takes effect on reload)');
    }
    case 'reloadPostgres': {
      if (db.pendingReload !== null) {
        const p = db.pendingReload;
        db.pendingReload = null;
        s.ops = [
          ...s.ops,
          {
            at: t + DELAYS.configReloadMs,
            op: {
              kind: 'configReloaded',
              statementTimeoutMs: p.statementTimeoutMs,
              idleInTxTimeoutMs: p.idleInTxTimeoutMs,
            },
          },
        ];
        const [name, value] =
          p.idleInTxTimeoutMs !== null
            ? ['idle_in_transaction_session_timeout', p.idleInTxTimeoutMs]
            : ['statement_timeout', p.statementTimeoutMs ?? 0];
        sink.log(
          t,
          L.reload,
          sink.intern('pg-primary-0'),
          0,
          0,
          sink.intern(name),
          sink.intern(value === 0 ? '0' : value % 1000 === 0 ? `${value / 1000}s` : `${value}ms`),
        );
      }
      if (db.pendingMaxConnections !== null)
        sink.log(
          t,
          L.pendingRestart,
          sink.intern('pg-primary-0'),
          0,
          0,
          sink.intern('max_connections'),
        );
      return ok(sink, t, action, 'pg_reload_conf');
    }
    case 'restartPostgres': {
      if (!db.primaryUp) return reject(sink, t, action, 'PostgreSQL is not running');
      sink.log(t, L.shutdown, sink.intern('pg-primary-0'), 0, 0);
      db.primaryDownUntil = t + DELAYS.postgresRestartMs;
      db.primaryDownReason = 'restart';
      if (db.pendingMaxConnections !== null) {
        db.maxConnections = db.pendingMaxConnections;
        db.pendingMaxConnections = null;
      }
      // A restart reads the whole configuration, reloadable settings included.
      if (db.pendingReload !== null) {
        if (db.pendingReload.statementTimeoutMs !== null)
          db.statementTimeoutMs = db.pendingReload.statementTimeoutMs;
        if (db.pendingReload.idleInTxTimeoutMs !== null)
          db.idleInTxTimeoutMs = db.pendingReload.idleInTxTimeoutMs;
        db.pendingReload = null;
      }
      // Every server connection is gone: pools reconnect, leaked sessions die with them.
      for (const p of s.pods) {
        if (p.deployment !== 'api') continue;
        p.poolLeaked = 0;
        p.poolUsable = 0;
      }
      sink.event({ kind: 'postgresDown', t, reason: 'restart' });
      return ok(sink, t, action, 'pg_ctl restart');
    }
    case 'terminateBackends': {
      const f = action.filter;
      let n = 0;
      if (f.pid !== undefined) {
        const mig = db.migrations.find((m) => m.pid === f.pid || m.pid - 1 === f.pid);
        if (mig) {
          db.migrations = db.migrations.map((m) => (m === mig ? { ...m, cancelled: true } : m));
          n = 1;
          sink.log(
            t,
            action.cancelOnly ? L.userCancel : L.adminTerminate,
            sink.intern('pg-primary-0'),
            0,
            0,
            f.pid,
            sink.intern(
              mig.pid === f.pid
                ? 'ALTER TABLE orders ADD COLUMN discount_code text'
                : 'SELECT count(*) FROM orders o JOIN order_items i ON i.order_id = o.id',
            ),
          );
        }
      }
      const idleTxTarget = f.state === undefined || f.state === 'idle in transaction';
      if (idleTxTarget && !action.cancelOnly && f.pid === undefined) {
        // Leaked sessions are idle in transaction; the pool sees the broken connection and replaces it.
        let budget = f.count ?? Number.POSITIVE_INFINITY;
        for (const p of s.pods) {
          if (p.deployment !== 'api' || p.poolLeaked <= 0 || budget <= 0) continue;
          const eligible =
            f.olderThanMs !== undefined && f.olderThanMs > 0 ? p.poolLeaked * 0.9 : p.poolLeaked;
          const killed = Math.min(eligible, budget);
          budget -= killed;
          n += killed;
          p.poolLeaked -= killed;
        }
        const lines = Math.min(5, Math.ceil(n));
        for (let i = 0; i < lines; i++)
          sink.log(
            t,
            L.adminTerminate,
            sink.intern('pg-primary-0'),
            0,
            0,
            20_000 + rng.int(40_000),
          );
      }
      return ok(
        sink,
        t,
        action,
        `${Math.round(n)} backends ${action.cancelOnly ? 'cancelled' : 'terminated'}`,
      );
    }
    case 'createIndex': {
      if (db.indexes[action.name] === 'valid')
        return reject(sink, t, action, `relation "${action.name}" already exists`);
      if (db.indexBuilds.some((b) => b.name === action.name))
        return reject(sink, t, action, `relation "${action.name}" already exists`);
      const rows = s.config.postgres.tableRows[action.table];
      if (rows === undefined)
        return reject(sink, t, action, `relation "${action.table}" does not exist`);
      const passes = action.concurrently ? 2.2 : 1;
      const duration =
        Math.round(((rows / DELAYS.indexBuildRowsPerSec) * passes * SECOND) / 1000) * 1000;
      db.indexes = { ...db.indexes, [action.name]: 'building' };
      db.indexDefs = {
        ...db.indexDefs,
        [action.name]: { table: action.table, columns: action.columns },
      };
      db.indexBuilds = [
        ...db.indexBuilds,
        {
          name: action.name,
          table: action.table,
          columns: action.columns,
          concurrently: action.concurrently,
          startedAt: t,
          doneAt: t + duration,
        },
      ];
      if (!action.concurrently) {
        // A plain CREATE INDEX takes a SHARE lock: every write to the table waits for the build.
        db.migrations = [
          ...db.migrations,
          {
            faultId: `index:${action.name}`,
            table: action.table,
            pid: 40_000 + rng.int(9_000),
            until: t + duration,
            cancelled: false,
            blocks: 'writes',
          },
        ];
      }
      return ok(
        sink,
        t,
        action,
        `CREATE INDEX${action.concurrently ? ' CONCURRENTLY' : ''} (about ${Math.round(duration / SECOND)} s)`,
      );
    }
    case 'analyzeTable': {
      db.analyzedAt = { ...db.analyzedAt, [action.table]: t };
      sink.log(
        t,
        L.autoanalyze,
        sink.intern('pg-primary-0'),
        0,
        0,
        20_000 + rng.int(40_000),
        sink.intern(action.table),
      );
      return ok(sink, t, action, 'ANALYZE');
    }
    case 'setResolverOptions': {
      const r = s.deployments.api.resolver;
      s.deployments.api = {
        ...s.deployments.api,
        resolver: {
          ndots: action.ndots ?? r.ndots,
          timeoutMs: action.timeoutMs ?? r.timeoutMs,
          attempts: action.attempts ?? r.attempts,
        },
      };
      bumpTemplate(s, 'api', { cause: 'dnsConfig options changed' });
      return ok(sink, t, action, 'deployment.apps/api patched (dnsConfig)');
    }
    case 'fixDnsRecord': {
      s.dns.recordFixes[action.host] = t + DELAYS.dnsRecordPropagationMs;
      return ok(
        sink,
        t,
        action,
        `record for ${action.host} updated; TTL and negative caches must expire`,
      );
    }
    case 'flushDnsCache': {
      s.dns.cacheFlushedAt = t;
      for (const p of s.pods) if (p.deployment === 'api') p.dnsCacheWarm = 0;
      // A flush also makes a fixed record visible at once instead of after the negative-cache TTL.
      for (const [host, at] of Object.entries(s.dns.recordFixes))
        if (at > t) s.dns.recordFixes[host] = t;
      return ok(sink, t, action, 'client DNS caches flushed');
    }
    case 'failover': {
      if (!db.replicaUp || db.promoted)
        return reject(sink, t, action, 'no streaming replica to promote');
      const avgTxBytes = 9_200;
      db.lostTransactions += Math.round(db.replicaLagBytes / avgTxBytes);
      db.promoted = true;
      db.replicaUp = false;
      db.replicaLagBytes = 0;
      db.primaryUp = true;
      db.primaryDownUntil = t + DELAYS.failoverMs;
      db.primaryDownReason = 'failover';
      db.diskUsedBytes = db.dataBytes;
      db.slots = db.slots
        .filter((sl) => sl.type === 'physical')
        .map((sl) => ({ ...sl, retainedBytes: 0, active: false }));
      db.migrations = [];
      for (const p of s.pods) {
        if (p.deployment !== 'api') continue;
        p.poolLeaked = 0;
        p.poolUsable = 0;
      }
      sink.log(
        t + DELAYS.failoverMs,
        L.promoted,
        sink.intern('pg-replica-0'),
        0,
        0,
        sink.intern('0/5A3F1C28'),
      );
      sink.event({ kind: 'postgresDown', t, reason: 'failover' });
      return ok(sink, t, action, 'replica promoted');
    }
    case 'shedLoad': {
      s.traffic = { ...s.traffic, shedRatio: Math.min(0.95, Math.max(0, action.ratio)) };
      return ok(
        sink,
        t,
        action,
        `shedding ${Math.round(s.traffic.shedRatio * 100)}% at the ingress`,
      );
    }
    case 'setRetries': {
      s.traffic = { ...s.traffic, retriesEnabled: action.enabled };
      return ok(sink, t, action, `client retries ${action.enabled ? 'enabled' : 'disabled'}`);
    }
    case 'setFlag': {
      s.ops = [
        ...s.ops,
        {
          at: t + DELAYS.featureFlagPropagationMs,
          op: { kind: 'flagApplied', flag: action.flag, value: action.value },
        },
      ];
      return ok(sink, t, action, `flag ${action.flag} -> ${action.value}`);
    }
    case 'dropReplicationSlot': {
      const slot = db.slots.find((sl) => sl.name === action.slot);
      if (!slot) return reject(sink, t, action, `replication slot "${action.slot}" does not exist`);
      if (slot.active)
        return reject(sink, t, action, `replication slot "${action.slot}" is active for PID 4211`);
      db.slots = db.slots.filter((sl) => sl.name !== action.slot);
      return ok(sink, t, action, 'pg_drop_replication_slot');
    }
    case 'resizeVolume': {
      if (action.bytes <= db.diskBytes)
        return reject(
          sink,
          t,
          action,
          'spec.resources.requests.storage: Forbidden: field can not be less than previous value',
        );
      s.ops = [
        ...s.ops,
        { at: t + 4 * 60 * SECOND, op: { kind: 'volumeResized', bytes: action.bytes } },
      ];
      return ok(sink, t, action, 'persistentvolumeclaim/data-pg-primary-0 patched');
    }
    case 'renewCertificate': {
      s.ops = [...s.ops, { at: t + DELAYS.certRenewalMs, op: { kind: 'certRenewed' } }];
      return ok(sink, t, action, 'certificate renewal requested');
    }
    case 'setMemoryLimit': {
      s.deployments.api = {
        ...s.deployments.api,
        memoryLimitMiB: Math.max(64, Math.round(action.mib)),
      };
      bumpTemplate(s, 'api', { cause: `memory limit ${Math.round(action.mib)}Mi` });
      return ok(sink, t, action, 'deployment.apps/api resources updated');
    }
    case 'stopJob': {
      const jobs = s.faults.filter(
        (f) => f.spec.kind === 'writeHeavyJob' && f.spec.name === action.name,
      );
      if (jobs.length === 0) return reject(sink, t, action, `job.batch "${action.name}" not found`);
      s.faults = s.faults.filter((f) => !jobs.includes(f));
      for (const j of jobs) sink.event({ kind: 'faultCleared', t, id: j.id, fault: j.spec.kind });
      return ok(sink, t, action, `job.batch "${action.name}" deleted`);
    }
    case 'flushCache': {
      s.redis = { ...s.redis, filled: 0, flushedAt: t };
      return ok(sink, t, action, 'FLUSHALL');
    }
  }
}

/** One-off side effects of a fault starting (a flush empties the cache, a slot appears...). */
function onFaultStart(
  s: SimState,
  id: string,
  spec: FaultSpec,
  rng: Rng,
  t: number,
  sink: StepSink,
): void {
  switch (spec.kind) {
    case 'cacheFlush':
      s.redis = {
        ...s.redis,
        filled: 0,
        flushedAt: t,
        uptimeStartMs: t,
        hits: 0,
        misses: 0,
        evictedKeys: 0,
      };
      sink.log(t, L.redisStart, sink.intern('redis-master-0'), 0, 0);
      return;
    case 'walRetention':
      if (!s.db.slots.some((sl) => sl.name === spec.slot))
        s.db.slots = [
          ...s.db.slots,
          { name: spec.slot, type: 'logical', active: false, retainedBytes: spec.retainedBytes },
        ];
      return;
    case 'migrationLock':
      s.db.migrations = [
        ...s.db.migrations,
        {
          faultId: id,
          table: spec.table,
          pid: 41_000 + rng.int(8_000),
          until: t + spec.durationMs,
          cancelled: false,
          blocks: 'all',
        },
      ];
      return;
    case 'certificateExpiry':
      s.certNotAfterEpochMs = s.config.startEpochMs + spec.atMs;
      return;
    default:
      return;
  }
}

/** Applies the delayed effects whose time has come. */
export function runPendingOps(s: SimState, t: number): void {
  if (s.ops.length === 0) return;
  const due = s.ops.filter((o) => o.at <= t);
  if (due.length === 0) return;
  s.ops = s.ops.filter((o) => o.at > t);
  for (const { op } of due) {
    switch (op.kind) {
      case 'certRenewed':
        s.certNotAfterEpochMs = s.config.startEpochMs + t + 90 * 24 * 3600 * SECOND;
        break;
      case 'flagApplied':
        s.flags[op.flag] = op.value;
        break;
      case 'configReloaded':
        if (op.statementTimeoutMs !== null) s.db.statementTimeoutMs = op.statementTimeoutMs;
        if (op.idleInTxTimeoutMs !== null) s.db.idleInTxTimeoutMs = op.idleInTxTimeoutMs;
        break;
      case 'volumeResized':
        s.db.diskBytes = op.bytes;
        break;
    }
  }
}

export type { EndpointId };
