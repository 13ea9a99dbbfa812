import { describe, expect, it } from 'vitest';
import { createMetricReader } from '../src/metric-reader.ts';
import type { MetricReader } from '../src/store/index.ts';
import { MAX_POINTS, PanelData, bucketMeans } from '../src/ui/dashboards/panel-data.ts';
import type { XWindow } from '../src/ui/dashboards/panel-data.ts';
import { newRun } from './sim/helpers.ts';

const START = Date.UTC(2025, 2, 14, 2, 0, 0);

/** A reader of `total` one-second samples whose value is the sample's index. */
function countingReader(total: number): MetricReader {
  return {
    metrics: [],
    written: () => total,
    read(_key, n, outTimes, outValues) {
      const count = Math.min(n, total);
      for (let i = 0; i < count; i++) {
        const index = total - count + i;
        outTimes[i] = START / 1000 + index + 1;
        outValues[i] = index;
      }
      return count;
    },
  };
}

describe('panel data', () => {
  it('reads the last 15 minutes of a real run, as Unix seconds, into a fixed window', () => {
    const run = newRun(3);
    run.advance(20 * 60_000);
    const reader = createMetricReader(run.recorder.metrics, START);
    const data = new PanelData(['api_p50', 'api_p99']);
    const window: XWindow = { min: 0, max: 0 };
    const [x, p50, p99] = data.load(reader, '15m', window);
    expect(x.length).toBe(900);
    expect(x[899]).toBe((START + 20 * 60_000) / 1000);
    expect(window).toEqual({ max: x[899], min: x[899]! - 900 });
    for (let i = 0; i < 900; i++) expect(p99![i]).toBeGreaterThanOrEqual(p50![i]!);
  });

  it('shows the whole of a short run, and a window of at least a minute', () => {
    const data = new PanelData(['a']);
    const window: XWindow = { min: 0, max: 0 };
    const [x] = data.load(countingReader(10), 'all', window);
    expect(x.length).toBe(10);
    expect(window.max - window.min).toBe(60);
  });

  it('reuses its arrays from one draw to the next', () => {
    const data = new PanelData(['a']);
    const window: XWindow = { min: 0, max: 0 };
    const first = data.load(countingReader(100), '15m', window);
    const second = data.load(countingReader(200), '15m', window);
    expect(second[1]!.buffer).toBe(first[1]!.buffer);
  });

  it('averages a long run into buckets, the newest sample last', () => {
    const total = 4 * 3600;
    const data = new PanelData(['a']);
    const window: XWindow = { min: 0, max: 0 };
    const [x, v] = data.load(countingReader(total), 'all', window);
    expect(x.length).toBe(MAX_POINTS);
    expect(x[MAX_POINTS - 1]).toBe(START / 1000 + total);
    // Buckets of four samples: the last one averages indices 14396..14399.
    expect(v![MAX_POINTS - 1]).toBe(14397.5);
    expect(v![0]).toBe(1.5);
    // Each bucket is stamped with its last second.
    expect(window.min).toBe(START / 1000 + 4);
  });

  it('copies short inputs as they are', () => {
    const times = Float64Array.from([1, 2, 3]);
    const values = Float64Array.from([4, 5, 6]);
    const outT = new Float64Array(MAX_POINTS);
    const outV = new Float64Array(MAX_POINTS);
    expect(bucketMeans(3, times, values, outT, outV)).toBe(3);
    expect([...outV.subarray(0, 3)]).toEqual([4, 5, 6]);
  });
});
