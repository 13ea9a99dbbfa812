/**
 * Numbers, durations and times as the postmortem prints them. Written by hand rather than with
 * `Intl` or `toLocaleString`, whose output depends on the runtime's locale data: the same run
 * must give the same text on every machine. Words (units of time) come from the catalogue.
 */
import { t } from '../i18n/index.ts';
import { formatClock, HOUR, METRICS, MINUTE, SECOND } from '../sim/index.ts';
import type { MetricUnit } from '../sim/index.ts';

/** `12,345`: rounded to a whole number, thousands grouped with commas (also usual in Chinese). */
export function formatCount(n: number): string {
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${grouped}` : grouped;
}

/** Trims `12.30` to `12.3` and `4.00` to `4`. */
function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A ratio as a percentage: one decimal from 1% (`23.4%`), two significant digits below
 * (`0.42%`, `0.051%`), `0%` for nothing and `<0.001%` for a trace.
 */
export function formatPercent(ratio: number): string {
  const p = ratio * 100;
  if (p === 0) return '0%';
  if (Math.abs(p) < 0.001) return '<0.001%';
  // Just under 100% must not round up to it: "99.993%" of a budget left is not all of it.
  if (p < 100 && p >= 99.95) {
    const decimals = Math.min(6, 1 - Math.floor(Math.log10(100 - p)));
    const shown = trimZeros(p.toFixed(decimals));
    return shown === '100' ? '>99.999999%' : `${shown}%`;
  }
  if (Math.abs(p) >= 1) return `${trimZeros(p.toFixed(1))}%`;
  const decimals = Math.min(6, 1 - Math.floor(Math.log10(Math.abs(p))));
  return `${trimZeros(p.toFixed(decimals))}%`;
}

/** A plain number with at most `decimals` decimals, grouped when large: `1,250`, `0.35`. */
export function formatNumber(n: number, decimals = 2): string {
  if (Math.abs(n) >= 1000) return formatCount(n);
  return trimZeros(n.toFixed(decimals));
}

/** A rate or small quantity: whole from 100, one decimal from 1, two significant digits below. */
export function formatRate(n: number): string {
  const a = Math.abs(n);
  if (a === 0) return '0';
  if (a >= 100) return formatCount(n);
  if (a >= 1) return trimZeros(n.toFixed(1));
  const decimals = Math.min(6, 1 - Math.floor(Math.log10(a)));
  return trimZeros(n.toFixed(decimals));
}

/** Milliseconds of latency: `5,012 ms`. */
export function formatMs(ms: number): string {
  return t('postmortem.unit.ms', { value: formatCount(ms) });
}

/** A span of time in words: `45 s`, `4 min 12 s`, `1 h 5 min` (seconds dropped past an hour). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / SECOND));
  const h = Math.floor((total * SECOND) / HOUR);
  const m = Math.floor((total * SECOND - h * HOUR) / MINUTE);
  const s = total % 60;
  if (h > 0)
    return m > 0
      ? t('postmortem.duration.hoursMinutes', { hours: h, minutes: m })
      : t('postmortem.duration.hours', { hours: h });
  if (m > 0)
    return s > 0
      ? t('postmortem.duration.minutesSeconds', { minutes: m, seconds: s })
      : t('postmortem.duration.minutes', { minutes: m });
  return t('postmortem.duration.seconds', { seconds: s });
}

/** Whole minutes, for norms and gaps: `12 min`. */
export function formatMinutes(ms: number): string {
  return t('postmortem.duration.minutes', { minutes: Math.floor(ms / MINUTE) });
}

/** The UTC time of day of a moment of the run: `14:07:12`. */
export function clockAt(startEpochMs: number, at: number): string {
  return formatClock(startEpochMs + at);
}

/** A metric's value with its unit, as the dashboards would show it: `23.4%`, `5,012 ms`, `12 q/s`. */
export function formatMetric(unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'percent':
      return `${formatNumber(value, 1)}%`;
    case 'ms':
      return formatMs(value);
    case 's':
      return t('postmortem.unit.s', { value: formatRate(value) });
    case 'rps':
      return t('postmortem.unit.rps', { value: formatRate(value) });
    case 'qps':
      return t('postmortem.unit.qps', { value: formatRate(value) });
    case 'bytes':
      return t('postmortem.unit.mib', { value: formatNumber(value / 2 ** 20, 1) });
    case 'bytesps':
      return t('postmortem.unit.mibps', { value: formatNumber(value / 2 ** 20, 1) });
    case 'cores':
      return t('postmortem.unit.cores', { value: formatNumber(value, 2) });
    default:
      return formatRate(value);
  }
}

/** The unit of a metric of the catalogue (`count` for a key it does not know). */
export function unitOf(key: string): MetricUnit {
  return METRICS.find((m) => m.key === key)?.unit ?? 'count';
}
