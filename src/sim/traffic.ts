/**
 * User demand: requests per second per endpoint from a daily curve, seeded AR(1) noise, traffic
 * surges, and client retries of last second's failures (which is how retry storms emerge).
 */
import { ENDPOINT_IDS } from './config.ts';
import type { EndpointId } from './config.ts';
import { faultEnabled } from './faults.ts';
import type { Rng } from './rng.ts';
import type { SimState } from './state.ts';
import { DAY, HOUR } from './time.ts';

/** Daily curve between `troughRatio` and 1, peaking at `peakHourUtc`. */
export function diurnal(s: SimState, t: number): number {
  const epoch = s.config.startEpochMs + t;
  const hour = (((epoch % DAY) + DAY) % DAY) / HOUR;
  const { troughRatio, peakHourUtc } = s.config.traffic;
  const phase = (2 * Math.PI * (hour - peakHourUtc)) / 24;
  return troughRatio + (1 - troughRatio) * (0.5 + 0.5 * Math.cos(phase));
}

export function surgeMultiplier(s: SimState, e: EndpointId, t: number): number {
  let m = 1;
  for (const f of s.faults) {
    if (
      f.spec.kind !== 'trafficSurge' ||
      !faultEnabled(f, s.flags) ||
      !f.spec.endpoints.includes(e)
    )
      continue;
    const ramp = f.spec.rampMs > 0 ? Math.min(1, (t - f.startedAt) / f.spec.rampMs) : 1;
    m *= 1 + (f.spec.multiplier - 1) * Math.max(0, ramp);
  }
  return m;
}

export type Demand = { user: Record<EndpointId, number>; retries: Record<EndpointId, number> };

/** Requests per second arriving at the edge this step, and how many of them are client retries. */
export function computeDemand(s: SimState, rng: Rng, t: number, out: Demand): void {
  const base = diurnal(s, t);
  const sigma = s.config.traffic.noise;
  const rho = 0.97;
  for (const e of ENDPOINT_IDS) {
    const prevNoise = s.traffic.noise[e];
    const noise = rho * prevNoise + Math.sqrt(1 - rho * rho) * sigma * rng.normal();
    s.traffic.noise[e] = noise;
    const cfg = s.config.endpoints[e];
    out.user[e] = Math.max(0, cfg.peakRps * base * (1 + noise) * surgeMultiplier(s, e, t));
    const retries = cfg.clientRetries;
    out.retries[e] =
      s.traffic.retriesEnabled && retries > 0
        ? s.traffic.lastFailRate[e] * (retries / (retries + 1))
        : 0;
  }
}
