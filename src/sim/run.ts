/**
 * A simulation run: a state, the actions scheduled for it, and a recorder for its outputs. This is
 * the object the session layer, the headless runner and the tests drive.
 */
import type { SimAction, StampedAction } from './actions.ts';
import type { SystemConfig } from './config.ts';
import { createSim } from './create.ts';
import { hashState } from './hash.ts';
import { Recorder } from './recorder.ts';
import type { SimState } from './state.ts';
import { step, STEP_MS } from './step.ts';

export class SimRun {
  state: SimState;
  readonly recorder: Recorder;
  private queue: StampedAction[] = [];

  constructor(seed: number, config?: SystemConfig, recorder: Recorder = new Recorder()) {
    this.state = createSim(seed, config);
    this.recorder = recorder;
  }

  get t(): number {
    return this.state.t;
  }

  /** Queues an action; it is applied at the first step starting at or after `at` (default: now). */
  schedule(action: SimAction, at: number = this.state.t): void {
    this.queue.push({ at, action });
    this.queue.sort((a, b) => a.at - b.at);
  }

  /** Runs whole steps until the sim clock reaches `t + ms`. */
  advance(ms: number): void {
    const end = this.state.t + ms;
    while (this.state.t + STEP_MS <= end) this.stepOnce();
  }

  advanceTo(t: number): void {
    if (t > this.state.t) this.advance(t - this.state.t);
  }

  stepOnce(): void {
    const due: SimAction[] = [];
    while (this.queue.length > 0 && this.queue[0]!.at <= this.state.t)
      due.push(this.queue.shift()!.action);
    this.state = step(this.state, due, this.recorder);
    this.recorder.commit(this.state.t);
  }

  hash(): string {
    return hashState(this.state);
  }
}
