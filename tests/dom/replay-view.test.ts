/**
 * The replay view: the slider and the decision marks move the cursor, and everything shown
 * follows it (clock, metrics, pages, story, decisions, what happened, the console); play and
 * pause run on a timer at the chosen speed; [ and ] and the marks' arrow keys step between
 * decisions; the branch buttons report the right decision or moment. Then openReplay end to end
 * on a real scenario: the branch it asks for is exactly the inputs before the decision.
 */
import { fireEvent, getAllByRole, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { openReplay } from '../../src/replay.ts';
import type { SessionInput } from '../../src/session/session.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { PLAY_TICK_MS, mountReplayView } from '../../src/ui/replay-view.ts';
import type { ReplayView, ReplayViewOptions } from '../../src/ui/replay-view.ts';
import type { ReplayDecision, ReplayRecord } from '../../src/ui/replay-view/types.ts';
import { scenario } from '../console/views.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';
const MIN = 60_000;

const decision = (over: Partial<ReplayDecision> & Pick<ReplayDecision, 't'>): ReplayDecision => ({
  kind: 'command',
  line: null,
  actions: [],
  output: null,
  exit: null,
  effects: [],
  ...over,
});

/** Ten minutes: a look at 2:00, a declaration at 2:00, a rollback at 6:00 that ends the story. */
function sampleRecord(): ReplayRecord {
  const times = Array.from({ length: 600 }, (_, i) => (i + 1) * 1000);
  return {
    title: HOSTILE,
    seed: 4242,
    endMs: 10 * MIN,
    startEpochMs: Date.UTC(2025, 2, 14, 2, 0, 0),
    outcome: 'resolved',
    decisions: [
      decision({
        t: 2 * MIN,
        kind: 'look',
        line: `kubectl get pods ${HOSTILE}`,
        actions: [{ action: { type: 'inspect', target: 'pods' }, lever: false }],
        output: 'NAME  READY',
        exit: 0,
      }),
      decision({
        t: 2 * MIN,
        kind: 'communication',
        actions: [
          {
            action: { type: 'declareIncident', severity: 'SEV2', title: HOSTILE },
            lever: false,
          },
        ],
      }),
      decision({
        t: 6 * MIN,
        kind: 'lever',
        line: 'kubectl rollout undo deployment/api',
        actions: [{ action: { type: 'rollback', deployment: 'api' }, lever: true }],
        output: 'deployment.apps/api rolled back',
        exit: 0,
        effects: [{ kind: 'milestone', t: 6 * MIN, name: 'mitigated' }],
      }),
    ],
    feed: [
      {
        kind: 'alert',
        t: 1 * MIN,
        name: 'APIHighErrorRate',
        severity: 'warning',
        summary: HOSTILE,
      },
      { kind: 'message', t: 3 * MIN, from: 'Priya', role: 'teammate', text: 'Looking too' },
      { kind: 'milestone', t: 6 * MIN, name: 'mitigated' },
      { kind: 'end', t: 10 * MIN, outcome: 'resolved', reason: '' },
    ],
    transcript: [
      { t: 2 * MIN, line: `kubectl get pods ${HOSTILE}`, output: 'NAME  READY', exit: 0 },
      {
        t: 6 * MIN,
        line: 'kubectl rollout undo deployment/api',
        output: 'deployment.apps/api rolled back',
        exit: 0,
      },
    ],
    series: [
      {
        key: 'api_error_ratio',
        role: 'errors',
        unit: 'percent',
        times,
        // 10% errors from 1:00 until the rollback at 6:00.
        values: times.map((t) => (t >= 1 * MIN && t < 6 * MIN ? 0.1 : 0.001)),
        thresholds: [0.05],
      },
      {
        key: 'api_p99',
        role: 'latency',
        unit: 'ms',
        times,
        values: times.map(() => 120),
        thresholds: [],
      },
    ],
    pages: [
      {
        id: 1,
        name: 'APIHighErrorRate',
        severity: 'warning',
        summary: 'API error ratio above 5%',
        firedAt: 1 * MIN,
        acknowledgedAt: 4 * MIN,
        resolvedAt: 7 * MIN,
      },
    ],
    story: [
      { t: 0, state: 'calm' },
      { t: 1 * MIN, state: 'degraded' },
      { t: 6 * MIN, state: 'mitigated' },
    ],
  };
}

let root: HTMLElement;
let view: ReplayView | null;

function mount(over: Partial<ReplayViewOptions> = {}) {
  const calls = {
    back: vi.fn(),
    decision: vi.fn<(index: number) => void>(),
    moment: vi.fn<(t: number) => void>(),
  };
  view = mountReplayView(root, {
    record: sampleRecord(),
    onBack: calls.back,
    onBranchDecision: calls.decision,
    onBranchMoment: calls.moment,
    ...over,
  });
  return calls;
}

const slider = (): HTMLInputElement => getByRole(root, 'slider') as HTMLInputElement;
const seekTo = (seconds: number): void => {
  fireEvent.input(slider(), { target: { value: String(seconds) } });
};
const clock = (): string => root.querySelector('.replay-clock')!.textContent ?? '';
const marks = (): HTMLButtonElement[] =>
  getAllByRole(getByRole(root, 'group', { name: 'Decision points' }), 'button');
const decisionItems = (): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>('.replay-decision'),
];
const timelineItems = (): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>('.replay-feed > li'),
];

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  view = null;
});

afterEach(() => {
  view?.destroy();
  root.remove();
  vi.useRealTimers();
});

describe('the replay view', () => {
  it('shows the run: title as text, seed and duration, outcome', () => {
    mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('Replay of run 4242 · 10:00');
    expect(root.querySelector('.replay-outcome')!.textContent).toBe('Resolved');
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('moves the cursor with the slider: clock, metrics, pages, story, later entries dimmed', () => {
    mount();
    expect(slider().max).toBe('600');
    expect(clock()).toContain('02:00:00 UTC');
    seekTo(150); // 2:30
    expect(view!.t).toBe(150_000);
    expect(clock()).toContain('02:02:30 UTC');
    expect(clock()).toContain('T+02:30');
    expect(slider().getAttribute('aria-valuetext')).toBe('T+02:30, 02:02:30 UTC');
    expect(
      root.querySelector('[data-metric="api_error_ratio"] .replay-chart-value')!.textContent,
    ).toBe('10%');
    const cursor = root.querySelector('[data-metric="api_error_ratio"] .replay-chart-cursor')!;
    expect(cursor.getAttribute('x1')).toBe('250.0');
    expect(root.querySelector('.replay-story-state')!.textContent).toBe('degraded');
    const page = root.querySelector('.replay-page')!;
    expect(page.textContent).toContain('APIHighErrorRate');
    expect(page.textContent).toContain('Triggered');
    expect(timelineItems().map((li) => li.classList.contains('is-future'))).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(root.textContent).toContain('1 of 4 entries by T+02:30');

    seekTo(300); // 5:00: the page was acknowledged at 4:00
    expect(root.querySelector('.replay-page')!.textContent).toContain('Acknowledged');
    seekTo(420); // 7:00: resolved
    expect(root.querySelector('.replay-page')).toBeNull();
    expect(root.textContent).toContain('No page is open at this moment.');
    expect(root.querySelector('.replay-story-state')!.textContent).toBe('mitigated');
    expect(
      root.querySelector('[data-metric="api_error_ratio"] .replay-chart-value')!.textContent,
    ).toBe('0.100%');
  });

  it('shows the console as it stood at the cursor', () => {
    mount();
    const entries = () =>
      [...root.querySelectorAll<HTMLElement>('.replay-transcript-entry')].filter((e) => !e.hidden);
    seekTo(60);
    expect(entries()).toHaveLength(0);
    expect(root.textContent).toContain('No command had been run by this moment.');
    seekTo(120);
    expect(entries().map((e) => e.querySelector('code')!.textContent)).toEqual([
      `$ kubectl get pods ${HOSTILE}`,
    ]);
    seekTo(600);
    expect(entries()).toHaveLength(2);
  });

  it('highlights the decision at the cursor, dims later ones, counts one taken at its time', () => {
    mount();
    const state = () =>
      decisionItems().map((li) =>
        li.classList.contains('is-current')
          ? 'current'
          : li.classList.contains('is-future')
            ? 'later'
            : 'done',
      );
    seekTo(119);
    expect(state()).toEqual(['later', 'later', 'later']);
    seekTo(120);
    // Both decisions of 2:00 are current; only the last carries aria-current.
    expect(state()).toEqual(['current', 'current', 'later']);
    expect(decisionItems()[1]!.getAttribute('aria-current')).toBe('step');
    seekTo(400);
    expect(state()).toEqual(['done', 'done', 'current']);
  });

  it('describes each decision: line, action in words, output, what followed', () => {
    mount();
    const [look, declare, rollback] = decisionItems();
    expect(look!.querySelector('code')!.textContent).toBe(`kubectl get pods ${HOSTILE}`);
    expect(look!.textContent).toContain('Looked at pods');
    expect(look!.querySelector('pre')!.textContent).toBe('NAME  READY');
    expect(declare!.textContent).toContain(`Declared a SEV2 incident: ${HOSTILE}`);
    expect(rollback!.textContent).toContain('Changed the system: rollback deployment=api');
    expect(rollback!.textContent).toContain('Milestone: Mitigation under way');
    expect(root.querySelector('img')).toBeNull();
  });

  it('puts one mark per decision time on the track, placed by its share of the run', () => {
    mount();
    expect(marks()).toHaveLength(2);
    expect(marks()[0]!.getAttribute('aria-label')).toBe('T+02:00: 2 decisions');
    expect(marks()[1]!.getAttribute('aria-label')).toBe(
      'T+06:00: kubectl rollout undo deployment/api',
    );
    expect(marks()[1]!.style.getPropertyValue('--at')).toBe('60.000%');
    expect(marks()[1]!.classList.contains('is-lever')).toBe(true);
    fireEvent.click(marks()[1]!);
    expect(view!.t).toBe(6 * MIN);
    expect(slider().value).toBe('360');
  });

  it('makes the marks one Tab stop that the arrow keys move along', () => {
    mount();
    const [first, second] = marks();
    expect(first!.tabIndex).toBe(0);
    expect(second!.tabIndex).toBe(-1);
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(second);
    expect(second!.tabIndex).toBe(0);
    expect(first!.tabIndex).toBe(-1);
    expect(view!.t).toBe(6 * MIN);
    fireEvent.keyDown(second!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    expect(view!.t).toBe(2 * MIN);
  });

  it('steps between decisions with [ and ], and with the buttons, and says where it is', () => {
    mount();
    fireEvent.keyDown(slider(), { key: ']' });
    expect(view!.t).toBe(2 * MIN);
    expect(getByRole(root, 'status').textContent).toContain('T+02:00');
    fireEvent.keyDown(root.querySelector('.replay-screen')!, { key: ']' });
    expect(view!.t).toBe(6 * MIN);
    expect(getByRole(root, 'status').textContent).toBe(
      'T+06:00: kubectl rollout undo deployment/api',
    );
    fireEvent.keyDown(slider(), { key: ']' });
    expect(view!.t).toBe(6 * MIN);
    fireEvent.keyDown(slider(), { key: '[' });
    expect(view!.t).toBe(2 * MIN);
    fireEvent.click(getByRole(root, 'button', { name: 'Next decision' }));
    expect(view!.t).toBe(6 * MIN);
    fireEvent.click(getByRole(root, 'button', { name: 'Previous decision' }));
    expect(view!.t).toBe(2 * MIN);
  });

  it('plays at 10x by default, switches speed, pauses, and stops at the end', () => {
    vi.useFakeTimers();
    mount();
    const play = getByRole(root, 'button', { name: 'Play' });
    expect(
      getByRole(root, 'button', { name: '10 times real time' }).getAttribute('aria-pressed'),
    ).toBe('true');
    fireEvent.click(play);
    expect(view!.playing).toBe(true);
    expect(play.textContent).toBe('Pause');
    vi.advanceTimersByTime(1000);
    expect(view!.t).toBe(10_000);
    fireEvent.click(getByRole(root, 'button', { name: '60 times real time' }));
    vi.advanceTimersByTime(1000);
    expect(view!.t).toBe(70_000);
    fireEvent.click(getByRole(root, 'button', { name: '1 times real time' }));
    vi.advanceTimersByTime(1000);
    expect(view!.t).toBe(71_000);
    fireEvent.click(play);
    expect(view!.playing).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(view!.t).toBe(71_000);
    // At 60x the remaining 529 s take under nine seconds; then it stops at the end.
    fireEvent.click(getByRole(root, 'button', { name: '60 times real time' }));
    fireEvent.click(play);
    vi.advanceTimersByTime(10_000);
    expect(view!.t).toBe(10 * MIN);
    expect(view!.playing).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    // Play at the end starts over.
    fireEvent.click(play);
    vi.advanceTimersByTime(PLAY_TICK_MS);
    expect(view!.t).toBe(6000);
  });

  it('branches here with the decision’s index, and at the moment with the cursor', () => {
    vi.useFakeTimers();
    const calls = mount();
    const branches = getAllByRole(root, 'button', { name: /^Branch at T\+/ });
    expect(branches).toHaveLength(3);
    expect(branches[2]!.textContent).toBe('Branch here: try another action');
    expect(branches[2]!.getAttribute('aria-label')).toBe(
      'Branch at T+06:00: undo “kubectl rollout undo deployment/api” and try another action',
    );
    fireEvent.click(getByRole(root, 'button', { name: 'Play' }));
    fireEvent.click(branches[1]!);
    expect(calls.decision).toHaveBeenCalledWith(1);
    // Branching pauses the playback.
    expect(view!.playing).toBe(false);
    seekTo(250);
    fireEvent.click(getByRole(root, 'button', { name: 'Branch at this moment' }));
    expect(calls.moment).toHaveBeenCalledWith(250_000);
    fireEvent.click(getByRole(root, 'button', { name: 'Back' }));
    expect(calls.back).toHaveBeenCalledOnce();
  });

  it('moves the time to where a chart is clicked', () => {
    mount();
    const plot = root.querySelector<SVGSVGElement>('[data-metric="api_p99"] svg')!;
    plot.getBoundingClientRect = () =>
      ({ left: 100, width: 400, top: 0, height: 50, right: 500, bottom: 50 }) as DOMRect;
    fireEvent.click(plot, { clientX: 200 });
    expect(view!.t).toBe(150_000);
  });

  it('says so when the run has no decisions and no entries', () => {
    mount({ record: { ...sampleRecord(), decisions: [], feed: [], transcript: [] } });
    expect(root.textContent).toContain('Nothing was typed or done in this run.');
    expect(root.textContent).toContain('Nothing happened in this run.');
    expect(queryByRole(root, 'button', { name: 'Next decision' })).not.toBeNull();
    fireEvent.keyDown(slider(), { key: ']' });
    expect(view!.t).toBe(0);
  });

  it('speaks Simplified Chinese', () => {
    setLocale('zh-CN');
    mount();
    expect(within(root).getByRole('button', { name: '从此刻分支' })).toBeTruthy();
    expect(root.textContent).toContain('第 4242 号演练的回放');
  });
});

describe('openReplay', () => {
  it('replays a real run and branches with exactly the inputs before the chosen decision', () => {
    vi.useFakeTimers();
    const sc = scenario('pool-exhaustion-leak');
    const s = new IncidentSession(sc);
    s.advanceTo(3 * MIN);
    s.exec('kubectl get pods');
    s.interrupt();
    s.advanceTo(5 * MIN);
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(8 * MIN);
    const inputs: readonly SessionInput[] = [...s.inputs];
    const onBranch = vi.fn<(inputs: readonly SessionInput[], t: number) => void>();
    const onBack = vi.fn();
    const close = openReplay(root, {
      scenario: sc,
      seed: sc.seed,
      inputs,
      t: s.t,
      onBack,
      onBranch,
    });
    expect(root.textContent).toBe('Replaying the run…');
    vi.advanceTimersByTime(1);
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(sc.title);
    const branches = getAllByRole(root, 'button', { name: /^Branch at T\+/ });
    expect(branches).toHaveLength(2);
    fireEvent.click(branches[1]!);
    // The rollback is the third input: the look and Ctrl-C come before it.
    expect(onBranch).toHaveBeenCalledWith(inputs.slice(0, 2), 5 * MIN);
    fireEvent.input(getByRole(root, 'slider'), { target: { value: String(5 * 60) } });
    fireEvent.click(getByRole(root, 'button', { name: 'Branch at this moment' }));
    expect(onBranch).toHaveBeenLastCalledWith(inputs, 5 * MIN);
    close();
    expect(root.childElementCount).toBe(0);
  });

  it('can be closed before the replay has run', () => {
    vi.useFakeTimers();
    const sc = scenario('pool-exhaustion-leak');
    const close = openReplay(root, {
      scenario: sc,
      seed: sc.seed,
      inputs: [],
      t: MIN,
      onBack: () => {},
      onBranch: () => {},
    });
    close();
    vi.runAllTimers();
    expect(root.childElementCount).toBe(0);
  });
});
