/** Words and times of the incident screen, in the current locale. */
import { CATALOGUES, interpolate, lookup, t } from '../i18n/index.ts';

/** `09:19` under an hour, `1:02:03` after. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export const elapsedLabel = (ms: number): string =>
  t('incident.feed.time', { elapsed: formatElapsed(ms) });

/**
 * The catalogue's word for a value of an open vocabulary (a severity, a role, a milestone), or
 * the value itself when a scenario uses one the catalogue does not know yet.
 */
function word(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return Object.hasOwn(CATALOGUES.en, key) ? lookup(key) : value;
}

export const severityLabel = (severity: string): string => word('incident.severity', severity);
export const roleLabel = (role: string): string => word('incident.role', role);
export const milestoneLabel = (name: string): string => word('incident.milestone', name);
export const outcomeLabel = (outcome: string): string => word('incident.outcome', outcome);
export const endLabel = (outcome: string): string => word('incident.end', outcome);

/** A reply's text: its catalogue key filled with its params (params stay text, never markup). */
export const catalogueText = (key: string, params?: Readonly<Record<string, string | number>>) =>
  interpolate(lookup(key), params);

/** Who a page goes to, as the catalogue names them ("Mei (DBA on-call)"). */
export const targetLabel = (target: string): string => word('reply.from', target);
export const audienceLabel = (audience: string): string =>
  word('incident.respond.audience', audience);
export const updateStatusLabel = (status: string): string =>
  word('incident.respond.status', status);
/** A severity with its meaning ("SEV2 · major"), for the composer's choices. */
export const severityChoiceLabel = (severity: string): string =>
  word('incident.respond.severity', severity);
