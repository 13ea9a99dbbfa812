/**
 * The postmortem of one run, as data: what `build.ts` derives from the session (the story's
 * timeline, the simulation's record, the incident record the player kept) and the scenario's
 * answer key. Nothing here is invented: every number comes from the record, every statement
 * about the player from what they did, and each points at the timeline entries behind it.
 *
 * Texts are resolved in the locale that was current when the model was built (`t()`), so the
 * Markdown and the debrief screen show the same words; build again after a change of locale.
 * Times are simulated milliseconds since the run began; `startEpochMs` turns them into UTC.
 */

/** The ids of timeline items that back a statement or a number (`TimelineItem.id`). */
export type EvidenceIds = readonly number[];

/** What a timeline item rests on: the alert, the command and what it printed, a metric's value. */
export type TimelineEvidence =
  | { readonly kind: 'alert'; readonly name: string; readonly summary: string }
  | {
      readonly kind: 'command';
      readonly line: string;
      /** Output as printed, clipped to a few lines for the document. */
      readonly output: string;
      readonly exit: number;
    }
  | {
      readonly kind: 'metric';
      /** A metric key of the simulation's catalogue, e.g. `api_error_ratio`. */
      readonly metric: string;
      /** Its human label, e.g. "API error ratio". */
      readonly label: string;
      readonly value: number;
      /** The value as shown, with its unit ("23.4%", "5,012 ms"). */
      readonly display: string;
    };

/** The phases the SRE book asks a timeline to mark. */
export type TimelineMark = 'impact' | 'detection' | 'declaration' | 'mitigation' | 'resolution';

export type TimelineActor = 'system' | 'player' | 'team' | 'story';

export interface TimelineItem {
  /** Stable within one model: scores and lessons refer to items by id. */
  readonly id: number;
  readonly t: number;
  /** What kind of moment this is, for icons and filters. */
  readonly kind:
    | 'impact'
    | 'deploy'
    | 'alert'
    | 'alertResolved'
    | 'page'
    | 'acknowledge'
    | 'declare'
    | 'command'
    | 'lever'
    | 'communication'
    | 'hypothesis'
    | 'message'
    | 'reply'
    | 'hint'
    | 'milestone'
    | 'recovered'
    | 'end';
  readonly actor: TimelineActor;
  readonly marks: readonly TimelineMark[];
  /** One line: who did what ("Rolled back deployment/api", "Alert ErrorBudgetBurnFast fired"). */
  readonly text: string;
  readonly evidence: readonly TimelineEvidence[];
  /** A decision point: a player's lever or communication the replay view can branch from. */
  readonly decision: boolean;
  /** A lever the scenario's answer key counts as harmful (one of its wrong fixes). */
  readonly harmful: boolean;
  /**
   * Classroom: the incident role credited with a player's action and who held it then
   * (levers and looks to operations, updates to communications...; see docs/postmortem.md).
   */
  readonly credit?: { readonly role: string; readonly person: string };
  /** The type of the player's action behind it (`rollback`, `inspect`...), when there is one. */
  readonly action?: string;
}

/** Error budget spent on one SLO during the run. */
export interface BudgetUse {
  readonly slo: 'availability' | 'latency';
  /** The objective, e.g. 0.999. */
  readonly target: number;
  /** Requests that counted against it (failed, or slower than the threshold). */
  readonly badRequests: number;
  /** Share of the 30-day budget these requests used (0.02 = 2%). */
  readonly consumed: number;
  /** Share of the budget left at the end of the run (the dashboard's figure). */
  readonly remaining: number;
}

export interface Impact {
  /** When users were first hurt (SLI outside the SLO for a minute), or null if they never were. */
  readonly startedAt: number | null;
  /** When the impact ended and stayed ended (back within SLO), or null if it never did. */
  readonly endedAt: number | null;
  readonly durationMs: number;
  /** Requests in the impact window, and how many failed or were slow. */
  readonly requests: number;
  readonly failed: number;
  readonly slow: number;
  /**
   * Share of the window's requests that failed or were slow. The sim counts a failure slower than
   * the threshold in both, so this sums max(failed, slow) per second: a lower bound that never
   * counts a request twice.
   */
  readonly affectedShare: number;
  readonly budgets: readonly BudgetUse[];
  readonly peakLatency: { readonly metric: string; readonly ms: number; readonly t: number };
  readonly peakErrorRatio: { readonly ratio: number; readonly t: number };
  readonly evidence: EvidenceIds;
}

export type ScoreKey =
  | 'acknowledge'
  | 'diagnose'
  | 'mitigate'
  | 'resolve'
  | 'budget'
  | 'harmful'
  | 'hints'
  | 'communication';

export type Verdict = 'good' | 'fair' | 'poor' | 'missed';

export interface Score {
  readonly key: ScoreKey;
  /** Label of the score, e.g. "Time to mitigate". */
  readonly label: string;
  /** Milliseconds for times, a ratio for the budget, a count otherwise; null when never reached. */
  readonly value: number | null;
  readonly display: string;
  /** The reference solution's figure on the same seed, when it has one. */
  readonly reference: number | null;
  readonly referenceDisplay: string | null;
  readonly verdict: Verdict;
  /** How the number was found, in one or two sentences ("From the first page at 14:07:12 to ..."). */
  readonly explanation: string;
  readonly evidence: EvidenceIds;
}

export interface Lesson {
  readonly text: string;
  readonly evidence: EvidenceIds;
}

export interface ActionItem {
  readonly text: string;
  readonly type: 'mitigate' | 'prevent' | 'detect' | 'process';
  readonly ownerRole: string;
  readonly priority: 'P1' | 'P2' | 'P3';
  /** From the scenario's answer key, or added because of what happened in this run. */
  readonly source: 'answerKey' | 'run';
}

export interface HypothesisCheck {
  readonly t: number;
  readonly text: string;
  /** Whether it names the cause, by the answer key's keywords. */
  readonly matches: boolean;
  readonly evidence: EvidenceIds;
}

/** A small chart of one key metric over the run, with the incident's marks. */
export interface MiniChart {
  readonly metric: string;
  readonly label: string;
  readonly unit: string;
  /** Simulated ms and values, downsampled evenly (at most a few hundred points). */
  readonly times: readonly number[];
  readonly values: readonly number[];
  readonly threshold: { readonly value: number; readonly label: string } | null;
  readonly marks: readonly {
    readonly t: number;
    readonly mark: TimelineMark;
    readonly label: string;
  }[];
}

/** The expert's path: the answer key's solution, played on the same seed. */
export interface ReferencePath {
  readonly steps: readonly { readonly t: number; readonly text: string }[];
  readonly mitigatedAt: number | null;
  readonly resolvedAt: number | null;
  readonly budgetConsumed: number;
  /** When its impact began (the same as the player's unless someone acted before it). */
  readonly impactStartedAt?: number | null;
}

export interface Postmortem {
  /** e.g. `INC-20261126-4242`: the date of the run and its seed. */
  readonly incidentId: string;
  readonly title: string;
  readonly scenario: {
    readonly id: string;
    readonly version: number;
    readonly title: string;
    readonly difficulty: string;
    readonly seed: number;
  };
  readonly mode: string;
  /** The severity the player declared, or null if they never declared. */
  readonly severity: string | null;
  /** The story's outcome: `resolved`, `timedOut`, ... or `inProgress` for a run not finished. */
  readonly outcome: string;
  /** "Resolved", "Unresolved: ..." as a document status line. */
  readonly status: string;
  readonly startEpochMs: number;
  /** Simulated ms at which the record ends. */
  readonly endedAt: number;
  /** Two sentences: what happened and how it ended. */
  readonly summary: string;
  readonly impact: Impact;
  /** Which alert (or person) detected it and how long after the impact began. */
  readonly detection: { readonly text: string; readonly evidence: EvidenceIds };
  /** Who responded, when the incident was declared, roles, updates. */
  readonly response: { readonly text: string; readonly evidence: EvidenceIds };
  /** What brought the system back, and when. */
  readonly recovery: { readonly text: string; readonly evidence: EvidenceIds };
  readonly timeline: readonly TimelineItem[];
  readonly causes: {
    readonly trigger: string;
    readonly rootCause: string;
    readonly contributingFactors: readonly string[];
    readonly hypotheses: readonly HypothesisCheck[];
  };
  readonly lessons: {
    readonly wentWell: readonly Lesson[];
    readonly wentBadly: readonly Lesson[];
    readonly lucky: readonly Lesson[];
  };
  readonly actionItems: readonly ActionItem[];
  readonly scores: readonly Score[];
  readonly reference: ReferencePath | null;
  readonly charts: readonly MiniChart[];
  /** What a facilitator, a class or an interview added; absent when none of it happened. */
  readonly facilitation?: Facilitation;
}

/** The class's and the facilitator's part of the run (classroom, interviews, any facilitated run). */
export interface Facilitation {
  /** Who held each incident role at the end. */
  readonly roles: readonly { readonly role: string; readonly person: string }[];
  readonly decisions: readonly {
    readonly t: number;
    readonly text: string;
    readonly role: string | null;
  }[];
  readonly facilitatorNotes: readonly { readonly t: number; readonly text: string }[];
  /** The player's own notes (interview: thinking aloud). */
  readonly playerNotes: readonly { readonly t: number; readonly text: string }[];
  /** Injected events, in words, and clues revealed. */
  readonly injects: readonly { readonly t: number; readonly text: string }[];
  /** The discussion prompts of the stages the story reached, then those for the end. */
  readonly prompts: readonly { readonly t: number | null; readonly text: string }[];
}

/** The document's sections, in order: each is Markdown the player may edit before export. */
export type SectionId =
  | 'summary'
  | 'impact'
  | 'detection'
  | 'timeline'
  | 'causes'
  | 'lessons'
  | 'actionItems'
  | 'facilitation'
  | 'scores'
  | 'supporting';

export interface PostmortemSection {
  readonly id: SectionId;
  /** The heading as shown (without the `##`). */
  readonly title: string;
  /** The body in GitHub-flavoured Markdown, without its heading. */
  readonly markdown: string;
}
