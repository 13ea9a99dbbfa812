/**
 * A resizable split of two panes with a draggable separator between them (the WAI-ARIA window
 * splitter pattern): drag it with the pointer, or focus it and use the arrow keys, Home and End;
 * a double click or Enter restores the initial share. The share is a CSS variable on the split, so
 * resizing is one style write and the browser lays out the panes.
 */
import { h } from '../dom.ts';

export type SplitOrientation = 'horizontal' | 'vertical';

export interface SplitOptions {
  /** `horizontal`: panes side by side (the separator is a vertical bar); `vertical`: stacked. */
  readonly orientation: SplitOrientation;
  readonly first: HTMLElement;
  readonly second: HTMLElement;
  /** The first pane's share of the split, in percent. */
  readonly initial: number;
  /** Limits of that share, in percent. */
  readonly min?: number;
  readonly max?: number;
  /** Accessible name of the separator ("Resize the map and the dashboards"). */
  readonly label: string;
  readonly className?: string;
  /** Called after the share changed (panes with canvases may want to re-measure). */
  onResize?(share: number): void;
}

export interface Split {
  readonly element: HTMLElement;
  readonly separator: HTMLElement;
  share(): number;
  setShare(percent: number): void;
}

/** Percent moved by one arrow key press (and by ten with Shift). */
const STEP = 2;

export function createSplit(options: SplitOptions): Split {
  const min = options.min ?? 15;
  const max = options.max ?? 85;
  const horizontal = options.orientation === 'horizontal';
  let current = options.initial;

  const separator = h('div', {
    className: 'split-separator',
    attrs: {
      role: 'separator',
      tabindex: '0',
      'aria-orientation': horizontal ? 'vertical' : 'horizontal',
      'aria-label': options.label,
      'aria-valuemin': String(min),
      'aria-valuemax': String(max),
    },
  });
  const element = h(
    'div',
    {
      className: `split split-${options.orientation}${options.className ? ` ${options.className}` : ''}`,
    },
    [options.first, separator, options.second],
  );
  options.first.classList.add('split-pane');
  options.second.classList.add('split-pane');

  const setShare = (percent: number): void => {
    const next = Math.round(Math.min(max, Math.max(min, percent)) * 10) / 10;
    if (next === current && element.style.getPropertyValue('--split') !== '') return;
    current = next;
    element.style.setProperty('--split', `${next}%`);
    separator.setAttribute('aria-valuenow', String(Math.round(next)));
    options.onResize?.(next);
  };
  setShare(current);

  separator.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? STEP * 5 : STEP;
    const back = horizontal ? 'ArrowLeft' : 'ArrowUp';
    const forward = horizontal ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (event.key === back) next = current - step;
    else if (event.key === forward) next = current + step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else if (event.key === 'Enter') next = options.initial;
    if (next === null) return;
    event.preventDefault();
    setShare(next);
  });

  separator.addEventListener('dblclick', () => setShare(options.initial));

  separator.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    separator.setPointerCapture?.(event.pointerId);
    element.classList.add('is-resizing');
    const move = (e: PointerEvent): void => {
      const box = element.getBoundingClientRect();
      const size = horizontal ? box.width : box.height;
      if (size <= 0) return;
      const offset = horizontal ? e.clientX - box.left : e.clientY - box.top;
      setShare((offset / size) * 100);
    };
    const up = (): void => {
      element.classList.remove('is-resizing');
      separator.removeEventListener('pointermove', move);
      separator.removeEventListener('pointerup', up);
      separator.removeEventListener('pointercancel', up);
    };
    separator.addEventListener('pointermove', move);
    separator.addEventListener('pointerup', up);
    separator.addEventListener('pointercancel', up);
  });

  return { element, separator, share: () => current, setShare };
}
