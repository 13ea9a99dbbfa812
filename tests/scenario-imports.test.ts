/**
 * The player's imported scenarios (src/scenario-imports.ts): checked exactly as `drill check`
 * checks a file, kept with their original name and text, refused when their id is a bundled
 * scenario's, replaced only when asked, removed and exported; and what is saved re-checked on
 * every read, with anything that no longer checks set aside under a dated key and reported.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCheck } from '../src/cli/check.ts';
import { DEFAULT_LOCALE, setLocale, t } from '../src/i18n/index.ts';
import { formatError } from '../src/scenario/load.ts';
import {
  IMPORTS_KEY,
  MAX_SCENARIO_BYTES,
  checkFileMeta,
  checkScenarioText,
  exportImport,
  importScenario,
  loadImports,
  refusalProblems,
  removeImport,
  setAsideText,
} from '../src/scenario-imports.ts';
import type { ImportResult, Refusal } from '../src/scenario-imports.ts';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/import');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const DRILL = fixture('checkout-drill.yaml');
const BUNDLED = new Set(['pool-exhaustion-leak', 'latency-spike-missing-index']);
const AT = '2026-11-26T12:00:00.000Z';
const NOW = new Date('2026-11-27T08:30:00.000Z');

/** An in-memory localStorage; `full` makes every write throw the quota error. */
function memoryStorage(): Storage & { full: boolean; data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    full: false,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      data.set(k, String(v));
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

let storage: ReturnType<typeof memoryStorage>;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'scenario-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => vi.unstubAllGlobals());

const keep = (fileName: string, text: string, replace = false): ImportResult =>
  importScenario({ fileName, text }, { bundledIds: BUNDLED, importedAt: AT, replace });

const refusalOf = (result: ImportResult): Refusal => {
  if (result.kind !== 'refused') throw new Error(`expected a refusal, got ${result.kind}`);
  return result.refusal;
};

describe('checking a file', () => {
  it('takes .yaml, .yml and .json names only, and refuses large files unread', () => {
    expect(checkFileMeta('drill.yaml', 100)).toBeNull();
    expect(checkFileMeta('DRILL.YML', 100)).toBeNull();
    expect(checkFileMeta('drill.json', MAX_SCENARIO_BYTES)).toBeNull();
    expect(checkFileMeta('drill.txt', 100)).toEqual({ kind: 'fileType' });
    expect(checkFileMeta('drill.yaml.exe', 100)).toEqual({ kind: 'fileType' });
    expect(checkFileMeta('drill.yaml', MAX_SCENARIO_BYTES + 1)).toEqual({
      kind: 'tooLarge',
      limitBytes: MAX_SCENARIO_BYTES,
    });
  });

  it('counts the size of the text in UTF-8 bytes', () => {
    // 200,000 three-byte characters: under the limit in characters, over it in bytes.
    const text = `${DRILL}\n# ${'警'.repeat(200_000)}\n`;
    expect(text.length).toBeLessThan(MAX_SCENARIO_BYTES);
    const checked = checkScenarioText('drill.yaml', text, BUNDLED);
    expect(checked).toEqual({
      ok: false,
      refusal: { kind: 'tooLarge', limitBytes: MAX_SCENARIO_BYTES },
    });
  });

  it.each(['broken-yaml.txt', 'schema-error.yaml', 'checkout-drill.yaml', 'hostile.yaml'])(
    'says what `drill check` says about %s',
    (name) => {
      // check reads the syntax from the extension: the broken fixture is a .txt on disk.
      const file = path.join(scratch, name.replace(/-yaml\.txt$/, '.yaml'));
      writeFileSync(file, fixture(name));
      const checked = checkScenarioText(file, readFileSync(file, 'utf8'), new Set());
      const lines = checked.ok
        ? [`ok ${file}`]
        : checked.refusal.kind === 'invalid'
          ? checked.refusal.errors.map(formatError)
          : [checked.refusal.kind];
      expect(lines).toEqual(runCheck([file]).lines);
      expect(checked.ok).toBe(!/broken|error/.test(name));
    },
  );

  it('walks the statechart as check does: a state nothing reaches is refused', () => {
    const text = DRILL.replace(
      '    resolved:\n',
      '    orphan:\n      after:\n        1m: resolved\n    resolved:\n',
    );
    const refusal = refusalOf(keep('orphan.yaml', text));
    expect(refusal).toMatchObject({
      kind: 'invalid',
      errors: [{ file: 'orphan.yaml', path: 'machine.states.orphan' }],
    });
  });

  it('names YAML syntax errors with their line, and schema errors with their path', () => {
    const broken = refusalOf(keep('broken.yaml', fixture('broken-yaml.txt')));
    expect(refusalProblems(broken)).toEqual([
      { path: '', message: expect.stringMatching(/^YAML syntax error at line 7, column 1: /) },
    ]);
    const schema = refusalOf(keep('schema-error.yaml', fixture('schema-error.yaml')));
    expect(refusalProblems(schema)).toEqual([
      { path: 'answerKey.solution', message: 'missing field (expected a array)' },
      { path: 'author', message: 'unknown field' },
    ]);
    expect(storage.getItem(IMPORTS_KEY)).toBeNull();
  });

  it('words a misspelt name with the suggestion', () => {
    const text = DRILL.replace('type: injectFault', 'type: injectFalut');
    const [problem] = refusalProblems(refusalOf(keep('typo.yaml', text)));
    expect(problem!.path).toBe('machine.states.calm.after.2m.actions[0].type');
    expect(problem!.message).toMatch(/^unknown effect "injectFalut"; /);
    expect(problem!.message).toContain(t('import.didYouMean', { suggestion: 'injectFault' }));
  });

  it('refuses the id of a bundled scenario', () => {
    const text = DRILL.replace('id: checkout-drill', 'id: pool-exhaustion-leak');
    const refusal = refusalOf(keep('mine.yaml', text));
    expect(refusal).toEqual({ kind: 'bundledId', id: 'pool-exhaustion-leak' });
    expect(refusalProblems(refusal)).toEqual([
      { path: 'id', message: t('import.refused.bundledId', { id: 'pool-exhaustion-leak' }) },
    ]);
  });
});

describe('the kept scenarios', () => {
  it('keeps a valid file with its name, text and time, and lists it on the next read', () => {
    const result = keep('checkout-drill.yaml', DRILL);
    expect(result).toMatchObject({ kind: 'imported', replaced: false });
    const saved = JSON.parse(storage.getItem(IMPORTS_KEY)!) as unknown;
    expect(saved).toEqual({
      version: 1,
      scenarios: [
        { id: 'checkout-drill', fileName: 'checkout-drill.yaml', text: DRILL, importedAt: AT },
      ],
    });
    const loaded = loadImports(BUNDLED, NOW);
    expect(loaded.problem).toBeNull();
    expect(loaded.setAside).toEqual([]);
    expect(loaded.scenarios.map((s) => s.scenario.id)).toEqual(['checkout-drill']);
    expect(loaded.scenarios[0]!.variants).toHaveLength(1);
  });

  it('takes JSON files too', () => {
    expect(keep('json-drill.json', fixture('json-drill.json'))).toMatchObject({
      kind: 'imported',
    });
    expect(loadImports(BUNDLED).scenarios[0]!.scenario.title).toBe('A drill written in JSON');
  });

  it('exports exactly what was imported, comments and all', () => {
    keep('Checkout Drill.yml', DRILL);
    expect(exportImport('checkout-drill')).toEqual({ fileName: 'Checkout Drill.yml', text: DRILL });
    expect(exportImport('nothing-here')).toBeNull();
  });

  it('asks before replacing an earlier import of the same id, and replaces it when told', () => {
    keep('first.yaml', DRILL);
    const second = DRILL.replace(
      'title: Checkout drill from the instructor',
      'title: Checkout drill, take two',
    );
    const asked = keep('second.yaml', second);
    expect(asked).toMatchObject({
      kind: 'replaces',
      title: 'Checkout drill, take two',
      existing: { id: 'checkout-drill', fileName: 'first.yaml', importedAt: AT },
    });
    expect(exportImport('checkout-drill')?.fileName).toBe('first.yaml');
    expect(keep('second.yaml', second, true)).toMatchObject({ kind: 'imported', replaced: true });
    const loaded = loadImports(BUNDLED);
    expect(loaded.scenarios.map((s) => [s.stored.fileName, s.scenario.title])).toEqual([
      ['second.yaml', 'Checkout drill, take two'],
    ]);
  });

  it('removes an import and leaves the others', () => {
    keep('checkout-drill.yaml', DRILL);
    keep('json-drill.json', fixture('json-drill.json'));
    expect(removeImport('checkout-drill')).toEqual({ ok: true });
    expect(loadImports(BUNDLED).scenarios.map((s) => s.scenario.id)).toEqual(['json-drill']);
    expect(removeImport('never-imported')).toEqual({ ok: true });
  });

  it('says when the browser will not keep it', () => {
    storage.full = true;
    expect(keep('checkout-drill.yaml', DRILL)).toEqual({
      kind: 'notSaved',
      result: { ok: false, reason: 'full' },
    });
    vi.stubGlobal('localStorage', undefined);
    expect(keep('checkout-drill.yaml', DRILL)).toMatchObject({
      kind: 'notSaved',
      result: { reason: 'unavailable' },
    });
  });
});

describe('saved data that no longer checks', () => {
  it('sets a corrupt list aside under a dated key and reports it, then starts again', () => {
    storage.setItem(IMPORTS_KEY, '{"version": 1, "scenarios": [');
    const loaded = loadImports(BUNDLED, NOW);
    expect(loaded.scenarios).toEqual([]);
    const keptAs = `${IMPORTS_KEY}.unreadable-${NOW.toISOString()}`;
    expect(loaded.problem).toEqual({ key: IMPORTS_KEY, detail: 'not valid JSON', keptAs });
    expect(storage.getItem(keptAs)).toBe('{"version": 1, "scenarios": [');
    expect(storage.getItem(IMPORTS_KEY)).toBeNull();
    expect(keep('checkout-drill.yaml', DRILL)).toMatchObject({ kind: 'imported' });
  });

  it.each([
    ['a newer version', { version: 2, scenarios: [] }, 'version 2 is not 1'],
    ['no list', { version: 1 }, 'scenarios is not a list'],
    [
      'an entry without text',
      { version: 1, scenarios: [{ id: 'a', fileName: 'a.yaml', importedAt: AT }] },
      'scenarios[0].text is missing',
    ],
    [
      'a bad date',
      {
        version: 1,
        scenarios: [{ id: 'a', fileName: 'a.yaml', text: 'x', importedAt: 'yesterday' }],
      },
      'scenarios[0].importedAt is not a date',
    ],
  ])('sets aside a list with %s', (_, value, detail) => {
    storage.setItem(IMPORTS_KEY, JSON.stringify(value));
    expect(loadImports(BUNDLED, NOW).problem?.detail).toBe(detail);
  });

  it('moves an entry that no longer checks aside, reports it, and keeps the rest', () => {
    keep('checkout-drill.yaml', DRILL);
    keep('json-drill.json', fixture('json-drill.json'));
    // The saved text edited by hand (or a game update that changed the format).
    const saved = JSON.parse(storage.getItem(IMPORTS_KEY)!) as {
      scenarios: { text: string }[];
    };
    saved.scenarios[0]!.text = saved.scenarios[0]!.text.replace(
      'difficulty: intro',
      'difficulty: easy',
    );
    storage.setItem(IMPORTS_KEY, JSON.stringify(saved));

    const loaded = loadImports(BUNDLED, NOW);
    expect(loaded.scenarios.map((s) => s.scenario.id)).toEqual(['json-drill']);
    const keptAs = `${IMPORTS_KEY}.set-aside-${NOW.toISOString()}`;
    expect(loaded.setAside).toHaveLength(1);
    const [aside] = loaded.setAside;
    expect(aside).toMatchObject({
      stored: { id: 'checkout-drill', fileName: 'checkout-drill.yaml' },
      refusal: { kind: 'invalid', errors: [{ path: 'difficulty' }] },
      keptAs,
    });
    const text = setAsideText(aside!);
    expect(text).toContain('checkout-drill.yaml');
    expect(text).toContain('difficulty: "easy" is not one of intro, intermediate, advanced');
    expect(text).toContain(keptAs);
    // Nothing is lost: the entry is under the dated key, and gone from the list.
    const asideSaved = JSON.parse(storage.getItem(keptAs)!) as { scenarios: { id: string }[] };
    expect(asideSaved.scenarios.map((s) => s.id)).toEqual(['checkout-drill']);
    expect(loadImports(BUNDLED, NOW).setAside).toEqual([]);
  });

  it('sets aside an import whose id the game now bundles', () => {
    keep('checkout-drill.yaml', DRILL);
    const loaded = loadImports(new Set([...BUNDLED, 'checkout-drill']), NOW);
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.setAside[0]?.refusal).toEqual({ kind: 'bundledId', id: 'checkout-drill' });
  });

  it('sets aside an entry whose saved id does not match its text', () => {
    keep('checkout-drill.yaml', DRILL);
    const saved = JSON.parse(storage.getItem(IMPORTS_KEY)!) as { scenarios: { id: string }[] };
    saved.scenarios[0]!.id = 'something-else';
    storage.setItem(IMPORTS_KEY, JSON.stringify(saved));
    const loaded = loadImports(BUNDLED, NOW);
    expect(loaded.scenarios).toEqual([]);
    expect(loaded.setAside[0]?.refusal).toMatchObject({
      kind: 'invalid',
      errors: [{ path: 'id' }],
    });
  });

  it('reports an entry it could not move, and keeps it where it was', () => {
    keep('checkout-drill.yaml', DRILL);
    storage.full = true;
    const loaded = loadImports(new Set(['checkout-drill']), NOW);
    expect(loaded.setAside[0]?.keptAs).toBe(IMPORTS_KEY);
    expect(JSON.parse(storage.getItem(IMPORTS_KEY)!)).toMatchObject({
      scenarios: [{ id: 'checkout-drill' }],
    });
  });
});
