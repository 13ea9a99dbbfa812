import { describe, expect, it } from 'vitest';
import { formatTicks, formatValue } from '../src/ui/dashboards/units.ts';
import { axisIncrs, niceCeil, yRange } from '../src/ui/dashboards/scales.ts';
import {
  TIME_INCRS,
  formatClock,
  formatUtc,
  timeAxisSpace,
  timeTicks,
  utcAsLocal,
} from '../src/ui/dashboards/time.ts';

describe('units', () => {
  it('prints milliseconds, switching to seconds from 1000 ms', () => {
    expect(formatValue('ms', 12.345)).toBe('12.3 ms');
    expect(formatValue('ms', 0.42)).toBe('0.420 ms');
    expect(formatValue('ms', 2150)).toBe('2.15 s');
    expect(formatTicks('ms', [0, 500, 1000, 1500])).toEqual(['0 s', '0.5 s', '1.0 s', '1.5 s']);
    expect(formatTicks('ms', [0, 20, 40])).toEqual(['0 ms', '20 ms', '40 ms']);
  });

  it('prints ratios as percentages with the decimals the step needs', () => {
    expect(formatValue('percent', 0.0123)).toBe('1.23%');
    expect(formatValue('percent', 1)).toBe('100%');
    expect(formatTicks('percent', [0, 0.002, 0.004])).toEqual(['0%', '0.2%', '0.4%']);
    expect(formatTicks('percent', [0, 0.25, 0.5, 0.75, 1])).toEqual([
      '0%',
      '25%',
      '50%',
      '75%',
      '100%',
    ]);
  });

  it('prints bytes with IEC prefixes', () => {
    expect(formatValue('bytes', 512)).toBe('512 B');
    expect(formatValue('bytes', 1536)).toBe('1.50 KiB');
    expect(formatValue('bytes', 300 * 1024 * 1024)).toBe('300 MiB');
    expect(formatValue('bytesps', 2 * 1024 ** 3)).toBe('2.00 GiB/s');
    expect(formatTicks('bytes', [0, 256 * 1024 ** 2, 512 * 1024 ** 2])).toEqual([
      '0 B',
      '256 MiB',
      '512 MiB',
    ]);
  });

  it('prints rates with SI prefixes and their symbol', () => {
    expect(formatValue('reqps', 850)).toBe('850 req/s');
    expect(formatValue('reqps', 1250)).toBe('1.25k req/s');
    expect(formatValue('count', 4)).toBe('4');
    expect(formatValue('count', 4.5)).toBe('5');
    expect(formatTicks('count', [0, 5, 10])).toEqual(['0', '5', '10']);
    expect(formatTicks('reqps', [0, 500, 1000])).toEqual(['0 req/s', '0.5k req/s', '1.0k req/s']);
    expect(formatValue('times', 14.4)).toBe('14.4×');
    expect(formatValue('days', 30)).toBe('30 d');
  });

  it('prints long durations in minutes and hours', () => {
    expect(formatValue('s', 45.5)).toBe('45.5 s');
    expect(formatValue('s', 600)).toBe('10.0 min');
    expect(formatValue('s', 3 * 3600)).toBe('3.00 h');
  });

  it('uses the symbols it is given (the catalogue)', () => {
    const sym = {
      reqps: 'req/s',
      qps: 'q/s',
      tps: 'tx/s',
      ops: 'ops/s',
      perSec: '/s',
      ms: 'ms',
      s: 's',
      min: 'min',
      h: 'h',
      days: '天',
      times: '×',
    };
    expect(formatValue('days', 3.5, sym)).toBe('3.50 天');
  });

  it('prints counts as whole numbers, even a bucket’s mean', () => {
    expect(formatValue('count', 56.6)).toBe('57');
    expect(formatValue('count', 13.4)).toBe('13');
    expect(formatValue('count', 2.6)).toBe('3');
    expect(formatValue('count', 0.2)).toBe('0');
    // Thousands keep their decimals: 1.23k is not a fraction of a thing.
    expect(formatValue('count', 1234)).toBe('1.23k');
  });

  it('shows a dash for a missing value', () => {
    expect(formatValue('ms', null)).toBe('–');
    expect(formatValue('ms', Number.NaN)).toBe('–');
  });
});

describe('y ranges', () => {
  it('rounds up to a nice number above the data, from zero', () => {
    expect(niceCeil(0.93)).toBeCloseTo(1);
    expect(niceCeil(1234)).toBe(1500);
    expect(yRange({}, 3, 87)).toEqual([0, 100]);
  });

  it('keeps the soft maximum for quiet data and never passes the hard one', () => {
    expect(yRange({ softMax: 0.01 }, 0, 0.0004)).toEqual([0, 0.012]);
    expect(yRange({ softMax: 1, hardMax: 1 }, 0.9, 0.99)).toEqual([0, 1]);
    expect(yRange({}, null, null)).toEqual([0, 1]);
  });

  it('goes below zero only for negative data (an exhausted error budget)', () => {
    const [lo] = yRange({ softMax: 1 }, -0.3, 0.5);
    expect(lo).toBeLessThan(-0.3);
  });

  it('steps count axes in whole numbers', () => {
    // uPlot would step 0–10 by 2.5, which prints 0/3/5/8/10 once rounded.
    const incrs = axisIncrs('count')!;
    expect(incrs).not.toContain(2.5);
    expect(incrs.every((v) => Number.isInteger(v))).toBe(true);
    expect(incrs.slice(0, 4)).toEqual([1, 2, 5, 10]);
  });

  it('steps byte axes in powers of two', () => {
    expect(axisIncrs('bytes')).toContain(256 * 1024 * 1024);
    expect(axisIncrs('ms')).toBeUndefined();
  });
});

describe('time', () => {
  const t = Date.UTC(2025, 2, 14, 2, 13, 7) / 1000;

  it('prints UTC whatever the local zone', () => {
    expect(formatUtc(t)).toBe('2025-03-14 02:13:07');
    expect(formatClock(t, false)).toBe('02:13');
    expect(timeTicks([t], 30)).toEqual(['02:13:07']);
    expect(timeTicks([t], 300)).toEqual(['02:13']);
  });

  it("gives uPlot a date whose local fields read as UTC's", () => {
    const d = utcAsLocal(t);
    expect([d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([2, 13, 7]);
  });

  /** How many ticks uPlot places: the first step whose ticks are `space` px apart. */
  const ticksFor = (rangeS: number, plotPx: number, fontPx: number): number => {
    const space = timeAxisSpace(rangeS, plotPx, fontPx);
    const incr = TIME_INCRS.find((i) => (i * plotPx) / rangeS >= space)!;
    // The worst case: the range starts just after a tick.
    return Math.floor(rangeS / incr);
  };

  it('leaves room for at least three time labels at any width', () => {
    // Whole incident (8 min) on a 2560 px screen's quarter-width panel; 15 min at 1280; an hour.
    for (const [range, px, font] of [
      [480, 380, 16],
      [481, 600, 16],
      [900, 230, 8],
      [3600, 1800, 12],
      [7 * 60, 290, 15],
      [8 * 60 + 22, 390, 16],
    ] as const) {
      expect(ticksFor(range, px, font), `${range}s on ${px}px`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps six text heights between labels when three fit anyway, and an hh:mm at least', () => {
    expect(timeAxisSpace(900, 1000, 10)).toBe(60);
    expect(timeAxisSpace(480, 60, 10)).toBeGreaterThanOrEqual(35);
  });
});
