/** Wall-clock views of the sim's time, as tools print them. */
import { civilFromEpochMs, MONTHS, WEEKDAYS } from '../../sim/index.ts';
import type { SimState } from '../../sim/index.ts';
import { pad2 } from './format.ts';

/** The UTC wall-clock time of a sim instant. */
export const epochOf = (state: SimState, t: number = state.t): number =>
  state.config.startEpochMs + t;

export function civilFromTime(state: SimState, t: number = state.t) {
  const c = civilFromEpochMs(epochOf(state, t));
  return {
    ...c,
    weekday: WEEKDAYS[c.weekday]!,
    monthName: MONTHS[c.month - 1]!,
    clock: `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`,
  };
}
