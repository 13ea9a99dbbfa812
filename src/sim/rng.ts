/**
 * Seeded pseudo-random numbers for the simulation.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): four 32-bit words
 * of state, good statistical quality and pure 32-bit integer arithmetic, so it gives the same
 * sequence on every JavaScript engine. Its state is a plain tuple stored inside `SimState`, which is
 * what makes a run reproducible from a seed and replayable from any saved state.
 */
export type RngState = readonly [number, number, number, number];

/** Expands a 32-bit seed into a well-mixed sfc32 state (splitmix32 for the expansion). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: [number, number, number, number] = [next(), next(), next(), next()];
  // Discard the first outputs: sfc32 mixes its counter in over the first dozen rounds.
  const rng = new Rng(state);
  for (let i = 0; i < 12; i++) rng.next();
  return rng.snapshot();
}

/**
 * A mutable cursor over an `RngState`. A step creates one from the state it was given, draws from
 * it, and stores `snapshot()` in the state it returns; the input state is never mutated.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RngState) {
    [this.a, this.b, this.c, this.d] = state;
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Standard normal variate (Box-Muller; one of the pair is discarded to keep the state simple). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /**
   * An integer count of events for a fractional expected number: the integer part always happens,
   * the fractional part happens with that probability. Cheap, unbiased, and enough for log volume.
   */
  count(expected: number): number {
    if (!(expected > 0)) return 0;
    const whole = Math.floor(expected);
    return whole + (this.float() < expected - whole ? 1 : 0);
  }

  /** Lower-case hex string of `bytes` random bytes (trace ids, pod name suffixes). */
  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i += 4) {
      const word = this.next().toString(16).padStart(8, '0');
      out += word.slice(0, Math.min(8, (bytes - i) * 2));
    }
    return out;
  }

  snapshot(): RngState {
    return [this.a, this.b, this.c, this.d];
  }
}
