/**
 * The projector's strip under the map and dashboards: who holds each role, the class's latest
 * decisions, the alerts firing now and the last lines of the channel. Short lists, large type,
 * clipped to a few items so the room can read them from the back.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setData, setHidden, setText, syncList } from '../facilitator/dom-sync.ts';
import type { Labels } from '../facilitator/labels.ts';
import type { ProjectorView } from '../facilitator/model.ts';
import { INCIDENT_ROLES, creditOf, roleName } from '../facilitator/words.ts';
import type { IncidentRole } from '../facilitator/words.ts';

/** How many of the latest decisions and feed lines, and of the firing alerts, fit on screen. */
export const SHOWN_DECISIONS = 3;
export const SHOWN_FEED = 3;
export const SHOWN_ALERTS = 3;

export interface Strip {
  readonly element: HTMLElement;
  update(view: ProjectorView): void;
}

export function buildStrip(labels: Labels, formatTime: (t: number) => string): Strip {
  const block = (
    name: string,
    title: () => string,
    children: readonly HTMLElement[],
  ): HTMLElement =>
    h('section', { className: `proj-block proj-${name}`, attrs: { 'data-block': name } }, [
      labels.text(h('h2', { className: 'proj-block-title' }), title),
      ...children,
    ]);
  const muted = (text: () => string): HTMLElement =>
    labels.text(h('p', { className: 'proj-muted' }), text);

  const holders = new Map<IncidentRole, HTMLElement>();
  const roles = h(
    'ul',
    { className: 'proj-roles-list' },
    INCIDENT_ROLES.map((role) => {
      const holder = h('span', { className: 'proj-role-holder', attrs: { 'data-role': role } });
      holders.set(role, holder);
      return h('li', { className: 'proj-role' }, [
        labels.text(h('span', { className: 'proj-role-name' }), () => roleName(role)),
        holder,
      ]);
    }),
  );

  const decisions = h('ol', { className: 'proj-list proj-decision-list' });
  const decisionsNone = muted(() => t('projector.decisions.none'));
  const alerts = h('ul', { className: 'proj-list proj-alert-list' });
  const alertsNone = muted(() => t('projector.alerts.none'));
  alertsNone.classList.add('proj-ok');
  const feed = h('ol', { className: 'proj-list proj-feed-list' });
  const feedNone = muted(() => t('projector.feed.none'));

  const element = h('div', { className: 'proj-strip' }, [
    block('roles', () => t('projector.roles.title'), [roles]),
    block('decisions', () => t('projector.decisions.title'), [decisions, decisionsNone]),
    block('alerts', () => t('projector.alerts.title'), [alerts, alertsNone]),
    block('feed', () => t('projector.feed.title'), [feed, feedNone]),
  ]);

  /** Two lines: what happened (one line, clipped), then when and who is credited. */
  const timed = (time: string, text: string, credit: string | null): HTMLLIElement =>
    h('li', { className: 'proj-item' }, [
      h('span', { className: 'proj-item-text', text }),
      h('span', { className: 'proj-item-meta' }, [
        h('span', { className: 'proj-time', text: time }),
        credit === null ? null : h('span', { className: 'proj-credit', text: credit }),
      ]),
    ]);

  return {
    element,
    update(view) {
      for (const [role, holder] of holders) {
        const person = Object.hasOwn(view.roles, role) ? view.roles[role] : undefined;
        const held = person !== undefined && person !== '';
        setData(holder, 'assigned', String(held));
        setText(holder, held ? person : t('projector.roles.unassigned'));
      }

      const latestDecisions = view.decisions.slice(-SHOWN_DECISIONS);
      syncList(
        decisions,
        latestDecisions,
        (d) => `${d.t}\u0000${d.role ?? ''}\u0000${d.text}`,
        (d) => timed(formatTime(d.t), d.text, d.role === null ? null : roleName(d.role)),
      );
      setHidden(decisionsNone, view.decisions.length > 0);

      const firing = view.firing.slice(0, SHOWN_ALERTS);
      syncList(
        alerts,
        firing,
        (a) => `${a.name}\u0000${a.severity}\u0000${a.summary}`,
        (a) =>
          h('li', { className: 'proj-item proj-alert' }, [
            h('span', { className: 'proj-item-text' }, [
              h('span', { className: 'proj-severity', text: a.severity }),
              h('span', { className: 'proj-alert-name', text: a.name }),
            ]),
            h('span', { className: 'proj-item-meta proj-alert-summary', text: a.summary }),
          ]),
      );
      setHidden(alertsNone, view.firing.length > 0);

      syncList(
        feed,
        view.feed.slice(-SHOWN_FEED),
        (a) => `${a.t}\u0000${a.role ?? ''}\u0000${a.person ?? ''}\u0000${a.text}`,
        (a) => timed(formatTime(a.t), a.text, creditOf(a)),
      );
      setHidden(feedNone, view.feed.length > 0);
    },
  };
}
