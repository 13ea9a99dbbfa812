/**
 * Safety of actions: mitigate before you root-cause, and no risky change without evidence.
 *
 * - harmful levers: levers the answer key counts as wrong fixes (`TimelineItem.harmful`); the
 *   harm showed when the postmortem's `harmful` score is `poor`;
 * - changes without evidence: levers with no look at the system in the 10 minutes before them;
 * - risky changes: restarts and failovers (`RISKY_LEVERS`) among those;
 * - mitigate first: the impact ended before the diagnosis or within 10 minutes of it.
 *
 * Weak: a harmful lever whose harm showed, or a risky change without evidence. Mixed: a harmful
 * lever whose harm did not show, another change without evidence, or mitigation that waited on
 * the root cause. Strong otherwise. Not shown when no lever was pulled.
 */
import type { TimelineItem } from '../../postmortem/model.ts';
import { leverIsOneOf } from '../facts.ts';
import type { InterviewFacts } from '../facts.ts';
import type { Criterion, Finding, Rating } from '../model.ts';
import { EVIDENCE_WINDOW_MS, MITIGATE_AFTER_DIAGNOSIS_MS, RISKY_LEVERS } from '../norms.ts';
import { clock, criterion, finding, ref, span, texts } from './shape.ts';

/** Levers with no look at the system in the window before them. */
export function blindLevers(f: InterviewFacts): TimelineItem[] {
  return f.levers.filter(
    (lever) => !f.looks.some((l) => l.id < lever.id && lever.t - l.t <= EVIDENCE_WINDOW_MS),
  );
}

function harmful(f: InterviewFacts): Finding {
  const n = f.harmful.length;
  return n === 0
    ? finding('harmfulLevers', true, ref('interview.finding.harmfulLevers.none'))
    : finding(
        'harmfulLevers',
        false,
        ref('interview.finding.harmfulLevers.some', { count: n, levers: texts(f.harmful) }),
        f.harmful,
      );
}

function evidence(blind: readonly TimelineItem[]): Finding {
  return blind.length === 0
    ? finding(
        'evidenceFirst',
        true,
        ref('interview.finding.evidenceFirst.ok', { minutes: EVIDENCE_WINDOW_MS / 60_000 }),
      )
    : finding(
        'evidenceFirst',
        false,
        ref('interview.finding.evidenceFirst.blind', {
          count: blind.length,
          minutes: EVIDENCE_WINDOW_MS / 60_000,
          levers: texts(blind),
        }),
        blind,
      );
}

function risky(f: InterviewFacts, blind: readonly TimelineItem[]): Finding {
  const all = f.levers.filter((l) => leverIsOneOf(l, RISKY_LEVERS));
  const unchecked = all.filter((l) => blind.includes(l));
  if (all.length === 0)
    return finding('riskyChanges', true, ref('interview.finding.riskyChanges.none'));
  return unchecked.length === 0
    ? finding(
        'riskyChanges',
        true,
        ref('interview.finding.riskyChanges.checked', { count: all.length }),
        all,
      )
    : finding(
        'riskyChanges',
        false,
        ref('interview.finding.riskyChanges.blind', { levers: texts(unchecked) }),
        unchecked,
      );
}

/** Mitigation against diagnosis; null when there was no impact to mitigate. */
function mitigateFirst(f: InterviewFacts): Finding | null {
  const start = f.pm.impact.startedAt;
  if (start === null) return null;
  const diagnose = f.score('diagnose');
  const diagnosedAt = diagnose?.value === null || !diagnose ? null : start + diagnose.value;
  const diagnosis = diagnose
    ? f.pm.timeline.filter((i) => diagnose.evidence.includes(i.id) && i.kind !== 'impact')
    : [];
  const mitigation = f.marked('mitigation');
  if (!mitigation)
    return diagnosedAt === null
      ? finding('mitigateFirst', false, ref('interview.finding.mitigateFirst.neither'), [
          f.marked('impact'),
        ])
      : finding(
          'mitigateFirst',
          false,
          ref('interview.finding.mitigateFirst.neverMitigated', { at: clock(diagnosedAt) }),
          diagnosis,
        );
  if (diagnosedAt === null || mitigation.t <= diagnosedAt)
    return finding(
      'mitigateFirst',
      true,
      ref('interview.finding.mitigateFirst.before', { at: clock(mitigation.t) }),
      [mitigation, ...diagnosis],
    );
  const wait = mitigation.t - diagnosedAt;
  return finding(
    'mitigateFirst',
    wait <= MITIGATE_AFTER_DIAGNOSIS_MS,
    ref(
      wait <= MITIGATE_AFTER_DIAGNOSIS_MS
        ? 'interview.finding.mitigateFirst.soonAfter'
        : 'interview.finding.mitigateFirst.late',
      { wait: span(wait), at: clock(mitigation.t) },
    ),
    [...diagnosis, mitigation],
  );
}

export function safety(f: InterviewFacts): Criterion {
  const blind = blindLevers(f);
  const findings = [harmful(f), evidence(blind), risky(f, blind), mitigateFirst(f)].filter(
    (x): x is Finding => x !== null,
  );
  const ok = (check: string): boolean => findings.find((x) => x.check === check)?.ok ?? true;
  const harmShown = f.harmful.length > 0 && f.score('harmful')?.verdict === 'poor';
  const rating: Rating =
    f.levers.length === 0
      ? 'notShown'
      : harmShown || !ok('riskyChanges')
        ? 'weak'
        : findings.every((x) => x.ok)
          ? 'strong'
          : 'mixed';
  return criterion('safety', rating, findings);
}
