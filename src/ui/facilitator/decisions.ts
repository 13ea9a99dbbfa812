/**
 * The class's decisions as they are made: a form (what was decided, and by which role, or none)
 * and the list so far with time and role. The form is built once and never redrawn by an update.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setHidden, syncList } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { emptyLine, panelFrame, timedItem } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';
import { INCIDENT_ROLES, roleName } from './words.ts';

let forms = 0;

/** The value of the "no role" option (no role is spelt like this). */
const NO_ROLE = '';

export function buildDecisions(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, commands, formatTime } = ctx;
  const prefix = `fac-decision-${++forms}`;
  const text = labels.attr(
    h('input', {
      className: 'fac-input fac-decision-text',
      id: `${prefix}-text`,
      attrs: { type: 'text', autocomplete: 'off', maxlength: '500' },
    }),
    'placeholder',
    () => t('facilitator.decisions.placeholder'),
  );
  const role = h('select', { className: 'fac-input fac-decision-role', id: `${prefix}-role` }, [
    labels.text(h('option', { attrs: { value: NO_ROLE } }), () =>
      t('facilitator.decisions.noRole'),
    ),
    ...INCIDENT_ROLES.map((r) =>
      labels.text(h('option', { attrs: { value: r } }), () => roleName(r)),
    ),
  ]);
  const record = labels.text(
    h('button', { className: 'fac-button fac-button-primary', attrs: { type: 'submit' } }),
    () => t('facilitator.decisions.record'),
  );
  const form = h('form', { className: 'fac-form fac-decision-form' }, [
    labels.text(h('label', { className: 'fac-label', attrs: { for: text.id } }), () =>
      t('facilitator.decisions.text'),
    ),
    text,
    h('div', { className: 'fac-inline-form' }, [
      labels.text(h('label', { className: 'fac-label', attrs: { for: role.id } }), () =>
        t('facilitator.decisions.role'),
      ),
      role,
      record,
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decided = text.value.trim();
    if (decided === '') return;
    commands.decision(decided, role.value === NO_ROLE ? null : role.value);
    text.value = '';
  });

  const list = h('ol', { className: 'fac-list fac-decision-list' });
  const none = emptyLine(labels, () => t('facilitator.decisions.none'));
  const frame = panelFrame(labels, 'decisions', () => t('facilitator.decisions.title'), [
    form,
    list,
    none,
  ]);

  return {
    element: frame.element,
    update(view) {
      syncList(
        list,
        view.decisions,
        (d) => `${d.t}\u0000${d.role ?? ''}\u0000${d.text}`,
        (d) =>
          timedItem(
            formatTime(d.t),
            d.text,
            d.role === null ? [] : [h('span', { className: 'fac-credit', text: roleName(d.role) })],
          ),
      );
      setHidden(none, view.decisions.length > 0);
    },
  };
}
