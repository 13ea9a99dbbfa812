/** Names and addresses of the simulated cluster, shared by logs and (later) command outputs. */
export const PGBOUNCER_HOST = 'pgbouncer.db.svc.cluster.local';
export const PGBOUNCER_ADDR = '10.96.112.40:6432';
export const PG_PRIMARY_HOST = 'pg-primary.db.svc.cluster.local';
/** The ClusterIP of the pg-primary Service: what PgBouncer connects to and logs. */
export const PG_PRIMARY_SERVICE_IP = '10.96.88.21';
export const REDIS_HOST = 'redis-master.cache.svc.cluster.local';
export const API_SERVICE = 'api.prod.svc.cluster.local';
export const UPSTREAM_RESOLVER = '10.0.0.2:53';
export const DB_NAME = 'shop';
export const DB_USER = 'app';
export const IMAGE_REGISTRY = 'registry.example.com/shop';

/** A pod IP in the cluster's pod CIDR, stable for a pod uid. */
export function podIp(uid: number): string {
  return `10.244.${((uid * 7) % 8) + 1}.${((uid * 37) % 250) + 2}`;
}

/** A client address from the documentation ranges (RFC 5737), stable for a number. */
export function clientIp(n: number): string {
  const k = Math.abs(Math.floor(n));
  const nets = ['203.0.113', '198.51.100', '192.0.2'] as const;
  return `${nets[k % 3]}.${((k >>> 2) % 254) + 1}`;
}

/** A 32-hex-digit W3C trace id from two 32-bit words (the other half is a mix of them). */
export function traceId(hi: number, lo: number): string {
  const h = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  const c = Math.imul(hi ^ 0x5bd1e995, 0x27d4eb2d) ^ lo;
  const d = Math.imul(lo ^ 0x165667b1, 0x9e3779b1) ^ hi;
  return h(hi) + h(lo) + h(c) + h(d);
}

/**
 * The alphabet Kubernetes draws generated names from (k8s.io/apimachinery/pkg/util/rand): no
 * vowels, no 0, 1 or 3, so a name never spells a word or mixes up O/0 and l/1.
 */
export const K8S_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A pod name suffix as the ReplicaSet controller makes it: 5 characters of the alphabet. */
export function podSuffix(word: number): string {
  let s = '';
  let w = word >>> 0;
  for (let i = 0; i < 5; i++) {
    s += K8S_NAME_ALPHABET[w % K8S_NAME_ALPHABET.length];
    w = Math.floor(w / K8S_NAME_ALPHABET.length);
  }
  return s;
}

/** 32-bit FNV-1a of a string: stable names and ids derived from text. */
export function fnv1a32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Kubernetes' SafeEncodeString: each character of `text` mapped into the name alphabet by its
 * code. The pod-template-hash is this applied to the decimal digits of a 32-bit FNV hash, which
 * is why real hashes (`5d78c9869d`, `7c9f6d5b8`) only hold 4-9, b, c, d and f.
 */
export function safeEncode(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++)
    s += K8S_NAME_ALPHABET[text.charCodeAt(i) % K8S_NAME_ALPHABET.length];
  return s;
}

/** A ReplicaSet's pod-template-hash (8-10 characters), stable for a deployment template. */
export function replicaSetHash(name: string, revision: number, version: string): string {
  return safeEncode(String(fnv1a32(`${name}/${revision}/${version}`)));
}
