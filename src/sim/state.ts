/**
 * The simulation state: everything a step needs and nothing else. Plain data (no classes, no
 * typed arrays), treated as immutable: a step builds the next state and never mutates the one it was
 * given. Because the PRNG state lives here too, `hashState` of two runs is equal exactly when the
 * runs are.
 */
import type { EndpointId, QueryId, SystemConfig } from './config.ts';
import { ENDPOINT_IDS, QUERY_IDS } from './config.ts';
import type { ActiveFault } from './faults.ts';
import type { RngState } from './rng.ts';

export type DeploymentName = 'api' | 'web' | 'coredns';

/** Seconds of age an API pod's pool-waiter queue tracks (request deadlines are capped at this). */
export const POOL_MAX_AGE = 12;

/** Requests waiting for a connection on a pod, for one endpoint (by index) or all of them. */
export function podWaiting(
  pod: { poolWaiting: readonly number[] },
  endpointIndex?: number,
): number {
  let n = 0;
  const from = endpointIndex === undefined ? 0 : endpointIndex * POOL_MAX_AGE;
  const to = Math.min(
    pod.poolWaiting.length,
    endpointIndex === undefined ? Infinity : from + POOL_MAX_AGE,
  );
  for (let i = from; i < to; i++) n += pod.poolWaiting[i]!;
  return n;
}

export type PodPhase =
  'Pending' | 'ContainerCreating' | 'Running' | 'CrashLoopBackOff' | 'Terminating';

export type Pod = {
  uid: number;
  name: string;
  deployment: DeploymentName;
  revision: number;
  version: string;
  node: string;
  phase: PodPhase;
  createdAt: number;
  /** When the current container started (or will start, while Pending/backing off). */
  startedAt: number;
  ready: boolean;
  restarts: number;
  /** Consecutive failed starts, for the CrashLoopBackOff delay (10s doubling, capped at 5m). */
  crashStreak: number;
  lastTermination: {
    reason: 'OOMKilled' | 'Error' | 'Completed';
    exitCode: number;
    at: number;
  } | null;
  /** While CrashLoopBackOff: when kubelet starts the container again. */
  backoffUntil: number;
  /** While Terminating: when the pod is gone. */
  goneAt: number;
  memoryMiB: number;
  cpuUtil: number;
  /** App connection pool (API pods): client connections open, leaked, usable share, and waiters per
   * endpoint and second of age (endpoint-major, POOL_MAX_AGE slots each). */
  poolOpen: number;
  poolLeaked: number;
  poolUsable: number;
  poolWaiting: number[];
  /** Settings baked into the pod at creation (its template): a change needs new pods. */
  poolMaxConns: number;
  memoryLimitMiB: number;
  resolver: { ndots: number; timeoutMs: number; attempts: number };
  /** Client-side DNS cache: warm after the first lookups, cold after a restart or flush. */
  dnsCacheWarm: number;
};

export type RevisionRecord = { revision: number; version: string; changeCause: string };

export type Deployment = {
  name: DeploymentName;
  namespace: string;
  replicas: number;
  revision: number;
  version: string;
  history: RevisionRecord[];
  /** A `kubectl rollout restart` or pod-spec change bumps this; pods of older revisions are replaced. */
  templateHash: string;
  cpuLimitMillicores: number;
  memoryLimitMiB: number;
  poolMaxConns: number;
  resolver: { ndots: number; timeoutMs: number; attempts: number };
};

export type IndexState = 'valid' | 'building' | 'invalid';

export type IndexBuild = {
  name: string;
  table: string;
  columns: string;
  concurrently: boolean;
  startedAt: number;
  doneAt: number;
};

export type DbState = {
  primaryUp: boolean;
  /** While restarting or recovering: when the primary accepts connections again. */
  primaryDownUntil: number;
  primaryDownReason: '' | 'restart' | 'crash' | 'failover' | 'diskFull';
  maxConnections: number;
  /** `ALTER SYSTEM SET max_connections` waits for a restart. */
  pendingMaxConnections: number | null;
  /** Other `ALTER SYSTEM` settings wait for `pg_reload_conf()` (or a restart). */
  pendingReload: { statementTimeoutMs: number | null; idleInTxTimeoutMs: number | null } | null;
  statementTimeoutMs: number;
  idleInTxTimeoutMs: number;
  indexes: Record<string, IndexState>;
  /** What each index covers, so a plan can use an index whatever it was named. */
  indexDefs: Record<string, { table: string; columns: string }>;
  indexBuilds: IndexBuild[];
  analyzedAt: Record<string, number>;
  /** Utilisations of the last step, fed back as queueing delay (one-step lag). */
  cpuUtil: number;
  ioUtil: number;
  activeBackends: number;
  idleInTxBackends: number;
  serverConns: number;
  lockWaiters: number;
  tps: number;
  dataBytes: number;
  diskBytes: number;
  diskUsedBytes: number;
  walBytes: number;
  slots: { name: string; type: 'physical' | 'logical'; active: boolean; retainedBytes: number }[];
  replicaUp: boolean;
  replicaLagBytes: number;
  replicaCpuUtil: number;
  promoted: boolean;
  lostTransactions: number;
  /** Migrations holding or waiting for locks, released at `until` or when cancelled. */
  /**
   * Lock holders and waiters: a migration queued for ACCESS EXCLUSIVE blocks every query on its
   * table (`blocks: 'all'`); a plain CREATE INDEX holds SHARE, which blocks writes only.
   */
  migrations: {
    faultId: string;
    table: string;
    pid: number;
    until: number;
    cancelled: boolean;
    blocks: 'all' | 'writes';
  }[];
  pgbouncer: {
    defaultPoolSize: number;
    maxClientConn: number;
    clients: number;
    clientsWaiting: number;
    loginFailingUntil: number;
    refusedClients: number;
  };
  stmt: Record<QueryId, { calls: number; totalMs: number; rows: number; blocksRead: number }>;
};

export type RedisState = {
  filled: number;
  evictedKeys: number;
  hits: number;
  misses: number;
  uptimeStartMs: number;
  flushedAt: number;
};

export type DnsState = {
  qps: number;
  util: number;
  dropRatio: number;
  servfailRatio: number;
  /** Host -> record problem fixed at this time (negative caches expire after it). */
  recordFixes: Record<string, number>;
  cacheFlushedAt: number;
};

export type EndpointCounters = {
  arrived: number;
  succeeded: number;
  failed: number;
  slow: number;
  retries: number;
  /** Answered, but after the client's own timeout: the client gave up (and may retry). */
  abandoned: number;
};

export type TrafficState = {
  /** AR(1) noise per endpoint. */
  noise: Record<EndpointId, number>;
  /** Failures per second last step, which clients retry. */
  lastFailRate: Record<EndpointId, number>;
  shedRatio: number;
  retriesEnabled: boolean;
};

export type SloWindow = { total: number; bad: number; slow: number };

export type SloState = {
  /** Per-minute buckets (ring) of completed minutes; `minute` is the minute being counted now. */
  minute: number;
  total: number[];
  bad: number[];
  slow: number[];
  /** The minute in progress, kept apart so a step does not copy the ring. */
  current: SloWindow;
  /** Sums over the last N-1 completed minutes for each alerting window, refreshed once a minute. */
  completed: { m5: SloWindow; m30: SloWindow; m60: SloWindow; m360: SloWindow };
  /** Minutes before t = 0 the ring held at the start (the system ran before the run began). */
  history: number;
  /** Share of the error budget the rolling window had spent before t = 0. */
  priorBudgetConsumed: number;
  /** The budget spent since the start of the run, in bad requests, and the total seen. */
  budgetBad: number;
  budgetTotal: number;
};

export type AlertRuleState = { pendingSince: number; firingSince: number };

export type AlertsState = Record<string, AlertRuleState>;

export type PendingOp = { at: number; op: PendingEffect };

export type PendingEffect =
  | { kind: 'certRenewed' }
  | { kind: 'flagApplied'; flag: string; value: boolean }
  | { kind: 'configReloaded'; statementTimeoutMs: number | null; idleInTxTimeoutMs: number | null }
  | { kind: 'volumeResized'; bytes: number };

export type SimState = {
  schema: 1;
  seed: number;
  t: number;
  rng: RngState;
  config: SystemConfig;
  nextUid: number;
  deployments: Record<DeploymentName, Deployment>;
  pods: Pod[];
  faults: ActiveFault[];
  flags: Record<string, boolean>;
  ops: PendingOp[];
  traffic: TrafficState;
  db: DbState;
  redis: RedisState;
  dns: DnsState;
  certNotAfterEpochMs: number;
  counters: Record<EndpointId, EndpointCounters>;
  /** Requests waiting (in flight) per endpoint at the end of the last step. */
  inFlight: Record<EndpointId, number>;
  slo: SloState;
  alerts: AlertsState;
};

export const emptyEndpointRecord = <T>(make: () => T): Record<EndpointId, T> => {
  const out = {} as Record<EndpointId, T>;
  for (const id of ENDPOINT_IDS) out[id] = make();
  return out;
};

export const emptyQueryRecord = <T>(make: () => T): Record<QueryId, T> => {
  const out = {} as Record<QueryId, T>;
  for (const id of QUERY_IDS) out[id] = make();
  return out;
};
