import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttempts, serializeAttempts, summarise } from '../src/shared/attempts.ts';
import type { Attempt } from '../src/shared/attempts.ts';

const arbAttempt: fc.Arbitrary<Attempt> = fc.record(
  {
    scenarioId: fc.constantFrom('a', 'b'),
    scenarioVersion: fc.nat(5),
    seed: fc.nat(),
    mode: fc.constantFrom('practice', 'interview'),
    endedAt: fc.constant('2026-11-26T12:00:00.000Z'),
    outcome: fc.constantFrom('resolved', 'failed', 'abandoned'),
    playedMs: fc.nat(10_000_000),
    milestones: fc.dictionary(
      fc.constantFrom('diagnosed', 'mitigated', 'resolved'),
      fc.nat(10_000_000),
    ),
    scores: fc.dictionary(
      fc.constantFrom('mitigate', 'budget', 'harmful', 'hints'),
      fc.option(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { nil: null }),
    ),
    runId: fc.stringMatching(/^[a-z0-9@:.-]{1,40}$/),
  },
  {
    requiredKeys: [
      'scenarioId',
      'scenarioVersion',
      'seed',
      'mode',
      'endedAt',
      'outcome',
      'playedMs',
      'milestones',
      'scores',
    ],
  },
);

describe('saved attempts', () => {
  it('round-trips any valid history', () => {
    fc.assert(
      fc.property(fc.array(arbAttempt, { maxLength: 20 }), (attempts) => {
        const result = parseAttempts(serializeAttempts(attempts));
        expect(result).toEqual({ ok: true, saved: { version: 2, attempts }, migratedFrom: null });
      }),
    );
  });

  it('never throws on any text, and rejects what it cannot trust', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseAttempts(text);
        if (result.ok) expect(Array.isArray(result.saved.attempts)).toBe(true);
        else expect(result.problem.length).toBeGreaterThan(0);
      }),
    );
  });

  it('summarises played, resolved and the best times per scenario', () => {
    const base = {
      scenarioVersion: 1,
      seed: 1,
      mode: 'practice',
      endedAt: '2026-11-26T12:00:00.000Z',
      scores: {},
    };
    const attempts: Attempt[] = [
      {
        ...base,
        scenarioId: 'a',
        outcome: 'resolved',
        playedMs: 900,
        milestones: { mitigated: 500 },
      },
      {
        ...base,
        scenarioId: 'a',
        outcome: 'failed',
        playedMs: 2000,
        milestones: { mitigated: 300 },
      },
      { ...base, scenarioId: 'a', outcome: 'resolved', playedMs: 700, milestones: {} },
      { ...base, scenarioId: 'b', outcome: 'resolved', playedMs: 100, milestones: {} },
    ];
    expect(summarise(attempts, 'a')).toEqual({
      played: 3,
      resolved: 2,
      bestResolveMs: 700,
      bestMitigateMs: 300,
    });
    expect(summarise(attempts, 'c')).toEqual({
      played: 0,
      resolved: 0,
      bestResolveMs: null,
      bestMitigateMs: null,
    });
  });
});

describe('versions of the saved attempts', () => {
  const v1 = {
    scenarioId: 'pool-exhaustion-leak',
    scenarioVersion: 1,
    seed: 4242,
    mode: 'practice',
    endedAt: '2026-11-26T12:00:00.000Z',
    outcome: 'resolved',
    playedMs: 900_000,
    milestones: { mitigated: 600_000 },
  };

  it('migrates version 1: every attempt kept, with no scores and no run', () => {
    const text = JSON.stringify({
      version: 1,
      attempts: [v1, { ...v1, outcome: 'abandoned', milestones: {}, runId: 42 }],
    });
    const result = parseAttempts(text);
    expect(result).toEqual({
      ok: true,
      migratedFrom: 1,
      saved: {
        version: 2,
        attempts: [
          { ...v1, scores: {} },
          { ...v1, outcome: 'abandoned', milestones: {}, scores: {} },
        ],
      },
    });
    // Saved again, it is version 2 and reads back the same, no longer migrated.
    const again = parseAttempts(serializeAttempts(result.ok ? result.saved.attempts : []));
    expect(again.ok && again.migratedFrom).toBeNull();
    expect(again.ok && again.saved.attempts).toEqual(result.ok && result.saved.attempts);
  });

  it('still checks version 1 attempts field by field', () => {
    expect(parseAttempts(JSON.stringify({ version: 1, attempts: [{ ...v1, seed: 'x' }] }))).toEqual(
      { ok: false, problem: 'attempts[0]: seed is not a number' },
    );
  });

  it('reads version 2 with scores (numbers or null) and a run id', () => {
    const v2 = { ...v1, scores: { mitigate: 600_000, budget: 0.021, resolve: null }, runId: 'r1' };
    const result = parseAttempts(JSON.stringify({ version: 2, attempts: [v2] }));
    expect(result).toEqual({ ok: true, migratedFrom: null, saved: { version: 2, attempts: [v2] } });
  });

  it('requires scores in version 2 and checks them and the run id', () => {
    const problem = (attempt: unknown) => {
      const r = parseAttempts(JSON.stringify({ version: 2, attempts: [attempt] }));
      return r.ok ? null : r.problem;
    };
    expect(problem(v1)).toBe('attempts[0]: scores are not numbers');
    expect(problem({ ...v1, scores: { mitigate: 'fast' } })).toBe(
      'attempts[0]: scores are not numbers',
    );
    expect(problem({ ...v1, scores: {}, runId: '' })).toBe('attempts[0]: runId is not a key');
    expect(problem({ ...v1, scores: {}, runId: 7 })).toBe('attempts[0]: runId is not a key');
  });

  it('refuses newer and unknown versions, saying which', () => {
    expect(parseAttempts(JSON.stringify({ version: 3, attempts: [] }))).toEqual({
      ok: false,
      problem: 'version 3 is newer than this game reads (2)',
    });
    expect(parseAttempts(JSON.stringify({ attempts: [] }))).toEqual({
      ok: false,
      problem: 'version undefined is not known',
    });
    expect(parseAttempts(JSON.stringify({ version: 0, attempts: [] }))).toEqual({
      ok: false,
      problem: 'version 0 is not known',
    });
  });
});
