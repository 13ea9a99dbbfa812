/**
 * What happened in the run, as the incident feed showed it (the same entries, drawn by the
 * feed's own renderer): every entry of the whole run, those after the cursor dimmed, and a line
 * that counts how many had happened by then. The feed is in time order, so "by t" is a prefix.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { renderItem } from '../incident-feed-items.ts';
import { formatElapsed } from '../incident-format.ts';
import type { ReplayMoment } from './moment.ts';
import type { ReplayRecord } from './types.ts';

export interface ReplayTimeline {
  readonly element: HTMLElement;
  show(moment: ReplayMoment): void;
}

export function createTimeline(record: ReplayRecord): ReplayTimeline {
  const items = record.feed.map((item) => renderItem(item).element);
  const count = h('p', { className: 'replay-caption replay-timeline-count' });
  const element = h(
    'section',
    { className: 'replay-timeline', attrs: { 'aria-labelledby': 'replay-timeline-heading' } },
    [
      h('h2', {
        className: 'replay-heading',
        id: 'replay-timeline-heading',
        text: t('replay.timeline.heading'),
      }),
      items.length === 0
        ? h('p', { className: 'replay-empty', text: t('replay.timeline.empty') })
        : count,
      h(
        'div',
        {
          className: 'replay-scroller',
          attrs: { tabindex: '0', role: 'group', 'aria-labelledby': 'replay-timeline-heading' },
        },
        [h('ol', { className: 'feed-list replay-feed' }, items)],
      ),
    ],
  );
  /** Entries [0, shown) are drawn as happened; only the ones that change are touched. */
  let shown = items.length;

  return {
    element,
    show(moment) {
      const next = moment.feedShown;
      for (let i = Math.min(shown, next); i < Math.max(shown, next); i++)
        items[i]!.classList.toggle('is-future', i >= next);
      if (next !== shown) items[next - 1]?.scrollIntoView?.({ block: 'nearest' });
      shown = next;
      count.textContent = t('replay.timeline.count', {
        shown: next,
        total: items.length,
        elapsed: formatElapsed(moment.t),
      });
    },
  };
}
