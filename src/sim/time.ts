/**
 * Simulated time. The sim counts milliseconds from the start of a run (`t`); a run also has a UTC
 * epoch for its start so that logs and command outputs can print real-looking timestamps. This
 * module converts without `Date`, which the deterministic layers may not use.
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type CivilTime = {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
};

/** Civil UTC date and time from milliseconds since the Unix epoch (Howard Hinnant's algorithm). */
export function civilFromEpochMs(epochMs: number): CivilTime {
  const ms = Math.floor(epochMs);
  const days = Math.floor(ms / DAY);
  let rem = ms - days * DAY;
  const hour = Math.floor(rem / HOUR);
  rem -= hour * HOUR;
  const minute = Math.floor(rem / MINUTE);
  rem -= minute * MINUTE;
  const second = Math.floor(rem / SECOND);
  const millisecond = rem - second * SECOND;

  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const weekday = ((days % 7) + 11) % 7; // 1970-01-01 was a Thursday (4)
  return { year, month, day, hour, minute, second, millisecond, weekday };
}

/** Milliseconds since the Unix epoch for a civil UTC date (inverse of `civilFromEpochMs`). */
export function epochMsFromCivil(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146097 + doe - 719468;
  return days * DAY + hour * HOUR + minute * MINUTE + second * SECOND;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad3 = (n: number): string => (n < 10 ? '00' : n < 100 ? '0' : '') + n;
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** `2024-03-12 03:14:07.123` (PostgreSQL and PgBouncer log prefix, without the zone). */
export function formatSqlTimestamp(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${pad3(c.millisecond)}`;
}

/** `2024-03-12T03:14:07.123Z` (RFC 3339, Go slog JSON and CoreDNS). */
export function formatIsoTimestamp(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${pad3(c.millisecond)}Z`;
}

/** `2024/03/12 03:14:07` (Go `log.LstdFlags` and nginx error log). */
export function formatSlashTimestamp(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${c.year}/${pad2(c.month)}/${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`;
}

/** `12/Mar/2024:03:14:07 +0000` (nginx access log `$time_local`). */
export function formatClfTimestamp(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${pad2(c.day)}/${MONTHS[c.month - 1]}/${c.year}:${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} +0000`;
}

/** `12 Mar 2024 03:14:07.123` (Redis log). */
export function formatRedisTimestamp(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${pad2(c.day)} ${MONTHS[c.month - 1]} ${c.year} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}.${pad3(c.millisecond)}`;
}

/** `HH:MM:SS` of the UTC time of day. */
export function formatClock(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`;
}

/** Kubernetes-style age: `45s`, `12m`, `3h4m`, `3d4h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / SECOND));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 && m < 10 ? `${s % 60}s` : ''}`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  const d = Math.floor(h / 24);
  return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
}

/** Parses durations written as `250ms`, `90s`, `5m`, `2h`, or `1h30m`. Returns null when malformed. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
  let total = 0;
  let index = 0;
  while (index < trimmed.length) {
    re.lastIndex = index;
    const match = re.exec(trimmed);
    if (!match) return null;
    const value = Number(match[1]);
    const unit = match[2];
    const scale =
      unit === 'ms' ? 1 : unit === 's' ? SECOND : unit === 'm' ? MINUTE : unit === 'h' ? HOUR : DAY;
    total += value * scale;
    index = re.lastIndex;
  }
  return Math.round(total);
}
