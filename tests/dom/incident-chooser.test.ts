import { fireEvent, getByRole, within } from '@testing-library/dom';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import { loadCatalogue } from '../../src/scenario-catalogue.ts';
import { mountScenarioChooser } from '../../src/ui/scenario-chooser.ts';
import type { ScenarioCard, ScenarioChooser } from '../../src/ui/scenario-chooser.ts';

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
  const calls = { back: 0, picks: [] as string[] };
  chooser = mountScenarioChooser(root, {
    onBack: () => (calls.back += 1),
    onPick: (id) => calls.picks.push(id),
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
