/**
 * The player's past attempts, as saved in the browser: parsing and checking the saved data and
 * summarising it per scenario. Pure: the composition root (src/attempt-history.ts) reads and
 * writes storage. Saved data is versioned; anything that does not parse or check is reported and
 * set aside by the caller, never trusted.
 */

export const ATTEMPTS_VERSION = 1;

export type AttemptOutcome = 'resolved' | 'failed' | 'abandoned';
const OUTCOMES: readonly AttemptOutcome[] = ['resolved', 'failed', 'abandoned'];

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
}

export interface SavedAttempts {
  readonly version: typeof ATTEMPTS_VERSION;
  readonly attempts: readonly Attempt[];
}

export type ParseResult =
  | { readonly ok: true; readonly saved: SavedAttempts }
  | { readonly ok: false; readonly problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Why an attempt is not valid, or null when it is. */
function attemptProblem(v: unknown): string | null {
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
  return null;
}

/** Parses saved text; `null` (nothing saved yet) is an empty history. */
export function parseAttempts(text: string | null): ParseResult {
  if (text === null) return { ok: true, saved: { version: ATTEMPTS_VERSION, attempts: [] } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  if (!isRecord(data)) return { ok: false, problem: 'not an object' };
  if (data['version'] !== ATTEMPTS_VERSION) {
    return { ok: false, problem: `version ${String(data['version'])} is not ${ATTEMPTS_VERSION}` };
  }
  const attempts = data['attempts'];
  if (!Array.isArray(attempts)) return { ok: false, problem: 'attempts is not a list' };
  for (const [i, attempt] of attempts.entries()) {
    const problem = attemptProblem(attempt);
    if (problem !== null) return { ok: false, problem: `attempts[${i}]: ${problem}` };
  }
  return { ok: true, saved: { version: ATTEMPTS_VERSION, attempts: attempts as Attempt[] } };
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
