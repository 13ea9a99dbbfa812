/**
 * The postmortem's timeline: every moment of the run that matters, in order, each with what it
 * rests on. It merges the story's timeline (deploys, messages, milestones, the player's actions
 * with their console lines, teammates' replies), the simulation's alert events, the pager's own
 * log (pages that rang again) and two moments measured from the SLI: impact began and ended.
 * Faults are left out (the causes section tells the cause); so are the story's hints, unless the
 * player chose to read one.
 */
import type { PagerNotice } from '../session/pager.ts';
import type { IncidentSession } from '../session/session.ts';
import type { Evidence, PlayerRecord, TimelineEntry } from '../scenario/runner.ts';
import { ALERT_RULES } from '../sim/index.ts';
import type { SimEvent } from '../sim/index.ts';
import type { AnswerKey, WrongFix } from './answer-key.ts';
import { wrongFixOf } from './answer-key.ts';
import { RoleHolders } from './credit.ts';
import { clipLine, describeEvent, describeLever, plural, tr, word } from './describe.ts';
import { formatDuration, formatMs, formatPercent, formatRate } from './format.ts';
import type { ImpactFigures, SliSeries } from './impact.ts';
import { IMPACT_SETTLE_MS, totals } from './impact.ts';
import type { TimelineActor, TimelineEvidence, TimelineItem, TimelineMark } from './model.ts';

/** Lines of a command's output the timeline keeps, and characters at most. */
const OUTPUT_LINES = 12;
const OUTPUT_CHARS = 1200;

/** Player events that are communication: decision points, like levers. */
const COMMUNICATION: ReadonlySet<string> = new Set([
  'declareIncident',
  'assignRole',
  'postUpdate',
  'page',
  'escalateAlert',
]);

/** A timeline item while the postmortem is built: the model's fields plus what it came from. */
export interface Moment {
  id: number;
  readonly t: number;
  readonly kind: TimelineItem['kind'];
  readonly actor: TimelineActor;
  readonly marks: TimelineMark[];
  readonly text: string;
  readonly evidence: readonly TimelineEvidence[];
  readonly decision: boolean;
  readonly harmful: boolean;
  /** The player's action behind it (a lever, an inspect, a message...). */
  readonly action?: PlayerRecord;
  /** The console line behind it. */
  readonly via?: Evidence;
  /** The alert it is about, and that alert's severity. */
  readonly alert?: string;
  readonly severity?: string;
  readonly wrongFix?: WrongFix;
  /** A story milestone's name, or a story message's speaker. */
  readonly milestone?: string;
  readonly from?: string;
  /** Sorts moments of the same second: the sim's events, then the story and the player. */
  readonly rank: number;
  /** The incident role credited with a player's action, and who held it (classroom). */
  readonly credit?: { readonly role: string; readonly person: string };
}

type Draft = Omit<Moment, 'id' | 'marks' | 'decision' | 'harmful' | 'evidence' | 'rank'> & {
  decision?: boolean;
  harmful?: boolean;
  evidence?: readonly TimelineEvidence[];
  rank?: number;
};

const RANK = { start: 0, sim: 1, story: 2, after: 3, end: 4 } as const;

function moment(d: Draft): Moment {
  return {
    ...d,
    id: 0,
    marks: [],
    evidence: d.evidence ?? [],
    decision: d.decision ?? false,
    harmful: d.harmful ?? false,
    rank: d.rank ?? RANK.story,
  };
}

/** A console line and what it printed, clipped to a few lines. */
export function commandEvidence(via: Evidence): TimelineEvidence {
  const lines = via.output.replace(/\n+$/, '').split('\n');
  let output = lines.slice(0, OUTPUT_LINES).join('\n');
  if (output.length > OUTPUT_CHARS) output = `${output.slice(0, OUTPUT_CHARS)}…`;
  const more = lines.length - OUTPUT_LINES;
  if (more > 0) output += `\n${plural('postmortem.evidence.moreLines', more)}`;
  return { kind: 'command', line: via.line, output, exit: via.exit };
}

const RULES = new Map(ALERT_RULES.map((r) => [r.name, r]));

function alertEvidence(name: string, summary: string): TimelineEvidence {
  return { kind: 'alert', name, summary };
}

function alertFired(t: number, name: string, severity: string, summary: string): Draft {
  const paged = severity === 'page';
  return {
    t,
    kind: paged ? 'page' : 'alert',
    actor: 'system',
    text: paged
      ? tr('postmortem.item.paged', { alert: name })
      : tr('postmortem.item.alert', {
          alert: name,
          severity: word('postmortem.severity', severity),
        }),
    evidence: [alertEvidence(name, summary)],
    alert: name,
    severity,
    rank: RANK.sim,
  };
}

function alertResolved(t: number, name: string): Draft {
  return {
    t,
    kind: 'alertResolved',
    actor: 'system',
    text: tr('postmortem.item.alertResolved', { alert: name }),
    alert: name,
    rank: RANK.sim,
  };
}

/** Evidence of the SLI at sample `i`: failed and slow requests per second against the total. */
export function sliEvidence(s: SliSeries, first: number, last: number): TimelineEvidence[] {
  const n = last - first + 1;
  const sum = totals(s, first, last);
  const per = (v: number): number => v / n;
  const show = (v: number): string =>
    tr('postmortem.evidence.perSecond', {
      value: formatRate(per(v)),
      total: formatRate(per(sum.requests)),
      share: formatPercent(sum.requests > 0 ? v / sum.requests : 0),
    });
  return [
    {
      kind: 'metric',
      metric: 'sli_failed',
      label: word('postmortem.metric', 'sli_failed'),
      value: per(sum.failed),
      display: show(sum.failed),
    },
    {
      kind: 'metric',
      metric: 'sli_slow',
      label: word('postmortem.metric', 'sli_slow'),
      value: per(sum.slow),
      display: show(sum.slow),
    },
  ];
}

/** "Impact began" and "impact ended", with the SLI over the first minute and the settling time. */
function impactDrafts(s: SliSeries, impact: ImpactFigures, thresholdMs: number): Draft[] {
  const span = impact.span;
  if (!span || impact.startedAt === null) return [];
  const firstMinute = Math.min(span.last, span.first + 59);
  const sum = totals(s, span.first, firstMinute);
  const out: Draft[] = [
    {
      t: impact.startedAt,
      kind: 'impact',
      actor: 'system',
      text: tr('postmortem.item.impact', {
        share: formatPercent(sum.requests > 0 ? sum.bad / sum.requests : 0),
        threshold: formatMs(thresholdMs),
      }),
      evidence: sliEvidence(s, span.first, firstMinute),
      rank: RANK.start,
    },
  ];
  if (impact.endedAt !== null) {
    // The good service after the end: up to the settling time, or to the end of the record.
    const after = span.last + 1;
    let until = after;
    while (
      until + 1 < s.times.length &&
      s.times[until + 1]! - s.times[span.last]! <= IMPACT_SETTLE_MS
    )
      until++;
    const next = totals(s, after, until);
    out.push({
      t: impact.endedAt,
      kind: 'recovered',
      actor: 'system',
      text: tr('postmortem.item.recovered', {
        share: formatPercent(next.requests > 0 ? next.bad / next.requests : 0),
        duration: formatDuration(s.times[until]! - s.times[span.last]!),
      }),
      evidence: sliEvidence(s, after, until),
      rank: RANK.after,
    });
  }
  return out;
}

function actorOf(source: string): TimelineActor {
  return source === 'facilitator' ? 'team' : 'player';
}

function kindOfEvent(type: string): TimelineItem['kind'] {
  switch (type) {
    case 'inspect':
      return 'command';
    case 'declareIncident':
      return 'declare';
    case 'hypothesis':
      return 'hypothesis';
    case 'acknowledgeAlert':
      return 'acknowledge';
    case 'resolveAlert':
      return 'page';
    case 'markMilestone':
      return 'milestone';
    case 'takeHint':
      return 'hint';
    default:
      return 'communication';
  }
}

/** The story's timeline entries as drafts; `owner[i]` is the draft standing for entry `i`. */
function entryDrafts(
  entries: readonly TimelineEntry[],
  key: AnswerKey,
  credit: boolean,
): { drafts: Draft[]; owner: (Draft | null)[] } {
  // Who holds each incident role as the run goes (classroom credit).
  const roles = new RoleHolders();
  const creditOf = (e: TimelineEntry) => {
    const given = credit ? roles.creditOf(e) : null;
    return given ? { credit: given } : {};
  };
  const drafts: Draft[] = [];
  const owner: (Draft | null)[] = entries.map(() => null);
  // The hint the story offered last at each level: what a player who takes it reads.
  const hints = new Map<number, string>(key.hints.map((h) => [h.level, h.text]));
  // One console line may both look and act (a `SELECT pg_terminate_backend`): its lever speaks for it.
  const leverOfVia = new Map<Evidence, Draft>();
  const firstOfVia = new Map<Evidence, Draft>();
  const add = (i: number, d: Draft): void => {
    drafts.push(d);
    owner[i] = d;
  };
  const draft = (e: TimelineEntry, i: number): void => {
    switch (e.kind) {
      case 'fault':
      case 'faultCleared':
        return;
      case 'hint':
        hints.set(e.level, e.text);
        return;
      case 'deploy':
        add(i, {
          t: e.t,
          kind: 'deploy',
          actor: 'system',
          text: tr('postmortem.item.deploy', { version: e.version, deployment: e.deployment }),
        });
        return;
      case 'alert':
        // The story's own alert, in the order the story raised it (after its release, say).
        add(i, { ...alertFired(e.t, e.name, e.severity, e.summary), rank: RANK.story });
        return;
      case 'alertResolved':
        add(i, { ...alertResolved(e.t, e.name), rank: RANK.story });
        return;
      case 'message':
        add(i, {
          t: e.t,
          kind: 'message',
          actor: 'story',
          text: tr('postmortem.item.message', { from: e.from, text: e.text }),
          from: e.from,
        });
        return;
      case 'reply':
        add(i, {
          t: e.t,
          kind: 'reply',
          actor: 'team',
          text: tr('postmortem.item.message', { from: tr(e.from), text: tr(e.key, e.params) }),
          from: e.from,
        });
        return;
      case 'milestone':
        add(i, {
          t: e.t,
          kind: 'milestone',
          actor: 'story',
          text: tr('postmortem.item.milestone', {
            milestone: word('postmortem.milestone', e.name),
          }),
          milestone: e.name,
        });
        return;
      case 'end':
        add(i, {
          t: e.t,
          kind: 'end',
          actor: 'story',
          text: e.reason
            ? tr('postmortem.item.endReason', {
                outcome: word('postmortem.outcome', e.outcome),
                reason: e.reason,
              })
            : tr('postmortem.item.end', { outcome: word('postmortem.outcome', e.outcome) }),
          rank: RANK.end,
        });
        return;
      case 'command':
        add(i, {
          t: e.t,
          kind: 'command',
          actor: 'player',
          text: tr('postmortem.item.command', { line: clipLine(e.via.line, 120) }),
          evidence: [commandEvidence(e.via)],
          via: e.via,
          ...creditOf(e),
        });
        return;
      case 'action': {
        if (e.via && !e.lever) {
          const shared = firstOfVia.get(e.via);
          if (shared && e.action.type === 'inspect') {
            owner[i] = shared;
            return;
          }
        }
        const wrongFix = e.lever ? wrongFixOf(key, e.action) : null;
        const d: Draft = {
          t: e.t,
          kind: e.lever ? 'lever' : kindOfEvent(e.action.type),
          actor: actorOf(e.source),
          text: e.lever ? describeLever(e.action, 'past') : describeEvent(e.action, hints),
          evidence: e.via ? [commandEvidence(e.via)] : [],
          decision: e.lever || COMMUNICATION.has(e.action.type),
          harmful: wrongFix !== null,
          action: e.action,
          ...(e.via ? { via: e.via } : {}),
          ...(wrongFix ? { wrongFix } : {}),
          ...creditOf(e),
        };
        if (e.via) {
          if (e.lever && !leverOfVia.has(e.via)) leverOfVia.set(e.via, d);
          if (!firstOfVia.has(e.via)) firstOfVia.set(e.via, d);
        }
        add(i, d);
        return;
      }
    }
  };
  entries.forEach((e, i) => {
    draft(e, i);
    roles.follow(e);
  });
  // An inspect that came first from a line that also pulled a lever is folded into the lever.
  entries.forEach((e, i) => {
    const d = owner[i];
    if (e.kind !== 'action' || e.lever || !e.via || !d) return;
    const lever = leverOfVia.get(e.via);
    if (!lever || lever === d) return;
    owner[i] = lever;
    const at = drafts.indexOf(d);
    if (at >= 0) drafts.splice(at, 1);
    owner.forEach((o, j) => {
      if (o === d) owner[j] = lever;
    });
  });
  return { drafts, owner };
}

function simDrafts(events: readonly SimEvent[]): Draft[] {
  const out: Draft[] = [];
  for (const e of events) {
    if (e.kind === 'alertFiring')
      out.push(alertFired(e.t, e.alert, e.severity, RULES.get(e.alert)?.summary ?? ''));
    else if (e.kind === 'alertResolved') out.push(alertResolved(e.t, e.alert));
  }
  return out;
}

/** Pages that rang again: re-notified because nobody acknowledged, or back after a manual resolve. */
function pagerDrafts(notices: readonly PagerNotice[]): Draft[] {
  const out: Draft[] = [];
  for (const n of notices) {
    if (n.kind === 'renotified')
      out.push({
        t: n.t,
        kind: 'page',
        actor: 'system',
        text: tr('postmortem.item.renotified', { alert: n.alert, count: n.notification }),
        alert: n.alert,
        severity: 'page',
        rank: RANK.sim,
      });
    else if (n.kind === 'triggered' && n.retriggered)
      out.push({
        t: n.t,
        kind: n.severity === 'page' ? 'page' : 'alert',
        actor: 'system',
        text: tr('postmortem.item.retriggered', { alert: n.alert }),
        alert: n.alert,
        severity: n.severity,
        rank: RANK.sim,
      });
  }
  return out;
}

export interface BuiltTimeline {
  readonly moments: readonly Moment[];
  /** The moment that stands for each entry of the story's timeline (null when left out). */
  readonly ofEntry: readonly (Moment | null)[];
}

/** Every moment of the run, sorted by time (stable), numbered from 1. */
export function buildTimeline(
  session: IncidentSession,
  sli: SliSeries,
  impact: ImpactFigures,
  options: { readonly credit: boolean } = { credit: false },
): BuiltTimeline {
  const key = session.scenario.answerKey;
  const { drafts, owner } = entryDrafts(session.run.timeline, key, options.credit);
  const all: Draft[] = [
    ...drafts,
    ...simDrafts(session.run.sim.recorder.events),
    ...pagerDrafts(session.pager.notices),
    ...impactDrafts(sli, impact, session.run.sim.state.config.slo.latencyThresholdMs),
  ];
  const moments = all.map(moment);
  const byDraft = new Map<Draft, Moment>(all.map((d, i) => [d, moments[i]!]));
  const order = moments.map((m, i) => ({ m, i }));
  order.sort((a, b) => a.m.t - b.m.t || a.m.rank - b.m.rank || a.i - b.i);
  const sorted = order.map(({ m }, i) => {
    m.id = i + 1;
    return m;
  });
  return { moments: sorted, ofEntry: owner.map((d) => (d ? byDraft.get(d)! : null)) };
}

/** The model's items: the moments without what they came from. */
export function toItems(moments: readonly Moment[]): TimelineItem[] {
  return moments.map((m) => ({
    id: m.id,
    t: m.t,
    kind: m.kind,
    actor: m.actor,
    marks: [...m.marks],
    text: m.text,
    evidence: m.evidence,
    decision: m.decision,
    harmful: m.harmful,
    ...(m.credit ? { credit: m.credit } : {}),
    ...(m.action ? { action: m.action.type } : {}),
  }));
}
