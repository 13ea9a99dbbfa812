/**
 * The store's data as the composition root derives it from a session: the topology map's health
 * and flows follow the sim (calm before the fault, the pool and Postgres saturated in the leak),
 * and chart markers come from deploys, levers and pages.
 */
import { describe, expect, it } from 'vitest';
import { MarkerReader, statusOf, THRESHOLDS, topologyOf } from '../src/incident-snapshot.ts';
import { createMetricReader } from '../src/metric-reader.ts';
import { IncidentSession } from '../src/session/session.ts';
import { ALERT_RULES, M, METRICS } from '../src/sim/index.ts';
import { COMPONENT_IDS } from '../src/store/index.ts';
import { scenario } from './console/views.ts';

const MINUTE = 60_000;

describe('topologyOf', () => {
  it('describes every component and edge, calm before the fault', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    session.advanceTo(1 * MINUTE);
    const map = topologyOf(session);
    expect(Object.keys(map.components).sort()).toEqual([...COMPONENT_IDS].sort());
    for (const id of ['cdn', 'ingress', 'web', 'api', 'pool', 'postgres'] as const) {
      expect(map.components[id].status, id).toBe('ok');
      expect(map.components[id].rps, id).toBeGreaterThan(0);
    }
    expect(map.components.api.pods.length).toBeGreaterThan(0);
    expect(map.components.api.pods.every((p) => p.phase === 'Running' && p.ready)).toBe(true);
    for (const edge of map.edges) {
      expect(COMPONENT_IDS).toContain(edge.from);
      expect(COMPONENT_IDS).toContain(edge.to);
      expect(edge.errorRatio).toBeGreaterThanOrEqual(0);
      expect(edge.errorRatio).toBeLessThanOrEqual(1);
    }
    expect(map.t).toBe(session.t);
  });

  it('shows the leak: the pool full and the API failing, in words as well as numbers', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    session.advanceTo(14 * MINUTE);
    const map = topologyOf(session);
    expect(map.components.pool.saturation).toBeGreaterThan(0.9);
    expect(map.components.pool.status).not.toBe('ok');
    expect(map.components.api.errorRatio).toBeGreaterThan(0.01);
    expect(map.components.api.status).not.toBe('ok');
    const apiToPool = map.edges.find((e) => e.from === 'api' && e.to === 'pool');
    expect(apiToPool?.errorRatio).toBeGreaterThan(0);
  });

  it('adds up: users see the ingress failures, reads go to the replica, no edge the sim does not route', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    session.advanceTo(14 * MINUTE);
    const map = topologyOf(session);
    const latest = (key: string): number => session.run.sim.recorder.metrics.latest(M[key]!);
    const failedAtIngress =
      latest('ingress_5xx_ratio') * latest('ingress_rps') + latest('edge_tls_errors');
    expect(map.components.users.errorRatio).toBeCloseTo(failedAtIngress / latest('edge_rps'), 6);
    const reads = map.edges.find((e) => e.from === 'api' && e.to === 'replica');
    expect(reads?.rps).toBeCloseTo(latest('products_rps') + latest('search_rps'), 6);
    expect(map.components.replica.rps).toBe(reads?.rps);
    expect(map.edges.some((e) => e.from === 'web' && e.to === 'api')).toBe(false);
    const ingressToApi = map.edges.find((e) => e.from === 'ingress' && e.to === 'api');
    expect(ingressToApi?.rps).toBeCloseTo(latest('api_rps'), 6);
  });

  it('shows CoreDNS failing lookups in the DNS storm', () => {
    const session = new IncidentSession(scenario('dns-lookup-storm'));
    session.advanceTo(20 * MINUTE);
    const map = topologyOf(session);
    expect(map.components.coredns.errorRatio).toBeGreaterThan(0);
    expect(map.components.coredns.pods.length).toBeGreaterThan(0);
  });
});

describe('statusOf', () => {
  it('grades errors and saturation into ok, degraded and down', () => {
    expect(statusOf(0, 0)).toBe('ok');
    expect(statusOf(0.009, 0.89)).toBe('ok');
    expect(statusOf(0.01, 0)).toBe('degraded');
    expect(statusOf(0, 0.95)).toBe('degraded');
    expect(statusOf(0.6, 0)).toBe('down');
    expect(statusOf(0, 0, false)).toBe('down');
  });
});

describe('markers', () => {
  it('collects deploys, levers and pages in time order, once each', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    const reader = new MarkerReader(session);
    session.advanceTo(11 * MINUTE);
    session.exec('kubectl rollout undo deployment/api -n prod');
    session.advanceTo(13 * MINUTE);
    const markers = reader.read();
    expect(markers.some((m) => m.kind === 'deploy' && m.label.includes('api'))).toBe(true);
    const action = markers.find((m) => m.kind === 'action');
    expect(action?.label).toBe('kubectl rollout undo deployment/api -n prod');
    expect(markers.some((m) => m.kind === 'alert')).toBe(true);
    expect(markers.map((m) => m.t)).toEqual([...markers.map((m) => m.t)].sort((a, b) => a - b));
    // Nothing new: the same array, so the store sees no change.
    expect(reader.read()).toBe(markers);
    const keys = markers.map((m) => `${m.kind}@${m.t}:${m.label}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('thresholds and the metric reader', () => {
  it('draws a threshold for each simple alert rule, on a series the sim records', () => {
    const keys = new Set(METRICS.map((m) => m.key));
    expect(THRESHOLDS.length).toBe(ALERT_RULES.filter((r) => r.threshold).length);
    for (const th of THRESHOLDS) expect(keys.has(th.metric), th.metric).toBe(true);
  });

  it('reads series by key with Unix-second times', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    session.advanceTo(2 * MINUTE);
    const start = session.run.sim.state.config.startEpochMs;
    const reader = createMetricReader(session.run.sim.recorder.metrics, start);
    const times = new Float64Array(10);
    const values = new Float64Array(10);
    expect(reader.read('api_rps', 10, times, values)).toBe(10);
    expect(times[9]).toBe((start + session.t) / 1000);
    expect(times[9]! - times[8]!).toBe(1);
    expect(values[9]).toBeGreaterThan(0);
    expect(reader.read('no_such_metric', 10, times, values)).toBe(0);
    expect(reader.written()).toBe(session.run.sim.recorder.metrics.totalWritten);
  });
});
