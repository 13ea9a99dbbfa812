/**
 * Run records kept in the browser (format: src/session/run-record.ts):
 * - `on-call-drill.current-run`: the incident in progress, saved as it moves, so a reload resumes
 *   it; cleared when its attempt is recorded.
 * - `on-call-drill.runs`: the last finished runs, for the history's replay, debrief and export;
 *   the oldest are dropped (and dropped early when the browser's quota is full).
 * - `on-call-drill.postmortem-edits`: the player's edits of a postmortem, by run id.
 * Every read checks the data and sets anything unreadable aside (src/saved-data.ts); writes
 * report a full storage instead of throwing. A composition-root module.
 */
import { RUN_RECORD_FORMAT, RUN_RECORD_VERSION, checkRunRecord } from './session/run-record.ts';
import type { RunRecord } from './session/run-record.ts';
import type { SessionInput } from './session/session.ts';
import { parseJson, readSaved, removeSaved, writeSaved } from './saved-data.ts';
import type { Checked, SetAside, WriteResult } from './saved-data.ts';

export const CURRENT_RUN_KEY = 'on-call-drill.current-run';
export const RUNS_KEY = 'on-call-drill.runs';
export const EDITS_KEY = 'on-call-drill.postmortem-edits';
/** Version of the three containers above (the record inside has its own). */
export const RUN_STORAGE_VERSION = 1;
/** Finished runs kept. */
export const RUNS_KEPT = 20;
/** At most one save of an unchanged-input run per this much wall time. */
export const SAVE_INTERVAL_MS = 1000;

export interface CurrentRun {
  readonly record: RunRecord;
  /** Wall-clock ISO time of the save. */
  readonly savedAt: string;
}

export interface SavedRun {
  /** The key an attempt refers to (`Attempt.runId`). */
  readonly id: string;
  readonly savedAt: string;
  readonly record: RunRecord;
}

/** A postmortem's edited sections: section id to its Markdown. */
export type PostmortemEdits = Readonly<Partial<Record<string, string>>>;

const MAX_EDIT_CHARS = 100_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Checks a container's version, then its body; `null` text is "nothing saved". */
function container<T>(
  text: string | null,
  empty: T,
  body: (data: Record<string, unknown>) => Checked<T>,
): Checked<T> {
  if (text === null) return { ok: true, value: empty };
  const json = parseJson(text);
  if (!json.ok) return json;
  const data = json.value;
  if (!isRecord(data)) return { ok: false, problem: 'not an object' };
  if (data['version'] !== RUN_STORAGE_VERSION) {
    return {
      ok: false,
      problem: `version ${String(data['version'])} is not ${RUN_STORAGE_VERSION}`,
    };
  }
  return body(data);
}

/** A saved record, with the path of its first problem. */
function recordIn(data: unknown, path: string): Checked<RunRecord> {
  const checked = checkRunRecord(data);
  return checked.ok
    ? { ok: true, value: checked.record }
    : { ok: false, problem: `${path}.${checked.problems[0] ?? 'not a run record'}` };
}

// The in-progress run ------------------------------------------------------------------------

function checkCurrent(text: string | null): Checked<CurrentRun | null> {
  return container<CurrentRun | null>(text, null, (data) => {
    if (!isDate(data['savedAt'])) return { ok: false, problem: 'savedAt is not a date' };
    const record = recordIn(data['record'], 'record');
    if (!record.ok) return record;
    return { ok: true, value: { record: record.value, savedAt: data['savedAt'] } };
  });
}

export function loadCurrentRun(now: Date = new Date()): {
  readonly run: CurrentRun | null;
  readonly problem: SetAside | null;
} {
  const { value, problem } = readSaved(CURRENT_RUN_KEY, checkCurrent, now);
  return { run: value ?? null, problem };
}

/** Saves the incident in progress; a record that does not check is refused, not saved. */
export function saveCurrentRun(record: RunRecord, now: Date = new Date()): WriteResult {
  if (!checkRunRecord(record).ok) return { ok: false, reason: 'refused' };
  const saved = { version: RUN_STORAGE_VERSION, savedAt: now.toISOString(), record };
  return writeSaved(CURRENT_RUN_KEY, JSON.stringify(saved));
}

export function clearCurrentRun(): void {
  removeSaved(CURRENT_RUN_KEY);
}

// Finished runs ------------------------------------------------------------------------------

function checkRuns(text: string | null): Checked<readonly SavedRun[]> {
  return container<readonly SavedRun[]>(text, [], (data) => {
    const runs = data['runs'];
    if (!Array.isArray(runs)) return { ok: false, problem: 'runs is not a list' };
    const out: SavedRun[] = [];
    for (const [i, run] of runs.entries()) {
      if (!isRecord(run)) return { ok: false, problem: `runs[${i}] is not an object` };
      const id = run['id'];
      if (typeof id !== 'string' || id === '') {
        return { ok: false, problem: `runs[${i}].id is missing` };
      }
      if (!isDate(run['savedAt']))
        return { ok: false, problem: `runs[${i}].savedAt is not a date` };
      const record = recordIn(run['record'], `runs[${i}].record`);
      if (!record.ok) return record;
      out.push({ id, savedAt: run['savedAt'], record: record.value });
    }
    return { ok: true, value: out };
  });
}

export function loadRuns(now: Date = new Date()): {
  readonly runs: readonly SavedRun[];
  readonly problem: SetAside | null;
} {
  const { value, problem } = readSaved(RUNS_KEY, checkRuns, now);
  return { runs: value ?? [], problem };
}

export function loadRun(id: string): SavedRun | null {
  return loadRuns().runs.find((r) => r.id === id) ?? null;
}

/**
 * Keeps a finished run, dropping the oldest beyond `RUNS_KEPT`; when the quota is full it drops
 * more of the oldest until the new run fits. Returns the new run's id when it was kept. A record
 * that does not check (too long to replay, say) is refused.
 */
export function saveRun(
  record: RunRecord,
  now: Date = new Date(),
): { readonly id: string | null; readonly result: WriteResult } {
  // Checked on the way in too: one bad record would set the whole list aside on the next read.
  if (!checkRunRecord(record).ok) return { id: null, result: { ok: false, reason: 'refused' } };
  const { runs } = loadRuns(now);
  const id = uniqueId(`${record.scenarioId}@${now.toISOString()}`, runs);
  let kept = [...runs, { id, savedAt: now.toISOString(), record }].slice(-RUNS_KEPT);
  for (;;) {
    const result = writeSaved(
      RUNS_KEY,
      JSON.stringify({ version: RUN_STORAGE_VERSION, runs: kept }),
    );
    if (result.ok) {
      dropEditsExcept(new Set(kept.map((r) => r.id)));
      return { id, result };
    }
    if (result.reason !== 'full' || kept.length <= 1) return { id: null, result };
    kept = kept.slice(1);
  }
}

function uniqueId(base: string, runs: readonly SavedRun[]): string {
  const taken = new Set(runs.map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
  return id;
}

// Postmortem edits ---------------------------------------------------------------------------

type EditsByRun = Readonly<Record<string, PostmortemEdits>>;

function checkEdits(text: string | null): Checked<EditsByRun> {
  return container<EditsByRun>(text, {}, (data) => {
    const edits = data['edits'];
    if (!isRecord(edits)) return { ok: false, problem: 'edits is not an object' };
    for (const [runId, sections] of Object.entries(edits)) {
      const ok =
        isRecord(sections) &&
        Object.values(sections).every((s) => typeof s === 'string' && s.length <= MAX_EDIT_CHARS);
      if (!ok) return { ok: false, problem: `edits of ${runId} are not texts` };
    }
    return { ok: true, value: edits as EditsByRun };
  });
}

function loadAllEdits(now: Date = new Date()): {
  readonly edits: EditsByRun;
  readonly problem: SetAside | null;
} {
  const { value, problem } = readSaved(EDITS_KEY, checkEdits, now);
  return { edits: value ?? {}, problem };
}

export function loadEdits(
  runId: string,
  now: Date = new Date(),
): { readonly edits: PostmortemEdits; readonly problem: SetAside | null } {
  const { edits, problem } = loadAllEdits(now);
  return { edits: Object.hasOwn(edits, runId) ? edits[runId]! : {}, problem };
}

export function saveEdits(runId: string, edits: PostmortemEdits): WriteResult {
  const all = { ...loadAllEdits().edits, [runId]: edits };
  return writeSaved(EDITS_KEY, JSON.stringify({ version: RUN_STORAGE_VERSION, edits: all }));
}

/** Edits belong to kept runs: those of dropped runs go with them. */
function dropEditsExcept(kept: ReadonlySet<string>): void {
  const { edits, problem } = loadAllEdits();
  if (problem !== null) return;
  const entries = Object.entries(edits);
  const left = entries.filter(([runId]) => kept.has(runId));
  if (left.length === entries.length) return;
  writeSaved(
    EDITS_KEY,
    JSON.stringify({ version: RUN_STORAGE_VERSION, edits: Object.fromEntries(left) }),
  );
}

// Saving an incident as it is played ---------------------------------------------------------

/** Who played what: everything of a record but the inputs and the time reached. */
export type RunBase = Pick<
  RunRecord,
  'scenarioId' | 'scenarioVersion' | 'seed' | 'mode' | 'limitMs'
>;

/** A record of `base` with these inputs, up to `t` (copied: the session's list keeps growing). */
export function runRecord(base: RunBase, inputs: readonly SessionInput[], t: number): RunRecord {
  return {
    format: RUN_RECORD_FORMAT,
    version: RUN_RECORD_VERSION,
    scenarioId: base.scenarioId,
    scenarioVersion: base.scenarioVersion,
    seed: base.seed,
    mode: base.mode,
    ...(base.limitMs === undefined ? {} : { limitMs: base.limitMs }),
    inputs: [...inputs],
    t,
  };
}

/** What the live incident reports as it moves (`RunProgress` of src/incident.ts). */
export interface Progress {
  readonly inputs: readonly SessionInput[];
  readonly t: number;
  readonly ended: boolean;
}

export interface ProgressSaver {
  /** Saves now if the player acted since the last save or a second has passed; else later. */
  progress(progress: Progress): void;
  /** Saves what is waiting (the page is being hidden or left). */
  flush(): void;
  /** No more saves: the attempt was recorded (or the run left). */
  stop(): void;
}

/**
 * Saves the in-progress run on every input and at most once a second otherwise. A run that has
 * ended is not saved as in progress: its attempt is about to be recorded.
 */
export function createProgressSaver(
  base: RunBase,
  options: {
    /** Wall-clock milliseconds (performance.now or Date.now). */
    now(): number;
    save?(record: RunRecord): WriteResult;
    /** A save failed: called once per reason, so a full storage is reported, not repeated. */
    onFail?(result: Exclude<WriteResult, { ok: true }>): void;
  },
): ProgressSaver {
  const save = options.save ?? ((record: RunRecord) => saveCurrentRun(record));
  let stopped = false;
  let lastAt = -Infinity;
  let lastInputs = -1;
  let pending: Progress | null = null;
  const failed = new Set<string>();

  const write = (p: Progress): void => {
    pending = null;
    lastAt = options.now();
    lastInputs = p.inputs.length;
    const result = save(runRecord(base, p.inputs, p.t));
    if (!result.ok && !failed.has(result.reason)) {
      failed.add(result.reason);
      options.onFail?.(result);
    }
  };

  return {
    progress(p) {
      if (stopped || p.ended) return;
      if (p.inputs.length !== lastInputs || options.now() - lastAt >= SAVE_INTERVAL_MS) write(p);
      else pending = p;
    },
    flush() {
      if (!stopped && pending !== null) write(pending);
    },
    stop() {
      stopped = true;
      pending = null;
    },
  };
}
