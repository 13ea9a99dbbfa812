/**
 * The impact window on made-up SLI series, where the answer is known: a minute of bad seconds
 * starts it, shorter blips do not, it ends with the last such minute once the service stayed
 * good, and the counts and budgets are plain sums.
 */
import { describe, expect, it } from 'vitest';
import {
  budgetShare,
  impactRuns,
  impactSpan,
  measureImpact,
  totals,
} from '../../src/postmortem/impact.ts';
import type { SliSeries } from '../../src/postmortem/impact.ts';
import { defaultConfig, DAY, M, METRIC_COUNT, MetricStore } from '../../src/sim/index.ts';

const ALLOWED = 0.001;

/** One sample per second from t = 1 s; `bad[i]` seconds fail `share` of 100 requests. */
function series(badSeconds: readonly [number, number][], n: number, share = 0.05): SliSeries {
  const times = Array.from({ length: n }, (_, i) => (i + 1) * 1000);
  const requests = times.map(() => 100);
  const failed = times.map((_, i) =>
    badSeconds.some(([a, b]) => i >= a && i <= b) ? 100 * share : 0.01,
  );
  return { times, requests, failed, slow: failed.map((f) => f / 2) };
}

describe('impact runs', () => {
  it('count a run of bad seconds only from a full minute', () => {
    expect(impactRuns(series([[10, 68]], 200), ALLOWED)).toEqual([]);
    expect(impactRuns(series([[10, 69]], 200), ALLOWED)).toEqual([{ first: 10, last: 69 }]);
  });

  it('find every minute-long run, and a run that reaches the end of the record', () => {
    const s = series(
      [
        [10, 80],
        [90, 100],
        [150, 199],
      ],
      200,
    );
    expect(impactRuns(s, ALLOWED)).toEqual([{ first: 10, last: 80 }]);
    const t = series(
      [
        [10, 80],
        [130, 199],
      ],
      200,
    );
    expect(impactRuns(t, ALLOWED)).toEqual([
      { first: 10, last: 80 },
      { first: 130, last: 199 },
    ]);
  });

  it('treat a second as bad when its failed or slow share is above the allowed share', () => {
    // 0.1% exactly is within the objective; just above is not.
    const at = (share: number) => series([[0, 99]], 100, share);
    expect(impactRuns(at(0.001), ALLOWED)).toEqual([]);
    expect(impactRuns(at(0.0011), ALLOWED)).toEqual([{ first: 0, last: 99 }]);
  });
});

describe('the impact span', () => {
  it('runs from the first run to the last once the service has stayed good for five minutes', () => {
    const s = series(
      [
        [10, 80],
        [130, 200],
      ],
      600,
    );
    expect(impactSpan(s, ALLOWED, false)).toEqual({ span: { first: 10, last: 200 }, ended: true });
  });

  it('is not over while the last run touches the end of the record', () => {
    const s = series([[10, 99]], 100);
    expect(impactSpan(s, ALLOWED, true)).toEqual({ span: { first: 10, last: 99 }, ended: false });
  });

  it('waits five minutes of good service in a run in progress, not in a finished one', () => {
    const s = series([[10, 80]], 300);
    expect(impactSpan(s, ALLOWED, false)).toEqual({ span: { first: 10, last: 299 }, ended: false });
    expect(impactSpan(s, ALLOWED, true)).toEqual({ span: { first: 10, last: 80 }, ended: true });
    expect(impactSpan(series([[10, 80]], 381), ALLOWED, false)?.ended).toBe(true);
  });

  it('is null when no run lasted a minute', () => {
    expect(impactSpan(series([[10, 50]], 600), ALLOWED, true)).toBeNull();
  });

  it('sums the counts of the seconds in it', () => {
    const s = series([[10, 69]], 100);
    expect(totals(s, 10, 69)).toEqual({ requests: 6000, failed: 300, slow: 150, bad: 300 });
  });
});

describe('measureImpact on a metric store', () => {
  function store(n: number, bad: (i: number) => boolean): MetricStore {
    const m = new MetricStore(n, METRIC_COUNT);
    const v = new Float64Array(METRIC_COUNT);
    for (let i = 0; i < n; i++) {
      v[M.sli_requests!] = 400;
      v[M.sli_failed!] = bad(i) ? 40 : 0;
      v[M.sli_slow!] = bad(i) ? 100 : 0;
      v[M.api_p99!] = bad(i) ? 900 : 100;
      v[M.orders_p99!] = i === 150 ? 4000 : 50;
      v[M.error_budget_remaining!] = 0.9;
      m.append((i + 1) * 1000, v);
    }
    return m;
  }

  it('gives start, end, counts, budgets and peaks from the record', () => {
    const slo = defaultConfig().slo;
    const f = measureImpact(
      store(1000, (i) => i >= 100 && i < 220),
      slo,
      true,
    );
    expect(f.startedAt).toBe(100_000);
    expect(f.endedAt).toBe(220_000);
    expect(f.durationMs).toBe(120_000);
    expect(f.totals).toEqual({ requests: 48_000, failed: 4800, slow: 12_000, bad: 12_000 });
    expect(f.affectedShare).toBe(0.25);
    const period = (400_000 / 1_000_000) * 30 * DAY;
    expect(f.budgets[0]).toEqual({
      slo: 'availability',
      target: 0.999,
      badRequests: 4800,
      consumed: budgetShare(4800, 400_000, 1_000_000, 0.999, 30),
      remaining: Math.fround(0.9),
    });
    expect(f.budgets[0]!.consumed).toBeCloseTo(4800 / (period * 0.001), 12);
    expect(f.budgets[1]!.consumed).toBeCloseTo(12_000 / (period * 0.01), 12);
    expect(f.peakLatency).toEqual({ metric: 'orders_p99', ms: 4000, t: 151_000 });
    expect(f.peakErrorRatio).toEqual({ ratio: 0.1, t: 101_000 });
  });

  it('has no impact, and an empty window, on a calm record', () => {
    const f = measureImpact(
      store(300, () => false),
      defaultConfig().slo,
      false,
    );
    expect(f).toMatchObject({ startedAt: null, endedAt: null, durationMs: 0, span: null });
    expect(f.totals.requests).toBe(0);
  });
});
