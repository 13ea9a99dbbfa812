/**
 * The system a run simulates: components, capacities and per-request costs. A scenario picks a
 * preset and overrides fields. Every number here is a knob the model reads; none is a canned curve.
 */
import { epochMsFromCivil, HOUR, MINUTE, SECOND } from './time.ts';

export const ENDPOINT_IDS = ['page', 'products', 'orders', 'search', 'checkout'] as const;
export type EndpointId = (typeof ENDPOINT_IDS)[number];

export const QUERY_IDS = [
  'product_by_id',
  'orders_by_customer',
  'search_products',
  'inventory_lock',
  'insert_order',
] as const;
export type QueryId = (typeof QUERY_IDS)[number];

export type DbTarget = 'primary' | 'replica';

export type QueryConfig = {
  /** The SQL as pg_stat_statements normalises it. */
  sql: string;
  table: string;
  target: DbTarget;
  /** CPU ms and 8 kB blocks read per execution with the good (index) plan. */
  cpuMs: number;
  blocksRead: number;
  rows: number;
  /** The index that makes the good plan possible (name and columns), if any. */
  index: { name: string; columns: string } | null;
  /** Cost of the plan without that index (sequential scan). */
  seqScanCpuMs: number;
  seqScanBlocksRead: number;
  rowsRemovedByFilter: number;
  /** Bytes of WAL written per execution (writes only). */
  walBytes: number;
  /** Source location of the call site, printed by GORM's logger. */
  callSite: string;
};

export type EndpointConfig = {
  method: 'GET' | 'POST';
  path: string;
  /** Requests per second at the daily peak. */
  peakRps: number;
  /** Which tier receives the request from the ingress. */
  tier: 'web' | 'api';
  /** CPU ms per request in that tier's handler (API or Next.js). */
  cpuMs: number;
  /** Page views call the API for product data before rendering. */
  apiCalls: EndpointId[];
  /** Reads that go through the Redis cache first (misses go to `queries[0]`). */
  cached: boolean;
  queries: QueryId[];
  /** Queries run inside one transaction (BEGIN ... COMMIT). */
  transactional: boolean;
  /** Calls the external payment provider. */
  callsPayments: boolean;
  /** Client behaviour: give up after this long, retry this many times on 5xx or timeout. */
  clientTimeoutMs: number;
  clientRetries: number;
  /** Response size in bytes for access logs. */
  responseBytes: number;
};

export type SystemConfig = {
  /** UTC wall-clock time at t = 0, for timestamps in logs and outputs. */
  startEpochMs: number;
  namespace: string;
  domain: string;
  traffic: {
    /** Trough-to-peak ratio of the daily curve and the hour (UTC) of the peak. */
    troughRatio: number;
    peakHourUtc: number;
    /** Relative size of seeded noise (AR(1), per endpoint). */
    noise: number;
  };
  endpoints: Record<EndpointId, EndpointConfig>;
  queries: Record<QueryId, QueryConfig>;
  edge: { staticHitRatio: number; certNotAfterEpochMs: number; certIssuer: string };
  ingress: { upstreamTimeoutMs: number };
  web: { replicas: number; cpuLimitMillicores: number; concurrencyPerPod: number; version: string };
  api: {
    replicas: number;
    maxReplicas: number;
    cpuLimitMillicores: number;
    memoryLimitMiB: number;
    baseMemoryMiB: number;
    concurrencyPerPod: number;
    requestTimeoutMs: number;
    version: string;
    previousVersion: string;
    startupMs: number;
    pool: { maxConns: number; minConns: number };
    dnsCacheTtlMs: number;
  };
  pgbouncer: {
    maxClientConn: number;
    defaultPoolSize: number;
    poolMode: 'session';
    serverLoginRetryMs: number;
    queryWaitTimeoutMs: number;
  };
  postgres: {
    version: string;
    maxConnections: number;
    superuserReserved: number;
    /** Backends that do not come through PgBouncer (exporter, cron, walsender). */
    otherClients: number;
    cores: number;
    /** Blocks per second the volume can read before queueing. */
    ioBlocksPerSec: number;
    statementTimeoutMs: number;
    idleInTxTimeoutMs: number;
    diskBytes: number;
    dataBytes: number;
    maxWalBytes: number;
    replicaReplayBytesPerSec: number;
    replicaCores: number;
    tableRows: Record<string, number>;
  };
  redis: { maxmemoryBytes: number; workingSetBytes: number; hitRatio: number; ttlMs: number };
  dns: {
    corednsReplicas: number;
    qpsPerPod: number;
    ndots: number;
    searchDomains: string[];
    resolverTimeoutMs: number;
    resolverAttempts: number;
    cacheTtlMs: number;
    serviceIp: string;
  };
  payments: { host: string; latencyMs: number; clientTimeoutMs: number; keepAliveReuse: number };
  slo: {
    availabilityTarget: number;
    latencyTarget: number;
    latencyThresholdMs: number;
    windowDays: number;
  };
  /** Reserved spare capacity in the node pool for scale-ups, in API pods. */
  nodePoolSpareApiPods: number;
};

/** The standard preset: a mid-sized shop at its afternoon peak. */
export function defaultConfig(): SystemConfig {
  return {
    startEpochMs: epochMsFromCivil(2026, 3, 12, 14, 0, 0),
    namespace: 'prod',
    domain: 'shop.example.com',
    traffic: { troughRatio: 0.3, peakHourUtc: 15, noise: 0.04 },
    endpoints: {
      page: {
        method: 'GET',
        path: '/',
        peakRps: 90,
        tier: 'web',
        cpuMs: 14,
        apiCalls: ['products'],
        cached: false,
        queries: [],
        transactional: false,
        callsPayments: false,
        clientTimeoutMs: 30 * SECOND,
        clientRetries: 0,
        responseBytes: 48211,
      },
      products: {
        method: 'GET',
        path: '/v1/products/:id',
        peakRps: 160,
        tier: 'api',
        cpuMs: 1.2,
        apiCalls: [],
        cached: true,
        queries: ['product_by_id'],
        transactional: false,
        callsPayments: false,
        clientTimeoutMs: 10 * SECOND,
        clientRetries: 1,
        responseBytes: 2210,
      },
      orders: {
        method: 'GET',
        path: '/v1/orders',
        peakRps: 45,
        tier: 'api',
        cpuMs: 2.0,
        apiCalls: [],
        cached: false,
        queries: ['orders_by_customer'],
        transactional: false,
        callsPayments: false,
        clientTimeoutMs: 10 * SECOND,
        clientRetries: 1,
        responseBytes: 6120,
      },
      search: {
        method: 'GET',
        path: '/v1/search',
        peakRps: 30,
        tier: 'api',
        cpuMs: 3.5,
        apiCalls: [],
        cached: false,
        queries: ['search_products'],
        transactional: false,
        callsPayments: false,
        clientTimeoutMs: 10 * SECOND,
        clientRetries: 1,
        responseBytes: 9412,
      },
      checkout: {
        method: 'POST',
        path: '/v1/checkout',
        peakRps: 9,
        tier: 'api',
        cpuMs: 4.0,
        apiCalls: [],
        cached: false,
        queries: ['inventory_lock', 'insert_order'],
        transactional: true,
        callsPayments: true,
        clientTimeoutMs: 30 * SECOND,
        clientRetries: 2,
        responseBytes: 812,
      },
    },
    queries: {
      product_by_id: {
        sql: 'SELECT p.*, json_agg(r.*) AS reviews FROM "products" p LEFT JOIN "reviews" r ON r.product_id = p.id WHERE p.id = $1 GROUP BY p.id',
        table: 'products',
        target: 'replica',
        cpuMs: 22,
        blocksRead: 60,
        rows: 1,
        index: { name: 'products_pkey', columns: 'id' },
        seqScanCpuMs: 180,
        seqScanBlocksRead: 9000,
        rowsRemovedByFilter: 1_199_999,
        walBytes: 0,
        callSite: '/app/internal/catalog/repo.go:41',
      },
      orders_by_customer: {
        sql: 'SELECT * FROM "orders" WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
        table: 'orders',
        target: 'primary',
        cpuMs: 0.9,
        blocksRead: 4,
        rows: 14,
        index: {
          name: 'orders_customer_id_created_at_idx',
          columns: 'customer_id, created_at DESC',
        },
        seqScanCpuMs: 1650,
        seqScanBlocksRead: 45_600,
        rowsRemovedByFilter: 19_999_986,
        walBytes: 0,
        callSite: '/app/internal/orders/repo.go:57',
      },
      search_products: {
        sql: 'SELECT id, name, price FROM "products" WHERE search_vector @@ plainto_tsquery($1) ORDER BY ts_rank(search_vector, plainto_tsquery($1)) DESC LIMIT 20',
        table: 'products',
        target: 'replica',
        cpuMs: 9,
        blocksRead: 40,
        rows: 20,
        index: { name: 'products_search_vector_idx', columns: 'search_vector' },
        seqScanCpuMs: 900,
        seqScanBlocksRead: 9000,
        rowsRemovedByFilter: 1_199_980,
        walBytes: 0,
        callSite: '/app/internal/catalog/search.go:88',
      },
      inventory_lock: {
        sql: 'SELECT * FROM "inventory" WHERE sku = $1 FOR UPDATE',
        table: 'inventory',
        target: 'primary',
        cpuMs: 0.4,
        blocksRead: 0.5,
        rows: 1,
        index: { name: 'inventory_pkey', columns: 'sku' },
        seqScanCpuMs: 120,
        seqScanBlocksRead: 6000,
        rowsRemovedByFilter: 299_999,
        walBytes: 0,
        callSite: '/app/internal/checkout/tx.go:63',
      },
      insert_order: {
        sql: 'INSERT INTO "orders" ("customer_id","total_cents","status","created_at") VALUES ($1,$2,$3,$4) RETURNING "id"',
        table: 'orders',
        target: 'primary',
        cpuMs: 1.1,
        blocksRead: 1,
        rows: 1,
        index: null,
        seqScanCpuMs: 1.1,
        seqScanBlocksRead: 1,
        rowsRemovedByFilter: 0,
        walBytes: 9_200,
        callSite: '/app/internal/checkout/tx.go:91',
      },
    },
    edge: {
      staticHitRatio: 0.94,
      certNotAfterEpochMs: epochMsFromCivil(2026, 4, 30, 0, 0, 0),
      certIssuer: "C = US, O = Let's Encrypt, CN = R11",
    },
    ingress: { upstreamTimeoutMs: 15 * SECOND },
    web: { replicas: 4, cpuLimitMillicores: 1000, concurrencyPerPod: 200, version: 'web-5.3.0' },
    api: {
      replicas: 6,
      maxReplicas: 12,
      cpuLimitMillicores: 1000,
      memoryLimitMiB: 512,
      baseMemoryMiB: 180,
      concurrencyPerPod: 256,
      requestTimeoutMs: 5 * SECOND,
      version: 'v2.14.0',
      previousVersion: 'v2.13.2',
      startupMs: 25 * SECOND,
      pool: { maxConns: 12, minConns: 2 },
      dnsCacheTtlMs: 30 * SECOND,
    },
    pgbouncer: {
      maxClientConn: 400,
      defaultPoolSize: 100,
      poolMode: 'session',
      serverLoginRetryMs: 15 * SECOND,
      queryWaitTimeoutMs: 120 * SECOND,
    },
    postgres: {
      version: '15.6',
      maxConnections: 100,
      superuserReserved: 3,
      otherClients: 6,
      cores: 8,
      ioBlocksPerSec: 60_000,
      statementTimeoutMs: 0,
      idleInTxTimeoutMs: 0,
      diskBytes: 500 * 1024 ** 3,
      dataBytes: 212 * 1024 ** 3,
      maxWalBytes: 1024 ** 3,
      replicaReplayBytesPerSec: 40 * 1024 ** 2,
      replicaCores: 8,
      tableRows: {
        orders: 20_000_000,
        products: 1_200_000,
        inventory: 300_000,
        customers: 2_400_000,
      },
    },
    redis: {
      maxmemoryBytes: 4 * 1024 ** 3,
      workingSetBytes: 3.1 * 1024 ** 3,
      hitRatio: 0.95,
      ttlMs: 5 * MINUTE,
    },
    dns: {
      corednsReplicas: 2,
      qpsPerPod: 1800,
      ndots: 5,
      searchDomains: ['prod.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      resolverTimeoutMs: 5 * SECOND,
      resolverAttempts: 2,
      cacheTtlMs: 30 * SECOND,
      serviceIp: '10.96.0.10',
    },
    payments: {
      host: 'api.paystream.io',
      latencyMs: 240,
      clientTimeoutMs: 8 * SECOND,
      keepAliveReuse: 0.9,
    },
    slo: {
      availabilityTarget: 0.999,
      latencyTarget: 0.99,
      latencyThresholdMs: 1000,
      windowDays: 30,
    },
    nodePoolSpareApiPods: 4,
  };
}

/** How long a changing action takes, for the levers in `actions.ts`. */
export const DELAYS = {
  podTerminationMs: 2 * SECOND,
  corednsStartupMs: 6 * SECOND,
  webStartupMs: 12 * SECOND,
  postgresRestartMs: 14 * SECOND,
  failoverMs: 25 * SECOND,
  configReloadMs: 1 * SECOND,
  dnsRecordPropagationMs: 60 * SECOND,
  certRenewalMs: 90 * SECOND,
  indexBuildRowsPerSec: 120_000,
  featureFlagPropagationMs: 10 * SECOND,
  hour: HOUR,
} as const;
