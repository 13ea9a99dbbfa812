import { fireEvent, getAllByRole, getByRole, queryByRole, within } from '@testing-library/dom';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import { loadCatalogue } from '../../src/scenario-catalogue.ts';
import { mountScenarioChooser } from '../../src/ui/scenario-chooser.ts';
import type { ResumeOffer, ScenarioCard, ScenarioChooser } from '../../src/ui/scenario-chooser.ts';
import { formatWallTime } from '../../src/ui/history-view.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';
const SCENARIOS = path.resolve(import.meta.dirname, '../../scenarios');

const CARDS: ScenarioCard[] = [
  {
    id: 'latency-spike-missing-index',
    title: 'Orders got slow after the afternoon release',
    summary: 'A release adds a filter on order status that no index covers.',
    difficulty: 'intro',
    estimatedMinutes: 20,
    tags: ['latency', 'postgres'],
  },
  {
    id: 'pool-exhaustion-leak',
    title: 'Every database route is timing out',
    summary: HOSTILE,
    difficulty: 'intermediate',
    estimatedMinutes: 25,
    tags: [HOSTILE],
  },
];

let root: HTMLElement;
let chooser: ScenarioChooser | null;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  chooser = null;
});

afterEach(() => {
  chooser?.destroy();
  root.remove();
  vi.restoreAllMocks();
});

function mount() {
  const calls = { back: 0, picks: [] as string[], history: 0 };
  chooser = mountScenarioChooser(root, {
    onBack: () => (calls.back += 1),
    onPick: (id) => calls.picks.push(id),
    onHistory: () => (calls.history += 1),
  });
  return { chooser, calls };
}

describe('the scenario chooser', () => {
  it('paints at once, says it is loading, and focuses its heading', () => {
    mount();
    const heading = getByRole(root, 'heading', { level: 1, name: 'Choose an incident' });
    expect(document.activeElement).toBe(heading);
    expect(getByRole(root, 'status').textContent).toBe(t('chooser.loading'));
  });

  it('shows each scenario with its title, difficulty, length and summary, as text', () => {
    const { chooser } = mount();
    chooser.show(CARDS);
    const list = getByRole(root, 'list', { name: 'Incidents' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    const card = getByRole(root, 'button', { name: 'Every database route is timing out' });
    expect(card.textContent).toContain('Intermediate');
    expect(card.textContent).toContain('About 25 min');
    expect(card.textContent).toContain(HOSTILE);
    const description = (card.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toContain('Intermediate');
    expect(description).toContain(HOSTILE);
    expect(card.querySelectorAll('.pip.is-on')).toHaveLength(2);
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('picks a scenario once, however often it is clicked', () => {
    const { chooser, calls } = mount();
    chooser.show(CARDS);
    const card = getByRole(root, 'button', { name: CARDS[0]!.title });
    fireEvent.click(card);
    fireEvent.click(card);
    fireEvent.click(getByRole(root, 'button', { name: CARDS[1]!.title }));
    expect(calls.picks).toEqual([CARDS[0]!.id]);
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(card.textContent).toContain(t('chooser.opening'));
  });

  it('goes back to the title screen', () => {
    const { calls } = mount();
    fireEvent.click(getByRole(root, 'button', { name: /Back to the title screen/ }));
    expect(calls.back).toBe(1);
  });

  it('says so when the scenarios cannot be loaded', () => {
    const { chooser } = mount();
    chooser.fail();
    expect(getByRole(root, 'status').textContent).toBe(t('chooser.error'));
  });
});

describe('the bundled scenario catalogue', () => {
  const files = (extra: Record<string, string> = {}) =>
    Object.fromEntries(
      [
        ...readdirSync(SCENARIOS)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => [`/scenarios/${f}`, readFileSync(path.join(SCENARIOS, f), 'utf8')]),
        ...Object.entries(extra),
      ].map(([file, text]) => [file, () => Promise.resolve(text!)]),
    );

  it('loads every scenario, easiest first, with what the chooser shows', async () => {
    const entries = await loadCatalogue(files());
    expect(entries.map((e) => e.card.difficulty)).toEqual(['intro', 'intermediate', 'advanced']);
    const pool = entries.find((e) => e.card.id === 'pool-exhaustion-leak')!;
    expect(pool.card).toMatchObject({
      title: 'Every database route is timing out',
      estimatedMinutes: 25,
      difficulty: 'intermediate',
    });
    expect(pool.seed).toBe(4242);
    // The variant for the seed is filled in: no placeholders left for the session.
    expect(JSON.stringify(pool.scenarioFor(pool.seed))).not.toContain('{{');
  });

  it('leaves out a broken file and reports it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const entries = await loadCatalogue(files({ '/scenarios/broken.yaml': 'id: [' }));
    expect(entries).toHaveLength(3);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('scenarios/broken.yaml'));
  });
});

describe('library search, filter and history', () => {
  const visibleTitles = (): string[] =>
    [...root.querySelectorAll<HTMLElement>('.scenario-item')]
      .filter((item) => !item.hidden)
      .map((item) => item.querySelector('.scenario-title')?.textContent ?? '');

  it('filters by every word of the search, in titles, symptoms and tags', () => {
    mount();
    chooser!.show(CARDS);
    const search = getByRole(root, 'searchbox', { name: t('chooser.search') });
    expect(visibleTitles()).toHaveLength(2);
    fireEvent.input(search, { target: { value: 'POSTGRES orders' } });
    expect(visibleTitles()).toEqual([CARDS[0]!.title]);
    expect(getByRole(root, 'status').textContent).toBe(t('chooser.count', { shown: 1, total: 2 }));
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(visibleTitles()).toEqual([]);
    expect(root.querySelector<HTMLElement>('.chooser-empty')?.hidden).toBe(false);
  });

  it('filters by difficulty with pressed toggle buttons', () => {
    mount();
    chooser!.show(CARDS);
    const group = getByRole(root, 'group', { name: t('chooser.filter.label') });
    const intermediate = within(group).getByRole('button', {
      name: t('chooser.filter.intermediate'),
    });
    fireEvent.click(intermediate);
    expect(intermediate.getAttribute('aria-pressed')).toBe('true');
    expect(
      within(group)
        .getByRole('button', { name: t('chooser.filter.all') })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    expect(visibleTitles()).toEqual([CARDS[1]!.title]);
    fireEvent.click(within(group).getByRole('button', { name: t('chooser.filter.all') }));
    expect(visibleTitles()).toHaveLength(2);
  });

  it('shows past attempts on each card', () => {
    mount();
    chooser!.show([
      {
        ...CARDS[0]!,
        history: {
          played: 3,
          resolved: 2,
          bestResolveMs: 14 * 60_000 + 5_000,
          bestMitigateMs: null,
        },
      },
      {
        ...CARDS[1]!,
        history: { played: 0, resolved: 0, bestResolveMs: null, bestMitigateMs: null },
      },
    ]);
    const [first, second] = [...root.querySelectorAll('.scenario-history')].map(
      (e) => e.textContent,
    );
    expect(first).toBe(
      `${t('chooser.history.resolved', { resolved: 2, played: 3 })} · ${t('chooser.history.best', { time: '14:05' })}`,
    );
    expect(second).toBe(t('chooser.history.none'));
  });

  it('reports history that could not be read, as text', () => {
    mount();
    chooser!.notice(HOSTILE);
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toBe(HOSTILE);
    expect(alert.querySelector('img')).toBeNull();
  });
});

describe('history and resume in the library', () => {
  const offer = (overrides: Partial<ResumeOffer> = {}) => {
    const calls = { resume: 0, discard: 0 };
    chooser!.offerResume({
      title: HOSTILE,
      elapsedMs: 12 * 60_000 + 36_000,
      savedAt: '2026-11-26T12:00:00.000Z',
      onResume: () => (calls.resume += 1),
      onDiscard: () => (calls.discard += 1),
      ...overrides,
    });
    return calls;
  };

  it('opens the history', () => {
    const { calls } = mount();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    expect(calls.history).toBe(1);
  });

  it('has no History button when no one listens', () => {
    chooser = mountScenarioChooser(root, { onBack: () => {}, onPick: () => {} });
    expect(queryByRole(root, 'button', { name: t('history.open') })).toBeNull();
  });

  it('offers to resume an unfinished incident, naming it and where it was left, as text', () => {
    const { calls: picks } = mount();
    chooser!.show(CARDS);
    const calls = offer();
    const region = getByRole(root, 'region', { name: t('history.resume.label') });
    expect(region.textContent).toContain(
      t('history.resume.text', {
        title: HOSTILE,
        elapsed: 'T+12:36',
        when: formatWallTime('2026-11-26T12:00:00.000Z'),
      }),
    );
    expect(region.querySelector('img')).toBeNull();
    const resume = within(region).getByRole('button', { name: t('history.resume.resume') });
    fireEvent.click(resume);
    fireEvent.click(resume);
    expect(calls.resume).toBe(1);
    expect(resume.getAttribute('aria-busy')).toBe('true');
    // Resuming is a pick: the cards do not open a second incident.
    fireEvent.click(getByRole(root, 'button', { name: CARDS[0]!.title }));
    expect(picks.picks).toEqual([]);
  });

  it('discards the offer, and says when the scenario changed since', () => {
    const { calls: picks } = mount();
    chooser!.show(CARDS);
    const calls = offer({ warning: 'It changed.' });
    const region = getByRole(root, 'region', { name: t('history.resume.label') });
    expect(region.textContent).toContain('It changed.');
    fireEvent.click(within(region).getByRole('button', { name: t('history.resume.discard') }));
    expect(calls).toEqual({ resume: 0, discard: 1 });
    expect(region.hidden).toBe(true);
    // The library is still there to pick from.
    fireEvent.click(getByRole(root, 'button', { name: CARDS[0]!.title }));
    expect(picks.picks).toEqual([CARDS[0]!.id]);
  });

  it('shows several notices, one alert each', () => {
    mount();
    chooser!.notice('one');
    chooser!.notice('two');
    expect(getAllByRole(root, 'alert').map((a) => a.textContent)).toEqual(['one', 'two']);
  });
});
