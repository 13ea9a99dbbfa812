/**
 * Traffic maths of the map: how many particles a request rate becomes, how fast they travel, how
 * thick an edge is drawn when motion is reduced, and how rates and shares are written. Pure.
 */

/** Particles per second never exceed this on one edge, whatever the request rate. */
export const MAX_PARTICLES_PER_SECOND = 14;

/**
 * Particles per wall-clock second for a request rate: one per request below 1 rps, then a
 * logarithmic scale (5 rps → ~2.8/s, 500 rps → 8/s, 5,000 rps → ~10.6/s), so both quiet and busy
 * edges read, and a tenfold change still shows. Continuous and non-decreasing.
 */
export function particleRate(rps: number): number {
  if (!(rps > 0)) return 0;
  if (rps < 1) return rps;
  return Math.min(MAX_PARTICLES_PER_SECOND, 1 + 2.6 * Math.log10(rps));
}

/** Particle speed at scale 1, CSS px per second. */
const SPEED = 110;

/** How long a particle takes along an edge of `length` px: constant speed, within bounds. */
export function travelMs(length: number, scale: number): number {
  const ms = (length / (SPEED * Math.max(scale, 0.1))) * 1000;
  return Math.min(2600, Math.max(500, ms));
}

/** Edge stroke width with reduced motion, where thickness carries the rate instead of particles. */
export function edgeWidth(rps: number, scale: number): number {
  if (!(rps > 0)) return Math.max(1, scale);
  return Math.min(7, 1 + 1.3 * Math.log10(1 + rps)) * scale;
}

/** `0.4`, `12`, `820`, `1.2k`, `12k`, `1.2M`: as a dashboard legend writes a rate. */
export function formatRate(rps: number): string {
  const value = Math.max(0, rps);
  if (value < 10) return trimZero(value.toFixed(1));
  if (value < 1000) return String(Math.round(value));
  if (value < 10_000) return `${trimZero((value / 1000).toFixed(1))}k`;
  if (value < 1_000_000) return `${Math.round(value / 1000)}k`;
  return `${trimZero((value / 1_000_000).toFixed(1))}M`;
}

/** A 0..1 share as a percentage without the sign: `0`, `0.4`, `12`, `100`. */
export function formatPercent(ratio: number): string {
  const percent = Math.min(1, Math.max(0, ratio)) * 100;
  if (percent > 0 && percent < 1) return trimZero(percent.toFixed(1));
  return String(Math.round(percent));
}

function trimZero(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/** Error shares below this are not worth a label on the map (the list still says them). */
export const ERROR_LABEL_THRESHOLD = 0.001;

/**
 * Share of an edge's particles drawn as errors: the square root of the error ratio, so 1 % shows
 * as one dot in ten and 12 % as one in three. An honest 1 % would be one dot every dozen seconds
 * and read as nothing; the labels and the accessible list carry the real number.
 */
export function errorParticleShare(errorRatio: number): number {
  if (!(errorRatio > 0)) return 0;
  return Math.min(1, Math.sqrt(errorRatio));
}
