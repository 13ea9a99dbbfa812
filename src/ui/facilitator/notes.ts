/**
 * The facilitator's notes: each goes into the run (and so into the postmortem) with its time.
 * Ctrl+Enter or the button adds one; the text area is never redrawn by an update.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setHidden, syncList } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { emptyLine, panelFrame, timedItem } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';

let forms = 0;

export function buildNotes(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, commands, formatTime } = ctx;
  const id = `fac-note-${++forms}`;
  const text = labels.attr(
    h('textarea', {
      className: 'fac-input fac-note-text',
      id,
      attrs: { rows: '3', maxlength: '2000' },
    }),
    'placeholder',
    () => t('facilitator.notes.placeholder'),
  );
  const add = labels.text(
    h('button', { className: 'fac-button fac-button-primary', attrs: { type: 'submit' } }),
    () => t('facilitator.notes.add'),
  );
  const form = h('form', { className: 'fac-form fac-note-form' }, [
    labels.text(h('label', { className: 'fac-label', attrs: { for: id } }), () =>
      t('facilitator.notes.label'),
    ),
    text,
    h('div', { className: 'fac-inline-form' }, [
      labels.text(h('span', { className: 'fac-keys' }), () => t('facilitator.notes.keys')),
      add,
    ]),
  ]);
  const submit = (): void => {
    const note = text.value.trim();
    if (note === '') return;
    commands.note(note);
    text.value = '';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });

  const list = h('ol', { className: 'fac-list fac-note-list' });
  const none = emptyLine(labels, () => t('facilitator.notes.none'));
  const frame = panelFrame(labels, 'notes', () => t('facilitator.notes.title'), [form, list, none]);

  return {
    element: frame.element,
    update(view) {
      syncList(
        list,
        view.facilitatorNotes,
        (n) => `${n.t}\u0000${n.text}`,
        (n) => timedItem(formatTime(n.t), n.text),
      );
      setHidden(none, view.facilitatorNotes.length > 0);
    },
  };
}
