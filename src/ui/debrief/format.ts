/** Times and words of the debrief, in the current locale. */
import { CATALOGUES, lookup, t } from '../../i18n/index.ts';
import type { TimelineActor, TimelineMark, Verdict } from '../../postmortem/model.ts';
import { formatClock } from '../dashboards/time.ts';
import { formatElapsed } from '../incident-format.ts';

/** `14:07:12`: the UTC clock at a moment of the run (simulated ms since its start). */
export const utcTime = (startEpochMs: number, ms: number): string =>
  formatClock((startEpochMs + ms) / 1000, true);

/** `T+07:12`: how far into the run a moment is. */
export const sinceStart = (ms: number): string =>
  t('debrief.time.since', { elapsed: formatElapsed(ms) });

export const markLabel = (mark: TimelineMark): string => t(`debrief.mark.${mark}`);
export const verdictLabel = (verdict: Verdict): string => t(`debrief.verdict.${verdict}`);
export const actorLabel = (actor: TimelineActor): string => t(`debrief.actor.${actor}`);

/** The story's outcome as a word; a scenario's own outcome name when the catalogue has none. */
export function outcomeWord(outcome: string): string {
  const key = `incident.outcome.${outcome}`;
  if (Object.hasOwn(CATALOGUES.en, key)) return lookup(key);
  return outcome === 'inProgress' ? t('debrief.outcome.inProgress') : outcome;
}
