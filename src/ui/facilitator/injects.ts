/**
 * The inject library: one button per event the facilitator can drop into the run (another team
 * reports in, an executive asks for an ETA, a teammate goes offline, a second alert fires), what
 * it does in a line, and how many times it was sent. Buttons wait while the link is not in sync
 * (the input could not reach the player's run in step) and once the run has ended.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setDisabled, setHidden, setText } from './dom-sync.ts';
import type { FacilitatorView, InjectView } from './model.ts';
import { panelFrame } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';
import { INJECT_WORDS } from './words.ts';

interface InjectRow {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly count: HTMLElement;
}

export function buildInjects(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, commands } = ctx;
  const list = h('ul', { className: 'fac-list fac-inject-list' });
  const why = h('p', { className: 'fac-empty fac-inject-why', attrs: { role: 'status' } });
  const frame = panelFrame(labels, 'injects', () => t('facilitator.injects.title'), [
    labels.text(h('p', { className: 'fac-intro' }), () => t('facilitator.injects.intro')),
    list,
    why,
  ]);
  // Rows are made once per inject and kept, so a click never loses its button's focus.
  const rows = new Map<InjectView['id'], InjectRow>();

  const rowFor = (id: InjectView['id']): InjectRow => {
    const existing = rows.get(id);
    if (existing) return existing;
    const words = INJECT_WORDS[id];
    const button = labels.text(
      h('button', {
        className: 'fac-button fac-inject-button',
        attrs: { type: 'button', 'data-inject': id },
      }),
      () => t(words.label),
    );
    button.addEventListener('click', () => commands.inject(id));
    const count = h('span', { className: 'fac-inject-count' });
    const element = h('li', { className: 'fac-inject', attrs: { 'data-inject': id } }, [
      h('div', { className: 'fac-inject-head' }, [button, count]),
      labels.text(h('p', { className: 'fac-inject-description' }), () => t(words.description)),
    ]);
    const row = { element, button, count };
    rows.set(id, row);
    list.append(element);
    return row;
  };

  return {
    element: frame.element,
    update(view) {
      const blocked = view.ended !== null || view.link !== 'inSync';
      for (const inject of view.injects) {
        const row = rowFor(inject.id);
        setDisabled(row.button, blocked);
        setText(
          row.count,
          inject.sent === 0
            ? t('facilitator.injects.notSent')
            : t('facilitator.injects.sent', { count: inject.sent }),
        );
      }
      setHidden(why, !blocked);
      if (blocked)
        setText(
          why,
          view.ended !== null ? t('facilitator.injects.ended') : t('facilitator.injects.waiting'),
        );
    },
  };
}
