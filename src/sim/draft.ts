/**
 * A step never mutates the state it was given. It works on a draft: a copy deep enough that every
 * object the step writes to is new. Objects a step only reads (the config, fault specs, revision
 * history) are shared between the two states.
 */
import type { SimState } from './state.ts';

export function draftFrom(prev: SimState): SimState {
  const db = prev.db;
  return {
    ...prev,
    deployments: {
      api: { ...prev.deployments.api },
      web: { ...prev.deployments.web },
      coredns: { ...prev.deployments.coredns },
    },
    pods: prev.pods.map((p) => ({ ...p, poolWaiting: p.poolWaiting.slice() })),
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
      indexes: { ...db.indexes },
      indexBuilds: db.indexBuilds.slice(),
      analyzedAt: { ...db.analyzedAt },
      slots: db.slots.map((s) => ({ ...s })),
      migrations: db.migrations.map((m) => ({ ...m })),
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
