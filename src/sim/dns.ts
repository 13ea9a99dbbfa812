/**
 * Cluster DNS: CoreDNS pods with a query capacity, the search-path amplification of `ndots:5`,
 * client-side caching by TTL, resolver timeouts and retries, NXDOMAIN and SERVFAIL.
 *
 * A logical lookup of a name with fewer dots than `ndots` is first tried with every search suffix
 * (A and AAAA each), so an external name costs 2 x (suffixes + 1) queries. When CoreDNS is past its
 * capacity, the excess UDP queries are dropped; the client waits out its resolver timeout (5 s)
 * and tries again, which is where the 5-second latency mode comes from.
 */
import { appliesToVersion, faultEnabled } from './faults.ts';
import type { SimState } from './state.ts';
import { clamp, queueDelayFactor } from './maths.ts';

/** Background query rate of the rest of the cluster (other namespaces, kube-system). */
export const CLUSTER_BACKGROUND_QPS = 700;

export function dotsIn(host: string): number {
  let n = 0;
  for (let i = 0; i < host.length; i++) if (host.charCodeAt(i) === 46) n++;
  return n;
}

/** DNS queries one logical lookup sends before it is answered (A and AAAA in parallel). */
export function queriesPerLookup(host: string, ndots: number, searchDomains: number): number {
  if (host.endsWith('.')) return 2;
  return dotsIn(host) >= ndots ? 2 : 2 * (searchDomains + 1);
}

export type DnsConditions = {
  capacityQps: number;
  loadQps: number;
  util: number;
  /** Share of queries CoreDNS drops (client sees a timeout). */
  dropRatio: number;
  /** Median CoreDNS answer time, ms. */
  answerMs: number;
  /** Share of forwarded (external) queries answered SERVFAIL. */
  upstreamFailRatio: number;
  corednsReady: number;
};

export function corednsCapacity(s: SimState): {
  ready: number;
  capacityQps: number;
  extraQps: number;
} {
  let ready = 0;
  for (const p of s.pods) if (p.deployment === 'coredns' && p.ready) ready++;
  let factor = 1;
  let extraQps = 0;
  for (const f of s.faults) {
    if (f.spec.kind === 'corednsOverload' && faultEnabled(f, s.flags)) {
      factor *= f.spec.capacityFactor;
      extraQps += f.spec.extraQps;
    }
  }
  return { ready, capacityQps: ready * s.config.dns.qpsPerPod * factor, extraQps };
}

export function dnsConditions(s: SimState, appQps: number): DnsConditions {
  const cap = corednsCapacity(s);
  const loadQps = appQps + CLUSTER_BACKGROUND_QPS + cap.extraQps;
  const util = cap.capacityQps > 0 ? loadQps / cap.capacityQps : Number.POSITIVE_INFINITY;
  // Past capacity the excess is dropped; just below it, CPU throttling already loses a little.
  const dropRatio =
    cap.capacityQps <= 0 ? 1 : util > 1 ? 1 - 1 / util : util > 0.92 ? (util - 0.92) * 0.15 : 0;
  const answerMs = 0.4 * (1 + queueDelayFactor(Math.min(util, 0.985), Math.max(1, cap.ready)) * 8);
  let upstreamFailRatio = 0;
  for (const f of s.faults) {
    if (f.spec.kind === 'upstreamResolverFailure' && faultEnabled(f, s.flags))
      upstreamFailRatio = Math.max(upstreamFailRatio, f.spec.failRatio);
  }
  return {
    capacityQps: cap.capacityQps,
    loadQps,
    util,
    dropRatio: clamp(dropRatio, 0, 1),
    answerMs,
    upstreamFailRatio,
    corednsReady: cap.ready,
  };
}

export type LookupOutcome = {
  /** Shares of lookups: answered at once, answered after one resolver timeout, failed. */
  fast: number;
  afterTimeout: number;
  failed: number;
  /** Why failures fail: 0 timeout, 1 NXDOMAIN, 2 SERVFAIL. */
  failKind: 0 | 1 | 2;
  fastMs: number;
  /** Resolution of a failed lookup takes this long before the error. */
  failMs: number;
};

/** Whether a record is currently broken (removed or wrong) for `host` as pods of `version` see it. */
export function recordProblem(
  s: SimState,
  host: string,
  version: string,
): 'removed' | 'wrong' | null {
  for (const f of s.faults) {
    if (
      f.spec.kind === 'dnsRecord' &&
      f.spec.host === host &&
      faultEnabled(f, s.flags) &&
      appliesToVersion(f.spec, version)
    ) {
      const fixedAt = s.dns.recordFixes[host];
      if (fixedAt !== undefined && fixedAt >= f.startedAt && s.t >= fixedAt) continue;
      return f.spec.mode;
    }
  }
  return null;
}

/** What happens to one logical lookup of `host` from a pod with the given resolver options. */
export function lookupOutcome(
  s: SimState,
  dns: DnsConditions,
  host: string,
  external: boolean,
  resolver: { ndots: number; timeoutMs: number; attempts: number },
  version: string,
): LookupOutcome {
  const q = queriesPerLookup(host, resolver.ndots, s.config.dns.searchDomains.length);
  const allAnswered = Math.pow(1 - dns.dropRatio, q);
  const attempts = Math.max(1, resolver.attempts);
  const failedAll = Math.pow(1 - allAnswered, attempts);
  const fastMs = (q / 2) * dns.answerMs + (external ? 12 : 0);
  const problem = recordProblem(s, host, version);
  if (problem === 'removed')
    return { fast: 0, afterTimeout: 0, failed: 1, failKind: 1, fastMs, failMs: fastMs };
  const servfail = external ? dns.upstreamFailRatio : 0;
  const answered = 1 - failedAll;
  return {
    fast: allAnswered * (1 - servfail),
    afterTimeout: Math.max(0, answered - allAnswered) * (1 - servfail),
    failed: failedAll + answered * servfail,
    failKind: servfail > 0 && servfail * answered >= failedAll ? 2 : 0,
    fastMs,
    failMs: servfail * answered >= failedAll ? 2000 + fastMs : resolver.timeoutMs * attempts,
  };
}
