/**
 * The debrief screen: header and ways on, score cards against the reference with their evidence,
 * the two paths and branching, the timeline, the charts' text alternative, and hostile text.
 */
import 'vitest-canvas-mock';
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { mountDebrief } from '../../src/ui/debrief.ts';
import type { DebriefOptions, DebriefScreen } from '../../src/ui/debrief.ts';
import { pathRows } from '../../src/ui/debrief/paths.ts';
import { HOSTILE, debriefModel, hostileDebrief } from './debrief-fixture.ts';

let root: HTMLElement;
let screen: DebriefScreen | null;

function mount(options: Partial<DebriefOptions> = {}): DebriefScreen {
  screen = mountDebrief(root, { postmortem: debriefModel(), onBack: () => {}, ...options });
  return screen;
}

const card = (key: string): HTMLElement =>
  root.querySelector<HTMLElement>(`.debrief-score[data-score="${key}"]`)!;
const timelineItems = (): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>('.debrief-tl-item'),
];
const highlighted = (): number[] =>
  timelineItems()
    .filter((el) => el.classList.contains('is-evidence'))
    .map((el) => Number(el.dataset['item']));

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
  vi.unstubAllGlobals();
});

describe('header', () => {
  it('names the scenario, the incident, the outcome and the time played, and focuses the title', () => {
    mount();
    const title = getByRole(root, 'heading', { level: 1 });
    expect(title.textContent).toBe('Connection pool exhaustion');
    expect(document.activeElement).toBe(title);
    const header = root.querySelector<HTMLElement>('.debrief-header')!;
    expect(header.textContent).toContain('INC-20261126-4242');
    expect(header.querySelector('.debrief-outcome')?.textContent).toBe('Resolved');
    expect(header.querySelector('.debrief-outcome svg')).not.toBeNull();
    expect(header.textContent).toContain('40:00');
    expect(root.classList.contains('debrief-root')).toBe(true);
  });

  it('offers Retry and Replay only when the callbacks exist', () => {
    const onBack = vi.fn();
    mount({ onBack });
    expect(queryByRole(root, 'button', { name: 'Retry' })).toBeNull();
    expect(queryByRole(root, 'button', { name: 'Replay' })).toBeNull();
    fireEvent.click(getByRole(root, 'button', { name: 'Back to library' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    screen!.destroy();

    const onRetry = vi.fn();
    const onReplay = vi.fn();
    mount({ onRetry, onReplay });
    fireEvent.click(getByRole(root, 'button', { name: 'Retry' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Replay' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onReplay).toHaveBeenCalledTimes(1);
  });

  it('says when the incident was not resolved', () => {
    screen = mountDebrief(root, {
      postmortem: { ...debriefModel(), outcome: 'timedOut', status: 'Unresolved' },
      onBack: () => {},
    });
    const outcome = root.querySelector<HTMLElement>('.debrief-outcome')!;
    expect(outcome.textContent).toBe('Timed out');
    expect(outcome.dataset['outcome']).toBe('unresolved');
  });

  it('keeps headings in order: one h1, then h2 parts, then h3 inside them', () => {
    mount();
    const levels = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
      Number(h.tagName[1]),
    );
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    // No level is skipped on the way down.
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
});

describe('scores', () => {
  it('shows every score with its figure, the reference figure and the verdict in words', () => {
    mount();
    expect(root.querySelectorAll('.debrief-score')).toHaveLength(8);
    const mitigate = card('mitigate');
    expect(within(mitigate).getByRole('heading', { name: 'Time to mitigate' })).toBeTruthy();
    expect(mitigate.querySelector('.debrief-score-value')?.textContent).toBe('9 min');
    expect(mitigate.querySelector('.debrief-score-reference')?.textContent).toBe('Reference 6 min');
    expect(mitigate.querySelector('.debrief-verdict')?.textContent).toBe('Fair');
    expect(mitigate.querySelector('.debrief-verdict svg')).not.toBeNull();
    expect(card('hints').querySelector('.debrief-score-reference')?.textContent).toBe(
      'No reference',
    );
    expect(card('communication').querySelector('.debrief-verdict')?.textContent).toBe('Missed');
  });

  it('shows how a score was measured one click away', () => {
    mount();
    const mitigate = card('mitigate');
    const why = within(mitigate).getByRole('button', { name: 'How it was measured' });
    const explanation = mitigate.querySelector<HTMLElement>('.debrief-score-explanation')!;
    expect(explanation.hidden).toBe(true);
    fireEvent.click(why);
    expect(explanation.hidden).toBe(false);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(explanation.textContent).toBe('How time to mitigate was found.');
  });

  it('"Show evidence" highlights exactly the entries behind the score and focuses the first', () => {
    mount();
    const button = within(card('mitigate')).getByRole('button', {
      name: 'Show the timeline entries behind Time to mitigate (2)',
    });
    fireEvent.click(button);
    expect(highlighted()).toEqual([2, 9]);
    expect(document.activeElement).toBe(timelineItems()[1]);
    expect(document.activeElement?.getAttribute('aria-current')).toBe('true');
    expect(root.querySelector('.debrief-evidence-banner')?.textContent).toContain(
      'Time to mitigate: 2 entries highlighted',
    );
    // Another score replaces the highlight rather than adding to it.
    fireEvent.click(within(card('harmful')).getByRole('button', { name: /Show the timeline/ }));
    expect(highlighted()).toEqual([8]);
    expect(root.querySelector('.debrief-screen > [role="status"]')?.textContent).toBe(
      'Harmful changes: 1 entry highlighted',
    );
    fireEvent.click(getByRole(root, 'button', { name: 'Clear highlight' }));
    expect(highlighted()).toEqual([]);
  });

  it('has no evidence button for a score without evidence', () => {
    mount();
    expect(within(card('hints')).queryByRole('button', { name: /Show the timeline/ })).toBeNull();
  });

  it('shows every entry again when evidence is asked for under a filter', () => {
    mount();
    fireEvent.click(getByRole(root, 'button', { name: 'Your actions' }));
    const system = timelineItems().find((el) => el.dataset['item'] === '2')!;
    expect(system.hidden).toBe(true);
    fireEvent.click(within(card('mitigate')).getByRole('button', { name: /Show the timeline/ }));
    expect(system.hidden).toBe(false);
    expect(getByRole(root, 'button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('paths', () => {
  it('puts the player’s decisions and the expert’s steps side by side, by time', () => {
    mount();
    const table = root.querySelector<HTMLElement>('.debrief-paths-table')!;
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent),
    );
    expect(rows[0]).toEqual(['T+09:00', '', 'Acknowledge the page']);
    expect(rows.map((r) => r[0])).toEqual([
      'T+09:00',
      'T+10:00',
      'T+11:00',
      'T+12:00',
      'T+13:00',
      'T+15:00',
      'T+16:00',
      'T+24:00',
      'T+27:00',
    ]);
    const at = (time: string): (string | null)[] => rows.find((r) => r[0] === time)!;
    expect(at('T+12:00')[2]).toBe('Terminate idle-in-transaction backendsExpert mitigated');
    expect(at('T+13:00')[1]).toContain('Raised the pool size to 20');
    expect(at('T+15:00')[1]).toContain('You mitigated');
    expect(at('T+27:00')[1]).toBe('You resolved');
    expect(at('T+24:00')[2]).toBe('Expert resolved');
    const summary = root.querySelector('.debrief-paths-summary')!.textContent;
    expect(summary).toContain('You mitigated at T+15:00, resolved at T+27:00');
    expect(summary).toContain('Expert mitigated at T+12:00, resolved at T+24:00');
  });

  it('marks harmful decisions in words', () => {
    mount();
    const harmful = root.querySelector<HTMLElement>('.debrief-path-decision.is-harmful')!;
    expect(harmful.dataset['item']).toBe('8');
    expect(harmful.textContent).toContain('Harmful');
    expect(root.querySelectorAll('.debrief-path-decision.is-harmful')).toHaveLength(1);
  });

  it('branches from a decision at its time, only when the replay can', () => {
    mount();
    expect(queryByRole(root, 'button', { name: /Try another action/ })).toBeNull();
    screen!.destroy();
    const onBranch = vi.fn();
    mount({ onBranch });
    const buttons = root.querySelectorAll('.debrief-branch');
    expect(buttons).toHaveLength(4);
    fireEvent.click(
      getByRole(root, 'button', {
        name: 'Try another action from T+13:00: Raised the pool size to 20',
      }),
    );
    expect(onBranch).toHaveBeenCalledWith(13 * 60_000);
  });

  it('links a decision to its timeline entry', () => {
    mount();
    fireEvent.click(getByRole(root, 'link', { name: 'Rolled back deployment/api' }));
    expect(highlighted()).toEqual([10]);
    expect((document.activeElement as HTMLElement).dataset['item']).toBe('10');
  });

  it('says so when there is no reference solution', () => {
    screen = mountDebrief(root, {
      postmortem: { ...debriefModel(), reference: null },
      onBack: () => {},
    });
    expect(root.querySelector('.debrief-paths')?.textContent).toContain(
      'No reference solution for this scenario.',
    );
    expect(
      pathRows({ ...debriefModel(), reference: null }).every((r) => r.expert.length === 0),
    ).toBe(true);
  });
});

describe('timeline', () => {
  it('shows each entry with UTC time, T+, marks as words, actor and evidence', () => {
    mount();
    const items = timelineItems();
    expect(items).toHaveLength(12);
    const alert = items[2]!;
    expect(alert.id).toMatch(/-tl-3$/);
    expect(alert.querySelector('.debrief-tl-utc')?.textContent).toBe('14:08:00');
    expect(alert.querySelector('.debrief-tl-since')?.textContent).toBe('T+08:00');
    expect(alert.querySelector('.debrief-badge.is-mark')?.textContent).toBe('Detection');
    expect(alert.querySelector('.debrief-tl-actor')?.textContent).toBe('System');
    expect(alert.querySelector('.debrief-tl-alert')?.textContent).toContain('ErrorBudgetBurnFast');
    expect(items[1]!.querySelector('.debrief-tl-metric')?.textContent).toContain(
      'API error ratio: 1.2%',
    );
    expect(items[7]!.querySelector('.debrief-badge.is-harmful')?.textContent).toBe('Harmful');
  });

  it('folds long command output until asked, in monospace blocks', () => {
    mount();
    const command = timelineItems()[5]!;
    expect(command.querySelector('.debrief-tl-line code')?.textContent).toBe('$ kubectl get pods');
    const output = command.querySelector('.debrief-tl-output code')!;
    expect(output.textContent!.split('\n')).toHaveLength(6);
    const more = within(command).getByRole('button', { name: 'Show all 12 lines' });
    fireEvent.click(more);
    expect(output.textContent!.split('\n')).toHaveLength(12);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(more);
    expect(output.textContent!.split('\n')).toHaveLength(6);
  });

  it('filters to key moments and to the player’s actions', () => {
    mount();
    const shown = (): string[] =>
      timelineItems()
        .filter((el) => !el.hidden)
        .map((el) => el.dataset['item']!);
    fireEvent.click(getByRole(root, 'button', { name: 'Key moments' }));
    expect(shown()).toEqual(['2', '3', '5', '9', '11']);
    fireEvent.click(getByRole(root, 'button', { name: 'Your actions' }));
    expect(shown()).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });
});

describe('charts', () => {
  it('draws one small chart per metric with a text alternative giving peak and marks', () => {
    mount();
    const charts = root.querySelectorAll<HTMLElement>('.debrief-chart');
    expect(charts).toHaveLength(2);
    expect(charts[0]!.querySelector('canvas')).not.toBeNull();
    const text = charts[0]!.querySelector('.visually-hidden')!.textContent;
    expect(text).toContain('Peak 23.0% at 14:10:00 UTC (T+10:00).');
    expect(text).toContain('Threshold 1% (SLO).');
    expect(text).toContain('Detection at T+08:00: ErrorBudgetBurnFast.');
    expect(text).toContain('Mitigation at T+15:00: Terminated backends.');
    expect(charts[0]!.querySelector('.debrief-chart-plot')?.getAttribute('aria-hidden')).toBe(
      'true',
    );
  });

  it('redraws black on white before printing and back after', () => {
    mount();
    const canvas = (): HTMLCanvasElement =>
      root.querySelector<HTMLCanvasElement>('.debrief-chart canvas')!;
    const before = canvas();
    window.dispatchEvent(new Event('beforeprint'));
    const printed = canvas();
    expect(printed).not.toBe(before);
    window.dispatchEvent(new Event('afterprint'));
    expect(canvas()).not.toBe(printed);
  });
});

describe('hostile text', () => {
  it('renders markup in the model as text, never as elements', () => {
    screen = mountDebrief(root, {
      postmortem: hostileDebrief(),
      onBack: () => {},
      onBranch: () => {},
    });
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('h1')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('.debrief-score-value')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('.debrief-tl-text')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('.debrief-path-step')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('.debrief-doc-title')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('.debrief-doc-section')?.textContent).toContain(HOSTILE);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
