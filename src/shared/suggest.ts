/** "Did you mean" for names typed by people: the closest candidate by edit distance. */

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The most edits a typed word of `length` characters may be from what was meant: a third of the
 * word, and at least one. Shells suggest close matches only (Ubuntu's command-not-found looks one
 * edit away), so `foo` is not a typo of `top` (two of its three letters differ) while `kubctl`,
 * `gerp` and `pg_stat_activty` still find their command.
 */
export function typoLimit(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

/** The candidate closest to `input`, or null when nothing is close enough to be a typo of it. */
export function closest(input: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = editDistance(input, c);
    if (dist < bestDistance) {
      bestDistance = dist;
      best = c;
    }
  }
  if (best === null) return null;
  return bestDistance <= typoLimit(input.length) ? best : null;
}
