/**
 * Deterministic "randomness" for command outputs: a value in [0, 1) from a stable hash of the
 * parts (the sim time, a host name, a try number). The same question at the same moment gets the
 * same answer; a moment later it may not, like the real thing.
 */
import { clusterNames } from '../../../sim/index.ts';

/** Murmur3's finaliser: FNV-1a alone barely moves for inputs that differ in one character. */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit word from the parts. */
export function word(...parts: readonly (string | number)[]): number {
  return mix(clusterNames.fnv1a32(parts.join('\u0001')));
}

/** A share in [0, 1) from the parts. */
export function draw(...parts: readonly (string | number)[]): number {
  return word(...parts) / 4294967296;
}

/** The whole second of sim time, so that retyping a command within a second answers alike. */
export const secondOf = (t: number): number => Math.floor(t / 1000);
