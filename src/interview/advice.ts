/**
 * The overall call and the "next time" tips. The call adds up the ratings (strong 3, mixed 2,
 * weak 1, not shown 0; 12 at most): 11 or more with nothing weak or unshown is `strongHire`, 8
 * or more `hire`, 5 or more `leanNo`, less `noHire`. A weak safety rating caps it at `leanNo`: an
 * unsafe change is a red flag in this round whatever else went well.
 *
 * Tips come from the findings that failed, most important first (safety, then getting users back,
 * then the method, then communication, then the opening questions and notes), two to four of
 * them; a run with fewer failures gets general advice to fill the two.
 */
import type { MessageRef } from '../i18n/index.ts';
import type { Criterion, CriterionKey, Recommendation } from './model.ts';
import {
  HIRE_POINTS,
  LEAN_NO_POINTS,
  MAX_TIPS,
  MIN_TIPS,
  RATING_POINTS,
  STRONG_HIRE_POINTS,
  UPDATE_NORM_MS,
} from './norms.ts';
import { ref } from './criteria/shape.ts';
import type { QuestionId } from './model.ts';
import { KEY_QUESTIONS } from './questions.ts';

export function recommend(criteria: readonly Criterion[]): {
  recommendation: Recommendation;
  reason: MessageRef;
} {
  const points = criteria.reduce((sum, c) => sum + RATING_POINTS[c.rating], 0);
  const max = criteria.length * RATING_POINTS.strong;
  const safetyWeak = criteria.some((c) => c.key === 'safety' && c.rating === 'weak');
  const allShown = criteria.every((c) => c.rating === 'strong' || c.rating === 'mixed');
  let recommendation: Recommendation =
    points >= STRONG_HIRE_POINTS && allShown
      ? 'strongHire'
      : points >= HIRE_POINTS
        ? 'hire'
        : points >= LEAN_NO_POINTS
          ? 'leanNo'
          : 'noHire';
  if (safetyWeak && (recommendation === 'strongHire' || recommendation === 'hire')) {
    recommendation = 'leanNo';
    return { recommendation, reason: ref('interview.reason.safetyCap', { points, max }) };
  }
  return { recommendation, reason: ref('interview.reason.points', { points, max }) };
}

/** Tip rules in order of importance: a check that failed and the advice it calls for. */
interface TipRule {
  readonly criterion: CriterionKey;
  /** The finding's `check`, when it failed... */
  readonly check: string;
  readonly tip: string;
  /** ...with one of these texts, when only some of its outcomes call for the tip. */
  readonly only?: readonly string[];
}

const TIP_RULES: readonly TipRule[] = [
  { criterion: 'safety', check: 'harmfulLevers', tip: 'interview.tip.harmful' },
  { criterion: 'safety', check: 'riskyChanges', tip: 'interview.tip.riskyBlind' },
  { criterion: 'outcome', check: 'mitigated', tip: 'interview.tip.mitigate' },
  // Only when the cause was found and users waited: without a diagnosis, `mitigate` says it.
  {
    criterion: 'safety',
    check: 'mitigateFirst',
    tip: 'interview.tip.mitigateFirst',
    only: [
      'interview.finding.mitigateFirst.late',
      'interview.finding.mitigateFirst.neverMitigated',
    ],
  },
  { criterion: 'safety', check: 'evidenceFirst', tip: 'interview.tip.evidence' },
  { criterion: 'structuredApproach', check: 'observedFirst', tip: 'interview.tip.observe' },
  { criterion: 'structuredApproach', check: 'hypothesisFirst', tip: 'interview.tip.hypothesis' },
  { criterion: 'structuredApproach', check: 'tested', tip: 'interview.tip.test' },
  { criterion: 'communication', check: 'declared', tip: 'interview.tip.declare' },
  { criterion: 'communication', check: 'statusPage', tip: 'interview.tip.statusPage' },
  { criterion: 'communication', check: 'cadence', tip: 'interview.tip.cadence' },
  { criterion: 'communication', check: 'updates', tip: 'interview.tip.cadence' },
  { criterion: 'structuredApproach', check: 'thinkingAloud', tip: 'interview.tip.notes' },
];

const FILLERS: readonly string[] = ['interview.tip.narrate', 'interview.tip.harder'];

export function tipsFor(criteria: readonly Criterion[], asked: readonly string[]): MessageRef[] {
  const failed = (key: CriterionKey, check: string, only?: readonly string[]): boolean =>
    criteria
      .find((c) => c.key === key)
      ?.findings.some((f) => f.check === check && !f.ok && (!only || only.includes(f.text.key))) ??
    false;
  const keys: string[] = [];
  const add = (key: string): void => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const { criterion, check, tip, only } of TIP_RULES) {
    if (failed(criterion, check, only)) add(tip);
    // The opening questions come right after safety and the method in importance.
    if (tip === 'interview.tip.test' && missedKeyQuestions(asked)) add('interview.tip.questions');
  }
  for (const filler of FILLERS) if (keys.length < MIN_TIPS) add(filler);
  return keys
    .slice(0, MAX_TIPS)
    .map((key) =>
      key === 'interview.tip.cadence' ? ref(key, { minutes: UPDATE_NORM_MS / 60_000 }) : ref(key),
    );
}

function missedKeyQuestions(asked: readonly string[]): boolean {
  return KEY_QUESTIONS.some((q: QuestionId) => !asked.includes(q));
}
