/**
 * One second of requests through the stack: ingress, the Next.js web tier, the Go API pods, their
 * connection pools, Redis, PostgreSQL, DNS and the payment provider.
 *
 * Every pool and server is a queueing station with a capacity. Latency comes from utilisation
 * (queueing delay rises sharply near saturation), from waiting for a connection (a fluid backlog
 * that drains at capacity / hold time), and from timeouts; errors come from requests that wait past
 * a deadline or hit a broken dependency. Nothing is drawn from a canned curve.
 */
import { ENDPOINT_IDS, QUERY_IDS } from './config.ts';
import type { EndpointId, QueryId } from './config.ts';
import type { DnsConditions, LookupOutcome } from './dns.ts';
import { dnsConditions, lookupOutcome, queriesPerLookup } from './dns.ts';
import { appliesToVersion, faultEnabled } from './faults.ts';
import { API_ERROR, API_ERRORS } from './log-templates.ts';
import { clamp, LatencyMixture, queueDelayFactor, shareAbove } from './maths.ts';
import { PGBOUNCER_HOST } from './names.ts';
import type { Demand } from './traffic.ts';
import type { Rng } from './rng.ts';
import type { Pod, SimState } from './state.ts';
import { emptyEndpointRecord, emptyQueryRecord, POOL_MAX_AGE } from './state.ts';

const E = ENDPOINT_IDS.length;

const CAUSES = API_ERRORS.length;
const EI: Record<EndpointId, number> = { page: 0, products: 1, orders: 2, search: 3, checkout: 4 };

export type EndpointOutcome = {
  arrived: number;
  succeeded: number;
  failed: number;
  /** Requests slower than the latency SLO threshold (including failures that took that long). */
  slow: number;
  status: { s500: number; s502: number; s503: number; s504: number };
  /** Failures by API error cause (index into API_ERRORS), for logs. */
  causes: Float64Array;
  mixture: LatencyMixture;
};

export type DbLoad = {
  /** Executions per second per query, and their mean execution time (ms). */
  rate: Record<QueryId, number>;
  execMs: Record<QueryId, number>;
  badPlanShare: Record<QueryId, number>;
  primaryCpuCores: number;
  primaryIoBlocks: number;
  replicaCpuCores: number;
  activeBackends: number;
  idleInTxBackends: number;
  lockWaiters: number;
  transactions: number;
  statementTimeouts: number;
  idleTxKills: number;
  writesFailedDiskFull: number;
};

export type StepTraffic = {
  outcomes: Record<EndpointId, EndpointOutcome>;
  db: DbLoad;
  dns: DnsConditions;
  /** Aggregates for metrics. */
  edgeRps: number;
  edgeTlsErrors: number;
  ingressRps: number;
  webCpu: number;
  apiCpu: number;
  poolInUse: number;
  poolIdle: number;
  poolWaiting: number;
  poolWaitMs: number;
  poolAcquireTimeouts: number;
  paymentsP99Ms: number;
  paymentsErrorRatio: number;
  clientLookupP99Ms: number;
  dnsServfailQps: number;
  dnsNxdomainQps: number;
  dnsDroppedQps: number;
  redisHits: number;
  redisMisses: number;
  noEndpoints: boolean;
  /** Product calls made by the web tier for page views (counted on the products route). */
  internalCalls: number;
  /** Execution time of those slow queries, ms. */
  slowMs: Record<QueryId, number>;
  /** Slow queries executed this step per query (for GORM and Postgres slow logs). */
  slowQueries: Record<QueryId, number>;
};

function newOutcome(): EndpointOutcome {
  return {
    arrived: 0,
    succeeded: 0,
    failed: 0,
    slow: 0,
    status: { s500: 0, s502: 0, s503: 0, s504: 0 },
    causes: new Float64Array(CAUSES),
    mixture: new LatencyMixture(96),
  };
}

function resetOutcome(o: EndpointOutcome): void {
  o.arrived = 0;
  o.succeeded = 0;
  o.failed = 0;
  o.slow = 0;
  o.status.s500 = 0;
  o.status.s502 = 0;
  o.status.s503 = 0;
  o.status.s504 = 0;
  o.causes.fill(0);
  o.mixture.clear();
}

/** Scratch reused every step (not state: fully overwritten before it is read). */
const scratch = {
  outcomes: emptyEndpointRecord(newOutcome),
  lookup: new LatencyMixture(8),
  payments: new LatencyMixture(8),
  q3: new Float64Array(1),
  arr: new Float64Array(E),
  hold: new Float64Array(E),
  dbShare: new Float64Array(E),
  served: new Float64Array(E),
  waitNew: new Float64Array(E),
  timedOut: new Float64Array(E),
  refused: new Float64Array(E),
  rejected: new Float64Array(E),
};

/** Median execution time of a query on a pod: plan, CPU and IO queueing, lock waits. */
type QueryCost = {
  ms: number;
  cpuMs: number;
  blocks: number;
  bad: boolean;
  badShare: number;
  badMs: number;
  goodMs: number;
  lockWaitMs: number;
};

/** Column names of an index definition, without ASC/DESC/NULLS: `a, b DESC` -> [a, b]. */
const columnNames = (columns: string): string[] =>
  columns.split(',').map((c) => c.trim().split(/\s+/)[0]!.toLowerCase().replace(/"/g, ''));

/**
 * Whether a valid index lets the planner avoid the sequential scan the `needed` index prevents:
 * the index itself, or any index on the same table whose leading columns are the needed index's
 * filter columns (all but its last, ordering column), whatever the player named it.
 */
export function hasUsableIndex(
  s: SimState,
  table: string,
  needed: { name: string; columns: string },
): boolean {
  if (s.db.indexes[needed.name] === 'valid') return true;
  const want = columnNames(needed.columns);
  const filter = want.slice(0, Math.max(1, want.length - 1));
  for (const [name, def] of Object.entries(s.db.indexDefs)) {
    if (s.db.indexes[name] !== 'valid' || def.table !== table) continue;
    const have = columnNames(def.columns);
    if (filter.every((c, i) => have[i] === c)) return true;
  }
  return false;
}

export function queryCost(
  s: SimState,
  q: QueryId,
  version: string,
  cpuSlow: number,
  ioSlow: number,
  replicaSlow: number,
): QueryCost {
  const cfg = s.config.queries[q];
  // Share of executions that take the bad plan (a new code path, or the plan flip for everyone).
  let badShare = 0;
  for (const f of s.faults) {
    if (
      f.spec.kind !== 'planRegression' ||
      f.spec.query !== q ||
      !faultEnabled(f, s.flags) ||
      !appliesToVersion(f.spec, version)
    )
      continue;
    let broken: boolean;
    if (f.spec.cause === 'staleStatistics') {
      const analyzed = s.db.analyzedAt[cfg.table];
      broken = analyzed === undefined || analyzed < f.startedAt;
    } else {
      const needed = f.spec.index ?? cfg.index;
      broken = needed === null || needed === undefined || !hasUsableIndex(s, cfg.table, needed);
    }
    if (broken) badShare = 1 - (1 - badShare) * (1 - f.spec.share);
  }
  if (
    cfg.index &&
    s.db.indexes[cfg.index.name] !== undefined &&
    s.db.indexes[cfg.index.name] !== 'valid'
  )
    badShare = 1;
  const onReplica = cfg.target === 'replica' && s.db.replicaUp && !s.db.promoted;
  const slow = onReplica ? replicaSlow : cpuSlow;
  // Blocks mostly come from shared buffers; ~5% go to disk at 0.08 ms each, slowed by IO queueing.
  const goodMs = cfg.cpuMs * slow + cfg.blocksRead * 0.05 * 0.08 * ioSlow;
  const badMs = cfg.seqScanCpuMs * slow + cfg.seqScanBlocksRead * 0.05 * 0.08 * ioSlow;
  const cpuMs = cfg.cpuMs + badShare * (cfg.seqScanCpuMs - cfg.cpuMs);
  const blocks = cfg.blocksRead + badShare * (cfg.seqScanBlocksRead - cfg.blocksRead);
  let lockWaitMs = 0;
  for (const m of s.db.migrations) {
    if (m.cancelled || m.table !== cfg.table || s.t >= m.until) continue;
    if (m.blocks === 'all' || cfg.walBytes > 0) lockWaitMs = Math.max(lockWaitMs, m.until - s.t);
  }
  const ms = goodMs + badShare * (badMs - goodMs) + lockWaitMs;
  return {
    ms,
    cpuMs,
    blocks,
    bad: badShare > 0,
    badShare,
    badMs: badMs + lockWaitMs,
    goodMs: goodMs + lockWaitMs,
    lockWaitMs,
  };
}

/** Extra API latency and error share from a bad release, for a pod and endpoint. */
function releaseEffect(
  s: SimState,
  pod: Pod,
  e: EndpointId,
): { errorRatio: number; extraMs: number } {
  let errorRatio = 0;
  let extraMs = 0;
  for (const f of s.faults) {
    if (
      f.spec.kind !== 'badRelease' ||
      f.spec.version !== pod.version ||
      !faultEnabled(f, s.flags) ||
      !f.spec.endpoints.includes(e)
    )
      continue;
    errorRatio = 1 - (1 - errorRatio) * (1 - f.spec.errorRatio);
    extraMs += f.spec.extraLatencyMs;
  }
  return { errorRatio, extraMs };
}

function idleTxHoldMs(s: SimState, pod: Pod, e: EndpointId): number {
  let ms = 0;
  for (const f of s.faults) {
    if (
      f.spec.kind === 'idleInTransaction' &&
      f.spec.endpoint === e &&
      faultEnabled(f, s.flags) &&
      appliesToVersion(f.spec, pod.version)
    )
      ms += f.spec.holdMs;
  }
  return ms;
}

function leakRatio(s: SimState, pod: Pod, e: EndpointId): number {
  let r = 0;
  for (const f of s.faults) {
    if (
      f.spec.kind === 'connectionLeak' &&
      f.spec.endpoint === e &&
      faultEnabled(f, s.flags) &&
      appliesToVersion(f.spec, pod.version)
    )
      r += f.spec.leakRatio;
  }
  return Math.min(1, r);
}

function stormFor(
  s: SimState,
  pod: Pod,
  e: EndpointId,
): { host: string; perRequest: number } | null {
  for (const f of s.faults) {
    if (
      f.spec.kind === 'dnsLookupStorm' &&
      f.spec.endpoints.includes(e) &&
      faultEnabled(f, s.flags) &&
      appliesToVersion(f.spec, pod.version)
    )
      return { host: f.spec.host, perRequest: f.spec.lookupsPerRequest };
  }
  return null;
}

function paymentsBehaviour(s: SimState): { latencyMs: number; errorRatio: number } {
  let latencyMs = s.config.payments.latencyMs;
  let errorRatio = 0.002;
  for (const f of s.faults) {
    if (f.spec.kind === 'slowDependency' && faultEnabled(f, s.flags)) {
      latencyMs += f.spec.extraLatencyMs;
      errorRatio = 1 - (1 - errorRatio) * (1 - f.spec.errorRatio);
    }
  }
  return { latencyMs, errorRatio };
}

export function isPrimaryAccepting(s: SimState): boolean {
  return s.db.primaryUp && s.t >= s.db.primaryDownUntil;
}

export function diskFull(s: SimState): boolean {
  return s.db.diskUsedBytes >= s.db.diskBytes;
}

/**
 * What pods of one release see this step: fault effects per endpoint and query costs. Pods of the
 * same version share it, so it is computed once per version per step.
 */
type VersionView = {
  release: { errorRatio: number; extraMs: number }[];
  idleTxMs: number[];
  leak: number[];
  storm: ({ host: string; perRequest: number } | null)[];
  costs: Record<QueryId, QueryCost>;
  stormLookup: LookupOutcome | null;
  payLookup: LookupOutcome | null;
};

function buildVersionView(
  s: SimState,
  version: string,
  cpuSlow: number,
  ioSlow: number,
  replicaSlow: number,
): VersionView {
  const pod = { version } as Pod;
  const view: VersionView = {
    release: ENDPOINT_IDS.map((e) => releaseEffect(s, pod, e)),
    idleTxMs: ENDPOINT_IDS.map((e) => idleTxHoldMs(s, pod, e)),
    leak: ENDPOINT_IDS.map((e) => leakRatio(s, pod, e)),
    storm: ENDPOINT_IDS.map((e) => stormFor(s, pod, e)),
    costs: emptyQueryRecord(() => null as unknown as QueryCost),
    stormLookup: null,
    payLookup: null,
  };
  for (const q of QUERY_IDS) view.costs[q] = queryCost(s, q, version, cpuSlow, ioSlow, replicaSlow);
  return view;
}

/**
 * Runs one step of traffic. Mutates the draft state's pods (pool backlog, leaks, CPU) and returns
 * the step's outcomes and the database load it produced.
 */
export function runTraffic(s: SimState, demand: Demand, dtSec: number, rng: Rng): StepTraffic {
  const outcomes = scratch.outcomes;
  for (const e of ENDPOINT_IDS) resetOutcome(outcomes[e]);
  const cfg = s.config;
  const t = s.t;
  const thresholdMs = cfg.slo.latencyThresholdMs;
  // Seeded second-to-second wobble of service times (GC, cache locality, noisy neighbours).
  const jitter = [1 + 0.04 * rng.normal(), 1 + 0.05 * rng.normal()];

  // ---- Edge: TLS certificate and load shedding at the ingress.
  const now = cfg.startEpochMs + t;
  const certExpired = now >= s.certNotAfterEpochMs;
  let edgeRps = 0;
  let edgeTlsErrors = 0;
  let ingressRps = 0;
  const arriving = emptyEndpointRecord(() => 0);
  for (const e of ENDPOINT_IDS) {
    const total = demand.user[e] + demand.retries[e];
    edgeRps += total * (e === 'page' ? (1 / (1 - cfg.edge.staticHitRatio)) * 0.2 + 1 : 1);
    if (certExpired) {
      edgeTlsErrors += total;
      arriving[e] = 0;
    } else {
      arriving[e] = total * dtSec;
    }
    ingressRps += arriving[e] / dtSec;
  }

  const apiPods = s.pods.filter((p) => p.deployment === 'api' && p.ready);
  const webReady = s.pods.filter((p) => p.deployment === 'web' && p.ready).length;
  const n = apiPods.length;
  const shed = clamp(s.traffic.shedRatio, 0, 1);

  const c0 = { g: 1, thresholdMs, jitter };

  // ---- Ingress-level rejections: shedding, then no ready endpoints.
  const apiArrivals = emptyEndpointRecord(() => 0);
  for (const e of ENDPOINT_IDS) {
    const o = outcomes[e];
    o.arrived = arriving[e];
    const shedCount = arriving[e] * shed;
    fail(c0, o, shedCount, 503, 1.2, -1);
    const admitted = arriving[e] - shedCount;
    if (e === 'page') {
      if (webReady === 0) fail(c0, o, admitted, 503, 0.8, -1);
      else apiArrivals.products += admitted; // each page view fetches product data
    } else {
      apiArrivals[e] += admitted;
    }
  }
  // Page views' product calls are API requests like any other: they count on the API's route.
  const pageAdmitted = webReady > 0 ? arriving.page * (1 - shed) : 0;
  outcomes.products.arrived += pageAdmitted;

  // ---- Database conditions from last step (one-step lag keeps the loop stable).
  const db = s.db;
  const primaryOk = isPrimaryAccepting(s);
  const cores = cfg.postgres.cores;
  const cpuSlow = Math.max(1 + queueDelayFactor(db.cpuUtil, cores), db.cpuUtil);
  const ioSlow = Math.max(1 + queueDelayFactor(db.ioUtil, 4) * 2, db.ioUtil);
  const replicaSlow = Math.max(
    1 + queueDelayFactor(db.replicaCpuUtil, cfg.postgres.replicaCores),
    db.replicaCpuUtil,
  );
  const viewCache = new Map<string, VersionView>();
  // Keyed by release and template revision: the revision fixes the resolver and pool settings.
  const views = (pod: Pod): VersionView => {
    const key = `${pod.version}#${pod.revision}`;
    let v = viewCache.get(key);
    if (v === undefined) {
      v = buildVersionView(s, pod.version, cpuSlow, ioSlow, replicaSlow);
      viewCache.set(key, v);
    }
    return v;
  };

  // ---- DNS demand from this second's dials and lookups.
  const apiDep = s.deployments.api;
  const depResolver = apiDep.resolver;
  const searchN = cfg.dns.searchDomains.length;
  const podQueries = (host: string, pod: Pod): number =>
    queriesPerLookup(host, pod.resolver.ndots, searchN);
  let appQps =
    webReady * 2 +
    s.pods.filter((p) => p.deployment === 'api' && p.phase === 'Running' && !p.ready).length *
      3 *
      queriesPerLookup(PGBOUNCER_HOST, depResolver.ndots, searchN);
  const ttlSec = cfg.api.dnsCacheTtlMs / 1000;
  for (const pod of apiPods) {
    const share = 1 / n;
    const dials = (apiArrivals.checkout * share * (1 - cfg.payments.keepAliveReuse)) / dtSec;
    const cached = pod.dnsCacheWarm >= 1 ? Math.min(dials, 1 / ttlSec) : dials;
    appQps += cached * podQueries(cfg.payments.host, pod) + 4 / ttlSec; // plus the pod's own DB, Redis and API names
    for (const e of ENDPOINT_IDS) {
      const storm = views(pod).storm[EI[e]]!;
      if (storm)
        appQps +=
          ((apiArrivals[e] * share) / dtSec) * storm.perRequest * podQueries(storm.host, pod);
    }
  }
  const dns = dnsConditions(s, appQps);

  const load: DbLoad = {
    rate: emptyQueryRecord(() => 0),
    execMs: emptyQueryRecord(() => 0),
    badPlanShare: emptyQueryRecord(() => 0),
    primaryCpuCores: 0,
    primaryIoBlocks: 0,
    replicaCpuCores: 0,
    activeBackends: 0,
    idleInTxBackends: 0,
    lockWaiters: 0,
    transactions: 0,
    statementTimeouts: 0,
    idleTxKills: 0,
    writesFailedDiskFull: 0,
  };
  const slowQueries = emptyQueryRecord(() => 0);
  const slowMs = emptyQueryRecord(() => 0);

  const redisHitRatio = clamp(s.redis.filled, 0, 1) * cfg.redis.hitRatio;
  const pay = paymentsBehaviour(s);
  const requestTimeoutMs = cfg.api.requestTimeoutMs;
  const stmtTimeout = db.statementTimeoutMs;
  const idleTxTimeout = db.idleInTxTimeoutMs;
  const loginFailing = t < db.pgbouncer.loginFailingUntil || !primaryOk;
  const refusingClients = db.pgbouncer.refusedClients > 0;
  const isDiskFull = diskFull(s);

  const payMix = scratch.payments;
  payMix.clear();
  const lookupMix = scratch.lookup;
  lookupMix.clear();

  if (n === 0) {
    for (const e of ENDPOINT_IDS) {
      if (e === 'page') continue;
      fail(c0, outcomes[e], apiArrivals[e], 503, 0.9, -1);
    }
  }

  // Pods in the same state (same release, same pool, same backlog) compute the same second:
  // compute it once per group and count it `g` times. Pods diverge only through real events.
  const c: GroupContext = {
    s,
    cfg,
    outcomes,
    n,
    apiArrivals,
    views,
    dtSec,
    apiDep,
    redisHitRatio,
    idleTxTimeout,
    stmtTimeout,
    requestTimeoutMs,
    loginFailing,
    refusingClients,
    primaryOk,
    isDiskFull,
    db,
    pay,
    dns,
    lookupMix,
    payMix,
    load,
    slowQueries,
    slowMs,
    podQueries,
    thresholdMs,
    jitter,
    g: 1,
    apiCpuDemand: 0,
    redisHits: 0,
    redisMisses: 0,
    poolAcquireTimeouts: 0,
    payCalls: 0,
    payFails: 0,
    nxdomainExtra: 0,
    poolInUse: 0,
    poolIdle: 0,
    poolWaiting: 0,
    poolWaitWeighted: 0,
    poolServedTotal: 0,
  };
  for (const group of groupPods(apiPods)) {
    c.g = group.length;
    simulateGroup(c, group);
  }
  const {
    apiCpuDemand,
    redisHits,
    redisMisses,
    poolAcquireTimeouts,
    payCalls,
    payFails,
    nxdomainExtra,
    poolInUse,
    poolIdle,
    poolWaiting,
    poolWaitWeighted,
    poolServedTotal,
  } = c;

  // ---- Pages: web CPU plus the product data call, whose outcome the pages share.
  const page = outcomes.page;
  const products = outcomes.products;
  const webCores = Math.max(1, webReady) * (cfg.web.cpuLimitMillicores / 1000);
  const webRho = ((pageAdmitted / dtSec) * cfg.endpoints.page.cpuMs) / 1000 / webCores;
  const webMs = cfg.endpoints.page.cpuMs * (1 + queueDelayFactor(webRho, 2)) + 2;
  if (pageAdmitted > 0) {
    // A page renders when its product call succeeds, and takes that call's time plus its own.
    const done = products.succeeded + products.failed;
    const okRatio = done > 0 ? products.succeeded / done : 0;
    const okPages = pageAdmitted * okRatio;
    const failedPages = pageAdmitted - okPages;
    page.succeeded += okPages;
    page.failed += failedPages;
    page.status.s500 += failedPages;
    if (products.mixture.count > 0) {
      page.mixture.addShifted(products.mixture, webMs, pageAdmitted / products.mixture.count);
      page.slow += pageAdmitted * products.mixture.shareAbove(thresholdMs - webMs);
    } else {
      page.mixture.add(pageAdmitted, webMs, 0.3);
    }
  }

  let lookupP99 = 0;
  if (lookupMix.count > 0) {
    lookupMix.quantiles([0.99], scratch.q3);
    lookupP99 = scratch.q3[0]!;
  }
  let payP99 = 0;
  if (payMix.count > 0) {
    payMix.quantiles([0.99], scratch.q3);
    payP99 = scratch.q3[0]!;
  }

  const ext = externalNxdomainShare(s);
  return {
    outcomes,
    db: load,
    dns,
    edgeRps: certExpired ? edgeTlsErrors : edgeRps,
    edgeTlsErrors,
    ingressRps,
    webCpu: Math.min(1, webRho),
    apiCpu: n > 0 ? apiCpuDemand / (n * (apiDep.cpuLimitMillicores / 1000)) : 0,
    poolInUse,
    poolIdle,
    poolWaiting,
    poolWaitMs: poolServedTotal > 0 ? poolWaitWeighted / poolServedTotal : 0,
    poolAcquireTimeouts: poolAcquireTimeouts / dtSec,
    paymentsP99Ms: payP99,
    paymentsErrorRatio: payCalls + payFails > 0 ? payFails / (payCalls + payFails) : 0,
    clientLookupP99Ms: lookupP99,
    dnsServfailQps: dns.loadQps * dns.upstreamFailRatio * 0.1,
    dnsNxdomainQps: dns.loadQps * (1 - dns.dropRatio) * ext + nxdomainExtra,
    dnsDroppedQps: dns.loadQps * dns.dropRatio,
    redisHits: redisHits / dtSec,
    redisMisses: redisMisses / dtSec,
    noEndpoints: n === 0,
    internalCalls: pageAdmitted,
    slowQueries,
    slowMs,
  };
}

/** What a group of pods needs from the step, and the step-wide sums it adds to. */
type GroupContext = {
  s: SimState;
  cfg: SimState['config'];
  outcomes: Record<EndpointId, EndpointOutcome>;
  n: number;
  apiArrivals: Record<EndpointId, number>;
  views: (pod: Pod) => VersionView;
  dtSec: number;
  apiDep: SimState['deployments']['api'];
  redisHitRatio: number;
  idleTxTimeout: number;
  stmtTimeout: number;
  requestTimeoutMs: number;
  loginFailing: boolean;
  refusingClients: boolean;
  primaryOk: boolean;
  isDiskFull: boolean;
  db: SimState['db'];
  pay: { latencyMs: number; errorRatio: number };
  dns: DnsConditions;
  lookupMix: LatencyMixture;
  payMix: LatencyMixture;
  load: DbLoad;
  slowQueries: Record<QueryId, number>;
  slowMs: Record<QueryId, number>;
  podQueries: (host: string, pod: Pod) => number;
} & OutcomeContext & {
    apiCpuDemand: number;
    redisHits: number;
    redisMisses: number;
    poolAcquireTimeouts: number;
    payCalls: number;
    payFails: number;
    nxdomainExtra: number;
    poolInUse: number;
    poolIdle: number;
    poolWaiting: number;
    poolWaitWeighted: number;
    poolServedTotal: number;
  };

/** How outcomes are counted: `g` identical pods, the latency SLO threshold, this second's wobble. */
type OutcomeContext = { g: number; thresholdMs: number; jitter: readonly number[] };

function fail(
  c: OutcomeContext,
  o: EndpointOutcome,
  requests: number,
  status: 500 | 502 | 503 | 504,
  latencyMs: number,
  cause: number,
): void {
  if (!(requests > 0)) return;
  const count = requests * c.g;
  o.failed += count;
  if (status === 500) o.status.s500 += count;
  else if (status === 502) o.status.s502 += count;
  else if (status === 503) o.status.s503 += count;
  else o.status.s504 += count;
  if (cause >= 0) o.causes[cause] = o.causes[cause]! + count;
  o.mixture.add(count, latencyMs, 0.12);
  if (latencyMs > c.thresholdMs) o.slow += count;
}

function succeed(
  c: OutcomeContext,
  o: EndpointOutcome,
  requests: number,
  medianMs: number,
  sigma: number,
): void {
  if (!(requests > 0)) return;
  const count = requests * c.g;
  const m = medianMs * c.jitter[1]!;
  o.succeeded += count;
  o.mixture.add(count, m, sigma);
  o.slow += count * shareAbove(m, sigma, c.thresholdMs);
}

/** Groups pods whose traffic-relevant state is identical (they will compute the same step). */
function groupPods(pods: readonly Pod[]): Pod[][] {
  const groups: Pod[][] = [];
  outer: for (const pod of pods) {
    for (const group of groups) {
      if (sameTrafficState(group[0]!, pod)) {
        group.push(pod);
        continue outer;
      }
    }
    groups.push([pod]);
  }
  return groups;
}

function sameTrafficState(a: Pod, b: Pod): boolean {
  if (
    a.version !== b.version ||
    a.revision !== b.revision ||
    a.poolOpen !== b.poolOpen ||
    a.poolUsable !== b.poolUsable ||
    a.poolLeaked !== b.poolLeaked ||
    a.dnsCacheWarm !== b.dnsCacheWarm
  )
    return false;
  const wa = a.poolWaiting;
  const wb = b.poolWaiting;
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false;
  return true;
}

function copyPodTraffic(from: Pod, to: Pod): void {
  to.cpuUtil = from.cpuUtil;
  to.poolOpen = from.poolOpen;
  to.poolUsable = from.poolUsable;
  to.poolLeaked = from.poolLeaked;
  to.dnsCacheWarm = from.dnsCacheWarm;
  for (let i = 0; i < from.poolWaiting.length; i++) to.poolWaiting[i] = from.poolWaiting[i]!;
}

function addLookup(mix: LatencyMixture, lo: LookupOutcome, count: number): void {
  if (!(count > 0)) return;
  mix.add(count * lo.fast, lo.fastMs, 0.4);
  mix.add(count * lo.afterTimeout, 5000 + lo.fastMs, 0.05);
  mix.add(count * lo.failed, lo.failMs, 0.05);
}

/** NXDOMAIN share of healthy cluster DNS traffic: ndots:5 makes most first tries miss. */
function externalNxdomainShare(s: SimState): number {
  const n = s.config.dns.searchDomains.length;
  return s.deployments.api.resolver.ndots >= 2 ? (n / (n + 1)) * 0.8 : 0.1;
}

/** One group of identical API pods for one second: CPU, the pool, and every endpoint's outcome. */
function simulateGroup(c: GroupContext, group: Pod[]): void {
  const {
    s,
    cfg,
    outcomes,
    n,
    apiArrivals,
    views,
    dtSec,
    apiDep,
    redisHitRatio,
    idleTxTimeout,
    stmtTimeout,
    requestTimeoutMs,
    loginFailing,
    refusingClients,
    primaryOk,
    isDiskFull,
    db,
    pay,
    dns,
    lookupMix,
    payMix,
    load,
    slowQueries,
    slowMs,
    podQueries,
  } = c;
  const pod = group[0]!;
  const share = 1 / n;
  const view = views(pod);
  const resolver = pod.resolver;
  const arr = scratch.arr;
  let cpuDemand = 0;
  for (const e of ENDPOINT_IDS) {
    arr[EI[e]] = e === 'page' ? 0 : apiArrivals[e] * share;
    const rel = view.release[EI[e]]!;
    cpuDemand += (arr[EI[e]]! / dtSec) * cfg.endpoints[e].cpuMs * (1 + rel.errorRatio * 0.5);
  }
  const limitCores = apiDep.cpuLimitMillicores / 1000;
  const cpuRho = cpuDemand / 1000 / limitCores;
  pod.cpuUtil = Math.min(1, cpuRho);
  c.apiCpuDemand += Math.min(cpuDemand / 1000, limitCores) * c.g;
  const podCpuSlow = 1 + queueDelayFactor(cpuRho, 2);
  const cpuOverload = cpuRho > 1 ? 1 - 1 / cpuRho : 0;

  // Per endpoint: what share needs a connection, and for how long.
  const hold = scratch.hold;
  const dbShare = scratch.dbShare;
  for (const e of ENDPOINT_IDS) {
    const i = EI[e];
    const ecfg = cfg.endpoints[e];
    let execMs = 0;
    for (const q of ecfg.queries) {
      execMs += view.costs[q].ms;
    }
    dbShare[i] = ecfg.queries.length === 0 ? 0 : ecfg.cached ? 1 - redisHitRatio : 1;
    const idleTx = view.idleTxMs[i]!;
    const heldIdle = idleTxTimeout > 0 ? Math.min(idleTx, idleTxTimeout) : idleTx;
    // A query ends at statement_timeout, or when the request's context is cancelled at its
    // deadline (pgx cancels it and the connection goes back to the pool).
    const execCapped = Math.min(execMs, stmtTimeout > 0 ? stmtTimeout : execMs, requestTimeoutMs);
    hold[i] = dbShare[i]! > 0 ? execCapped + heldIdle + (ecfg.transactional ? 1.5 : 0.3) : 0;
  }

  // ---- The pool: a k-server station with a FIFO queue of waiters, kept as one cohort per second
  // of age. The oldest are served first; a cohort that has waited the request deadline gives up.
  const usable = Math.max(0, pod.poolUsable - pod.poolLeaked);
  const deadlineSteps = clamp(Math.round(requestTimeoutMs / (dtSec * 1000)), 1, POOL_MAX_AGE);
  const w = pod.poolWaiting;
  let newDb = 0;
  let holdWeighted = 0;
  let prevBacklog = 0;
  for (let i = 0; i < E; i++) {
    const a = arr[i]! * (1 - cpuOverload) * dbShare[i]!;
    scratch.waitNew[i] = a;
    newDb += a;
    holdWeighted += a * hold[i]!;
    for (let age = 0; age < POOL_MAX_AGE; age++) prevBacklog += w[i * POOL_MAX_AGE + age]!;
  }
  const meanHoldSec = newDb > 0 ? holdWeighted / newDb / 1000 : 0.002;
  const mu = meanHoldSec > 0 ? usable / meanHoldSec : 0; // connections' service rate, per second
  const rhoPool = usable > 0 ? ((newDb / dtSec) * meanHoldSec) / usable : 1;
  const canGrow = pod.poolOpen < pod.poolMaxConns - 0.5;
  const refusing = (loginFailing || refusingClients) && canGrow;
  let capacity = mu * dtSec;
  let served = 0;
  let waitedSteps = 0;
  const servedE = scratch.served;
  const timedOutE = scratch.timedOut;
  const refusedE = scratch.refused;
  servedE.fill(0);
  timedOutE.fill(0);
  refusedE.fill(0);
  // Serve: oldest cohort first, the new arrivals (age -1 here) last.
  for (let age = POOL_MAX_AGE - 1; age >= -1; age--) {
    let cohort = 0;
    for (let i = 0; i < E; i++)
      cohort += age < 0 ? scratch.waitNew[i]! : w[i * POOL_MAX_AGE + age]!;
    if (!(cohort > 0)) continue;
    const take = Math.min(capacity, cohort);
    const frac = take / cohort;
    for (let i = 0; i < E; i++) {
      if (age < 0) {
        servedE[i]! += scratch.waitNew[i]! * frac;
        scratch.waitNew[i]! *= 1 - frac;
      } else {
        const k = i * POOL_MAX_AGE + age;
        servedE[i]! += w[k]! * frac;
        w[k]! *= 1 - frac;
      }
    }
    capacity -= take;
    served += take;
    waitedSteps += take * (age + 1);
  }
  // The rest: refused at once when the pool cannot grow, otherwise they age; the oldest give up.
  let timedOut = 0;
  let waitingTotal = 0;
  for (let i = 0; i < E; i++) {
    const base = i * POOL_MAX_AGE;
    if (refusing) {
      let r = scratch.waitNew[i]!;
      for (let age = 0; age < POOL_MAX_AGE; age++) {
        r += w[base + age]!;
        w[base + age] = 0;
      }
      refusedE[i] = r;
      continue;
    }
    for (let age = deadlineSteps - 1; age < POOL_MAX_AGE; age++) {
      timedOutE[i]! += w[base + age]!;
      w[base + age] = 0;
    }
    for (let age = POOL_MAX_AGE - 1; age > 0; age--) w[base + age] = w[base + age - 1]!;
    w[base] = scratch.waitNew[i]!;
    timedOut += timedOutE[i]!;
    for (let age = 0; age < POOL_MAX_AGE; age++) waitingTotal += w[base + age]!;
  }
  // The server's in-flight limit (a semaphore middleware): goroutines waiting for a connection
  // count against it, and past it the newest requests are turned away with 503 at once.
  const rejectedE = scratch.rejected;
  rejectedE.fill(0);
  const room = Math.max(0, cfg.api.concurrencyPerPod - usable);
  if (waitingTotal > room) {
    let newest = 0;
    for (let i = 0; i < E; i++) newest += w[i * POOL_MAX_AGE]!;
    const reject = Math.min(newest, waitingTotal - room);
    if (newest > 0 && reject > 0) {
      for (let i = 0; i < E; i++) {
        const r = (w[i * POOL_MAX_AGE]! * reject) / newest;
        rejectedE[i] = r;
        w[i * POOL_MAX_AGE]! -= r;
      }
      waitingTotal -= reject;
    }
  }
  const meanWaitSec = served > 0 ? waitedSteps / served - 0.5 : 0;
  const queueWaitMs =
    mu > 0
      ? Math.min(
          requestTimeoutMs,
          Math.max(0, meanWaitSec) * 1000 * (prevBacklog > 0 ? 1 : 0) +
            meanHoldSec * 1000 * queueDelayFactor(rhoPool, Math.max(1, usable)),
        )
      : requestTimeoutMs;

  let busy = 0;
  let idleTxHeld = 0;
  let leakedNow = 0;
  for (const e of ENDPOINT_IDS) {
    const i = EI[e];
    const o = outcomes[e];
    const ecfg = cfg.endpoints[e];
    const arrivals = arr[i]!;
    const overloadFail = arrivals * cpuOverload;
    if (e === 'page') continue;
    // CPU-starved pods answer after the ingress gave up.
    fail(c, o, overloadFail, 504, cfg.ingress.upstreamTimeoutMs, -1);
    const admitted = arrivals - overloadFail;
    const hits = admitted * (1 - dbShare[i]!);
    const served_ = servedE[i]!;
    const timedOut_ = timedOutE[i]!;
    const refused_ = refusedE[i]!;
    if (ecfg.cached) {
      c.redisHits += hits * c.g;
      c.redisMisses += admitted * dbShare[i]! * c.g;
    }
    fail(c, o, rejectedE[i]!, 503, 1.5, API_ERROR.overloaded);
    fail(c, o, timedOut_, 500, requestTimeoutMs, API_ERROR.poolTimeout);
    fail(
      c,
      o,
      refused_,
      500,
      4,
      refusingClients && !loginFailing
        ? API_ERROR.maxClientConn
        : primaryOk
          ? API_ERROR.loginFailing
          : API_ERROR.recovery,
    );
    c.poolAcquireTimeouts += timedOut_ * c.g;

    const rel = view.release[i]!;
    const cpuMs = ecfg.cpuMs * podCpuSlow + rel.extraMs;
    // Cache hits: no connection needed.
    if (hits > 0) {
      const badRelease = hits * rel.errorRatio;
      fail(c, o, badRelease, 500, cpuMs, API_ERROR.panic);
      succeed(c, o, hits - badRelease, cpuMs + 0.6, 0.45);
    }
    if (!(served_ > 0)) continue;

    // Served by the database. What the query did:
    // Two query paths: the good plan, and (for a share of executions) the bad one.
    let execMs = 0;
    let execGood = 0;
    let execBad = 0;
    let badShare = 0;
    let lockWait = 0;
    for (const q of ecfg.queries) {
      const cost = view.costs[q];
      execMs += cost.ms;
      execGood += cost.goodMs;
      execBad += cost.badShare > 0 ? cost.badMs : cost.goodMs;
      badShare = Math.max(badShare, cost.badShare);
      lockWait = Math.max(lockWait, cost.lockWaitMs);
    }
    const idleTx = view.idleTxMs[i]!;
    const above = (extraMs: number, thresholdMs: number): number =>
      (1 - badShare) * shareAbove(execGood + extraMs, 0.35, thresholdMs) +
      badShare * shareAbove(execBad + extraMs, 0.35, thresholdMs);
    let stmtCancelled = 0;
    if (stmtTimeout > 0 && execMs > 0) stmtCancelled = above(0, stmtTimeout);
    let idleTxKilled = 0;
    if (idleTxTimeout > 0 && idleTx > idleTxTimeout) idleTxKilled = 1;
    // Requests that wait for a lock longer than their deadline give up while still holding a connection.
    const lockDeadline = lockWait > 0 ? shareAbove(execMs + queueWaitMs, 0.2, requestTimeoutMs) : 0;
    const diskFail = isDiskFull && ecfg.queries.some((q) => cfg.queries[q].walBytes > 0) ? 1 : 0;
    const dbDown = primaryOk
      ? 0
      : ecfg.queries.some(
            (q) => cfg.queries[q].target === 'primary' || !db.replicaUp || db.promoted,
          )
        ? 1
        : 0;

    // Account the database work actually done.
    for (const q of ecfg.queries) {
      const qc = cfg.queries[q];
      const cost = view.costs[q];
      const ratePerSec = (served_ / dtSec) * c.g;
      load.rate[q] += ratePerSec;
      load.execMs[q] += ratePerSec * cost.ms;
      load.badPlanShare[q] += ratePerSec * cost.badShare;
      const onReplica = qc.target === 'replica' && db.replicaUp && !db.promoted;
      if (onReplica) load.replicaCpuCores += (ratePerSec * cost.cpuMs) / 1000;
      else {
        load.primaryCpuCores += (ratePerSec * cost.cpuMs) / 1000;
        load.primaryIoBlocks += ratePerSec * cost.blocks * 0.05;
      }
      // Slow executions and how long they took (the bad plan's time, not the mean).
      if (cost.badShare > 0 && cost.badMs > 200) {
        slowQueries[q] += served_ * c.g * cost.badShare;
        slowMs[q] = Math.max(slowMs[q], cost.badMs);
      } else if (cost.ms > 200) {
        slowQueries[q] += served_ * c.g;
        slowMs[q] = Math.max(slowMs[q], cost.ms);
      }
    }
    const holdMs = hold[i]!;
    busy += (served_ / dtSec) * (holdMs / 1000);
    const idleHeld = idleTxTimeout > 0 ? Math.min(idleTx, idleTxTimeout) : idleTx;
    idleTxHeld += (served_ / dtSec) * (idleHeld / 1000);
    const execHeld = Math.min(execMs, stmtTimeout > 0 ? stmtTimeout : execMs, requestTimeoutMs);
    load.activeBackends += (c.g * (served_ / dtSec) * execHeld) / 1000;
    if (lockWait > 0)
      load.lockWaiters += (c.g * (served_ / dtSec) * Math.min(lockWait, execHeld)) / 1000;
    load.transactions += (served_ / dtSec) * c.g;
    leakedNow += served_ * view.leak[i]!;

    // The request holds its transaction idle (e.g. around an external call) inside its time.
    const idleHeldMs = idleTxTimeout > 0 ? Math.min(idleTx, idleTxTimeout) : idleTx;
    const baseMs = cpuMs + queueWaitMs + (ecfg.cached ? 0.6 : 0) + idleHeldMs;
    // Nothing outlives the API's deadline: the slow tail of each plan fails at the deadline.
    const deadlineMs = requestTimeoutMs + (ecfg.callsPayments ? cfg.payments.clientTimeoutMs : 0);
    const succeedPlans = (
      o: EndpointOutcome,
      count: number,
      extraMs: number,
      sigma: number,
    ): void => {
      settlePlan(o, count * (1 - badShare), extraMs + execGood, sigma);
      settlePlan(o, count * badShare, extraMs + execBad, 0.3);
    };
    const settlePlan = (
      o: EndpointOutcome,
      count: number,
      medianMs: number,
      sigmaPlan: number,
    ): void => {
      if (!(count > 0)) return;
      const over = shareAbove(medianMs, sigmaPlan, deadlineMs);
      fail(c, o, count * over, 500, deadlineMs, API_ERROR.queryTimeout);
      // The survivors are the fast part of the distribution: below the deadline.
      if (over > 0.5) succeed(c, o, count * (1 - over), deadlineMs * 0.85, 0.08);
      else succeed(c, o, count * (1 - over), medianMs, sigmaPlan);
    };
    let ok = served_;
    const dbDownFail = ok * dbDown;
    fail(c, o, dbDownFail, 500, 3, API_ERROR.recovery);
    ok -= dbDownFail;
    const diskFails = ok * diskFail;
    fail(c, o, diskFails, 500, baseMs + execMs, API_ERROR.diskFull);
    load.writesFailedDiskFull += (diskFails / dtSec) * c.g;
    ok -= diskFails;
    const stmtFails = ok * stmtCancelled;
    fail(c, o, stmtFails, 500, baseMs + stmtTimeout, API_ERROR.statementTimeout);
    load.statementTimeouts += (stmtFails / dtSec) * c.g;
    ok -= stmtFails;
    const lockFails = ok * lockDeadline;
    fail(c, o, lockFails, 500, requestTimeoutMs, API_ERROR.queryTimeout);
    ok -= lockFails;
    const killed = ok * idleTxKilled;
    fail(c, o, killed, 500, baseMs + execMs + idleTxTimeout, API_ERROR.idleTxKilled);
    load.idleTxKills += (killed / dtSec) * c.g;
    ok -= killed;
    const relFails = ok * rel.errorRatio;
    fail(c, o, relFails, 500, baseMs + execMs * 0.5, API_ERROR.panic);
    ok -= relFails;

    // A DNS lookup storm: every request resolves a new external name first.
    const storm = view.storm[i];
    let stormSlow = 0;
    if (storm) {
      const lo = (view.stormLookup ??= lookupOutcome(
        s,
        dns,
        storm.host,
        true,
        resolver,
        pod.version,
      ));
      const stormFail = ok * lo.failed;
      fail(
        c,
        o,
        stormFail,
        500,
        lo.failMs,
        lo.failKind === 2 ? API_ERROR.stormDnsServfail : API_ERROR.stormDnsTimeout,
      );
      ok -= stormFail;
      stormSlow = lo.fast + lo.afterTimeout > 0 ? lo.afterTimeout / (lo.fast + lo.afterTimeout) : 0;
      addLookup(lookupMix, lo, ok * c.g);
    }

    if (ecfg.callsPayments) {
      const dialShare = 1 - cfg.payments.keepAliveReuse;
      const lo = (view.payLookup ??= lookupOutcome(
        s,
        dns,
        cfg.payments.host,
        true,
        resolver,
        pod.version,
      ));
      const cacheHelps = pod.dnsCacheWarm >= 1 && lo.failKind !== 1 ? 0.6 : 0;
      const dialing = ok * dialShare * (1 - cacheHelps);
      addLookup(lookupMix, lo, dialing * c.g);
      const dnsFail = dialing * lo.failed;
      // A removed record answers NXDOMAIN for every name on the search path, the last one too.
      if (lo.failKind === 1)
        c.nxdomainExtra += ((dialing * c.g) / dtSec) * podQueries(cfg.payments.host, pod) * 0.25;
      const dnsErr =
        lo.failKind === 1
          ? API_ERROR.dnsNxdomain
          : lo.failKind === 2
            ? API_ERROR.dnsServfail
            : API_ERROR.dnsTimeout;
      fail(c, o, dnsFail, 502, baseMs + execMs + lo.failMs, dnsErr);
      ok -= dnsFail;
      c.payCalls += ok * c.g;
      const dialSlow = ok > 0 ? (dialing * lo.afterTimeout) / ok : 0;
      const wrong =
        s.faults.some(
          (f) =>
            f.spec.kind === 'dnsRecord' &&
            f.spec.host === cfg.payments.host &&
            f.spec.mode === 'wrong' &&
            faultEnabled(f, s.flags),
        ) &&
        !(
          s.dns.recordFixes[cfg.payments.host]! >= 0 && s.t >= s.dns.recordFixes[cfg.payments.host]!
        );
      const wrongFail = wrong ? ok * dialShare : 0;
      fail(c, o, wrongFail, 502, cfg.payments.clientTimeoutMs, API_ERROR.wrongAddress);
      ok -= wrongFail;
      const payTimeout = shareAbove(pay.latencyMs, 0.3, cfg.payments.clientTimeoutMs);
      const payTimeouts = ok * payTimeout;
      fail(
        c,
        o,
        payTimeouts,
        502,
        baseMs + execMs + cfg.payments.clientTimeoutMs,
        API_ERROR.paymentTimeout,
      );
      ok -= payTimeouts;
      const pay503 = ok * pay.errorRatio;
      fail(c, o, pay503, 502, baseMs + execMs + pay.latencyMs * 0.5, API_ERROR.payment503);
      ok -= pay503;
      c.payFails += (dnsFail + wrongFail + payTimeouts + pay503) * c.g;
      // Successful calls cannot be slower than the client timeout: narrow the shape near it.
      const paySigma = Math.max(
        0.05,
        Math.min(0.3, Math.log(cfg.payments.clientTimeoutMs / pay.latencyMs) / 2.4),
      );
      payMix.add(ok * c.g, pay.latencyMs, paySigma);
      payMix.add((dnsFail + wrongFail + payTimeouts) * c.g, cfg.payments.clientTimeoutMs, 0.004);
      const payMs = Math.min(pay.latencyMs, cfg.payments.clientTimeoutMs);
      const fastShare = 1 - dialSlow - stormSlow;
      // The payment call dominates when slow; its spread is bounded by the client timeout.
      const sigma =
        payMs > 1000
          ? Math.max(0.08, (0.45 * (baseMs + execMs)) / (baseMs + execMs + payMs)) + paySigma * 0.5
          : 0.45;
      succeedPlans(o, ok * Math.max(0, fastShare), baseMs + payMs, sigma);
      succeedPlans(
        o,
        ok * Math.min(1, dialSlow + stormSlow),
        baseMs + payMs + resolver.timeoutMs,
        0.15,
      );
    } else {
      succeedPlans(o, ok * (1 - stormSlow), baseMs, 0.5);
      succeedPlans(o, ok * stormSlow, baseMs + resolver.timeoutMs, 0.15);
    }
  }

  // ---- Pool bookkeeping: in-use, leaks, idle-in-transaction, and how big the pool wants to be.
  let leaked = pod.poolLeaked + leakedNow;
  if (idleTxTimeout > 0) leaked -= leaked * Math.min(1, (dtSec * 1000) / idleTxTimeout);
  leaked = clamp(leaked, 0, pod.poolMaxConns);
  const killedLeaks = Math.max(0, pod.poolLeaked + leakedNow - leaked);
  load.idleTxKills += (killedLeaks / dtSec) * c.g;
  pod.poolLeaked = leaked;
  const inUse = Math.min(usable, busy) + leaked;
  const wantOpen =
    waitingTotal > 0.5 || rhoPool > 0.85
      ? pod.poolMaxConns
      : Math.min(pod.poolMaxConns, Math.ceil(inUse + idleTxHeld + 2));
  // Idle connections close slowly (MaxConnIdleTime); demand opens them at once.
  const decayed = pod.poolOpen - (pod.poolOpen - wantOpen) * (dtSec / 1800);
  pod.poolOpen = clamp(
    Math.max(wantOpen, decayed, leaked),
    Math.min(cfg.api.pool.minConns, pod.poolMaxConns),
    pod.poolMaxConns,
  );
  c.poolInUse += inUse * c.g;
  c.poolIdle += Math.max(0, pod.poolUsable - inUse) * c.g;
  c.poolWaiting += waitingTotal * c.g;
  c.poolWaitWeighted += (queueWaitMs * served + requestTimeoutMs * timedOut) * c.g;
  c.poolServedTotal += (served + timedOut) * c.g;
  load.idleInTxBackends += (idleTxHeld + leaked) * c.g;
  pod.dnsCacheWarm = Math.min(1, pod.dnsCacheWarm + dtSec / 5);
  for (let m = 1; m < group.length; m++) copyPodTraffic(pod, group[m]!);
}
