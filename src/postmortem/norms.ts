/**
 * The norms the scores and lessons judge a run by, in one place (docs/postmortem.md lists them).
 * Where the game already has a rule for the same thing, the norm is that rule.
 */
import { UNDECLARED_NUDGE_MS, UPDATE_CADENCE_MS } from '../session/cadence.ts';
import { RENOTIFY_MS } from '../session/pager.ts';
import { MINUTE } from '../sim/index.ts';

/** Acknowledge a page before it notifies again (PagerDuty's usual re-notification). */
export const ACK_GOOD_MS = RENOTIFY_MS;
export const ACK_FAIR_MS = 15 * MINUTE;

/** Declare before the manager has to ask (the session nudges after this long). */
export const DECLARE_NORM_MS = UNDECLARED_NUDGE_MS;

/** An update at least this often while users are hurt (PagerDuty's guidance for major incidents). */
export const UPDATE_NORM_MS = UPDATE_CADENCE_MS;
export const UPDATE_FAIR_MS = 30 * MINUTE;

/** Time from impact to diagnosis. */
export const DIAGNOSE_GOOD_MS = 10 * MINUTE;
export const DIAGNOSE_FAIR_MS = 20 * MINUTE;

/**
 * Time to mitigate or resolve, against the reference path on the same seed when it has a figure
 * (within 5 minutes of it is good, within 15 fair), or against fixed marks when it has none.
 */
export const VS_REFERENCE_GOOD_MS = 5 * MINUTE;
export const VS_REFERENCE_FAIR_MS = 15 * MINUTE;
export const MITIGATE_GOOD_MS = 15 * MINUTE;
export const MITIGATE_FAIR_MS = 30 * MINUTE;

/** Availability budget used: good within 2 points of the reference's share, fair within 10. */
export const BUDGET_GOOD_POINTS = 0.02;
export const BUDGET_FAIR_POINTS = 0.1;

/** Hints read: none is good, one or two fair, three poor. */
export const HINTS_FAIR = 1;
export const HINTS_POOR = 3;

/** Restarts before looking at the database that make a lesson. */
export const RESTARTS_LESSON = 2;

/** A first page later than this after the impact began asks for better alerting. */
export const LATE_PAGE_MS = 5 * MINUTE;

/** A share of the 30-day budget spent in one run that counts as a close call. */
export const BUDGET_CLOSE_CALL = 0.25;
