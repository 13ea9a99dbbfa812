/**
 * Outcome: resolved within the time limit, how fast the impact ended against the expert's path on
 * the same seed (the postmortem's `mitigate` score), and the error budget burned against it (the
 * `budget` score).
 *
 * Strong: resolved within the limit, `mitigate` good and `budget` not poor. Mixed: resolved but
 * slower or costlier than that, or the impact ended without the incident being resolved. Weak:
 * the impact never ended. Not shown when the candidate left before the impact began.
 */
import type { InterviewFacts } from '../facts.ts';
import type { Criterion, Finding, InterviewEnd, Rating } from '../model.ts';
import { clock, criterion, finding, ref, span } from './shape.ts';

export interface OutcomeOptions {
  readonly limitMs: number;
  readonly endedBy: InterviewEnd;
}

function resolvedInTime(f: InterviewFacts, o: OutcomeOptions): Finding {
  const resolution = f.marked('resolution');
  const limit = Math.round(o.limitMs / 60_000);
  if (resolution && resolution.t <= o.limitMs)
    return finding(
      'resolvedInTime',
      true,
      ref('interview.finding.resolvedInTime.ok', { at: clock(resolution.t), limit }),
      [resolution],
    );
  if (resolution)
    return finding(
      'resolvedInTime',
      false,
      ref('interview.finding.resolvedInTime.overTime', { at: clock(resolution.t), limit }),
      [resolution],
    );
  const endKey = {
    resolved: 'interview.finding.resolvedInTime.timeUp',
    timeUp: 'interview.finding.resolvedInTime.timeUp',
    failed: 'interview.finding.resolvedInTime.failed',
    left: 'interview.finding.resolvedInTime.left',
  }[o.endedBy];
  return finding(
    'resolvedInTime',
    false,
    ref(endKey, { limit, at: clock(f.pm.endedAt), status: f.pm.status }),
    [f.end],
  );
}

function evidenceOf(f: InterviewFacts, ids: readonly number[]) {
  return f.pm.timeline.filter((i) => ids.includes(i.id));
}

function mitigated(f: InterviewFacts): Finding {
  const s = f.score('mitigate');
  if (!s || f.pm.impact.startedAt === null)
    return finding('mitigated', true, ref('interview.finding.mitigated.noImpact'));
  const items = evidenceOf(f, s.evidence);
  if (s.value === null)
    return finding('mitigated', false, ref('interview.finding.mitigated.never'), items);
  return finding(
    'mitigated',
    s.verdict === 'good',
    s.reference === null
      ? ref('interview.finding.mitigated.noReference', { time: span(s.value) })
      : ref('interview.finding.mitigated.vsExpert', {
          time: span(s.value),
          expert: span(s.reference),
        }),
    items,
  );
}

function budget(f: InterviewFacts): Finding {
  const s = f.score('budget');
  if (!s) return finding('budget', true, ref('interview.finding.budget.unknown'));
  return finding(
    'budget',
    s.verdict !== 'poor',
    s.referenceDisplay === null
      ? ref('interview.finding.budget.noReference', { used: s.display })
      : ref('interview.finding.budget.vsExpert', { used: s.display, expert: s.referenceDisplay }),
    evidenceOf(f, s.evidence),
  );
}

export function outcome(f: InterviewFacts, o: OutcomeOptions): Criterion {
  const findings = [resolvedInTime(f, o), mitigated(f), budget(f)];
  const [resolved, fast, cheap] = findings.map((x) => x.ok);
  const impactEnded = f.pm.impact.startedAt === null || f.pm.impact.endedAt !== null;
  const rating: Rating =
    o.endedBy === 'left' && f.pm.impact.startedAt === null && !resolved
      ? 'notShown'
      : resolved && fast && cheap
        ? 'strong'
        : resolved || (impactEnded && f.levers.length > 0)
          ? 'mixed'
          : 'weak';
  return criterion('outcome', rating, findings);
}
