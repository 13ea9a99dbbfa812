/**
 * The one vocabulary of everything a player (or, later, a facilitator) can do: pull a lever on the
 * system, look at something, or communicate. The console, panel buttons and the incident channel
 * all produce these; the session stamps, applies and records them. Validated with zod so saved
 * runs and scenario files that name actions are checked the same way.
 */
import '../scenario/zod-setup.ts';
import { z } from 'zod';
import type { SimAction } from '../sim/index.ts';
import { FAULT_KINDS, QUERY_IDS } from '../sim/index.ts';
import {
  INCIDENT_ROLES,
  INJECT_EVENTS,
  INSPECT_TARGETS,
  MILESTONES,
  PAGE_TARGETS,
  SEVERITIES,
} from '../scenario/vocabulary.ts';
import type { PlayerEventType } from '../scenario/vocabulary.ts';

const Deployment = z.enum(['api', 'web', 'coredns']);
const Released = z.enum(['api', 'web']);
const PositiveInt = z.number().int().positive();

const BackendFilter = z.strictObject({
  state: z.enum(['idle in transaction', 'active', 'idle']).optional(),
  query: z.enum(QUERY_IDS).optional(),
  olderThanMs: z.number().nonnegative().optional(),
  pid: z.number().int().positive().optional(),
  count: z.number().int().positive().optional(),
});

/** Levers: each maps one to one onto a simulation action. */
export const LEVERS = {
  injectFault: z.strictObject({
    id: z.string().min(1),
    // Fault parameters are checked by the sim's own fault defaults when the fault is made.
    fault: z.looseObject({ kind: z.enum(FAULT_KINDS) }),
  }),
  clearFault: z.strictObject({ id: z.string().min(1) }),
  deploy: z.strictObject({
    deployment: Released,
    version: z.string().min(1),
    changeCause: z.string().optional(),
  }),
  rollback: z.strictObject({ deployment: Released, toRevision: PositiveInt.optional() }),
  restartDeployment: z.strictObject({ deployment: Deployment }),
  deletePod: z.strictObject({ pod: z.string().min(1) }),
  scale: z.strictObject({ deployment: Deployment, replicas: z.number().int().nonnegative() }),
  setPoolSize: z.strictObject({ maxConns: PositiveInt }),
  setPgbouncer: z.strictObject({
    defaultPoolSize: PositiveInt.optional(),
    maxClientConn: PositiveInt.optional(),
  }),
  setPostgresSetting: z.strictObject({
    name: z.enum(['max_connections', 'statement_timeout', 'idle_in_transaction_session_timeout']),
    value: z.number().nonnegative(),
  }),
  reloadPostgres: z.strictObject({}),
  restartPostgres: z.strictObject({}),
  terminateBackends: z.strictObject({
    filter: BackendFilter,
    cancelOnly: z.boolean().optional(),
  }),
  createIndex: z.strictObject({
    name: z.string().min(1),
    table: z.string().min(1),
    columns: z.string().min(1),
    concurrently: z.boolean(),
  }),
  analyzeTable: z.strictObject({ table: z.string().min(1) }),
  setResolverOptions: z.strictObject({
    ndots: z.number().int().min(0).max(15).optional(),
    timeoutMs: PositiveInt.optional(),
    attempts: z.number().int().min(1).max(5).optional(),
  }),
  fixDnsRecord: z.strictObject({ host: z.string().min(1) }),
  flushDnsCache: z.strictObject({}),
  failover: z.strictObject({}),
  shedLoad: z.strictObject({ ratio: z.number().min(0).max(1) }),
  setRetries: z.strictObject({ enabled: z.boolean() }),
  setFlag: z.strictObject({ flag: z.string().min(1), value: z.boolean() }),
  dropReplicationSlot: z.strictObject({ slot: z.string().min(1) }),
  resizeVolume: z.strictObject({ bytes: PositiveInt }),
  renewCertificate: z.strictObject({}),
  setMemoryLimit: z.strictObject({ mib: PositiveInt }),
  stopJob: z.strictObject({ name: z.string().min(1) }),
  flushCache: z.strictObject({}),
} as const;

/** Observation and communication: they change nothing in the system, but the story sees them. */
export const PLAYER_EVENTS = {
  inspect: z.strictObject({
    target: z.enum(INSPECT_TARGETS),
    /** What exactly was looked at: a pod, a query, a host name. */
    subject: z.string().optional(),
  }),
  declareIncident: z.strictObject({ severity: z.enum(SEVERITIES), title: z.string().min(1) }),
  assignRole: z.strictObject({ role: z.enum(INCIDENT_ROLES), person: z.string().min(1) }),
  postUpdate: z.strictObject({
    audience: z.enum(['internal', 'statusPage']),
    status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
    text: z.string().min(1).max(4000),
  }),
  page: z.strictObject({ target: z.enum(PAGE_TARGETS), message: z.string().max(2000) }),
  hypothesis: z.strictObject({ text: z.string().min(1).max(2000) }),
  markMilestone: z.strictObject({ name: z.enum(MILESTONES) }),
  /** The pager: take a firing page, hand it to a team, or close it (src/session/pager.ts). */
  acknowledgeAlert: z.strictObject({ alert: z.string().min(1) }),
  escalateAlert: z.strictObject({ alert: z.string().min(1), target: z.enum(PAGE_TARGETS) }),
  resolveAlert: z.strictObject({ alert: z.string().min(1) }),
  /** The player chose to read a hint the story offered (counted in the scores). */
  takeHint: z.strictObject({ level: z.number().int().min(1).max(3) }),
  /** A clarifying question asked before the page (interview mode); `question` is its id. */
  clarify: z.strictObject({ question: z.string().min(1).max(100) }),
  /** The player thinking aloud (interview notes): kept for the feedback and the postmortem. */
  note: z.strictObject({ text: z.string().min(1).max(4000) }),
  /** A decision the class or the team made, credited to the role that made it. */
  decision: z.strictObject({
    text: z.string().min(1).max(2000),
    role: z.enum(INCIDENT_ROLES).optional(),
  }),
  /** Facilitator only: a note for the postmortem. */
  facilitatorNote: z.strictObject({ text: z.string().min(1).max(4000) }),
  /** Facilitator only: an event from the inject library (src/session/injects.ts). */
  inject: z.strictObject({ event: z.enum(INJECT_EVENTS) }),
  /** Facilitator only: shows the player the answer key's clue of that level. */
  revealClue: z.strictObject({ level: z.number().int().min(1).max(3) }),
} as const;

type Schemas = typeof LEVERS & typeof PLAYER_EVENTS;
/** A schema with no fields infers `Record<string, never>`, whose index signature would forbid `type`. */
type Fields<T> = string extends keyof T ? unknown : T;
type Variant<K extends keyof Schemas> = { type: K } & Fields<z.infer<Schemas[K]>>;

export type LeverType = keyof typeof LEVERS;
export type PlayerEventName = keyof typeof PLAYER_EVENTS;
export type ActionType = keyof Schemas;
export type LeverAction = { [K in LeverType]: Variant<K> }[LeverType];
export type PlayerEvent = { [K in PlayerEventName]: Variant<K> }[PlayerEventName];
/** Anything a player does. */
export type PlayerAction = LeverAction | PlayerEvent;

export const LEVER_TYPES = Object.keys(LEVERS) as LeverType[];
export const PLAYER_EVENT_NAMES = Object.keys(PLAYER_EVENTS) as PlayerEventName[];

const variants = [...LEVER_TYPES, ...PLAYER_EVENT_NAMES].map((type) => {
  const schema =
    (LEVERS as Record<string, z.ZodObject>)[type] ??
    (PLAYER_EVENTS as Record<string, z.ZodObject>)[type]!;
  return schema.extend({ type: z.literal(type) });
});

/** The union as one schema, for data that holds actions (saved runs, facilitator messages). */
export const PlayerActionSchema = z.discriminatedUnion(
  'type',
  variants as unknown as [z.ZodObject, ...z.ZodObject[]],
);

export function isLever(action: PlayerAction): action is LeverAction {
  return action.type in LEVERS;
}

/** The sim's action for a lever. The types line up; the check below keeps them that way. */
export function toSimAction(action: LeverAction): SimAction {
  return action as SimAction;
}

export type ParsedAction = { ok: true; action: PlayerAction } | { ok: false; errors: string[] };

/** Validates unknown data as an action, with one readable message per problem. */
export function parseAction(data: unknown): ParsedAction {
  const r = PlayerActionSchema.safeParse(data);
  if (r.success) return { ok: true, action: r.data as PlayerAction };
  return {
    ok: false,
    errors: r.error.issues.map((i) =>
      i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
    ),
  };
}

// Compile-time proof that every lever is a sim action of the same shape (and the reverse).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const leverTypesMatch: Exact<LeverType, SimAction['type']> = true;
void leverTypesMatch;
// ...and that scenarios may name (`playerDid`) exactly the player events defined here.
const eventTypesMatch: Exact<PlayerEventName, PlayerEventType> = true;
void eventTypesMatch;
