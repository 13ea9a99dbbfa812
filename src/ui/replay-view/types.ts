/**
 * A finished run as the replay view reads it: plain data the composition root (src/replay.ts)
 * derives from one replay of the run record. The UI layer may not import the session or the
 * simulation, so everything here is numbers, strings and the feed's own item type.
 */
import type { DisplayUnit } from '../dashboards/units.ts';
import type { FeedItem } from '../incident-types.ts';

/** An action as the session recorded it: its vocabulary type and fields (data, shown as text). */
export interface ReplayAction {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** An action of a decision, and whether it was a lever (it changed the system). */
export interface TakenAction {
  readonly action: ReplayAction;
  readonly lever: boolean;
}

/**
 * What a decision was, most telling first: a lever changed the system, a communication went to
 * people or the pager, a look inspected something, a command did nothing the story tracks.
 */
export type DecisionKind = 'lever' | 'communication' | 'look' | 'command';

/** One input of the run record that reached the timeline: a point the player can branch from. */
export interface ReplayDecision {
  /** Simulated ms at which it was taken. */
  readonly t: number;
  readonly kind: DecisionKind;
  /** The console line as typed, or null for an action from a panel or the channel. */
  readonly line: string | null;
  /** The actions it became (none for a console line the story does not track). */
  readonly actions: readonly TakenAction[];
  /** What the console printed, and its exit status; null for a panel or channel action. */
  readonly output: string | null;
  readonly exit: number | null;
  /** What the story answered at once (a milestone reached, a message, the end). */
  readonly effects: readonly FeedItem[];
}

/** One line of the console transcript, with what it printed. */
export interface TranscriptEntry {
  readonly t: number;
  readonly line: string;
  readonly output: string;
  readonly exit: number;
}

/** Why a metric is on the replay's charts. */
export type SeriesRole = 'errors' | 'latency' | 'guard';

/** A metric over the whole run, one sample per simulated second. */
export interface ReplaySeries {
  /** The simulation's metric key, e.g. `api_error_ratio`. */
  readonly key: string;
  readonly role: SeriesRole;
  readonly unit: DisplayUnit;
  /** Simulated ms of each sample, ascending. */
  readonly times: readonly number[];
  readonly values: readonly number[];
  /** Values the story's guards compare this metric with: drawn as lines. */
  readonly thresholds: readonly number[];
}

/** A page of the run, with when it opened, was taken and closed. */
export interface ReplayPage {
  readonly id: number;
  readonly name: string;
  readonly severity: string;
  readonly summary: string;
  readonly firedAt: number;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
}

/** The whole run, for the view. */
export interface ReplayRecord {
  /** Scenario text: rendered as text only. */
  readonly title: string;
  readonly seed: number;
  /** Simulated ms at which the record ends. */
  readonly endMs: number;
  /** UTC of simulated time zero, for the clock. */
  readonly startEpochMs: number;
  /** How the story ended, or null if the run was left before the end. */
  readonly outcome: string | null;
  readonly decisions: readonly ReplayDecision[];
  /** What happened, in time order: alerts, pages, messages, replies, hints, milestones, the end. */
  readonly feed: readonly FeedItem[];
  readonly transcript: readonly TranscriptEntry[];
  readonly series: readonly ReplaySeries[];
  readonly pages: readonly ReplayPage[];
  /** The story's state from each time on, ascending (the first at 0). */
  readonly story: readonly { readonly t: number; readonly state: string }[];
}
