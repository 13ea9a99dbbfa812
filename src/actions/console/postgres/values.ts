/**
 * SQL values as the simulated server computes them, and their text as psql prints it. Integers
 * are bigints (query ids do not fit a double); numerics are scaled bigints so `round(x::numeric, 1)`
 * and divisions print the digits PostgreSQL prints, not a double's noise.
 */
import { civilFromEpochMs } from '../../../sim/index.ts';
import { pad2 } from '../format.ts';

export type Val =
  | null
  | boolean
  | { t: 'int'; n: bigint }
  | { t: 'num'; n: bigint; scale: number }
  | { t: 'float'; v: number }
  | { t: 'text'; v: string }
  | { t: 'interval'; us: number }
  | { t: 'ts'; us: number }
  | { t: 'lsn'; v: number }
  | { t: 'array'; items: Val[] }
  | { t: 'regclass'; name: string }
  | { t: 'void' };

/** Column types, for alignment (psql right-aligns numbers) when every value is NULL. */
export type ColType =
  | 'int'
  | 'num'
  | 'float'
  | 'text'
  | 'interval'
  | 'ts'
  | 'lsn'
  | 'array'
  | 'bool'
  | 'regclass'
  | 'void';

export const int = (n: number | bigint): Val => ({
  t: 'int',
  n: typeof n === 'bigint' ? n : BigInt(Math.round(Number.isFinite(n) ? n : 0)),
});
export const float = (v: number): Val => ({ t: 'float', v });
export const text = (v: string): Val => ({ t: 'text', v });
export const interval = (us: number): Val => ({ t: 'interval', us: Math.round(us) });
export const ts = (us: number): Val => ({ t: 'ts', us: Math.round(us) });
export const lsn = (v: number): Val => ({ t: 'lsn', v: Math.max(0, Math.round(v)) });
export const textOrNull = (v: string | null): Val => (v === null ? null : text(v));

export function typeOfVal(v: Val): ColType {
  if (v === null) return 'text';
  if (typeof v === 'boolean') return 'bool';
  return v.t === 'text' ? 'text' : v.t;
}

export const isNumeric = (v: Val): v is Extract<Val, { t: 'int' | 'num' | 'float' }> =>
  v !== null && typeof v === 'object' && (v.t === 'int' || v.t === 'num' || v.t === 'float');

export const RIGHT_ALIGNED: ReadonlySet<ColType> = new Set(['int', 'num', 'float']);

/** The type name PostgreSQL prints in "function f(...) does not exist". */
export function typeName(v: Val): string {
  if (v === null) return 'unknown';
  if (typeof v === 'boolean') return 'boolean';
  switch (v.t) {
    case 'int':
      return v.n >= -2147483648n && v.n <= 2147483647n ? 'integer' : 'bigint';
    case 'num':
      return 'numeric';
    case 'float':
      return 'double precision';
    case 'text':
      return 'text';
    case 'interval':
      return 'interval';
    case 'ts':
      return 'timestamp with time zone';
    case 'lsn':
      return 'pg_lsn';
    case 'array':
      return 'integer[]';
    case 'regclass':
      return 'regclass';
    case 'void':
      return 'void';
  }
}

// ---- numeric -------------------------------------------------------------------------------

const TEN = 10n;
const pow10 = (k: number): bigint => TEN ** BigInt(Math.max(0, k));

export function numFromString(s: string): Val | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac);
  let scale = frac.length;
  const exp = m[4] ? Number(m[4]) : 0;
  if (Math.abs(exp) > 400) return null;
  if (exp > 0) {
    const shift = Math.min(exp, scale);
    scale -= shift;
    n *= pow10(exp - shift);
  } else if (exp < 0) scale -= exp;
  return { t: 'num', n: m[1] === '-' ? -n : n, scale };
}

/** float8 -> numeric keeps 15 significant digits, as PostgreSQL's float8_numeric does. */
export function numFromFloat(v: number): Val | null {
  if (!Number.isFinite(v)) return null;
  const g = v.toPrecision(15);
  const [mant, exp] = g.split('e');
  const trimmed = mant!.includes('.') ? mant!.replace(/0+$/, '').replace(/\.$/, '') : mant!;
  return numFromString(exp === undefined ? trimmed : `${trimmed}e${exp}`);
}

export function numToString(n: bigint, scale: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

export const numToNumber = (n: bigint, scale: number): number => Number(numToString(n, scale));

/** Rescales with rounding half away from zero (numeric's rounding). */
export function numRescale(n: bigint, from: number, to: number): bigint {
  if (to >= from) return n * pow10(to - from);
  const d = pow10(from - to);
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export type Num = { n: bigint; scale: number };

export function asNum(v: Val): Num | null {
  if (v === null || typeof v !== 'object') return null;
  if (v.t === 'int') return { n: v.n, scale: 0 };
  if (v.t === 'num') return { n: v.n, scale: v.scale };
  if (v.t === 'float') {
    const f = numFromFloat(v.v);
    return f && typeof f === 'object' && f.t === 'num' ? { n: f.n, scale: f.scale } : null;
  }
  return null;
}

export function asNumber(v: Val): number | null {
  if (v === null || typeof v !== 'object') return null;
  if (v.t === 'int') return Number(v.n);
  if (v.t === 'num') return numToNumber(v.n, v.scale);
  if (v.t === 'float') return v.v;
  return null;
}

/** numeric division's result scale: about 16 significant digits, at least the inputs' scales. */
export function numDiv(a: Num, b: Num): Num | null {
  if (b.n === 0n) return null;
  const av = Math.abs(numToNumber(a.n, a.scale));
  const bv = Math.abs(numToNumber(b.n, b.scale));
  const weight = (x: number): number => (x === 0 ? 0 : Math.floor(Math.log10(x) / 4));
  const qweight = weight(av) - weight(bv);
  const rscale = Math.min(1000, Math.max(16 - qweight * 4, a.scale, b.scale, 0));
  // a/b at rscale: (a.n * 10^(rscale + b.scale - a.scale + 1)) / b.n, then round the extra digit.
  const shift = rscale + b.scale - a.scale + 1;
  const num = shift >= 0 ? a.n * pow10(shift) : a.n / pow10(-shift);
  const q = num / b.n;
  return { n: numRescale(q, rscale + 1, rscale), scale: rscale };
}

// ---- text forms ------------------------------------------------------------------------------

/** float8 output: the shortest digits that read back exactly (extra_float_digits = 1). */
export function floatOut(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(v, -0)) return '-0';
  const s = String(v);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** `00:41:12.88103`, `2 days`, `1 day 02:00:00`. */
export function intervalOut(us: number): string {
  const neg = us < 0;
  let rest = Math.abs(Math.round(us));
  const dayUs = 86_400_000_000;
  const days = Math.floor(rest / dayUs);
  rest -= days * dayUs;
  const sign = neg ? '-' : '';
  const dayPart = days > 0 ? `${sign}${days} day${days === 1 ? '' : 's'}` : '';
  if (rest === 0 && days > 0) return dayPart;
  const h = Math.floor(rest / 3_600_000_000);
  const m = Math.floor((rest % 3_600_000_000) / 60_000_000);
  const s = Math.floor((rest % 60_000_000) / 1_000_000);
  const micro = rest % 1_000_000;
  const frac = micro > 0 ? '.' + String(micro).padStart(6, '0').replace(/0+$/, '') : '';
  const clock = `${sign}${pad2(h)}:${pad2(m)}:${pad2(s)}${frac}`;
  return dayPart ? `${dayPart} ${clock}` : clock;
}

/** timestamptz in UTC as psql prints it: `2026-03-12 14:41:12.881034+00`. */
export function tsOut(us: number): string {
  const ms = Math.floor(us / 1000);
  const micro = Math.round(us - ms * 1000);
  const c = civilFromEpochMs(ms);
  const sub = c.millisecond * 1000 + micro;
  const frac = sub > 0 ? '.' + String(sub).padStart(6, '0').replace(/0+$/, '') : '';
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}${frac}+00`;
}

/** `5A/3F1C2B28`: the high and low 32 bits of a WAL position in hex. */
export function lsnOut(v: number): string {
  const hi = Math.floor(v / 2 ** 32);
  const lo = v - hi * 2 ** 32;
  return `${hi.toString(16).toUpperCase()}/${lo.toString(16).toUpperCase()}`;
}

export function lsnIn(s: string): number | null {
  const m = /^([0-9a-f]{1,8})\/([0-9a-f]{1,8})$/i.exec(s.trim());
  if (!m) return null;
  return parseInt(m[1]!, 16) * 2 ** 32 + parseInt(m[2]!, 16);
}

/** The cell text psql prints for a value (NULL prints as nothing). */
export function show(v: Val): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  switch (v.t) {
    case 'int':
      return v.n.toString();
    case 'num':
      return numToString(v.n, v.scale);
    case 'float':
      return floatOut(v.v);
    case 'text':
      return v.v;
    case 'interval':
      return intervalOut(v.us);
    case 'ts':
      return tsOut(v.us);
    case 'lsn':
      return lsnOut(v.v);
    case 'array':
      return `{${v.items.map((x) => (x === null ? 'NULL' : show(x))).join(',')}}`;
    case 'regclass':
      return v.name;
    case 'void':
      return '';
  }
}

// ---- interval input ------------------------------------------------------------------------------

const UNIT_US: Record<string, number> = {
  us: 1,
  usec: 1,
  usecs: 1,
  microsecond: 1,
  microseconds: 1,
  ms: 1000,
  msec: 1000,
  msecs: 1000,
  millisecond: 1000,
  milliseconds: 1000,
  s: 1e6,
  sec: 1e6,
  secs: 1e6,
  second: 1e6,
  seconds: 1e6,
  m: 6e7,
  min: 6e7,
  mins: 6e7,
  minute: 6e7,
  minutes: 6e7,
  h: 3.6e9,
  hr: 3.6e9,
  hrs: 3.6e9,
  hour: 3.6e9,
  hours: 3.6e9,
  d: 8.64e10,
  day: 8.64e10,
  days: 8.64e10,
  w: 6.048e11,
  week: 6.048e11,
  weeks: 6.048e11,
};

/** Interval input: `5 minutes`, `30s`, `1 day 02:00:00`, `00:05:00`, `@ 2 hours ago`. */
export function intervalIn(s: string): number | null {
  let str = s.trim().toLowerCase().replace(/^@\s*/, '');
  let sign = 1;
  if (/\s+ago$/.test(str)) {
    sign = -1;
    str = str.replace(/\s+ago$/, '');
  }
  if (str === '') return null;
  if (/^[+-]?\d+(\.\d+)?$/.test(str)) return sign * Math.round(Number(str) * 1e6);
  let total = 0;
  let any = false;
  const re =
    /\s*([+-]?\d+(?:\.\d+)?)\s*([a-z]+)|\s*([+-]?)(\d+):(\d{1,2})(?::(\d{1,2}(?:\.\d+)?))?/y;
  let i = 0;
  while (i < str.length) {
    re.lastIndex = i;
    const m = re.exec(str);
    if (!m) return null;
    if (m[2] !== undefined) {
      const unit = UNIT_US[m[2]];
      if (unit === undefined) return null;
      total += Number(m[1]) * unit;
    } else {
      const neg = m[3] === '-' ? -1 : 1;
      const secs = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
      total += neg * secs * 1e6;
    }
    any = true;
    i = re.lastIndex;
    while (str[i] === ' ' || str[i] === ',') i++;
  }
  return any ? sign * Math.round(total) : null;
}
