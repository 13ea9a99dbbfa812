/**
 * Run records in localStorage: the in-progress run for resume, the last finished runs, postmortem
 * edits, and the throttled saver. Unreadable data is set aside and reported; a full storage is
 * reported, never thrown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CURRENT_RUN_KEY,
  EDITS_KEY,
  RUNS_KEPT,
  RUNS_KEY,
  clearCurrentRun,
  createProgressSaver,
  loadCurrentRun,
  loadEdits,
  loadRun,
  loadRuns,
  saveCurrentRun,
  saveEdits,
  saveRun,
} from '../../src/run-storage.ts';
import type { RunRecord } from '../../src/session/run-record.ts';
import type { SessionInput } from '../../src/session/session.ts';

const record = (overrides: Partial<RunRecord> = {}): RunRecord => ({
  format: 'on-call-drill/run',
  version: 1,
  scenarioId: 'pool-exhaustion-leak',
  scenarioVersion: 1,
  seed: 4242,
  mode: 'practice',
  t: 120_000,
  inputs: [
    { at: 0, kind: 'line', line: 'kubectl get pods' },
    { at: 0, kind: 'action', source: 'channel', action: { type: 'hypothesis', text: 'leak' } },
  ],
  ...overrides,
});

const NOW = new Date('2026-11-26T13:14:15.000Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

beforeEach(() => localStorage.clear());
/** Spies on the storage object itself are restored by hand (restoreAllMocks misses them). */
const spies: { mockRestore(): void }[] = [];
afterEach(() => {
  for (const spy of spies.splice(0)) spy.mockRestore();
  localStorage.clear();
});

function storageFails(when: (key: string, value: string) => boolean = () => true): void {
  const setItem = localStorage.setItem.bind(localStorage);
  spies.push(
    vi.spyOn(localStorage, 'setItem').mockImplementation((key, value) => {
      if (when(key, value)) throw new DOMException('quota', 'QuotaExceededError');
      setItem(key, value);
    }),
  );
}
const quotaFull = () => storageFails();

describe('the in-progress run', () => {
  it('is saved, read back and cleared', () => {
    expect(loadCurrentRun()).toEqual({ run: null, problem: null });
    expect(saveCurrentRun(record(), NOW)).toEqual({ ok: true });
    expect(loadCurrentRun()).toEqual({
      run: { record: record(), savedAt: NOW.toISOString() },
      problem: null,
    });
    clearCurrentRun();
    expect(loadCurrentRun().run).toBeNull();
  });

  it('is set aside when unreadable, with the path of the problem, and nothing is lost', () => {
    const broken = JSON.stringify({
      version: 1,
      savedAt: NOW.toISOString(),
      record: { ...record(), inputs: [{ at: 0, kind: 'action', source: 'panel', action: {} }] },
    });
    localStorage.setItem(CURRENT_RUN_KEY, broken);
    const { run, problem } = loadCurrentRun(NOW);
    expect(run).toBeNull();
    expect(problem).toEqual({
      key: CURRENT_RUN_KEY,
      detail: expect.stringMatching(/^record\.inputs\[0\]\.action\.type: /),
      keptAs: `${CURRENT_RUN_KEY}.unreadable-${NOW.toISOString()}`,
    });
    expect(localStorage.getItem(problem!.keptAs)).toBe(broken);
    expect(localStorage.getItem(CURRENT_RUN_KEY)).toBeNull();
  });

  it('sets aside other versions and text that is not JSON', () => {
    localStorage.setItem(CURRENT_RUN_KEY, JSON.stringify({ version: 7 }));
    expect(loadCurrentRun(NOW).problem?.detail).toBe('version 7 is not 1');
    localStorage.setItem(CURRENT_RUN_KEY, '{"version":1,');
    expect(loadCurrentRun(later(1)).problem?.detail).toBe('not valid JSON');
  });

  it('reports a full storage', () => {
    quotaFull();
    expect(saveCurrentRun(record(), NOW)).toEqual({ ok: false, reason: 'full' });
  });

  it('refuses a record that would not read back', () => {
    expect(saveCurrentRun(record({ t: -1 }), NOW)).toEqual({ ok: false, reason: 'refused' });
    expect(saveRun(record({ seed: 1.5 }), NOW)).toEqual({
      id: null,
      result: { ok: false, reason: 'refused' },
    });
    expect(localStorage.length).toBe(0);
  });
});

describe('finished runs', () => {
  it('are kept with an id, newest last, and found by id', () => {
    const a = saveRun(record({ t: 1000 }), NOW);
    const b = saveRun(record({ t: 2000 }), NOW);
    expect(a.result).toEqual({ ok: true });
    expect(a.id).toBe(`pool-exhaustion-leak@${NOW.toISOString()}`);
    // Two runs saved in the same millisecond still get their own ids.
    expect(b.id).toBe(`${a.id}#2`);
    expect(loadRun(b.id!)?.record.t).toBe(2000);
    expect(loadRun('nope')).toBeNull();
  });

  it(`keeps only the last ${RUNS_KEPT}, and the edits of those only`, () => {
    const first = saveRun(record({ t: 0 }), NOW).id!;
    saveEdits(first, { summary: 'mine' });
    expect(loadEdits(first).edits).toEqual({ summary: 'mine' });
    for (let i = 1; i <= RUNS_KEPT; i++) saveRun(record({ t: i * 1000 }), later(i));
    const { runs } = loadRuns();
    expect(runs).toHaveLength(RUNS_KEPT);
    expect(runs.map((r) => r.record.t)).toEqual(
      Array.from({ length: RUNS_KEPT }, (_, i) => (i + 1) * 1000),
    );
    expect(loadRun(first)).toBeNull();
    expect(loadEdits(first).edits).toEqual({});
  });

  it('drops the oldest early when the quota is full, and reports when even one will not fit', () => {
    for (let i = 0; i < 3; i++) saveRun(record({ t: i * 1000 }), later(i));
    // This browser holds at most two runs.
    storageFails(
      (key, value) =>
        key === RUNS_KEY && (JSON.parse(value) as { runs: unknown[] }).runs.length > 2,
    );
    const saved = saveRun(record({ t: 9000 }), later(10));
    expect(saved.result).toEqual({ ok: true });
    expect(loadRuns().runs.map((r) => r.record.t)).toEqual([2000, 9000]);
    spies.splice(0).forEach((spy) => spy.mockRestore());
    quotaFull();
    expect(saveRun(record(), later(11))).toEqual({
      id: null,
      result: { ok: false, reason: 'full' },
    });
  });

  it('sets aside a list with one bad record and names it', () => {
    localStorage.setItem(
      RUNS_KEY,
      JSON.stringify({
        version: 1,
        runs: [
          { id: 'a', savedAt: NOW.toISOString(), record: record() },
          { id: 'b', savedAt: NOW.toISOString(), record: { ...record(), seed: 'x' } },
        ],
      }),
    );
    const { runs, problem } = loadRuns(NOW);
    expect(runs).toEqual([]);
    expect(problem?.detail).toMatch(/^runs\[1\]\.record\.seed: /);
  });
});

describe('postmortem edits', () => {
  it('are kept per run', () => {
    saveEdits('a', { summary: 'A' });
    saveEdits('b', { lessons: 'B' });
    saveEdits('a', { summary: 'A2', timeline: 'T' });
    expect(loadEdits('a')).toEqual({ edits: { summary: 'A2', timeline: 'T' }, problem: null });
    expect(loadEdits('b').edits).toEqual({ lessons: 'B' });
    expect(loadEdits('constructor').edits).toEqual({});
  });

  it('are set aside when they are not texts', () => {
    localStorage.setItem(EDITS_KEY, JSON.stringify({ version: 1, edits: { a: { summary: 3 } } }));
    expect(loadEdits('a', NOW)).toEqual({
      edits: {},
      problem: {
        key: EDITS_KEY,
        detail: 'edits of a are not texts',
        keptAs: `${EDITS_KEY}.unreadable-${NOW.toISOString()}`,
      },
    });
  });
});

describe('the progress saver', () => {
  const base = {
    scenarioId: 'pool-exhaustion-leak',
    scenarioVersion: 1,
    seed: 4242,
    mode: 'practice',
  };
  const inputs = (n: number): SessionInput[] =>
    Array.from({ length: n }, (_, i) => ({ at: i * 1000, kind: 'interrupt' }));

  function saver() {
    let wall = 0;
    const saves: RunRecord[] = [];
    const failures: string[] = [];
    const s = createProgressSaver(base, {
      now: () => wall,
      save: (r) => {
        saves.push(r);
        return saveCurrentRun(r);
      },
      onFail: (r) => failures.push(r.reason),
    });
    return { s, saves, failures, tick: (ms: number) => (wall += ms) };
  }

  it('saves every input at once, and time alone at most once a wall-clock second', () => {
    const { s, saves, tick } = saver();
    s.progress({ inputs: [], t: 10_000, ended: false });
    tick(100);
    s.progress({ inputs: [], t: 20_000, ended: false });
    tick(100);
    s.progress({ inputs: inputs(1), t: 20_000, ended: false });
    tick(100);
    s.progress({ inputs: inputs(2), t: 20_000, ended: false });
    tick(100);
    s.progress({ inputs: inputs(2), t: 30_000, ended: false });
    expect(saves.map((r) => [r.inputs.length, r.t])).toEqual([
      [0, 10_000],
      [1, 20_000],
      [2, 20_000],
    ]);
    tick(1000);
    s.progress({ inputs: inputs(2), t: 40_000, ended: false });
    expect(saves.at(-1)?.t).toBe(40_000);
    expect(loadCurrentRun().run?.record).toMatchObject({ ...base, t: 40_000, inputs: inputs(2) });
  });

  it('flushes what waits, and saves nothing once stopped or ended', () => {
    const { s, saves, tick } = saver();
    s.progress({ inputs: [], t: 10_000, ended: false });
    tick(10);
    s.progress({ inputs: [], t: 20_000, ended: false });
    s.flush();
    expect(saves.map((r) => r.t)).toEqual([10_000, 20_000]);
    s.flush();
    expect(saves).toHaveLength(2);
    s.progress({ inputs: inputs(1), t: 30_000, ended: true });
    expect(saves).toHaveLength(2);
    s.stop();
    s.progress({ inputs: inputs(2), t: 40_000, ended: false });
    s.flush();
    expect(saves).toHaveLength(2);
  });

  it('reports a full storage once, and goes on playing', () => {
    quotaFull();
    const { s, failures } = saver();
    s.progress({ inputs: inputs(1), t: 10_000, ended: false });
    s.progress({ inputs: inputs(2), t: 20_000, ended: false });
    expect(failures).toEqual(['full']);
  });
});
