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
    expect(document.activeElement).toBe(tab('Notes'));
    fireEvent.keyDown(tab('Notes'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Declare'));
    fireEvent.keyDown(tab('Declare'), { key: 'ArrowLeft' });
    expect(panel().id).toBe(tab('Notes').getAttribute('aria-controls'));
    fireEvent.keyDown(tab('Notes'), { key: 'ArrowLeft' });
    expect(panel().id).toBe(tab('Hypothesis').getAttribute('aria-controls'));

    type('Hypothesis', 'DNS');
    fireEvent.keyDown(field('Hypothesis'), { key: 'Enter' });
    expect(sent).toEqual([]);
    fireEvent.keyDown(field('Hypothesis'), { key: 'Enter', ctrlKey: true });
    expect(sent).toEqual([{ type: 'hypothesis', text: 'DNS' }]);

    // Thinking aloud (the interview's notes) is sent the same way.
    fireEvent.click(tab('Notes'));
    type('Thinking aloud', '  Pool first, then the database.  ');
    fireEvent.keyDown(field('Thinking aloud'), { key: 'Enter', ctrlKey: true });
    expect(sent.at(-1)).toEqual({ type: 'note', text: 'Pool first, then the database.' });
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
    const note = renderItem(own({ type: 'note', text: 'Pool first' })!).element;
    expect(note.textContent).toContain('Note');
    expect(getByText(note, 'Pool first')).toBeTruthy();
  });
});

describe('incident roles and the status page draft', () => {
  const WITH_ROLES = {
    ...CHOICES,
    roles: ['commander', 'operations', 'communications', 'scribe'],
    people: ['me', 'secondary', 'manager', 'Priya (platform)'],
  };

  beforeEach(() => {
    root.replaceChildren(
      createRespond('r', WITH_ROLES, (c) => {
        sent.push(c);
        return answer;
      }).element,
    );
  });

  const preview = (): HTMLElement =>
    within(panel()).getByRole('region', { name: 'Preview: the public status page' });

  it('offers the Roles tab only with roles and people to give them to', () => {
    expect(getAllTabNames(root)).toEqual([
      'Declare',
      'Page',
      'Roles',
      'Update',
      'Status page',
      'Hypothesis',
      'Notes',
    ]);
    const without = document.createElement('div');
    without.append(createRespond('w', CHOICES, () => ({ ok: true })).element);
    expect(getAllTabNames(without)).toEqual([
      'Declare',
      'Page',
      'Update',
      'Status page',
      'Hypothesis',
      'Notes',
    ]);
  });

  it('assigns a role to a person by name, and lists who holds what', () => {
    fireEvent.click(tab('Roles'));
    const people = within(panel())
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(people).toEqual(
      expect.arrayContaining(['Incident commander', 'Scribe', 'Me', 'Sam (secondary on-call)']),
    );
    expect(panel().textContent).toContain('No roles handed out yet');

    choose('Role', 'communications');
    choose('Who', 'manager');
    send('Assign role');
    choose('Role', 'commander');
    choose('Who', 'Priya (platform)');
    send('Assign role');
    expect(sent).toEqual([
      { type: 'assignRole', role: 'communications', person: 'manager' },
      { type: 'assignRole', role: 'commander', person: 'Priya (platform)' },
    ]);
    const held = within(panel())
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(held).toEqual([
      'Incident commander: Priya (platform)',
      'Communications lead: Dana (engineering manager)',
    ]);
  });

  it('leaves the list alone when the session refuses an assignment', () => {
    fireEvent.click(tab('Roles'));
    answer = { ok: false, errors: ['person: unknown'] };
    send('Assign role');
    expect(getByRole(panel(), 'alert').textContent).toContain('person: unknown');
    expect(panel().textContent).toContain('No roles handed out yet');
  });

  it('drafts a status page post from a template, previewed as customers see it', () => {
    fireEvent.click(tab('Status page'));
    expect(
      within(preview()).getByText('Your message appears here as customers will read it.'),
    ).toBeTruthy();
    choose('Affected component', 'checkout');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Use the “Identified” template' }));
    const message = field('Message to customers');
    expect(message.value).toContain('affecting Checkout and payments');
    expect(document.activeElement).toBe(message);
    expect(within(panel()).getByRole<HTMLSelectElement>('combobox', { name: 'Status' }).value).toBe(
      'identified',
    );
    expect(preview().textContent).toContain('Identified');
    expect(preview().textContent).toContain('Checkout and payments');
    expect(preview().textContent).toContain('We have identified the cause');

    type('Message to customers', 'Some checkouts fail. Next update 15:30 UTC.');
    expect(preview().textContent).toContain('Some checkouts fail. Next update 15:30 UTC.');

    send('Publish to status page');
    expect(sent).toEqual([
      {
        type: 'postUpdate',
        audience: 'statusPage',
        status: 'identified',
        text: 'Some checkouts fail. Next update 15:30 UTC.\n\nAffects: Checkout and payments',
      },
    ]);
    expect(message.value).toBe('');
    expect(preview().textContent).toContain('Your message appears here');
  });

  it('never overwrites what the player wrote with a template', () => {
    fireEvent.click(tab('Status page'));
    type('Message to customers', 'My own words.');
    fireEvent.click(
      within(panel()).getByRole('button', { name: 'Use the “Investigating” template' }),
    );
    const message = field('Message to customers');
    expect(message.value.startsWith('My own words.\n\nWe are investigating')).toBe(true);
    // A second template replaces only template text it put there itself.
    fireEvent.input(message, { target: { value: '' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Use the “Monitoring” template' }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Use the “Resolved” template' }));
    expect(message.value).toMatch(/^This incident has been resolved/);
  });

  it('asks for a message before publishing, and keeps HTML as text in the preview', () => {
    fireEvent.click(tab('Status page'));
    send('Publish to status page');
    expect(sent).toEqual([]);
    expect(getByRole(panel(), 'alert').textContent).toBe('Write something first.');
    type('Message to customers', HOSTILE);
    expect(preview().querySelector('img')).toBeNull();
    expect(preview().textContent).toContain(HOSTILE);
  });

  it('shows the new forms in Simplified Chinese', () => {
    setLocale('zh-CN');
    root.replaceChildren(createRespond('z', WITH_ROLES, () => ({ ok: true })).element);
    expect(getAllTabNames(root)).toContain('状态页');
    expect(getAllTabNames(root)).toContain('角色');
    setLocale(DEFAULT_LOCALE);
  });
});

function getAllTabNames(container: HTMLElement): string[] {
  return within(container)
    .getAllByRole('tab')
    .map((tabElement) => tabElement.textContent ?? '');
}
