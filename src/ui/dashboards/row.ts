/**
 * A collapsible row of panels, like Grafana's: the header is a disclosure button (with the number
 * of panels while collapsed), and a focused row says so in words as well as with its outline.
 */
import { t } from '../../i18n/index.ts';
import { translateRef } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import type { PanelChart } from './chart.ts';
import { chevronIcon } from './icons.ts';
import type { RowSpec } from './layout.ts';

export interface DashboardRow {
  readonly spec: RowSpec;
  readonly element: HTMLElement;
  /** The header's disclosure button: a Tab stop, and where the arrow keys go row to row. */
  readonly toggle: HTMLButtonElement;
  readonly charts: readonly PanelChart[];
  readonly collapsed: boolean;
  setCollapsed(collapsed: boolean): void;
  /** Highlights the row (and one of its panels), or clears the highlight with false. */
  setFocused(on: boolean, panelId?: string): void;
  relabel(): void;
}

export function createRow(
  prefix: string,
  spec: RowSpec,
  charts: readonly PanelChart[],
  onToggle: (row: DashboardRow) => void,
): DashboardRow {
  const bodyId = `${prefix}-row-${spec.id}`;
  const titleText = h('span', { className: 'dash-row-title' });
  const count = h('span', { className: 'dash-row-count' });
  const badge = h('span', { className: 'dash-row-focused', attrs: { hidden: '' } });
  const toggle = h(
    'button',
    {
      className: 'dash-row-toggle',
      attrs: {
        type: 'button',
        'aria-expanded': 'true',
        'aria-controls': bodyId,
        'aria-describedby': `${prefix}-row-keys`,
      },
    },
    [chevronIcon(), titleText, count, badge],
  );
  const body = h(
    'div',
    { className: 'dash-row-body', id: bodyId },
    charts.map((c) => c.element),
  );
  const element = h('section', { className: 'dash-row', attrs: { 'data-row': spec.id } }, [
    h('h3', { className: 'dash-row-head' }, [toggle]),
    body,
  ]);
  let collapsed = false;

  const row: DashboardRow = {
    spec,
    element,
    toggle,
    charts,
    get collapsed() {
      return collapsed;
    },
    setCollapsed(next) {
      if (next === collapsed) return;
      collapsed = next;
      body.hidden = next;
      count.hidden = !next;
      element.classList.toggle('is-collapsed', next);
      toggle.setAttribute('aria-expanded', String(!next));
      onToggle(row);
    },
    setFocused(on, panelId) {
      element.classList.toggle('is-focused', on);
      badge.hidden = !on;
      for (const chart of charts) {
        chart.element.classList.toggle('is-focused', on && chart.spec.id === panelId);
      }
    },
    relabel() {
      titleText.textContent = translateRef({ key: spec.title });
      count.textContent = t('dashboards.row.panels', { count: charts.length });
      badge.textContent = t('dashboards.focused');
    },
  };
  count.hidden = true;
  toggle.addEventListener('click', () => row.setCollapsed(!collapsed));
  row.relabel();
  return row;
}
