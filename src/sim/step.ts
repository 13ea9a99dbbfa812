/**
 * `step`: one second of the production system. Pure: the same state and actions give the same next
 * state and the same outputs, because everything random comes from the PRNG carried in the state.
 */
import { applyAction, runPendingOps } from './actions.ts';
import type { SimAction } from './actions.ts';
import { evaluateAlerts } from './alerts.ts';
import { ENDPOINT_IDS, QUERY_IDS } from './config.ts';
import type { EndpointId } from './config.ts';
import { advanceDatabase, grantConnections } from './database.ts';
import { draftFrom } from './draft.ts';
import { lookupOutcome } from './dns.ts';
import type { KubeEnv } from './kube.ts';
import { advancePods, reconcileDeployments } from './kube.ts';
import { API_ERROR, templateId } from './log-templates.ts';
import { LatencyMixture } from './maths.ts';
import { metricIndex } from './metric-catalog.ts';
import { fnv1a32, PGBOUNCER_HOST, podIp } from './names.ts';
import { runTraffic } from './requests.ts';
import type { StepTraffic } from './requests.ts';
import { Rng } from './rng.ts';
import type { StepSink } from './sink.ts';
import { burnRates, recordSlo } from './slo.ts';
import type { Pod, SimState } from './state.ts';
import { podWaiting } from './state.ts';
import { DAY, SECOND } from './time.ts';
import { computeDemand } from './traffic.ts';
import type { Demand } from './traffic.ts';

/** The fixed step: one simulated second. */
export const STEP_MS = 1000;

const L = {
  access: templateId('ingress_access'),
  upstreamTimeout: templateId('ingress_upstream_timeout'),
  upstreamClosed: templateId('ingress_upstream_closed'),
  noEndpoints: templateId('ingress_no_endpoints'),
  webError: templateId('web_api_error'),
  apiError: templateId('api_request_error'),
  apiRequest: templateId('api_request'),
  gormSlow: templateId('api_gorm_slow'),
  pgDuration: templateId('pg_duration'),
  dnsQuery: templateId('coredns_query'),
  dnsUpstream: templateId('coredns_upstream_timeout'),
  dnsHealth: templateId('coredns_health_slow'),
  redisEvict: templateId('redis_maxmemory'),
};

const MINUTE_MS = 60_000;

const EP_INDEX: Record<EndpointId, number> = {
  page: 0,
  products: 1,
  orders: 2,
  search: 3,
  checkout: 4,
};
/** Metric columns written every step, resolved once. */
const K = {
  dns_p99: metricIndex('dns_p99'),
  replica_lag_s: metricIndex('replica_lag_s'),
  pgb_login_errors: metricIndex('pgb_login_errors'),
  api_cpu: metricIndex('api_cpu'),
  api_error_ratio: metricIndex('api_error_ratio'),
  api_goroutines: metricIndex('api_goroutines'),
  api_memory_max: metricIndex('api_memory_max'),
  api_p50: metricIndex('api_p50'),
  api_p99: metricIndex('api_p99'),
  api_pods_desired: metricIndex('api_pods_desired'),
  api_pods_ready: metricIndex('api_pods_ready'),
  api_restarts: metricIndex('api_restarts'),
  api_rps: metricIndex('api_rps'),
  burn_rate_1h: metricIndex('burn_rate_1h'),
  burn_rate_30m: metricIndex('burn_rate_30m'),
  burn_rate_5m: metricIndex('burn_rate_5m'),
  burn_rate_6h: metricIndex('burn_rate_6h'),
  cert_expiry_days: metricIndex('cert_expiry_days'),
  client_lookup_p99: metricIndex('client_lookup_p99'),
  coredns_cpu: metricIndex('coredns_cpu'),
  coredns_pods_ready: metricIndex('coredns_pods_ready'),
  dns_dropped: metricIndex('dns_dropped'),
  dns_nxdomain: metricIndex('dns_nxdomain'),
  dns_qps: metricIndex('dns_qps'),
  dns_servfail: metricIndex('dns_servfail'),
  edge_cache_hit_ratio: metricIndex('edge_cache_hit_ratio'),
  edge_rps: metricIndex('edge_rps'),
  edge_tls_errors: metricIndex('edge_tls_errors'),
  error_budget_remaining: metricIndex('error_budget_remaining'),
  ingress_502: metricIndex('ingress_502'),
  ingress_503: metricIndex('ingress_503'),
  ingress_504: metricIndex('ingress_504'),
  ingress_5xx_ratio: metricIndex('ingress_5xx_ratio'),
  ingress_rps: metricIndex('ingress_rps'),
  payments_error_ratio: metricIndex('payments_error_ratio'),
  payments_p99: metricIndex('payments_p99'),
  pg_conn_active: metricIndex('pg_conn_active'),
  pg_conn_idle: metricIndex('pg_conn_idle'),
  pg_conn_idle_in_tx: metricIndex('pg_conn_idle_in_tx'),
  pg_conn_total: metricIndex('pg_conn_total'),
  pg_cpu: metricIndex('pg_cpu'),
  pg_disk_used_ratio: metricIndex('pg_disk_used_ratio'),
  pg_io_util: metricIndex('pg_io_util'),
  pg_lock_waiters: metricIndex('pg_lock_waiters'),
  pg_max_connections: metricIndex('pg_max_connections'),
  pg_query_mean_ms: metricIndex('pg_query_mean_ms'),
  pg_tps: metricIndex('pg_tps'),
  pg_wal_bytes: metricIndex('pg_wal_bytes'),
  pg_wal_rate: metricIndex('pg_wal_rate'),
  pgb_cl_active: metricIndex('pgb_cl_active'),
  pgb_cl_waiting: metricIndex('pgb_cl_waiting'),
  pgb_sv_active: metricIndex('pgb_sv_active'),
  pgb_sv_idle: metricIndex('pgb_sv_idle'),
  pool_acquire_timeouts: metricIndex('pool_acquire_timeouts'),
  pool_idle: metricIndex('pool_idle'),
  pool_in_use: metricIndex('pool_in_use'),
  pool_max: metricIndex('pool_max'),
  pool_wait_ms: metricIndex('pool_wait_ms'),
  pool_waiting: metricIndex('pool_waiting'),
  redis_evictions: metricIndex('redis_evictions'),
  redis_hit_ratio: metricIndex('redis_hit_ratio'),
  redis_memory: metricIndex('redis_memory'),
  redis_ops: metricIndex('redis_ops'),
  replica_cpu: metricIndex('replica_cpu'),
  slo_error_ratio: metricIndex('slo_error_ratio'),
  slo_slow_ratio: metricIndex('slo_slow_ratio'),
  sli_requests: metricIndex('sli_requests'),
  sli_failed: metricIndex('sli_failed'),
  sli_slow: metricIndex('sli_slow'),
  web_cpu: metricIndex('web_cpu'),
  web_pods_ready: metricIndex('web_pods_ready'),
} as const;
const EP_COLUMNS = ENDPOINT_IDS.map((e) => ({
  rps: metricIndex(`${e}_rps`),
  errorRatio: metricIndex(`${e}_error_ratio`),
  p50: metricIndex(`${e}_p50`),
  p95: metricIndex(`${e}_p95`),
  p99: metricIndex(`${e}_p99`),
}));
const QUANTILES = [0.5, 0.95, 0.99] as const;
const qOut = new Float64Array(3);
/** All API routes together; merged coarsely (3%) since only its p50 and p99 are read. */
const apiMix = new LatencyMixture(512, 0.03);
const API_QUANTILES = [0.5, 0.99] as const;
const demand: Demand = {
  user: { page: 0, products: 0, orders: 0, search: 0, checkout: 0 },
  retries: { page: 0, products: 0, orders: 0, search: 0, checkout: 0 },
};

/** Advances the simulation by one step, applying `actions` first. Returns the next state. */
export function step(prev: SimState, actions: readonly SimAction[], sink: StepSink): SimState {
  const s = draftFrom(prev);
  const rng = new Rng(prev.rng);
  const t = prev.t; // this step covers [t, t + STEP_MS)
  const dtSec = STEP_MS / SECOND;
  const deadWork = { page: 0, products: 0, orders: 0, search: 0, checkout: 0 } as Record<
    EndpointId,
    number
  >;

  const env: KubeEnv = {
    startupFailure: (pod, r) => startupFailure(s, pod, r),
    onContainerDeath: (pod) => {
      // Requests waiting on a dying pod fail at the ingress with 502.
      for (const e of ENDPOINT_IDS) deadWork[e] += podWaiting(pod, EP_INDEX[e]);
      pod.poolWaiting.fill(0);
    },
  };

  for (const a of actions) applyAction(s, a, rng, t, sink, env);
  runPendingOps(s, t);
  advancePods(s, rng, t, STEP_MS, sink, env);
  reconcileDeployments(s, rng, t, sink, env);

  computeDemand(s, rng, t, demand);
  const traffic = runTraffic(s, demand, dtSec, rng);
  const { walRate, queryMeanMs } = advanceDatabase(s, traffic.db, rng, t, dtSec, sink);
  grantConnections(s, rng, t, sink);
  const evictionsPerSec = advanceRedis(s, traffic, dtSec);
  recordDnsConditions(s, traffic);
  if (evictionsPerSec > 0 && t % MINUTE_MS === 0)
    sink.log(
      t,
      L.redisEvict,
      sink.intern('redis-master-0'),
      0,
      0,
      Math.round(s.config.redis.workingSetBytes),
      s.config.redis.maxmemoryBytes,
    );

  // Requests lost with dying pods.
  for (const e of ENDPOINT_IDS) {
    const lost = deadWork[e];
    if (lost > 0) {
      const o = traffic.outcomes[e];
      o.failed += lost;
      o.status.s502 += lost;
      o.mixture.add(lost, 3000, 0.5);
    }
  }

  // Counters, in-flight and retry pressure for the next step.
  let sloTotal = 0;
  let sloBad = 0;
  let sloSlow = 0;
  for (const e of ENDPOINT_IDS) {
    const o = traffic.outcomes[e];
    const c = s.counters[e];
    c.arrived += o.arrived;
    c.succeeded += o.succeeded;
    c.failed += o.failed;
    c.slow += o.slow;
    c.retries += demand.retries[e] * dtSec;
    let waiting = 0;
    for (const p of s.pods) if (p.deployment === 'api') waiting += podWaiting(p, EP_INDEX[e]);
    s.inFlight[e] = waiting;
    // Clients give up on answers slower than their own timeout and retry them like errors.
    const done = o.succeeded + o.failed;
    const abandoned =
      done > 0 ? o.succeeded * o.mixture.shareAbove(s.config.endpoints[e].clientTimeoutMs) : 0;
    c.abandoned += abandoned;
    s.traffic.lastFailRate[e] = (o.failed + abandoned) / dtSec;
    sloTotal += o.succeeded + o.failed;
    sloBad += o.failed; // shed 503s count against the SLO too
    sloSlow += o.slow;
  }
  recordSlo(s.slo, t, sloTotal, sloBad, sloSlow);
  const burn = burnRates(
    s.slo,
    s.config.slo.availabilityTarget,
    s.config.slo.latencyTarget,
    t + STEP_MS,
    s.config.slo.windowDays,
  );

  writeSample(s, traffic, burn, { walRate, queryMeanMs, evictionsPerSec }, sink.sample);
  // Exact per-second SLI counts: summed over the record they give the run's impact.
  sink.sample[K.sli_requests] = sloTotal / dtSec;
  sink.sample[K.sli_failed] = sloBad / dtSec;
  sink.sample[K.sli_slow] = sloSlow / dtSec;
  writeRequestLogs(s, traffic, rng, t, sink);
  evaluateAlerts(s.alerts, sink.sample, t + STEP_MS, sink);

  s.t = t + STEP_MS;
  s.rng = rng.snapshot();
  return s;
}

/** Why a starting pod cannot reach its dependencies (argument for the startup log), or -1. */
function startupFailure(s: SimState, pod: Pod, rng: Rng): number {
  if (pod.deployment !== 'api') return -1;
  // A fresh pod resolves its database host through cluster DNS (conditions of the last step).
  const dns = {
    capacityQps: 1,
    loadQps: s.dns.qps,
    util: s.dns.util,
    dropRatio: s.dns.dropRatio,
    answerMs: 0.5,
    upstreamFailRatio: s.dns.servfailRatio,
    corednsReady: 1,
  };
  const lookup = lookupOutcome(s, dns, PGBOUNCER_HOST, false, pod.resolver, pod.version);
  if (rng.float() < lookup.failed) return 0;
  const pgb = s.db.pgbouncer;
  if (s.t < pgb.loginFailingUntil || !s.db.primaryUp || s.t < s.db.primaryDownUntil) return 2;
  return -1;
}

/** Redis for one step; returns keys evicted per second (past `maxmemory`, allkeys-lru). */
function advanceRedis(s: SimState, traffic: StepTraffic, dtSec: number): number {
  const r = s.redis;
  const hot = 400_000; // keys in the working set
  r.hits += traffic.redisHits * dtSec;
  r.misses += traffic.redisMisses * dtSec;
  // Each miss that reached the database fills its key; popular keys come back first.
  const served = traffic.db.rate.product_by_id * dtSec;
  r.filled = Math.min(1, r.filled + (served / hot) * (1 - r.filled) * 3);
  const memory = s.config.redis.workingSetBytes * (0.25 + 0.75 * r.filled);
  const evicted =
    memory > s.config.redis.maxmemoryBytes ? (memory - s.config.redis.maxmemoryBytes) / 2048 : 0;
  r.evictedKeys += evicted * dtSec;
  return evicted;
}

/** What the DNS layer looked like this step, read by pods starting in the next one. */
function recordDnsConditions(s: SimState, traffic: StepTraffic): void {
  s.dns.qps = traffic.dns.loadQps;
  s.dns.util = traffic.dns.util;
  s.dns.dropRatio = traffic.dns.dropRatio;
  s.dns.servfailRatio = traffic.dns.upstreamFailRatio;
}

function writeSample(
  s: SimState,
  tr: StepTraffic,
  burn: ReturnType<typeof burnRates>,
  figures: { walRate: number; queryMeanMs: number; evictionsPerSec: number },
  v: Float64Array,
): void {
  const { walRate, queryMeanMs, evictionsPerSec } = figures;
  const set = (column: number, value: number): void => {
    v[column] = Number.isFinite(value) ? value : 0;
  };
  const cfg = s.config;
  const epoch = cfg.startEpochMs + s.t;
  set(K.edge_rps, tr.edgeRps);
  set(K.edge_cache_hit_ratio, tr.edgeTlsErrors > 0 ? 0 : cfg.edge.staticHitRatio);
  set(K.edge_tls_errors, tr.edgeTlsErrors);
  set(K.cert_expiry_days, (s.certNotAfterEpochMs - epoch) / DAY);
  let ingress = 0;
  let s502 = 0;
  let s503 = 0;
  let s504 = 0;
  let fails = 0;
  apiMix.clear();
  let apiRps = 0;
  let apiFails = 0;
  for (const e of ENDPOINT_IDS) {
    const o = tr.outcomes[e];
    const done = o.succeeded + o.failed;
    ingress += e === 'products' ? o.arrived - tr.internalCalls : o.arrived;
    s502 += o.status.s502;
    s503 += o.status.s503;
    s504 += o.status.s504;
    fails += o.failed;
    const col = EP_COLUMNS[EP_INDEX[e]]!;
    set(col.rps, o.arrived);
    set(col.errorRatio, done > 0 ? o.failed / done : 0);
    o.mixture.quantiles(QUANTILES, qOut);
    set(col.p50, qOut[0]!);
    set(col.p95, qOut[1]!);
    set(col.p99, qOut[2]!);
    if (e !== 'page') {
      apiMix.addShifted(o.mixture, 0, 1);
      apiRps += o.arrived;
      apiFails += o.failed;
    }
  }
  set(K.ingress_rps, ingress);
  set(K.ingress_5xx_ratio, ingress > 0 ? Math.min(1, fails / ingress) : 0);
  set(K.ingress_502, s502);
  set(K.ingress_503, s503);
  set(K.ingress_504, s504);
  set(K.web_cpu, tr.webCpu);
  set(K.web_pods_ready, s.pods.filter((p) => p.deployment === 'web' && p.ready).length);
  set(K.api_rps, apiRps);
  set(K.api_error_ratio, apiRps > 0 ? Math.min(1, apiFails / apiRps) : 0);
  apiMix.quantiles(API_QUANTILES, qOut);
  set(K.api_p50, qOut[0]!);
  set(K.api_p99, qOut[1]!);
  set(K.api_cpu, tr.apiCpu);
  let memMax = 0;
  let ready = 0;
  let poolMax = 0;
  let restarts = 0;
  for (const p of s.pods) {
    if (p.deployment !== 'api') continue;
    if (p.phase !== 'Terminating') {
      memMax = Math.max(memMax, p.memoryMiB);
      restarts += p.restarts;
    }
    if (p.ready) {
      ready++;
      poolMax += p.poolMaxConns;
    }
  }
  set(K.api_memory_max, memMax * 1024 * 1024);
  set(K.api_pods_ready, ready);
  set(K.api_pods_desired, s.deployments.api.replicas);
  set(K.api_restarts, restarts);
  set(K.api_goroutines, ready * 38 + tr.poolWaiting + apiRps * (apiMix.mean() / 1000));
  set(K.pool_in_use, tr.poolInUse);
  set(K.pool_idle, tr.poolIdle);
  set(K.pool_max, poolMax);
  set(K.pool_waiting, tr.poolWaiting);
  set(K.pool_wait_ms, tr.poolWaitMs);
  set(K.pool_acquire_timeouts, tr.poolAcquireTimeouts);
  const db = s.db;
  const pgb = db.pgbouncer;
  set(K.pgb_cl_active, pgb.clients - pgb.clientsWaiting);
  set(K.pgb_cl_waiting, pgb.clientsWaiting);
  set(K.pgb_sv_active, Math.min(db.serverConns, tr.poolInUse));
  set(K.pgb_sv_idle, Math.max(0, db.serverConns - tr.poolInUse));
  set(
    K.pgb_login_errors,
    s.t < pgb.loginFailingUntil ? Math.max(1, pgb.clients - db.serverConns) : 0,
  );
  const accepting = db.primaryUp && s.t >= db.primaryDownUntil;
  const direct = cfg.postgres.otherClients;
  const active = Math.min(db.activeBackends, db.serverConns) + (accepting ? 2 : 0);
  const idleTx = db.idleInTxBackends;
  set(K.pg_conn_active, accepting ? active : 0);
  set(K.pg_conn_idle_in_tx, accepting ? idleTx : 0);
  set(K.pg_conn_idle, accepting ? Math.max(0, db.serverConns - active - idleTx) + direct - 2 : 0);
  set(K.pg_conn_total, accepting ? db.serverConns + direct + db.indexBuilds.length : 0);
  set(K.pg_max_connections, accepting ? db.maxConnections : 0);
  set(K.pg_tps, db.tps);
  set(K.pg_cpu, Math.min(1, db.cpuUtil));
  set(K.pg_io_util, Math.min(1, db.ioUtil));
  set(K.pg_query_mean_ms, queryMeanMs);
  set(K.pg_lock_waiters, db.lockWaiters);
  set(K.pg_disk_used_ratio, db.diskUsedBytes / db.diskBytes);
  set(K.pg_wal_bytes, db.walBytes);
  set(K.pg_wal_rate, walRate);
  set(
    K.replica_lag_s,
    db.replicaUp ? db.replicaLagBytes / cfg.postgres.replicaReplayBytesPerSec + 0.02 : 0,
  );
  set(K.replica_cpu, Math.min(1, db.replicaCpuUtil));
  const lookups = tr.redisHits + tr.redisMisses;
  set(K.redis_hit_ratio, lookups > 0 ? tr.redisHits / lookups : 0);
  set(K.redis_memory, cfg.redis.workingSetBytes * (0.25 + 0.75 * s.redis.filled));
  set(K.redis_evictions, evictionsPerSec);
  set(K.redis_ops, lookups * 1.6);
  set(K.dns_qps, tr.dns.loadQps);
  set(
    K.dns_p99,
    tr.dns.dropRatio > 0.001
      ? 2000
      : tr.dns.answerMs * 6 + (tr.dns.upstreamFailRatio > 0 ? 2000 : 12),
  );
  set(K.dns_servfail, tr.dnsServfailQps);
  set(K.dns_nxdomain, tr.dnsNxdomainQps);
  set(K.dns_dropped, tr.dnsDroppedQps);
  set(K.coredns_cpu, Math.min(1, tr.dns.util));
  set(K.coredns_pods_ready, tr.dns.corednsReady);
  set(K.client_lookup_p99, tr.clientLookupP99Ms);
  set(K.payments_p99, tr.paymentsP99Ms);
  set(K.payments_error_ratio, tr.paymentsErrorRatio);
  set(K.slo_error_ratio, burn.b5m * (1 - cfg.slo.availabilityTarget));
  set(K.slo_slow_ratio, burn.latency5m * (1 - cfg.slo.latencyTarget));
  set(K.burn_rate_5m, burn.b5m);
  set(K.burn_rate_1h, burn.b1h);
  set(K.burn_rate_30m, burn.b30m);
  set(K.burn_rate_6h, burn.b6h);
  set(K.error_budget_remaining, burn.budgetRemaining);
}

/** Sampled access and error logs: a few lines a second, every failure kind represented. */
function writeRequestLogs(s: SimState, tr: StepTraffic, rng: Rng, t: number, sink: StepSink): void {
  const apiPods = s.pods.filter((p) => p.deployment === 'api' && p.ready);
  const webPods = s.pods.filter((p) => p.deployment === 'web' && p.ready);
  const pickApi = (): Pod | undefined => apiPods[rng.int(apiPods.length)];
  const ipOf = (p: Pod | undefined): number => (p ? sink.intern(podIp(p.uid)) : sink.intern(''));
  const ingressSrc = sink.intern('ingress-nginx-controller-7c9f6d5b8-x2kqp');
  const logIngressError = (template: number, e: EndpointId, pod: Pod | undefined): void =>
    sink.log(
      t + rng.int(1000),
      template,
      ingressSrc,
      0,
      0,
      EP_INDEX[e],
      ipOf(pod),
      0,
      0,
      rng.int(1_000_000),
      rng.int(8),
    );
  const endpoints = ENDPOINT_IDS;

  // Successful traffic: two access lines a second, the odd API request log.
  let total = 0;
  for (const e of endpoints) total += tr.outcomes[e].succeeded;
  for (let i = 0; i < 2 && total > 0; i++) {
    let pick = rng.float() * total;
    let e: EndpointId = 'products';
    for (const x of endpoints) {
      pick -= tr.outcomes[x].succeeded;
      if (pick <= 0) {
        e = x;
        break;
      }
    }
    const latencyMs = sampleLatency(sink.sample, e, rng);
    const pod = e === 'page' ? webPods[rng.int(Math.max(1, webPods.length))] : pickApi();
    const hi = rng.next();
    const lo = rng.next();
    const client = rng.int(1_000_000);
    const bytes = s.config.endpoints[e].responseBytes + rng.int(400);
    sink.log(
      t + rng.int(1000),
      L.access,
      ingressSrc,
      hi,
      lo,
      EP_INDEX[e],
      e === 'checkout' ? 201 : 200,
      bytes,
      latencyMs / 1000,
      client,
      ipOf(pod),
    );
    if (e !== 'page' && pod && rng.chance(0.3))
      sink.log(
        t + rng.int(1000),
        L.apiRequest,
        sink.intern(pod.name),
        hi,
        lo,
        EP_INDEX[e],
        e === 'checkout' ? 201 : 200,
        0,
        latencyMs,
      );
  }

  const badVersions = new Set<string>();
  for (const f of s.faults) if (f.spec.kind === 'badRelease') badVersions.add(f.spec.version);
  // Failures: about one line in twenty per failed request, at least a trickle while errors last.
  for (const e of endpoints) {
    const o = tr.outcomes[e];
    if (!(o.failed > 0)) continue;
    const causes = o.causes;
    for (let c = 0; c < causes.length; c++) {
      const count = causes[c]!;
      if (!(count > 0)) continue;
      const lines = rng.count(Math.min(3, count * 0.05 + (count > 0.5 ? 0.3 : 0)));
      // A panic comes from a pod running the bad release; other errors from any pod.
      const sources =
        c === API_ERROR.panic ? apiPods.filter((p) => badVersions.has(p.version)) : apiPods;
      for (let i = 0; i < lines; i++) {
        const pod = sources[rng.int(sources.length)];
        if (!pod) break;
        const hi = rng.next();
        const lo = rng.next();
        const status = c === API_ERROR.overloaded ? 503 : c >= 10 && c <= 15 ? 502 : 500;
        const at = t + rng.int(1000);
        const host = c >= 18 ? stormHost(s) : s.config.payments.host;
        const duration = durationFor(s, c, rng);
        sink.log(
          at,
          L.apiError,
          sink.intern(pod.name),
          hi,
          lo,
          EP_INDEX[e],
          status,
          c,
          duration,
          sink.intern(host),
          sink.intern(podIp(pod.uid)),
        );
        sink.log(
          at + Math.round(duration),
          L.access,
          ingressSrc,
          hi,
          lo,
          EP_INDEX[e],
          status,
          98,
          duration / 1000,
          rng.int(1_000_000),
          ipOf(pod),
        );
      }
    }
    if (o.status.s504 > 0 && rng.chance(Math.min(1, o.status.s504 * 0.1))) {
      logIngressError(L.upstreamTimeout, e, pickApi());
    }
    if (
      o.status.s502 > 0 &&
      causesTotal(causes) < o.status.s502 * 0.5 &&
      rng.chance(Math.min(1, o.status.s502 * 0.2))
    ) {
      logIngressError(L.upstreamClosed, e, pickApi());
    }
    if (
      e === 'page' &&
      o.status.s500 > 0 &&
      webPods.length > 0 &&
      rng.chance(Math.min(1, o.status.s500 * 0.05))
    ) {
      const web = webPods[rng.int(webPods.length)]!;
      sink.log(
        t + rng.int(1000),
        L.webError,
        sink.intern(web.name),
        0,
        0,
        tr.outcomes.products.status.s503 > tr.outcomes.products.status.s500 ? 503 : 500,
        rng.int(1_000_000),
      );
    }
  }
  if (tr.noEndpoints && Math.floor(t / SECOND) % 5 === 0)
    sink.log(t, L.noEndpoints, ingressSrc, 0, 0);

  // Slow queries: GORM's slow-SQL line in the API, Postgres' duration line (log_min_duration_statement = 500ms).
  for (const q of QUERY_IDS) {
    const slow = tr.slowQueries[q];
    if (!(slow > 0)) continue;
    const n = rng.count(Math.min(2, slow * 0.03 + 0.2));
    const slowMs = tr.slowMs[q];
    const qc = s.config.queries[q];
    for (let i = 0; i < n; i++) {
      const pod = pickApi();
      if (!pod) break;
      const ms = slowMs * (0.8 + rng.float() * 0.4);
      const at = t + rng.int(1000);
      sink.log(
        at,
        L.gormSlow,
        sink.intern(pod.name),
        0,
        0,
        sink.intern(qc.sql),
        sink.intern(qc.callSite),
        ms,
        qc.rows,
        rng.int(1_000_000),
      );
      if (ms >= 500)
        sink.log(
          at,
          L.pgDuration,
          sink.intern(
            qc.target === 'replica' && s.db.replicaUp && !s.db.promoted
              ? 'pg-replica-0'
              : 'pg-primary-0',
          ),
          0,
          0,
          20_000 + rng.int(40_000),
          ms,
          fnv1a32(qc.sql),
          sink.intern(qc.sql),
          rng.int(1_000_000),
        );
    }
  }

  // CoreDNS: the query log (with the ndots:5 NXDOMAIN chain) and errors when upstream or capacity fail.
  const dns = tr.dns;
  // The lines come from the CoreDNS pods kubectl lists (ready ones first), taking turns by the
  // second; without any CoreDNS pod nothing logs. The pick draws nothing from the rng.
  const corePods = s.pods.filter((p) => p.deployment === 'coredns');
  const readyCore = corePods.filter((p) => p.ready);
  const servers = readyCore.length > 0 ? readyCore : corePods;
  const corePod = servers[Math.floor(t / 1000) % Math.max(1, servers.length)];
  const coreSrc = corePod ? sink.intern(corePod.name) : -1;
  if (rng.chance(0.5) && apiPods.length > 0 && coreSrc >= 0) {
    const pod = pickApi()!;
    const host = s.config.payments.host;
    const names = s.config.dns.searchDomains.map((d) => `${host}.${d}.`);
    const step = rng.int(names.length + 1);
    const qname = step < names.length ? names[step]! : `${host}.`;
    const rcode = step < names.length ? 'NXDOMAIN' : 'NOERROR';
    sink.log(
      t + rng.int(1000),
      L.dnsQuery,
      coreSrc,
      0,
      0,
      sink.intern(podIp(pod.uid)),
      sink.intern(qname),
      sink.intern(rcode),
      rcode === 'NXDOMAIN' ? 160 + qname.length : 90,
      Math.round((rcode === 'NXDOMAIN' ? 90 : 11_000) + rng.int(400)),
      rng.next(),
    );
  }
  if (dns.upstreamFailRatio > 0 && rng.chance(0.8) && coreSrc >= 0) {
    sink.log(
      t + rng.int(1000),
      L.dnsUpstream,
      coreSrc,
      0,
      0,
      sink.intern(`${s.config.payments.host}.`),
      rng.int(2),
      sink.intern('10.244.0.12'),
      rng.int(20_000),
    );
  }
  if (dns.util > 1 && rng.chance(0.1) && coreSrc >= 0)
    sink.log(
      t + rng.int(1000),
      L.dnsHealth,
      coreSrc,
      0,
      0,
      1000 + rng.int(1500) * Math.min(4, dns.util),
    );
}

/** The least a request that reached a handler takes, in ms (routing, JSON, a cache hit). */
export const MIN_REQUEST_MS = 0.3;
/** Below the median, latencies bunch up: the fastest requests take about a quarter of it. */
const LOWER_SPREAD = 4;

/**
 * A plausible single request latency for an endpoint, log-normal around this step's p50 and
 * p99. Only the slow side stretches to p99: when p99 is a timeout (5 s) and p50 a few ms, a
 * symmetric spread would put the fast side at microseconds, which logs as "duration_ms":0.0.
 */
export function sampleLatency(sample: Float64Array, e: EndpointId, rng: Rng): number {
  const col = EP_COLUMNS[EP_INDEX[e]]!;
  const p50 = Math.max(0.1, sample[col.p50]!);
  const p99 = Math.max(p50, sample[col.p99]!);
  const z = rng.normal();
  const spread = z < 0 ? Math.min(LOWER_SPREAD, p99 / p50) : p99 / p50;
  return Math.max(MIN_REQUEST_MS, Math.min(p99 * 1.5, p50 * Math.pow(spread, z / 2.326)));
}

function causesTotal(causes: Float64Array): number {
  let n = 0;
  for (let i = 0; i < causes.length; i++) n += causes[i]!;
  return n;
}

function stormHost(s: SimState): string {
  for (const f of s.faults) if (f.spec.kind === 'dnsLookupStorm') return f.spec.host;
  return s.config.payments.host;
}

function durationFor(s: SimState, cause: number, rng: Rng): number {
  const base = rng.float() * 3;
  switch (cause) {
    case 0:
    case 1:
    case 16:
      return s.config.api.requestTimeoutMs + base;
    case 2:
      return s.db.statementTimeoutMs + base;
    case 10:
    case 15:
      return s.config.payments.clientTimeoutMs + base;
    case 12:
    case 18:
      return s.deployments.api.resolver.timeoutMs * s.deployments.api.resolver.attempts + base;
    case 14:
    case 19:
      return 2000 + base;
    default:
      return 2 + base;
  }
}
