/**
 * Units on axes, legends and tooltips, as Grafana prints them: milliseconds turn into seconds past
 * 1000, bytes use IEC prefixes (KiB, MiB), ratios print as percentages. Pure functions: the unit
 * symbols come in from the catalogue so the same code serves every locale.
 */

/** How a panel's values are shown (the sim's unit says what they are; this says how to print). */
export type DisplayUnit =
  | 'reqps'
  | 'qps'
  | 'tps'
  | 'ops'
  | 'perSec'
  | 'percent'
  | 'ms'
  | 's'
  | 'bytes'
  | 'bytesps'
  | 'count'
  | 'times'
  | 'days';

/** The symbols a locale prints after numbers. */
export interface UnitSymbols {
  readonly reqps: string;
  readonly qps: string;
  readonly tps: string;
  readonly ops: string;
  readonly perSec: string;
  readonly ms: string;
  readonly s: string;
  readonly min: string;
  readonly h: string;
  readonly days: string;
  readonly times: string;
}

export const DEFAULT_SYMBOLS: UnitSymbols = {
  reqps: 'req/s',
  qps: 'q/s',
  tps: 'tx/s',
  ops: 'ops/s',
  perSec: '/s',
  ms: 'ms',
  s: 's',
  min: 'min',
  h: 'h',
  days: 'd',
  times: '×',
};

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;
const SI = ['', 'k', 'M', 'G'] as const;

/**
 * A scale chosen for a set of values: divide by `div`, then print `suffix` right after the number
 * (it starts with a space where one belongs: `%`, `k` and `×` are glued on, ` ms` is not).
 */
interface Scale {
  readonly div: number;
  readonly suffix: string;
  /** Whether the suffix carries an SI or IEC prefix (then zero is printed without it). */
  readonly prefixed?: boolean;
}

function powerScale(magnitude: number, base: number, prefixes: readonly string[]): number {
  let i = 0;
  let m = magnitude;
  while (m >= base && i < prefixes.length - 1) {
    m /= base;
    i++;
  }
  return i;
}

/** The scale for values whose largest magnitude is `magnitude`. */
function scaleFor(unit: DisplayUnit, magnitude: number, sym: UnitSymbols): Scale {
  switch (unit) {
    case 'percent':
      return { div: 0.01, suffix: '%' };
    case 'times':
      return { div: 1, suffix: sym.times };
    case 'ms':
      return magnitude >= 1000
        ? { div: 1000, suffix: ` ${sym.s}` }
        : { div: 1, suffix: ` ${sym.ms}` };
    case 's':
      if (magnitude >= 7200) return { div: 3600, suffix: ` ${sym.h}` };
      if (magnitude >= 120) return { div: 60, suffix: ` ${sym.min}` };
      return { div: 1, suffix: ` ${sym.s}` };
    case 'days':
      return { div: 1, suffix: ` ${sym.days}` };
    case 'bytes':
    case 'bytesps': {
      const i = powerScale(magnitude, 1024, IEC);
      return {
        div: 1024 ** i,
        suffix: ` ${IEC[i]!}${unit === 'bytesps' ? '/s' : ''}`,
        prefixed: true,
      };
    }
    default: {
      const i = powerScale(magnitude, 1000, SI);
      const symbol = unit === 'count' ? '' : ` ${sym[unit]}`;
      return { div: 1000 ** i, suffix: `${SI[i]!}${symbol}`, prefixed: true };
    }
  }
}

function join(number: string, scale: Scale): string {
  return number + scale.suffix;
}

/** Decimals that tell neighbouring ticks `step` apart (0 to 3). */
function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.min(3, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)));
}

/**
 * Axis tick labels: one scale for the whole axis (so ticks read 0 s, 0.5 s, 1 s, not 500 ms, 1 s)
 * and as many decimals as the tick step needs.
 */
export function formatTicks(
  unit: DisplayUnit,
  ticks: readonly number[],
  sym: UnitSymbols = DEFAULT_SYMBOLS,
): string[] {
  let magnitude = 0;
  for (const v of ticks) if (Math.abs(v) > magnitude) magnitude = Math.abs(v);
  const scale = scaleFor(unit, magnitude, sym);
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) / scale.div : magnitude;
  const decimals = decimalsFor(step);
  // Zero reads "0 req/s" or "0 B", not "0.0k req/s" or "0.0 MiB".
  const zero = scale.prefixed ? join('0', scaleFor(unit, 0, sym)) : join('0', scale);
  return ticks.map((v) => (v === 0 ? zero : join((v / scale.div).toFixed(decimals), scale)));
}

/** One value for a legend or tooltip, with three significant digits; `–` when there is none. */
export function formatValue(
  unit: DisplayUnit,
  value: number | null | undefined,
  sym: UnitSymbols = DEFAULT_SYMBOLS,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const scale = scaleFor(unit, Math.abs(value), sym);
  const scaled = value / scale.div;
  const abs = Math.abs(scaled);
  // Counts (pods, connections, clients) are whole things: a bucket's mean of 56.6 reads 57.
  if (unit === 'count' && scale.div === 1) return join(Math.round(scaled).toFixed(0), scale);
  // Other whole numbers print without decimals too.
  const whole = Number.isInteger(scaled) && (scale.div === 1 || unit === 'percent');
  const decimals = whole || abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return join(scaled.toFixed(decimals), scale);
}
