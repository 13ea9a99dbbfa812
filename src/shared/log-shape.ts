/**
 * The shape of a family of log lines: fixed text with holes, where each hole is filled with a
 * non-empty run of characters drawn from a known alphabet (digits of a latency, hex of a trace
 * id). From a shape alone, a line filter can often decide for every line of the family at once:
 * `|= "timeout"` matches all of them when a fixed part says "i/o timeout", and none of them when
 * neither the fixed text nor any hole can hold the word (a needle may straddle fixed text and a
 * hole, so the check tries every way it could). Undecided families are formatted and tested.
 */
import type { LineFilter } from './log-query.ts';

/** What a shape says about a filter: no line passes, every line does, or each must be tested. */
export const LINE_VERDICT = { none: 0, all: 1, some: 2 } as const;
export type LineVerdict = (typeof LINE_VERDICT)[keyof typeof LINE_VERDICT];

export interface ShapeHole {
  /** Every character a hole's text may hold; a hole is never empty. */
  readonly chars: string;
}

export type ShapePart = string | ShapeHole;

/** A shape ready for testing: adjacent literals joined, lowercase copies made once. */
export interface PreparedShape {
  readonly parts: readonly ShapePart[];
  readonly literals: readonly string[];
  readonly folded: readonly ShapePart[];
}

export function prepareShape(parts: readonly ShapePart[]): PreparedShape {
  const joined: ShapePart[] = [];
  for (const p of parts) {
    const last = joined[joined.length - 1];
    if (typeof p === 'string') {
      if (p === '') continue;
      if (typeof last === 'string') joined[joined.length - 1] = last + p;
      else joined.push(p);
    } else joined.push(p);
  }
  const literals = joined.filter((p): p is string => typeof p === 'string');
  const folded = joined.map((p) =>
    typeof p === 'string' ? asciiLower(p) : { chars: asciiLower(p.chars) },
  );
  return { parts: joined, literals, folded };
}

/** Lowercases ASCII letters only: exactly how a non-unicode `/i` regex compares ASCII text. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Whether lines of this shape contain `needle`: in all of them (a literal holds it), in none
 * (no literal holds it and no hole can hold any piece of it), or only in some.
 */
export function containsVerdict(
  shape: PreparedShape,
  needle: string,
  insensitive: boolean,
): LineVerdict {
  if (needle === '') return LINE_VERDICT.all;
  // Case-folding is only exact for ASCII needles; anything else is formatted and tested.
  if (insensitive && /[^ -~\t\n]/.test(needle)) return LINE_VERDICT.some;
  const n = insensitive ? asciiLower(needle) : needle;
  const parts = insensitive ? shape.folded : shape.parts;
  for (const p of parts) if (typeof p === 'string' && p.includes(n)) return LINE_VERDICT.all;
  for (let k = 0; k < parts.length; k++) {
    const hole = parts[k]!;
    if (typeof hole === 'string') continue;
    const left = k > 0 && typeof parts[k - 1] === 'string' ? (parts[k - 1] as string) : '';
    const right =
      k + 1 < parts.length && typeof parts[k + 1] === 'string' ? (parts[k + 1] as string) : '';
    if (holeCanHold(hole.chars, left, right, n)) return LINE_VERDICT.some;
  }
  return LINE_VERDICT.none;
}

/**
 * Whether some occurrence of `n` could overlap this hole: n = p + m + q where m is a non-empty
 * run of the hole's characters, p ends the text before the hole and q starts the text after it.
 * Beyond the neighbouring literal lies another hole or the line's edge; the check is lenient
 * there (it says "could"), which keeps it sound.
 */
function holeCanHold(chars: string, left: string, right: string, n: string): boolean {
  for (let i = 0; i < n.length; i++) {
    for (let j = i; j < n.length && chars.includes(n[j]!); j++) {
      const p = n.slice(0, i);
      const q = n.slice(j + 1);
      const leftOk = p.length <= left.length ? left.endsWith(p) : p.endsWith(left);
      const rightOk = q.length <= right.length ? right.startsWith(q) : q.startsWith(right);
      if (leftOk && rightOk) return true;
    }
  }
  return false;
}

/** Needles a regex stands for when it is plain text or an alternation of plain texts. */
export function regexNeedles(source: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      // Escaped punctuation is itself; \d, \w, \b and friends are classes or assertions.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
      cur += next;
      i++;
    } else if (c === '|') {
      out.push(cur);
      cur = '';
    } else if ('.*+?()[]{}^$'.includes(c)) return null;
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** A regex without anchors, word boundaries or lookaround matches the same text anywhere. */
function positionFree(source: string): boolean {
  return !/[\^$]|\\[bB]|\(\?<?[=!]/.test(source);
}

/** One filter's verdict on a shape, before negation. */
function filterHits(shape: PreparedShape, f: LineFilter): LineVerdict {
  if (f.op === '|=' || f.op === '!=') return containsVerdict(shape, f.value, false);
  const re = f.re;
  if (re === null) return LINE_VERDICT.some;
  const insensitive = re.flags.includes('i');
  const needles = f.op === 'contains' ? [f.value] : regexNeedles(re.source);
  if (needles !== null) {
    let all = false;
    let some = false;
    for (const needle of needles) {
      const v = containsVerdict(shape, needle, insensitive);
      if (v === LINE_VERDICT.all) all = true;
      else if (v === LINE_VERDICT.some) some = true;
    }
    return all ? LINE_VERDICT.all : some ? LINE_VERDICT.some : LINE_VERDICT.none;
  }
  // A general regex: a match inside fixed text is a match in every line; nothing else is known.
  if (positionFree(re.source))
    for (const lit of shape.literals) {
      re.lastIndex = 0;
      if (re.test(lit)) return LINE_VERDICT.all;
    }
  return LINE_VERDICT.some;
}

/** Every filter's verdict on a shape together: all lines pass, none do, or look at each. */
export function shapeVerdict(shape: PreparedShape, filters: readonly LineFilter[]): LineVerdict {
  let verdict: LineVerdict = LINE_VERDICT.all;
  for (const f of filters) {
    const hits = filterHits(shape, f);
    const negated = f.op === '!=' || f.op === '!~';
    const v =
      hits === LINE_VERDICT.some
        ? hits
        : (hits === LINE_VERDICT.all) !== negated
          ? LINE_VERDICT.all
          : LINE_VERDICT.none;
    if (v === LINE_VERDICT.none) return v;
    if (v === LINE_VERDICT.some) verdict = v;
  }
  return verdict;
}
