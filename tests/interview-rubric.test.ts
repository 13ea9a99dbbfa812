/**
 * The interview rubric on real runs of the pool-exhaustion flagship: a candidate who works it the
 * way the rubric asks (questions, notes, observe, hypothesise, test, act, communicate), the
 * practice solution (right fix, less method), a blind wrong fix, and doing nothing. The ratings
 * must differ as they should, every moment must be an item of the postmortem's timeline, and the
 * rules must read the same model the same way in every locale. A property test on synthetic
 * timelines pins the order rules of the structured approach.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../src/i18n/index.ts';
import { translateRef } from '../src/i18n/index.ts';
import { buildRubric } from '../src/interview/rubric.ts';
import type { RubricOptions } from '../src/interview/rubric.ts';
import type { Criterion, CriterionKey, Rubric } from '../src/interview/model.ts';
import { buildPostmortem } from '../src/postmortem/build.ts';
import type { Postmortem, Score, TimelineItem } from '../src/postmortem/model.ts';
import { IncidentSession } from '../src/session/session.ts';
import type { Drive } from './postmortem/drive.ts';
import { min, reference, session, SOLVED } from './postmortem/drive.ts';

const ID = 'pool-exhaustion-leak';
const PSQL_ACTIVITY = `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`;

/** The run the rubric asks for: questions and notes, each step in order, steady communication. */
const METHODICAL: Drive = {
  id: ID,
  steps: [
    { at: 0, act: { type: 'clarify', question: 'slos' }, source: 'panel' },
    { at: 0, act: { type: 'clarify', question: 'changes' }, source: 'panel' },
    { at: 0, act: { type: 'clarify', question: 'architecture' }, source: 'panel' },
    {
      at: 0,
      act: { type: 'note', text: 'Watch the error budget and any release.' },
      source: 'panel',
    },
    { at: min(9.5), act: { type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' } },
    {
      at: min(9.5),
      act: {
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'investigating',
        text: 'Checkout and order history are failing for some customers.',
      },
    },
    { at: min(10), line: PSQL_ACTIVITY },
    {
      at: min(10.5),
      act: { type: 'hypothesis', text: 'v2.14.1 leaks connections idle in transaction' },
    },
    { at: min(11), line: 'kubectl rollout history deployment/api' },
    {
      at: min(11.5),
      act: { type: 'note', text: 'The leak started with v2.14.1: clear the sessions, roll back.' },
      source: 'panel',
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
    {
      at: min(12),
      act: { type: 'postUpdate', audience: 'internal', status: 'identified', text: 'Pool leak.' },
    },
    { at: min(13), line: 'kubectl rollout undo deployment/api' },
    {
      at: min(13),
      act: { type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' },
      source: 'panel',
    },
    {
      at: min(16),
      act: {
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'monitoring',
        text: 'A fix is in place; we are watching checkout recover.',
      },
    },
  ],
  until: min(45),
};

/** A restart without a look (the answer key's wrong fix), then a bigger pool; nothing said. */
const BLIND_WRONG_FIX: Drive = {
  id: ID,
  steps: [
    { at: min(10), line: 'kubectl rollout restart deployment/api' },
    { at: min(11), act: { type: 'setPoolSize', maxConns: 20 }, source: 'panel' },
  ],
  until: min(30),
};

const NOTHING: Drive = { id: ID, steps: [], until: min(30) };

const RUNS = {
  methodical: { drive: METHODICAL, options: { limitMs: min(45), endedBy: 'resolved' } },
  practiceSolution: { drive: SOLVED[ID]!, options: { limitMs: min(45), endedBy: 'resolved' } },
  blindWrongFix: { drive: BLIND_WRONG_FIX, options: { limitMs: min(30), endedBy: 'timeUp' } },
  nothing: { drive: NOTHING, options: { limitMs: min(30), endedBy: 'timeUp' } },
} as const satisfies Record<string, { drive: Drive; options: RubricOptions }>;
type RunName = keyof typeof RUNS;

const models = new Map<RunName, Postmortem>();
function pmOf(name: RunName): Postmortem {
  let pm = models.get(name);
  if (!pm) {
    pm = buildPostmortem(session(RUNS[name].drive), {
      mode: 'interview',
      reference: reference(ID),
    });
    models.set(name, pm);
  }
  return pm;
}

function rubricOf(name: RunName): Rubric {
  const run = RUNS[name];
  return buildRubric(pmOf(name), session(run.drive).incident, run.options);
}

const criterionOf = (r: Rubric, key: CriterionKey): Criterion =>
  r.criteria.find((c) => c.key === key)!;
const ratings = (r: Rubric): Record<CriterionKey, string> =>
  Object.fromEntries(r.criteria.map((c) => [c.key, c.rating])) as Record<CriterionKey, string>;
const check = (r: Rubric, key: CriterionKey, name: string) =>
  criterionOf(r, key).findings.find((f) => f.check === name);

afterEach(() => setLocale(DEFAULT_LOCALE));

describe('the rubric on real runs of pool-exhaustion-leak', { timeout: 240_000 }, () => {
  it('rates the methodical candidate strong on every criterion: a strong pass', () => {
    const r = rubricOf('methodical');
    expect(ratings(r)).toEqual({
      structuredApproach: 'strong',
      safety: 'strong',
      communication: 'strong',
      outcome: 'strong',
    });
    expect(r.recommendation).toBe('strongHire');
    expect(criterionOf(r, 'structuredApproach').findings.every((f) => f.ok)).toBe(true);
  });

  it('cites the look, the hypothesis, the test and the levers behind the structured approach', () => {
    const pm = pmOf('methodical');
    const r = rubricOf('methodical');
    const kinds = (ids: readonly number[]): string[] =>
      ids.map((id) => pm.timeline.find((i) => i.id === id)!.kind);
    // Both looks came before the first lever: the activity query and the rollout history.
    expect(kinds(check(r, 'structuredApproach', 'observedFirst')!.moments)).toEqual([
      'command',
      'command',
    ]);
    const tested = check(r, 'structuredApproach', 'tested')!.moments;
    expect(kinds(tested)).toEqual(['hypothesis', 'command']);
    const look = pm.timeline.find((i) => i.id === tested[1])!;
    expect(look.t).toBe(min(11));
    expect(look.evidence[0]).toMatchObject({
      kind: 'command',
      line: 'kubectl rollout history deployment/api',
    });
    expect(
      kinds(check(r, 'structuredApproach', 'acted')!.moments).every((k) => k === 'lever'),
    ).toBe(true);
    expect(check(r, 'communication', 'statusPage')!.ok).toBe(true);
  });

  it('rates the practice solution lower on method and communication: untested, no status page', () => {
    const r = rubricOf('practiceSolution');
    expect(check(r, 'structuredApproach', 'tested')!.ok).toBe(false);
    expect(check(r, 'structuredApproach', 'askedQuestions')!.ok).toBe(false);
    expect(check(r, 'communication', 'statusPage')!.ok).toBe(false);
    expect(ratings(r)).toEqual({
      structuredApproach: 'mixed',
      safety: 'strong',
      communication: 'mixed',
      outcome: 'strong',
    });
    expect(r.recommendation).toBe('hire');
  });

  it('rates a blind restart and a bigger pool as unsafe, citing the harmful levers', () => {
    const pm = pmOf('blindWrongFix');
    const r = rubricOf('blindWrongFix');
    const safety = criterionOf(r, 'safety');
    expect(safety.rating).toBe('weak');
    const harmful = pm.timeline.filter((i) => i.harmful).map((i) => i.id);
    expect(harmful.length).toBe(2);
    expect(check(r, 'safety', 'harmfulLevers')!.moments).toEqual(harmful);
    const risky = check(r, 'safety', 'riskyChanges')!;
    expect(risky.ok).toBe(false);
    expect(risky.moments).toHaveLength(1);
    expect(pm.timeline.find((i) => i.id === risky.moments[0])!.text).toContain('Restarted');
    expect(check(r, 'structuredApproach', 'observedFirst')!.ok).toBe(false);
    expect(criterionOf(r, 'structuredApproach').rating).toBe('weak');
    expect(criterionOf(r, 'communication').rating).toBe('weak');
    expect(criterionOf(r, 'outcome').rating).toBe('weak');
    expect(r.recommendation).toBe('noHire');
    // Safety comes first in the advice.
    expect(r.tips[0]!.key).toBe('interview.tip.harmful');
    expect(r.tips[1]!.key).toBe('interview.tip.riskyBlind');
    // The cause was never found: "mitigate first" would not fit; the plain mitigation tip does.
    expect(r.tips.map((tip) => tip.key)).toContain('interview.tip.mitigate');
    expect(r.tips.map((tip) => tip.key)).not.toContain('interview.tip.mitigateFirst');
  });

  it('rates doing nothing as not shown where nothing was done, weak where users were hurt', () => {
    const r = rubricOf('nothing');
    expect(ratings(r)).toEqual({
      structuredApproach: 'notShown',
      safety: 'notShown',
      communication: 'weak',
      outcome: 'weak',
    });
    expect(r.recommendation).toBe('noHire');
    expect(check(r, 'outcome', 'resolvedInTime')!.text.key).toBe(
      'interview.finding.resolvedInTime.timeUp',
    );
  });

  it('orders the runs: more method and safety, more rubric points', () => {
    const points = (r: Rubric): number =>
      r.criteria.reduce(
        (sum, c) => sum + { strong: 3, mixed: 2, weak: 1, notShown: 0 }[c.rating],
        0,
      );
    const p = (n: RunName): number => points(rubricOf(n));
    expect(p('methodical')).toBeGreaterThan(p('practiceSolution'));
    expect(p('practiceSolution')).toBeGreaterThan(p('blindWrongFix'));
    expect(p('blindWrongFix')).toBeGreaterThan(p('nothing'));
  });

  it.each(Object.keys(RUNS) as RunName[])(
    '%s: every moment is a timeline item, criteria cite their findings, 2–4 tips',
    (name) => {
      const pm = pmOf(name);
      const r = rubricOf(name);
      const ids = new Set(pm.timeline.map((i) => i.id));
      expect(r.criteria.map((c) => c.key)).toEqual([
        'structuredApproach',
        'safety',
        'communication',
        'outcome',
      ]);
      for (const c of r.criteria) {
        for (const id of c.moments) expect(ids.has(id), `${c.key} cites ${id}`).toBe(true);
        const union = [...new Set(c.findings.flatMap((f) => f.moments))].sort((a, b) => a - b);
        expect(c.moments).toEqual(union);
        expect(c.explanation.key).toBe(`interview.rubric.${c.key}.${c.rating}`);
        // Every text resolves in both locales (no key shows through).
        for (const ref of [c.explanation, ...c.findings.map((f) => f.text)]) {
          expect(translateRef(ref, 'en')).not.toBe(ref.key);
          expect(translateRef(ref, 'zh-CN')).not.toBe(ref.key);
          expect(translateRef(ref, 'en')).not.toMatch(/\{[A-Za-z]+\}/);
        }
      }
      expect(r.tips.length).toBeGreaterThanOrEqual(2);
      expect(r.tips.length).toBeLessThanOrEqual(4);
      expect(new Set(r.tips.map((tip) => tip.key)).size).toBe(r.tips.length);
    },
  );

  it('gives the same rubric for a replay of the run, and reads a postmortem built in Chinese alike', () => {
    const run = RUNS.blindWrongFix;
    const original = session(run.drive);
    const replayed = IncidentSession.replay(original.scenario, original.run.sim.state.seed, [
      ...original.inputs,
    ]);
    replayed.advanceTo(run.drive.until);
    const again = buildPostmortem(replayed, { mode: 'interview', reference: reference(ID) });
    expect(buildRubric(again, replayed.incident, run.options)).toEqual(rubricOf('blindWrongFix'));
    setLocale('zh-CN');
    const chinese = buildPostmortem(replayed, { mode: 'interview', reference: reference(ID) });
    expect(ratings(buildRubric(chinese, replayed.incident, run.options))).toEqual(
      ratings(rubricOf('blindWrongFix')),
    );
    expect(
      check(buildRubric(chinese, replayed.incident, run.options), 'safety', 'riskyChanges')!.ok,
    ).toBe(false);
  });
});

// ---- synthetic timelines: the order rules of the structured approach

const item = (id: number, kind: TimelineItem['kind'], text: string = kind): TimelineItem => ({
  id,
  t: id * 30_000,
  kind,
  actor: 'player',
  marks: [],
  text,
  evidence: [],
  decision: kind === 'lever',
  harmful: false,
});

const score = (key: Score['key'], value: number | null, verdict: Score['verdict']): Score => ({
  key,
  label: key,
  value,
  display: '',
  reference: null,
  referenceDisplay: null,
  verdict,
  explanation: '',
  evidence: [],
});

function synthetic(kinds: readonly ('command' | 'lever' | 'hypothesis')[]): Postmortem {
  const base = pmOf('nothing');
  return {
    ...base,
    timeline: kinds.map((k, i) =>
      item(i + 1, k, k === 'lever' ? 'Scaled deployment/api to 8 replicas' : k),
    ),
    scores: base.scores.map((s) => (s.key === 'harmful' ? score('harmful', 0, 'good') : s)),
  };
}

const EMPTY_RECORD = { questions: [], notes: [], hypotheses: [], updates: [] };

describe(
  'the structured approach, on any order of looks, hypotheses and levers',
  { timeout: 120_000 },
  () => {
    it('observe, hypothesise and test follow the timeline order', () => {
      pmOf('nothing');
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom('command', 'lever', 'hypothesis'), { maxLength: 12 }),
          (kinds) => {
            const pm = synthetic(kinds);
            const r = buildRubric(pm, EMPTY_RECORD, { limitMs: min(30), endedBy: 'timeUp' });
            const firstLever = kinds.indexOf('lever');
            const upTo = firstLever === -1 ? kinds.length : firstLever;
            const head = kinds.slice(0, upTo);
            expect(check(r, 'structuredApproach', 'observedFirst')!.ok).toBe(
              head.includes('command'),
            );
            expect(check(r, 'structuredApproach', 'hypothesisFirst')!.ok).toBe(
              head.includes('hypothesis'),
            );
            // Tested: some hypothesis has a look after it before the next lever.
            const tested = kinds.some((k, i) => {
              if (k !== 'hypothesis') return false;
              const rest = kinds.slice(i + 1);
              const stop = rest.indexOf('lever');
              return (stop === -1 ? rest : rest.slice(0, stop)).includes('command');
            });
            expect(check(r, 'structuredApproach', 'tested')!.ok).toBe(tested);
            expect(check(r, 'structuredApproach', 'acted')!.ok).toBe(firstLever !== -1);
            const ids = new Set(pm.timeline.map((i) => i.id));
            for (const c of r.criteria) for (const id of c.moments) expect(ids.has(id)).toBe(true);
            // No context (no questions, no notes): never strong.
            expect(criterionOf(r, 'structuredApproach').rating).not.toBe('strong');
          },
        ),
        { numRuns: 200 },
      );
    });
  },
);
