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
  | { readonly kind: 'end'; readonly t: number; readonly outcome: string; readonly reason: string };

export type FeedKind = FeedItem['kind'];
