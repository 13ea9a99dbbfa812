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

/** Kubernetes pod-template-hash style suffixes: 5 chars from the safe alphabet. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';
export function podSuffix(word: number): string {
  let s = '';
  let w = word >>> 0;
  for (let i = 0; i < 5; i++) {
    s += SAFE[w % SAFE.length];
    w = Math.floor(w / SAFE.length);
  }
  return s;
}

/** 32-bit FNV-1a of a string: stable names and ids derived from text. */
export function fnv1a32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A ReplicaSet hash (9-10 hex-ish chars) stable for a deployment template. */
export function replicaSetHash(name: string, revision: number, version: string): string {
  return fnv1a32(`${name}/${revision}/${version}`).toString(16).slice(0, 9).padStart(9, '7');
}
