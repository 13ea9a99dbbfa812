/**
 * What the player is doing, newest at the bottom: their actions, the people who answer, alerts
 * and the story, each with the role and person credited when there is one; then the player's
 * hypotheses and interview notes. The list follows new lines unless the facilitator has scrolled
 * up to read.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setHidden, syncList } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { emptyLine, panelFrame, timedItem } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';
import { actorName, creditOf } from './words.ts';

/** How close to the bottom (px) still counts as "at the bottom": following new lines. */
const FOLLOW_SLACK = 24;

export function buildActivity(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, formatTime } = ctx;
  const list = labels.attr(
    h('ol', { className: 'fac-list fac-activity-list', attrs: { tabindex: '0' } }),
    'aria-label',
    () => t('facilitator.activity.list'),
  );
  const none = emptyLine(labels, () => t('facilitator.activity.none'));
  let following = true;
  list.addEventListener('scroll', () => {
    following = list.scrollHeight - list.scrollTop - list.clientHeight <= FOLLOW_SLACK;
  });

  const hypotheses = h('ol', { className: 'fac-list fac-hypotheses' });
  const hypothesesNone = emptyLine(labels, () => t('facilitator.none'));
  const playerNotes = h('ol', { className: 'fac-list fac-player-notes' });
  const playerNotesNone = emptyLine(labels, () => t('facilitator.none'));
  const sub = (title: () => string): HTMLElement =>
    labels.text(h('h3', { className: 'fac-subtitle' }), title);

  const frame = panelFrame(labels, 'activity', () => t('facilitator.activity.title'), [
    list,
    none,
    sub(() => t('facilitator.activity.hypotheses')),
    hypotheses,
    hypothesesNone,
    sub(() => t('facilitator.activity.playerNotes')),
    playerNotes,
    playerNotesNone,
  ]);

  const timed = (item: { readonly t: number; readonly text: string }): HTMLLIElement =>
    timedItem(formatTime(item.t), item.text);
  const timedKey = (item: { readonly t: number; readonly text: string }): string =>
    `${item.t}\u0000${item.text}`;

  return {
    element: frame.element,
    update(view) {
      const changed = syncList(
        list,
        view.activity,
        (a) => `${a.t}\u0000${a.actor}\u0000${a.role ?? ''}\u0000${a.person ?? ''}\u0000${a.text}`,
        (a) => {
          const credit = creditOf(a);
          const item = timedItem(
            formatTime(a.t),
            a.text,
            [
              h('span', { className: 'fac-actor', text: actorName(a.actor) }),
              credit === null ? null : h('span', { className: 'fac-credit', text: credit }),
            ].filter((el): el is HTMLSpanElement => el !== null),
          );
          item.dataset['actor'] = a.actor;
          return item;
        },
      );
      setHidden(list, view.activity.length === 0);
      setHidden(none, view.activity.length > 0);
      if (changed && following) list.scrollTop = list.scrollHeight;
      syncList(hypotheses, view.hypotheses, timedKey, timed);
      setHidden(hypothesesNone, view.hypotheses.length > 0);
      syncList(playerNotes, view.notes, timedKey, timed);
      setHidden(playerNotesNone, view.notes.length > 0);
    },
  };
}
