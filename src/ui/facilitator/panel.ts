/**
 * The frame every facilitator panel shares: a titled, labelled section. The body is the panel's
 * own; the title follows the language.
 */
import { h } from '../dom.ts';
import type { Labels } from './labels.ts';
import type { FacilitatorCommands } from './model.ts';

/** What each panel module builds: its element, and how to show a new view of the run. */
export interface Panel<V> {
  readonly element: HTMLElement;
  update(view: V): void;
}

export interface PanelFrame {
  readonly element: HTMLElement;
  /** The row holding the title; a panel may add controls to it. */
  readonly head: HTMLElement;
}

let panels = 0;

export function panelFrame(
  labels: Labels,
  name: string,
  title: () => string,
  children: readonly HTMLElement[],
): PanelFrame {
  const id = `fac-${name}-${++panels}`;
  const heading = labels.text(h('h2', { className: 'fac-panel-title', id }), title);
  const head = h('div', { className: 'fac-panel-head' }, [heading]);
  const element = h(
    'section',
    { className: `fac-panel fac-${name}`, attrs: { 'aria-labelledby': id, 'data-panel': name } },
    [head, ...children],
  );
  return { element, head };
}

/** A muted "nothing yet" line shown in place of an empty list. */
export function emptyLine(labels: Labels, text: () => string): HTMLElement {
  return labels.text(h('p', { className: 'fac-empty' }), text);
}

/** A text with its time in front: "T+4:10  Rolled back deployment/api". */
export function timedItem(
  time: string,
  text: string,
  extra: readonly HTMLElement[] = [],
): HTMLLIElement {
  return h('li', { className: 'fac-timed' }, [
    h('span', { className: 'fac-time', text: time }),
    h('span', { className: 'fac-timed-text', text }),
    ...extra,
  ]);
}

/** What every panel of the console is given when it is built. */
export interface PanelContext {
  readonly labels: Labels;
  readonly commands: FacilitatorCommands;
  /** Simulated ms since the start as "T+12:30". */
  formatTime(t: number): string;
}
