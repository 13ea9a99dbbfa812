/**
 * The one way the game reads and writes localStorage. Reading never throws and never trusts:
 * text that does not parse or check is moved aside under a dated key (so nothing is lost) and
 * reported, and the caller starts from nothing. Writing reports a full or refused storage instead
 * of throwing. A composition-root module: it owns the browser storage.
 */

/** Saved data that could not be read: what was wrong, and where the text was kept. */
export interface SetAside {
  readonly key: string;
  readonly detail: string;
  /** The dated key it was moved to, or the key itself if it could not be moved. */
  readonly keptAs: string;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

export type WriteResult =
  | { readonly ok: true }
  /** No storage (disabled by privacy settings), quota exceeded, or another refusal. */
  | { readonly ok: false; readonly reason: 'unavailable' | 'full' | 'refused' };

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); the game plays without saving then.
    return null;
  }
}

/**
 * Reads `key` and checks it with `check` (which is given null when nothing is saved). Data that
 * fails the check is moved to `<key>.unreadable-<ISO time>` and reported.
 */
export function readSaved<T>(
  key: string,
  check: (text: string | null) => Checked<T>,
  now: Date = new Date(),
): { readonly value: T | null; readonly problem: SetAside | null } {
  const store = browserStorage();
  if (store === null) return { value: null, problem: null };
  let text: string | null;
  try {
    text = store.getItem(key);
  } catch {
    return { value: null, problem: null };
  }
  const result = check(text);
  if (result.ok) return { value: result.value, problem: null };
  const keptAs = `${key}.unreadable-${now.toISOString()}`;
  try {
    store.setItem(keptAs, text ?? '');
    store.removeItem(key);
  } catch {
    // Could not move it: leave it where it is, untouched, and still play.
    return { value: null, problem: { key, detail: result.problem, keptAs: key } };
  }
  return { value: null, problem: { key, detail: result.problem, keptAs } };
}

export function writeSaved(key: string, text: string): WriteResult {
  const store = browserStorage();
  if (store === null) return { ok: false, reason: 'unavailable' };
  try {
    store.setItem(key, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: isQuotaError(error) ? 'full' : 'refused' };
  }
}

export function removeSaved(key: string): void {
  try {
    browserStorage()?.removeItem(key);
  } catch {
    // Nothing to do: the data stays, and the next read checks it as usual.
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** Parses JSON text, or says it is not JSON. */
export function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
}
