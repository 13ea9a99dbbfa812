/**
 * A run record: everything needed to play a run again exactly — the scenario (id and version),
 * the seed and the player's timestamped inputs, up to the simulated time reached. It is what the
 * browser saves for resume, replay and the debrief, and what a player exports and imports as a
 * `.json` file, so parsing treats it as untrusted data: every field is checked, each problem
 * names its path (`inputs[3].action.type: ...`), and sizes are bounded so a hostile file cannot
 * make the game replay for minutes.
 *
 * The session layer may not use zod directly (docs/architecture.md), so the envelope is checked
 * here by hand and each action by the vocabulary's own zod schema, `PlayerActionSchema`.
 */
import { PlayerActionSchema } from '../actions/vocabulary.ts';
import type { ActionSource } from '../scenario/runner.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { IncidentSession } from './session.ts';
import type { SessionInput } from './session.ts';

export const RUN_RECORD_FORMAT = 'on-call-drill/run';
export const RUN_RECORD_VERSION = 1;

export interface RunRecord {
  readonly format: typeof RUN_RECORD_FORMAT;
  readonly version: typeof RUN_RECORD_VERSION;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly seed: number;
  /** The game mode it was played in (`practice`, ...). */
  readonly mode: string;
  /** Interview mode: the countdown the candidate chose, in simulated ms. */
  readonly limitMs?: number;
  readonly inputs: readonly SessionInput[];
  /** Simulated milliseconds reached: a replay runs until here. */
  readonly t: number;
  /** The simulation's state hash at `t`, so an import can prove its replay is exact. */
  readonly finalHash?: string;
}

export type ParsedRunRecord =
  | { readonly ok: true; readonly record: RunRecord }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Bounds for untrusted records. A day of simulated time replays in a few seconds. */
export const RUN_RECORD_LIMITS = {
  /** Characters of JSON text (about 4 MB). */
  textChars: 4_000_000,
  inputs: 20_000,
  /** Characters of one console line (a paste of a whole log is still a line). */
  lineChars: 100_000,
  /** Characters of the scenario id and of the mode. */
  nameChars: 120,
  /** Simulated milliseconds (24 h). */
  t: 24 * 60 * 60_000,
} as const;

/** At most this many problems are listed: the first ones say enough. */
const MAX_PROBLEMS = 20;

const SOURCES: readonly ActionSource[] = ['console', 'panel', 'channel', 'facilitator', 'script'];
const KEYS = [
  'format',
  'version',
  'scenarioId',
  'scenarioVersion',
  'seed',
  'mode',
  'limitMs',
  't',
  'finalHash',
  'inputs',
] as const;

/** The record of a session as it stands now. */
export function runRecordOf(session: IncidentSession, mode: string): RunRecord {
  return {
    format: RUN_RECORD_FORMAT,
    version: RUN_RECORD_VERSION,
    scenarioId: session.scenario.id,
    scenarioVersion: session.scenario.version,
    // The sim keeps the seed it was made with (as an unsigned 32-bit number).
    seed: session.run.sim.state.seed,
    mode,
    inputs: [...session.inputs],
    t: session.t,
    finalHash: session.run.sim.hash(),
  };
}

/** Pretty JSON with a fixed key order, so the same run always gives the same file. */
export function serializeRunRecord(record: RunRecord, indent = 2): string {
  const ordered = {
    format: record.format,
    version: record.version,
    scenarioId: record.scenarioId,
    scenarioVersion: record.scenarioVersion,
    seed: record.seed,
    mode: record.mode,
    ...(record.limitMs === undefined ? {} : { limitMs: record.limitMs }),
    t: record.t,
    ...(record.finalHash === undefined ? {} : { finalHash: record.finalHash }),
    inputs: record.inputs.map(orderedInput),
  };
  return JSON.stringify(ordered, null, indent);
}

function orderedInput(input: SessionInput): unknown {
  if (input.kind === 'line') return { at: input.at, kind: input.kind, line: input.line };
  if (input.kind === 'interrupt') return { at: input.at, kind: input.kind };
  return { at: input.at, kind: input.kind, action: sortedKeys(input.action), source: input.source };
}

/** `type` first, then the other keys alphabetically, nested objects too. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) =>
    a === 'type' ? -1 : b === 'type' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, sortedKeys(v)]));
}

/** Parses a record from text (a file the player chose, or saved data). Never throws. */
export function parseRunRecord(text: string): ParsedRunRecord {
  if (text.length > RUN_RECORD_LIMITS.textChars) {
    return {
      ok: false,
      problems: [`the file is larger than ${RUN_RECORD_LIMITS.textChars} characters`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['not valid JSON'] };
  }
  return checkRunRecord(data);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isWholeNumber = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= RUN_RECORD_LIMITS.nameChars;

/** Checks already parsed data as a record: every problem found, each with its path. */
export function checkRunRecord(data: unknown): ParsedRunRecord {
  const problems: string[] = [];
  const problem = (path: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS)
      problems.push(path === '' ? message : `${path}: ${message}`);
  };
  if (!isRecord(data)) return { ok: false, problems: ['not an object'] };
  if (data['format'] !== RUN_RECORD_FORMAT) {
    problem('format', `expected "${RUN_RECORD_FORMAT}"`);
    // Another kind of file: its other fields mean nothing here.
    return { ok: false, problems };
  }
  if (data['version'] !== RUN_RECORD_VERSION) {
    problem('version', `expected ${RUN_RECORD_VERSION}, found ${JSON.stringify(data['version'])}`);
    return { ok: false, problems };
  }
  for (const key of Object.keys(data)) {
    if (!(KEYS as readonly string[]).includes(key)) problem(key, 'unknown field');
  }
  if (!isName(data['scenarioId'])) problem('scenarioId', 'expected a scenario id');
  if (
    !isWholeNumber(data['scenarioVersion'], Number.MAX_SAFE_INTEGER) ||
    data['scenarioVersion'] < 1
  ) {
    problem('scenarioVersion', 'expected a positive whole number');
  }
  if (!isWholeNumber(data['seed'], 0xffff_ffff))
    problem('seed', 'expected a whole number from 0 to 4294967295');
  if (!isName(data['mode'])) problem('mode', 'expected a mode name');
  const limit = data['limitMs'];
  if (limit !== undefined && (!isWholeNumber(limit, RUN_RECORD_LIMITS.t) || limit < 60_000))
    problem('limitMs', `expected whole milliseconds from 60000 to ${RUN_RECORD_LIMITS.t}`);
  const t = data['t'];
  if (!isWholeNumber(t, RUN_RECORD_LIMITS.t)) {
    problem('t', `expected whole milliseconds from 0 to ${RUN_RECORD_LIMITS.t}`);
  }
  const hash = data['finalHash'];
  if (hash !== undefined && (typeof hash !== 'string' || !/^[0-9a-f]{16}$/.test(hash))) {
    problem('finalHash', 'expected 16 hexadecimal digits');
  }
  const inputs = data['inputs'];
  if (!Array.isArray(inputs)) {
    problem('inputs', 'expected a list');
  } else if (inputs.length > RUN_RECORD_LIMITS.inputs) {
    problem('inputs', `more than ${RUN_RECORD_LIMITS.inputs} inputs`);
  } else {
    const end = typeof t === 'number' ? t : RUN_RECORD_LIMITS.t;
    let previous = 0;
    for (const [i, input] of inputs.entries()) {
      const at = inputProblems(input, `inputs[${i}]`, problem);
      if (at === null) continue;
      if (at < previous)
        problem(`inputs[${i}].at`, `${at} is before the input above (${previous})`);
      else if (at > end) problem(`inputs[${i}].at`, `${at} is after the record's end t (${end})`);
      previous = Math.max(previous, at);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, record: data as unknown as RunRecord };
}

/** One input arriving as data (from another window): the input, or null when it is not valid. */
export function checkInput(data: unknown): SessionInput | null {
  let valid = true;
  inputProblems(data, 'input', () => (valid = false));
  return valid ? (data as SessionInput) : null;
}

/** Reports what is wrong with one input; returns its time when that is valid. */
function inputProblems(
  input: unknown,
  path: string,
  problem: (path: string, message: string) => void,
): number | null {
  if (!isRecord(input)) {
    problem(path, 'expected an object');
    return null;
  }
  const kind = input['kind'];
  const allowed =
    kind === 'line'
      ? ['at', 'kind', 'line']
      : kind === 'interrupt'
        ? ['at', 'kind']
        : kind === 'action'
          ? ['at', 'kind', 'action', 'source']
          : null;
  if (allowed === null) {
    problem(`${path}.kind`, 'expected "line", "interrupt" or "action"');
  } else {
    for (const key of Object.keys(input)) {
      if (!allowed.includes(key)) problem(`${path}.${key}`, 'unknown field');
    }
  }
  if (kind === 'line') {
    const line = input['line'];
    if (typeof line !== 'string') problem(`${path}.line`, 'expected text');
    else if (line.length > RUN_RECORD_LIMITS.lineChars) {
      problem(`${path}.line`, `longer than ${RUN_RECORD_LIMITS.lineChars} characters`);
    }
  }
  if (kind === 'action') {
    if (!SOURCES.includes(input['source'] as ActionSource)) {
      problem(`${path}.source`, `expected one of ${SOURCES.join(', ')}`);
    }
    const parsed = PlayerActionSchema.safeParse(input['action']);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problem(pathOf(`${path}.action`, issue.path), issue.message);
      }
    }
  }
  const at = input['at'];
  if (!isWholeNumber(at, RUN_RECORD_LIMITS.t)) {
    problem(`${path}.at`, 'expected whole milliseconds');
    return null;
  }
  return at;
}

function pathOf(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`),
    base,
  );
}

/** How a record relates to the scenario it is about to be replayed on. */
export type RecordFit =
  | { readonly kind: 'same' }
  /** Another version of the scenario: it replays, but may not play out the same. */
  | { readonly kind: 'otherVersion'; readonly recorded: number; readonly current: number }
  /** Another scenario altogether: refused. */
  | { readonly kind: 'otherScenario'; readonly recorded: string; readonly current: string };

export function recordFit(scenario: ScenarioFile, record: RunRecord): RecordFit {
  if (record.scenarioId !== scenario.id) {
    return { kind: 'otherScenario', recorded: record.scenarioId, current: scenario.id };
  }
  if (record.scenarioVersion !== scenario.version) {
    return { kind: 'otherVersion', recorded: record.scenarioVersion, current: scenario.version };
  }
  return { kind: 'same' };
}

/**
 * Plays a record again on a fresh session, until its `t`. `scenario` must be the record's
 * scenario with the record's seed's variant filled in. A record of another scenario is refused
 * (a RangeError: check `recordFit` first); one of another version replays, and the caller warns.
 */
export function replayRecord(scenario: ScenarioFile, record: RunRecord): IncidentSession {
  const fit = recordFit(scenario, record);
  if (fit.kind === 'otherScenario') {
    throw new RangeError(`a run of ${fit.recorded} cannot be replayed on ${fit.current}`);
  }
  return IncidentSession.replay(scenario, record.seed, record.inputs, record.t);
}

/** Whether a replay reached the recorded state: `unchecked` when the record has no hash. */
export function replayMatches(
  session: IncidentSession,
  record: RunRecord,
): 'exact' | 'differs' | 'unchecked' {
  if (record.finalHash === undefined) return 'unchecked';
  return session.run.sim.hash() === record.finalHash ? 'exact' : 'differs';
}
