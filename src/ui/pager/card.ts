/**
 * One page in the pager list: severity and state as a word and an icon, the alert's name and
 * summary, when it fired and how often it notified, the rule's PromQL behind a disclosure, and
 * the actions that fit its state. Built once and updated in place, so focus survives updates.
 */
import { t } from '../../i18n/index.ts';
import type { PagerAlert } from '../../store/index.ts';
import { h } from '../dom.ts';
import { targetLabel } from '../incident-format.ts';
import { escalatedText, notifiedText, runbookFile, severityWord, stateWord } from './format.ts';
import { bookIcon, severityIcon, STATE_ICONS } from './icons.ts';
import type { PagerOptions, PagerResult } from './types.ts';

export interface PageCard {
  readonly element: HTMLLIElement;
  update(page: PagerAlert): void;
  /** Draws the eye to a re-notification (the caller skips it under reduced motion). */
  pulse(): void;
}

const button = (className: string, label: string | readonly (Node | string)[]) =>
  h(
    'button',
    { className: `page-button ${className}`, attrs: { type: 'button' } },
    typeof label === 'string' ? [label] : label,
  );

export function createPageCard(id: string, first: PagerAlert, options: PagerOptions): PageCard {
  let page = first;

  const severity = h('span', { className: 'page-severity' });
  const state = h('span', { className: 'page-state' });
  const notified = h('span', { className: 'page-notified' });
  const name = h('h3', { className: 'page-name', id: `${id}-name`, text: page.name });
  const summary = h('p', { className: 'page-summary', text: page.summary });
  const times = h('p', { className: 'page-times' });
  const escalated = h('p', { className: 'page-escalated' });

  const rule = h('details', { className: 'page-rule' }, [
    h('summary', { className: 'page-rule-toggle', text: t('pager.rule') }),
    page.expr === ''
      ? h('p', { className: 'page-rule-none', text: t('pager.noRule') })
      : h('pre', { className: 'page-expr' }, [h('code', { text: page.expr })]),
  ]);

  const errorsId = `${id}-errors`;
  const errors = h('div', { className: 'page-errors', id: errorsId, attrs: { role: 'alert' } });

  const ack = button('page-ack', t('pager.acknowledge'));
  const formId = `${id}-escalate`;
  const escalate = button('page-escalate', t('pager.escalate'));
  escalate.setAttribute('aria-expanded', 'false');
  escalate.setAttribute('aria-controls', formId);
  const resolve = button('page-resolve', t('pager.resolve'));
  const runbook = button('page-runbook', [
    bookIcon(),
    t('pager.runbook'),
    h('span', { className: 'page-runbook-file', text: runbookFile(page.runbook) }),
  ]);
  runbook.hidden = page.runbook === '';

  const selectId = `${id}-target`;
  const target = h(
    'select',
    { className: 'page-target', id: selectId },
    options.targets.map((value) => h('option', { text: targetLabel(value), attrs: { value } })),
  );
  const send = h('button', {
    className: 'page-button page-escalate-send',
    text: t('pager.escalateSend'),
    attrs: { type: 'submit' },
  });
  const cancel = button('page-escalate-cancel', t('pager.cancel'));
  const form = h('form', { className: 'page-escalate-form', id: formId, attrs: { hidden: '' } }, [
    h('label', {
      className: 'page-target-label',
      text: t('pager.escalateTo'),
      attrs: { for: selectId },
    }),
    target,
    send,
    cancel,
  ]);

  const actions = h(
    'div',
    {
      className: 'page-actions',
      attrs: { role: 'group', 'aria-label': t('pager.actions', { name: page.name }) },
    },
    [ack, escalate, resolve, runbook],
  );

  const article = h(
    'article',
    {
      className: 'page-card-body',
      attrs: { 'aria-labelledby': `${id}-name`, tabindex: '-1' },
    },
    [
      h('div', { className: 'page-card-head' }, [severity, state, notified]),
      name,
      summary,
      times,
      escalated,
      rule,
      actions,
      form,
      errors,
    ],
  );
  const element = h('li', { className: 'page-card' }, [article]);

  /** Shows a refusal under the card, or clears it. */
  const report = (result: PagerResult): boolean => {
    if (result.ok) {
      errors.replaceChildren();
      return true;
    }
    errors.replaceChildren(
      h('p', { className: 'page-errors-heading', text: t('pager.refused') }),
      h(
        'ul',
        {},
        result.errors.map((e) => h('li', { text: e })),
      ),
    );
    return false;
  };

  const openForm = (open: boolean, focus: boolean): void => {
    form.hidden = !open;
    escalate.setAttribute('aria-expanded', String(open));
    if (focus) (open ? target : escalate).focus();
  };

  ack.addEventListener('click', () => report(options.onAcknowledge(page.name)));
  resolve.addEventListener('click', () => report(options.onResolve(page.name)));
  runbook.addEventListener('click', () => options.onOpenRunbook(page.runbook));
  escalate.addEventListener('click', () =>
    openForm(escalate.getAttribute('aria-expanded') !== 'true', true),
  );
  cancel.addEventListener('click', () => openForm(false, true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (report(options.onEscalate(page.name, target.value))) openForm(false, true);
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    openForm(false, true);
  });
  element.addEventListener('animationend', () => element.classList.remove('page-pulse'));

  function update(next: PagerAlert): void {
    page = next;
    element.dataset['severity'] = page.severity;
    element.dataset['state'] = page.state;
    severity.replaceChildren(severityIcon(page.severity), severityWord(page.severity));
    state.replaceChildren(STATE_ICONS[page.state](), stateWord(page.state));
    notified.textContent = notifiedText(page);
    times.textContent = [
      t('pager.firedAt', { time: options.formatTime(page.firedAt) }),
      page.acknowledgedAt === null
        ? null
        : t('pager.acknowledgedAt', { time: options.formatTime(page.acknowledgedAt) }),
      page.resolvedAt === null
        ? null
        : t('pager.resolvedAt', { time: options.formatTime(page.resolvedAt) }),
    ]
      .filter((s) => s !== null)
      .join(' · ');
    escalated.hidden = page.escalatedTo.length === 0;
    escalated.textContent = escalatedText(page.escalatedTo);

    // Keep focus on the card when the button that had it goes away (acknowledged, resolved).
    const hadFocus = article.contains(document.activeElement);
    const open = page.state !== 'resolved';
    ack.hidden = page.state !== 'triggered';
    escalate.hidden = !open;
    resolve.hidden = !open;
    if (!open) openForm(false, false);
    if (hadFocus && !article.contains(document.activeElement)) focusFirstAction();
    else if (hadFocus && document.activeElement instanceof HTMLElement) {
      const active = document.activeElement;
      if (active.hidden || active.closest('[hidden]') !== null) focusFirstAction();
    }
  }

  function focusFirstAction(): void {
    const next = [ack, escalate, resolve, runbook].find((b) => !b.hidden);
    (next ?? article).focus();
  }

  update(page);

  return {
    element,
    update,
    pulse() {
      element.classList.remove('page-pulse');
      // Restart the animation if it is still running from the last notification.
      void element.offsetWidth;
      element.classList.add('page-pulse');
    },
  };
}
