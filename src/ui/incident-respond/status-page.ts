/**
 * The status page draft: the affected component, a status and a message to customers, with
 * starter templates in plain customer language and a live preview of the post as the public
 * status page would show it. It is sent as a `postUpdate` to the `statusPage` audience; the
 * component goes into the text, where customers read it.
 */
import { CATALOGUES, lookup, t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { updateStatusLabel } from '../incident-format.ts';
import { UPDATE_STATUSES } from '../incident-types.ts';
import type { Communication } from '../incident-types.ts';
import type { Fields } from './fields.ts';

export interface StatusPageForm {
  readonly controls: readonly (HTMLSelectElement | HTMLTextAreaElement)[];
  readonly message: HTMLTextAreaElement;
  /** Templates above, the hint and the preview below the controls. */
  readonly before: readonly HTMLElement[];
  readonly after: readonly HTMLElement[];
  read(): Extract<Communication, { type: 'postUpdate' }>;
  /** Redraws the preview (after the form was cleared). */
  refresh(): void;
}

/** A mark per status so the badge never relies on colour: searching, found, watching, done. */
const STATUS_GLYPHS: Readonly<Record<string, string>> = {
  investigating: '?',
  identified: '!',
  monitoring: '~',
  resolved: '✓',
};

export function componentLabel(component: string): string {
  const key = `channel.status.component.${component}`;
  return Object.hasOwn(CATALOGUES.en, key) ? lookup(key) : component;
}

/** The text customers read: the message, then the component it affects. */
export function statusPageText(message: string, component: string): string {
  return `${message.trim()}\n\n${t('channel.status.affects', { component: componentLabel(component) })}`;
}

export function createStatusPageForm(
  fields: Fields,
  components: readonly string[],
): StatusPageForm {
  const component = fields.select(
    'component',
    'channel.status.component',
    components.map((c) => [c, componentLabel(c)]),
  );
  const status = fields.select(
    'page-status',
    'incident.respond.status',
    UPDATE_STATUSES.map((s) => [s, updateStatusLabel(s)]),
  );
  const message = fields.area('page-message', 'channel.status.message', {
    placeholder: 'channel.status.message.placeholder',
    maxLength: 3000,
  });
  message.rows = 3;

  // The text a template last put in, so a template replaces only untouched template text.
  let lastTemplate = '';
  const templateText = (s: string): string =>
    t(`channel.status.template.${s}` as 'channel.status.template.investigating', {
      component: componentLabel(component.value),
    });
  const templates = h(
    'div',
    {
      className: 'respond-templates',
      attrs: { role: 'group', 'aria-label': t('channel.status.templates') },
    },
    [
      h('span', { className: 'respond-templates-label', text: t('channel.status.templates') }),
      ...UPDATE_STATUSES.map((s) => {
        const button = h('button', {
          className: 'respond-template',
          text: updateStatusLabel(s),
          attrs: {
            type: 'button',
            'aria-label': t('channel.status.template.use', { status: updateStatusLabel(s) }),
          },
        });
        button.addEventListener('click', () => {
          const text = templateText(s);
          const typed = message.value.trim();
          message.value = typed === '' || typed === lastTemplate ? text : `${typed}\n\n${text}`;
          lastTemplate = message.value.trim();
          status.value = s;
          update();
          message.focus();
        });
        return button;
      }),
    ],
  );

  const badge = h('span', { className: 'status-preview-badge' });
  const glyph = h('span', { className: 'status-preview-glyph', attrs: { 'aria-hidden': 'true' } });
  const statusWord = h('span', {});
  badge.append(glyph, statusWord);
  const title = h('span', { className: 'status-preview-component' });
  const body = h('p', { className: 'status-preview-body' });
  const affects = h('p', { className: 'status-preview-affects' });
  const preview = h(
    'div',
    {
      className: 'status-preview',
      attrs: { role: 'region', 'aria-label': t('channel.status.preview') },
    },
    [
      h('p', { className: 'status-preview-caption', text: t('channel.status.preview') }),
      h('div', { className: 'status-preview-page' }, [
        h('p', { className: 'status-preview-site', text: t('channel.status.site') }),
        h('div', { className: 'status-preview-head' }, [badge, title]),
        body,
        affects,
        h('p', { className: 'status-preview-when', text: t('channel.status.preview.when') }),
      ]),
    ],
  );

  /** The preview follows every change: what customers would see if this were published now. */
  const update = (): void => {
    const s = status.value;
    badge.dataset['status'] = s;
    glyph.textContent = STATUS_GLYPHS[s] ?? '•';
    statusWord.textContent = updateStatusLabel(s);
    title.textContent = componentLabel(component.value);
    const text = message.value.trim();
    body.textContent = text === '' ? t('channel.status.preview.empty') : text;
    body.classList.toggle('status-preview-placeholder', text === '');
    affects.textContent = t('channel.status.affects', {
      component: componentLabel(component.value),
    });
  };
  for (const control of [component, status]) control.addEventListener('change', update);
  message.addEventListener('input', update);
  update();

  return {
    controls: [component, status, message],
    message,
    before: [templates],
    after: [h('p', { className: 'respond-help', text: t('channel.status.hint') }), preview],
    read: () => ({
      type: 'postUpdate',
      audience: 'statusPage',
      status: status.value,
      text: statusPageText(message.value, component.value),
    }),
    refresh() {
      lastTemplate = '';
      update();
    },
  };
}
