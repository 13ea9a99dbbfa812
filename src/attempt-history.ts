/**
 * The player's attempts, kept in localStorage under `on-call-drill.attempts` (format in
 * src/shared/attempts.ts; older versions are migrated on read). Reading never throws: saved data
 * that does not parse or check is moved aside under a dated key (so nothing is lost) and
 * reported, and the game starts from an empty history. A composition-root module.
 */
import { readSaved, writeSaved } from './saved-data.ts';
import type { SetAside, WriteResult } from './saved-data.ts';
import { parseAttempts, serializeAttempts } from './shared/attempts.ts';
import type { Attempt } from './shared/attempts.ts';

export const HISTORY_KEY = 'on-call-drill.attempts';

export interface HistoryLoad {
  readonly attempts: readonly Attempt[];
  /** What was wrong with the saved data and where it was kept, when it had to be set aside. */
  readonly problem: SetAside | null;
}

/** Most attempts kept: the oldest go first (a long-lived browser must not fill its quota). */
const LIMIT = 500;

export function loadHistory(now: Date = new Date()): HistoryLoad {
  const { value, problem } = readSaved(
    HISTORY_KEY,
    (text) => {
      const result = parseAttempts(text);
      return result.ok ? { ok: true, value: result.saved.attempts } : result;
    },
    now,
  );
  return { attempts: value ?? [], problem };
}

/** Adds an attempt; says so when the browser would not store it. */
export function recordAttempt(attempt: Attempt): WriteResult {
  const { attempts } = loadHistory();
  return writeSaved(HISTORY_KEY, serializeAttempts([...attempts, attempt].slice(-LIMIT)));
}
