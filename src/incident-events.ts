/**
 * What the incident feed shows, read from the session as plain data: the story's timeline (its
 * alerts, people, hints, milestones and end) and the alerting rules firing in the simulation (the
 * pages a real on-call gets), and what the player said (declarations, pages, updates,
 * hypotheses). Faults stay hidden, they are the answer; the player's own commands and looks are
 * in the console already.
 */
import type { PlayerRecord, TimelineEntry } from './scenario/runner.ts';
import type { PagerNotice } from './session/pager.ts';
import type { IncidentSession } from './session/session.ts';
import { ALERT_RULES } from './sim/index.ts';
import type { SimEvent } from './sim/index.ts';
import type { Communication, FeedItem } from './ui/incident-types.ts';

/** A field of a validated action, as text (the session has checked its type already). */
const field = (action: PlayerRecord, name: string): string => {
  const value = action[name];
  return typeof value === 'string' ? value : '';
};

/** The player's communication in a timeline action, or null for levers, looks and the rest. */
export function communicationOf(action: PlayerRecord): Communication | null {
  switch (action.type) {
    case 'declareIncident':
      return {
        type: 'declareIncident',
        severity: field(action, 'severity'),
        title: field(action, 'title'),
      };
    case 'page':
      return { type: 'page', target: field(action, 'target'), message: field(action, 'message') };
    case 'postUpdate':
      return {
        type: 'postUpdate',
        audience: field(action, 'audience'),
        status: field(action, 'status'),
        text: field(action, 'text'),
      };
    case 'hypothesis':
      return { type: 'hypothesis', text: field(action, 'text') };
    case 'note':
      return { type: 'note', text: field(action, 'text') };
    case 'assignRole':
      return { type: 'assignRole', role: field(action, 'role'), person: field(action, 'person') };
    default:
      return null;
  }
}

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
    case 'action': {
      if (entry.lever) return null;
      const act = communicationOf(entry.action);
      return act === null ? null : { kind: 'own', t: entry.t, act };
    }
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

/**
 * What the feed says about a pager notice. A page firing is already an alert entry and a page
 * resolving because its alert cleared an `alertResolved` one; the rest is new to the feed.
 */
export function pagerItemOf(notice: PagerNotice): FeedItem | null {
  switch (notice.kind) {
    case 'renotified':
      return {
        kind: 'pager',
        t: notice.t,
        event: 'renotified',
        alert: notice.alert,
        detail: String(notice.notification),
      };
    case 'acknowledged':
      return { kind: 'pager', t: notice.t, event: 'acknowledged', alert: notice.alert, detail: '' };
    case 'escalated':
      return {
        kind: 'pager',
        t: notice.t,
        event: 'escalated',
        alert: notice.alert,
        detail: notice.target,
      };
    case 'resolved':
      return notice.by === 'player'
        ? { kind: 'pager', t: notice.t, event: 'resolved', alert: notice.alert, detail: '' }
        : null;
    default:
      return null;
  }
}

/** Whether the player already read the hint of this level (a resumed run shows it open). */
function hintTaken(timeline: readonly TimelineEntry[], level: number): boolean {
  return timeline.some(
    (e) => e.kind === 'action' && e.action.type === 'takeHint' && e.action['level'] === level,
  );
}

/** Hands out, in time order, the feed items that appeared since the last call. */
export class FeedReader {
  private noticesRead = 0;
  private timelineRead = 0;
  private lastEvent: SimEvent | undefined;

  /**
   * `fromStart`: a resumed run shows what already happened; a new one starts from now.
   * `storyHints`: false in interview mode, where only a facilitator's clues are shown.
   */
  constructor(
    private readonly session: IncidentSession,
    fromStart = false,
    private readonly storyHints = true,
  ) {
    this.lastEvent = fromStart ? undefined : session.run.sim.recorder.events.at(-1);
  }

  take(): FeedItem[] {
    const items: FeedItem[] = [];
    const timeline = this.session.run.timeline;
    for (; this.timelineRead < timeline.length; this.timelineRead += 1) {
      const entry = timeline[this.timelineRead]!;
      const item = feedItemOf(entry);
      const clue = entry.kind === 'hint' && entry.by === 'facilitator';
      if (item?.kind === 'hint' && !clue && !this.storyHints) continue;
      // A facilitator's clue is given, not offered: it shows open.
      if (item?.kind === 'hint' && (clue || hintTaken(timeline, item.level)))
        items.push({ ...item, taken: true });
      else if (item) items.push(item);
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
    const notices = this.session.pager.notices;
    for (; this.noticesRead < notices.length; this.noticesRead += 1) {
      const item = pagerItemOf(notices[this.noticesRead]!);
      if (item) items.push(item);
    }
    return items.sort((a, b) => a.t - b.t);
  }
}
