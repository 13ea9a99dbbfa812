/** Timestamps as each network tool prints them, from sim time (never the wall clock). */
import { civilFromEpochMs, MONTHS, WEEKDAYS } from '../../../sim/index.ts';
import { pad2 } from '../format.ts';

const civil = (epochMs: number) => {
  const c = civilFromEpochMs(epochMs);
  return {
    ...c,
    wd: WEEKDAYS[c.weekday]!,
    mon: MONTHS[c.month - 1]!,
    clock: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
  };
};

/** strftime `%a %b %d %H:%M:%S %Z %Y` (dig's `;; WHEN:`). */
export function digWhen(epochMs: number): string {
  const c = civil(epochMs);
  return `${c.wd} ${c.mon} ${pad2(c.day)} ${c.clock} UTC ${c.year}`;
}

/** RFC 7231 IMF-fixdate (HTTP `Date:`). */
export function httpDate(epochMs: number): string {
  const c = civil(epochMs);
  return `${c.wd}, ${pad2(c.day)} ${c.mon} ${c.year} ${c.clock} GMT`;
}

/** OpenSSL's ASN1_TIME_print: `Apr 30 00:00:00 2026 GMT`, the day padded with a space. */
export function opensslDate(epochMs: number): string {
  const c = civil(epochMs);
  return `${c.mon} ${String(c.day).padStart(2)} ${c.clock} ${c.year} GMT`;
}

/** ASN.1 UTCTime: `260430000000Z`. */
export function utcTime(epochMs: number): string {
  const c = civil(epochMs);
  return `${pad2(c.year % 100)}${pad2(c.month)}${pad2(c.day)}${pad2(c.hour)}${pad2(c.minute)}${pad2(c.second)}Z`;
}
