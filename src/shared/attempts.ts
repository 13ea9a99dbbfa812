/**
 * The player's past attempts, as saved in the browser: parsing and checking the saved data and
 * summarising it per scenario. Pure: the composition root (src/attempt-history.ts) reads and
 * writes storage. Saved data is versioned; older versions are migrated, and anything that does
 * not parse or check (or comes from a newer game) is reported and set aside by the caller, never
 * trusted.
 */

/**
 * 2: attempts carry the debrief's scores and the id of their saved run record.
 * 1: outcome, time played and milestones only (migrated with no scores and no run).
 */
export const ATTEMPTS_VERSION = 2;

export type AttemptOutcome = 'resolved' | 'failed' | 'abandoned';
const OUTCOMES: readonly AttemptOutcome[] = ['resolved', 'failed', 'abandoned'];

/**
 * The debrief's figures by score key (`ScoreKey` of src/postmortem/model.ts: `mitigate`,
 * `budget`, `harmful`, `hints`, ...): milliseconds for times, a ratio for the budget, a count
 * otherwise; null when never reached, absent when not computed.
 */
export type AttemptScores = Readonly<Partial<Record<string, number | null>>>;

export interface Attempt {
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly seed: number;
  readonly mode: string;
  /** Wall-clock ISO 8601 time the attempt ended (for the history list, not the sim). */
  readonly endedAt: string;
  readonly outcome: AttemptOutcome;
  /** Simulated milliseconds played. */
  readonly playedMs: number;
  /** Simulated milliseconds from the start to each milestone the player reached. */
  readonly milestones: Readonly<Partial<Record<string, number>>>;
  readonly scores: AttemptScores;
  /** The key of the saved run record (src/run-storage.ts), to replay it or rebuild its debrief. */
  readonly runId?: string;
}

export interface SavedAttempts {
  readonly version: typeof ATTEMPTS_VERSION;
  readonly attempts: readonly Attempt[];
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly saved: SavedAttempts;
      /** The version the data was saved in, when it was older and has been migrated. */
      readonly migratedFrom: number | null;
    }
  | { readonly ok: false; readonly problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Most score keys an attempt may carry (there are eight today). */
const MAX_SCORES = 32;
const MAX_RUN_ID = 200;

/** Why an attempt is not valid in `version`, or null when it is. */
function attemptProblem(v: unknown, version: number): string | null {
  if (!isRecord(v)) return 'is not an object';
  if (typeof v['scenarioId'] !== 'string' || v['scenarioId'] === '') return 'scenarioId is missing';
  if (!isCount(v['scenarioVersion'])) return 'scenarioVersion is not a number';
  if (!isCount(v['seed'])) return 'seed is not a number';
  if (typeof v['mode'] !== 'string') return 'mode is not text';
  if (typeof v['endedAt'] !== 'string' || Number.isNaN(Date.parse(v['endedAt']))) {
    return 'endedAt is not a date';
  }
  if (!OUTCOMES.includes(v['outcome'] as AttemptOutcome)) return 'outcome is not known';
  if (!isCount(v['playedMs'])) return 'playedMs is not a number';
  const milestones = v['milestones'];
  if (!isRecord(milestones) || !Object.values(milestones).every(isCount)) {
    return 'milestones are not times';
  }
  if (version < 2) return null;
  const scores = v['scores'];
  if (
    !isRecord(scores) ||
    Object.keys(scores).length > MAX_SCORES ||
    !Object.values(scores).every((s) => s === null || (typeof s === 'number' && Number.isFinite(s)))
  ) {
    return 'scores are not numbers';
  }
  const runId = v['runId'];
  if (
    runId !== undefined &&
    (typeof runId !== 'string' || runId === '' || runId.length > MAX_RUN_ID)
  ) {
    return 'runId is not a key';
  }
  return null;
}

/** A version 1 attempt as version 2 has it: no scores were computed, no run was kept. */
const fromVersion1 = (a: Attempt): Attempt => ({
  scenarioId: a.scenarioId,
  scenarioVersion: a.scenarioVersion,
  seed: a.seed,
  mode: a.mode,
  endedAt: a.endedAt,
  outcome: a.outcome,
  playedMs: a.playedMs,
  milestones: a.milestones,
  scores: {},
});

/** Parses saved text; `null` (nothing saved yet) is an empty history. */
export function parseAttempts(text: string | null): ParseResult {
  if (text === null) {
    return { ok: true, saved: { version: ATTEMPTS_VERSION, attempts: [] }, migratedFrom: null };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  if (!isRecord(data)) return { ok: false, problem: 'not an object' };
  const version = data['version'];
  if (version !== 1 && version !== ATTEMPTS_VERSION) {
    const newer = typeof version === 'number' && version > ATTEMPTS_VERSION;
    return {
      ok: false,
      problem: newer
        ? `version ${version} is newer than this game reads (${ATTEMPTS_VERSION})`
        : `version ${String(version)} is not known`,
    };
  }
  const attempts = data['attempts'];
  if (!Array.isArray(attempts)) return { ok: false, problem: 'attempts is not a list' };
  for (const [i, attempt] of attempts.entries()) {
    const problem = attemptProblem(attempt, version);
    if (problem !== null) return { ok: false, problem: `attempts[${i}]: ${problem}` };
  }
  const checked = attempts as Attempt[];
  return {
    ok: true,
    saved: {
      version: ATTEMPTS_VERSION,
      attempts: version === 1 ? checked.map(fromVersion1) : checked,
    },
    migratedFrom: version === 1 ? 1 : null,
  };
}

export function serializeAttempts(attempts: readonly Attempt[]): string {
  const saved: SavedAttempts = { version: ATTEMPTS_VERSION, attempts };
  return JSON.stringify(saved);
}

/** What the library card shows about a scenario's past attempts. */
export interface AttemptSummary {
  readonly played: number;
  readonly resolved: number;
  /** The fastest resolution (sim ms), if any attempt resolved. */
  readonly bestResolveMs: number | null;
  /** The fastest time to mitigate (sim ms), if any attempt got there. */
  readonly bestMitigateMs: number | null;
}

export function summarise(attempts: readonly Attempt[], scenarioId: string): AttemptSummary {
  let played = 0;
  let resolved = 0;
  let bestResolveMs: number | null = null;
  let bestMitigateMs: number | null = null;
  for (const a of attempts) {
    if (a.scenarioId !== scenarioId) continue;
    played += 1;
    if (a.outcome === 'resolved') {
      resolved += 1;
      bestResolveMs = bestResolveMs === null ? a.playedMs : Math.min(bestResolveMs, a.playedMs);
    }
    const mitigated = a.milestones['mitigated'];
    if (mitigated !== undefined) {
      bestMitigateMs = bestMitigateMs === null ? mitigated : Math.min(bestMitigateMs, mitigated);
    }
  }
  return { played, resolved, bestResolveMs, bestMitigateMs };
}
