/**
 * The incident's clock: each animation frame adds the wall time since the last one, times the
 * speed, to a reserve of simulated time, and runs the whole simulated seconds it holds. A frame
 * runs at most STEPS_PER_FRAME steps, so no speed can block the page for long; paused, it asks
 * for no frames at all.
 */
import type { Speed } from './ui/incident-types.ts';

export interface Frames {
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
}

export const browserFrames: Frames = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** About 40 steps take 10-20 ms on a laptop: enough for 10x with room to spare. */
export const STEPS_PER_FRAME = 40;

/**
 * The most wall time one frame may count. After a long gap (a hidden tab, a debugger) the
 * incident carries on from where the player left it instead of racing ahead unseen.
 */
export const MAX_FRAME_MS = 250;

export interface ClockOptions {
  /** Simulated milliseconds per step. */
  readonly stepMs: number;
  readonly speed: Speed;
  /** Runs one step; false when the story is over and the clock should stop. */
  step(): boolean;
  /** After a frame that ran steps: time to show what changed. */
  frame(steps: number): void;
  readonly frames?: Frames;
}

export interface GameClock {
  readonly speed: Speed;
  setSpeed(speed: Speed): void;
  /** Stops for good. */
  stop(): void;
}

export function startClock(options: ClockOptions): GameClock {
  const frames = options.frames ?? browserFrames;
  let speed = options.speed;
  let handle: number | null = null;
  let last: number | null = null;
  /** Simulated milliseconds earned but not yet stepped. */
  let reserve = 0;
  let stopped = false;

  const schedule = (): void => {
    if (handle === null && speed > 0 && !stopped) handle = frames.request(tick);
  };
  const cancel = (): void => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    last = null;
  };

  function tick(now: number): void {
    handle = null;
    const wall = last === null ? 0 : Math.min(Math.max(0, now - last), MAX_FRAME_MS);
    last = now;
    reserve += wall * speed;
    let steps = 0;
    while (reserve >= options.stepMs && steps < STEPS_PER_FRAME && !stopped) {
      reserve -= options.stepMs;
      steps += 1;
      if (!options.step()) stopped = true;
    }
    // Time a frame could not run is dropped, not owed: catching up would only block more frames.
    if (steps === STEPS_PER_FRAME) reserve = Math.min(reserve, options.stepMs);
    if (steps > 0) options.frame(steps);
    schedule();
  }

  schedule();
  return {
    get speed() {
      return speed;
    },
    setSpeed(next) {
      speed = next;
      if (next === 0) cancel();
      else schedule();
    },
    stop() {
      stopped = true;
      cancel();
    },
  };
}
