/**
 * The pager, as PagerDuty or Opsgenie behave: an alert that starts firing opens a page; a page of
 * severity `page` (high urgency) notifies at once and again every `RENOTIFY_MS` until someone
 * acknowledges it; warnings and tickets (low urgency) are listed but never notify. The player
 * acknowledges, escalates to a team, or resolves; when the alert stops firing the page resolves
 * itself, and a page resolved while its alert still fires comes back at the next evaluation as a
 * new page. It follows the simulation's alerting rules and the story's own alerts, step by step
 * on simulated time, so a replay reproduces it exactly.
 */
import type { PlayerAction } from '../actions/vocabulary.ts';
import type { TimelineEntry } from '../scenario/runner.ts';
import type { PageTarget } from '../scenario/vocabulary.ts';
import { closest } from '../shared/suggest.ts';
import { ALERT_RULES, MINUTE } from '../sim/index.ts';
import type { AlertSeverity, SimState } from '../sim/index.ts';

/** An unacknowledged high-urgency page notifies again this often (PagerDuty's usual rule). */
export const RENOTIFY_MS = 5 * MINUTE;
/**
 * How often the alerting rules are evaluated for the pager (Prometheus' default
 * `evaluation_interval`): a page resolved while its alert still fires re-triggers at the next one.
 */
export const EVALUATION_INTERVAL_MS = 1 * MINUTE;

export type PagerPageState = 'triggered' | 'acknowledged' | 'resolved';

/** One page, as the pager lists it. Compatible with the store's `PagerAlert`. */
export interface PagerPage {
  /** 1, 2, 3… in the order pages opened: a re-triggered alert is a new page with a new id. */
  readonly id: number;
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly summary: string;
  /** The rule's PromQL; empty for an alert the story raises itself. */
  readonly expr: string;
  /** A runbook id (`runbooks/db-pool.md`); empty when the alert has none. */
  readonly runbook: string;
  readonly state: PagerPageState;
  readonly firedAt: number;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
  /** `player` when resolved by hand, `alert` when its alert stopped firing. */
  readonly resolvedBy: 'player' | 'alert' | null;
  /** Times it has notified: 1 when a high-urgency page fires, +1 per re-notification; 0 for low urgency. */
  readonly notifications: number;
  readonly lastNotifiedAt: number;
  /** Teams it was escalated to, in order. */
  readonly escalatedTo: readonly PageTarget[];
}

/** What happened to a page, in order: the pager's own log, for the feed and the postmortem. */
export type PagerNotice =
  | {
      readonly t: number;
      readonly kind: 'triggered';
      readonly page: number;
      readonly alert: string;
      readonly severity: AlertSeverity;
      readonly retriggered: boolean;
    }
  | {
      readonly t: number;
      readonly kind: 'renotified';
      readonly page: number;
      readonly alert: string;
      readonly notification: number;
    }
  | {
      readonly t: number;
      readonly kind: 'acknowledged';
      readonly page: number;
      readonly alert: string;
    }
  | {
      readonly t: number;
      readonly kind: 'escalated';
      readonly page: number;
      readonly alert: string;
      readonly target: PageTarget;
    }
  | {
      readonly t: number;
      readonly kind: 'resolved';
      readonly page: number;
      readonly alert: string;
      readonly by: 'player' | 'alert';
    };

/** What the rest of the game may read: the pages and the log, never the controls. */
export interface PagerView {
  /** Every page, oldest first. The same array until something changes. */
  alerts(): readonly PagerPage[];
  readonly notices: readonly PagerNotice[];
  /** Bumped on every change, so a reader copies only when there is something new. */
  readonly version: number;
  /** Pages nobody has acknowledged yet, of any severity. */
  unacknowledged(): number;
}

type AlertInfo = {
  readonly severity: AlertSeverity;
  readonly summary: string;
  readonly expr: string;
  readonly runbook: string;
  /** When this firing began. */
  readonly since: number;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Page = Mutable<Omit<PagerPage, 'escalatedTo'>> & { escalatedTo: PageTarget[] };

const RULES = new Map(ALERT_RULES.map((r) => [r.name, r]));
const SEVERITIES: readonly string[] = ['page', 'warning', 'ticket'];
const asSeverity = (s: string): AlertSeverity =>
  SEVERITIES.includes(s) ? (s as AlertSeverity) : 'warning';

export class Pager implements PagerView {
  readonly notices: PagerNotice[] = [];
  private readonly pages: Page[] = [];
  /** Alerts the story raised and has not resolved, by name. */
  private readonly storyFiring = new Map<string, AlertInfo>();
  /** Alerts whose page the player resolved while they still fired: they come back. */
  private readonly retrigger = new Set<string>();
  private timelineRead = 0;
  private changes = 0;
  private snapshot: readonly PagerPage[] = [];
  private snapshotAt = 0;

  get version(): number {
    return this.changes;
  }

  alerts(): readonly PagerPage[] {
    if (this.snapshotAt !== this.changes) {
      this.snapshot = this.pages.map((p) =>
        Object.freeze({ ...p, escalatedTo: [...p.escalatedTo] }),
      );
      this.snapshotAt = this.changes;
    }
    return this.snapshot;
  }

  unacknowledged(): number {
    return this.pages.filter((p) => p.state === 'triggered').length;
  }

  /** The open (triggered or acknowledged) page of an alert; there is at most one. */
  open(name: string): PagerPage | undefined {
    return this.alerts().find((p) => p.name === name && p.state !== 'resolved');
  }

  /**
   * Follows one simulated step, after it ran: reads the rules' state and the story's new alert
   * entries, opens and auto-resolves pages, re-triggers and re-notifies.
   */
  observe(t: number, alerts: SimState['alerts'], timeline: readonly TimelineEntry[]): void {
    for (; this.timelineRead < timeline.length; this.timelineRead += 1) {
      const e = timeline[this.timelineRead]!;
      if (e.kind === 'alert') {
        const rule = RULES.get(e.name);
        this.storyFiring.set(e.name, {
          severity: asSeverity(e.severity),
          summary: e.summary,
          expr: rule?.expr ?? '',
          runbook: rule?.runbook ?? '',
          since: e.t,
        });
      } else if (e.kind === 'alertResolved') this.storyFiring.delete(e.name);
    }
    const firing = this.firing(alerts);

    for (const page of this.pages)
      if (page.state !== 'resolved' && !firing.has(page.name)) this.close(page, t, 'alert');
    for (const name of this.retrigger) if (!firing.has(name)) this.retrigger.delete(name);

    for (const [name, info] of firing) {
      if (this.openPage(name)) continue;
      if (!this.retrigger.has(name)) this.trigger(name, info, info.since, false);
      else if (t % EVALUATION_INTERVAL_MS === 0) {
        this.retrigger.delete(name);
        this.trigger(name, info, t, true);
      }
    }

    for (const page of this.pages) {
      if (page.state !== 'triggered' || page.severity !== 'page') continue;
      if (t - page.lastNotifiedAt < RENOTIFY_MS) continue;
      page.notifications += 1;
      page.lastNotifiedAt = t;
      this.log({
        t,
        kind: 'renotified',
        page: page.id,
        alert: page.name,
        notification: page.notifications,
      });
    }
  }

  /**
   * Why the pager cannot take this action now, one message per problem; empty when it can (or
   * when the action is not the pager's).
   */
  refuse(action: PlayerAction): string[] {
    if (
      action.type !== 'acknowledgeAlert' &&
      action.type !== 'escalateAlert' &&
      action.type !== 'resolveAlert'
    )
      return [];
    const name = action.alert;
    const page = this.openPage(name);
    if (!page) {
      const known = this.knownNames();
      if (!known.includes(name)) {
        const guess = closest(name, known);
        return [`alert: no alert is named "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}`];
      }
      return [`alert: "${name}" has no open page: it is not firing, or it was resolved already`];
    }
    if (action.type === 'acknowledgeAlert' && page.state === 'acknowledged')
      return [`alert: "${name}" is already acknowledged`];
    if (action.type === 'escalateAlert' && page.escalatedTo.includes(action.target))
      return [`target: "${name}" was already escalated to ${action.target}`];
    return [];
  }

  /** Stops re-notification. Does nothing for a page that is not triggered. */
  acknowledge(t: number, name: string): void {
    const page = this.openPage(name);
    if (!page || page.state !== 'triggered') return;
    page.state = 'acknowledged';
    page.acknowledgedAt = t;
    this.log({ t, kind: 'acknowledged', page: page.id, alert: name });
  }

  /** Records the hand-over; the session pages the team. Returns whether there was a page. */
  escalate(t: number, name: string, target: PageTarget): boolean {
    const page = this.openPage(name);
    if (!page || page.escalatedTo.includes(target)) return false;
    page.escalatedTo.push(target);
    this.log({ t, kind: 'escalated', page: page.id, alert: name, target });
    return true;
  }

  /** Closes the page; if its alert still fires, the next evaluation opens a new one. */
  resolve(t: number, name: string): void {
    const page = this.openPage(name);
    if (!page) return;
    this.close(page, t, 'player');
    this.retrigger.add(name);
  }

  private firing(alerts: SimState['alerts']): Map<string, AlertInfo> {
    const out = new Map<string, AlertInfo>();
    for (const rule of ALERT_RULES) {
      const since = alerts[rule.name]?.firingSince ?? -1;
      if (since < 0) continue;
      out.set(rule.name, {
        severity: rule.severity,
        summary: rule.summary,
        expr: rule.expr,
        runbook: rule.runbook,
        since,
      });
    }
    for (const [name, info] of this.storyFiring) if (!out.has(name)) out.set(name, info);
    return out;
  }

  private trigger(name: string, info: AlertInfo, at: number, retriggered: boolean): void {
    const urgent = info.severity === 'page';
    const page: Page = {
      id: this.pages.length + 1,
      name,
      severity: info.severity,
      summary: info.summary,
      expr: info.expr,
      runbook: info.runbook,
      state: 'triggered',
      firedAt: at,
      acknowledgedAt: null,
      resolvedAt: null,
      resolvedBy: null,
      notifications: urgent ? 1 : 0,
      lastNotifiedAt: at,
      escalatedTo: [],
    };
    this.pages.push(page);
    this.log({
      t: at,
      kind: 'triggered',
      page: page.id,
      alert: name,
      severity: info.severity,
      retriggered,
    });
  }

  private close(page: Page, t: number, by: 'player' | 'alert'): void {
    page.state = 'resolved';
    page.resolvedAt = t;
    page.resolvedBy = by;
    this.log({ t, kind: 'resolved', page: page.id, alert: page.name, by });
  }

  private openPage(name: string): Page | undefined {
    return this.pages.find((p) => p.name === name && p.state !== 'resolved');
  }

  private knownNames(): string[] {
    const names = new Set<string>(RULES.keys());
    for (const p of this.pages) names.add(p.name);
    for (const name of this.storyFiring.keys()) names.add(name);
    return [...names];
  }

  private log(notice: PagerNotice): void {
    this.notices.push(notice);
    this.changes += 1;
  }
}
