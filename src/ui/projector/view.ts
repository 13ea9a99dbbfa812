/**
 * The projector view: the run as the whole room sees it, in large type on a full window. The map
 * and the dashboards get most of the screen (the composition root mounts them into `hosts`);
 * the header gives the clock and whether the run is paused; a prompt line puts the current
 * discussion prompt in front of the class (announced politely when it changes); a strip shows
 * roles, decisions, alerts and the latest feed. It takes a `ProjectorView`, which has no answer
 * key and no stage names, so nothing here can give the answer away.
 */
import '../projector.css';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setData, setHidden, setText } from '../facilitator/dom-sync.ts';
import { createLabels } from '../facilitator/labels.ts';
import type { ProjectorView, PromptView } from '../facilitator/model.ts';
import { formatCountdown, linkName, outcomeName } from '../facilitator/words.ts';
import { buildStrip } from './strip.ts';

export interface ProjectorOptions {
  /** Simulated ms since the start as "T+12:30". */
  formatTime(t: number): string;
}

export interface Projector {
  /** Where the composition root mounts the system map and the dashboards. */
  readonly hosts: { readonly topology: HTMLElement; readonly dashboards: HTMLElement };
  update(view: ProjectorView): void;
  destroy(): void;
}

/** The class the mount point gets while the projector is in it. */
export const PROJECTOR_ROOT_CLASS = 'proj-root';

/** What identifies a prompt: a new one (another stage, or the end) is announced once. */
const promptKey = (prompt: PromptView | null): string =>
  prompt === null ? '' : `${prompt.stage ?? ''}\u0000${prompt.text}`;

export function mountProjector(root: HTMLElement, options: ProjectorOptions): Projector {
  let last: ProjectorView | null = null;
  /** The prompt on screen (its key), to announce only a new one. */
  let shownPrompt: string | null = null;
  let flashes = 0;
  const labels = createLabels(() => {
    shownPrompt = null;
    if (last) update(last);
  });

  const title = h('h1', { className: 'proj-title' });
  const utc = h('span', { className: 'proj-clock-utc' });
  const elapsed = h('span', { className: 'proj-clock-elapsed' });
  const remaining = h('span', { className: 'proj-clock-remaining' });
  remaining.hidden = true;
  const paused = labels.text(h('p', { className: 'proj-badge proj-paused' }), () =>
    t('projector.paused'),
  );
  paused.hidden = true;
  const link = h('p', { className: 'proj-badge proj-link', attrs: { 'data-link': 'waiting' } });
  link.hidden = true;
  const header = h('header', { className: 'proj-header' }, [
    h('div', { className: 'proj-brand' }, [
      labels.text(h('p', { className: 'proj-eyebrow' }), () => t('projector.eyebrow')),
      title,
    ]),
    h('div', { className: 'proj-status', attrs: { role: 'status' } }, [paused, link]),
    h('p', { className: 'proj-clock' }, [utc, elapsed, remaining]),
  ]);

  const ended = h('p', { className: 'proj-ended', attrs: { role: 'status' } });
  ended.hidden = true;

  const topology = labels.attr(
    h('section', { className: 'proj-host proj-topology', attrs: { 'data-host': 'topology' } }),
    'aria-label',
    () => t('panel.topology'),
  );
  const dashboards = labels.attr(
    h('section', { className: 'proj-host proj-dashboards', attrs: { 'data-host': 'dashboards' } }),
    'aria-label',
    () => t('panel.dashboards'),
  );
  const visuals = h('div', { className: 'proj-visuals' }, [topology, dashboards]);

  // The prompt is a polite live region: the room's screen reader users hear each new prompt once.
  const promptText = h('p', { className: 'proj-prompt-text' });
  const prompt = h(
    'section',
    {
      className: 'proj-prompt',
      attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', 'data-empty': 'true' },
    },
    [
      labels.text(h('h2', { className: 'proj-prompt-title' }), () => t('projector.prompt.title')),
      promptText,
    ],
  );

  const strip = buildStrip(labels, (ms) => options.formatTime(ms));

  root.classList.add(PROJECTOR_ROOT_CLASS);
  root.replaceChildren(
    h('div', { className: 'proj-screen' }, [header, ended, visuals, prompt, strip.element]),
  );

  function update(view: ProjectorView): void {
    last = view;
    setText(title, view.title);
    setText(utc, t('incident.clock.utc', { clock: view.clock.utc }));
    setText(elapsed, options.formatTime(view.clock.elapsedMs));
    setHidden(remaining, view.clock.remainingMs === null);
    if (view.clock.remainingMs !== null)
      setText(
        remaining,
        t('facilitator.clock.remaining', { time: formatCountdown(view.clock.remainingMs) }),
      );
    setHidden(paused, view.clock.speed !== 0 || view.ended !== null);
    setHidden(link, view.link === 'inSync');
    setData(link, 'link', view.link);
    setText(link, linkName(view.link));
    setHidden(ended, view.ended === null);
    if (view.ended !== null)
      setText(ended, t('projector.ended', { outcome: outcomeName(view.ended.outcome) }));

    const key = promptKey(view.prompt);
    if (key !== shownPrompt) {
      shownPrompt = key;
      setText(promptText, view.prompt === null ? t('projector.prompt.none') : view.prompt.text);
      setData(prompt, 'empty', String(view.prompt === null));
      // Two identical animations, alternated, so each new prompt flashes once (CSS).
      if (view.prompt !== null) setData(prompt, 'flash', flashes++ % 2 === 0 ? 'a' : 'b');
    }
    strip.update(view);
  }

  return {
    hosts: { topology, dashboards },
    update,
    destroy() {
      labels.destroy();
      last = null;
      root.replaceChildren();
      root.classList.remove(PROJECTOR_ROOT_CLASS);
    },
  };
}
