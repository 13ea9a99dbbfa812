/**
 * The pager panel: reads the store's `pager` slice, lists pages unacknowledged first with words
 * and icons, sends acknowledge / escalate / resolve / runbook through its callbacks, shows a
 * refusal on the card, and announces (and pulses) a re-notification.
 */
import { fireEvent, getAllByRole, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { createIncidentStore } from '../../src/store/index.ts';
import type { IncidentStore, MetricReader, PagerAlert } from '../../src/store/index.ts';
import { mountPager, unacknowledgedCount } from '../../src/ui/pager.ts';
import type { PagerPanel, PagerResult } from '../../src/ui/pager.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';
const NO_METRICS: MetricReader = { metrics: [], written: () => 0, read: () => 0 };

const page = (over: Partial<PagerAlert> & Pick<PagerAlert, 'name'>): PagerAlert => ({
  severity: 'page',
  summary: 'Availability SLO burning 14.4x budget (1h and 5m windows)',
  expr: 'slo:error_ratio:rate1h > (14.4 * 0.001)',
  runbook: 'runbooks/slo-burn.md',
  state: 'triggered',
  firedAt: 668_000,
  acknowledgedAt: null,
  resolvedAt: null,
  notifications: 1,
  escalatedTo: [],
  ...over,
});

const BURN = page({ name: 'ErrorBudgetBurnFast' });
const POOL = page({
  name: 'DBPoolSaturated',
  severity: 'warning',
  summary: 'API database pool more than 90% in use',
  expr: 'sum(pgxpool_acquired_conns) / sum(pgxpool_max_conns) > 0.9',
  runbook: 'runbooks/db-pool.md',
  firedAt: 659_000,
  notifications: 0,
});

let host: HTMLElement;
let store: IncidentStore;
let panel: PagerPanel;
let calls: string[];
let answer: PagerResult;

function mount(pages: readonly PagerAlert[], reducedMotion = false): void {
  store = createIncidentStore({
    startEpochMs: 0,
    metrics: NO_METRICS,
    thresholds: [],
    reducedMotion,
  });
  store.setState({ pager: pages });
  panel = mountPager(host, store, {
    onAcknowledge: (name) => (calls.push(`ack ${name}`), answer),
    onEscalate: (name, target) => (calls.push(`escalate ${name} ${target}`), answer),
    onResolve: (name) => (calls.push(`resolve ${name}`), answer),
    onOpenRunbook: (id) => void calls.push(`runbook ${id}`),
    formatTime: (t) => `T+${t / 1000}s`,
    targets: ['secondary', 'dba', 'platform'],
  });
}

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  host = document.createElement('div');
  document.body.append(host);
  calls = [];
  answer = { ok: true };
});

afterEach(() => {
  panel.destroy();
  host.remove();
});

const cards = (): HTMLElement[] => getAllByRole(host, 'article');
const card = (name: string): HTMLElement => getByRole(host, 'article', { name });
const live = (): HTMLElement => host.querySelector('[aria-live="polite"]')!;

describe('the pager panel', () => {
  it('says so when nothing has paged yet', () => {
    mount([]);
    expect(host.textContent).toContain('No pages yet');
    expect(queryByRole(host, 'article')).toBeNull();
  });

  it('lists pages unacknowledged first, newest first, with severity and state in words', () => {
    const old = page({
      name: 'PostgresDown',
      state: 'resolved',
      firedAt: 60_000,
      resolvedAt: 120_000,
    });
    const acked = page({ name: 'EdgeTLSHandshakeErrors', state: 'acknowledged', firedAt: 700_000 });
    mount([old, POOL, acked, BURN]);
    expect(cards().map((c) => within(c).getByRole('heading').textContent)).toEqual([
      'ErrorBudgetBurnFast',
      'DBPoolSaturated',
      'EdgeTLSHandshakeErrors',
      'PostgresDown',
    ]);
    const burn = card('ErrorBudgetBurnFast');
    expect(burn.textContent).toContain('Page');
    expect(burn.textContent).toContain('Triggered');
    expect(burn.textContent).toContain('Notified once');
    expect(burn.textContent).toContain('Fired T+668s');
    expect(burn.querySelectorAll('svg').length).toBeGreaterThanOrEqual(2);
    expect(card('DBPoolSaturated').textContent).toContain('Low urgency');
    expect(card('PostgresDown').textContent).toContain('Resolved T+120s');
    // Two triggered pages (one a warning) are unacknowledged.
    expect(host.querySelector('.pager-panel-count')?.textContent).toBe('2 unacknowledged');
    expect(unacknowledgedCount([old, POOL, acked, BURN])).toBe(2);
  });

  it('offers only the actions that fit the state', () => {
    mount([
      BURN,
      page({ name: 'EdgeTLSHandshakeErrors', state: 'acknowledged' }),
      page({ name: 'PostgresDown', state: 'resolved', resolvedAt: 700_000 }),
    ]);
    const visible = (name: string): string[] =>
      within(card(name))
        .getAllByRole('button')
        .filter((b) => !b.closest('[hidden]'))
        .map((b) => b.textContent ?? '');
    expect(visible('ErrorBudgetBurnFast')).toEqual([
      'Acknowledge',
      'Escalate…',
      'Resolve',
      'Runbookslo-burn.md',
    ]);
    expect(visible('EdgeTLSHandshakeErrors')).toEqual([
      'Escalate…',
      'Resolve',
      'Runbookslo-burn.md',
    ]);
    expect(visible('PostgresDown')).toEqual(['Runbookslo-burn.md']);
  });

  it('sends acknowledge, resolve and runbook choices by alert name', () => {
    mount([BURN]);
    const burn = card('ErrorBudgetBurnFast');
    fireEvent.click(within(burn).getByRole('button', { name: 'Acknowledge' }));
    fireEvent.click(within(burn).getByRole('button', { name: 'Resolve' }));
    fireEvent.click(within(burn).getByRole('button', { name: /Runbook/ }));
    expect(calls).toEqual([
      'ack ErrorBudgetBurnFast',
      'resolve ErrorBudgetBurnFast',
      'runbook runbooks/slo-burn.md',
    ]);
  });

  it('escalates to a team chosen from a list, from the keyboard too', () => {
    mount([BURN]);
    const burn = card('ErrorBudgetBurnFast');
    const toggle = within(burn).getByRole('button', { name: 'Escalate…' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const select = within(burn).getByRole<HTMLSelectElement>('combobox', { name: 'Escalate to' });
    expect(document.activeElement).toBe(select);
    expect([...select.options].map((o) => o.text)).toEqual([
      'Sam (secondary on-call)',
      'Mei (DBA on-call)',
      'Platform on-call',
    ]);
    fireEvent.change(select, { target: { value: 'dba' } });
    fireEvent.click(within(burn).getByRole('button', { name: 'Escalate' }));
    expect(calls).toEqual(['escalate ErrorBudgetBurnFast dba']);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    // Escape closes the chooser without sending.
    fireEvent.click(toggle);
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(calls).toHaveLength(1);
  });

  it('shows a refusal on the card, and clears it when an action goes through', () => {
    mount([BURN]);
    const burn = card('ErrorBudgetBurnFast');
    answer = { ok: false, errors: ['alert: "ErrorBudgetBurnFast" is already acknowledged'] };
    fireEvent.click(within(burn).getByRole('button', { name: 'Acknowledge' }));
    const alert = within(burn).getByRole('alert');
    expect(alert.textContent).toContain('The pager refused this:');
    expect(alert.textContent).toContain('already acknowledged');
    answer = { ok: true };
    fireEvent.click(within(burn).getByRole('button', { name: 'Resolve' }));
    expect(alert.textContent).toBe('');
  });

  it('follows the store: a card updates in place and keeps focus when its button goes away', () => {
    mount([BURN]);
    const burn = card('ErrorBudgetBurnFast');
    const ack = within(burn).getByRole('button', { name: 'Acknowledge' });
    ack.focus();
    store.setState({
      pager: [
        page({ name: 'ErrorBudgetBurnFast', state: 'acknowledged', acknowledgedAt: 700_000 }),
      ],
    });
    expect(card('ErrorBudgetBurnFast')).toBe(burn);
    expect(burn.textContent).toContain('Acknowledged T+700s');
    expect(document.activeElement).toBe(within(burn).getByRole('button', { name: 'Escalate…' }));
    expect(host.querySelector('.pager-panel-count')?.textContent).toBe('All acknowledged');
  });

  it('announces a new page and a re-notification politely, and pulses the card', () => {
    mount([]);
    store.setState({ pager: [BURN] });
    expect(live().textContent).toBe(
      'Page: ErrorBudgetBurnFast. Availability SLO burning 14.4x budget (1h and 5m windows)',
    );
    const item = card('ErrorBudgetBurnFast').closest('li')!;
    item.classList.remove('page-pulse');
    store.setState({ pager: [page({ name: 'ErrorBudgetBurnFast', notifications: 2 })] });
    expect(live().textContent).toBe('ErrorBudgetBurnFast is still unacknowledged: notification 2');
    expect(item.classList.contains('page-pulse')).toBe(true);
  });

  it('does not pulse under reduced motion, but still announces', () => {
    mount([BURN], true);
    store.setState({ pager: [page({ name: 'ErrorBudgetBurnFast', notifications: 2 })] });
    expect(live().textContent).toContain('notification 2');
    expect(card('ErrorBudgetBurnFast').closest('li')!.classList.contains('page-pulse')).toBe(false);
  });

  it('does not announce what was already there when it mounted', () => {
    mount([BURN]);
    expect(live().textContent).toBe('');
  });

  it('keeps a resolved page and its re-triggered successor apart', () => {
    mount([page({ name: 'ErrorBudgetBurnFast', state: 'resolved', resolvedAt: 670_000 })]);
    store.setState({
      pager: [
        page({ name: 'ErrorBudgetBurnFast', state: 'resolved', resolvedAt: 670_000 }),
        page({ name: 'ErrorBudgetBurnFast', firedAt: 720_000 }),
      ],
    });
    const [fresh, old] = cards();
    expect(fresh!.textContent).toContain('Triggered');
    expect(fresh!.textContent).toContain('Fired T+720s');
    expect(old!.textContent).toContain('Resolved');
    expect(live().textContent).toContain('Page: ErrorBudgetBurnFast');
  });

  it('shows the rule’s PromQL in a disclosure, and text from data as text', () => {
    mount([page({ name: HOSTILE, summary: HOSTILE, expr: HOSTILE })]);
    const c = cards()[0]!;
    const details = c.querySelector('details')!;
    expect(details.querySelector('summary')?.textContent).toBe('Alert rule (PromQL)');
    expect(details.querySelector('code')?.textContent).toBe(HOSTILE);
    expect(c.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('hides the runbook button for an alert with none', () => {
    mount([page({ name: 'GoGCPauseHigh', runbook: '', expr: '' })]);
    const c = card('GoGCPauseHigh');
    expect(within(c).queryByRole('button', { name: /Runbook/ })).toBeNull();
    expect(within(c).getByRole('button', { name: 'Resolve' })).toBeTruthy();
    expect(c.textContent).toContain('not by an alerting rule');
  });

  it('speaks Chinese when the locale changes', () => {
    mount([BURN]);
    setLocale('zh-CN');
    const burn = cards()[0]!;
    expect(burn.textContent).toContain('已触发');
    expect(within(burn).getByRole('button', { name: '确认' })).toBeTruthy();
    expect(host.querySelector('.pager-panel-heading')?.textContent).toBe('寻呼');
  });
});
