/**
 * The interview feedback: four criteria (structured approach, safety of actions, communication,
 * outcome), each rated with the findings and the timeline moments behind it, an overall
 * recommendation and two to four tips for next time. Built from the postmortem model (its
 * timeline, marks and scores, so the rubric and the debrief never disagree) and the incident
 * record (clarifying questions, notes). Pure and deterministic; the rules are in `criteria/` and
 * docs/interview.md.
 */
import type { Postmortem } from '../postmortem/model.ts';
import { recommend, tipsFor } from './advice.ts';
import { communication } from './criteria/communication.ts';
import { outcome } from './criteria/outcome.ts';
import { safety } from './criteria/safety.ts';
import { structuredApproach } from './criteria/structured.ts';
import { interviewFacts } from './facts.ts';
import type { RubricRecord } from './facts.ts';
import type { InterviewEnd, Rubric } from './model.ts';

export interface RubricOptions {
  /** The countdown the candidate chose (30 or 45 minutes), in simulated ms. */
  readonly limitMs: number;
  readonly endedBy: InterviewEnd;
}

export function buildRubric(pm: Postmortem, record: RubricRecord, options: RubricOptions): Rubric {
  const facts = interviewFacts(pm, record);
  const criteria = [
    structuredApproach(facts),
    safety(facts),
    communication(facts),
    outcome(facts, options),
  ];
  const { recommendation, reason } = recommend(criteria);
  return {
    criteria,
    recommendation,
    recommendationReason: reason,
    tips: tipsFor(
      criteria,
      record.questions.map((q) => q.question),
    ),
  };
}
