/**
 * Operators, comparisons and casts with PostgreSQL's type rules: integer division truncates,
 * numeric keeps its scale, timestamps subtract to intervals, an untyped string literal takes the
 * type of the other side (`now() - state_change > '5 minutes'`), and a mismatch is
 * `operator does not exist: interval > integer`.
 */
import { sqlError } from './errors.ts';
import type { Val } from './values.ts';
import {
  asNum,
  asNumber,
  float,
  int,
  interval,
  intervalIn,
  isNumeric,
  lsnIn,
  numDiv,
  numFromString,
  numRescale,
  show,
  text,
  ts,
  typeName,
} from './values.ts';

const NO_OP_HINT =
  'No operator matches the given name and argument types. You might need to add explicit type casts.';

export function noOperator(op: string, l: Val, r: Val, pos: number): never {
  throw sqlError(`operator does not exist: ${typeName(l)} ${op} ${typeName(r)}`, pos, {
    hint: NO_OP_HINT,
  });
}

const isText = (v: Val): v is { t: 'text'; v: string } =>
  v !== null && typeof v === 'object' && v.t === 'text';

/** Parses `2026-03-12 14:05:00[.123456][+00]` as UTC. */
export function tsIn(s: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(?:\+00(?::00)?|Z|UTC)?$/i.exec(
      s.trim(),
    );
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  // Days from civil (Howard Hinnant).
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  const secs = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  const micro = Number((m[7] ?? '').padEnd(6, '0') || 0);
  return (days * 86_400 + secs) * 1e6 + micro;
}

/** Gives an untyped literal the type of the value it meets, as the parser would. */
export function coerceLiteral(lit: Val, other: Val, pos: number): Val {
  if (!isText(lit) || other === null) return lit;
  if (typeof other === 'boolean') {
    const b = boolIn(lit.v);
    if (b === null) throw sqlError(`invalid input syntax for type boolean: "${lit.v}"`, pos);
    return b;
  }
  switch (other.t) {
    case 'interval': {
      const us = intervalIn(lit.v);
      if (us === null) throw sqlError(`invalid input syntax for type interval: "${lit.v}"`, pos);
      return interval(us);
    }
    case 'ts': {
      const us = tsIn(lit.v);
      if (us === null)
        throw sqlError(`invalid input syntax for type timestamp with time zone: "${lit.v}"`, pos);
      return ts(us);
    }
    case 'int':
    case 'num':
    case 'float': {
      const n = numFromString(lit.v);
      if (n === null)
        throw sqlError(`invalid input syntax for type ${typeName(other)}: "${lit.v}"`, pos);
      return other.t === 'float' ? float(asNumber(n) ?? 0) : n;
    }
    case 'lsn': {
      const v = lsnIn(lit.v);
      if (v === null) throw sqlError(`invalid input syntax for type pg_lsn: "${lit.v}"`, pos);
      return { t: 'lsn', v };
    }
    default:
      return lit;
  }
}

export function boolIn(s: string): boolean | null {
  const v = s.trim().toLowerCase();
  if (['t', 'true', 'yes', 'y', 'on', '1'].includes(v)) return true;
  if (['f', 'false', 'no', 'n', 'off', '0'].includes(v)) return false;
  return null;
}

/** Orders two non-null values of comparable types; throws for a type mismatch. */
export function compare(a: Val, b: Val, op: string, pos: number): number {
  if (a === null || b === null) return 0;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    return noOperator(op, a, b, pos);
  }
  if (isNumeric(a) && isNumeric(b)) {
    if (a.t === 'float' || b.t === 'float') return Math.sign(asNumber(a)! - asNumber(b)!);
    const x = asNum(a)!;
    const y = asNum(b)!;
    const s = Math.max(x.scale, y.scale);
    const d = numRescale(x.n, x.scale, s) - numRescale(y.n, y.scale, s);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  if (a.t === 'text' && b.t === 'text') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (a.t === 'regclass' || b.t === 'regclass')
    return show(a) < show(b) ? -1 : show(a) > show(b) ? 1 : 0;
  if (a.t === 'interval' && b.t === 'interval') return Math.sign(a.us - b.us);
  if (a.t === 'ts' && b.t === 'ts') return Math.sign(a.us - b.us);
  if (a.t === 'lsn' && b.t === 'lsn') return Math.sign(a.v - b.v);
  if (a.t === 'array' && b.t === 'array') return show(a) < show(b) ? -1 : show(a) > show(b) ? 1 : 0;
  return noOperator(op, a, b, pos);
}

/** Sort order for ORDER BY between two values of whatever type; NULLs are placed by the caller. */
export function sortCompare(a: Val, b: Val): number {
  try {
    return compare(a, b, '<', 0);
  } catch {
    return show(a) < show(b) ? -1 : show(a) > show(b) ? 1 : 0;
  }
}

export function arith(op: string, l: Val, r: Val, pos: number): Val {
  if (l === null || r === null) return null;
  if (isText(l) && !isText(r)) l = coerceLiteral(l, r, pos);
  else if (isText(r) && !isText(l)) r = coerceLiteral(r, l, pos);
  if (l === null || r === null) return null;
  if (typeof l === 'boolean' || typeof r === 'boolean') return noOperator(op, l, r, pos);
  if (isNumeric(l) && isNumeric(r)) return numericOp(op, l, r, pos);
  if (op === '-' && l.t === 'ts' && r.t === 'ts') return interval(l.us - r.us);
  if ((op === '+' || op === '-') && l.t === 'ts' && r.t === 'interval')
    return ts(op === '+' ? l.us + r.us : l.us - r.us);
  if (op === '+' && l.t === 'interval' && r.t === 'ts') return ts(l.us + r.us);
  if ((op === '+' || op === '-') && l.t === 'interval' && r.t === 'interval')
    return interval(op === '+' ? l.us + r.us : l.us - r.us);
  if ((op === '*' || op === '/') && l.t === 'interval' && isNumeric(r)) {
    const k = asNumber(r)!;
    if (op === '/' && k === 0) throw sqlError('division by zero');
    return interval(op === '*' ? l.us * k : l.us / k);
  }
  if (op === '*' && isNumeric(l) && r.t === 'interval') return interval(r.us * asNumber(l)!);
  if (op === '-' && l.t === 'lsn' && r.t === 'lsn')
    return { t: 'num', n: BigInt(l.v - r.v), scale: 0 };
  return noOperator(op, l, r, pos);
}

function numericOp(op: string, l: Val, r: Val, pos: number): Val {
  if (!isNumeric(l) || !isNumeric(r)) return noOperator(op, l, r, pos);
  if (l.t === 'float' || r.t === 'float') {
    const x = asNumber(l)!;
    const y = asNumber(r)!;
    switch (op) {
      case '+':
        return float(x + y);
      case '-':
        return float(x - y);
      case '*':
        return float(x * y);
      case '/':
        if (y === 0) throw sqlError('division by zero');
        return float(x / y);
      case '%':
        return noOperator(op, l, r, pos);
      case '^':
        return float(x ** y);
    }
    return noOperator(op, l, r, pos);
  }
  if (l.t === 'int' && r.t === 'int') {
    switch (op) {
      case '+':
        return int(l.n + r.n);
      case '-':
        return int(l.n - r.n);
      case '*':
        return int(l.n * r.n);
      case '/':
        if (r.n === 0n) throw sqlError('division by zero');
        return int(l.n / r.n);
      case '%':
        if (r.n === 0n) throw sqlError('division by zero');
        return int(l.n % r.n);
      case '^':
        return float(Number(l.n) ** Number(r.n));
    }
  }
  const x = asNum(l)!;
  const y = asNum(r)!;
  const s = Math.max(x.scale, y.scale);
  switch (op) {
    case '+':
      return { t: 'num', n: numRescale(x.n, x.scale, s) + numRescale(y.n, y.scale, s), scale: s };
    case '-':
      return { t: 'num', n: numRescale(x.n, x.scale, s) - numRescale(y.n, y.scale, s), scale: s };
    case '*':
      return { t: 'num', n: x.n * y.n, scale: x.scale + y.scale };
    case '/': {
      const q = numDiv(x, y);
      if (!q) throw sqlError('division by zero');
      return { t: 'num', ...q };
    }
    case '%': {
      if (y.n === 0n) throw sqlError('division by zero');
      return { t: 'num', n: numRescale(x.n, x.scale, s) % numRescale(y.n, y.scale, s), scale: s };
    }
    case '^':
      return float(asNumber(l)! ** asNumber(r)!);
  }
  return noOperator(op, l, r, pos);
}

export function concat(l: Val, r: Val): Val {
  if (l === null || r === null) return null;
  return text(show(l) + show(r));
}

/** `LIKE` patterns: % and _ wildcards, backslash escapes. */
export function likeToRegExp(pattern: string, ci: boolean): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, ci ? 'i' : '');
}

const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
