/**
 * The player's attempts, kept in localStorage. Reading never throws: saved data that does not
 * parse or check is moved aside under a dated key (so nothing is lost) and reported, and the game
 * starts from an empty history. A composition-root module: it owns the browser storage.
 */
import { parseAttempts, serializeAttempts } from './shared/attempts.ts';
import type { Attempt } from './shared/attempts.ts';

export const HISTORY_KEY = 'on-call-drill.attempts';

export interface HistoryLoad {
  readonly attempts: readonly Attempt[];
  /** What was wrong with the saved data and where it was kept, when it had to be set aside. */
  readonly problem: { readonly detail: string; readonly keptAs: string } | null;
}

/** Most attempts kept: the oldest go first (a long-lived browser must not fill its quota). */
const LIMIT = 500;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the game plays without a history then.
    return null;
  }
}

export function loadHistory(now: Date = new Date()): HistoryLoad {
  const store = storage();
  if (store === null) return { attempts: [], problem: null };
  const text = store.getItem(HISTORY_KEY);
  const result = parseAttempts(text);
  if (result.ok) return { attempts: result.saved.attempts, problem: null };
  const keptAs = `${HISTORY_KEY}.unreadable-${now.toISOString()}`;
  try {
    store.setItem(keptAs, text ?? '');
    store.removeItem(HISTORY_KEY);
  } catch {
    // Could not move it: leave it where it is, untouched, and still play.
    return { attempts: [], problem: { detail: result.problem, keptAs: HISTORY_KEY } };
  }
  return { attempts: [], problem: { detail: result.problem, keptAs } };
}

/** Adds an attempt; returns false when the browser would not store it. */
export function recordAttempt(attempt: Attempt): boolean {
  const store = storage();
  if (store === null) return false;
  const { attempts } = loadHistory();
  try {
    store.setItem(HISTORY_KEY, serializeAttempts([...attempts, attempt].slice(-LIMIT)));
    return true;
  } catch {
    return false;
  }
}
