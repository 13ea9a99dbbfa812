/**
 * Drives an incident session with a fixed log, as a player would: console lines and panel or
 * channel actions at chosen simulated times, then on until the story ends or a time. Sessions and
 * reference paths are cached per log, so several test files and tests can share one simulation.
 */
import type { Postmortem, ReferencePath } from '../../src/postmortem/model.ts';
import { buildPostmortem, referencePath } from '../../src/postmortem/build.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { scenario } from '../console/views.ts';

export const min = (m: number): number => Math.round(m * 60_000);

export type Step =
  | { at: number; line: string | ((s: IncidentSession) => string) }
  | { at: number; act: Record<string, unknown>; source?: 'panel' | 'channel' };

export interface Drive {
  readonly id: string;
  readonly steps: readonly Step[];
  /** Stop here even if the story has not ended (an in-progress run). */
  readonly until: number;
}

export function drive(d: Drive): IncidentSession {
  const s = new IncidentSession(scenario(d.id));
  for (const step of d.steps) {
    s.advanceTo(step.at);
    if ('line' in step) s.exec(typeof step.line === 'string' ? step.line : step.line(s));
    else {
      const r = s.perform(step.act, step.source ?? 'channel');
      if (!r.ok) throw new Error(`${JSON.stringify(step.act)}: ${r.errors.join('; ')}`);
    }
  }
  s.advanceTo(d.until);
  return s;
}

const sessions = new Map<Drive, IncidentSession>();
export function session(d: Drive): IncidentSession {
  let s = sessions.get(d);
  if (!s) {
    s = drive(d);
    sessions.set(d, s);
  }
  return s;
}

const references = new Map<string, ReferencePath>();
export function reference(id: string): ReferencePath {
  let r = references.get(id);
  if (!r) {
    const file = scenario(id);
    r = referencePath(file, file.seed);
    references.set(id, r);
  }
  return r;
}

const models = new Map<Drive, Postmortem>();
/** The postmortem of a drive, built once with the scenario's reference path. */
export function postmortem(d: Drive): Postmortem {
  let pm = models.get(d);
  if (!pm) {
    pm = buildPostmortem(session(d), { mode: 'practice', reference: reference(d.id) });
    models.set(d, pm);
  }
  return pm;
}

const apiPod = (s: IncidentSession): string =>
  s.run.sim.state.pods.find((p) => p.deployment === 'api' && p.phase === 'Running')!.name;

/** Each flagship worked well: page acknowledged, declared, looked, fixed, updates posted. */
export const SOLVED: Record<string, Drive> = {
  'latency-spike-missing-index': {
    id: 'latency-spike-missing-index',
    steps: [
      {
        at: min(4),
        act: { type: 'declareIncident', severity: 'SEV3', title: 'Order history slow' },
      },
      { at: min(4), act: { type: 'assignRole', role: 'commander', person: 'me' } },
      { at: min(4.5), line: 'kubectl get pods' },
      {
        at: min(5),
        line: `psql -c "SELECT queryid, calls, round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 60) AS query FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 5;"`,
      },
      {
        at: min(5.5),
        act: { type: 'hypothesis', text: 'The v2.14.1 query on orders does a seq scan' },
      },
      {
        at: min(6),
        act: {
          type: 'postUpdate',
          audience: 'statusPage',
          status: 'identified',
          text: 'Order history is slow for some customers; we are rolling back.',
        },
      },
      { at: min(7), line: 'kubectl rollout undo deployment/api' },
    ],
    until: min(60),
  },
  'pool-exhaustion-leak': {
    id: 'pool-exhaustion-leak',
    steps: [
      { at: min(9), act: { type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' } },
      {
        at: min(10),
        line: `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`,
      },
      {
        at: min(10.5),
        act: { type: 'hypothesis', text: 'v2.14.1 leaks connections idle in transaction' },
      },
      {
        at: min(11),
        act: { type: 'postUpdate', audience: 'internal', status: 'identified', text: 'Pool leak.' },
      },
      {
        at: min(12),
        line: `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';"`,
      },
      {
        at: min(12),
        line: `psql -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';"`,
      },
      { at: min(12), line: `psql -c "SELECT pg_reload_conf();"` },
      { at: min(13), line: 'kubectl rollout undo deployment/api' },
      {
        at: min(13),
        act: { type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' },
        source: 'panel',
      },
      { at: min(13.5), act: { type: 'takeHint', level: 1 }, source: 'panel' },
    ],
    until: min(60),
  },
  'dns-lookup-storm': {
    id: 'dns-lookup-storm',
    steps: [
      { at: min(4), act: { type: 'declareIncident', severity: 'SEV2', title: 'Requests stall' } },
      { at: min(5), line: 'kubectl -n kube-system top pods' },
      { at: min(5), line: (x) => `kubectl exec ${apiPod(x)} -- cat /etc/resolv.conf` },
      { at: min(6), line: 'kubectl -n kube-system scale deployment coredns --replicas=8' },
      {
        at: min(6.5),
        act: { type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' },
        source: 'panel',
      },
      { at: min(8), line: 'kubectl rollout undo deployment/api' },
      {
        at: min(8),
        act: {
          type: 'postUpdate',
          audience: 'internal',
          status: 'monitoring',
          text: 'Rolled back.',
        },
      },
    ],
    until: min(60),
  },
};
