/**
 * The incident screen in the interview and with a facilitator: the countdown beside the clock,
 * no speed buttons when the speed is locked, the Facilitator button, and the feed that offers no
 * story hints in an interview but shows a facilitator's revealed clue, open.
 */
import { fireEvent, getByRole, queryByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import { FeedReader } from '../../src/incident-events.ts';
import { IncidentSession } from '../../src/session/session.ts';
import type { ConsoleBackend } from '../../src/ui/console-panel.ts';
import { mountIncidentScreen } from '../../src/ui/incident-screen.ts';
import type { IncidentInfo, IncidentScreen } from '../../src/ui/incident-screen.ts';
import type { LogSource } from '../../src/ui/log-explorer.ts';
import { scenario } from '../console/views.ts';

const INFO: IncidentInfo = {
  title: 'Every database route is timing out',
  briefing: { role: 'On call for the API.', situation: 'Mid-afternoon.' },
};

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
  root.remove();
});

function mount(info: IncidentInfo, onFacilitator?: () => void): IncidentScreen {
  screen = mountIncidentScreen(
    root,
    info,
    backend,
    {
      onStart: () => screen?.setSpeed(1),
      onSpeed: () => {},
      onExit: () => {},
      onRespond: () => ({ ok: true }),
      ...(onFacilitator ? { onFacilitator } : {}),
    },
    { severities: ['SEV2'], targets: ['dba'] },
    noLogs,
  );
  screen.skipBriefing();
  return screen;
}

const timer = (): HTMLElement | null => queryByRole(root, 'timer');
const locked = (): HTMLElement => root.querySelector<HTMLElement>('.speed-locked')!;
const speeds = (): HTMLElement => root.querySelector<HTMLElement>('.speed-control')!;

describe('the interview’s header', () => {
  it('shows the countdown beside the clock and no way to pause', () => {
    const s = mount({ ...INFO, speedLocked: true, countdown: true });
    s.setClock({ utc: '14:00:10', elapsedMs: 10_000, remainingMs: 30 * 60_000 - 10_000 });
    expect(timer()?.textContent).toBe('29:50 left');
    expect(timer()?.dataset['urgency']).toBe('ok');
    expect(speeds().hidden).toBe(true);
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(INFO.title);
    expect(locked().hidden).toBe(false);
    expect(locked().textContent).toBe(t('incident.speed.locked'));
  });

  it('marks the last five minutes and says when the time is up', () => {
    const s = mount({ ...INFO, speedLocked: true, countdown: true });
    s.setClock({ utc: '14:25:00', elapsedMs: 25 * 60_000, remainingMs: 5 * 60_000 });
    expect(timer()?.textContent).toBe('05:00 left');
    expect(timer()?.dataset['urgency']).toBe('low');
    s.setClock({ utc: '14:30:00', elapsedMs: 30 * 60_000, remainingMs: 0 });
    expect(timer()?.textContent).toBe('Time is up');
  });

  it('is the ordinary header without the interview’s flags', () => {
    const s = mount(INFO);
    s.setClock({ utc: '14:00:10', elapsedMs: 10_000 });
    expect(timer()).toBeNull();
    expect(speeds().hidden).toBe(false);
    expect(locked().hidden).toBe(true);
  });

  it('offers the Facilitator button only when there is a facilitator window to open', () => {
    mount(INFO);
    expect(queryByRole(root, 'button', { name: 'Facilitator' })).toBeNull();
    screen?.destroy();
    let opened = 0;
    mount(INFO, () => (opened += 1));
    fireEvent.click(getByRole(root, 'button', { name: 'Facilitator' }));
    expect(opened).toBe(1);
  });
});

describe('hints in the feed', () => {
  const POOL = scenario('pool-exhaustion-leak');

  /** A run where the story offered its first hint (its `after` time passed in an outage). */
  function withStoryHint(): IncidentSession {
    const s = new IncidentSession(POOL);
    while (!s.run.timeline.some((e) => e.kind === 'hint') && s.t < 30 * 60_000) s.step();
    expect(s.run.timeline.some((e) => e.kind === 'hint' && e.by === undefined)).toBe(true);
    return s;
  }

  it('are offered in practice, and not in an interview', () => {
    const practice = new FeedReader(withStoryHint(), true).take();
    expect(practice.some((i) => i.kind === 'hint')).toBe(true);
    const interview = new FeedReader(withStoryHint(), true, false).take();
    expect(interview.some((i) => i.kind === 'hint')).toBe(false);
  });

  it('a facilitator’s clue shows in an interview too, already open', () => {
    const s = new IncidentSession(POOL);
    const reader = new FeedReader(s, false, false);
    s.perform({ type: 'revealClue', level: 2 }, 'facilitator');
    const clue = POOL.answerKey.hints.find((h) => h.level === 2)!;
    expect(reader.take().filter((i) => i.kind === 'hint')).toEqual([
      { t: 0, kind: 'hint', level: 2, text: clue.text, by: 'facilitator', taken: true },
    ]);
  });
});
