/**
 * The Roles form: hand an incident role to someone (or keep it), and see who holds what. Until
 * the player hands a role out, it is theirs, as in a real incident's first minutes.
 */
import { lookup, t } from '../../i18n/index.ts';
import { CATALOGUES } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { targetLabel } from '../incident-format.ts';
import { ME } from '../incident-types.ts';
import type { Communication } from '../incident-types.ts';
import type { Fields } from './fields.ts';

export interface RoleForm {
  readonly controls: readonly HTMLSelectElement[];
  /** The help line and the list of assignments, shown under the controls. */
  readonly extras: readonly HTMLElement[];
  read(): Extract<Communication, { type: 'assignRole' }>;
  /** The session took an assignment: show it in the list. */
  taken(assignment: Extract<Communication, { type: 'assignRole' }>): void;
}

/** "Incident commander" for `commander`; an unknown role is shown as it is. */
export function incidentRoleLabel(role: string): string {
  const key = `channel.roles.role.${role}`;
  return Object.hasOwn(CATALOGUES.en, key) ? lookup(key) : role;
}

/** "Me", a page target's catalogue name ("Sam (secondary on-call)"), or a character's name. */
export function personLabel(person: string): string {
  return person === ME ? t('channel.roles.me') : targetLabel(person);
}

export function createRoleForm(
  fields: Fields,
  roles: readonly string[],
  people: readonly string[],
): RoleForm {
  const role = fields.select(
    'role',
    'channel.roles.role',
    roles.map((r) => [r, incidentRoleLabel(r)]),
  );
  const person = fields.select(
    'person',
    'channel.roles.person',
    people.map((p) => [p, personLabel(p)]),
  );
  const held = new Map<string, string>();
  const list = h('ul', { className: 'respond-roles-list' });
  const render = (): void => {
    list.replaceChildren(
      ...(held.size === 0
        ? [h('li', { className: 'respond-roles-none', text: t('channel.roles.none') })]
        : roles
            .filter((r) => held.has(r))
            .map((r) =>
              h('li', {
                text: t('channel.roles.entry', {
                  role: incidentRoleLabel(r),
                  person: personLabel(held.get(r)!),
                }),
              }),
            )),
    );
  };
  render();
  const current = h('div', { className: 'respond-roles' }, [
    h('p', { className: 'respond-roles-heading', text: t('channel.roles.current') }),
    list,
  ]);
  return {
    controls: [role, person],
    extras: [h('p', { className: 'respond-help', text: t('channel.roles.help') }), current],
    read: () => ({ type: 'assignRole', role: role.value, person: person.value }),
    taken(assignment) {
      held.set(assignment.role, assignment.person);
      render();
    },
  };
}
