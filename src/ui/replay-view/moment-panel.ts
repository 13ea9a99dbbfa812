/**
 * The state at the cursor that is not a chart: the story's state and the pages open, each with
 * its severity and whether it had been acknowledged by then (in words, not colour alone).
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { formatElapsed, severityLabel } from '../incident-format.ts';
import type { ReplayMoment } from './moment.ts';

export interface MomentPanel {
  readonly element: HTMLElement;
  show(moment: ReplayMoment): void;
}

const STATE_KEYS = {
  triggered: 'pager.state.triggered',
  acknowledged: 'pager.state.acknowledged',
} as const;

export function createMomentPanel(): MomentPanel {
  const story = h('code', { className: 'replay-story-state' });
  const pages = h('ul', { className: 'replay-pages' });
  const none = h('p', { className: 'replay-empty', text: t('replay.pages.none') });
  const element = h(
    'section',
    { className: 'replay-moment', attrs: { 'aria-labelledby': 'replay-moment-heading' } },
    [
      h('h2', {
        className: 'replay-heading',
        id: 'replay-moment-heading',
        text: t('replay.state.heading'),
      }),
      h('p', { className: 'replay-story' }, [
        h('span', { className: 'replay-caption', text: t('replay.story.label') }),
        story,
      ]),
      h('h3', { className: 'replay-subheading', text: t('replay.pages.heading') }),
      none,
      pages,
    ],
  );
  let drawn = '';

  return {
    element,
    show(moment) {
      story.textContent = moment.story;
      // Pages change a few times a run: redraw only when the list does.
      const key = moment.pages.map((p) => `${p.page.id}:${p.state}`).join(',');
      if (key === drawn) return;
      drawn = key;
      none.hidden = moment.pages.length > 0;
      pages.replaceChildren(
        ...moment.pages.map(({ page, state }) =>
          h(
            'li',
            { className: `replay-page is-${state}`, attrs: { 'data-severity': page.severity } },
            [
              h('span', { className: 'replay-page-name', text: page.name }),
              h('span', { className: 'feed-badge', text: severityLabel(page.severity) }),
              h('span', { className: 'replay-page-state', text: t(STATE_KEYS[state]) }),
              h('span', {
                className: 'replay-caption',
                text: t('replay.page.firedAt', { elapsed: formatElapsed(page.firedAt) }),
              }),
              page.summary === ''
                ? null
                : h('p', { className: 'replay-page-summary', text: page.summary }),
            ],
          ),
        ),
      );
    },
  };
}
