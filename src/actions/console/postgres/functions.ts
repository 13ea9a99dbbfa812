/**
 * The functions a query may call, by name: time and session helpers, string and math functions
 * (with PostgreSQL's signatures, so `round(double precision, integer)` does not exist), and the
 * server's own functions from fn-server.ts.
 */
import { tsIn } from './ops.ts';
import type { Fn } from './fn-base.ts';
import { isNum, isNumOrFloat, isText, noFunction, num, str } from './fn-base.ts';
import { SERVER_FUNCTIONS } from './fn-server.ts';
import { sqlError } from './errors.ts';
import type { Val } from './values.ts';
import {
  asNum,
  asNumber,
  float,
  int,
  interval,
  numFromFloat,
  numRescale,
  show,
  text,
  ts,
} from './values.ts';

export type { Effects, FnCtx } from './fn-base.ts';
export { newEffects, noFunction } from './fn-base.ts';

export const AGGREGATES = new Set([
  'count',
  'sum',
  'avg',
  'max',
  'min',
  'string_agg',
  'array_agg',
  'bool_and',
  'bool_or',
  'every',
]);

const GENERAL: Record<string, Fn> = {
  now: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs) },
  current_timestamp: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs) },
  transaction_timestamp: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs) },
  statement_timestamp: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs) },
  clock_timestamp: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs + 412) },
  localtimestamp: { min: 0, max: 0, impl: (_a, c) => ts(c.session.nowUs) },
  current_date: { min: 0, max: 0, impl: (_a, c) => text(show(ts(c.session.nowUs)).slice(0, 10)) },
  current_user: { min: 0, max: 0, impl: (_a, c) => text(c.session.user) },
  session_user: { min: 0, max: 0, impl: (_a, c) => text(c.session.user) },
  current_role: { min: 0, max: 0, impl: (_a, c) => text(c.session.user) },
  user: { min: 0, max: 0, impl: (_a, c) => text(c.session.user) },
  current_database: { min: 0, max: 0, impl: (_a, c) => text(c.session.database) },
  left: {
    min: 2,
    max: 2,
    check: (a) => isText(a[0] ?? null) && isNum(a[1] ?? null),
    impl: (a) =>
      strFn(a, (s, n) => (n >= 0 ? [...s].slice(0, n).join('') : [...s].slice(0, n).join(''))),
  },
  right: {
    min: 2,
    max: 2,
    check: (a) => isText(a[0] ?? null) && isNum(a[1] ?? null),
    impl: (a) =>
      strFn(a, (s, n) =>
        n >= 0 ? [...s].slice(Math.max(0, [...s].length - n)).join('') : [...s].slice(-n).join(''),
      ),
  },
  substr: { min: 2, max: 3, check: (a) => isText(a[0] ?? null), impl: (a) => substr(a) },
  substring: { min: 2, max: 3, check: (a) => isText(a[0] ?? null), impl: (a) => substr(a) },
  length: {
    min: 1,
    max: 1,
    check: (a) => isText(a[0] ?? null),
    impl: (a) => (a[0] === null ? null : int([...str(a[0] ?? null)].length)),
  },
  char_length: {
    min: 1,
    max: 1,
    check: (a) => isText(a[0] ?? null),
    impl: (a) => (a[0] === null ? null : int([...str(a[0] ?? null)].length)),
  },
  lower: {
    min: 1,
    max: 1,
    impl: (a) => (a[0] === null ? null : text(str(a[0] ?? null).toLowerCase())),
  },
  upper: {
    min: 1,
    max: 1,
    impl: (a) => (a[0] === null ? null : text(str(a[0] ?? null).toUpperCase())),
  },
  btrim: { min: 1, max: 1, impl: (a) => (a[0] === null ? null : text(str(a[0] ?? null).trim())) },
  trim: { min: 1, max: 1, impl: (a) => (a[0] === null ? null : text(str(a[0] ?? null).trim())) },
  replace: {
    min: 3,
    max: 3,
    impl: (a) =>
      a.some((x) => x === null) ? null : text(str(a[0]!).split(str(a[1]!)).join(str(a[2]!))),
  },
  regexp_replace: {
    min: 3,
    max: 4,
    impl: (a, _c, pos) => {
      if (a.slice(0, 3).some((x) => x === null)) return null;
      try {
        const flags = (a[3] ? str(a[3]) : '').replace(/[^gi]/g, '');
        return text(
          str(a[0]!).replace(new RegExp(str(a[1]!), flags), str(a[2]!).replace(/\\(\d)/g, '$$$1')),
        );
      } catch {
        throw sqlError(`invalid regular expression: ${str(a[1]!)}`, pos);
      }
    },
  },
  concat: { min: 0, max: 100, impl: (a) => text(a.map(str).join('')) },
  coalesce: { min: 1, max: 100, impl: (a) => a.find((x) => x !== null) ?? null },
  nullif: {
    min: 2,
    max: 2,
    impl: (a) =>
      a[0] !== null && a[1] !== null && show(a[0]!) === show(a[1]!) ? null : (a[0] ?? null),
  },
  greatest: { min: 1, max: 100, impl: (a) => extreme(a, 1) },
  least: { min: 1, max: 100, impl: (a) => extreme(a, -1) },
  round: {
    min: 1,
    max: 2,
    check: (a) =>
      a.length === 2 ? isNum(a[0] ?? null) && isNum(a[1] ?? null) : isNumOrFloat(a[0] ?? null),
    impl: (a) => roundFn(a, 'round'),
  },
  trunc: {
    min: 1,
    max: 2,
    check: (a) => (a.length === 2 ? isNum(a[0] ?? null) : isNumOrFloat(a[0] ?? null)),
    impl: (a) => roundFn(a, 'trunc'),
  },
  floor: {
    min: 1,
    max: 1,
    check: (a) => isNumOrFloat(a[0] ?? null),
    impl: (a) => unaryMath(a[0] ?? null, Math.floor),
  },
  ceil: {
    min: 1,
    max: 1,
    check: (a) => isNumOrFloat(a[0] ?? null),
    impl: (a) => unaryMath(a[0] ?? null, Math.ceil),
  },
  ceiling: {
    min: 1,
    max: 1,
    check: (a) => isNumOrFloat(a[0] ?? null),
    impl: (a) => unaryMath(a[0] ?? null, Math.ceil),
  },
  abs: {
    min: 1,
    max: 1,
    check: (a) => isNumOrFloat(a[0] ?? null),
    impl: (a) => unaryMath(a[0] ?? null, Math.abs),
  },
  age: {
    min: 1,
    max: 2,
    impl: (a, c) => {
      const times = a.map((x) =>
        x !== null && typeof x === 'object' && x.t === 'ts'
          ? x.us
          : x === null
            ? null
            : tsIn(str(x)),
      );
      if (times.some((x) => x === null)) return null;
      // age(x) subtracts from midnight of the current date, not from now().
      const midnight = Math.floor(c.session.nowUs / 86_400e6) * 86_400e6;
      return a.length === 1 ? interval(midnight - times[0]!) : interval(times[0]! - times[1]!);
    },
  },
  date_trunc: {
    min: 2,
    max: 2,
    impl: (a, _c, pos) => {
      const field = str(a[0] ?? null).toLowerCase();
      const v = a[1] ?? null;
      if (v === null) return null;
      const size: Record<string, number> = { second: 1e6, minute: 6e7, hour: 3.6e9, day: 8.64e10 };
      const unitUs = size[field];
      if (unitUs === undefined)
        throw sqlError(`unit "${field}" not supported for type timestamp with time zone`, pos);
      if (typeof v === 'object' && v.t === 'ts') return ts(Math.floor(v.us / unitUs) * unitUs);
      if (typeof v === 'object' && v.t === 'interval')
        return interval(Math.trunc(v.us / unitUs) * unitUs);
      throw noFunction('date_trunc', a, pos);
    },
  },
  to_char: {
    min: 2,
    max: 2,
    impl: (a) => (a[0] === null ? null : text(show(a[0] ?? null))),
  },
};

export const FUNCTIONS: Record<string, Fn> = { ...GENERAL, ...SERVER_FUNCTIONS };

function strFn(a: Val[], f: (s: string, n: number) => string): Val {
  if (a[0] === null || a[1] === null) return null;
  return text(f(str(a[0] ?? null), Math.trunc(num(a[1] ?? null))));
}

function substr(a: Val[]): Val {
  if (a.some((x) => x === null)) return null;
  const chars = [...str(a[0] ?? null)];
  const from = Math.trunc(num(a[1] ?? null));
  const len = a[2] === undefined ? Infinity : Math.trunc(num(a[2]));
  const start = Math.max(1, from);
  const end = len === Infinity ? chars.length + 1 : from + len;
  return text(chars.slice(start - 1, Math.max(start - 1, end - 1)).join(''));
}

function extreme(a: Val[], sign: number): Val {
  let best: Val = null;
  for (const v of a) {
    if (v === null) continue;
    const x = asNumber(v);
    const b = asNumber(best);
    if (best === null || (x !== null && b !== null && Math.sign(x - b) === sign)) best = v;
    else if (x === null && b === null && Math.sign(show(v).localeCompare(show(best))) === sign)
      best = v;
  }
  return best;
}

function roundFn(a: Val[], mode: 'round' | 'trunc'): Val {
  const v = a[0] ?? null;
  if (v === null || (a.length > 1 && a[1] === null)) return null;
  const digits = a.length > 1 ? Math.trunc(num(a[1] ?? null)) : 0;
  if (typeof v === 'object' && v.t === 'float' && a.length === 1) {
    const f = mode === 'round' ? Math.round(v.v) : Math.trunc(v.v);
    // round(double precision) rounds half to even; Math.round rounds half up: fix the tie.
    const tie =
      mode === 'round' && Math.abs(v.v % 1) === 0.5 && f % 2 !== 0 ? f - Math.sign(v.v) : f;
    return float(tie === 0 ? 0 : tie);
  }
  const n = asNum(v) ?? asNum(numFromFloat(num(v)));
  if (!n) return null;
  if (mode === 'round')
    return { t: 'num', n: numRescale(n.n, n.scale, digits), scale: Math.max(0, digits) };
  const d = 10n ** BigInt(Math.max(0, n.scale - digits));
  const cut = n.scale > digits ? n.n / d : n.n * 10n ** BigInt(digits - n.scale);
  return { t: 'num', n: cut, scale: Math.max(0, digits) };
}

function unaryMath(v: Val, f: (x: number) => number): Val {
  if (v === null) return null;
  if (typeof v === 'object' && v.t === 'int')
    return f === Math.abs ? int(v.n < 0n ? -v.n : v.n) : v;
  if (typeof v === 'object' && v.t === 'float') return float(f(v.v));
  const n = asNum(v);
  if (!n) return null;
  if (f === Math.abs) return { t: 'num', n: n.n < 0n ? -n.n : n.n, scale: n.scale };
  const whole = Number(numRescale(n.n, n.scale, 0));
  const exact = asNumber(v) ?? 0;
  const r =
    f === Math.floor ? (whole > exact ? whole - 1 : whole) : whole < exact ? whole + 1 : whole;
  return { t: 'num', n: BigInt(r), scale: 0 };
}
