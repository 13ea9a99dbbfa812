/**
 * How a query fares right now: CoreDNS's capacity and drop share, SERVFAIL from a failing upstream,
 * and the stub resolver's search list, timeout and attempts. Every outcome is drawn from the sim's
 * shares with a stable hash, so the same question at the same moment gets the same answer.
 */
import { clusterNames } from '../../../sim/index.ts';
import type { Pod, SimState } from '../../../sim/index.ts';
import type { DnsConditions } from '../../../sim/dns.ts';
import { CLUSTER_BACKGROUND_QPS, corednsCapacity, dnsConditions } from '../../../sim/dns.ts';
import { draw, secondOf } from './draw.ts';
import type { RrType, ZoneAnswer } from './zone.ts';
import { isClusterName, isIpv4, upstreamAnswer, zoneAnswer } from './zone.ts';

/** The VPC resolver CoreDNS forwards to. */
export const UPSTREAM_IP = clusterNames.UPSTREAM_RESOLVER.split(':')[0]!;

/** What a stub resolver reads from /etc/resolv.conf. */
export type ResolverConf = {
  nameserver: string;
  search: readonly string[];
  ndots: number;
  timeoutMs: number;
  attempts: number;
  /** The release of the asking pod, for version-scoped record faults. */
  version: string;
};

/** The bastion sits in the cluster network and uses cluster DNS with the prod search list. */
export function bastionResolver(s: SimState): ResolverConf {
  return {
    nameserver: s.config.dns.serviceIp,
    search: s.config.dns.searchDomains,
    ndots: s.config.dns.ndots,
    timeoutMs: s.config.dns.resolverTimeoutMs,
    attempts: s.config.dns.resolverAttempts,
    version: s.deployments.api.version,
  };
}

export const searchFor = (namespace: string): string[] => [
  `${namespace}.svc.cluster.local`,
  'svc.cluster.local',
  'cluster.local',
];

/** A pod's resolver: its namespace's search list and the options baked into its template. */
export function podResolver(
  s: SimState,
  namespace: string,
  pod: Pick<Pod, 'resolver' | 'version'> | null,
): ResolverConf {
  const r = pod?.resolver;
  return {
    nameserver: s.config.dns.serviceIp,
    search: searchFor(namespace),
    ndots: r?.ndots ?? s.config.dns.ndots,
    timeoutMs: r?.timeoutMs ?? s.config.dns.resolverTimeoutMs,
    attempts: r?.attempts ?? s.config.dns.resolverAttempts,
    version: pod?.version ?? s.deployments.api.version,
  };
}

/**
 * CoreDNS as of the last step: the drop and SERVFAIL shares the sim recorded, and its answer time
 * from the load it carried.
 */
export function dnsNow(s: SimState): DnsConditions {
  const cap = corednsCapacity(s);
  const appQps = Math.max(0, s.dns.qps - CLUSTER_BACKGROUND_QPS - cap.extraQps);
  const now = dnsConditions(s, appQps);
  return {
    ...now,
    dropRatio: cap.ready === 0 ? 1 : s.dns.dropRatio,
    upstreamFailRatio: Math.max(s.dns.servfailRatio, now.upstreamFailRatio),
  };
}

export type ServerKind = 'coredns' | 'upstream' | 'public' | 'unreachable';

export function serverKind(s: SimState, ip: string): ServerKind {
  if (ip === s.config.dns.serviceIp) return 'coredns';
  if (s.pods.some((p) => p.deployment === 'coredns' && clusterNames.podIp(p.uid) === ip))
    return 'coredns';
  if (ip === UPSTREAM_IP) return 'upstream';
  if (ip === '8.8.8.8' || ip === '8.8.4.4' || ip === '1.1.1.1' || ip === '1.0.0.1') return 'public';
  return 'unreachable';
}

/** What became of one UDP query. */
export type Fate =
  | { kind: 'timeout' }
  | { kind: 'refused' }
  | { kind: 'servfail'; ms: number }
  | { kind: 'answer'; ms: number; zone: ZoneAnswer };

/** One query to one server, try number `attempt` (0-based). */
export function queryFate(
  s: SimState,
  server: string,
  fqdn: string,
  qtype: RrType,
  attempt: number,
  version: string,
): Fate {
  const kind = serverKind(s, server);
  const salt = [secondOf(s.t), server, fqdn.toLowerCase(), qtype, attempt];
  const external = !isClusterName(fqdn.toLowerCase());
  if (kind === 'unreachable') return { kind: 'timeout' };
  if (kind === 'coredns') {
    const dns = dnsNow(s);
    const serviceIp = server === s.config.dns.serviceIp;
    // A Service with no ready endpoints: kube-proxy rejects the packet.
    if (dns.corednsReady === 0 && serviceIp) return { kind: 'refused' };
    if (draw('drop', ...salt) < dns.dropRatio) return { kind: 'timeout' };
    if (external && draw('servfail', ...salt) < dns.upstreamFailRatio)
      return { kind: 'servfail', ms: 2000 + 12 * (0.5 + draw('upms', ...salt)) };
    const ms =
      dns.answerMs * (0.4 + 1.2 * draw('ms', ...salt)) +
      (external ? 12 * (0.5 + draw('upms', ...salt)) : 0);
    return { kind: 'answer', ms, zone: zoneAnswer(s, fqdn, qtype, version) };
  }
  if (kind === 'upstream') {
    const failing = dnsNow(s).upstreamFailRatio;
    if (draw('upstream', ...salt) < failing) return { kind: 'timeout' };
    return {
      kind: 'answer',
      ms: 1 + 10 * draw('ms', ...salt),
      zone: upstreamAnswer(s, fqdn, qtype, version),
    };
  }
  return {
    kind: 'answer',
    ms: 6 + 20 * draw('ms', ...salt),
    zone: upstreamAnswer(s, fqdn, qtype, version),
  };
}

const dotsIn = (name: string): number => name.split('.').length - 1;

/** The names a stub resolver tries, in order (glibc and Go: search first below `ndots` dots). */
export function searchCandidates(host: string, conf: ResolverConf): string[] {
  if (host.endsWith('.')) return [host];
  const suffixed = conf.search.map((d) => `${host}.${d}.`);
  return dotsIn(host) >= conf.ndots ? [`${host}.`, ...suffixed] : [...suffixed, `${host}.`];
}

/** The outcome of a logical lookup (A and AAAA of each candidate until one exists). */
export type Lookup = {
  status: 'ok' | 'nxdomain' | 'servfail' | 'timeout' | 'refused';
  /** The name that answered (absolute), or the name as asked. */
  fqdn: string;
  addresses: string[];
  authoritative: boolean;
  /** Time until the answer or the error. */
  ms: number;
  /** Resolver timeouts waited out before the answer. */
  timeouts: number;
  /** Candidates that answered NXDOMAIN before the one that answered. */
  misses: string[];
};

/**
 * One logical lookup with the arithmetic of the sim's `lookupOutcome` (each query dropped with
 * CoreDNS's drop share, a retry after the resolver timeout, SERVFAIL for forwarded names), but
 * with the number of queries the search walk really sends for this name.
 */
export function lookupHost(
  s: SimState,
  conf: ResolverConf,
  host: string,
  salt: string,
  server: string = conf.nameserver,
): Lookup {
  const name = host.toLowerCase();
  if (isIpv4(name))
    return {
      status: 'ok',
      fqdn: name,
      addresses: [name],
      authoritative: false,
      ms: 0,
      timeouts: 0,
      misses: [],
    };
  const kind = serverKind(s, server);
  const candidates = searchCandidates(name, conf);
  const answers = candidates.map((c) =>
    kind === 'coredns'
      ? zoneAnswer(s, c, 'A', conf.version)
      : upstreamAnswer(s, c, 'A', conf.version),
  );
  const hit = answers.findIndex((a) => a.rcode === 'NOERROR' && a.answer.length > 0);
  const found = hit >= 0 ? answers[hit]! : null;
  const fqdn = found ? candidates[hit]! : name.endsWith('.') ? name : `${name}.`;
  const misses = (hit >= 0 ? candidates.slice(0, hit) : candidates).filter(
    (_, i) => answers[i]!.rcode === 'NXDOMAIN',
  );
  const queries = 2 * (hit >= 0 ? hit + 1 : candidates.length);
  const external = !isClusterName(fqdn);
  const u = draw('lookup', secondOf(s.t), salt, name, server);
  const jitter = 0.7 + 0.6 * draw('lookup-ms', secondOf(s.t), salt, name);

  let drop = 0;
  let servfail = 0;
  let answerMs = 1;
  if (kind === 'coredns') {
    const dns = dnsNow(s);
    if (dns.corednsReady === 0 && server === s.config.dns.serviceIp)
      return {
        status: 'refused',
        fqdn,
        addresses: [],
        authoritative: false,
        ms: 1,
        timeouts: 0,
        misses: [],
      };
    drop = dns.dropRatio;
    servfail = external ? dns.upstreamFailRatio : 0;
    answerMs = dns.answerMs;
  } else if (kind === 'upstream') {
    drop = dnsNow(s).upstreamFailRatio;
  } else if (kind === 'unreachable') {
    drop = 1;
  }
  const allAnswered = Math.pow(1 - drop, queries);
  const attempts = Math.max(1, conf.attempts);
  const failedAll = Math.pow(1 - allAnswered, attempts);
  const answered = 1 - failedAll;
  const fast = allAnswered * (1 - servfail);
  const afterTimeout = Math.max(0, answered - allAnswered) * (1 - servfail);
  const fastMs = ((queries / 2) * answerMs + (external ? 12 : 0)) * jitter;
  const base = { fqdn, authoritative: !external, misses };
  if (u < fast + afterTimeout) {
    const timeouts = u < fast ? 0 : 1;
    const ms = fastMs + timeouts * conf.timeoutMs;
    if (!found) return { ...base, status: 'nxdomain', addresses: [], ms, timeouts };
    return {
      ...base,
      status: 'ok',
      addresses: found.answer.filter((r) => r.type === 'A').map((r) => r.data),
      ms,
      timeouts,
    };
  }
  if (u < fast + afterTimeout + failedAll)
    return {
      ...base,
      status: 'timeout',
      addresses: [],
      ms: conf.timeoutMs * attempts + fastMs,
      timeouts: attempts,
    };
  return { ...base, status: 'servfail', addresses: [], ms: 2000 + fastMs, timeouts: 0 };
}
