/**
 * The fixed vocabulary a scenario's statechart may use: effects (xstate actions) and guards,
 * each with a schema for its params. The engine binds these names with `setup({ actions, guards })`.
 */
import './zod-setup.ts';
import { z } from 'zod';
import { FAULT_KINDS, METRICS, parseDuration } from '../sim/index.ts';

export const METRIC_KEYS = METRICS.map((m) => m.key);
export const DEPLOYMENTS = ['api', 'web', 'coredns'] as const;
export const MILESTONES = ['detected', 'diagnosed', 'mitigated', 'resolved'] as const;
/**
 * What a player does besides pulling a lever: look at something (a console command that reads
 * state), or communicate. Scenario machines match these with `playerDid`, like the levers.
 */
export const PLAYER_EVENT_TYPES = [
  'inspect',
  'declareIncident',
  'assignRole',
  'postUpdate',
  'page',
  'hypothesis',
  'markMilestone',
  'acknowledgeAlert',
  'escalateAlert',
  'resolveAlert',
  'takeHint',
  'clarify',
  'note',
  'decision',
  'facilitatorNote',
  'inject',
  'revealClue',
] as const;
export type PlayerEventType = (typeof PLAYER_EVENT_TYPES)[number];

/** What an `inspect` looked at: the evidence an SRE gathers, one name per kind of view. */
export const INSPECT_TARGETS = [
  'pods',
  'deployments',
  'services',
  'events',
  'pod-details',
  'logs',
  'rollout',
  'resource-usage',
  'resolv-conf',
  'pg_stat_activity',
  'pg_stat_statements',
  'pg_locks',
  'explain',
  'pg_settings',
  'pg_stat_replication',
  'pg_replication_slots',
  'pg_stat_user_tables',
  'pgbouncer',
  'dns-lookup',
  'http-timing',
  'redis-info',
  'certificate',
  'host-resources',
] as const;
export type InspectTarget = (typeof INSPECT_TARGETS)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const INCIDENT_ROLES = ['commander', 'operations', 'communications', 'scribe'] as const;
/** Who can be paged; each answers later with what they can see from where they sit. */
export const PAGE_TARGETS = [
  'secondary',
  'dba',
  'platform',
  'network',
  'payments',
  'manager',
] as const;
export type PageTarget = (typeof PAGE_TARGETS)[number];

/**
 * What a facilitator (or an interviewer) can drop into a running incident: another team pages in
 * with what they see, an executive asks for an ETA, a teammate goes offline (their roles fall
 * free), a second alert fires. What each says is read from the system at that moment.
 */
export const INJECT_EVENTS = [
  'partnerReport',
  'executiveEta',
  'teammateOffline',
  'secondAlert',
] as const;
export type InjectEvent = (typeof INJECT_EVENTS)[number];

/** Player events only a facilitator may send: a player's window refuses them from its own panels. */
export const FACILITATOR_EVENTS = ['facilitatorNote', 'inject', 'revealClue'] as const;

export const OUTCOMES = ['resolved', 'failed', 'timedOut'] as const;
export const SPEAKER_ROLES = [
  'teammate',
  'stakeholder',
  'manager',
  'support',
  'otherTeam',
] as const;

/** A duration written as `90s`, `5m`, `1h30m` or `250ms` (or a number of milliseconds). */
export const Duration = z.union([
  z.number().int().nonnegative(),
  z.string().refine((s) => parseDuration(s) !== null, {
    message: 'expected a duration such as "90s", "5m" or "1h30m"',
  }),
]);

export const toMs = (d: z.infer<typeof Duration>): number =>
  typeof d === 'number' ? d : (parseDuration(d) ?? 0);

const FaultKind = z.enum(FAULT_KINDS as unknown as [string, ...string[]]);
const MetricKey = z.enum(METRIC_KEYS as [string, ...string[]]);

export const EFFECTS = {
  injectFault: z.strictObject({
    id: z.string().min(1),
    kind: FaultKind,
    params: z.record(z.string(), z.unknown()).optional(),
  }),
  clearFault: z.strictObject({ id: z.string().min(1) }),
  /** The delivery pipeline ships a release (the story's trigger, not the player's action). */
  deploy: z.strictObject({ deployment: z.enum(['api', 'web']), version: z.string().min(1) }),
  fireAlert: z.strictObject({
    name: z.string().min(1),
    severity: z.enum(['page', 'warning', 'ticket']),
    summary: z.string().min(1),
  }),
  resolveAlert: z.strictObject({ name: z.string().min(1) }),
  say: z.strictObject({
    from: z.string().min(1),
    role: z.enum(SPEAKER_ROLES),
    text: z.string().min(1),
  }),
  hint: z.strictObject({ level: z.number().int().min(1).max(3), text: z.string().min(1) }),
  milestone: z.strictObject({ name: z.enum(MILESTONES) }),
  end: z.strictObject({ outcome: z.enum(OUTCOMES), reason: z.string().optional() }),
} as const;

export const GUARDS = {
  metricAbove: z.strictObject({ metric: MetricKey, value: z.number(), for: Duration.optional() }),
  metricBelow: z.strictObject({ metric: MetricKey, value: z.number(), for: Duration.optional() }),
  playerDid: z.strictObject({
    action: z.string().min(1),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
  elapsed: z.strictObject({ after: Duration }),
  milestoneReached: z.strictObject({ name: z.enum(MILESTONES) }),
} as const;

export type EffectName = keyof typeof EFFECTS;
export type GuardName = keyof typeof GUARDS;
export const EFFECT_NAMES = Object.keys(EFFECTS) as EffectName[];
export const GUARD_NAMES = Object.keys(GUARDS) as GuardName[];
