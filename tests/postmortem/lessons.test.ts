/**
 * Lessons, action items and scores of runs that went wrong in known ways: a wrong fix, restarts
 * before looking at the database, a long silence, a slow fix. Each lesson must cite the items
 * that show it, and none may appear when the player did not do the thing.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/postmortem/format.ts';
import type { Lesson, Postmortem } from '../../src/postmortem/model.ts';
import { buildPostmortem } from '../../src/postmortem/build.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { scenario } from '../console/views.ts';
import type { Drive } from './drive.ts';
import { min, postmortem, reference, SOLVED } from './drive.ts';

/** Raises the pool, restarts the API twice, then looks at the database: still going at 25 min. */
const FLAILING: Drive = {
  id: 'pool-exhaustion-leak',
  steps: [
    { at: min(9.5), line: 'kubectl set env deployment/api DB_MAX_CONNS=20' },
    { at: min(10), line: 'kubectl rollout restart deployment/api' },
    { at: min(10.5), line: 'kubectl rollout restart deployment/api' },
    {
      at: min(11),
      line: `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`,
    },
  ],
  until: min(25),
};

/** Declares and posts one update early, then stays silent and rolls back only at 40 min. */
const SILENT_AND_SLOW: Drive = {
  id: 'latency-spike-missing-index',
  steps: [
    { at: min(3.5), act: { type: 'declareIncident', severity: 'SEV3', title: 'Orders slow' } },
    {
      at: min(4),
      act: { type: 'postUpdate', audience: 'internal', status: 'investigating', text: 'Looking.' },
    },
    { at: min(40), line: 'kubectl rollout undo deployment/api' },
  ],
  until: min(90),
};

const texts = (lessons: readonly Lesson[]): string[] => lessons.map((l) => l.text);
const itemOf = (pm: Postmortem, id: number) => pm.timeline.find((i) => i.id === id)!;

describe('a run with wrong fixes', { timeout: 120_000 }, () => {
  it('flags the raised pool and the restarts as harmful levers, and says what the pool did', () => {
    const pm = postmortem(FLAILING);
    const key = scenario(FLAILING.id).answerKey;
    const levers = pm.timeline.filter((i) => i.kind === 'lever');
    expect(levers.map((l) => l.harmful)).toEqual([true, true, true]);
    const pool = levers[0]!;
    expect(pool.text).toBe('Set the API’s database pool to 20 connections per pod');
    const raise = key.wrongFixes.find((w) => w.id === 'raise-pool')!;
    const lesson = pm.lessons.wentBadly.find((l) => l.evidence.includes(pool.id));
    expect(lesson?.text).toContain(raise.harm.description);
    expect(lesson?.text).toContain('PgBouncer login errors peaked at');
    expect(pm.scores.find((s) => s.key === 'harmful')).toMatchObject({ value: 3, verdict: 'poor' });
    expect(pm.actionItems.some((a) => a.source === 'run' && a.text.includes(pool.text))).toBe(true);
  });

  it('says the pods were restarted twice before anyone looked at the database', () => {
    const pm = postmortem(FLAILING);
    const lesson = pm.lessons.wentBadly.find((l) => l.text.startsWith('Restarted pods'));
    expect(lesson?.text).toBe(
      'Restarted pods 2 times before first looking at the database at 14:11:00 UTC.',
    );
    expect(lesson!.evidence.map((id) => itemOf(pm, id).kind)).toEqual([
      'lever',
      'lever',
      'command',
    ]);
  });

  it('builds while the incident is still going, and says so', () => {
    const pm = postmortem(FLAILING);
    expect(pm.outcome).toBe('inProgress');
    expect(pm.endedAt).toBe(min(25));
    expect(pm.status).toBe('In progress: customers are still affected');
    expect(pm.impact.startedAt).not.toBeNull();
    expect(pm.impact.endedAt).toBeNull();
    expect(pm.scores.find((s) => s.key === 'mitigate')).toMatchObject({
      value: null,
      verdict: 'missed',
    });
    expect(pm.timeline.some((i) => i.kind === 'end' || i.kind === 'recovered')).toBe(false);
    // More than 15 minutes after the first report, still undeclared: that is a lesson already.
    const undeclared = pm.lessons.wentBadly.find((l) => l.text.startsWith('Never declared'));
    expect(undeclared?.text).toBe(
      'Never declared an incident, although Dana (engineering manager)’s report came at 14:09:19 UTC.',
    );
    expect(undeclared!.evidence.map((id) => itemOf(pm, id).kind)).toEqual(['message']);
  });
});

describe('a run with a long silence and a slow fix', { timeout: 120_000 }, () => {
  it('says no update went out for the whole silence, citing the last update and the end of impact', () => {
    const pm = postmortem(SILENT_AND_SLOW);
    const update = pm.timeline.find((i) => i.kind === 'communication')!;
    const recovered = pm.timeline.find((i) => i.kind === 'recovered')!;
    const gap = recovered.t - update.t;
    expect(gap).toBeGreaterThan(min(35));
    const lesson = pm.lessons.wentBadly.find((l) => l.text.startsWith('No update for'));
    expect(lesson?.text).toContain(`No update for ${formatDuration(gap)} while the impact lasted`);
    expect(lesson!.evidence).toEqual([update.id, recovered.id]);
    expect(pm.scores.find((s) => s.key === 'communication')).toMatchObject({
      value: gap,
      verdict: 'poor',
      display: `SEV3 declared · 1 update · longest gap ${formatDuration(gap)}`,
    });
    expect(pm.actionItems.some((a) => a.type === 'process' && a.source === 'run')).toBe(true);
    // It did not restart anything, so that lesson is not there.
    expect(texts(pm.lessons.wentBadly).some((t) => t.startsWith('Restarted pods'))).toBe(false);
  });

  it('mitigates later than the reference path on the same seed, and is judged by it', () => {
    const pm = postmortem(SILENT_AND_SLOW);
    const ref = reference(SILENT_AND_SLOW.id);
    expect(ref.mitigatedAt).not.toBeNull();
    expect(ref.mitigatedAt!).toBeLessThan(pm.impact.endedAt!);
    const mitigate = pm.scores.find((s) => s.key === 'mitigate')!;
    expect(mitigate.value!).toBeGreaterThan(mitigate.reference!);
    expect(mitigate.verdict).toBe('poor');
    expect(pm.outcome).toBe('resolved');
  });

  it('praises none of what it did not do', () => {
    const pm = postmortem(SILENT_AND_SLOW);
    const well = texts(pm.lessons.wentWell).join('\n');
    expect(well).not.toMatch(/hypothesis|decisive evidence|status page|incident commander/);
    expect(well).not.toMatch(/Kept people informed/);
  });
});

describe('the solved runs', { timeout: 120_000 }, () => {
  it('say what went well, citing the player’s own items, and nothing went badly', () => {
    const pm = postmortem(SOLVED['latency-spike-missing-index']!);
    expect(texts(pm.lessons.wentWell)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Looked at the decisive evidence/),
        expect.stringMatching(/^Wrote down a hypothesis naming the cause/),
        expect.stringMatching(/^“Rolled back deployment\/api”/),
        expect.stringMatching(/^Told customers on the status page/),
      ]),
    );
    expect(pm.lessons.wentBadly).toEqual([]);
    for (const l of pm.lessons.wentWell)
      expect(l.evidence.some((id) => itemOf(pm, id).actor === 'player')).toBe(true);
  });
});

describe('a run that has barely begun', () => {
  it('builds before any impact, with nothing to mitigate and nothing judged', () => {
    const s = new IncidentSession(scenario('pool-exhaustion-leak'));
    s.advanceTo(min(2));
    const pm = buildPostmortem(s, { mode: 'practice', reference: null });
    expect(pm.outcome).toBe('inProgress');
    expect(pm.status).toBe('In progress');
    expect(pm.impact).toMatchObject({ startedAt: null, endedAt: null, durationMs: 0, requests: 0 });
    expect(pm.incidentId).toBe('INC-20260312-4242');
    expect(pm.lessons).toEqual({ wentWell: [], wentBadly: [], lucky: [] });
    expect(pm.actionItems.every((a) => a.source === 'answerKey')).toBe(true);
    expect(pm.timeline.map((i) => i.kind)).toEqual(['deploy']);
    expect(pm.scores.find((x) => x.key === 'mitigate')!.display).toBe('No impact');
  });
});
