/**
 * The dashboards' top bar: the title, the time range picker (a group of toggle buttons), and a key
 * to the marks drawn on every chart, each a shape and a word.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { markerSwatch, thresholdSwatch } from './icons.ts';
import { RANGE_IDS } from './panel-data.ts';
import type { RangeId } from './panel-data.ts';

export interface Toolbar {
  readonly element: HTMLElement;
  setRange(range: RangeId): void;
  relabel(): void;
}

const MARKER_KINDS = ['deploy', 'action', 'alert', 'resolved'] as const;

export function createToolbar(titleId: string, onRange: (range: RangeId) => void): Toolbar {
  const title = h('h2', { className: 'dash-title', id: titleId });
  const buttons = RANGE_IDS.map((range) => {
    const button = h('button', {
      className: 'dash-range-button',
      attrs: { type: 'button', 'aria-pressed': 'false', 'data-range': range },
    });
    button.addEventListener('click', () => onRange(range));
    return { range, button };
  });
  const rangeGroup = h(
    'div',
    { className: 'dash-range', attrs: { role: 'group' } },
    buttons.map((b) => b.button),
  );
  const keyTitle = h('span', { className: 'dash-key-title' });
  const keyWords = MARKER_KINDS.map(() => h('span'));
  const thresholdWord = h('span');
  const key = h('ul', { className: 'dash-key' }, [
    h('li', { className: 'dash-key-head' }, [keyTitle]),
    ...MARKER_KINDS.map((kind, i) => h('li', {}, [markerSwatch(kind), keyWords[i]!])),
    h('li', {}, [thresholdSwatch(), thresholdWord]),
  ]);
  const element = h('header', { className: 'dash-toolbar' }, [title, rangeGroup, key]);

  return {
    element,
    setRange(range) {
      for (const b of buttons) b.button.setAttribute('aria-pressed', String(b.range === range));
    },
    relabel() {
      title.textContent = t('dashboards.title');
      rangeGroup.setAttribute('aria-label', t('dashboards.range.label'));
      for (const b of buttons) b.button.textContent = t(`dashboards.range.${b.range}`);
      key.setAttribute('aria-label', t('dashboards.markers.label'));
      keyTitle.textContent = t('dashboards.markers.label');
      MARKER_KINDS.forEach(
        (kind, i) => (keyWords[i]!.textContent = t(`dashboards.marker.${kind}`)),
      );
      thresholdWord.textContent = t('dashboards.threshold.key');
    },
  };
}
