/**
 * The dashboards' top bar: the title, the time range picker (a group of toggle buttons), and a key
 * to the marks drawn on every chart, each a shape and a word. In a narrow panel (the incident
 * screen at 1280×720) CSS swaps in shorter words so both fit on one line; the long words stay
 * for screen readers.
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

/** A word with a shorter form for narrow panels: the long one is the accessible one. */
function twoLengths(): { element: HTMLElement; set(long: string, short: string): void } {
  const long = h('span', { className: 'dash-long' });
  const short = h('span', { className: 'dash-short', attrs: { 'aria-hidden': 'true' } });
  return {
    element: h('span', { className: 'dash-two-lengths' }, [long, short]),
    set(longText, shortText) {
      long.textContent = longText;
      short.textContent = shortText;
    },
  };
}

export function createToolbar(titleId: string, onRange: (range: RangeId) => void): Toolbar {
  const title = h('h2', { className: 'dash-title', id: titleId });
  const buttons = RANGE_IDS.map((range) => {
    const text = twoLengths();
    const button = h(
      'button',
      {
        className: 'dash-range-button',
        attrs: { type: 'button', 'aria-pressed': 'false', 'data-range': range },
      },
      [text.element],
    );
    button.addEventListener('click', () => onRange(range));
    return { range, button, text };
  });
  const rangeGroup = h(
    'div',
    { className: 'dash-range', attrs: { role: 'group' } },
    buttons.map((b) => b.button),
  );
  const keyTitle = h('span', { className: 'dash-key-title' });
  const keyWords = MARKER_KINDS.map(() => twoLengths());
  const thresholdWord = twoLengths();
  const key = h('ul', { className: 'dash-key' }, [
    h('li', { className: 'dash-key-head' }, [keyTitle]),
    ...MARKER_KINDS.map((kind, i) => h('li', {}, [markerSwatch(kind), keyWords[i]!.element])),
    h('li', {}, [thresholdSwatch(), thresholdWord.element]),
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
      for (const b of buttons) {
        b.text.set(t(`dashboards.range.${b.range}`), t(`dashboards.range.${b.range}.short`));
      }
      key.setAttribute('aria-label', t('dashboards.markers.label'));
      keyTitle.textContent = t('dashboards.markers.label');
      MARKER_KINDS.forEach((kind, i) =>
        keyWords[i]!.set(t(`dashboards.marker.${kind}`), t(`dashboards.marker.${kind}.short`)),
      );
      thresholdWord.set(t('dashboards.threshold.key'), t('dashboards.threshold.key.short'));
    },
  };
}
