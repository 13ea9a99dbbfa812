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
  /** Interview mode: the clock cannot be paused or sped up by the player (a facilitator can). */
  readonly speedLocked?: boolean;
  /** Interview mode: a countdown is shown beside the clock (`ClockReading.remainingMs`). */
  readonly countdown?: boolean;
}

/** The header's clock: the simulated UTC time of day and the time since the incident began. */
export interface ClockReading {
  readonly utc: string;
  readonly elapsedMs: number;
  /** Interview mode: simulated ms left on the countdown. */
  readonly remainingMs?: number;
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
  | {
      readonly kind: 'hint';
      readonly t: number;
      readonly level: number;
      readonly text: string;
      /** Already read (a resumed run): shown open. */
      readonly taken?: boolean;
    }
  | { readonly kind: 'milestone'; readonly t: number; readonly name: string }
  | { readonly kind: 'end'; readonly t: number; readonly outcome: string; readonly reason: string }
  /** What happened to a page: re-notified while unacknowledged, acknowledged, escalated, resolved. */
  | {
      readonly kind: 'pager';
      readonly t: number;
      readonly event: 'renotified' | 'acknowledged' | 'escalated' | 'resolved';
      readonly alert: string;
      /** The team escalated to (catalogue value of a page target), or the notification count. */
      readonly detail: string;
    }
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
  | { readonly type: 'hypothesis'; readonly text: string }
  /** The player thinking aloud (interview notes). */
  | { readonly type: 'note'; readonly text: string }
  /** An incident role handed to someone: `role` of the vocabulary, `person` of `people`. */
  | { readonly type: 'assignRole'; readonly role: string; readonly person: string };

export type CommunicationType = Communication['type'];

/** What the session said about a communication: taken, or refused with its reasons. */
export type RespondResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

/** The choices the composer offers, from the action vocabulary and the scenario. */
export interface RespondChoices {
  readonly severities: readonly string[];
  readonly targets: readonly string[];
  /** Incident roles (`INCIDENT_ROLES`); without roles or people the Roles tab is left out. */
  readonly roles?: readonly string[];
  /**
   * Who can take a role: `me` (the player), page targets (`secondary`, `manager`, ... shown by
   * their catalogue names) and the scenario's own characters by name. Sent as given.
   */
  readonly people?: readonly string[];
  /** Status page components (`STATUS_COMPONENTS` when absent). */
  readonly components?: readonly string[];
}

/** The player, as an assignee. */
export const ME = 'me';

/** What the public status page lists, as a customer sees the shop. */
export const STATUS_COMPONENTS = ['website', 'checkout', 'search', 'orders'] as const;

/** Audiences and statuses of a `postUpdate`. */
export const AUDIENCES = ['internal', 'statusPage'] as const;
export const UPDATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
