/**
 * Practice mode's second screen: the incidents to choose from, each with its title, difficulty,
 * length and summary. Scenario text is data and is set as textContent only. The list arrives
 * after the screen paints (the scenario files load lazily), so the screen says it is loading.
 */
import './incident.css';
import { t } from '../i18n/index.ts';
import { CATALOGUES, lookup } from '../i18n/index.ts';
import { h } from './dom.ts';
import { pulseIcon } from './icons.ts';

/** One scenario as the chooser shows it. */
export interface ScenarioCard {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly difficulty: string;
  readonly estimatedMinutes: number;
  readonly tags: readonly string[];
}

export interface ChooserOptions {
  onBack(): void;
  onPick(id: string): void;
}

export interface ScenarioChooser {
  readonly element: HTMLElement;
  show(cards: readonly ScenarioCard[]): void;
  /** The scenarios could not be loaded. */
  fail(): void;
  destroy(): void;
}

/** Difficulty as a word and a count of filled pips: readable without colour. */
const LEVELS: Readonly<Record<string, number>> = { intro: 1, intermediate: 2, advanced: 3 };

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

  const element = h('div', { className: 'chooser-screen' }, [
    h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [h('span', { className: 'brand-mark' }, [pulseIcon()])]),
        back,
      ]),
    ]),
    h('main', { className: 'stage chooser-stage', attrs: { 'aria-labelledby': headingId } }, [
      h('div', { className: 'chooser-intro' }, [
        h('p', { className: 'eyebrow', text: t('chooser.eyebrow') }),
        heading,
        h('p', { className: 'chooser-lede', text: t('chooser.intro') }),
      ]),
      status,
      list,
    ]),
  ]);

  let busy = false;
  const pick = (id: string, button: HTMLButtonElement): void => {
    // The incident's code loads on the first pick; a second click must not start it twice.
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    button.querySelector('.scenario-cta')?.replaceChildren(t('chooser.opening'));
    options.onPick(id);
  };

  root.replaceChildren(element);
  heading.focus();

  return {
    element,
    show(cards) {
      status.textContent = '';
      status.hidden = true;
      list.replaceChildren(
        ...cards.map((card) => {
          const button = scenarioButton(card, `${prefix}-${card.id}`);
          button.addEventListener('click', () => pick(card.id, button));
          return h('li', { className: 'scenario-item' }, [button]);
        }),
      );
    },
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
        'aria-describedby': `${id}-meta ${id}-summary`,
      },
    },
    [
      h('span', { className: 'scenario-meta', id: `${id}-meta` }, [
        h('span', { className: 'scenario-difficulty' }, [
          h('span', { className: 'pips' }, pips),
          difficulty,
        ]),
        h('span', {
          className: 'scenario-minutes',
          text: t('chooser.minutes', { minutes: card.estimatedMinutes }),
        }),
      ]),
      h('span', { className: 'scenario-title', id: `${id}-title`, text: card.title }),
      h('span', { className: 'scenario-summary', id: `${id}-summary`, text: card.summary }),
      h('span', { className: 'scenario-tags', text: card.tags.join(' · ') }),
      h('span', { className: 'scenario-cta', attrs: { 'aria-hidden': 'true' } }, [
        t('chooser.open'),
      ]),
    ],
  );
}
