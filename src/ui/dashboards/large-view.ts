/**
 * One panel opened large (Grafana's "View"): a modal dialog over the dashboards holding a second,
 * bigger chart of the same panel. Esc, the close button or a click outside closes it, and focus
 * returns to the button that opened it.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { createPanelChart } from './chart.ts';
import type { ChartHost, PanelChart } from './chart.ts';
import { closeIcon } from './icons.ts';
import type { PanelSpec } from './layout.ts';

export interface LargeView {
  readonly element: HTMLElement;
  readonly chart: PanelChart;
  /** Moves focus into the dialog (call once it is in the document). */
  focus(): void;
  relabel(): void;
  close(): void;
}

export function openLargeView(
  spec: PanelSpec,
  host: Omit<ChartHost, 'view'>,
  opener: HTMLElement | null,
  onClose: () => void,
): LargeView {
  const chart = createPanelChart(spec, host, { large: true });
  const closeText = h('span');
  const close = h(
    'button',
    { className: 'dash-icon-button dash-modal-close', attrs: { type: 'button' } },
    [closeIcon(), closeText],
  );
  const hint = h('p', { className: 'dash-modal-hint' });
  const dialog = h(
    'div',
    {
      className: 'dash-modal',
      attrs: { role: 'dialog', 'aria-modal': 'true' },
    },
    [h('div', { className: 'dash-modal-bar' }, [hint, close]), chart.element],
  );
  const element = h('div', { className: 'dash-modal-backdrop' }, [dialog]);

  let closed = false;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    chart.destroy();
    element.remove();
    onClose();
    opener?.focus();
  };
  close.addEventListener('click', finish);
  element.addEventListener('click', (event) => {
    if (event.target === element) finish();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish();
    } else if (event.key === 'Tab') trapTab(dialog, event);
  });
  const relabel = (): void => {
    closeText.textContent = t('dashboards.modal.close');
    hint.textContent = t('dashboards.modal.hint');
    dialog.setAttribute('aria-label', chart.element.querySelector('h4')?.textContent ?? '');
  };
  relabel();
  return {
    element,
    chart,
    focus: () => close.focus(),
    relabel() {
      chart.relabel();
      relabel();
    },
    close: finish,
  };
}

/** Keeps Tab inside the dialog while it is open (the chart's roving items count once). */
function trapTab(dialog: HTMLElement, event: KeyboardEvent): void {
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]'),
  ].filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
