/**
 * The incident screen's header in the interview and with a facilitator (src/ui/incident-header.ts
 * through mountIncidentScreen): a locked speed shows no speed buttons and says there is no pause,
 * the countdown reads the time left in formatElapsed's format and marks the last five minutes,
 * and the Facilitator button exists only when there is a facilitator window to open. Without the
 * interview's flags the header is the ordinary one.
 */
import {
  fireEvent,
  getByRole,
  queryAllByRole,
  queryByRole,
  queryByText,
} from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { ConsoleBackend } from '../../src/ui/console-panel.ts';
import { mountIncidentScreen } from '../../src/ui/incident-screen.ts';
import type {
  IncidentInfo,
  IncidentScreen,
  IncidentScreenCallbacks,
} from '../../src/ui/incident-screen.ts';
import type { LogSource } from '../../src/ui/log-explorer.ts';

const INFO: IncidentInfo = {
  title: 'Every database route is timing out',
  briefing: { role: 'On call for the API.', situation: 'Mid-afternoon.' },
};
const INTERVIEW: IncidentInfo = { ...INFO, speedLocked: true, countdown: true };
const MIN = 60_000;

const backend: ConsoleBackend = {
  run: (line) => ({ echo: `$ ${line}`, out: '', exit: 0, notes: [], clear: false, prompt: '$ ' }),
  complete: () => ({ start: 0, candidates: [], replacement: '' }),
  interrupt: () => '$ ',
  prompt: () => '$ ',
  history: () => [],
};

const noLogs: LogSource = {
  services: [],
  levels: [],
  labels: [],
  size: 0,
  firstSeq: 0,
  lineAt: () => null,
  timeOf: () => 0,
  search: () => new Int32Array(0),
};

let root: HTMLElement;
let screen: IncidentScreen | null;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  screen = null;
});

afterEach(() => {
  screen?.destroy();
  screen = null;
  root.remove();
  setLocale(DEFAULT_LOCALE);
});

/** Mounts the screen as src/incident.ts does: taking the pager starts the clock at 1x. */
function mount(info: IncidentInfo, extra: Partial<IncidentScreenCallbacks> = {}): IncidentScreen {
  const s = mountIncidentScreen(
    root,
    info,
    backend,
    {
      onStart: () => s.setSpeed(1),
      onSpeed: () => {},
      onExit: () => {},
      onRespond: () => ({ ok: true }),
      ...extra,
    },
    { severities: ['SEV2'], targets: ['dba'] },
    noLogs,
  );
  screen = s;
  return s;
}

/** Whether an element shows: neither it nor any ancestor is hidden. */
function shown(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) if (e instanceof HTMLElement && e.hidden) return false;
  return el !== null;
}

const speedGroup = () => queryByRole(root, 'group', { name: t('incident.speed.label') });
const speedButtons = () =>
  [...root.querySelectorAll<HTMLElement>('.speed-option')].filter((b) => shown(b));
const timer = () => queryByRole(root, 'timer', { name: 'Time left in the interview' });
const lockedNote = () => queryByText(root, 'No pause in an interview');

describe('the interview’s header (speedLocked, countdown)', () => {
  it('shows no speed buttons and says there is no pause, before and after the page', () => {
    const s = mount(INTERVIEW);
    expect(speedGroup()).toBeNull();
    expect(speedButtons()).toEqual([]);
    expect(shown(lockedNote())).toBe(true);
    s.skipBriefing();
    s.setSpeed(1);
    expect(speedGroup()).toBeNull();
    expect(speedButtons()).toEqual([]);
    expect(queryByRole(root, 'button', { name: t('incident.speed.pause') })).toBeNull();
    expect(shown(lockedNote())).toBe(true);
  });

  it('reads the time left as formatElapsed does', () => {
    const s = mount(INTERVIEW);
    s.skipBriefing();
    const left = (remainingMs: number): string | null => {
      s.setClock({ utc: '14:00:10', elapsedMs: 10_000, remainingMs });
      return timer()?.textContent ?? null;
    };
    expect(left(29 * MIN + 50_000)).toBe('29:50 left');
    expect(left(590_000 + 29 * MIN)).toBe('38:50 left');
    expect(left(45 * MIN)).toBe('45:00 left');
    // Whole seconds, rounded down: 4:59.5 left is 04:59.
    expect(left(5 * MIN - 500)).toBe('04:59 left');
    expect(left(61 * MIN)).toBe('1:01:00 left');
    expect(left(1_000)).toBe('00:01 left');
  });

  it('marks the last five minutes as low, and says when the time is up', () => {
    const s = mount(INTERVIEW);
    s.skipBriefing();
    const urgency = (remainingMs: number) => {
      s.setClock({ utc: '14:25:00', elapsedMs: 25 * MIN, remainingMs });
      return timer()?.dataset['urgency'];
    };
    expect(urgency(5 * MIN + 1_000)).toBe('ok');
    expect(urgency(5 * MIN)).toBe('low');
    expect(timer()?.textContent).toBe('05:00 left');
    expect(urgency(30_000)).toBe('low');
    expect(urgency(0)).toBe('low');
    expect(timer()?.textContent).toBe('Time is up');
    s.setClock({ utc: '14:30:01', elapsedMs: 30 * MIN + 1_000, remainingMs: -1_000 });
    expect(timer()?.textContent).toBe('Time is up');
  });

  it('speaks the catalogue’s words in Chinese', () => {
    setLocale('zh-CN');
    const s = mount(INTERVIEW);
    s.skipBriefing();
    s.setClock({ utc: '14:00:10', elapsedMs: 10_000, remainingMs: 29 * MIN + 50_000 });
    const countdown = queryByRole(root, 'timer', { name: '面试剩余时间' });
    expect(countdown?.textContent).toBe('剩余 29:50');
    expect(shown(queryByText(root, '面试中不能暂停'))).toBe(true);
    s.setClock({ utc: '14:30:00', elapsedMs: 30 * MIN, remainingMs: 0 });
    expect(countdown?.textContent).toBe('时间到');
  });

  it('rests the no-pause note when the story ends, with no buttons back', () => {
    const s = mount(INTERVIEW);
    s.skipBriefing();
    s.setClock({ utc: '14:12:00', elapsedMs: 12 * MIN, remainingMs: 18 * MIN });
    s.end('resolved');
    expect(shown(lockedNote())).toBe(false);
    expect(speedButtons()).toEqual([]);
  });
});

describe('the ordinary header', () => {
  it('shows the speed buttons and no countdown, even when a reading carries one', () => {
    const s = mount(INFO);
    s.skipBriefing();
    s.setSpeed(1);
    s.setClock({ utc: '14:00:10', elapsedMs: 10_000, remainingMs: 20 * MIN });
    expect(speedGroup()).not.toBeNull();
    expect(speedButtons().length).toBeGreaterThanOrEqual(3);
    expect(getByRole(root, 'button', { name: t('incident.speed.pause') })).toBeTruthy();
    expect(timer()).toBeNull();
    expect(queryAllByRole(root, 'timer')).toEqual([]);
    expect(shown(lockedNote())).toBe(false);
  });

  it('keeps the countdown and the lock apart: a countdown without a lock keeps the buttons', () => {
    const s = mount({ ...INFO, countdown: true });
    s.skipBriefing();
    s.setClock({ utc: '14:00:10', elapsedMs: 10_000, remainingMs: 20 * MIN });
    expect(timer()?.textContent).toBe('20:00 left');
    expect(speedGroup()).not.toBeNull();
    expect(shown(lockedNote())).toBe(false);
  });
});

describe('the Facilitator button', () => {
  it('is not there without a facilitator window to open', () => {
    mount(INFO).skipBriefing();
    expect(queryByRole(root, 'button', { name: 'Facilitator' })).toBeNull();
    expect(shown(root.querySelector('.incident-facilitator'))).toBe(false);
  });

  it('is there when onFacilitator is given, and each click calls it', () => {
    let opened = 0;
    const s = mount(INTERVIEW, { onFacilitator: () => (opened += 1) });
    const button = getByRole(root, 'button', { name: 'Facilitator' });
    expect(button.getAttribute('title')).toBe(t('incident.facilitator.openLabel'));
    // Offered from the briefing on (an interviewer opens it before the page).
    fireEvent.click(button);
    expect(opened).toBe(1);
    s.skipBriefing();
    fireEvent.click(getByRole(root, 'button', { name: 'Facilitator' }));
    expect(opened).toBe(2);
  });
});
