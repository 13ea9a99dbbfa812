/**
 * A step never mutates the state it was given. It works on a draft: a copy deep enough that every
 * object the step writes to is new. Objects a step only reads (the config, fault specs, revision
 * history) are shared between the two states, and so are objects that are only ever replaced,
 * never written into (deployments, indexes, analyse times, migrations): code that changes those
 * assigns a new object.
 */
import type { Pod, SimState } from './state.ts';

export function draftFrom(prev: SimState): SimState {
  const db = prev.db;
  return {
    ...prev,
    deployments: {
      api: prev.deployments.api,
      web: prev.deployments.web,
      coredns: prev.deployments.coredns,
    },
    pods: prev.pods.map(clonePod),
    faults: prev.faults.slice(),
    flags: { ...prev.flags },
    ops: prev.ops.slice(),
    traffic: {
      ...prev.traffic,
      noise: { ...prev.traffic.noise },
      lastFailRate: { ...prev.traffic.lastFailRate },
    },
    db: {
      ...db,
      indexBuilds: db.indexBuilds.slice(),
      slots: db.slots.map((s) => ({ ...s })),
      pgbouncer: { ...db.pgbouncer },
      stmt: {
        product_by_id: { ...db.stmt.product_by_id },
        orders_by_customer: { ...db.stmt.orders_by_customer },
        search_products: { ...db.stmt.search_products },
        inventory_lock: { ...db.stmt.inventory_lock },
        insert_order: { ...db.stmt.insert_order },
      },
    },
    redis: { ...prev.redis },
    dns: { ...prev.dns, recordFixes: { ...prev.dns.recordFixes } },
    counters: {
      page: { ...prev.counters.page },
      products: { ...prev.counters.products },
      orders: { ...prev.counters.orders },
      search: { ...prev.counters.search },
      checkout: { ...prev.counters.checkout },
    },
    inFlight: { ...prev.inFlight },
    slo: { ...prev.slo },
    alerts: copyAlerts(prev.alerts),
  };
}

function copyAlerts(alerts: SimState['alerts']): SimState['alerts'] {
  const out: SimState['alerts'] = {};
  for (const k in alerts) {
    const v = alerts[k]!;
    out[k] = { pendingSince: v.pendingSince, firingSince: v.firingSince };
  }
  return out;
}

/** Field by field rather than a spread: this runs for every pod every step. */
function clonePod(p: Pod): Pod {
  return {
    uid: p.uid,
    name: p.name,
    deployment: p.deployment,
    revision: p.revision,
    version: p.version,
    node: p.node,
    phase: p.phase,
    createdAt: p.createdAt,
    startedAt: p.startedAt,
    ready: p.ready,
    restarts: p.restarts,
    crashStreak: p.crashStreak,
    lastTermination: p.lastTermination,
    backoffUntil: p.backoffUntil,
    goneAt: p.goneAt,
    memoryMiB: p.memoryMiB,
    cpuUtil: p.cpuUtil,
    poolOpen: p.poolOpen,
    poolLeaked: p.poolLeaked,
    poolUsable: p.poolUsable,
    poolWaiting: p.poolWaiting.slice(),
    poolMaxConns: p.poolMaxConns,
    memoryLimitMiB: p.memoryLimitMiB,
    resolver: p.resolver,
    dnsCacheWarm: p.dnsCacheWarm,
  };
}
