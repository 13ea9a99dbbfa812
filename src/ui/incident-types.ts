/**
 * What the incident screen shows, as plain data. The composition root (src/incident.ts) builds it
 * from the session; the UI layer may not import the session or the simulation.
 */

/** Simulated seconds per wall-clock second; 0 is paused. */
export type Speed = 0 | 1 | 2 | 5 | 10;

export const SPEEDS: readonly Speed[] = [0, 1, 2, 5, 10];

/** Scenario text: data, rendered with textContent only. */
export interface IncidentInfo {
  readonly title: string;
  readonly briefing: {
    readonly role: string;
    readonly situation: string;
    /** Optional in scenario files; the briefing leaves the part out when absent. */
    readonly normal?: string | undefined;
  };
}

/** The header's clock: the simulated UTC time of day and the time since the incident began. */
export interface ClockReading {
  readonly utc: string;
  readonly elapsedMs: number;
}

/** One entry of the incident feed. `t` is simulated milliseconds since the start. */
export type FeedItem =
  | {
      readonly kind: 'alert';
      readonly t: number;
      readonly name: string;
      /** `page`, `warning` or `ticket`; shown as a word and an icon, never by colour alone. */
      readonly severity: string;
      readonly summary: string;
    }
  | { readonly kind: 'alertResolved'; readonly t: number; readonly name: string }
  /** A scenario character speaking: `from` and `text` are scenario data. */
  | {
      readonly kind: 'message';
      readonly t: number;
      readonly from: string;
      readonly role: string;
      readonly text: string;
    }
  /** A paged team answering: `from` and `key` are catalogue keys, `params` fill `key`. */
  | {
      readonly kind: 'reply';
      readonly t: number;
      readonly from: string;
      readonly role: string;
      readonly key: string;
      readonly params: Readonly<Record<string, string | number>>;
    }
  | { readonly kind: 'hint'; readonly t: number; readonly level: number; readonly text: string }
  | { readonly kind: 'milestone'; readonly t: number; readonly name: string }
  | { readonly kind: 'end'; readonly t: number; readonly outcome: string; readonly reason: string }
  /** The player's own communication (declare, page, update, hypothesis); its text is theirs. */
  | { readonly kind: 'own'; readonly t: number; readonly act: Communication };

export type FeedKind = FeedItem['kind'];

/**
 * The player's communication, as the Respond composer sends it and the feed shows it back. The
 * composition root validates it as a session action (`perform(..., 'channel')`); the values of
 * `severity`, `target`, `audience` and `status` are the action vocabulary's.
 */
export type Communication =
  | { readonly type: 'declareIncident'; readonly severity: string; readonly title: string }
  | { readonly type: 'page'; readonly target: string; readonly message: string }
  | {
      readonly type: 'postUpdate';
      readonly audience: string;
      readonly status: string;
      readonly text: string;
    }
  | { readonly type: 'hypothesis'; readonly text: string };

export type CommunicationType = Communication['type'];

/** What the session said about a communication: taken, or refused with its reasons. */
export type RespondResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

/** The choices the composer offers, from the action vocabulary. */
export interface RespondChoices {
  readonly severities: readonly string[];
  readonly targets: readonly string[];
}

/** Audiences and statuses of a `postUpdate`. */
export const AUDIENCES = ['internal', 'statusPage'] as const;
export const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
