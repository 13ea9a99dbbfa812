import { describe, expect, it } from 'vitest';
import { MAX_FRAME_MS, STEPS_PER_FRAME, startClock } from '../../src/incident-clock.ts';
import type { Frames } from '../../src/incident-clock.ts';
import type { Speed } from '../../src/ui/incident-types.ts';

/** Animation frames on demand: `advance(ms)` runs the frames a 60 Hz screen would show. */
function fakeFrames() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, (now: number) => void>();
  const frames: Frames = {
    request(callback) {
      pending.set(next, callback);
      return next++;
    },
    cancel(handle) {
      pending.delete(handle);
    },
  };
  const frame = (ms: number): void => {
    now += ms;
    const due = [...pending.values()];
    pending.clear();
    for (const callback of due) callback(now);
  };
  return {
    frames,
    frame,
    advance(ms: number, frameMs = 1000 / 60) {
      for (let t = 0; t + frameMs <= ms + 1e-6; t += frameMs) frame(frameMs);
    },
    get waiting() {
      return pending.size;
    },
  };
}

function clockWith(speed: Speed, opts: { stepMs?: number; endAfter?: number } = {}) {
  const f = fakeFrames();
  let steps = 0;
  const frames: number[] = [];
  const clock = startClock({
    stepMs: opts.stepMs ?? 1000,
    speed,
    step: () => {
      steps += 1;
      return opts.endAfter === undefined || steps < opts.endAfter;
    },
    frame: (n) => frames.push(n),
    frames: f.frames,
  });
  return { f, clock, frames, steps: () => steps };
}

describe('the incident clock', () => {
  it('runs one simulated second per wall second at 1x, and ten at 10x', () => {
    const one = clockWith(1);
    one.f.advance(1000);
    // The first frame only sets the starting point.
    expect(one.steps()).toBe(0);
    one.f.advance(1000);
    expect(one.steps()).toBe(1);
    one.f.advance(10_000);
    expect(one.steps()).toBe(11);

    const ten = clockWith(10);
    ten.f.advance(10_050);
    expect(ten.steps()).toBe(100);
  });

  it('shows a frame only when it ran steps', () => {
    const { f, frames } = clockWith(2);
    f.advance(2000);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((n) => n >= 1)).toBe(true);
  });

  it('runs at most STEPS_PER_FRAME steps in a frame and does not owe the rest', () => {
    const { f, steps } = clockWith(10, { stepMs: 1 });
    f.frame(16);
    f.frame(MAX_FRAME_MS);
    expect(steps()).toBe(STEPS_PER_FRAME);
    f.frame(0.05);
    // What the long frame could not run is dropped, not caught up on.
    expect(steps()).toBeLessThanOrEqual(STEPS_PER_FRAME + 2);
  });

  it('counts a long gap (a hidden tab) as one short frame', () => {
    const { f, steps } = clockWith(10);
    f.frame(16);
    f.frame(60_000);
    expect(steps()).toBe(Math.floor((MAX_FRAME_MS * 10) / 1000));
  });

  it('asks for no frames while paused, and resumes without a jump', () => {
    const { f, clock, steps } = clockWith(10);
    f.advance(1000);
    const before = steps();
    clock.setSpeed(0);
    expect(clock.speed).toBe(0);
    expect(f.waiting).toBe(0);
    f.advance(5000);
    expect(steps()).toBe(before);
    clock.setSpeed(5);
    f.frame(16);
    expect(steps()).toBe(before);
    f.advance(1000);
    expect(steps()).toBe(before + 5);
  });

  it('stops for good when the story ends', () => {
    const { f, frames, steps } = clockWith(10, { endAfter: 3 });
    f.advance(5000);
    expect(steps()).toBe(3);
    expect(frames.reduce((a, b) => a + b, 0)).toBe(3);
    expect(f.waiting).toBe(0);
  });

  it('stop() cancels the next frame', () => {
    const { f, clock, steps } = clockWith(10);
    f.advance(500);
    clock.stop();
    expect(f.waiting).toBe(0);
    clock.setSpeed(10);
    f.advance(2000);
    expect(steps()).toBeLessThanOrEqual(5);
    expect(f.waiting).toBe(0);
  });
});
