/**
 * Whether a wrong fix did the harm the answer key names: its metric went above `peakAbove` at
 * some second after the lever was pulled.
 */
import type { MetricStore } from '../sim/index.ts';
import { M } from '../sim/index.ts';
import type { Moment } from './timeline.ts';

export interface HarmSeen {
  readonly shown: boolean;
  /** The metric's peak after the lever, and when. */
  readonly peak: number;
  readonly t: number;
}

export function harmAfter(metrics: MetricStore, moment: Moment): HarmSeen | null {
  const harm = moment.wrongFix?.harm;
  const column = harm ? M[harm.metric] : undefined;
  if (!harm || column === undefined) return null;
  const times = metrics.timesArray();
  const values = metrics.values(column);
  let peak = Number.NEGATIVE_INFINITY;
  let at = moment.t;
  for (let i = 0; i < times.length; i++)
    if (times[i]! > moment.t && values[i]! > peak) {
      peak = values[i]!;
      at = times[i]!;
    }
  if (peak === Number.NEGATIVE_INFINITY) return { shown: false, peak: 0, t: moment.t };
  return { shown: peak > harm.peakAbove, peak, t: at };
}
