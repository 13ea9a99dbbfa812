/**
 * The interview rubric's thresholds, in one place (docs/interview.md lists them). Where the
 * postmortem already has a norm for the same thing (declaring, the update cadence), it is reused.
 */
import { DECLARE_NORM_MS, UPDATE_NORM_MS } from '../postmortem/norms.ts';
import { MINUTE } from '../sim/index.ts';

export { DECLARE_NORM_MS, UPDATE_NORM_MS };

/** A lever with no look at the system in this long before it was pulled without evidence. */
export const EVIDENCE_WINDOW_MS = 10 * MINUTE;

/**
 * Mitigate before you root-cause: the impact should end within this long of the diagnosis (or
 * before it). Longer means users stayed hurt while the candidate kept digging.
 */
export const MITIGATE_AFTER_DIAGNOSIS_MS = 10 * MINUTE;

/**
 * Levers that drop work in flight or connections (restarts, failover): risky without evidence.
 * Names of the action vocabulary's levers.
 */
export const RISKY_LEVERS: readonly string[] = [
  'restartPostgres',
  'failover',
  'restartDeployment',
  'deletePod',
];

/** The moments a finding cites at most (the first ones): a card stays readable. */
export const MOMENTS_PER_FINDING = 4;

/** Points of each rating for the overall recommendation. */
export const RATING_POINTS = { strong: 3, mixed: 2, weak: 1, notShown: 0 } as const;

/** Total points (of 12) for each recommendation. */
export const STRONG_HIRE_POINTS = 11;
export const HIRE_POINTS = 8;
export const LEAN_NO_POINTS = 5;

/** Tips the feedback gives at least and at most. */
export const MIN_TIPS = 2;
export const MAX_TIPS = 4;
