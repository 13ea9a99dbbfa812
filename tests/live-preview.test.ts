import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLivePreview } from '../src/live-preview.ts';
import type { LiveSnapshot } from '../src/ui/title-screen.ts';

describe('the title screen live preview', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('plays the slow-query incident from the simulation: it pages, the index fixes it, it recovers', () => {
    const seen: LiveSnapshot[] = [];
    const stop = startLivePreview(7)((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.p99Ms.length).toBeGreaterThanOrEqual(60);
    // 10 simulated seconds per wall second: 20 simulated minutes.
    vi.advanceTimersByTime(120_000);
    const firstFiring = seen.findIndex((s) => s.firing);
    expect(firstFiring).toBeGreaterThan(0);
    const peak = Math.max(...seen.map((s) => s.p99Ms.at(-1) ?? 0));
    expect(peak).toBeGreaterThan(seen[0]!.thresholdMs);
    const recovered = seen.slice(firstFiring).findIndex((s) => !s.firing);
    expect(recovered).toBeGreaterThan(0);
    expect(seen.at(-1)!.p99Ms.at(-1)!).toBeLessThan(200);
    stop();
    const count = seen.length;
    vi.advanceTimersByTime(10_000);
    expect(seen.length).toBe(count);
  });

  it('advances the simulated clock once per tick', () => {
    const seen: LiveSnapshot[] = [];
    const stop = startLivePreview(7)((s) => seen.push(s));
    vi.advanceTimersByTime(300);
    expect(seen.map((s) => s.clock)).toEqual(['14:01:00', '14:01:01', '14:01:02', '14:01:03']);
    stop();
  });
});
