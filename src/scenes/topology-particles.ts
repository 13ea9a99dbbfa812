/**
 * The moving dots of the map as plain numbers: a fixed pool in typed arrays, so the frame loop
 * allocates nothing. Each edge emits at its particle rate and marks its error share of the dots
 * as errors, evenly (an accumulator, not dice), so the picture is steady and testable. Pure.
 */

export interface EdgeParams {
  /** Particles per second (see particleRate). */
  readonly rate: number;
  /** Share of particles drawn as errors, 0..1. */
  readonly errorRatio: number;
  /** Milliseconds a particle takes along the edge. */
  readonly travelMs: number;
}

/** The pool never holds more than this many particles, however busy the map. */
export const DEFAULT_CAPACITY = 480;
export const MAX_EDGES = 48;
/** Lateral lanes a stream alternates between, so a busy edge reads as a band. */
export const LANES = 3;

export class ParticleField {
  readonly capacity: number;
  /** Edge index of each slot, or -1 when the slot is free. */
  readonly edge: Int16Array;
  /** 0..1 along the edge. */
  readonly progress: Float32Array;
  readonly error: Uint8Array;
  /** -1, 0 or 1: which lane of the stream. */
  readonly lane: Int8Array;
  private readonly free: Int16Array;
  private freeTop: number;
  private edgeCount = 0;
  private readonly rate = new Float32Array(MAX_EDGES);
  private readonly errorRatio = new Float32Array(MAX_EDGES);
  private readonly travel = new Float32Array(MAX_EDGES);
  private readonly emitAcc = new Float32Array(MAX_EDGES);
  private readonly errorAcc = new Float32Array(MAX_EDGES);
  private readonly laneCursor = new Uint8Array(MAX_EDGES);

  constructor(capacity = DEFAULT_CAPACITY) {
    this.capacity = capacity;
    this.edge = new Int16Array(capacity).fill(-1);
    this.progress = new Float32Array(capacity);
    this.error = new Uint8Array(capacity);
    this.lane = new Int8Array(capacity);
    this.free = new Int16Array(capacity);
    this.freeTop = 0;
    this.clear();
  }

  get active(): number {
    return this.capacity - this.freeTop;
  }

  get edges(): number {
    return this.edgeCount;
  }

  /** Drops every particle and edge (the edges of the map changed). */
  clear(): void {
    this.edge.fill(-1);
    this.freeTop = 0;
    for (let i = this.capacity - 1; i >= 0; i--) this.free[this.freeTop++] = i;
    this.edgeCount = 0;
    this.emitAcc.fill(0);
    this.errorAcc.fill(0.5);
    this.laneCursor.fill(0);
  }

  /** Sets how many edges there are; particles on edges beyond the count are dropped. */
  setEdgeCount(count: number): void {
    const n = Math.min(MAX_EDGES, Math.max(0, count));
    if (n < this.edgeCount) {
      for (let i = 0; i < this.capacity; i++) {
        const e = this.edge[i] ?? -1;
        if (e >= n) this.release(i);
      }
    }
    for (let e = this.edgeCount; e < n; e++) {
      this.emitAcc[e] = 0;
      this.errorAcc[e] = 0.5;
      this.rate[e] = 0;
    }
    this.edgeCount = n;
  }

  setEdge(index: number, params: EdgeParams): void {
    if (index < 0 || index >= this.edgeCount) return;
    this.rate[index] = Math.max(0, params.rate);
    this.errorRatio[index] = Math.min(1, Math.max(0, params.errorRatio));
    this.travel[index] = Math.max(1, params.travelMs);
  }

  /** Fills every edge with the particles it would carry in steady state, evenly spaced. */
  prewarm(): void {
    for (let e = 0; e < this.edgeCount; e++) {
      const rate = this.rate[e] ?? 0;
      const travel = this.travel[e] ?? 1;
      const count = Math.floor((rate * travel) / 1000);
      for (let k = 0; k < count; k++) this.spawn(e, (k + 0.5) / count);
    }
  }

  /** Advances every particle by `dtMs` and emits new ones. */
  step(dtMs: number): void {
    if (!(dtMs > 0)) return;
    for (let i = 0; i < this.capacity; i++) {
      const e = this.edge[i] ?? -1;
      if (e < 0) continue;
      const next = (this.progress[i] ?? 0) + dtMs / (this.travel[e] ?? 1);
      if (next >= 1) this.release(i);
      else this.progress[i] = next;
    }
    for (let e = 0; e < this.edgeCount; e++) {
      const rate = this.rate[e] ?? 0;
      if (rate <= 0) {
        this.emitAcc[e] = 0;
        continue;
      }
      let acc = (this.emitAcc[e] ?? 0) + (rate * dtMs) / 1000;
      while (acc >= 1) {
        acc -= 1;
        // A particle due `acc / rate` seconds ago has already moved on: even spacing at any fps.
        const age = (acc / rate) * 1000;
        if (this.spawn(e, Math.min(0.999, age / (this.travel[e] ?? 1))) < 0) {
          acc = 0;
          break;
        }
      }
      this.emitAcc[e] = acc;
    }
  }

  /** Particles now on edge `index` (for tests and the accessible summary). */
  countOn(index: number): { total: number; errors: number } {
    let total = 0;
    let errors = 0;
    for (let i = 0; i < this.capacity; i++) {
      if (this.edge[i] !== index) continue;
      total++;
      errors += this.error[i] ?? 0;
    }
    return { total, errors };
  }

  private spawn(edgeIndex: number, progress: number): number {
    if (this.freeTop === 0) return -1;
    const slot = this.free[--this.freeTop] ?? 0;
    this.edge[slot] = edgeIndex;
    this.progress[slot] = progress;
    let errAcc = (this.errorAcc[edgeIndex] ?? 0) + (this.errorRatio[edgeIndex] ?? 0);
    let isError = 0;
    if (errAcc >= 1) {
      errAcc -= 1;
      isError = 1;
    }
    this.errorAcc[edgeIndex] = errAcc;
    this.error[slot] = isError;
    const cursor = this.laneCursor[edgeIndex] ?? 0;
    this.lane[slot] = (cursor % LANES) - 1;
    this.laneCursor[edgeIndex] = (cursor + 1) % LANES;
    return slot;
  }

  private release(slot: number): void {
    if (this.edge[slot] === -1) return;
    this.edge[slot] = -1;
    this.free[this.freeTop++] = slot;
  }
}
