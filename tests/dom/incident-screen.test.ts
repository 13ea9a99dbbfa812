import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { ConsoleBackend } from '../../src/ui/console-panel.ts';
import { mountIncidentScreen } from '../../src/ui/incident-screen.ts';
import type { LogLine, LogSource } from '../../src/ui/log-explorer.ts';
import type {
  FeedItem,
  IncidentInfo,
  IncidentScreen,
  IncidentScreenCallbacks,
  Speed,
} from '../../src/ui/incident-screen.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';

const INFO: IncidentInfo = {
  title: 'Every database route is timing out',
  briefing: {
    role: 'You are the on-call engineer for the API.',
    situation: 'It is mid-afternoon.',
    normal: 'Order history answers in a few milliseconds.',
  },
};

function backend(): ConsoleBackend {
  const lines: string[] = [];
  return {
    run: (line) => {
      lines.push(line);
      return { echo: `$ ${line}`, out: '', exit: 0, notes: [], clear: false, prompt: '$ ' };
    },
    complete: () => ({ start: 0, candidates: [], replacement: '' }),
    interrupt: () => '$ ',
    prompt: () => '$ ',
    history: () => lines,
  };
}

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
  setLocale(DEFAULT_LOCALE);
  vi.restoreAllMocks();
});

/** Three log lines, one with markup in it. */
function logs(): LogSource {
  const lines: LogLine[] = ['api', 'postgres', 'api'].map((service, seq) => ({
    seq,
    t: seq * 1000,
    clock: `14:00:0${seq}`,
    service,
    level: 'error',
    source: `${service}-0`,
    text: seq === 2 ? '<b>context deadline exceeded</b>' : `line ${seq}`,
  }));
  return {
    services: ['api', 'postgres'],
    levels: ['info', 'error'],
    labels: ['service', 'level', 'pod'],
    size: lines.length,
    firstSeq: 0,
    lineAt: (seq) => lines[seq] ?? null,
    timeOf: (seq) => seq * 1000,
    search: (_query, range = {}) =>
      Int32Array.from(
        lines.map((l) => l.seq).filter((s) => s >= (range.fromSeq ?? 0) && s < (range.toSeq ?? 3)),
      ),
  };
}

/** Mounts the screen with callbacks that behave like src/incident.ts: the clock starts at 1x. */
function mount(info: IncidentInfo = INFO) {
  const calls = { start: 0, speeds: [] as Speed[], exit: 0, debrief: 0, hints: [] as number[] };
  const callbacks: IncidentScreenCallbacks = {
    onStart() {
      calls.start += 1;
      screen?.setSpeed(1);
    },
    onSpeed: (speed) => calls.speeds.push(speed),
    onExit: () => (calls.exit += 1),
    onRespond: () => ({ ok: true }),
    onDebrief: () => (calls.debrief += 1),
    onTakeHint: (level) => calls.hints.push(level),
  };
  screen = mountIncidentScreen(
    root,
    info,
    backend(),
    callbacks,
    { severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'], targets: ['secondary', 'dba'] },
    logs(),
  );
  return { screen, calls };
}

const takeThePager = (): void => {
  fireEvent.click(getByRole(root, 'button', { name: t('incident.briefing.start') }));
};

const speedGroup = (): HTMLElement => getByRole(root, 'group', { name: 'Simulation speed' });
const pressed = (): string[] =>
  within(speedGroup())
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-pressed') === 'true')
    .map((b) => b.textContent ?? '');
const status = (): string => root.querySelector('.incident-status')?.textContent ?? '';
const feedList = (): HTMLElement => root.querySelector<HTMLElement>('.feed-list')!;
const entries = (kind: string): HTMLElement[] => [
  ...feedList().querySelectorAll<HTMLElement>(`[data-kind="${kind}"]`),
];

describe('briefing, then the pager', () => {
  it('opens on the briefing: title, role, situation and what normal looks like', () => {
    mount();
    expect(getByRole(root, 'heading', { level: 1, name: INFO.title })).toBeTruthy();
    const briefing = getByRole(root, 'region', { name: INFO.title });
    for (const label of ['Your role', 'The situation', 'What normal looks like']) {
      expect(within(briefing).getByRole('heading', { level: 3, name: label })).toBeTruthy();
    }
    expect(briefing.textContent).toContain(INFO.briefing.role);
    expect(briefing.textContent).toContain(INFO.briefing.normal);
    expect(document.activeElement).toBe(getByRole(root, 'heading', { level: 2, name: INFO.title }));
    expect(status()).toBe('Briefing');
    // No clock to steer yet, and no console until the pager is taken.
    for (const button of within(speedGroup()).getAllByRole('button')) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
    }
    expect(pressed()).toEqual([]);
    expect(queryByRole(root, 'textbox', { name: 'Console command' })).toBeNull();
  });

  it('leaves out "what normal looks like" when the scenario has none', () => {
    mount({ title: 'T', briefing: { role: 'R', situation: 'S' } });
    expect(queryByRole(root, 'heading', { name: 'What normal looks like' })).toBeNull();
  });

  it('"Take the pager" starts the clock and shows the feed beside a focused console', () => {
    const { calls } = mount();
    takeThePager();
    expect(calls.start).toBe(1);
    expect(getByRole(root, 'region', { name: 'Incident feed' })).toBeTruthy();
    const input = getByRole(root, 'textbox', { name: 'Console command' });
    expect(document.activeElement).toBe(input);
    expect(status()).toBe('Live');
    expect(pressed()).toEqual(['1×']);
    // The briefing stays available, folded at the top of the feed.
    const folded = entries('briefing')[0]!;
    expect(folded.querySelector('summary')?.textContent).toBe('Briefing');
    expect(folded.textContent).toContain(INFO.briefing.situation);
  });

  it('shows the simulated UTC clock and the elapsed time', () => {
    const { screen } = mount();
    screen.setClock({ utc: '14:09:19', elapsedMs: 559_000 });
    const clock = getByRole(root, 'group', { name: 'Simulated time' });
    expect(clock.textContent).toContain('14:09:19 UTC');
    expect(clock.textContent).toContain('T+09:19');
    screen.setClock({ utc: '15:02:03', elapsedMs: 3_723_000 });
    expect(clock.textContent).toContain('T+1:02:03');
  });
});

describe('speed controls', () => {
  it('offers pause, 1x, 2x, 5x and 10x as toggle buttons', () => {
    mount();
    takeThePager();
    const buttons = within(speedGroup()).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Pause', '1×', '2×', '5×', '10×']);
    for (const button of buttons) {
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.hasAttribute('aria-pressed')).toBe(true);
      expect(button.getAttribute('tabindex')).toBeNull();
    }
  });

  it('reports the chosen speed and marks it pressed; pause says so in words', () => {
    const { calls } = mount();
    takeThePager();
    fireEvent.click(getByRole(speedGroup(), 'button', { name: '10×' }));
    expect(calls.speeds).toEqual([10]);
    expect(pressed()).toEqual(['10×']);
    fireEvent.click(getByRole(speedGroup(), 'button', { name: '10×' }));
    expect(calls.speeds).toEqual([10]);
    fireEvent.click(getByRole(speedGroup(), 'button', { name: 'Pause' }));
    expect(calls.speeds).toEqual([10, 0]);
    expect(pressed()).toEqual(['Pause']);
    expect(status()).toBe('Paused');
    fireEvent.click(getByRole(speedGroup(), 'button', { name: '2×' }));
    expect(status()).toBe('Live');
  });

  it('after the end, shows the outcome, rests the clock and offers the debrief', () => {
    const { screen, calls } = mount();
    takeThePager();
    const ten = getByRole(speedGroup(), 'button', { name: '10×' });
    ten.focus();
    screen.end('resolved');
    expect(status()).toBe('Resolved');
    expect(root.querySelector<HTMLElement>('.speed-control')!.hidden).toBe(true);
    const debrief = getByRole(root, 'button', { name: t('incident.debrief.open') });
    // Focus does not fall to the page when the speed buttons go: it moves to the next step.
    expect(document.activeElement).toBe(debrief);
    fireEvent.click(debrief);
    expect(calls.debrief).toBe(1);
    screen.end('timedOut');
    expect(status()).toBe('Timed out');
  });
});

describe('exit', () => {
  it('leaves at once from the briefing', () => {
    const { calls } = mount();
    fireEvent.click(getByRole(root, 'button', { name: 'Exit to the title screen' }));
    expect(calls.exit).toBe(1);
  });

  it('asks first while the incident is live', () => {
    const { calls } = mount();
    takeThePager();
    fireEvent.click(getByRole(root, 'button', { name: 'Exit to the title screen' }));
    expect(calls.exit).toBe(0);
    const confirm = getByRole(root, 'group', { name: t('incident.exit.confirm') });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Stay' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Stay' }));
    expect(calls.exit).toBe(0);
    expect(document.activeElement).toBe(
      getByRole(root, 'button', { name: 'Exit to the title screen' }),
    );
    fireEvent.click(getByRole(root, 'button', { name: 'Exit to the title screen' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Leave' }));
    expect(calls.exit).toBe(1);
  });
});

describe('the incident feed', () => {
  const ALERT: FeedItem = {
    kind: 'alert',
    t: 559_000,
    name: 'RedisLatencyHigh',
    severity: 'warning',
    summary: 'redis-master: p99 command latency above 5ms',
  };

  it('says it is quiet until the first entry', () => {
    const { screen } = mount();
    takeThePager();
    expect(root.querySelector('.feed-empty')?.textContent).toBe(t('incident.feed.empty'));
    screen.append([ALERT]);
    expect(root.querySelector<HTMLElement>('.feed-empty')!.hidden).toBe(true);
  });

  it('shows an alert with its severity in words and an icon, and when it resolves', () => {
    const { screen } = mount();
    takeThePager();
    screen.append([
      ALERT,
      { ...ALERT, t: 668_000, name: 'ErrorBudgetBurnFast', severity: 'page', summary: 'SLO' },
      { kind: 'alertResolved', t: 700_000, name: 'RedisLatencyHigh' },
    ]);
    const [warning, page] = entries('alert');
    expect(warning!.textContent).toContain('Alert firing');
    expect(warning!.textContent).toContain('Warning');
    expect(warning!.textContent).toContain('RedisLatencyHigh');
    expect(warning!.textContent).toContain(ALERT.summary);
    expect(warning!.textContent).toContain('T+09:19');
    expect(warning!.querySelector('svg.icon-warning')).not.toBeNull();
    expect(page!.textContent).toContain('Page');
    expect(page!.querySelector('svg.icon-page')).not.toBeNull();
    const resolved = entries('alertResolved')[0]!;
    expect(resolved.textContent).toContain('Alert resolved');
    expect(resolved.textContent).toContain('RedisLatencyHigh');
  });

  it('shows who wrote a message, their role and what they said', () => {
    const { screen } = mount();
    takeThePager();
    screen.append([
      {
        kind: 'message',
        t: 559_000,
        from: 'Dana (engineering manager)',
        role: 'manager',
        text: 'What do we know?',
      },
    ]);
    const message = entries('message')[0]!;
    expect(message.querySelector('.feed-from')?.textContent).toBe('Dana (engineering manager)');
    expect(message.textContent).toContain('Manager');
    expect(message.textContent).toContain('What do we know?');
  });

  it('renders a reply from the catalogue, in the current language', () => {
    const { screen } = mount();
    takeThePager();
    const reply: FeedItem = {
      kind: 'reply',
      t: 400_000,
      from: 'reply.from.dba',
      role: 'otherTeam',
      key: 'reply.dba.idleInTx',
      params: { count: 88, max: 100 },
    };
    screen.append([reply]);
    const entry = entries('reply')[0]!;
    expect(entry.textContent).toContain('Mei (DBA on-call)');
    expect(entry.textContent).toContain('Other team');
    expect(entry.textContent).toContain(t('reply.dba.idleInTx', { count: 88, max: 100 }));
    setLocale('zh-CN');
    screen.append([{ ...reply, t: 401_000 }]);
    expect(entries('reply')[1]!.textContent).toContain('88 个后端处于 idle in transaction');
  });

  it('keeps a hint folded, without its text, until the player reveals it (and counts it)', () => {
    const { screen, calls } = mount();
    takeThePager();
    const text = 'Look at pg_stat_activity by state.';
    screen.append([{ kind: 'hint', t: 1_039_000, level: 1, text }]);
    const hint = entries('hint')[0]!;
    expect(hint.textContent).toContain('Hint available');
    expect(hint.textContent).toContain('Hint 1');
    expect(hint.textContent).not.toContain(text);
    expect(root.querySelector('[role="log"]')?.textContent).not.toContain(text);
    fireEvent.click(within(hint).getByRole('button', { name: 'Show hint' }));
    expect(hint.textContent).toContain(text);
    expect(within(hint).queryByRole('button')).toBeNull();
    expect(document.activeElement?.textContent).toBe(text);
    expect(calls.hints).toEqual([1]);
  });

  it('shows a hint taken earlier in a resumed run open, without counting it again', () => {
    const { screen, calls } = mount();
    takeThePager();
    const text = 'Look at pg_stat_activity by state.';
    screen.append([{ kind: 'hint', t: 1_039_000, level: 2, text, taken: true }]);
    const hint = entries('hint')[0]!;
    expect(hint.textContent).toContain(text);
    expect(within(hint).queryByRole('button')).toBeNull();
    expect(calls.hints).toEqual([]);
  });

  it('shows milestones and the end, with its outcome and where the debrief is', () => {
    const { screen } = mount();
    takeThePager();
    screen.append([
      { kind: 'milestone', t: 559_000, name: 'detected' },
      { kind: 'milestone', t: 600_000, name: 'somethingNew' },
      { kind: 'end', t: 2_000_000, outcome: 'timedOut', reason: 'The pools stayed exhausted.' },
    ]);
    const [known, unknown] = entries('milestone');
    expect(known!.textContent).toContain(t('incident.milestone.detected'));
    // A milestone the catalogue does not know yet still shows, by its name.
    expect(unknown!.textContent).toContain('somethingNew');
    const end = entries('end')[0]!;
    expect(end.textContent).toContain('Timed out');
    expect(end.textContent).toContain(t('incident.end.timedOut'));
    expect(end.textContent).toContain('The pools stayed exhausted.');
    expect(end.textContent).toContain(t('incident.feed.debriefNext'));
  });

  it('reads each new entry once in a polite live region', () => {
    const { screen } = mount();
    takeThePager();
    const log = root.querySelector<HTMLElement>('.incident-feed [role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    screen.append([ALERT]);
    expect(log.textContent).toBe(
      'Alert firing: RedisLatencyHigh, severity Warning. redis-master: p99 command latency above 5ms',
    );
    screen.append([{ kind: 'milestone', t: 600_000, name: 'detected' }]);
    expect(log.textContent).not.toContain('RedisLatencyHigh');
  });

  it('keeps the newest entry in view when the feed gets shorter, if the player was following', () => {
    const observers: ResizeObserverCallback[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observers.push(callback);
        }
        observe(): void {}
        disconnect(): void {}
        unobserve(): void {}
      },
    );
    const { screen } = mount();
    takeThePager();
    const scroller = root.querySelector<HTMLElement>('.feed-scroller')!;
    let client = 400;
    const height = (): number => 100 * feedList().children.length + 400;
    let top = 0;
    Object.defineProperty(scroller, 'scrollHeight', { get: height });
    Object.defineProperty(scroller, 'clientHeight', { get: () => client });
    Object.defineProperty(scroller, 'scrollTop', {
      get: () => top,
      set: (value: number) => (top = Math.max(0, Math.min(value, height() - client))),
    });
    screen.append([ALERT, { ...ALERT, t: 600_000 }]);
    expect(scroller.scrollTop).toBe(300);
    // The composer opens: the feed loses 200 px; still at the newest entry.
    client = 200;
    for (const callback of observers) callback([], {} as ResizeObserver);
    expect(scroller.scrollTop).toBe(500);
    vi.unstubAllGlobals();
  });

  it('follows new entries, unless the player has scrolled up to read', () => {
    const { screen } = mount();
    takeThePager();
    const scroller = root.querySelector<HTMLElement>('.feed-scroller')!;
    // happy-dom has no layout: give the scroller one, 100 px per entry in a 400 px window.
    const height = (): number => 100 * feedList().children.length + 400;
    let top = 0;
    Object.defineProperty(scroller, 'scrollHeight', { get: height });
    Object.defineProperty(scroller, 'clientHeight', { get: () => 400 });
    Object.defineProperty(scroller, 'scrollTop', {
      get: () => top,
      set: (value: number) => (top = Math.max(0, Math.min(value, height() - 400))),
    });
    // As in a browser, moving the scroll position fires a scroll event.
    const scrollTo = (value: number): void => {
      scroller.scrollTop = value;
      fireEvent.scroll(scroller);
    };
    scrollTo(100);
    screen.append([ALERT]);
    expect(scroller.scrollTop).toBe(200);
    const jump = root.querySelector<HTMLButtonElement>('.feed-jump')!;
    expect(jump.textContent).toBe('Jump to the latest');
    expect(jump.hidden).toBe(true);

    scrollTo(0);
    screen.append([{ ...ALERT, t: 600_000 }]);
    expect(scroller.scrollTop).toBe(0);
    expect(jump.hidden).toBe(false);
    fireEvent.click(jump);
    expect(scroller.scrollTop).toBe(300);
    expect(jump.hidden).toBe(true);
  });
});

describe('scenario text is data', () => {
  it('renders HTML in titles, briefings, messages, alerts and hints as text', () => {
    const parsers = [
      vi.spyOn(Element.prototype, 'innerHTML', 'set'),
      vi.spyOn(Element.prototype, 'insertAdjacentHTML'),
      vi.spyOn(DOMParser.prototype, 'parseFromString'),
    ];
    const { screen } = mount({
      title: HOSTILE,
      briefing: { role: HOSTILE, situation: HOSTILE, normal: HOSTILE },
    });
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(HOSTILE);
    takeThePager();
    screen.append([
      { kind: 'message', t: 1000, from: HOSTILE, role: HOSTILE, text: HOSTILE },
      { kind: 'alert', t: 2000, name: HOSTILE, severity: HOSTILE, summary: HOSTILE },
      { kind: 'hint', t: 3000, level: 1, text: HOSTILE },
      { kind: 'end', t: 4000, outcome: HOSTILE, reason: HOSTILE },
    ]);
    fireEvent.click(getByRole(root, 'button', { name: 'Show hint' }));
    expect(root.querySelector('img')).toBeNull();
    expect(entries('message')[0]!.textContent).toContain(HOSTILE);
    expect(entries('hint')[0]!.textContent).toContain(HOSTILE);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    for (const parser of parsers) expect(parser).not.toHaveBeenCalled();
  });
});

describe('the workbench', () => {
  it('shows the console first and the logs on their tab, by click or arrow keys', () => {
    mount();
    takeThePager();
    const consoleTab = getByRole(root, 'tab', { name: t('incident.workbench.console') });
    const logsTab = getByRole(root, 'tab', { name: t('incident.workbench.logs') });
    expect(consoleTab.getAttribute('aria-selected')).toBe('true');
    expect(queryByRole(root, 'tabpanel', { name: t('incident.workbench.logs') })).toBeNull();
    fireEvent.click(logsTab);
    const panel = getByRole(root, 'tabpanel', { name: t('incident.workbench.logs') });
    expect(logsTab.getAttribute('aria-selected')).toBe('true');
    expect(within(panel).getAllByText(/line 0|line 1/).length).toBeGreaterThan(0);
    // Log text is data: markup in it stays text.
    expect(panel.querySelector('b')).toBeNull();
    fireEvent.keyDown(logsTab, { key: 'ArrowLeft' });
    expect(consoleTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(consoleTab);
  });
});
