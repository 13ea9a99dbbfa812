/**
 * Fault primitives. Each is small and parameterised; a scenario composes them. A fault does not
 * draw curves: it changes one property of the model (a plan, a leak rate, a capacity, a record),
 * and the queueing model turns that into metrics and logs.
 *
 * `version` scopes a fault to pods running that release, so rolling back removes it naturally.
 * `flag` scopes it to a feature flag, so turning the flag off removes it.
 */
import type { EndpointId, QueryId } from './config.ts';

type Scope = { version?: string; flag?: string };

export type FaultSpec =
  | ({
      kind: 'planRegression';
      query: QueryId;
      cause: 'missingIndex' | 'staleStatistics';
      share: number;
      index?: { name: string; columns: string };
    } & Scope)
  | ({ kind: 'connectionLeak'; endpoint: EndpointId; leakRatio: number } & Scope)
  | ({ kind: 'idleInTransaction'; endpoint: EndpointId; holdMs: number } & Scope)
  | ({ kind: 'migrationLock'; table: string; durationMs: number; statement: string } & Scope)
  | ({ kind: 'corednsOverload'; extraQps: number; capacityFactor: number } & Scope)
  | ({
      kind: 'dnsLookupStorm';
      host: string;
      endpoints: EndpointId[];
      lookupsPerRequest: number;
    } & Scope)
  | ({ kind: 'dnsRecord'; host: string; mode: 'removed' | 'wrong' } & Scope)
  | ({ kind: 'upstreamResolverFailure'; failRatio: number } & Scope)
  | {
      kind: 'badRelease';
      version: string;
      errorRatio: number;
      extraLatencyMs: number;
      endpoints: EndpointId[];
      flag?: string;
    }
  | ({ kind: 'memoryLeak'; mibPerMinute: number } & Scope)
  | ({ kind: 'trafficSurge'; multiplier: number; endpoints: EndpointId[]; rampMs: number } & Scope)
  | ({ kind: 'writeHeavyJob'; walBytesPerSec: number; cpuCores: number; name: string } & Scope)
  | ({
      kind: 'walRetention';
      slot: string;
      retainedBytes: number;
      extraWalBytesPerSec: number;
    } & Scope)
  | ({ kind: 'cacheFlush' } & Scope)
  | ({ kind: 'certificateExpiry'; atMs: number } & Scope)
  | ({ kind: 'slowDependency'; extraLatencyMs: number; errorRatio: number } & Scope);

export type FaultKind = FaultSpec['kind'];

export type ActiveFault = { id: string; spec: FaultSpec; startedAt: number };

export const FAULT_KINDS: readonly FaultKind[] = [
  'planRegression',
  'connectionLeak',
  'idleInTransaction',
  'migrationLock',
  'corednsOverload',
  'dnsLookupStorm',
  'dnsRecord',
  'upstreamResolverFailure',
  'badRelease',
  'memoryLeak',
  'trafficSurge',
  'writeHeavyJob',
  'walRetention',
  'cacheFlush',
  'certificateExpiry',
  'slowDependency',
];

/** Defaults that make each fault visible at the standard preset's scale. */
export const FAULT_DEFAULTS: { [K in FaultKind]: Omit<Extract<FaultSpec, { kind: K }>, 'kind'> } = {
  planRegression: {
    query: 'orders_by_customer',
    cause: 'missingIndex',
    share: 0.03,
    index: {
      name: 'orders_customer_id_status_created_at_idx',
      columns: 'customer_id, status, created_at DESC',
    },
  },
  connectionLeak: { endpoint: 'checkout', leakRatio: 0.012 },
  idleInTransaction: { endpoint: 'checkout', holdMs: 6_000 },
  migrationLock: {
    table: 'orders',
    durationMs: 600_000,
    statement: "ALTER TABLE orders ADD COLUMN discount_code text NOT NULL DEFAULT ''",
  },
  corednsOverload: { extraQps: 5000, capacityFactor: 1 },
  dnsLookupStorm: {
    host: 'sdk.flagpole.io',
    endpoints: ['products', 'orders', 'search', 'checkout'],
    lookupsPerRequest: 1.5,
  },
  dnsRecord: { host: 'api.paystream.io', mode: 'removed' },
  upstreamResolverFailure: { failRatio: 1 },
  badRelease: {
    version: 'v2.14.1',
    errorRatio: 0.3,
    extraLatencyMs: 0,
    endpoints: ['orders', 'search', 'checkout', 'products'],
  },
  memoryLeak: { mibPerMinute: 6 },
  trafficSurge: {
    multiplier: 2.5,
    endpoints: ['page', 'products', 'orders', 'search', 'checkout'],
    rampMs: 60_000,
  },
  writeHeavyJob: { walBytesPerSec: 90 * 1024 ** 2, cpuCores: 1.5, name: 'backfill_order_totals' },
  walRetention: {
    slot: 'debezium_analytics',
    retainedBytes: 250 * 1024 ** 3,
    extraWalBytesPerSec: 8 * 1024 ** 2,
  },
  cacheFlush: {},
  certificateExpiry: { atMs: 0 },
  slowDependency: { extraLatencyMs: 6_000, errorRatio: 0.05 },
};

/** Builds a full fault spec from a kind and partial parameters, filling defaults. */
export function makeFault<K extends FaultKind>(
  kind: K,
  params: Partial<Omit<Extract<FaultSpec, { kind: K }>, 'kind'>> = {},
): Extract<FaultSpec, { kind: K }> {
  return { kind, ...FAULT_DEFAULTS[kind], ...params } as unknown as Extract<FaultSpec, { kind: K }>;
}

/** Whether a fault applies right now, given flags (version scoping is decided per pod). */
export function faultEnabled(
  fault: ActiveFault,
  flags: Readonly<Record<string, boolean>>,
): boolean {
  const flag = fault.spec.flag;
  return flag === undefined || flags[flag] === true;
}

/** Whether a version-scoped fault applies to a pod running `version`. */
export function appliesToVersion(spec: FaultSpec, version: string): boolean {
  return spec.version === undefined || spec.version === version;
}
