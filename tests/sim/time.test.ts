/** Simulated time: civil dates without `Date`, log timestamp formats, and duration parsing. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromEpochMs,
  DAY,
  epochMsFromCivil,
  formatAge,
  formatClfTimestamp,
  formatClock,
  formatIsoTimestamp,
  formatRedisTimestamp,
  formatSlashTimestamp,
  formatSqlTimestamp,
  HOUR,
  MINUTE,
  parseDuration,
  SECOND,
} from '../../src/sim/time.ts';

describe('civil time', () => {
  it.each([
    [
      0,
      { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 4 },
    ],
    [
      -1,
      {
        year: 1969,
        month: 12,
        day: 31,
        hour: 23,
        minute: 59,
        second: 59,
        millisecond: 999,
        weekday: 3,
      },
    ],
    // A leap day of a year divisible by 400.
    [
      Date.UTC(2000, 1, 29, 12, 34, 56, 789),
      {
        year: 2000,
        month: 2,
        day: 29,
        hour: 12,
        minute: 34,
        second: 56,
        millisecond: 789,
        weekday: 2,
      },
    ],
    // 2100 is not a leap year: Feb 28 is followed by Mar 1.
    [
      Date.UTC(2100, 1, 28, 23, 59, 59, 999) + 1,
      { year: 2100, month: 3, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 1 },
    ],
    // The default preset's start: Thursday 12 March 2026, 14:00 UTC.
    [
      Date.UTC(2026, 2, 12, 14, 0, 0),
      { year: 2026, month: 3, day: 12, hour: 14, minute: 0, second: 0, millisecond: 0, weekday: 4 },
    ],
    [
      Date.UTC(2024, 11, 31, 23, 59, 59, 500),
      {
        year: 2024,
        month: 12,
        day: 31,
        hour: 23,
        minute: 59,
        second: 59,
        millisecond: 500,
        weekday: 2,
      },
    ],
  ])('civilFromEpochMs(%i)', (ms, expected) => {
    expect(civilFromEpochMs(ms)).toEqual(expected);
  });

  it('agrees with Date for any instant between 1900 and 2300, and round-trips through epochMsFromCivil', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }), (ms) => {
        const c = civilFromEpochMs(ms);
        const d = new Date(ms);
        expect(c).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
          millisecond: d.getUTCMilliseconds(),
          weekday: d.getUTCDay(),
        });
        expect(epochMsFromCivil(c.year, c.month, c.day, c.hour, c.minute, c.second)).toBe(
          ms - c.millisecond,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('floors fractional milliseconds', () => {
    expect(civilFromEpochMs(1.9).millisecond).toBe(1);
    expect(civilFromEpochMs(-0.5)).toEqual(civilFromEpochMs(-1));
  });

  it('keeps the unit constants consistent', () => {
    expect([SECOND, MINUTE, HOUR, DAY]).toEqual([1000, 60_000, 3_600_000, 86_400_000]);
  });
});

describe('timestamp formats', () => {
  const t = Date.UTC(2024, 2, 5, 3, 4, 7, 89);

  it('prints each component in its own format', () => {
    expect(formatIsoTimestamp(t)).toBe('2024-03-05T03:04:07.089Z');
    expect(formatSqlTimestamp(t)).toBe('2024-03-05 03:04:07.089');
    expect(formatSlashTimestamp(t)).toBe('2024/03/05 03:04:07');
    expect(formatClfTimestamp(t)).toBe('05/Mar/2024:03:04:07 +0000');
    expect(formatRedisTimestamp(t)).toBe('05 Mar 2024 03:04:07.089');
    expect(formatClock(t)).toBe('03:04:07');
  });

  it('formatIsoTimestamp matches Date.prototype.toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        expect(formatIsoTimestamp(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [0, '0s'],
    [119_999, '119s'],
    [120_000, '2m'],
    [9 * MINUTE + 5 * SECOND, '9m5s'],
    [45 * MINUTE + 30 * SECOND, '45m'],
    [3 * HOUR + 4 * MINUTE, '3h4m'],
    [5 * HOUR, '5h'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3d4h'],
    [2 * DAY, '2d'],
    [-5000, '0s'],
  ])('formatAge(%i) = %s (kubectl style)', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1.5s', 1500],
    ['5m30s', 330_000],
    ['1m500ms', 60_500],
    ['  45s  ', 45_000],
    ['0s', 0],
  ])('parses %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '   ', 'abc', '5', 's', '5x', '-5s', '1h 30m', '5 m', '1h30', 'm5', '1.s', '.5s'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('is additive over concatenation', () => {
    const part = fc.tuple(
      fc.integer({ min: 0, max: 999 }),
      fc.constantFrom('ms', 's', 'm', 'h', 'd'),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const text = parts.map(([n, u]) => `${n}${u}`).join('');
        const sum = parts.reduce(
          (acc, [n, u]) => acc + (parseDuration(`${n}${u}`) ?? Number.NaN),
          0,
        );
        expect(parseDuration(text)).toBe(sum);
      }),
    );
  });
});
