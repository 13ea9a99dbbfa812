/**
 * The interview drill's data, as the views read it: the clarifying questions a candidate may ask
 * before the page, and the rubric the feedback screen shows. Plain data with catalogue references
 * (`MessageRef`), so every text follows the locale when it is shown, not when it was built.
 */
import type { MessageRef } from '../i18n/index.ts';

export type { MessageRef };

/** The questions a candidate can ask before the page, by id (`IncidentRecord.questions`). */
export const QUESTION_IDS = [
  'architecture',
  'capacity',
  'traffic',
  'slos',
  'changes',
  'dependencies',
  'oncall',
  'tools',
  'communication',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export interface ClarifyingQuestion {
  readonly id: QuestionId;
  /** The question as the candidate asks it. */
  readonly question: MessageRef;
  /** The interviewer's answer, one line each, from the scenario and the system's configuration. */
  readonly answer: readonly MessageRef[];
}

/** How a criterion went: shown well, partly, poorly, or not shown at all (nothing to judge). */
export type Rating = 'strong' | 'mixed' | 'weak' | 'notShown';

export const CRITERIA = ['structuredApproach', 'safety', 'communication', 'outcome'] as const;
export type CriterionKey = (typeof CRITERIA)[number];

/** One thing the rubric checked, whether it was shown, and the timeline items behind it. */
export interface Finding {
  /** Stable name of the check (`observedFirst`, `harmfulLevers`...), for tests and styling. */
  readonly check: string;
  readonly ok: boolean;
  readonly text: MessageRef;
  /** `TimelineItem.id`s of the postmortem's timeline. */
  readonly moments: readonly number[];
}

export interface Criterion {
  readonly key: CriterionKey;
  readonly rating: Rating;
  /** One sentence on the rating as a whole. */
  readonly explanation: MessageRef;
  readonly findings: readonly Finding[];
  /** Every moment of the findings, in timeline order, without repeats. */
  readonly moments: readonly number[];
}

/** The overall call, phrased as practice feedback rather than a hiring decision. */
export type Recommendation = 'strongHire' | 'hire' | 'leanNo' | 'noHire';

/** How the interview ended. */
export type InterviewEnd = 'resolved' | 'failed' | 'timeUp' | 'left';

export interface Rubric {
  readonly criteria: readonly Criterion[];
  readonly recommendation: Recommendation;
  /** Why the recommendation came out as it did. */
  readonly recommendationReason: MessageRef;
  /** Two to four concrete things to do next time, most important first. */
  readonly tips: readonly MessageRef[];
}
