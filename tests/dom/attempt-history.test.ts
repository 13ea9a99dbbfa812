import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_KEY, loadHistory, recordAttempt } from '../../src/attempt-history.ts';
import type { Attempt } from '../../src/shared/attempts.ts';

const attempt = (overrides: Partial<Attempt> = {}): Attempt => ({
  scenarioId: 'pool-exhaustion-leak',
  scenarioVersion: 1,
  seed: 7,
  mode: 'practice',
  endedAt: '2026-11-26T12:00:00.000Z',
  outcome: 'resolved',
  playedMs: 900_000,
  milestones: { diagnosed: 300_000, mitigated: 600_000 },
  scores: { mitigate: 540_000, budget: 0.02 },
  ...overrides,
});

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('attempt history in localStorage', () => {
  it('starts empty and keeps what is recorded', () => {
    expect(loadHistory()).toEqual({ attempts: [], problem: null });
    expect(recordAttempt(attempt())).toEqual({ ok: true });
    expect(recordAttempt(attempt({ outcome: 'abandoned', milestones: {} }))).toEqual({ ok: true });
    const { attempts, problem } = loadHistory();
    expect(problem).toBeNull();
    expect(attempts.map((a) => a.outcome)).toEqual(['resolved', 'abandoned']);
  });

  it('sets corrupt data aside under a dated key, reports it and loses nothing', () => {
    localStorage.setItem(HISTORY_KEY, '{"version":1,"attempts":[{"scenarioId":');
    const now = new Date('2026-11-26T13:14:15.000Z');
    const { attempts, problem } = loadHistory(now);
    expect(attempts).toEqual([]);
    expect(problem?.detail).toBe('not valid JSON');
    expect(problem?.keptAs).toBe(`${HISTORY_KEY}.unreadable-2026-11-26T13:14:15.000Z`);
    expect(localStorage.getItem(problem!.keptAs)).toBe('{"version":1,"attempts":[{"scenarioId":');
    expect(localStorage.getItem(HISTORY_KEY)).toBeNull();
    // The next attempt starts a new history.
    recordAttempt(attempt());
    expect(loadHistory().attempts).toHaveLength(1);
  });

  it('sets aside data from another version, and data with a bad field, naming the field', () => {
    localStorage.setItem(HISTORY_KEY, JSON.stringify({ version: 99, attempts: [] }));
    expect(loadHistory().problem?.detail).toBe('version 99 is newer than this game reads (2)');
    localStorage.setItem(
      HISTORY_KEY,
      JSON.stringify({ version: 2, attempts: [attempt(), { ...attempt(), playedMs: 'long' }] }),
    );
    expect(loadHistory().problem?.detail).toBe('attempts[1]: playedMs is not a number');
  });

  it('reads a version 1 history, keeps every attempt, and saves it back as version 2', () => {
    const { scores: _none, ...old } = attempt();
    localStorage.setItem(HISTORY_KEY, JSON.stringify({ version: 1, attempts: [old] }));
    const loaded = loadHistory();
    expect(loaded).toEqual({ attempts: [{ ...old, scores: {} }], problem: null });
    recordAttempt(attempt({ runId: 'run-1' }));
    const saved = JSON.parse(localStorage.getItem(HISTORY_KEY)!) as { version: number };
    expect(saved.version).toBe(2);
    expect(loadHistory().attempts.map((a) => a.runId)).toEqual([undefined, 'run-1']);
  });

  it('reports a full storage instead of throwing', () => {
    const full = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    expect(recordAttempt(attempt())).toEqual({ ok: false, reason: 'full' });
    full.mockRestore();
  });
});
