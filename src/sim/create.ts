/** A fresh simulation: the system at steady state, ready for the first step. */
import { emptyAlerts } from './alerts.ts';
import type { SystemConfig } from './config.ts';
import { defaultConfig, ENDPOINT_IDS, QUERY_IDS } from './config.ts';
import { createPod } from './kube.ts';
import { replicaSetHash } from './names.ts';
import { METRIC_COUNT } from './metric-catalog.ts';
import { Rng, seedRng } from './rng.ts';
import { NullSink } from './sink.ts';
import { emptySlo, SLO_MINUTES, sloWithHistory } from './slo.ts';
import type { Deployment, DeploymentName, SimState, SloState, SloWindow } from './state.ts';
import { emptyEndpointRecord, emptyQueryRecord } from './state.ts';
import { step } from './step.ts';
import { DAY, HOUR, MINUTE } from './time.ts';
import { diurnal } from './traffic.ts';

function deployment(
  name: DeploymentName,
  replicas: number,
  version: string,
  previous: string | null,
  cfg: SystemConfig,
): Deployment {
  const history = previous
    ? [
        { revision: 1, version: previous, changeCause: `deploy ${previous}` },
        { revision: 2, version, changeCause: `deploy ${version}` },
      ]
    : [{ revision: 1, version, changeCause: `deploy ${version}` }];
  const revision = history.length;
  return {
    name,
    namespace: name === 'coredns' ? 'kube-system' : cfg.namespace,
    replicas,
    revision,
    version,
    history,
    templateHash: replicaSetHash(name, revision, version),
    cpuLimitMillicores:
      name === 'api'
        ? cfg.api.cpuLimitMillicores
        : name === 'web'
          ? cfg.web.cpuLimitMillicores
          : 170,
    memoryLimitMiB: name === 'api' ? cfg.api.memoryLimitMiB : name === 'web' ? 1024 : 170,
    poolMaxConns: name === 'api' ? cfg.api.pool.maxConns : 0,
    resolver: {
      ndots: cfg.dns.ndots,
      timeoutMs: cfg.dns.resolverTimeoutMs,
      attempts: cfg.dns.resolverAttempts,
    },
  };
}

/** Creates a running system from a config and a seed. Pods start ready, as after a calm night. */
export function createSim(seed: number, config: SystemConfig = defaultConfig()): SimState {
  const rng = new Rng(seedRng(seed));
  const deployments: Record<DeploymentName, Deployment> = {
    api: deployment(
      'api',
      config.api.replicas,
      config.api.version,
      config.api.previousVersion,
      config,
    ),
    web: deployment('web', config.web.replicas, config.web.version, null, config),
    coredns: deployment('coredns', config.dns.corednsReplicas, 'v1.11.3', null, config),
  };
  const indexes: Record<string, 'valid'> = {};
  const indexDefs: Record<string, { table: string; columns: string }> = {};
  for (const q of QUERY_IDS) {
    const { index: idx, table } = config.queries[q];
    if (!idx) continue;
    indexes[idx.name] = 'valid';
    indexDefs[idx.name] = { table, columns: idx.columns };
  }
  const s: SimState = {
    schema: 1,
    seed: seed >>> 0,
    t: 0,
    rng: [0, 0, 0, 0],
    config,
    nextUid: 1,
    deployments,
    pods: [],
    faults: [],
    flags: {},
    ops: [],
    traffic: {
      noise: emptyEndpointRecord(() => 0),
      lastFailRate: emptyEndpointRecord(() => 0),
      shedRatio: 0,
      retriesEnabled: true,
    },
    db: {
      primaryUp: true,
      primaryDownUntil: 0,
      primaryDownReason: '',
      maxConnections: config.postgres.maxConnections,
      pendingMaxConnections: null,
      pendingReload: null,
      statementTimeoutMs: config.postgres.statementTimeoutMs,
      idleInTxTimeoutMs: config.postgres.idleInTxTimeoutMs,
      indexes,
      indexDefs,
      indexBuilds: [],
      analyzedAt: {},
      cpuUtil: 0.2,
      ioUtil: 0.1,
      activeBackends: 0,
      idleInTxBackends: 0,
      serverConns: 0,
      lockWaiters: 0,
      tps: 0,
      dataBytes: config.postgres.dataBytes,
      diskBytes: config.postgres.diskBytes,
      diskUsedBytes: config.postgres.dataBytes,
      walBytes: config.postgres.maxWalBytes * 0.8,
      slots: [{ name: 'pg_replica_0', type: 'physical', active: true, retainedBytes: 0 }],
      replicaUp: true,
      replicaLagBytes: 0,
      replicaCpuUtil: 0.1,
      promoted: false,
      lostTransactions: 0,
      migrations: [],
      pgbouncer: {
        defaultPoolSize: config.pgbouncer.defaultPoolSize,
        maxClientConn: config.pgbouncer.maxClientConn,
        clients: 0,
        clientsWaiting: 0,
        loginFailingUntil: 0,
        refusedClients: 0,
      },
      stmt: emptyQueryRecord(() => ({ calls: 0, totalMs: 0, rows: 0, blocksRead: 0 })),
    },
    redis: {
      filled: 1,
      evictedKeys: 0,
      hits: 0,
      misses: 0,
      uptimeStartMs: -41 * DAY,
      flushedAt: -1,
    },
    dns: { qps: 0, util: 0, dropRatio: 0, servfailRatio: 0, recordFixes: {}, cacheFlushedAt: -1 },
    certNotAfterEpochMs: config.edge.certNotAfterEpochMs,
    counters: emptyEndpointRecord(() => ({
      arrived: 0,
      succeeded: 0,
      failed: 0,
      slow: 0,
      retries: 0,
      abandoned: 0,
    })),
    inFlight: emptyEndpointRecord(() => 0),
    slo: emptySlo(),
    alerts: emptyAlerts(),
  };
  // Pods have been running for days: created in the past, ready, pools warm.
  for (const name of ['coredns', 'web', 'api'] as const) {
    const dep = deployments[name];
    for (let i = 0; i < dep.replicas; i++) {
      const pod = createPod(s, rng, dep, -(3 * DAY + rng.int(6 * HOUR)));
      pod.phase = 'Running';
      pod.ready = true;
      pod.startedAt = pod.createdAt;
      pod.dnsCacheWarm = 1;
      if (name === 'api') {
        pod.poolOpen = Math.min(config.api.pool.maxConns, 4);
        pod.poolUsable = pod.poolOpen;
      }
      s.pods.push(pod);
    }
  }
  void ENDPOINT_IDS;
  s.rng = rng.snapshot();
  s.slo = calmSloHistory(s);
  return s;
}

/**
 * The SLO windows as they stand after six ordinary hours: requests, errors and slow answers the
 * model itself produces in its first calm minute, with the volume following the daily curve back
 * in time. The error budget starts as spent as a rolling window at that calm burn rate would be.
 */
function calmSloHistory(s: SimState): SloState {
  const calm = calmMinute(s);
  const now = diurnal(s, 0);
  const minutes: SloWindow[] = [];
  for (let k = SLO_MINUTES; k >= 1; k--) {
    const scale = now > 0 ? diurnal(s, -k * MINUTE) / now : 1;
    minutes.push({ total: calm.total * scale, bad: calm.bad * scale, slow: calm.slow * scale });
  }
  const allowed = 1 - s.config.slo.availabilityTarget;
  const calmBurn = calm.total > 0 && allowed > 0 ? calm.bad / calm.total / allowed : 0;
  // A system that burns faster than its budget allows had spent it all, not more.
  return sloWithHistory(minutes, Math.min(1, calmBurn));
}

/**
 * One minute of the system left alone from `s`, counted as the SLO counts it. Measured on the
 * states the steps return (a step never mutates its input), so `s` and its PRNG are untouched.
 */
function calmMinute(s: SimState): SloWindow {
  const sink = new NullSink(METRIC_COUNT);
  let probe = s;
  while (probe.t < MINUTE) probe = step(probe, [], sink);
  return probe.slo.current;
}
