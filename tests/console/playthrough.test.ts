/**
 * Each flagship played to resolution through the console alone, the way an experienced SRE would
 * type it: look, find the evidence, act. Proves the console's commands reach the system and the
 * story (the `diagnosed` milestone comes from what was looked at), and that a wrong fix typed at
 * the console hurts the same way the answer key says.
 */
import { describe, expect, it } from 'vitest';
import { M } from '../../src/sim/index.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { scenario } from './views.ts';

type Step = { at: number; line: string | ((s: IncidentSession) => string) };
const m = (minutes: number): number => minutes * 60_000;

function play(id: string, steps: readonly Step[], until = m(60)): IncidentSession {
  const s = new IncidentSession(scenario(id));
  for (const step of steps) {
    s.advanceTo(step.at);
    const line = typeof step.line === 'string' ? step.line : step.line(s);
    const e = s.exec(line);
    // An expert's command never fails: a non-zero exit here is a console bug.
    expect({ line, exit: e.exit, out: e.exit === 0 ? '' : e.out }).toEqual({
      line,
      exit: 0,
      out: '',
    });
  }
  s.advanceTo(until);
  return s;
}

const milestones = (s: IncidentSession): string[] =>
  s.run.timeline.flatMap((e) => (e.kind === 'milestone' ? [e.name] : []));

const apiPod = (s: IncidentSession): string =>
  s.run.sim.state.pods.find((p) => p.deployment === 'api' && p.phase === 'Running')!.name;

describe('flagships played through the console', { timeout: 60_000 }, () => {
  it('latency spike: pg_stat_statements and EXPLAIN show the seq scan; rolling back resolves it', () => {
    const s = play('latency-spike-missing-index', [
      { at: m(4), line: 'kubectl get pods' },
      {
        at: m(5),
        line: `psql -c "SELECT queryid, calls, round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 60) AS query FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 5;"`,
      },
      { at: m(6), line: 'kubectl rollout history deployment/api' },
      { at: m(7), line: 'kubectl rollout undo deployment/api' },
    ]);
    expect(s.run.ended?.outcome).toBe('resolved');
    expect(milestones(s)).toEqual(['detected', 'diagnosed', 'mitigated', 'resolved']);
  });

  it('latency spike: CREATE INDEX CONCURRENTLY also resolves it, after the build', () => {
    const s = play('latency-spike-missing-index', [
      {
        at: m(5),
        line: `psql -c "CREATE INDEX CONCURRENTLY orders_customer_id_status_created_at_idx ON orders (customer_id, status, created_at DESC);"`,
      },
    ]);
    expect(s.run.ended?.outcome).toBe('resolved');
  });

  it('pool exhaustion: the census shows idle in transaction; terminate, set the timeout, roll back', () => {
    const s = play('pool-exhaustion-leak', [
      {
        at: m(10),
        line: `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`,
      },
      {
        at: m(12),
        line: `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';"`,
      },
      {
        at: m(12),
        line: `psql -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';"`,
      },
      { at: m(12), line: `psql -c "SELECT pg_reload_conf();"` },
      { at: m(13), line: 'kubectl rollout undo deployment/api' },
    ]);
    expect(s.run.ended?.outcome).toBe('resolved');
    expect(milestones(s)).toContain('diagnosed');
  });

  it('pool exhaustion: raising the pool at the console makes PostgreSQL refuse logins', () => {
    const s = play(
      'pool-exhaustion-leak',
      [{ at: m(12), line: 'kubectl set env deployment/api DB_MAX_CONNS=20' }],
      m(20),
    );
    const refused = s.run.sim.recorder.metrics.values(M.pgb_login_errors!);
    expect(Math.max(...refused)).toBeGreaterThan(0);
    expect(s.run.ended?.outcome).not.toBe('resolved');
  });

  it('DNS storm: resolv.conf shows ndots:5; scaling CoreDNS then rolling back resolves it', () => {
    const s = play('dns-lookup-storm', [
      { at: m(5), line: 'kubectl -n kube-system top pods' },
      { at: m(5), line: (x) => `kubectl exec ${apiPod(x)} -- cat /etc/resolv.conf` },
      { at: m(6), line: 'kubectl -n kube-system scale deployment coredns --replicas=8' },
      { at: m(8), line: 'kubectl rollout undo deployment/api' },
    ]);
    expect(s.run.ended?.outcome).toBe('resolved');
    expect(milestones(s)).toContain('diagnosed');
  });
});
