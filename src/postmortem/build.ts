/**
 * Builds the postmortem of a run from the session: the simulation's record (SLI counts, alert
 * events, metrics), the story's timeline, the incident record the player kept, the pager's log,
 * and the scenario's answer key. Works on an ended session and on one still in progress. Pure
 * and deterministic: the same session gives a deep-equal model; texts are in the current locale.
 */
import type { IncidentSession } from '../session/session.ts';
import { civilFromEpochMs } from '../sim/index.ts';
import { actionItemsOf } from './action-items.ts';
import { chartsOf, markLabel } from './charts.ts';
import type { ChartMark } from './charts.ts';
import { runFacts } from './facts.ts';
import type { RunFacts } from './facts.ts';
import { harmAfter } from './harm.ts';
import type { HarmSeen } from './harm.ts';
import { measureImpact, readSli } from './impact.ts';
import { lessonsOf } from './lessons.ts';
import type { Postmortem, ReferencePath, TimelineMark } from './model.ts';
import { detectionOf, recoveryOf, responseOf, statusOf, summaryOf } from './narrative.ts';
import { ids, scoresOf } from './scores.ts';
import { buildTimeline, toItems } from './timeline.ts';
import { facilitationOf } from './facilitation.ts';
import type { Moment } from './timeline.ts';

export interface BuildOptions {
  /** The game mode the run was played in (practice, interview, ...), as the caller names it. */
  readonly mode: string;
  /** The answer key's solution on the same seed (`referencePath`), or null to leave it out. */
  readonly reference: ReferencePath | null;
}

/** `INC-20260312-4242`: the UTC date the run starts and its seed. */
export function incidentIdOf(startEpochMs: number, seed: number): string {
  const c = civilFromEpochMs(startEpochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `INC-${c.year}${pad(c.month)}${pad(c.day)}-${seed}`;
}

/** The moments the SRE book asks a timeline to mark, at most one each. */
function marksOf(f: RunFacts): [TimelineMark, Moment][] {
  const out: [TimelineMark, Moment | null][] = [
    ['impact', f.impactMoment],
    ['detection', f.detection?.moment ?? null],
    ['declaration', f.declaration],
    ['mitigation', f.recoveredMoment],
    ['resolution', f.resolved],
  ];
  return out.filter((m): m is [TimelineMark, Moment] => m[1] !== null);
}

export function buildPostmortem(session: IncidentSession, options: BuildOptions): Postmortem {
  const scenario = session.scenario;
  const key = scenario.answerKey;
  const sim = session.run.sim;
  const config = sim.state.config;
  const metrics = sim.recorder.metrics;

  const figures = measureImpact(metrics, config.slo, session.ended);
  const sli = readSli(metrics);
  // In a classroom each action is credited to the role that owns it (docs/postmortem.md).
  const built = buildTimeline(session, sli, figures, { credit: options.mode === 'classroom' });
  const facts = runFacts(session, built, figures, key);

  const marks = marksOf(facts);
  for (const [mark, m] of marks) m.marks.push(mark);
  const chartMarks: ChartMark[] = marks.map(([mark, m]) => ({
    t: m.t,
    mark,
    label: markLabel(mark),
  }));

  const harmSeen = new Map<Moment, HarmSeen | null>();
  const harm = (m: Moment): HarmSeen | null => {
    if (!harmSeen.has(m)) harmSeen.set(m, harmAfter(metrics, m));
    return harmSeen.get(m)!;
  };

  const facilitation = facilitationOf(session);
  return {
    incidentId: incidentIdOf(config.startEpochMs, sim.state.seed),
    title: session.incident.title ?? scenario.title,
    scenario: {
      id: scenario.id,
      version: scenario.version,
      title: scenario.title,
      difficulty: scenario.difficulty,
      seed: sim.state.seed,
    },
    mode: options.mode,
    severity: session.incident.severity,
    outcome: facts.outcome,
    status: statusOf(facts, session),
    startEpochMs: config.startEpochMs,
    endedAt: facts.recordEnd,
    summary: summaryOf(facts, session),
    impact: {
      startedAt: figures.startedAt,
      endedAt: figures.endedAt,
      durationMs: figures.durationMs,
      requests: figures.totals.requests,
      failed: figures.totals.failed,
      slow: figures.totals.slow,
      affectedShare: figures.affectedShare,
      budgets: figures.budgets,
      peakLatency: figures.peakLatency,
      peakErrorRatio: figures.peakErrorRatio,
      evidence: ids(facts.impactMoment, facts.recoveredMoment),
    },
    detection: detectionOf(facts),
    response: responseOf(facts, session),
    recovery: recoveryOf(facts),
    timeline: toItems(facts.moments),
    causes: {
      trigger: key.trigger,
      rootCause: key.rootCause,
      contributingFactors: [...key.contributingFactors],
      hypotheses: facts.hypotheses.map((h) => ({
        t: h.moment.t,
        text: String(h.moment.action?.['text'] ?? ''),
        matches: h.matches,
        evidence: [h.moment.id],
      })),
    },
    lessons: lessonsOf(facts, harm),
    actionItems: actionItemsOf(key, facts, harm),
    scores: scoresOf(facts, options.reference, (m) => harm(m)?.shown ?? false),
    reference: options.reference,
    charts: chartsOf(metrics, sli, figures, scenario, config.slo.latencyThresholdMs, chartMarks),
    ...(facilitation ? { facilitation } : {}),
  };
}

export { referencePath } from './reference.ts';
