/**
 * Time and identity helpers: the server's clock in microseconds (now() carries microseconds like
 * the real one) and stable pseudo-random numbers derived from text, so the same state always
 * shows the same pids, ports and sub-second digits.
 */
import { clusterNames } from '../../../sim/index.ts';
import type { SimState } from '../../../sim/index.ts';

/** FNV-1a with murmur3's finaliser: keys differing in one character land far apart. */
export function fnv(s: string): number {
  let h = clusterNames.fnv1a32(s);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable number in [0, 1) for a key. */
export const unit = (key: string): number => fnv(key) / 2 ** 32;

/** A stable integer in [lo, hi). */
export const between = (key: string, lo: number, hi: number): number =>
  lo + Math.floor(unit(key) * (hi - lo));

/** Epoch microseconds of a sim instant. */
export const epochUs = (s: SimState, t: number = s.t): number => (s.config.startEpochMs + t) * 1000;

/** now(): the start of the current transaction, somewhere inside the current sim second. */
export const nowUs = (s: SimState): number => epochUs(s) + between(`now:${s.t}`, 0, 999_999);

/** The client backend pids of a long-running container: small numbers grow with each connection. */
export const backendPid = (key: string): number => between(`pid:${key}`, 1_200, 59_000);
