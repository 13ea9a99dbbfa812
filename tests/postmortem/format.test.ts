/** The postmortem's numbers are written by hand, so every machine prints the same text. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  clockAt,
  formatCount,
  formatDuration,
  formatMetric,
  formatPercent,
  formatRate,
} from '../../src/postmortem/format.ts';
import { setLocale } from '../../src/i18n/index.ts';
import { defaultConfig } from '../../src/sim/index.ts';

afterEach(() => setLocale('en'));

describe('postmortem number formats', () => {
  it('groups thousands and rounds counts', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999.4)).toBe('999');
    expect(formatCount(1234567.8)).toBe('1,234,568');
    expect(formatCount(-12345)).toBe('-12,345');
  });

  it('prints shares with one decimal from 1%, two significant digits below', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.2346)).toBe('23.5%');
    expect(formatPercent(0.99993)).toBe('99.993%');
    expect(formatPercent(0.9996)).toBe('99.96%');
    expect(formatPercent(0.999999999)).toBe('>99.999999%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.0042)).toBe('0.42%');
    expect(formatPercent(0.000051)).toBe('0.0051%');
    expect(formatPercent(0.00000001)).toBe('<0.001%');
  });

  it('prints rates by size', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(0.0183)).toBe('0.018');
    expect(formatRate(60.44)).toBe('60.4');
    expect(formatRate(420.4)).toBe('420');
    expect(formatRate(12345)).toBe('12,345');
  });

  it('writes durations in words of the current locale', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(252_000)).toBe('4 min 12 s');
    expect(formatDuration(20 * 60_000)).toBe('20 min');
    expect(formatDuration(65 * 60_000 + 30_000)).toBe('1 h 5 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    setLocale('zh-CN');
    expect(formatDuration(252_000)).toBe('4 分 12 秒');
    expect(formatDuration(65 * 60_000)).toBe('1 小时 5 分钟');
  });

  it('prints metric values with their unit', () => {
    expect(formatMetric('ratio', 0.05)).toBe('5%');
    expect(formatMetric('ms', 5012.4)).toBe('5,012 ms');
    expect(formatMetric('rps', 29)).toBe('29 req/s');
    expect(formatMetric('count', 3)).toBe('3');
  });

  it('turns a moment of the run into its UTC time of day', () => {
    // The standard preset starts at 14:00:00 UTC.
    expect(clockAt(defaultConfig().startEpochMs, 432_000)).toBe('14:07:12');
  });
});
