/**
 * Spreads chart redraws over animation frames: when a simulated second lands, every visible chart
 * is queued, and each frame draws charts until its time budget is spent, so a screen full of
 * panels at 10x speed never costs one long frame.
 */

export interface Drawable {
  draw(): void;
}

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
  now(): number;
}

export const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

export class RedrawQueue<T extends Drawable> {
  private readonly pending = new Set<T>();
  private handle: number | null = null;

  constructor(
    /** Milliseconds of drawing per frame before the rest waits for the next frame. */
    private readonly budgetMs = 4,
    private readonly frames: FrameScheduler = browserFrames,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  add(item: T): void {
    this.pending.add(item);
    if (this.handle === null) this.handle = this.frames.request(this.run);
  }

  delete(item: T): void {
    this.pending.delete(item);
  }

  /**
   * Draws `items` at once, as far as `budgetMs` goes (at least one), and queues the rest: a chart
   * scrolled into view is drawn before the next paint, not a frame (or, throttled, seconds) later.
   */
  drawNow(items: Iterable<T>, budgetMs = this.budgetMs): void {
    const start = this.frames.now();
    let drawn = 0;
    for (const item of items) {
      if (drawn > 0 && this.frames.now() - start >= budgetMs) {
        this.add(item);
        continue;
      }
      this.pending.delete(item);
      item.draw();
      drawn++;
    }
  }

  /** Draws everything queued now (a manual refresh, or tests). */
  flush(): void {
    for (const item of this.pending) {
      this.pending.delete(item);
      item.draw();
    }
  }

  destroy(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    this.pending.clear();
  }

  private readonly run = (): void => {
    this.handle = null;
    const start = this.frames.now();
    for (const item of this.pending) {
      this.pending.delete(item);
      item.draw();
      // At least one chart per frame, then stop once the budget is spent.
      if (this.frames.now() - start >= this.budgetMs) break;
    }
    if (this.pending.size > 0) this.handle = this.frames.request(this.run);
  };
}
