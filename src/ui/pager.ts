/**
 * The pager: every page the alerting opened, unacknowledged first, each with its severity, state,
 * summary, times and the actions that fit (acknowledge, escalate to a team, resolve, open the
 * runbook). It reads the store's `pager` slice and sends the player's choices to the composition
 * root, which performs them on the session; a refusal is shown on the card. A re-notification
 * pulses the card (not under reduced motion) and is announced politely to screen readers.
 */
import './pager.css';
import { onLocaleChange, t } from '../i18n/index.ts';
import { watch } from '../store/index.ts';
import type { IncidentStore, PagerAlert } from '../store/index.ts';
import { h } from './dom.ts';
import { createPageCard } from './pager/card.ts';
import type { PageCard } from './pager/card.ts';
import { isUrgent } from './pager/format.ts';
import { pageKey, sortPages, unacknowledgedCount } from './pager/order.ts';
import type { PagerOptions } from './pager/types.ts';

export { sortPages, unacknowledgedCount } from './pager/order.ts';
export type { PagerOptions, PagerResult } from './pager/types.ts';

export interface PagerPanel {
  readonly element: HTMLElement;
  destroy(): void;
}

let mounts = 0;

export function mountPager(
  host: HTMLElement,
  store: IncidentStore,
  options: PagerOptions,
): PagerPanel {
  const prefix = `oc-pager-${++mounts}`;
  const headingId = `${prefix}-heading`;

  const heading = h('h2', { className: 'pager-panel-heading', id: headingId });
  const count = h('p', { className: 'pager-panel-count' });
  const list = h('ul', {
    className: 'pager-panel-list',
    attrs: { 'aria-labelledby': headingId },
  });
  const empty = h('p', { className: 'pager-panel-empty' });
  const live = h('p', {
    className: 'visually-hidden',
    attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' },
  });
  const element = h(
    'section',
    { className: 'pager-panel', attrs: { 'aria-labelledby': headingId } },
    [h('header', { className: 'pager-panel-header' }, [heading, count]), live, list, empty],
  );
  host.append(element);

  let cards = new Map<string, PageCard>();
  let made = 0;
  /** Notifications each page had at the last render, to see which notified again. */
  const seen = new Map<string, number>();

  const reducedMotion = (): boolean =>
    store.getState().reducedMotion ||
    (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);

  function render(pages: readonly PagerAlert[], announce: boolean): void {
    const unacked = unacknowledgedCount(pages);
    heading.textContent = t('pager.heading');
    count.textContent = unacked > 0 ? t('pager.count', { count: unacked }) : t('pager.countNone');
    count.dataset['ringing'] = String(pages.some((p) => p.state === 'triggered' && isUrgent(p)));
    count.hidden = pages.length === 0;
    empty.textContent = t('pager.empty');
    empty.hidden = pages.length > 0;

    const sorted = sortPages(pages);
    const next = new Map<string, PageCard>();
    const said: string[] = [];
    for (const page of sorted) {
      const key = pageKey(page);
      let card = cards.get(key);
      if (card) card.update(page);
      else card = createPageCard(`${prefix}-${++made}`, page, options);
      next.set(key, card);

      const before = seen.get(key);
      seen.set(key, page.notifications);
      if (!announce || page.state !== 'triggered') continue;
      if (before === undefined) {
        said.push(
          t(isUrgent(page) ? 'pager.announce.triggered' : 'pager.announce.lowUrgency', {
            name: page.name,
            summary: page.summary,
          }),
        );
        if (isUrgent(page) && !reducedMotion()) card.pulse();
      } else if (page.notifications > before) {
        said.push(t('pager.announce.renotified', { name: page.name, count: page.notifications }));
        if (!reducedMotion()) card.pulse();
      }
    }
    cards = next;
    placeInOrder([...next.values()].map((c) => c.element));
    if (said.length > 0) live.textContent = said.join(' ');
  }

  /** Puts the cards in order; if moving a card took the focus from inside it, gives it back. */
  function placeInOrder(items: readonly HTMLLIElement[]): void {
    const focused = document.activeElement;
    for (const item of [...list.children])
      if (!items.includes(item as HTMLLIElement)) item.remove();
    items.forEach((item, i) => {
      const at = list.children[i];
      if (at !== item) list.insertBefore(item, at ?? null);
    });
    if (
      focused instanceof HTMLElement &&
      list.contains(focused) &&
      document.activeElement !== focused
    )
      focused.focus();
  }

  render(store.getState().pager, false);
  const unwatch = watch(
    store,
    (s) => s.pager,
    (pages) => render(pages, true),
  );
  // Words change with the language: rebuild every card (a focus inside one is lost).
  const unlocale = onLocaleChange(() => {
    for (const card of cards.values()) card.element.remove();
    cards = new Map();
    render(store.getState().pager, false);
  });

  return {
    element,
    destroy() {
      unwatch();
      unlocale();
      element.remove();
    },
  };
}
