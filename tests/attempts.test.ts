import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAttempts, serializeAttempts, summarise } from '../src/shared/attempts.ts';
import type { Attempt } from '../src/shared/attempts.ts';

const arbAttempt: fc.Arbitrary<Attempt> = fc.record({
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
});

describe('saved attempts', () => {
  it('round-trips any valid history', () => {
    fc.assert(
      fc.property(fc.array(arbAttempt, { maxLength: 20 }), (attempts) => {
        const result = parseAttempts(serializeAttempts(attempts));
        expect(result).toEqual({ ok: true, saved: { version: 1, attempts } });
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
