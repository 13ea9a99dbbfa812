/**
 * The people a player can page. Each answers after a realistic delay with what they can see from
 * where they sit, read from the system at the moment they answer: a DBA looks at the database, the
 * platform team at the cluster, the network team at DNS and the edge. They report one finding,
 * the most striking, and never the root cause outright: the player still has to connect it.
 * Texts are catalogue keys (`reply.*`) with numbers as params.
 */
import type { PageTarget } from '../scenario/vocabulary.ts';
import { firingAlerts, M, MINUTE, SECOND } from '../sim/index.ts';
import type { Recorder, SimState } from '../sim/index.ts';

export type Reply = {
  from: string;
  role: 'teammate' | 'otherTeam' | 'manager';
  key: string;
  params: Record<string, string | number>;
};

/** How long each takes to answer a page: on-call teams acknowledge, log in and look. */
export const REPLY_DELAY_MS: Record<PageTarget, number> = {
  secondary: 3 * MINUTE,
  dba: 6 * MINUTE,
  platform: 5 * MINUTE,
  network: 8 * MINUTE,
  payments: 10 * MINUTE,
  manager: 90 * SECOND,
};

/** What people say in chat: a ratio as a percentage with one decimal, a metric's latest value. */
export const pct = (ratio: number): number => Math.round(ratio * 1000) / 10;
const ms = (v: number): number => Math.round(v);

type Look = { state: SimState; recorder: Recorder; statusPagePosted: boolean };
export const latest = (r: Recorder, key: string): number => r.metrics.latest(M[key]!);

function dba({ state, recorder }: Look): Omit<Reply, 'from' | 'role'> {
  const db = state.db;
  if (!db.primaryUp || db.primaryDownUntil > state.t)
    return { key: 'reply.dba.primaryDown', params: {} };
  if (db.idleInTxBackends > db.maxConnections * 0.2)
    return {
      key: 'reply.dba.idleInTx',
      params: { count: Math.round(db.idleInTxBackends), max: db.maxConnections },
    };
  if (db.lockWaiters > 5)
    return { key: 'reply.dba.locks', params: { waiters: Math.round(db.lockWaiters) } };
  const mean = latest(recorder, 'pg_query_mean_ms');
  if (mean > 50) {
    let worst = '';
    let worstMean = 0;
    for (const [id, s] of Object.entries(db.stmt))
      if (s.calls > 0 && s.totalMs / s.calls > worstMean) {
        worstMean = s.totalMs / s.calls;
        worst = id;
      }
    const sql = state.config.queries[worst as keyof typeof state.config.queries]?.sql ?? worst;
    return { key: 'reply.dba.slowQuery', params: { query: sql.slice(0, 60), mean: ms(worstMean) } };
  }
  if (db.cpuUtil > 0.8) return { key: 'reply.dba.cpu', params: { cpu: pct(db.cpuUtil) } };
  return {
    key: 'reply.dba.healthy',
    params: { active: Math.round(db.activeBackends), max: db.maxConnections },
  };
}

function platform({ state, recorder }: Look): Omit<Reply, 'from' | 'role'> {
  const looping = state.pods.filter((p) => p.phase === 'CrashLoopBackOff');
  if (looping.length > 0)
    return {
      key: 'reply.platform.crashLoop',
      params: { count: looping.length, deployment: looping[0]!.deployment },
    };
  const ready = latest(recorder, 'api_pods_ready');
  const desired = latest(recorder, 'api_pods_desired');
  if (ready < desired)
    return { key: 'reply.platform.notReady', params: { ready: ms(ready), desired: ms(desired) } };
  const coredns = latest(recorder, 'coredns_cpu');
  if (coredns > 0.8) return { key: 'reply.platform.coredns', params: { cpu: pct(coredns) } };
  return { key: 'reply.platform.healthy', params: { pods: state.pods.length } };
}

function network({ state, recorder }: Look): Omit<Reply, 'from' | 'role'> {
  const qps = Math.round(latest(recorder, 'dns_qps'));
  if (state.dns.dropRatio > 0.01 || state.dns.util > 0.9)
    return {
      key: 'reply.network.dnsOverload',
      params: { qps, util: pct(state.dns.util), dropped: pct(state.dns.dropRatio) },
    };
  if (state.dns.servfailRatio > 0.01)
    return { key: 'reply.network.upstream', params: { servfail: pct(state.dns.servfailRatio) } };
  const tls = latest(recorder, 'edge_tls_errors');
  if (tls > 1) return { key: 'reply.network.tls', params: { errors: ms(tls) } };
  return { key: 'reply.network.healthy', params: { qps } };
}

function payments({ recorder }: Look): Omit<Reply, 'from' | 'role'> {
  const p99 = latest(recorder, 'payments_p99');
  const errors = latest(recorder, 'payments_error_ratio');
  if (errors > 0.01 || p99 > 1500)
    return { key: 'reply.payments.degraded', params: { p99: ms(p99), errors: pct(errors) } };
  return { key: 'reply.payments.healthy', params: { p99: ms(p99) } };
}

function secondary({ state, recorder }: Look): Omit<Reply, 'from' | 'role'> {
  return {
    key: 'reply.secondary.summary',
    params: {
      p99: ms(latest(recorder, 'api_p99')),
      errors: pct(latest(recorder, 'api_error_ratio')),
      firing: firingAlerts(state.alerts).length,
    },
  };
}

function manager({ statusPagePosted }: Look): Omit<Reply, 'from' | 'role'> {
  return statusPagePosted
    ? { key: 'reply.manager.thanks', params: {} }
    : { key: 'reply.manager.askImpact', params: {} };
}

const RESPONDERS: Record<
  PageTarget,
  { from: string; role: Reply['role']; look: (l: Look) => Omit<Reply, 'from' | 'role'> }
> = {
  secondary: { from: 'reply.from.secondary', role: 'teammate', look: secondary },
  dba: { from: 'reply.from.dba', role: 'otherTeam', look: dba },
  platform: { from: 'reply.from.platform', role: 'otherTeam', look: platform },
  network: { from: 'reply.from.network', role: 'otherTeam', look: network },
  payments: { from: 'reply.from.payments', role: 'otherTeam', look: payments },
  manager: { from: 'reply.from.manager', role: 'manager', look: manager },
};

/** What `target` says when they answer, looking at the system as it is now. */
export function replyFrom(target: PageTarget, look: Look): Reply {
  const r = RESPONDERS[target];
  return { from: r.from, role: r.role, ...r.look(look) };
}
