/**
 * The run's timeline: every entry with its UTC time and T+, its marks as labelled badges, who
 * acted, what happened and what it rests on (alerts, commands and their output, metric values).
 * Entries are anchored by id, so a score's "show evidence" can highlight exactly the entries
 * behind it, scroll to them and focus the first.
 */
import { t } from '../../i18n/index.ts';
import type { Postmortem, TimelineEvidence, TimelineItem } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { actorLabel, markLabel, sinceStart, utcTime } from './format.ts';
import { warnIcon } from './icons.ts';

/** Output longer than this many lines is folded to its first lines until asked for. */
export const FOLD_LINES = 8;
const FOLDED_LINES = 5;

type Filter = 'all' | 'moments' | 'player';
const FILTERS: readonly Filter[] = ['all', 'moments', 'player'];

export interface DebriefTimeline {
  readonly element: HTMLElement;
  readonly heading: HTMLElement;
  /** The element id of an entry. */
  anchor(id: number): string;
  /**
   * Highlights exactly these entries (and clears any others), shows every entry, scrolls to the
   * first and focuses it. Returns how many of the ids were found.
   */
  showEvidence(ids: readonly number[], label: string): number;
  clearEvidence(): void;
}

/** "Time to mitigate: 3 entries highlighted". */
export const evidenceSummary = (label: string, count: number): string =>
  t(count === 1 ? 'debrief.timeline.evidence.one' : 'debrief.timeline.evidence.other', {
    label,
    count,
  });

export function buildTimeline(pm: Postmortem, prefix: string): DebriefTimeline {
  const anchor = (id: number): string => `${prefix}-tl-${id}`;
  const headingId = `${prefix}-timeline-heading`;
  const items = new Map<number, HTMLElement>();
  for (const item of pm.timeline) items.set(item.id, entry(pm, item, anchor(item.id)));

  let filter: Filter = 'all';
  const filterButtons = FILTERS.map((f) => {
    const button = h('button', {
      className: 'debrief-filter',
      text: t(`debrief.timeline.filter.${f}`),
      attrs: { type: 'button', 'aria-pressed': String(f === filter) },
    });
    button.addEventListener('click', () => applyFilter(f));
    return button;
  });
  const applyFilter = (next: Filter): void => {
    filter = next;
    FILTERS.forEach((f, i) => filterButtons[i]!.setAttribute('aria-pressed', String(f === next)));
    for (const item of pm.timeline) {
      items.get(item.id)!.hidden = !(
        next === 'all' || (next === 'moments' ? item.marks.length > 0 : item.actor === 'player')
      );
    }
  };

  const evidenceText = h('p', { className: 'debrief-evidence-text' });
  const clear = h('button', {
    className: 'debrief-link-button',
    text: t('debrief.timeline.clear'),
    attrs: { type: 'button' },
  });
  const banner = h('div', { className: 'debrief-evidence-banner' }, [evidenceText, clear]);
  banner.hidden = true;

  const heading = h('h2', {
    className: 'debrief-section-title',
    id: headingId,
    text: t('debrief.timeline.title'),
    attrs: { tabindex: '-1' },
  });
  const list = h('ol', { className: 'debrief-timeline-list' }, [...items.values()]);
  const element = h(
    'section',
    { className: 'debrief-timeline', attrs: { 'aria-labelledby': headingId } },
    [
      h('div', { className: 'debrief-timeline-head' }, [
        heading,
        h(
          'div',
          {
            className: 'debrief-filters',
            attrs: { role: 'group', 'aria-label': t('debrief.timeline.filter.label') },
          },
          filterButtons,
        ),
        banner,
      ]),
      pm.timeline.length === 0
        ? h('p', { className: 'debrief-note', text: t('debrief.timeline.empty') })
        : list,
    ],
  );

  const clearEvidence = (): void => {
    for (const el of items.values()) {
      el.classList.remove('is-evidence');
      el.removeAttribute('aria-current');
    }
    banner.hidden = true;
  };
  clear.addEventListener('click', () => {
    const first = list.querySelector<HTMLElement>('.is-evidence');
    clearEvidence();
    first?.focus();
  });

  return {
    element,
    heading,
    anchor,
    showEvidence(ids, label) {
      clearEvidence();
      if (filter !== 'all') applyFilter('all');
      const found = pm.timeline.filter((item) => ids.includes(item.id));
      for (const item of found) {
        const el = items.get(item.id)!;
        el.classList.add('is-evidence');
        // Read out on focus: the entry is one of those asked for.
        el.setAttribute('aria-current', 'true');
      }
      evidenceText.textContent = evidenceSummary(label, found.length);
      banner.hidden = false;
      const first = found[0] ? items.get(found[0].id) : undefined;
      if (first) {
        scrollToItem(list, first);
        first.focus({ preventScroll: true });
      }
      return found.length;
    },
    clearEvidence,
  };
}

/**
 * Brings an entry to the middle of the list. Beside the parts the list scrolls on its own, and
 * only it moves (the page stays where the player was reading); stacked under them, the page does.
 */
function scrollToItem(list: HTMLElement, item: HTMLElement): void {
  const reduce = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const behavior: ScrollBehavior = reduce ? 'auto' : 'smooth';
  if (list.scrollHeight > list.clientHeight + 1) {
    const from = list.getBoundingClientRect();
    const to = item.getBoundingClientRect();
    const delta = to.top - from.top - (list.clientHeight - to.height) / 2;
    list.scrollBy?.({ top: delta, behavior });
  } else item.scrollIntoView?.({ block: 'center', behavior });
}

function entry(pm: Postmortem, item: TimelineItem, id: string): HTMLElement {
  const badges = [
    ...item.marks.map((mark) =>
      h('span', { className: 'debrief-badge is-mark', attrs: { 'data-mark': mark } }, [
        markLabel(mark),
      ]),
    ),
    item.harmful
      ? h('span', { className: 'debrief-badge is-harmful' }, [warnIcon(), t('debrief.harmful')])
      : null,
    item.decision
      ? h('span', { className: 'debrief-badge is-decision', text: t('debrief.decision') })
      : null,
  ];
  return h(
    'li',
    {
      className: 'debrief-tl-item',
      id,
      attrs: {
        tabindex: '-1',
        'data-item': String(item.id),
        'data-kind': item.kind,
        'data-actor': item.actor,
      },
    },
    [
      h('p', { className: 'debrief-tl-when' }, [
        h('span', { className: 'debrief-tl-utc', text: utcTime(pm.startEpochMs, item.t) }),
        h('span', { className: 'debrief-tl-since', text: sinceStart(item.t) }),
      ]),
      h('div', { className: 'debrief-tl-body' }, [
        h('p', { className: 'debrief-tl-head' }, [
          h('span', { className: 'debrief-tl-actor', text: actorLabel(item.actor) }),
          ...badges,
        ]),
        h('p', { className: 'debrief-tl-text', text: item.text }),
        ...item.evidence.map(evidence),
      ]),
    ],
  );
}

function evidence(e: TimelineEvidence): HTMLElement {
  switch (e.kind) {
    case 'alert':
      return h('p', { className: 'debrief-tl-alert' }, [
        h('span', { className: 'debrief-tl-evidence-kind', text: t('debrief.evidence.alert') }),
        h('code', { text: e.name }),
        e.summary === '' ? null : ` ${e.summary}`,
      ]);
    case 'metric':
      return h('p', { className: 'debrief-tl-metric' }, [
        h('span', { className: 'debrief-tl-evidence-kind', text: t('debrief.evidence.metric') }),
        `${e.label}: `,
        h('span', { className: 'debrief-tl-value', text: e.display }),
      ]);
    case 'command':
      return commandBlock(e);
  }
}

/** The command as typed, its output (folded when long) and its exit status when it failed. */
function commandBlock(e: Extract<TimelineEvidence, { kind: 'command' }>): HTMLElement {
  const lines = e.output === '' ? [] : e.output.split('\n');
  const output = h('code', {}, [e.output]);
  const pre = h('pre', { className: 'debrief-tl-output', attrs: { tabindex: '0' } }, [output]);
  let more: HTMLButtonElement | null = null;
  if (lines.length > FOLD_LINES) {
    const folded = `${lines.slice(0, FOLDED_LINES).join('\n')}\n…`;
    output.textContent = folded;
    more = h('button', {
      className: 'debrief-link-button',
      text: t('debrief.evidence.more', { count: lines.length }),
      attrs: { type: 'button', 'aria-expanded': 'false' },
    });
    const toggle = more;
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      output.textContent = open ? e.output : folded;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open
        ? t('debrief.evidence.less')
        : t('debrief.evidence.more', { count: lines.length });
    });
  }
  return h('div', { className: 'debrief-tl-command' }, [
    h('pre', { className: 'debrief-tl-line' }, [h('code', {}, [`$ ${e.line}`])]),
    lines.length === 0 ? null : pre,
    more,
    e.exit === 0
      ? null
      : h('p', {
          className: 'debrief-tl-exit',
          text: t('debrief.evidence.exit', { exit: e.exit }),
        }),
  ]);
}
