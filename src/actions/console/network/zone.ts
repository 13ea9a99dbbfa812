/**
 * What DNS knows: the cluster zone CoreDNS is authoritative for (Services, pod A records,
 * reverse names) and the public names the upstream resolver answers. Removed and wrong records come
 * from the sim's `dnsRecord` faults through `recordProblem`.
 */
import { POD_IP, SERVICE_IP } from '../addresses.ts';
import { clusterNames } from '../../../sim/index.ts';
import type { SimState } from '../../../sim/index.ts';
import { recordProblem } from '../../../sim/dns.ts';
import { word } from './draw.ts';

export type RrType = 'A' | 'AAAA' | 'SRV' | 'SOA' | 'NS' | 'CNAME' | 'TXT' | 'MX' | 'PTR';
export const RR_TYPES: readonly RrType[] = [
  'A',
  'AAAA',
  'SRV',
  'SOA',
  'NS',
  'CNAME',
  'TXT',
  'MX',
  'PTR',
];

/** A resource record; names are absolute (trailing dot), rdata in presentation format. */
export type Rr = { owner: string; ttl: number; type: RrType; data: string };

export type ZoneAnswer = {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** CoreDNS answers `cluster.local` itself (aa); anything else is forwarded (ra). */
  authoritative: boolean;
  answer: Rr[];
  authority: Rr[];
  additional: Rr[];
};

export type ServicePort = { name: string; port: number; protocol: 'TCP' | 'UDP' };
export type ClusterService = {
  name: string;
  namespace: string;
  /** The ClusterIP (a list, as a headless Service would have its pods' addresses). */
  addresses: readonly string[];
  ports: readonly ServicePort[];
};

const CLUSTER_DOMAIN = 'cluster.local';
/** kubeadm's Corefile sets `ttl 30` in the kubernetes block. */
export const CLUSTER_TTL = 30;
const tcp = (name: string, port: number): ServicePort => ({ name, port, protocol: 'TCP' });

/**
 * The Services of the cluster, with the ClusterIPs `kubectl get svc` shows (kept in step with
 * kubectl/infra.ts).
 */
export function clusterServices(s: SimState): readonly ClusterService[] {
  const ns = s.config.namespace;
  const svc = (
    name: string,
    namespace: string,
    ip: string,
    ports: readonly ServicePort[],
  ): ClusterService => ({ name, namespace, addresses: [ip], ports });
  return [
    svc('kubernetes', 'default', SERVICE_IP.kubernetes, [tcp('https', 443)]),
    svc('kube-dns', 'kube-system', s.config.dns.serviceIp, [
      { name: 'dns', port: 53, protocol: 'UDP' },
      tcp('dns-tcp', 53),
      tcp('metrics', 9153),
    ]),
    svc('metrics-server', 'kube-system', SERVICE_IP.metricsServer, [tcp('https', 443)]),
    svc('api', ns, SERVICE_IP.api, [tcp('http', 8080)]),
    svc('web', ns, SERVICE_IP.web, [tcp('http', 3000)]),
    svc('pg-primary', 'db', SERVICE_IP.pgPrimary, [tcp('postgres', 5432)]),
    svc('pg-replica', 'db', SERVICE_IP.pgReplica, [tcp('postgres', 5432)]),
    svc('pgbouncer', 'db', clusterNames.PGBOUNCER_ADDR.split(':')[0]!, [tcp('pgbouncer', 6432)]),
    svc('redis-master', 'cache', SERVICE_IP.redis, [tcp('redis', 6379)]),
    svc('ingress-nginx-controller', 'ingress-nginx', SERVICE_IP.ingress, [
      tcp('http', 80),
      tcp('https', 443),
    ]),
    svc('ingress-nginx-controller-admission', 'ingress-nginx', SERVICE_IP.ingressAdmission, [
      tcp('https-webhook', 443),
    ]),
  ];
}

/** Pods outside the sim's deployments (StatefulSets and platform), by name: address and node. */
export const PLATFORM_PODS: Readonly<
  Record<string, { ip: string; node: string; namespace: string }>
> = {
  'pg-primary-0': { ip: POD_IP.pgPrimary, node: 'node-5', namespace: 'db' },
  'pg-replica-0': { ip: POD_IP.pgReplica, node: 'node-6', namespace: 'db' },
  'redis-master-0': { ip: POD_IP.redis, node: 'node-1', namespace: 'cache' },
};

export const serviceFqdn = (svc: ClusterService): string =>
  `${svc.name}.${svc.namespace}.svc.${CLUSTER_DOMAIN}`;

/** Fully qualified names of every Service, for tab completion. */
export function clusterHostNames(s: SimState): string[] {
  return clusterServices(s).map(serviceFqdn);
}

/** The Service behind an address, if it is one. */
export function serviceByAddress(s: SimState, ip: string): ClusterService | undefined {
  return clusterServices(s).find((svc) => svc.addresses.includes(ip));
}

export const isClusterName = (fqdn: string): boolean =>
  fqdn === `${CLUSTER_DOMAIN}.` || fqdn.endsWith(`.${CLUSTER_DOMAIN}.`);

export const isIpv4 = (text: string): boolean =>
  /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) &&
  text.split('.').every((o) => Number(o) <= 255);

/** The CDN's anycast addresses for the shop, and the payment provider's load balancers. */
export const EDGE_ADDRESSES: readonly string[] = ['203.0.113.10', '203.0.113.11'];
export const PAYMENTS_ADDRESSES: readonly string[] = ['198.51.100.23', '198.51.100.24'];

/** The public names this world knows, with the addresses their operators publish. */
function knownPublic(s: SimState): Record<string, { a: readonly string[]; ttl: number }> {
  const known: Record<string, { a: readonly string[]; ttl: number }> = {
    [s.config.domain]: { a: EDGE_ADDRESSES, ttl: 300 },
    [s.config.payments.host]: { a: PAYMENTS_ADDRESSES, ttl: 60 },
    'example.com': { a: ['93.184.215.14'], ttl: 3600 },
    'google.com': { a: ['142.250.74.46'], ttl: 300 },
    'github.com': { a: ['140.82.121.4'], ttl: 60 },
  };
  for (const f of s.faults) {
    if (f.spec.kind === 'dnsLookupStorm' && !(f.spec.host in known))
      known[f.spec.host] = { a: [hashedAddress(f.spec.host)], ttl: 30 };
  }
  return known;
}

/** Top-level domains under which an unknown name is assumed to exist (hashed address). */
const COMMON_TLDS = new Set(['com', 'net', 'org', 'io', 'dev', 'co', 'app', 'cloud', 'ai']);

const hashedAddress = (name: string): string => {
  const w = word('public-address', name);
  return `198.51.100.${(w % 200) + 30}`;
};

/** The address a wrong record points at: an old load balancer nobody answers on. */
export const STALE_ADDRESS = '192.0.2.77';

const labelsOf = (fqdn: string): string[] => fqdn.replace(/\.$/, '').split('.').filter(Boolean);

function clusterSoa(s: SimState): Rr {
  // CoreDNS uses the time of the last zone change as the serial.
  const serial = Math.floor((s.config.startEpochMs - 3 * 3600_000) / 1000);
  return {
    owner: `${CLUSTER_DOMAIN}.`,
    ttl: CLUSTER_TTL,
    type: 'SOA',
    data: `ns.dns.${CLUSTER_DOMAIN}. hostmaster.${CLUSTER_DOMAIN}. ${serial} 7200 1800 86400 ${CLUSTER_TTL}`,
  };
}

function publicSoa(s: SimState, fqdn: string): Rr {
  const labels = labelsOf(fqdn);
  const serial = Math.floor(s.config.startEpochMs / 86_400_000) * 100 + 1;
  if (labels.length >= 2 && COMMON_TLDS.has(labels[labels.length - 1]!)) {
    const zone = labels.slice(-2).join('.');
    return {
      owner: `${zone}.`,
      ttl: 300,
      type: 'SOA',
      data: `ns1.${zone}. hostmaster.${zone}. ${serial} 7200 900 1209600 300`,
    };
  }
  return {
    owner: '.',
    ttl: 86400,
    type: 'SOA',
    data: `a.root-servers.net. nstld.verisign-grs.com. ${serial} 1800 900 604800 86400`,
  };
}

/** A forwarded answer's TTL as CoreDNS's cache hands it out: counting down, then refreshed. */
function cachedTtl(s: SimState, name: string, ttl: number): number {
  const age = (Math.floor(s.t / 1000) + (word('ttl', name) % ttl)) % ttl;
  return ttl - age;
}

const answer = (
  authoritative: boolean,
  answers: Rr[],
  extra: Partial<Pick<ZoneAnswer, 'authority' | 'additional'>> = {},
): ZoneAnswer => ({
  rcode: 'NOERROR',
  authoritative,
  answer: answers,
  authority: extra.authority ?? [],
  additional: extra.additional ?? [],
});

const nxdomain = (authoritative: boolean, soa: Rr): ZoneAnswer => ({
  rcode: 'NXDOMAIN',
  authoritative,
  answer: [],
  authority: [soa],
  additional: [],
});

/** The A records of a cluster name, or null when the name does not exist. */
function clusterAddresses(s: SimState, fqdn: string): { addresses: string[] } | null {
  const labels = labelsOf(fqdn);
  const n = labels.length;
  // <service>.<namespace>.svc.cluster.local
  if (n === 5 && labels[2] === 'svc') {
    const svc = clusterServices(s).find((x) => x.name === labels[0] && x.namespace === labels[1]);
    return svc ? { addresses: [...svc.addresses] } : null;
  }
  // <a-b-c-d>.<namespace>.pod.cluster.local (CoreDNS `pods insecure`)
  if (n === 5 && labels[2] === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    return isIpv4(ip) ? { addresses: [ip] } : null;
  }
  return null;
}

/** A name is a cluster "directory" (an empty non-terminal): NODATA rather than NXDOMAIN. */
function clusterNonTerminal(s: SimState, fqdn: string): boolean {
  const labels = labelsOf(fqdn);
  if (labels.length === 2) return true; // cluster.local
  if (labels.length === 3) return labels[0] === 'svc' || labels[0] === 'pod';
  if (labels.length === 4 && (labels[1] === 'svc' || labels[1] === 'pod'))
    return clusterServices(s).some((x) => x.namespace === labels[0]);
  return false;
}

function clusterAnswer(s: SimState, fqdn: string, qtype: RrType, version: string): ZoneAnswer {
  const soa = clusterSoa(s);
  const host = fqdn.replace(/\.$/, '');
  const problem = recordProblem(s, host, version);
  if (problem === 'removed') return nxdomain(true, soa);
  if (qtype === 'SOA' && labelsOf(fqdn).length === 2) return answer(true, [soa]);
  const found = clusterAddresses(s, fqdn);
  if (!found) {
    return clusterNonTerminal(s, fqdn)
      ? answer(true, [], { authority: [soa] })
      : nxdomain(true, soa);
  }
  const addresses = problem === 'wrong' ? [STALE_ADDRESS] : found.addresses;
  if (qtype === 'A')
    return answer(
      true,
      addresses.map((a) => ({ owner: fqdn, ttl: CLUSTER_TTL, type: 'A', data: a })),
    );
  if (qtype === 'SRV') {
    const labels = labelsOf(fqdn);
    const svc = clusterServices(s).find((x) => x.name === labels[0] && x.namespace === labels[1]);
    if (svc && labels[2] === 'svc') {
      const weight = Math.round(100 / Math.max(1, svc.ports.length));
      return answer(
        true,
        svc.ports.map((p) => ({
          owner: fqdn,
          ttl: CLUSTER_TTL,
          type: 'SRV',
          data: `0 ${weight} ${p.port} ${fqdn}`,
        })),
        {
          additional: addresses.map((a) => ({
            owner: fqdn,
            ttl: CLUSTER_TTL,
            type: 'A',
            data: a,
          })),
        },
      );
    }
  }
  // The cluster is IPv4-only: other types exist as names without data.
  return answer(true, [], { authority: [soa] });
}

function publicAnswer(s: SimState, fqdn: string, qtype: RrType, version: string): ZoneAnswer {
  const host = fqdn.replace(/\.$/, '').toLowerCase();
  const soa = publicSoa(s, fqdn);
  if (host === '') {
    if (qtype !== 'NS') return answer(false, [], { authority: [soa] });
    const ns = 'abcdefghijklm'.split('').map((l): Rr => ({
      owner: '.',
      ttl: cachedTtl(s, '.', 518400),
      type: 'NS',
      data: `${l}.root-servers.net.`,
    }));
    return answer(false, ns);
  }
  const problem = recordProblem(s, host, version);
  if (problem === 'removed') return nxdomain(false, soa);
  const known = knownPublic(s)[host];
  const labels = labelsOf(fqdn);
  const exists =
    known !== undefined || (labels.length >= 2 && COMMON_TLDS.has(labels[labels.length - 1]!));
  if (!exists) return nxdomain(false, soa);
  if (qtype !== 'A') return answer(false, [], { authority: [soa] });
  const ttl = known?.ttl ?? 300;
  const addresses = problem === 'wrong' ? [STALE_ADDRESS] : (known?.a ?? [hashedAddress(host)]);
  return answer(
    false,
    addresses.map((a) => ({ owner: fqdn, ttl: cachedTtl(s, host, ttl), type: 'A', data: a })),
  );
}

/**
 * The answer to one query as the cluster's DNS would give it (leaving aside whether the query
 * arrives): `fqdn` absolute and lower-case. `version` is the release of the asking pod, for
 * version-scoped record faults.
 */
export function zoneAnswer(s: SimState, fqdn: string, qtype: RrType, version: string): ZoneAnswer {
  const name = fqdn.toLowerCase();
  if (name.endsWith('.in-addr.arpa.')) return reverseAnswer(s, name, qtype);
  return isClusterName(name)
    ? clusterAnswer(s, name, qtype, version)
    : publicAnswer(s, name, qtype, version);
}

/** The address of a reverse name: `17.48.96.10.in-addr.arpa.` is 10.96.48.17. */
export const reverseName = (ip: string): string =>
  `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;

/** CoreDNS serves `in-addr.arpa` for Service and pod addresses (the kubernetes plugin). */
function reverseAnswer(s: SimState, fqdn: string, qtype: RrType): ZoneAnswer {
  const ip = fqdn
    .replace(/\.in-addr\.arpa\.$/, '')
    .split('.')
    .reverse()
    .join('.');
  const soa = { ...clusterSoa(s), owner: 'in-addr.arpa.' };
  if (!isIpv4(ip)) return nxdomain(true, soa);
  const svc = serviceByAddress(s, ip);
  const pod = s.pods.find((p) => clusterNames.podIp(p.uid) === ip);
  const platform = Object.values(PLATFORM_PODS).find((p) => p.ip === ip);
  const podNs = pod
    ? pod.deployment === 'coredns'
      ? 'kube-system'
      : s.config.namespace
    : platform?.namespace;
  const target = svc
    ? `${serviceFqdn(svc)}.`
    : podNs !== undefined
      ? `${ip.replace(/\./g, '-')}.${podNs}.pod.${CLUSTER_DOMAIN}.`
      : null;
  if (target === null) return nxdomain(true, soa);
  if (qtype !== 'PTR') return answer(true, [], { authority: [soa] });
  return answer(true, [{ owner: fqdn, ttl: CLUSTER_TTL, type: 'PTR', data: target }]);
}

/** Names the upstream (non-cluster) resolver answers: the cluster zone does not exist there. */
export function upstreamAnswer(
  s: SimState,
  fqdn: string,
  qtype: RrType,
  version: string,
): ZoneAnswer {
  const name = fqdn.toLowerCase();
  if (isClusterName(name)) return nxdomain(false, publicSoa(s, '.'));
  return publicAnswer(s, name, qtype, version);
}

/** Public host names of this world, for completion. */
export function publicHostNames(s: SimState): string[] {
  return Object.keys(knownPublic(s));
}
