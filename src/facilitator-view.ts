/**
 * Reads a followed run (the mirror's copy of the session) into what the facilitator console and
 * the projector view draw (src/ui/facilitator/model.ts). A composition-root module: it may read
 * the session and the scenario's answer key; the views get plain data.
 */
import type { Mirror } from './link/mirror.ts';
import type { RunMeta } from './link/protocol.ts';
import { sameAction } from './postmortem/answer-key.ts';
import {
  describeEvent,
  describeLever,
  personName,
  tr,
  upperFirst,
  word,
} from './postmortem/describe.ts';
import { RoleHolders } from './postmortem/credit.ts';
import { discussionPrompts } from './postmortem/facilitation.ts';
import type { TimelineEntry } from './scenario/runner.ts';
import { INJECT_EVENTS, MILESTONES } from './scenario/vocabulary.ts';
import type { InjectEvent } from './scenario/vocabulary.ts';
import type { InjectEvent as ViewInjectEvent } from './ui/facilitator/model.ts';
import type { IncidentSession } from './session/session.ts';
import { formatClock } from './sim/index.ts';
import type {
  ActivityView,
  ClockView,
  FacilitatorView,
  LinkState,
  PromptView,
  ProjectorView,
} from './ui/facilitator/model.ts';
import { catalogueText } from './ui/incident-format.ts';

/** The facilitator sees this many lines of activity; the projector a handful. */
const ACTIVITY_LINES = 300;
const PROJECTOR_FEED_LINES = 6;

export interface Followed {
  readonly meta: RunMeta;
  readonly session: IncidentSession;
  readonly link: LinkState;
  readonly speed: number;
}

/** The mirror's run, once it has one. */
export function followedOf(mirror: Mirror): Followed | null {
  const { meta, session } = mirror;
  return meta && session ? { meta, session, link: mirror.link, speed: mirror.speed } : null;
}

function clockOf({ meta, session, speed }: Followed): ClockView {
  const startEpochMs = session.run.sim.state.config.startEpochMs;
  return {
    utc: formatClock(startEpochMs + session.t),
    elapsedMs: session.t,
    speed: session.ended ? 0 : speed,
    remainingMs: meta.limitMs === null ? null : Math.max(0, meta.limitMs - session.t),
  };
}

const firstT = (entries: readonly TimelineEntry[], test: (e: TimelineEntry) => boolean) =>
  entries.find(test)?.t ?? null;

/** Each timeline entry as a line of activity; roles are credited as the run assigned them. */
function activityOf(session: IncidentSession, credit: boolean): ActivityView[] {
  const hints = new Map(session.scenario.answerKey.hints.map((h) => [h.level, h.text]));
  const roles = new RoleHolders();
  const out: ActivityView[] = [];
  const line = (e: TimelineEntry, actor: ActivityView['actor'], text: string): void => {
    const given = credit ? roles.creditOf(e) : null;
    out.push({
      t: e.t,
      actor,
      text,
      role: given?.role ?? null,
      person: given ? personName(given.person) : null,
    });
  };
  for (const e of session.run.timeline) {
    switch (e.kind) {
      case 'action': {
        const text = e.lever ? describeLever(e.action, 'past') : describeEvent(e.action, hints);
        // A decision the facilitator records is the class's; the rest is the facilitator's own.
        const facilitator = e.source === 'facilitator' && e.action.type !== 'decision';
        line(e, facilitator ? 'facilitator' : 'player', text);
        break;
      }
      case 'command':
        line(e, 'player', tr('postmortem.item.command', { line: e.via.line }));
        break;
      case 'reply':
        line(e, 'team', `${catalogueText(e.from)}: ${catalogueText(e.key, e.params)}`);
        break;
      case 'message':
        line(e, 'team', `${e.from}: ${e.text}`);
        break;
      case 'alert':
        line(e, 'system', `${e.name}: ${e.summary}`);
        break;
      case 'hint':
        line(e, 'story', tr('postmortem.event.hint', { level: e.level, text: e.text }));
        break;
      case 'milestone':
        line(e, 'story', upperFirst(word('postmortem.milestone', e.name)));
        break;
      case 'end': {
        const text = upperFirst(word('postmortem.outcome', e.outcome));
        // "Resolved" is both a milestone and the outcome: one line says it.
        if (out.at(-1)?.t !== e.t || out.at(-1)?.text !== text) line(e, 'story', text);
        break;
      }
      default:
        break;
    }
    roles.follow(e);
  }
  return out;
}

const rolesOf = (session: IncidentSession): Record<string, string> =>
  Object.fromEntries(
    Object.entries(session.incident.roles).map(([role, person]) => [role, personName(person)]),
  );

export function facilitatorViewOf(run: Followed): FacilitatorView {
  const { meta, session } = run;
  const key = session.scenario.answerKey;
  const timeline = session.run.timeline;
  const levers = timeline.filter(
    (e): e is Extract<TimelineEntry, { kind: 'action' }> => e.kind === 'action' && e.lever,
  );
  // A clue counts as given once any hint of its level reached the player (the story may word it
  // differently); an interview hides the story's hints, so there only a facilitator's clue counts.
  const storyHintsShown = meta.mode !== 'interview';
  const hintTimes = (level: number) =>
    firstT(
      timeline,
      (e) => e.kind === 'hint' && e.level === level && (e.by === 'facilitator' || storyHintsShown),
    );
  return {
    title: meta.title,
    mode: meta.mode,
    seed: meta.seed,
    link: run.link,
    clock: clockOf(run),
    stage: session.run.state,
    ended: session.run.ended ? { outcome: session.run.ended.outcome } : null,
    answerKey: {
      rootCause: key.rootCause,
      trigger: key.trigger,
      contributingFactors: key.contributingFactors,
      redHerrings: key.redHerrings,
      solution: key.solution.map((step) => ({
        text: describeLever({ type: step.action, ...step.params }, 'step'),
        doneAt: levers.find((e) => sameAction(step, e.action))?.t ?? null,
      })),
      wrongFixes: key.wrongFixes.map((w) => ({
        id: w.id,
        description: w.harm.description,
        takenAt: levers.find((e) => w.actions.some((a) => sameAction(a, e.action)))?.t ?? null,
      })),
    },
    milestones: MILESTONES.map((name) => ({
      name,
      at: firstT(timeline, (e) => e.kind === 'milestone' && e.name === name),
    })),
    activity: activityOf(session, meta.mode === 'classroom').slice(-ACTIVITY_LINES),
    hypotheses: session.incident.hypotheses,
    notes: session.incident.notes,
    clues: key.hints.map((h) => ({
      level: h.level,
      text: h.text,
      revealedAt: hintTimes(h.level),
    })),
    injects: INJECT_EVENTS.map((id) => ({
      id,
      sent: session.incident.injects.filter((i) => i.event === id).length,
    })),
    roles: rolesOf(session),
    decisions: session.incident.decisions,
    facilitatorNotes: session.incident.facilitatorNotes,
    prompts: discussionPrompts(session),
  };
}

export function projectorViewOf(run: Followed): ProjectorView {
  const { meta, session } = run;
  const reached = discussionPrompts(session).filter((p) => p.reachedAt !== null);
  // The prompt of the stage reached last; at the end, the first of the end's prompts.
  // The prompt reached last; at the end, the first of the end's prompts.
  const latest = reached.reduce<PromptView | undefined>(
    (best, p) => (best === undefined || (p.reachedAt ?? 0) > (best.reachedAt ?? 0) ? p : best),
    undefined,
  );
  // The room sees the question, not the story's stage names (they hint at the answer).
  const prompt = latest ? { ...latest, stage: null } : null;
  return {
    title: meta.title,
    link: run.link,
    clock: clockOf(run),
    ended: session.run.ended ? { outcome: session.run.ended.outcome } : null,
    roles: rolesOf(session),
    prompt,
    decisions: session.incident.decisions,
    // What the players see: no facilitator lines (notes), no story internals beyond hints.
    feed: activityOf(session, true)
      .filter((a) => a.actor !== 'facilitator')
      .slice(-PROJECTOR_FEED_LINES),
    firing: session.pager
      .alerts()
      .filter((p) => p.state !== 'resolved')
      .map((p) => ({ name: p.name, severity: p.severity, summary: p.summary })),
  };
}

// The views name the injects themselves (the ui layer may not import the scenario's vocabulary).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const injectsAgree: Same<InjectEvent, ViewInjectEvent> = true;
void injectsAgree;
