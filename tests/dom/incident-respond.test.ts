import { fireEvent, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedItemOf } from '../../src/incident-events.ts';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { renderItem } from '../../src/ui/incident-feed-items.ts';
import { createRespond } from '../../src/ui/incident-respond.ts';
import type { Communication, RespondResult } from '../../src/ui/incident-types.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';
const CHOICES = {
  severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
  targets: ['secondary', 'dba', 'platform', 'network', 'payments', 'manager'],
};

let root: HTMLElement;
let sent: Communication[];
let answer: RespondResult;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  sent = [];
  answer = { ok: true };
  const composer = createRespond('t', CHOICES, (c) => {
    sent.push(c);
    return answer;
  });
  root.append(composer.element);
});

afterEach(() => root.remove());

const tab = (name: string): HTMLElement => getByRole(root, 'tab', { name });
const panel = (): HTMLElement => getByRole(root, 'tabpanel');
const field = (name: string): HTMLInputElement | HTMLTextAreaElement =>
  within(panel()).getByRole('textbox', { name });
const choose = (name: string, value: string): void => {
  const select = within(panel()).getByRole<HTMLSelectElement>('combobox', { name });
  fireEvent.change(select, { target: { value } });
};
const type = (name: string, value: string): void => {
  fireEvent.input(field(name), { target: { value } });
};
const send = (name: string): void => {
  fireEvent.click(within(panel()).getByRole('button', { name }));
};

describe('the Respond composer', () => {
  it('declares an incident with a severity and a title', () => {
    expect(tab('Declare').getAttribute('aria-selected')).toBe('true');
    choose('Severity', 'SEV2');
    type('Title', '  Checkout failing ');
    send('Declare incident');
    expect(sent).toEqual([
      { type: 'declareIncident', severity: 'SEV2', title: 'Checkout failing' },
    ]);
    expect(field('Title').value).toBe('');
  });

  it('pages a team by its catalogue name, with an optional message', () => {
    fireEvent.click(tab('Page'));
    const options = within(panel())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('Mei (DBA on-call)');
    expect(options).toHaveLength(6);
    choose('Who', 'dba');
    send('Page');
    choose('Who', 'platform');
    type('Message (optional)', 'API pods not ready?');
    send('Page');
    expect(sent).toEqual([
      { type: 'page', target: 'dba', message: '' },
      { type: 'page', target: 'platform', message: 'API pods not ready?' },
    ]);
  });

  it('posts an update to an audience with a status', () => {
    fireEvent.click(tab('Update'));
    choose('Audience', 'statusPage');
    choose('Status', 'identified');
    type('Update', 'Checkout errors; a fix is rolling out.');
    send('Post update');
    expect(sent).toEqual([
      {
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'identified',
        text: 'Checkout errors; a fix is rolling out.',
      },
    ]);
  });

  it('notes a hypothesis', () => {
    fireEvent.click(tab('Hypothesis'));
    type('Hypothesis', 'Connections leak since the 14:02 deploy');
    send('Note hypothesis');
    expect(sent).toEqual([{ type: 'hypothesis', text: 'Connections leak since the 14:02 deploy' }]);
  });

  it('asks for text before sending an empty form', () => {
    send('Declare incident');
    expect(sent).toEqual([]);
    expect(getByRole(panel(), 'alert').textContent).toBe('Write something first.');
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Title'));
  });

  it('shows a refusal inline and keeps the typed text', () => {
    answer = { ok: false, errors: ['title: too long', 'severity: invalid'] };
    type('Title', 'Checkout failing');
    send('Declare incident');
    const alert = getByRole(panel(), 'alert');
    expect(alert.textContent).toContain('Not sent:');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['title: too long', 'severity: invalid']);
    expect(field('Title').value).toBe('Checkout failing');
    expect(field('Title').getAttribute('aria-describedby')).toBe(alert.id);

    answer = { ok: true };
    send('Declare incident');
    expect(alert.textContent).toBe('');
    expect(field('Title').hasAttribute('aria-invalid')).toBe(false);
  });

  it('keeps HTML typed by the player as text, in the form and in the feed', () => {
    answer = { ok: false, errors: [HOSTILE] };
    fireEvent.click(tab('Hypothesis'));
    type('Hypothesis', HOSTILE);
    send('Note hypothesis');
    expect(root.querySelector('img')).toBeNull();
    expect(getByRole(panel(), 'alert').textContent).toContain(HOSTILE);

    const item = feedItemOf({
      t: 60_000,
      kind: 'action',
      action: { type: 'hypothesis', text: HOSTILE },
      lever: false,
      source: 'channel',
    });
    expect(item).not.toBeNull();
    const { element, announce } = renderItem(item!);
    expect(element.querySelector('img')).toBeNull();
    expect(element.textContent).toContain(HOSTILE);
    expect(announce).toContain(HOSTILE);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('is operable by keyboard: arrow keys move between tabs, Ctrl+Enter sends', () => {
    const declare = tab('Declare');
    declare.focus();
    expect(declare.tabIndex).toBe(0);
    expect(tab('Page').tabIndex).toBe(-1);
    fireEvent.keyDown(declare, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Page'));
    expect(tab('Page').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('Page'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Hypothesis'));
    fireEvent.keyDown(tab('Hypothesis'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Declare'));
    fireEvent.keyDown(tab('Declare'), { key: 'ArrowLeft' });
    expect(panel().id).toBe(tab('Hypothesis').getAttribute('aria-controls'));

    type('Hypothesis', 'DNS');
    fireEvent.keyDown(field('Hypothesis'), { key: 'Enter' });
    expect(sent).toEqual([]);
    fireEvent.keyDown(field('Hypothesis'), { key: 'Enter', ctrlKey: true });
    expect(sent).toEqual([{ type: 'hypothesis', text: 'DNS' }]);
  });

  it('folds away behind its heading button', () => {
    const toggle = getByRole(root, 'button', { name: 'Respond' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(queryByRole(root, 'tablist')).toBeNull();
    fireEvent.click(toggle);
    expect(getByRole(root, 'tablist')).toBeTruthy();
  });
});

describe("the player's communications in the feed", () => {
  const own = (action: { type: string } & Record<string, unknown>, lever = false) =>
    feedItemOf({ t: 120_000, kind: 'action', action, lever, source: 'channel' });

  it('maps declarations, pages, updates and hypotheses, and nothing else', () => {
    expect(own({ type: 'inspect', target: 'pg_stat_activity' })).toBeNull();
    expect(own({ type: 'scale', deployment: 'api', replicas: 3 }, true)).toBeNull();
    expect(own({ type: 'acknowledgeAlert', alert: 'x' })).toBeNull();
    expect(own({ type: 'page', target: 'dba', message: '' })).toEqual({
      kind: 'own',
      t: 120_000,
      act: { type: 'page', target: 'dba', message: '' },
    });
  });

  it('says what was done in words', () => {
    const said = (action: { type: string } & Record<string, unknown>): string =>
      renderItem(own(action)!).element.textContent ?? '';
    expect(
      said({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout failing' }),
    ).toContain('You declared SEV2: Checkout failing');
    expect(said({ type: 'page', target: 'dba', message: 'Pool full?' })).toContain(
      'You paged Mei (DBA on-call)',
    );
    expect(
      said({
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'investigating',
        text: 'Looking',
      }),
    ).toContain('Status page update (Investigating)');
    const hypothesis = renderItem(own({ type: 'hypothesis', text: 'A leak' })!).element;
    expect(getByText(hypothesis, 'A leak')).toBeTruthy();
  });
});
