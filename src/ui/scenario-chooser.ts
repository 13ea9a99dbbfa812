/**
 * Practice mode's second screen: the library of incidents, each with its title, difficulty,
 * length, symptoms, tags and the player's past attempts, with a search box and a difficulty
 * filter. Scenario text is data and is set as textContent only. The list arrives after the screen
 * paints (the scenario files load lazily), so the screen says it is loading. With `onImport`, the
 * player can add scenario files of their own (src/ui/scenario-import.ts).
 */
import './incident.css';
import './history.css';
import { t } from '../i18n/index.ts';
import { CATALOGUES, lookup } from '../i18n/index.ts';
import type { AttemptSummary } from '../shared/attempts.ts';
import { formatWallTime } from './history-view.ts';
import { elapsedLabel, formatElapsed } from './incident-format.ts';
import { h } from './dom.ts';
import { pulseIcon } from './icons.ts';
import { fileDropTarget, importedCardActions, mountImportControl } from './scenario-import.ts';
import type {
  ExportedFile,
  ImportControl,
  ImportOutcome,
  ScenarioFileLike,
} from './scenario-import.ts';

export type {
  ExportedFile,
  ImportOutcome,
  ImportProblem,
  ScenarioFileLike,
} from './scenario-import.ts';

/** One scenario as the chooser shows it. */
export interface ScenarioCard {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly difficulty: string;
  readonly estimatedMinutes: number;
  readonly tags: readonly string[];
  /** The player's past attempts at it (none yet: played 0). */
  readonly history?: AttemptSummary;
  /** Shipped with the game (the default), or imported by the player from `fileName`. */
  readonly source?: 'bundled' | 'imported';
  readonly fileName?: string;
}

export interface ChooserOptions {
  /** The line above the heading: the mode being played ("Practice" when absent). */
  readonly eyebrow?: string;
  onBack(): void;
  onPick(id: string): void;
  /** Shows a History button that opens the player's past attempts. */
  onHistory?(): void;
  /**
   * Shows the Import control and takes files dropped on the library. The owner checks and keeps
   * the file, and shows the new cards before it resolves.
   */
  onImport?(file: ScenarioFileLike): Promise<ImportOutcome>;
  /** The file of an imported card, exactly as imported (null: no longer kept). */
  onExport?(id: string): Promise<ExportedFile | null>;
  /** Forgets an imported card; the owner shows the cards without it before it resolves. */
  onRemove?(id: string): Promise<void>;
}

/** An incident left in the middle (the page was reloaded or closed), offered to be resumed. */
export interface ResumeOffer {
  readonly title: string;
  /** Simulated ms reached. */
  readonly elapsedMs: number;
  /** Wall-clock ISO time it was last saved. */
  readonly savedAt: string;
  /** Said under the offer, e.g. that the scenario has changed since. */
  readonly warning?: string;
  onResume(): void;
  onDiscard(): void;
}

export interface ScenarioChooser {
  readonly element: HTMLElement;
  show(cards: readonly ScenarioCard[]): void;
  /** The scenarios could not be loaded. */
  fail(): void;
  /** A problem to report, e.g. saved data set aside (and where it was kept). Adds to any shown. */
  notice(text: string): void;
  /** Offers to resume an unfinished incident (Resume / Discard). */
  offerResume(offer: ResumeOffer): void;
  destroy(): void;
}

/** Difficulty as a word and a count of filled pips: readable without colour. */
const LEVELS: Readonly<Record<string, number>> = { intro: 1, intermediate: 2, advanced: 3 };
const DIFFICULTIES = ['all', 'intro', 'intermediate', 'advanced'] as const;
type DifficultyFilter = (typeof DIFFICULTIES)[number];

/** Whether a card matches every word of the search, in its title, symptoms or tags. */
export function cardMatches(card: ScenarioCard, search: string): boolean {
  const haystack = [card.title, card.summary, ...card.tags].join(' ').toLocaleLowerCase();
  return search
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

let mounts = 0;

export function mountScenarioChooser(root: HTMLElement, options: ChooserOptions): ScenarioChooser {
  const prefix = `oc-chooser-${++mounts}`;
  const headingId = `${prefix}-heading`;
  const status = h('p', {
    className: 'chooser-status',
    text: t('chooser.loading'),
    attrs: { role: 'status' },
  });
  const list = h('ul', { className: 'scenario-list', attrs: { 'aria-label': t('chooser.list') } });
  // Problems with saved data, one alert each (attempts and the unfinished run can both have one).
  const notices = h('div', { className: 'history-notices' });
  const resume = h('section', {
    className: 'chooser-resume',
    attrs: { 'aria-label': t('history.resume.label') },
  });
  resume.hidden = true;
  const search = h('input', {
    className: 'chooser-search',
    id: `${prefix}-search`,
    attrs: { type: 'search', autocomplete: 'off', placeholder: t('chooser.searchPlaceholder') },
  });
  const difficultyButtons = DIFFICULTIES.map((d) =>
    h('button', {
      className: 'chooser-filter',
      text: t(`chooser.filter.${d}`),
      attrs: { type: 'button', 'aria-pressed': String(d === 'all'), 'data-difficulty': d },
    }),
  );
  const count = h('p', { className: 'chooser-count', attrs: { role: 'status' } });
  const controls = h('div', { className: 'chooser-controls' }, [
    h('label', {
      className: 'chooser-search-label',
      text: t('chooser.search'),
      attrs: { for: search.id },
    }),
    search,
    h(
      'div',
      {
        className: 'chooser-filters',
        attrs: { role: 'group', 'aria-label': t('chooser.filter.label') },
      },
      difficultyButtons,
    ),
    count,
  ]);
  controls.hidden = true;
  const empty = h('p', { className: 'chooser-empty', text: t('chooser.noMatch') });
  empty.hidden = true;
  const heading = h('h1', {
    className: 'chooser-title',
    id: headingId,
    text: t('chooser.title'),
    attrs: { tabindex: '-1' },
  });
  const back = h('button', {
    className: 'chooser-back',
    text: `← ${t('chooser.back')}`,
    attrs: { type: 'button' },
  });
  back.addEventListener('click', () => options.onBack());
  const { onHistory } = options;
  const history = onHistory
    ? h('button', {
        className: 'chooser-back chooser-history',
        text: t('history.open'),
        attrs: { type: 'button' },
      })
    : null;
  history?.addEventListener('click', () => onHistory?.());

  const { onImport } = options;
  const importControl: ImportControl | null = onImport
    ? mountImportControl(prefix, {
        onImport,
        onImported: (id) => revealCard(id),
      })
    : null;

  const element = h('div', { className: 'chooser-screen' }, [
    h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [h('span', { className: 'brand-mark' }, [pulseIcon()])]),
        h('div', { className: 'topbar-actions' }, [history, back]),
      ]),
    ]),
    h('main', { className: 'stage chooser-stage', attrs: { 'aria-labelledby': headingId } }, [
      // The import control sits beside the introduction (below it on narrow screens).
      h('div', { className: 'chooser-head' }, [
        h('div', { className: 'chooser-intro' }, [
          h('p', { className: 'eyebrow', text: options.eyebrow ?? t('chooser.eyebrow') }),
          heading,
          h('p', { className: 'chooser-lede', text: t('chooser.intro') }),
        ]),
        importControl?.element,
      ]),
      notices,
      resume,
      status,
      controls,
      list,
      empty,
    ]),
  ]);

  if (importControl) fileDropTarget(element, (file) => void importControl.take(file));

  let busy = false;
  const offerResume = (offer: ResumeOffer): void => {
    const go = h('button', {
      className: 'history-button is-primary',
      text: t('history.resume.resume'),
      attrs: { type: 'button' },
    });
    const discard = h('button', {
      className: 'history-button',
      text: t('history.resume.discard'),
      attrs: { type: 'button' },
    });
    go.addEventListener('click', () => {
      // Resuming opens the incident like a pick: once.
      if (busy) return;
      busy = true;
      go.setAttribute('aria-busy', 'true');
      go.textContent = t('chooser.opening');
      offer.onResume();
    });
    discard.addEventListener('click', () => {
      if (busy) return;
      resume.hidden = true;
      resume.replaceChildren();
      offer.onDiscard();
    });
    const text = t('history.resume.text', {
      title: offer.title,
      elapsed: elapsedLabel(offer.elapsedMs),
      when: formatWallTime(offer.savedAt),
    });
    resume.replaceChildren(
      h('p', {}, [
        text,
        offer.warning === undefined
          ? null
          : h('span', { className: 'chooser-resume-warning', text: ` ${offer.warning}` }),
      ]),
      h('div', { className: 'chooser-resume-actions' }, [go, discard]),
    );
    resume.hidden = false;
  };

  const pick = (id: string, button: HTMLButtonElement): void => {
    // The incident's code loads on the first pick; a second click must not start it twice.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    button.querySelector('.scenario-cta')?.replaceChildren(t('chooser.opening'));
    options.onPick(id);
  };

  let items: { card: ScenarioCard; item: HTMLLIElement }[] = [];
  let difficulty: DifficultyFilter = 'all';
  const applyFilters = (): void => {
    let shown = 0;
    for (const { card, item } of items) {
      const on =
        (difficulty === 'all' || card.difficulty === difficulty) && cardMatches(card, search.value);
      item.hidden = !on;
      if (on) shown += 1;
    }
    empty.hidden = shown > 0;
    count.textContent = t('chooser.count', { shown, total: items.length });
  };
  search.addEventListener('input', applyFilters);

  /** Shows a card that just joined the library: filters cleared, the card focused. */
  const revealCard = (id: string): void => {
    const found = items.find((i) => i.card.id === id);
    if (!found) return;
    search.value = '';
    difficulty = 'all';
    for (const b of difficultyButtons) {
      b.setAttribute('aria-pressed', String(b.dataset['difficulty'] === 'all'));
    }
    applyFilters();
    // The whole item, so its Export and Remove controls show too.
    found.item.scrollIntoView?.({ block: 'nearest' });
    found.item.querySelector<HTMLButtonElement>('.scenario-card')?.focus({ preventScroll: true });
  };

  const remove = (card: ScenarioCard): void => {
    if (busy || !options.onRemove) return;
    options.onRemove(card.id).then(
      () => {
        importControl?.say(t('import.removed', { title: card.title }));
        heading.focus();
      },
      (error: unknown) =>
        importControl?.say(error instanceof Error ? error.message : String(error)),
    );
  };

  const cardItem = (card: ScenarioCard): { card: ScenarioCard; item: HTMLLIElement } => {
    const id = `${prefix}-${card.id}`;
    const button = scenarioButton(card, id);
    button.addEventListener('click', () => pick(card.id, button));
    const control = importControl;
    const actions =
      card.source === 'imported' && control
        ? importedCardActions(card, `${id}-title`, {
            onExport: (cardId) => options.onExport?.(cardId) ?? Promise.resolve(null),
            onRemove: () => remove(card),
            say: (text) => control.say(text),
          })
        : null;
    const className = actions ? 'scenario-item is-imported' : 'scenario-item';
    return { card, item: h('li', { className }, [button, actions]) };
  };

  for (const button of difficultyButtons) {
    button.addEventListener('click', () => {
      difficulty = (button.dataset['difficulty'] ?? 'all') as DifficultyFilter;
      for (const b of difficultyButtons) b.setAttribute('aria-pressed', String(b === button));
      applyFilters();
    });
  }

  root.replaceChildren(element);
  heading.focus();

  return {
    element,
    show(cards) {
      status.textContent = '';
      status.hidden = true;
      controls.hidden = false;
      items = cards.map(cardItem);
      list.replaceChildren(...items.map((i) => i.item));
      applyFilters();
    },
    notice(text) {
      notices.append(h('p', { className: 'chooser-notice', text, attrs: { role: 'alert' } }));
    },
    offerResume,
    fail() {
      status.hidden = false;
      status.textContent = t('chooser.error');
      status.classList.add('is-error');
    },
    destroy() {
      root.replaceChildren();
    },
  };
}

function scenarioButton(card: ScenarioCard, id: string): HTMLButtonElement {
  const level = LEVELS[card.difficulty] ?? 0;
  const difficultyKey = `chooser.difficulty.${card.difficulty}`;
  const difficulty = Object.hasOwn(CATALOGUES.en, difficultyKey)
    ? lookup(difficultyKey)
    : card.difficulty;
  const pips = [1, 2, 3].map((n) =>
    h('span', { className: n <= level ? 'pip is-on' : 'pip', attrs: { 'aria-hidden': 'true' } }),
  );
  // A button may hold phrasing content only: spans throughout, laid out by CSS.
  return h(
    'button',
    {
      className: 'scenario-card',
      attrs: {
        type: 'button',
        'data-scenario': card.id,
        'data-difficulty': card.difficulty,
        'aria-labelledby': `${id}-title`,
        'aria-describedby': `${id}-meta ${id}-summary ${id}-history`,
      },
    },
    [
      h('span', { className: 'scenario-meta', id: `${id}-meta` }, [
        h('span', { className: 'scenario-difficulty' }, [
          h('span', { className: 'pips' }, pips),
          difficulty,
        ]),
        card.source === 'imported'
          ? h('span', { className: 'scenario-imported', text: t('import.badge') })
          : null,
        h('span', {
          className: 'scenario-minutes',
          text: t('chooser.minutes', { minutes: card.estimatedMinutes }),
        }),
      ]),
      h('span', { className: 'scenario-title', id: `${id}-title`, text: card.title }),
      h('span', { className: 'scenario-summary', id: `${id}-summary`, text: card.summary }),
      h('span', { className: 'scenario-tags', text: card.tags.join(' · ') }),
      h('span', {
        className: 'scenario-history',
        id: `${id}-history`,
        text: historyText(card.history),
      }),
      h('span', { className: 'scenario-cta', attrs: { 'aria-hidden': 'true' } }, [
        t('chooser.open'),
      ]),
    ],
  );
}

function historyText(history: AttemptSummary | undefined): string {
  if (!history || history.played === 0) return t('chooser.history.none');
  const done = t('chooser.history.resolved', {
    resolved: history.resolved,
    played: history.played,
  });
  if (history.bestResolveMs === null) return done;
  return `${done} · ${t('chooser.history.best', { time: formatElapsed(history.bestResolveMs) })}`;
}
