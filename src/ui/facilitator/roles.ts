/**
 * The four incident roles (commander, operations, communications, scribe): who holds each now,
 * and a field to hand it to someone. What the room does is then credited to that person in the
 * timeline. The fields are built once: an update never touches what the facilitator is typing.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setData, setText } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { panelFrame } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';
import { INCIDENT_ROLES, roleName } from './words.ts';
import type { IncidentRole } from './words.ts';

let forms = 0;

export function buildRoles(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, commands } = ctx;
  const prefix = `fac-role-${++forms}`;
  const holders = new Map<IncidentRole, HTMLElement>();

  const row = (role: IncidentRole): HTMLElement => {
    const inputId = `${prefix}-${role}`;
    const input = labels.attr(
      h('input', {
        className: 'fac-input fac-role-input',
        id: inputId,
        attrs: { type: 'text', autocomplete: 'off', maxlength: '80', 'data-role': role },
      }),
      'placeholder',
      () => t('facilitator.roles.person'),
    );
    const holder = h('p', { className: 'fac-role-holder', attrs: { 'data-holder': role } });
    holders.set(role, holder);
    const assign = labels.attr(
      labels.text(
        h('button', { className: 'fac-button', attrs: { type: 'submit', 'data-role': role } }),
        () => t('facilitator.roles.assign'),
      ),
      'aria-label',
      () => t('facilitator.roles.assignLabel', { role: roleName(role) }),
    );
    const form = h('form', { className: 'fac-role', attrs: { 'data-role': role } }, [
      labels.text(h('label', { className: 'fac-role-name', attrs: { for: inputId } }), () =>
        roleName(role),
      ),
      holder,
      h('div', { className: 'fac-inline-form' }, [input, assign]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const person = input.value.trim();
      if (person === '') return;
      commands.assignRole(role, person);
      input.value = '';
    });
    return form;
  };

  const frame = panelFrame(labels, 'roles', () => t('facilitator.roles.title'), [
    labels.text(h('p', { className: 'fac-intro' }), () => t('facilitator.roles.intro')),
    h('div', { className: 'fac-role-list' }, INCIDENT_ROLES.map(row)),
  ]);

  return {
    element: frame.element,
    update(view) {
      for (const [role, holder] of holders) {
        const person = Object.hasOwn(view.roles, role) ? view.roles[role] : undefined;
        const held = person !== undefined && person !== '';
        setData(holder, 'assigned', String(held));
        setText(
          holder,
          held ? t('facilitator.roles.holder', { person }) : t('facilitator.roles.unassigned'),
        );
      }
    },
  };
}
