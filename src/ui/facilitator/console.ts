/**
 * The facilitator console: a second window beside the player's run, for an instructor or an
 * interviewer. It shows the answer key and the player's progress against it, and sends what the
 * facilitator does (pause, injects, clues, roles, decisions, notes) through `commands`; the
 * composition root turns those into inputs of the run and calls `update` with each new view.
 *
 * `update` is cheap and never rebuilds a form: texts are set only when they change and lists
 * grow by their new items, so what the facilitator is typing survives every tick.
 */
import '../facilitator.css';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { buildActivity } from './activity.ts';
import { buildAnswerKey } from './answer-key.ts';
import { buildClues } from './clues.ts';
import { buildDecisions } from './decisions.ts';
import { buildHeader } from './header.ts';
import { buildInjects } from './injects.ts';
import { createLabels } from './labels.ts';
import type { FacilitatorCommands, FacilitatorView } from './model.ts';
import { buildNotes } from './notes.ts';
import type { Panel } from './panel.ts';
import { buildPrompts } from './prompts.ts';
import { buildRoles } from './roles.ts';

export interface FacilitatorConsoleOptions {
  /** Leave the console (back to the title screen, or close the window). */
  onExit(): void;
  /** Simulated ms since the start as "T+12:30". */
  formatTime(t: number): string;
}

export interface FacilitatorConsole {
  update(view: FacilitatorView): void;
  destroy(): void;
}

/** The class the mount point gets while the console is in it. */
export const FACILITATOR_ROOT_CLASS = 'fac-root';

export function mountFacilitatorConsole(
  root: HTMLElement,
  commands: FacilitatorCommands,
  options: FacilitatorConsoleOptions,
): FacilitatorConsole {
  let last: FacilitatorView | null = null;
  // A change of language relabels the frame, then redraws the view's texts in the new language.
  const labels = createLabels(() => {
    if (last) update(last);
  });
  const ctx = { labels, commands, formatTime: (ms: number) => options.formatTime(ms) };

  const header = buildHeader(ctx, { onExit: () => options.onExit() });
  const answerKey = buildAnswerKey(ctx);
  const clues = buildClues(ctx);
  const injects = buildInjects(ctx);
  const roles = buildRoles(ctx);
  const decisions = buildDecisions(ctx);
  const prompts = buildPrompts(ctx);
  const notes = buildNotes(ctx);
  const activity = buildActivity(ctx);
  const panels: readonly Panel<FacilitatorView>[] = [
    header,
    answerKey,
    clues,
    injects,
    roles,
    decisions,
    prompts,
    notes,
    activity,
  ];

  // Three columns: what is true (answer key, clues), what the room does (injects, roles,
  // decisions), and what is happening (activity, prompts, notes).
  const column = (name: string, children: readonly Panel<FacilitatorView>[]): HTMLElement =>
    h(
      'div',
      { className: `fac-column fac-column-${name}` },
      children.map((p) => p.element),
    );
  const main = labels.attr(
    h('main', { className: 'fac-columns' }, [
      column('key', [answerKey, clues]),
      column('room', [injects, roles, decisions]),
      column('run', [activity, prompts, notes]),
    ]),
    'aria-label',
    () => t('facilitator.columns'),
  );

  root.classList.add(FACILITATOR_ROOT_CLASS);
  root.replaceChildren(h('div', { className: 'fac-screen' }, [header.element, main]));

  function update(view: FacilitatorView): void {
    last = view;
    for (const panel of panels) panel.update(view);
  }

  return {
    update,
    destroy() {
      labels.destroy();
      last = null;
      root.replaceChildren();
      root.classList.remove(FACILITATOR_ROOT_CLASS);
    },
  };
}
