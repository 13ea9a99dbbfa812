/**
 * The facts of a run that the scores, lessons and sentences rest on, each tied to the timeline
 * moment that shows it: the first page and its acknowledgement, who noticed first, the
 * declaration and updates, the diagnosis, the levers (harmful, restarts, the ones that brought
 * the service back) and the longest silence while users were hurt.
 */
import type { InspectTarget } from '../scenario/vocabulary.ts';
import type { PagerPage } from '../session/pager.ts';
import type { IncidentSession } from '../session/session.ts';
import type { AnswerKey } from './answer-key.ts';
import { inSolution, namesCause } from './answer-key.ts';
import type { ImpactFigures } from './impact.ts';
import type { BuiltTimeline, Moment } from './timeline.ts';

/** What an `inspect` of the database looks at: the views a DBA would open (checked names). */
const DATABASE_TARGETS: ReadonlySet<string> = new Set<InspectTarget>([
  'pg_stat_activity',
  'pg_stat_statements',
  'pg_locks',
  'explain',
  'pg_settings',
  'pg_stat_replication',
  'pg_replication_slots',
  'pg_stat_user_tables',
  'pgbouncer',
]);
/** Levers that restart pods. */
const RESTARTS: ReadonlySet<string> = new Set(['restartDeployment', 'deletePod']);

export interface Silence {
  readonly ms: number;
  readonly from: number;
  readonly to: number;
  /** The moments at either end (the detection or last update, then the next update or the end). */
  readonly fromMoment: Moment | null;
  readonly toMoment: Moment | null;
}

export interface RunFacts {
  readonly startEpochMs: number;
  /** Simulated ms at which the record ends. */
  readonly recordEnd: number;
  readonly ended: boolean;
  readonly outcome: string;
  readonly impact: ImpactFigures;
  readonly moments: readonly Moment[];
  readonly impactMoment: Moment | null;
  readonly recoveredMoment: Moment | null;
  readonly endMoment: Moment | null;
  /** The first high-urgency page, the moment it rang, and the player's acknowledgement of it. */
  readonly firstPage: {
    readonly page: PagerPage;
    readonly moment: Moment | null;
    readonly ack: Moment | null;
  } | null;
  /** The first person in the channel to report trouble once the impact had begun. */
  readonly firstReport: Moment | null;
  /** Whichever came first of the two. */
  readonly detection: { readonly by: 'page' | 'person'; readonly moment: Moment } | null;
  readonly declaration: Moment | null;
  readonly severity: string | null;
  readonly updates: readonly Moment[];
  readonly roles: readonly Moment[];
  readonly hypotheses: readonly { readonly moment: Moment; readonly matches: boolean }[];
  /** The first correct hypothesis or the story's `diagnosed` milestone, whichever came first. */
  readonly diagnosis: {
    readonly moment: Moment;
    readonly by: 'hypothesis' | 'milestone';
    /** For the milestone: the look that reached it. */
    readonly trigger: Moment | null;
  } | null;
  readonly diagnosedMilestone: Moment | null;
  readonly mitigatedMilestone: Moment | null;
  /** The story's `resolved` milestone (or its end when the outcome is `resolved`). */
  readonly resolved: Moment | null;
  readonly levers: readonly Moment[];
  readonly harmful: readonly Moment[];
  readonly restarts: readonly Moment[];
  readonly firstDatabaseLook: Moment | null;
  readonly hints: readonly Moment[];
  /** Levers of the solution pulled before the impact ended, plus the one the story credited. */
  readonly recoveryLevers: readonly Moment[];
  /** Without those: the last lever pulled before the impact ended (not part of the known fix). */
  readonly otherLever: Moment | null;
  /** Levers of the solution pulled after the impact had ended (they keep it from coming back). */
  readonly laterFixes: readonly Moment[];
  /** The longest time without an update (or the declaration) while the impact lasted. */
  readonly silence: Silence | null;
}

const isPlayer = (m: Moment): boolean => m.action !== undefined && m.actor !== 'system';
const actionType = (m: Moment): string => m.action?.type ?? '';

/** The player's action right before entry `index` at the same moment: what moved the story. */
function triggerOf(session: IncidentSession, built: BuiltTimeline, index: number): Moment | null {
  const entries = session.run.timeline;
  const at = entries[index]!.t;
  for (let i = index - 1; i >= 0 && entries[i]!.t === at; i--)
    if (entries[i]!.kind === 'action') return built.ofEntry[i] ?? null;
  return null;
}

function milestoneEntry(session: IncidentSession, name: string): number {
  return session.run.timeline.findIndex((e) => e.kind === 'milestone' && e.name === name);
}

function firstPageOf(session: IncidentSession, moments: readonly Moment[]): RunFacts['firstPage'] {
  const pages = session.pager.alerts().filter((p) => p.severity === 'page');
  if (pages.length === 0) return null;
  const page = pages.reduce((a, b) => (b.firedAt < a.firedAt ? b : a));
  const moment =
    moments.find((m) => m.kind === 'page' && m.alert === page.name && m.t === page.firedAt) ?? null;
  const ack =
    page.acknowledgedAt === null
      ? null
      : (moments.find(
          (m) =>
            actionType(m) === 'acknowledgeAlert' &&
            m.action?.['alert'] === page.name &&
            m.t === page.acknowledgedAt,
        ) ?? null);
  return { page, moment, ack };
}

/** The longest gap between the moments someone spoke to the organisation, while users were hurt. */
function longestSilence(
  impact: ImpactFigures,
  start: { t: number; moment: Moment | null },
  end: { t: number; moment: Moment | null },
  spoken: readonly Moment[],
): Silence | null {
  if (impact.startedAt === null || end.t <= start.t) return null;
  const points = [
    start,
    ...spoken.filter((m) => m.t > start.t && m.t < end.t).map((m) => ({ t: m.t, moment: m })),
    end,
  ];
  let best: Silence | null = null;
  for (let i = 1; i < points.length; i++) {
    const ms = points[i]!.t - points[i - 1]!.t;
    if (!best || ms > best.ms)
      best = {
        ms,
        from: points[i - 1]!.t,
        to: points[i]!.t,
        fromMoment: points[i - 1]!.moment,
        toMoment: points[i]!.moment,
      };
  }
  return best;
}

export function runFacts(
  session: IncidentSession,
  built: BuiltTimeline,
  impact: ImpactFigures,
  key: AnswerKey,
): RunFacts {
  const moments = built.moments;
  const find = (p: (m: Moment) => boolean): Moment | null => moments.find(p) ?? null;
  const impactMoment = find((m) => m.kind === 'impact');
  const recoveredMoment = find((m) => m.kind === 'recovered');
  const endMoment = find((m) => m.kind === 'end');
  const recordEnd = session.t;

  const firstPage = firstPageOf(session, moments);
  const firstReport =
    impact.startedAt === null
      ? null
      : find((m) => m.kind === 'message' && m.t >= impact.startedAt!);
  const pageMoment = firstPage?.moment ?? null;
  const detection =
    pageMoment && (!firstReport || pageMoment.t <= firstReport.t)
      ? { by: 'page' as const, moment: pageMoment }
      : firstReport
        ? { by: 'person' as const, moment: firstReport }
        : null;

  const player = moments.filter(isPlayer);
  const declaration = player.find((m) => actionType(m) === 'declareIncident') ?? null;
  const updates = player.filter((m) => actionType(m) === 'postUpdate');
  const hypotheses = player
    .filter((m) => actionType(m) === 'hypothesis')
    .map((m) => ({ moment: m, matches: namesCause(key, String(m.action?.['text'] ?? '')) }));

  const milestone = (name: string): Moment | null => {
    const i = milestoneEntry(session, name);
    return i < 0 ? null : (built.ofEntry[i] ?? null);
  };
  const diagnosedMilestone = milestone('diagnosed');
  const mitigatedMilestone = milestone('mitigated');
  const rightHypothesis = hypotheses.find((h) => h.matches)?.moment ?? null;
  const diagnosis =
    rightHypothesis && (!diagnosedMilestone || rightHypothesis.t <= diagnosedMilestone.t)
      ? { moment: rightHypothesis, by: 'hypothesis' as const, trigger: null }
      : diagnosedMilestone
        ? {
            moment: diagnosedMilestone,
            by: 'milestone' as const,
            trigger: triggerOf(session, built, milestoneEntry(session, 'diagnosed')),
          }
        : null;
  const resolved =
    milestone('resolved') ?? (session.run.ended?.outcome === 'resolved' ? endMoment : null);

  const levers = moments.filter((m) => m.kind === 'lever');
  const harmful = levers.filter((m) => m.harmful);
  const restarts = levers.filter((m) => RESTARTS.has(actionType(m)));
  const firstDatabaseLook =
    player.find(
      (m) =>
        (actionType(m) === 'inspect' && DATABASE_TARGETS.has(String(m.action?.['target']))) ||
        /^\s*psql\b/.test(m.via?.line ?? ''),
    ) ??
    moments.find((m) => m.kind === 'command' && /^\s*psql\b/.test(m.via?.line ?? '')) ??
    null;
  const hints = player.filter((m) => actionType(m) === 'takeHint');

  const credited = mitigatedMilestone
    ? triggerOf(session, built, milestoneEntry(session, 'mitigated'))
    : null;
  const recoveryLevers =
    impact.endedAt === null
      ? []
      : levers.filter(
          (m) =>
            m.t <= impact.endedAt! &&
            ((m.action !== undefined && inSolution(key, m.action)) || m === credited),
        );

  const beforeEnd = levers.filter((m) => impact.endedAt !== null && m.t <= impact.endedAt);
  const otherLever = recoveryLevers.length === 0 ? (beforeEnd[beforeEnd.length - 1] ?? null) : null;
  const laterFixes =
    impact.endedAt === null
      ? []
      : levers.filter(
          (m) => m.t > impact.endedAt! && m.action !== undefined && inSolution(key, m.action),
        );

  const silence = longestSilence(
    impact,
    detection && impact.startedAt !== null && detection.moment.t > impact.startedAt
      ? { t: detection.moment.t, moment: detection.moment }
      : { t: impact.startedAt ?? 0, moment: impactMoment },
    impact.endedAt !== null
      ? { t: impact.endedAt, moment: recoveredMoment }
      : { t: recordEnd, moment: endMoment },
    declaration ? [declaration, ...updates] : updates,
  );

  return {
    startEpochMs: session.run.sim.state.config.startEpochMs,
    recordEnd,
    ended: session.ended,
    outcome: session.run.ended?.outcome ?? 'inProgress',
    impact,
    moments,
    impactMoment,
    recoveredMoment,
    endMoment,
    firstPage,
    firstReport,
    detection,
    declaration,
    severity: session.incident.severity,
    updates,
    roles: player.filter((m) => actionType(m) === 'assignRole'),
    hypotheses,
    diagnosis,
    diagnosedMilestone,
    mitigatedMilestone,
    resolved,
    levers,
    harmful,
    restarts,
    firstDatabaseLook,
    hints,
    recoveryLevers,
    otherLever,
    laterFixes,
    silence,
  };
}
