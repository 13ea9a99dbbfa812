/**
 * The words the two views put on the model's codes: role, mode, outcome, link state, actor and
 * milestone names, and the interview countdown. Unknown codes are shown as they come, as text.
 */
import { t } from '../../i18n/index.ts';
import type { PlainMessageKey } from '../../i18n/index.ts';
import type { ActivityView, InjectView, LinkState, MilestoneView } from './model.ts';

/** The incident roles, in the order a room hands them out (the session's INCIDENT_ROLES). */
export const INCIDENT_ROLES = ['commander', 'operations', 'communications', 'scribe'] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

const ROLE_KEYS: Readonly<Record<IncidentRole, PlainMessageKey>> = {
  commander: 'channel.roles.role.commander',
  operations: 'channel.roles.role.operations',
  communications: 'channel.roles.role.communications',
  scribe: 'channel.roles.role.scribe',
};

const MODE_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  practice: 'history.mode.practice',
  interview: 'history.mode.interview',
  classroom: 'history.mode.classroom',
};

const OUTCOME_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  resolved: 'incident.outcome.resolved',
  failed: 'incident.outcome.failed',
  timedOut: 'incident.outcome.timedOut',
};

const LINK_KEYS: Readonly<Record<LinkState, PlainMessageKey>> = {
  waiting: 'facilitator.link.waiting',
  inSync: 'facilitator.link.inSync',
  resyncing: 'facilitator.link.resyncing',
  lost: 'facilitator.link.lost',
};

const ACTOR_KEYS: Readonly<Record<ActivityView['actor'], PlainMessageKey>> = {
  player: 'facilitator.actor.player',
  facilitator: 'facilitator.actor.facilitator',
  team: 'facilitator.actor.team',
  system: 'facilitator.actor.system',
  story: 'facilitator.actor.story',
};

const MILESTONE_KEYS: Readonly<Record<MilestoneView['name'], PlainMessageKey>> = {
  detected: 'facilitator.milestone.detected',
  diagnosed: 'facilitator.milestone.diagnosed',
  mitigated: 'facilitator.milestone.mitigated',
  resolved: 'facilitator.milestone.resolved',
};

/** Each inject's button label and what it does, in one line. */
export const INJECT_WORDS: Readonly<
  Record<
    InjectView['id'],
    { readonly label: PlainMessageKey; readonly description: PlainMessageKey }
  >
> = {
  partnerReport: {
    label: 'facilitator.inject.partnerReport.label',
    description: 'facilitator.inject.partnerReport.description',
  },
  executiveEta: {
    label: 'facilitator.inject.executiveEta.label',
    description: 'facilitator.inject.executiveEta.description',
  },
  teammateOffline: {
    label: 'facilitator.inject.teammateOffline.label',
    description: 'facilitator.inject.teammateOffline.description',
  },
  secondAlert: {
    label: 'facilitator.inject.secondAlert.label',
    description: 'facilitator.inject.secondAlert.description',
  },
};

const known = (keys: Readonly<Record<string, PlainMessageKey>>, code: string): string => {
  const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
  return key === undefined ? code : t(key);
};

export const roleName = (role: string): string => known(ROLE_KEYS, role);
export const modeName = (mode: string): string => known(MODE_KEYS, mode);
export const outcomeName = (outcome: string): string => known(OUTCOME_KEYS, outcome);
export const linkName = (link: LinkState): string => t(LINK_KEYS[link]);
export const actorName = (actor: ActivityView['actor']): string => t(ACTOR_KEYS[actor]);
export const milestoneName = (name: MilestoneView['name']): string => t(MILESTONE_KEYS[name]);

/** "Operations lead · Ana", "Scribe", or null when nobody is credited. */
export function creditOf(item: {
  readonly role: string | null;
  readonly person: string | null;
}): string | null {
  if (item.role === null) return null;
  if (item.person === null || item.person === '') return roleName(item.role);
  return t('facilitator.activity.credit', { role: roleName(item.role), person: item.person });
}

/** The interview countdown as "12:05" (minutes can pass 59), rounded up to the second. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
