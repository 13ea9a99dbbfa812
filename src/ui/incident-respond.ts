/**
 * The Respond composer under the incident feed: how the player talks to the rest of the company.
 * Small forms behind tabs — declare the incident, page someone, hand out incident roles, post an
 * update, draft the public status page, note a hypothesis. Each hands a plain `Communication` to
 * the composition root, which validates it as a session action; a refusal is shown beside the
 * form and the typed text stays where it was. Everything the player types is only ever read from
 * and written to form controls as text.
 */
import './incident-respond.css';
import { t } from '../i18n/index.ts';
import type { PlainMessageKey } from '../i18n/index.ts';
import { h } from './dom.ts';
import { Fields } from './incident-respond/fields.ts';
import { createRoleForm } from './incident-respond/roles.ts';
import { createStatusPageForm } from './incident-respond/status-page.ts';
import {
  audienceLabel,
  severityChoiceLabel,
  targetLabel,
  updateStatusLabel,
} from './incident-format.ts';
import { AUDIENCES, STATUS_COMPONENTS, UPDATE_STATUSES } from './incident-types.ts';
import type { Communication, RespondChoices, RespondResult } from './incident-types.ts';

export interface RespondComposer {
  readonly element: HTMLElement;
  /** The incident is over: nothing more to send. */
  end(): void;
}

type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** The composer's forms; `statusPage` is a `postUpdate` drafted for customers. */
type FormName =
  'declareIncident' | 'page' | 'assignRole' | 'postUpdate' | 'statusPage' | 'hypothesis' | 'note';

const ALL_TABS: readonly FormName[] = [
  'declareIncident',
  'page',
  'assignRole',
  'postUpdate',
  'statusPage',
  'hypothesis',
  'note',
];

const TAB_KEYS: Readonly<Record<FormName, PlainMessageKey>> = {
  declareIncident: 'incident.respond.tab.declareIncident',
  page: 'incident.respond.tab.page',
  assignRole: 'channel.tab.assignRole',
  postUpdate: 'incident.respond.tab.postUpdate',
  statusPage: 'channel.tab.statusPage',
  hypothesis: 'incident.respond.tab.hypothesis',
  note: 'incident.respond.tab.note',
};

interface FormParts {
  /** Shown above the controls (the status page's templates). */
  readonly before?: readonly HTMLElement[];
  /** Shown under the controls (help, lists, previews). */
  readonly after?: readonly HTMLElement[];
  /** The session took it; the form's text fields are cleared already. */
  readonly sent?: (communication: Communication) => void;
}

export function createRespond(
  prefix: string,
  choices: RespondChoices,
  send: (communication: Communication) => RespondResult,
): RespondComposer {
  const id = (part: string): string => `${prefix}-respond-${part}`;
  const fields = new Fields(id);
  const roles = choices.roles ?? [];
  const people = choices.people ?? [];
  // Roles need someone to give them to; without both the tab would be an empty promise.
  const TABS = ALL_TABS.filter(
    (name) => name !== 'assignRole' || (roles.length > 0 && people.length > 0),
  );

  const forms: Record<FormName, HTMLFormElement> = {
    declareIncident: (() => {
      const severity = fields.select(
        'severity',
        'incident.respond.severity',
        choices.severities.map((s) => [s, severityChoiceLabel(s)]),
      );
      // SEV2 is the usual first call for customer-facing breakage.
      if (choices.severities.includes('SEV2')) severity.value = 'SEV2';
      const title = fields.input('title', 'incident.respond.title', {
        placeholder: 'incident.respond.title.placeholder',
        maxLength: 200,
      });
      return form('declareIncident', [severity, title], title, 'incident.respond.declare', () => ({
        type: 'declareIncident',
        severity: severity.value,
        title: title.value.trim(),
      }));
    })(),
    page: (() => {
      const target = fields.select(
        'target',
        'incident.respond.target',
        choices.targets.map((s) => [s, targetLabel(s)]),
      );
      const message = fields.area('message', 'incident.respond.message', {
        placeholder: 'incident.respond.message.placeholder',
        maxLength: 2000,
      });
      return form('page', [target, message], null, 'incident.respond.page', () => ({
        type: 'page',
        target: target.value,
        message: message.value.trim(),
      }));
    })(),
    postUpdate: (() => {
      const audience = fields.select(
        'audience',
        'incident.respond.audience',
        AUDIENCES.map((a) => [a, audienceLabel(a)]),
      );
      const status = fields.select(
        'status',
        'incident.respond.status',
        UPDATE_STATUSES.map((s) => [s, updateStatusLabel(s)]),
      );
      const text = fields.area('update', 'incident.respond.update', {
        placeholder: 'incident.respond.update.placeholder',
        maxLength: 4000,
      });
      return form('postUpdate', [audience, status, text], text, 'incident.respond.post', () => ({
        type: 'postUpdate',
        audience: audience.value,
        status: status.value,
        text: text.value.trim(),
      }));
    })(),
    assignRole: (() => {
      const roleForm = createRoleForm(fields, roles, people);
      return form('assignRole', roleForm.controls, null, 'channel.roles.assign', roleForm.read, {
        after: roleForm.extras,
        sent: (c) => {
          if (c.type === 'assignRole') roleForm.taken(c);
        },
      });
    })(),
    statusPage: (() => {
      const draft = createStatusPageForm(fields, choices.components ?? STATUS_COMPONENTS);
      return form('statusPage', draft.controls, draft.message, 'channel.status.post', draft.read, {
        before: draft.before,
        after: draft.after,
        sent: () => draft.refresh(),
      });
    })(),
    hypothesis: (() => {
      const text = fields.area('hypothesis', 'incident.respond.hypothesis', {
        placeholder: 'incident.respond.hypothesis.placeholder',
        maxLength: 2000,
      });
      return form('hypothesis', [text], text, 'incident.respond.note', () => ({
        type: 'hypothesis',
        text: text.value.trim(),
      }));
    })(),
    // Thinking aloud: what an interviewer wants to hear, kept for the feedback and postmortem.
    note: (() => {
      const text = fields.area('note', 'incident.respond.noteText', {
        placeholder: 'incident.respond.noteText.placeholder',
        maxLength: 4000,
      });
      return form('note', [text], text, 'incident.respond.noteSend', () => ({
        type: 'note',
        text: text.value.trim(),
      }));
    })(),
  };

  /** One form: its controls, the inline errors, and a send button. */
  function form(
    type: FormName,
    controls: readonly (HTMLSelectElement | TextControl)[],
    required: TextControl | null,
    submitKey: PlainMessageKey,
    read: () => Communication,
    parts: FormParts = {},
  ): HTMLFormElement {
    const errorsId = id(`${type}-errors`);
    const errors = h('div', {
      className: 'respond-errors',
      id: errorsId,
      attrs: { role: 'alert' },
    });
    const texts = controls.filter(
      (c): c is TextControl => c instanceof HTMLInputElement || c instanceof HTMLTextAreaElement,
    );
    const element = h(
      'form',
      {
        className: `respond-form respond-form-${type}`,
        id: id(`${type}-panel`),
        attrs: { role: 'tabpanel', 'aria-labelledby': id(`${type}-tab`), novalidate: '' },
      },
      [
        ...(parts.before ?? []),
        ...controls.map((c) => c.closest('.respond-field') ?? c),
        ...(parts.after ?? []),
        errors,
        h('div', { className: 'respond-actions' }, [
          texts.some((c) => c instanceof HTMLTextAreaElement)
            ? h('span', { className: 'respond-keys', text: t('incident.respond.keys') })
            : null,
          h('button', {
            className: 'respond-send',
            text: t(submitKey),
            attrs: { type: 'submit' },
          }),
        ]),
      ],
    );
    const show = (messages: readonly string[], heading: string | null): void => {
      errors.replaceChildren(
        ...(heading === null
          ? []
          : [h('p', { className: 'respond-errors-heading', text: heading })]),
        heading === null
          ? h('p', { text: messages.join(' ') })
          : h(
              'ul',
              {},
              messages.map((m) => h('li', { text: m })),
            ),
      );
      for (const c of texts) {
        c.setAttribute('aria-describedby', errorsId);
        if (c === required || required === null) c.setAttribute('aria-invalid', 'true');
      }
    };
    const clear = (): void => {
      errors.replaceChildren();
      for (const c of texts) {
        c.removeAttribute('aria-invalid');
        c.removeAttribute('aria-describedby');
      }
    };
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      if (required !== null && required.value.trim() === '') {
        show([t('incident.respond.empty')], null);
        required.focus();
        return;
      }
      const communication = read();
      const result = send(communication);
      if (!result.ok) {
        // The typed text stays: the player fixes it and sends again.
        show(result.errors, t('incident.respond.refused'));
        return;
      }
      clear();
      for (const c of texts) c.value = '';
      parts.sent?.(communication);
    });
    // In a multi-line field Enter is a new line; Ctrl+Enter (or Cmd+Enter) sends.
    element.addEventListener('keydown', (event) => {
      if (
        event.key === 'Enter' &&
        (event.ctrlKey || event.metaKey) &&
        event.target instanceof HTMLTextAreaElement
      ) {
        event.preventDefault();
        element.requestSubmit();
      }
    });
    return element;
  }

  const tabs = TABS.map((type) =>
    h('button', {
      className: 'respond-tab',
      id: id(`${type}-tab`),
      text: t(TAB_KEYS[type]),
      attrs: { type: 'button', role: 'tab', 'aria-controls': id(`${type}-panel`) },
    }),
  );
  const tablist = h(
    'div',
    {
      className: 'respond-tabs',
      attrs: { role: 'tablist', 'aria-label': t('incident.respond.tabs') },
    },
    tabs,
  );
  const select = (index: number, focus: boolean): void => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      forms[TABS[i]!].hidden = !on;
    });
    if (focus) tabs[index]!.focus();
  };
  tabs.forEach((tab, i) => tab.addEventListener('click', () => select(i, false)));
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    select(next, true);
  });
  select(0, false);

  const fieldset = h(
    'fieldset',
    { className: 'respond-fieldset' },
    TABS.map((type) => forms[type]),
  );
  const bodyId = id('body');
  const body = h('div', { className: 'respond-body', id: bodyId }, [tablist, fieldset]);
  const headingId = id('heading');
  const toggle = h(
    'button',
    {
      className: 'respond-toggle',
      attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': bodyId },
    },
    [
      h('span', { className: 'respond-chevron', attrs: { 'aria-hidden': 'true' } }),
      t('incident.respond.heading'),
    ],
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  });
  const element = h(
    'section',
    { className: 'incident-respond', attrs: { 'aria-labelledby': headingId } },
    [h('h2', { className: 'respond-heading', id: headingId }, [toggle]), body],
  );

  return {
    element,
    end() {
      fieldset.disabled = true;
    },
  };
}
