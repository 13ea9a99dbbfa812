/**
 * The player's imported scenarios, kept in the browser under `on-call-drill.scenarios`
 * (versioned): each as its original file name and text, so export gives back exactly what was
 * imported, with its id and the wall-clock time of the import. A file is checked by the same code
 * as `npm run drill -- check` (loadScenario, then the statechart walk) when it comes in and again
 * on every read: one that no longer checks (the game's vocabulary changed, or the saved text was
 * edited) is moved under a dated key and reported, never dropped silently. A scenario is data
 * only: nothing here runs or renders it. A composition-root module; it pulls in the loader (yaml,
 * zod), so only lazily loaded code imports it.
 */
import { t } from './i18n/index.ts';
import { parseJson, readSaved, writeSaved } from './saved-data.ts';
import type { Checked, SetAside, WriteResult } from './saved-data.ts';
import { checkGraph } from './scenario/graph.ts';
import { loadScenario } from './scenario/load.ts';
import type { ScenarioError } from './scenario/load.ts';
import type { ScenarioFile } from './scenario/schema.ts';

export const IMPORTS_KEY = 'on-call-drill.scenarios';
export const IMPORTS_VERSION = 1;
/** Larger files are refused unread: a scenario is a few kilobytes, the three flagships < 40 KB. */
export const MAX_SCENARIO_BYTES = 512 * 1024;
const SCENARIO_NAME = /\.(ya?ml|json)$/i;

/** One imported file as it is kept. */
export interface StoredScenario {
  /** The scenario's `id`, kept so remove and export need not parse the text. */
  readonly id: string;
  readonly fileName: string;
  readonly text: string;
  /** Wall-clock ISO time of the import. */
  readonly importedAt: string;
}

/** A kept file that checks: the scenario and one expansion per variant. */
export interface ImportedScenario {
  readonly stored: StoredScenario;
  readonly scenario: ScenarioFile;
  readonly variants: readonly ScenarioFile[];
}

/** Why a file cannot join the library. */
export type Refusal =
  | { readonly kind: 'fileType' }
  | { readonly kind: 'tooLarge'; readonly limitBytes: number }
  /** The id is a bundled scenario's: ids are unique in the library. */
  | { readonly kind: 'bundledId'; readonly id: string }
  /** What `drill check` says about it. */
  | { readonly kind: 'invalid'; readonly errors: readonly ScenarioError[] };

export type ImportResult =
  | {
      readonly kind: 'imported';
      readonly scenario: ImportedScenario;
      /** An earlier import with this id was replaced. */
      readonly replaced: boolean;
    }
  /** An earlier import has this id: nothing was saved; import again with `replace` to replace it. */
  | { readonly kind: 'replaces'; readonly existing: StoredScenario; readonly title: string }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  | { readonly kind: 'notSaved'; readonly result: Exclude<WriteResult, { ok: true }> };

/** A kept file that no longer checks, moved to `keptAs`. */
export interface SetAsideImport {
  readonly stored: StoredScenario;
  readonly refusal: Refusal;
  /** The dated key it was moved to, or the list's own key when it could not be moved. */
  readonly keptAs: string;
}

export interface ImportsLoad {
  readonly scenarios: readonly ImportedScenario[];
  /** Entries that no longer check, set aside on this read. */
  readonly setAside: readonly SetAsideImport[];
  /** The whole list could not be read, and was set aside. */
  readonly problem: SetAside | null;
}

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/** What the file's name and size alone refuse (checked before the file is read). */
export function checkFileMeta(fileName: string, bytes: number): Refusal | null {
  if (!SCENARIO_NAME.test(fileName)) return { kind: 'fileType' };
  if (bytes > MAX_SCENARIO_BYTES) return { kind: 'tooLarge', limitBytes: MAX_SCENARIO_BYTES };
  return null;
}

/** Checks a file the way `drill check` does, and that its id is not a bundled scenario's. */
export function checkScenarioText(
  fileName: string,
  text: string,
  bundledIds: ReadonlySet<string>,
):
  | {
      readonly ok: true;
      readonly scenario: ScenarioFile;
      readonly variants: readonly ScenarioFile[];
    }
  | { readonly ok: false; readonly refusal: Refusal } {
  const meta = checkFileMeta(fileName, utf8Bytes(text));
  if (meta) return { ok: false, refusal: meta };
  const loaded = loadScenario(fileName, text);
  if (!loaded.ok) return { ok: false, refusal: { kind: 'invalid', errors: loaded.errors } };
  const walk = checkGraph(fileName, loaded.scenario);
  if (walk.length > 0) return { ok: false, refusal: { kind: 'invalid', errors: walk } };
  const { id } = loaded.scenario;
  if (bundledIds.has(id)) return { ok: false, refusal: { kind: 'bundledId', id } };
  return { ok: true, scenario: loaded.scenario, variants: loaded.variants };
}

// The kept list -------------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The container: its version and each entry's shape (the scenario texts are checked after). */
function checkList(text: string | null): Checked<readonly StoredScenario[]> {
  if (text === null) return { ok: true, value: [] };
  const json = parseJson(text);
  if (!json.ok) return json;
  const data = json.value;
  if (!isRecord(data)) return { ok: false, problem: 'not an object' };
  if (data['version'] !== IMPORTS_VERSION) {
    return { ok: false, problem: `version ${String(data['version'])} is not ${IMPORTS_VERSION}` };
  }
  const list = data['scenarios'];
  if (!Array.isArray(list)) return { ok: false, problem: 'scenarios is not a list' };
  const out: StoredScenario[] = [];
  for (const [i, entry] of list.entries()) {
    if (!isRecord(entry)) return { ok: false, problem: `scenarios[${i}] is not an object` };
    const { id, fileName, text: body, importedAt } = entry;
    if (!isText(id)) return { ok: false, problem: `scenarios[${i}].id is missing` };
    if (!isText(fileName)) return { ok: false, problem: `scenarios[${i}].fileName is missing` };
    if (!isText(body)) return { ok: false, problem: `scenarios[${i}].text is missing` };
    if (typeof importedAt !== 'string' || Number.isNaN(Date.parse(importedAt))) {
      return { ok: false, problem: `scenarios[${i}].importedAt is not a date` };
    }
    out.push({ id, fileName, text: body, importedAt });
  }
  return { ok: true, value: out };
}

const serialize = (scenarios: readonly StoredScenario[]): string =>
  JSON.stringify({ version: IMPORTS_VERSION, scenarios });

/** The kept entries, unchecked; an unreadable list is set aside (and reported by loadImports). */
function readList(now: Date): {
  readonly list: readonly StoredScenario[];
  readonly problem: SetAside | null;
} {
  const { value, problem } = readSaved(IMPORTS_KEY, checkList, now);
  return { list: value ?? [], problem };
}

/**
 * Every kept scenario that still checks, in import order. Those that do not (or whose id is now
 * a bundled scenario's) are moved to `on-call-drill.scenarios.set-aside-<ISO time>` and returned
 * in `setAside`, so the library can say which and why.
 */
export function loadImports(bundledIds: ReadonlySet<string>, now: Date = new Date()): ImportsLoad {
  const { list, problem } = readList(now);
  const scenarios: ImportedScenario[] = [];
  const refused: { stored: StoredScenario; refusal: Refusal }[] = [];
  const seen = new Set<string>();
  for (const stored of list) {
    const checked = checkScenarioText(stored.fileName, stored.text, bundledIds);
    if (!checked.ok) {
      refused.push({ stored, refusal: checked.refusal });
      continue;
    }
    const { id } = checked.scenario;
    if (id !== stored.id || seen.has(id)) {
      // The kept text was edited by hand: its id no longer names it uniquely.
      const error = { file: stored.fileName, path: 'id', message: `"${id}" is not unique here` };
      refused.push({ stored, refusal: { kind: 'invalid', errors: [error] } });
      continue;
    }
    seen.add(id);
    scenarios.push({ stored, scenario: checked.scenario, variants: checked.variants });
  }
  if (refused.length === 0) return { scenarios, setAside: [], problem };

  const asideKey = `${IMPORTS_KEY}.set-aside-${now.toISOString()}`;
  const moved =
    writeSaved(asideKey, serialize(refused.map((r) => r.stored))).ok &&
    writeSaved(IMPORTS_KEY, serialize(scenarios.map((s) => s.stored))).ok;
  const keptAs = moved ? asideKey : IMPORTS_KEY;
  return { scenarios, setAside: refused.map((r) => ({ ...r, keptAs })), problem };
}

/**
 * Checks a file and keeps it. A file with the id of an earlier import is kept only with
 * `replace` (the caller asks the player first); otherwise the result names what it would replace.
 */
export function importScenario(
  file: { readonly fileName: string; readonly text: string },
  options: {
    readonly bundledIds: ReadonlySet<string>;
    /** Wall-clock ISO time of the import. */
    readonly importedAt: string;
    readonly replace?: boolean;
  },
): ImportResult {
  const checked = checkScenarioText(file.fileName, file.text, options.bundledIds);
  if (!checked.ok) return { kind: 'refused', refusal: checked.refusal };
  const { id, title } = checked.scenario;
  const { list } = readList(new Date(options.importedAt));
  const existing = list.find((s) => s.id === id) ?? null;
  if (existing && options.replace !== true) return { kind: 'replaces', existing, title };
  const stored: StoredScenario = {
    id,
    fileName: file.fileName,
    text: file.text,
    importedAt: options.importedAt,
  };
  const next = existing ? list.map((s) => (s.id === id ? stored : s)) : [...list, stored];
  const written = writeSaved(IMPORTS_KEY, serialize(next));
  if (!written.ok) return { kind: 'notSaved', result: written };
  return {
    kind: 'imported',
    scenario: { stored, scenario: checked.scenario, variants: checked.variants },
    replaced: existing !== null,
  };
}

/** Forgets an imported scenario (its attempts stay in the history). */
export function removeImport(id: string, now: Date = new Date()): WriteResult {
  const { list } = readList(now);
  if (!list.some((s) => s.id === id)) return { ok: true };
  return writeSaved(IMPORTS_KEY, serialize(list.filter((s) => s.id !== id)));
}

/** The file as it was imported: its name and its text, unchanged. */
export function exportImport(
  id: string,
  now: Date = new Date(),
): { readonly fileName: string; readonly text: string } | null {
  const stored = readList(now).list.find((s) => s.id === id);
  return stored ? { fileName: stored.fileName, text: stored.text } : null;
}

// Wording --------------------------------------------------------------------------------------

/** One problem as the library lists it: the path to the field (empty: the whole file), what is wrong. */
export interface ImportProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * A refusal as rows of the library's problem list. The checker's own messages are the English
 * the `check` command prints (like the tools' output, they are not translated).
 */
export function refusalProblems(refusal: Refusal): ImportProblem[] {
  switch (refusal.kind) {
    case 'fileType':
      return [{ path: '', message: t('import.refused.fileType') }];
    case 'tooLarge':
      return [
        { path: '', message: t('import.refused.tooLarge', { size: refusal.limitBytes / 1024 }) },
      ];
    case 'bundledId':
      return [{ path: 'id', message: t('import.refused.bundledId', { id: refusal.id }) }];
    case 'invalid':
      return refusal.errors.map((e) => ({
        path: e.path,
        message:
          e.suggestion === undefined
            ? e.message
            : `${e.message} ${t('import.didYouMean', { suggestion: e.suggestion })}`,
      }));
  }
}

/** A set-aside entry as one notice: which file, why, and where it was kept. */
export function setAsideText(entry: SetAsideImport): string {
  const why = refusalProblems(entry.refusal)
    .slice(0, 3)
    .map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`))
    .join('; ');
  return t('import.setAside', { file: entry.stored.fileName, detail: why, key: entry.keptAs });
}
