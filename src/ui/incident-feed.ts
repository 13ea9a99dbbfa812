/**
 * The incident feed: alerts, messages, replies, hints, milestones and the end, newest at the
 * bottom. It follows new entries unless the player has scrolled up to read, and then offers a
 * button back to the latest. A polite live region reads each new entry once.
 */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { briefingSections } from './incident-briefing.ts';
import { renderItem } from './incident-feed-items.ts';
import { downIcon } from './incident-icons.ts';
import type { FeedItem, IncidentInfo } from './incident-types.ts';

export interface IncidentFeed {
  readonly element: HTMLElement;
  append(items: readonly FeedItem[]): void;
  readonly size: number;
}

/** How close to the bottom (px) still counts as "following" the feed. */
const FOLLOW_SLACK = 32;

export function createFeed(
  info: IncidentInfo,
  prefix: string,
  onTakeHint: (level: number) => void = () => {},
): IncidentFeed {
  const headingId = `${prefix}-feed-heading`;
  const list = h('ol', { className: 'feed-list' }, [briefingEntry(info)]);
  const empty = h('p', { className: 'feed-empty', text: t('incident.feed.empty') });
  const scroller = h(
    'div',
    {
      className: 'feed-scroller',
      // A scrolling region must be reachable by keyboard to be scrolled without a mouse.
      attrs: { tabindex: '0', role: 'group', 'aria-labelledby': headingId },
    },
    [list, empty],
  );
  const jump = h('button', { className: 'feed-jump', attrs: { type: 'button' } }, [
    h('span', { className: 'feed-jump-icon' }, [downIcon()]),
    t('incident.feed.jump'),
  ]);
  jump.hidden = true;
  const live = h('div', {
    className: 'visually-hidden',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-atomic': 'false' },
  });
  const element = h(
    'section',
    { className: 'incident-feed', attrs: { 'aria-labelledby': headingId } },
    [
      h('h2', { className: 'feed-heading', id: headingId, text: t('incident.feed.heading') }),
      scroller,
      jump,
      live,
    ],
  );
  let size = 0;

  const atEnd = (): boolean =>
    scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= FOLLOW_SLACK;
  /**
   * Whether the player is following the newest entries. Kept from their last scroll rather than
   * measured when an entry arrives: when the box shrinks (the composer opens, a panel is
   * resized) the newest entry must stay in view.
   */
  let following = true;
  const toEnd = (): void => {
    scroller.scrollTop = scroller.scrollHeight;
    following = true;
    jump.hidden = true;
  };

  scroller.addEventListener('scroll', () => {
    following = atEnd();
    if (following) jump.hidden = true;
  });
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => {
      if (following) scroller.scrollTop = scroller.scrollHeight;
    }).observe(scroller);
  }
  jump.addEventListener('click', () => {
    toEnd();
    scroller.focus({ preventScroll: true });
  });

  return {
    element,
    get size() {
      return size;
    },
    append(items) {
      if (items.length === 0) return;
      const follow = following;
      const said: HTMLElement[] = [];
      for (const item of items) {
        const { element: entry, announce } = renderItem(item, onTakeHint);
        list.append(entry);
        said.push(h('p', { text: announce }));
      }
      size += items.length;
      empty.hidden = true;
      // Only the newest entries stay in the region, so nothing old is read out again.
      live.replaceChildren(...said);
      if (follow) toEnd();
      else jump.hidden = false;
    },
  };
}

/** The briefing stays at the top of the feed, folded, for a second look. */
function briefingEntry(info: IncidentInfo): HTMLLIElement {
  return h('li', { className: 'feed-item feed-briefing', attrs: { 'data-kind': 'briefing' } }, [
    h('details', { className: 'feed-details' }, [
      h('summary', { className: 'feed-summary', text: t('incident.briefing.heading') }),
      h('div', { className: 'feed-briefing-body' }, briefingSections(info, 'h3')),
    ]),
  ]);
}
