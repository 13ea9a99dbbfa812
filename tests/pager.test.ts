/**
 * The pager model on its own: fed the rules' firing state and the story's timeline step by step,
 * as the session feeds it. Pages open, notify, re-notify until acknowledged, escalate, resolve,
 * re-trigger when resolved while still firing, and resolve themselves when the alert clears.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../src/scenario/runner.ts';
import { EVALUATION_INTERVAL_MS, Pager, RENOTIFY_MS } from '../src/session/pager.ts';
import type { SimState } from '../src/sim/index.ts';

type Alerts = SimState['alerts'];
const S = 1000;
const MIN = 60 * S;

/** A pager and a fake system: which rules fire since when, and the story's timeline. */
function rig() {
  const pager = new Pager();
  const alerts: Alerts = {};
  const timeline: TimelineEntry[] = [];
  let t = 0;
  return {
    pager,
    timeline,
    get t() {
      return t;
    },
    fire(name: string) {
      alerts[name] = { pendingSince: t, firingSince: t };
    },
    clear(name: string) {
      alerts[name] = { pendingSince: -1, firingSince: -1 };
    },
    /** Steps one second at a time, as the session does, until `until`. */
    advanceTo(until: number) {
      while (t < until) {
        t += S;
        pager.observe(t, alerts, timeline);
      }
    },
  };
}

describe('the pager', () => {
  it('opens a triggered page with the rule’s severity, summary, PromQL and runbook', () => {
    const r = rig();
    r.advanceTo(10 * S);
    r.fire('DBPoolSaturated');
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(11 * S);
    const pages = r.pager.alerts();
    // Same-second pages open in the rule file's order.
    expect(pages.map((p) => [p.name, p.state, p.firedAt])).toEqual([
      ['ErrorBudgetBurnFast', 'triggered', 10 * S],
      ['DBPoolSaturated', 'triggered', 10 * S],
    ]);
    const burn = r.pager.open('ErrorBudgetBurnFast')!;
    expect(burn).toMatchObject({
      severity: 'page',
      runbook: 'runbooks/slo-burn.md',
      notifications: 1,
      acknowledgedAt: null,
      resolvedAt: null,
      escalatedTo: [],
    });
    expect(burn.expr).toContain('slo:error_ratio:rate1h');
    // A warning is listed but is low urgency: it never notifies.
    expect(r.pager.open('DBPoolSaturated')).toMatchObject({
      severity: 'warning',
      notifications: 0,
    });
    expect(r.pager.unacknowledged()).toBe(2);
    r.pager.acknowledge(r.t, 'DBPoolSaturated');
    expect(r.pager.unacknowledged()).toBe(1);
  });

  it('re-notifies an unacknowledged page every five minutes, and stops once acknowledged', () => {
    const r = rig();
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(RENOTIFY_MS - S);
    expect(r.pager.open('ErrorBudgetBurnFast')!.notifications).toBe(1);
    r.advanceTo(RENOTIFY_MS);
    expect(r.pager.open('ErrorBudgetBurnFast')!.notifications).toBe(2);
    r.advanceTo(2 * RENOTIFY_MS);
    expect(r.pager.open('ErrorBudgetBurnFast')!.notifications).toBe(3);
    expect(r.pager.notices.filter((n) => n.kind === 'renotified')).toEqual([
      {
        t: RENOTIFY_MS,
        kind: 'renotified',
        page: 1,
        alert: 'ErrorBudgetBurnFast',
        notification: 2,
      },
      {
        t: 2 * RENOTIFY_MS,
        kind: 'renotified',
        page: 1,
        alert: 'ErrorBudgetBurnFast',
        notification: 3,
      },
    ]);
    r.pager.acknowledge(r.t, 'ErrorBudgetBurnFast');
    r.advanceTo(5 * RENOTIFY_MS);
    expect(r.pager.open('ErrorBudgetBurnFast')).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: 2 * RENOTIFY_MS,
      notifications: 3,
    });
    expect(r.pager.unacknowledged()).toBe(0);
  });

  it('never re-notifies a warning', () => {
    const r = rig();
    r.fire('APIHighErrorRate');
    r.advanceTo(30 * MIN);
    expect(r.pager.open('APIHighErrorRate')!.notifications).toBe(0);
    expect(r.pager.notices.some((n) => n.kind === 'renotified')).toBe(false);
  });

  it('resolves a page by itself when its alert stops firing', () => {
    const r = rig();
    r.fire('PostgresDown');
    r.advanceTo(2 * MIN);
    r.clear('PostgresDown');
    r.advanceTo(2 * MIN + S);
    expect(r.pager.alerts()[0]).toMatchObject({
      state: 'resolved',
      resolvedAt: 2 * MIN + S,
      resolvedBy: 'alert',
    });
    // Firing again later is a new page.
    r.advanceTo(10 * MIN);
    r.fire('PostgresDown');
    r.advanceTo(10 * MIN + S);
    expect(r.pager.alerts().map((p) => [p.id, p.state])).toEqual([
      [1, 'resolved'],
      [2, 'triggered'],
    ]);
  });

  it('a page resolved while its alert still fires re-triggers at the next evaluation', () => {
    const r = rig();
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(90 * S);
    r.pager.resolve(r.t, 'ErrorBudgetBurnFast');
    expect(r.pager.open('ErrorBudgetBurnFast')).toBeUndefined();
    r.advanceTo(2 * EVALUATION_INTERVAL_MS - S);
    expect(r.pager.alerts()).toHaveLength(1);
    r.advanceTo(2 * EVALUATION_INTERVAL_MS);
    const [first, second] = r.pager.alerts();
    expect(first).toMatchObject({ state: 'resolved', resolvedBy: 'player', resolvedAt: 90 * S });
    expect(second).toMatchObject({
      id: 2,
      state: 'triggered',
      firedAt: 2 * EVALUATION_INTERVAL_MS,
      notifications: 1,
    });
    expect(r.pager.notices.at(-1)).toMatchObject({ kind: 'triggered', retriggered: true });
  });

  it('a page resolved just before its alert clears stays resolved', () => {
    const r = rig();
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(30 * S);
    r.pager.resolve(r.t, 'ErrorBudgetBurnFast');
    r.clear('ErrorBudgetBurnFast');
    r.advanceTo(5 * MIN);
    expect(r.pager.alerts().map((p) => p.state)).toEqual(['resolved']);
  });

  it('records escalations in order, once per team', () => {
    const r = rig();
    r.fire('DBPoolSaturated');
    r.advanceTo(S);
    expect(r.pager.escalate(r.t, 'DBPoolSaturated', 'dba')).toBe(true);
    expect(r.pager.escalate(r.t, 'DBPoolSaturated', 'dba')).toBe(false);
    expect(r.pager.escalate(r.t, 'DBPoolSaturated', 'platform')).toBe(true);
    expect(r.pager.open('DBPoolSaturated')!.escalatedTo).toEqual(['dba', 'platform']);
    // Escalating hands the page on; it does not acknowledge it.
    expect(r.pager.open('DBPoolSaturated')!.state).toBe('triggered');
  });

  it('follows the story’s own alerts on the timeline, with no PromQL or runbook', () => {
    const r = rig();
    r.timeline.push({
      t: 0,
      kind: 'alert',
      name: 'GoGCPauseHigh',
      severity: 'warning',
      summary: 'GC pauses',
    });
    r.advanceTo(S);
    expect(r.pager.open('GoGCPauseHigh')).toMatchObject({
      firedAt: 0,
      expr: '',
      runbook: '',
      summary: 'GC pauses',
    });
    r.timeline.push({ t: S, kind: 'alertResolved', name: 'GoGCPauseHigh' });
    r.advanceTo(2 * S);
    expect(r.pager.alerts()[0]).toMatchObject({ state: 'resolved', resolvedBy: 'alert' });
  });

  it('refuses actions on an unknown, quiet or already handled alert, with a reason', () => {
    const r = rig();
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(S);
    expect(r.pager.refuse({ type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' })).toEqual([]);
    expect(r.pager.refuse({ type: 'resolveAlert', alert: 'ErrorBudgtBurnFast' })).toEqual([
      'alert: no alert is named "ErrorBudgtBurnFast" (did you mean "ErrorBudgetBurnFast"?)',
    ]);
    expect(r.pager.refuse({ type: 'acknowledgeAlert', alert: 'PostgresDown' })[0]).toContain(
      'has no open page',
    );
    r.pager.acknowledge(r.t, 'ErrorBudgetBurnFast');
    expect(r.pager.refuse({ type: 'acknowledgeAlert', alert: 'ErrorBudgetBurnFast' })[0]).toContain(
      'already acknowledged',
    );
    r.pager.escalate(r.t, 'ErrorBudgetBurnFast', 'secondary');
    expect(
      r.pager.refuse({ type: 'escalateAlert', alert: 'ErrorBudgetBurnFast', target: 'secondary' }),
    ).toHaveLength(1);
    // Not the pager's business.
    expect(r.pager.refuse({ type: 'hypothesis', text: 'x' })).toEqual([]);
  });

  it('hands out the same snapshot until something changes', () => {
    const r = rig();
    r.fire('ErrorBudgetBurnFast');
    r.advanceTo(S);
    const before = r.pager.alerts();
    const version = r.pager.version;
    r.advanceTo(2 * MIN);
    expect(r.pager.alerts()).toBe(before);
    expect(r.pager.version).toBe(version);
    r.pager.acknowledge(r.t, 'ErrorBudgetBurnFast');
    expect(r.pager.alerts()).not.toBe(before);
    expect(before[0]!.state).toBe('triggered');
    expect(Object.isFrozen(r.pager.alerts()[0])).toBe(true);
  });
});
