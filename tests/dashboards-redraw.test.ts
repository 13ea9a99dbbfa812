import { describe, expect, it } from 'vitest';
import { RedrawQueue } from '../src/ui/dashboards/redraw-queue.ts';

/** A clock each draw advances by `costMs`, and frames the test runs one at a time. */
function harness(costMs: number) {
  let now = 0;
  const callbacks: (() => void)[] = [];
  const frames = {
    request: (cb: () => void) => callbacks.push(cb),
    cancel: () => {},
    now: () => now,
  };
  const drawn: number[] = [];
  const chart = (id: number) => ({
    draw() {
      now += costMs;
      drawn.push(id);
    },
  });
  const frame = (): void => callbacks.shift()?.();
  return { frames, drawn, chart, frame, pending: () => callbacks.length };
}

describe('redraw queue', () => {
  it('draws within the frame budget and leaves the rest to the next frames', () => {
    const h = harness(1.5);
    const queue = new RedrawQueue(4, h.frames);
    for (let i = 0; i < 7; i++) queue.add(h.chart(i));
    expect(h.pending()).toBe(1);
    h.frame();
    expect(h.drawn).toEqual([0, 1, 2]);
    h.frame();
    expect(h.drawn).toEqual([0, 1, 2, 3, 4, 5]);
    h.frame();
    expect(h.drawn.length).toBe(7);
    expect(h.pending()).toBe(0);
  });

  it('draws a chart once however often it was queued, and forgets removed ones', () => {
    const h = harness(0);
    const queue = new RedrawQueue(4, h.frames);
    const a = h.chart(1);
    const b = h.chart(2);
    queue.add(a);
    queue.add(a);
    queue.add(b);
    queue.delete(b);
    h.frame();
    expect(h.drawn).toEqual([1]);
  });

  it('flushes everything at once on demand, and stops after destroy', () => {
    const h = harness(10);
    const queue = new RedrawQueue(4, h.frames);
    queue.add(h.chart(1));
    queue.add(h.chart(2));
    queue.flush();
    expect(h.drawn).toEqual([1, 2]);
    queue.add(h.chart(3));
    queue.destroy();
    h.frame();
    expect(h.drawn).toEqual([1, 2]);
  });

  it('draws charts that come into view at once, within a budget, and queues the rest', () => {
    const h = harness(3);
    const queue = new RedrawQueue(4, h.frames);
    const charts = [1, 2, 3, 4].map((i) => h.chart(i));
    queue.drawNow(charts, 8);
    // No frame has run: the first three fit in 8 ms (3 + 3 + 3 ≥ 8 stops after the third).
    expect(h.drawn).toEqual([1, 2, 3]);
    expect(h.pending()).toBe(1);
    h.frame();
    expect(h.drawn).toEqual([1, 2, 3, 4]);
  });

  it('draws a chart that is already queued only once', () => {
    const h = harness(0);
    const queue = new RedrawQueue(4, h.frames);
    const a = h.chart(1);
    queue.add(a);
    queue.drawNow([a]);
    h.frame();
    expect(h.drawn).toEqual([1]);
  });
});
