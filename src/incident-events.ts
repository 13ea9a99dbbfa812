/**
 * What the incident feed shows, read from the session as plain data: the story's timeline (its
 * alerts, people, hints, milestones and end) and the alerting rules firing in the simulation (the
 * pages a real on-call gets). Faults stay hidden, they are the answer; the player's own commands
 * are in the console already.
 */
import type { TimelineEntry } from './scenario/runner.ts';
import type { IncidentSession } from './session/session.ts';
import { ALERT_RULES } from './sim/index.ts';
import type { SimEvent } from './sim/index.ts';
import type { FeedItem } from './ui/incident-types.ts';

export function feedItemOf(entry: TimelineEntry): FeedItem | null {
  switch (entry.kind) {
    case 'alert':
    case 'alertResolved':
    case 'message':
    case 'hint':
    case 'milestone':
    case 'end':
      return entry;
    case 'reply':
      return {
        kind: 'reply',
        t: entry.t,
        from: entry.from,
        role: entry.role,
        key: entry.key,
        params: entry.params,
      };
    default:
      return null;
  }
}

const SUMMARIES: ReadonlyMap<string, string> = new Map(ALERT_RULES.map((r) => [r.name, r.summary]));

export function alertItemOf(event: SimEvent): FeedItem | null {
  if (event.kind === 'alertFiring') {
    return {
      kind: 'alert',
      t: event.t,
      name: event.alert,
      severity: event.severity,
      summary: SUMMARIES.get(event.alert) ?? '',
    };
  }
  if (event.kind === 'alertResolved')
    return { kind: 'alertResolved', t: event.t, name: event.alert };
  return null;
}

/** Hands out, in time order, the feed items that appeared since the last call. */
export class FeedReader {
  private timelineRead = 0;
  private lastEvent: SimEvent | undefined;

  constructor(private readonly session: IncidentSession) {
    this.lastEvent = session.run.sim.recorder.events.at(-1);
  }

  take(): FeedItem[] {
    const items: FeedItem[] = [];
    const timeline = this.session.run.timeline;
    for (; this.timelineRead < timeline.length; this.timelineRead += 1) {
      const item = feedItemOf(timeline[this.timelineRead]!);
      if (item) items.push(item);
    }
    // The event list is capped from the front, so look back from its end for the last one seen.
    const events = this.session.run.sim.recorder.events;
    let from = events.length;
    while (from > 0 && events[from - 1] !== this.lastEvent) from -= 1;
    for (const event of events.slice(from)) {
      const item = alertItemOf(event);
      if (item) items.push(item);
    }
    this.lastEvent = events.at(-1);
    return items.sort((a, b) => a.t - b.t);
  }
}
