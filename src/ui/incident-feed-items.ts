/**
 * One entry of the incident feed per timeline item. Scenario text (names, messages, summaries,
 * hints) is data and is only ever set as textContent. Severity and outcome are spelt out in
 * words next to their icons, so nothing depends on telling colours apart.
 */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';
import {
  audienceLabel,
  catalogueText,
  elapsedLabel,
  endLabel,
  milestoneLabel,
  outcomeLabel,
  roleLabel,
  severityLabel,
  targetLabel,
  updateStatusLabel,
} from './incident-format.ts';
import {
  endIcon,
  hintIcon,
  messageIcon,
  milestoneIcon,
  ownIcon,
  pageIcon,
  replyIcon,
  resolvedIcon,
  ticketIcon,
  warningIcon,
} from './incident-icons.ts';
import { incidentRoleLabel, personLabel } from './incident-respond/roles.ts';
import type { FeedItem } from './incident-types.ts';

export interface RenderedItem {
  readonly element: HTMLLIElement;
  /** What the feed's live region reads out for this entry. */
  readonly announce: string;
}

const SEVERITY_ICONS: Readonly<Record<string, () => SVGSVGElement>> = {
  page: pageIcon,
  warning: warningIcon,
  ticket: ticketIcon,
};

function shell(
  item: FeedItem,
  icon: SVGSVGElement,
  label: readonly (Node | string)[],
  body: readonly Node[],
  extra: Readonly<Record<string, string>> = {},
): HTMLLIElement {
  return h(
    'li',
    { className: `feed-item feed-${item.kind}`, attrs: { 'data-kind': item.kind, ...extra } },
    [
      h('span', { className: 'feed-icon' }, [icon]),
      h('div', { className: 'feed-main' }, [
        h('p', { className: 'feed-head' }, [
          h('span', { className: 'feed-label' }, label),
          h('span', { className: 'feed-time', text: elapsedLabel(item.t) }),
        ]),
        ...body,
      ]),
    ],
  );
}

const text = (value: string, className = 'feed-text'): HTMLParagraphElement =>
  h('p', { className, text: value });

const badge = (value: string, className: string): HTMLSpanElement =>
  h('span', { className: `feed-badge ${className}`, text: value });

export function renderItem(
  item: FeedItem,
  onTakeHint: (level: number) => void = () => {},
): RenderedItem {
  switch (item.kind) {
    case 'alert': {
      const severity = severityLabel(item.severity);
      const icon = (SEVERITY_ICONS[item.severity] ?? warningIcon)();
      return {
        element: shell(
          item,
          icon,
          [t('incident.feed.alert'), badge(severity, 'feed-severity')],
          [text(item.name, 'feed-alert-name'), text(item.summary)],
          { 'data-severity': item.severity },
        ),
        announce: t('incident.feed.announce.alert', {
          name: item.name,
          severity,
          summary: item.summary,
        }),
      };
    }
    case 'alertResolved':
      return {
        element: shell(
          item,
          resolvedIcon(),
          [t('incident.feed.alertResolved')],
          [text(item.name, 'feed-alert-name')],
        ),
        announce: t('incident.feed.announce.alertResolved', { name: item.name }),
      };
    case 'pager':
      return pagerItem(item);
    case 'message':
      return {
        element: shell(
          item,
          messageIcon(),
          [
            h('span', { className: 'feed-from', text: item.from }),
            badge(roleLabel(item.role), 'feed-role'),
          ],
          [text(item.text)],
        ),
        announce: t('incident.feed.announce.message', { from: item.from, text: item.text }),
      };
    case 'reply': {
      const from = catalogueText(item.from);
      const said = catalogueText(item.key, item.params);
      return {
        element: shell(
          item,
          replyIcon(),
          [
            h('span', { className: 'feed-from', text: from }),
            badge(roleLabel(item.role), 'feed-role'),
          ],
          [text(t('incident.feed.reply'), 'feed-caption'), text(said)],
        ),
        announce: t('incident.feed.announce.message', { from, text: said }),
      };
    }
    case 'hint':
      return { element: hintItem(item, onTakeHint), announce: t('incident.feed.announce.hint') };
    case 'milestone': {
      const milestone = milestoneLabel(item.name);
      return {
        element: shell(item, milestoneIcon(), [t('incident.feed.milestone')], [text(milestone)]),
        announce: t('incident.feed.announce.milestone', { milestone }),
      };
    }
    case 'own':
      return ownItem(item);
    case 'end': {
      const outcome = outcomeLabel(item.outcome);
      return {
        element: shell(
          item,
          endIcon(),
          [t('incident.feed.end'), badge(outcome, 'feed-outcome')],
          [
            text(endLabel(item.outcome)),
            item.reason === '' ? null : text(item.reason),
            text(t('incident.feed.debriefNext'), 'feed-caption'),
          ].filter((node): node is HTMLParagraphElement => node !== null),
          { 'data-outcome': item.outcome },
        ),
        announce: t('incident.feed.announce.end', { outcome, reason: item.reason }),
      };
    }
  }
}

/**
 * The player's own communication. Their title, message and text are theirs: set as text only.
 * The first line says what was done in words; what they wrote follows as it was written.
 */
function ownItem(item: Extract<FeedItem, { kind: 'own' }>): RenderedItem {
  const { act } = item;
  let said: string;
  let body: string;
  switch (act.type) {
    case 'declareIncident':
      said = t('incident.feed.own.declared', { severity: act.severity, title: act.title });
      body = '';
      break;
    case 'page':
      said = t('incident.feed.own.paged', { target: targetLabel(act.target) });
      body = act.message;
      break;
    case 'postUpdate':
      said = t('incident.feed.own.update', {
        audience: audienceLabel(act.audience),
        status: updateStatusLabel(act.status),
      });
      body = act.text;
      break;
    case 'hypothesis':
      said = t('incident.feed.own.hypothesis');
      body = act.text;
      break;
    case 'note':
      said = t('incident.feed.own.note');
      body = act.text;
      break;
    case 'assignRole':
      said = t('channel.own.assigned', {
        role: incidentRoleLabel(act.role),
        person: personLabel(act.person),
      });
      body = '';
      break;
  }
  return {
    element: shell(
      item,
      ownIcon(),
      [t('incident.feed.own')],
      [text(said, 'feed-own-said'), body === '' ? null : text(body)].filter(
        (node): node is HTMLParagraphElement => node !== null,
      ),
      { 'data-act': act.type },
    ),
    announce: t('incident.feed.announce.own', { text: body === '' ? said : `${said}. ${body}` }),
  };
}

/**
 * A hint arrives folded: the player chooses to read it. Its text is not in the document until
 * then, so neither a glance nor a screen reader gives it away.
 */
function hintItem(
  item: Extract<FeedItem, { kind: 'hint' }>,
  onTakeHint: (level: number) => void,
): HTMLLIElement {
  const prompt = text(t('incident.feed.hintPrompt'), 'feed-caption');
  const reveal = h('button', {
    className: 'feed-reveal',
    text: t('incident.feed.hintShow'),
    attrs: { type: 'button' },
  });
  const element = shell(
    item,
    hintIcon(),
    [
      t('incident.feed.hint'),
      badge(t('incident.feed.hintLevel', { level: item.level }), 'feed-level'),
    ],
    [prompt, reveal],
  );
  const show = (): void => {
    const shown = h('p', { className: 'feed-text', text: item.text, attrs: { tabindex: '-1' } });
    prompt.replaceWith(shown);
    reveal.remove();
    element.classList.add('is-revealed');
    // The button is gone: keep keyboard focus on what it revealed.
    shown.focus();
  };
  // A hint taken before (a resumed or branched run) stays open.
  if (item.taken === true) {
    prompt.replaceWith(h('p', { className: 'feed-text', text: item.text }));
    reveal.remove();
    element.classList.add('is-revealed');
  }
  reveal.addEventListener('click', () => {
    show();
    onTakeHint(item.level);
  });
  return element;
}

function pagerItem(item: Extract<FeedItem, { kind: 'pager' }>): RenderedItem {
  const said =
    item.event === 'renotified'
      ? t('incident.feed.pager.renotified', { alert: item.alert, count: item.detail })
      : item.event === 'escalated'
        ? t('incident.feed.pager.escalated', {
            alert: item.alert,
            target: targetLabel(item.detail),
          })
        : item.event === 'acknowledged'
          ? t('incident.feed.pager.acknowledged', { alert: item.alert })
          : t('incident.feed.pager.resolved', { alert: item.alert });
  const icon =
    item.event === 'renotified'
      ? pageIcon()
      : item.event === 'resolved'
        ? resolvedIcon()
        : ownIcon();
  return {
    element: shell(item, icon, [t('incident.feed.pager')], [text(said)], {
      'data-event': item.event,
    }),
    announce: said,
  };
}
