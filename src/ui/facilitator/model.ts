/**
 * What the facilitator console and the projector view draw, as plain data. The composition root
 * (src/facilitator.ts) builds it from its mirror of the player's session and hands it over
 * whenever the run moves; the views never read the session themselves. Texts from the scenario
 * and the players are plain strings: the views show them as text, never as HTML.
 */
/** The inject library's events (the session's `INJECT_EVENTS`; src/facilitator-view.ts checks they agree). */
export type InjectEvent = 'partnerReport' | 'executiveEta' | 'teammateOffline' | 'secondAlert';

/** Whether this window's copy of the run matches the player's window. */
export type LinkState =
  /** Waiting for the player's window to answer (not open, or another run). */
  | 'waiting'
  /** In lockstep: the same inputs at the same times, and the state hashes agree. */
  | 'inSync'
  /** A hash disagreed; the copy is being rebuilt from the player's record. */
  | 'resyncing'
  /** The player's window stopped answering (closed, or its run ended and it left). */
  | 'lost';

export interface ClockView {
  /** "14:07:31" UTC in the simulated world. */
  readonly utc: string;
  /** Simulated ms since the run began. */
  readonly elapsedMs: number;
  /** 0 when paused. */
  readonly speed: number;
  /** Interview mode: simulated ms left on the countdown; null without one. */
  readonly remainingMs: number | null;
}

export interface SolutionStepView {
  /** "Roll back deployment/api" (the action in words). */
  readonly text: string;
  /** When the player did it (an equivalent action), in simulated ms; null if not yet. */
  readonly doneAt: number | null;
}

export interface AnswerKeyView {
  readonly rootCause: string;
  readonly trigger: string;
  readonly contributingFactors: readonly string[];
  readonly redHerrings: readonly { readonly signal: string; readonly why: string }[];
  readonly solution: readonly SolutionStepView[];
  readonly wrongFixes: readonly {
    readonly id: string;
    readonly description: string;
    /** When the player took it; null if not. */
    readonly takenAt: number | null;
  }[];
}

export interface MilestoneView {
  readonly name: 'detected' | 'diagnosed' | 'mitigated' | 'resolved';
  /** When the run reached it; null if not yet. */
  readonly at: number | null;
}

/** One line of what happened, newest last: the player's actions, people, alerts, the story. */
export interface ActivityView {
  readonly t: number;
  readonly actor: 'player' | 'facilitator' | 'team' | 'system' | 'story';
  readonly text: string;
  /** The role credited (classroom), e.g. "operations"; null when none is assigned. */
  readonly role: string | null;
  /** Who holds that role ("Ana"), when one is credited. */
  readonly person: string | null;
}

export interface ClueView {
  readonly level: number;
  readonly text: string;
  /** When it was revealed (by the facilitator, or offered by the story); null if not yet. */
  readonly revealedAt: number | null;
}

export interface InjectView {
  readonly id: InjectEvent;
  /** How many times it has been sent in this run. */
  readonly sent: number;
}

export interface PromptView {
  /** The story stage it belongs to (a state of the scenario's machine), or null for the end. */
  readonly stage: string | null;
  readonly text: string;
  /** When the stage began (the prompt became current); null if not reached. */
  readonly reachedAt: number | null;
}

export interface FacilitatorView {
  readonly title: string;
  /** `practice`, `interview` or `classroom`. */
  readonly mode: string;
  readonly seed: number;
  readonly link: LinkState;
  readonly clock: ClockView;
  /** The story's current stage (its machine state), for the facilitator only. */
  readonly stage: string;
  readonly ended: { readonly outcome: string } | null;
  readonly answerKey: AnswerKeyView;
  readonly milestones: readonly MilestoneView[];
  readonly activity: readonly ActivityView[];
  readonly hypotheses: readonly { readonly t: number; readonly text: string }[];
  /** The player's interview notes. */
  readonly notes: readonly { readonly t: number; readonly text: string }[];
  readonly clues: readonly ClueView[];
  readonly injects: readonly InjectView[];
  /** Role → person (incident roles: commander, operations, communications, scribe). */
  readonly roles: Readonly<Record<string, string>>;
  readonly decisions: readonly {
    readonly t: number;
    readonly text: string;
    readonly role: string | null;
  }[];
  readonly facilitatorNotes: readonly { readonly t: number; readonly text: string }[];
  /** Discussion prompts: the current one first reached last. */
  readonly prompts: readonly PromptView[];
}

/** What the facilitator can do; each becomes an input of the player's run (or a clock change). */
export interface FacilitatorCommands {
  pause(): void;
  resume(): void;
  inject(event: InjectEvent): void;
  revealClue(level: number): void;
  note(text: string): void;
  decision(text: string, role: string | null): void;
  assignRole(role: string, person: string): void;
  /** Opens the projector view in another window (classroom). */
  openProjector(): void;
  /** After the end: the run's postmortem (the class postmortem), in this window. */
  openPostmortem?(): void;
}

/** What the projector shows: no answer key, large type, for the whole room. */
export interface ProjectorView {
  readonly title: string;
  readonly link: LinkState;
  readonly clock: ClockView;
  readonly ended: { readonly outcome: string } | null;
  readonly roles: Readonly<Record<string, string>>;
  /** The prompt of the stage the story is in, if the scenario has one. */
  readonly prompt: PromptView | null;
  readonly decisions: readonly {
    readonly t: number;
    readonly text: string;
    readonly role: string | null;
  }[];
  /** The channel and pager, newest last, as the players see them (no answer key, no stage). */
  readonly feed: readonly ActivityView[];
  /** Alerts firing now. */
  readonly firing: readonly {
    readonly name: string;
    readonly severity: string;
    readonly summary: string;
  }[];
}
