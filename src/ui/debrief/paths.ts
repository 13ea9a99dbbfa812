/**
 * Your path beside the expert's: the player's decisions (levers and communications, harmful ones
 * marked) and the reference solution's steps in one table ordered by time, with the moments each
 * side mitigated and resolved. A decision offers "try another action from here" when the replay
 * can branch.
 */
import { t } from '../../i18n/index.ts';
import type { Postmortem, TimelineItem } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { sinceStart } from './format.ts';
import { branchIcon, warnIcon } from './icons.ts';

type Entry =
  | { readonly side: 'you'; readonly t: number; readonly item: TimelineItem }
  | { readonly side: 'you' | 'expert'; readonly t: number; readonly moment: Moment }
  | { readonly side: 'expert'; readonly t: number; readonly step: string };

type Moment = 'mitigated' | 'resolved';

/** The player's first moment of a kind: the timeline item that carries the mark. */
const firstMarked = (pm: Postmortem, mark: 'mitigation' | 'resolution'): number | null =>
  pm.timeline.find((item) => item.marks.includes(mark))?.t ?? null;

/** Every entry of both paths, grouped by the second they happened in, earliest first. */
export function pathRows(pm: Postmortem): { t: number; you: Entry[]; expert: Entry[] }[] {
  const entries: Entry[] = pm.timeline
    .filter((item) => item.decision)
    .map((item) => ({ side: 'you', t: item.t, item }));
  const mine: [Moment, number | null][] = [
    ['mitigated', firstMarked(pm, 'mitigation')],
    ['resolved', firstMarked(pm, 'resolution')],
  ];
  for (const [moment, at] of mine) if (at !== null) entries.push({ side: 'you', t: at, moment });
  if (pm.reference) {
    for (const step of pm.reference.steps)
      entries.push({ side: 'expert', t: step.t, step: step.text });
    const theirs: [Moment, number | null][] = [
      ['mitigated', pm.reference.mitigatedAt],
      ['resolved', pm.reference.resolvedAt],
    ];
    for (const [moment, at] of theirs)
      if (at !== null) entries.push({ side: 'expert', t: at, moment });
  }
  const bySecond = new Map<number, { t: number; you: Entry[]; expert: Entry[] }>();
  for (const entry of entries) {
    const second = Math.floor(entry.t / 1000);
    const row = bySecond.get(second) ?? { t: second * 1000, you: [], expert: [] };
    row[entry.side].push(entry);
    bySecond.set(second, row);
  }
  // Within a second the action comes before the moment it brought about.
  const order = (e: Entry): number => ('moment' in e ? 1 : 0);
  return [...bySecond.values()]
    .sort((a, b) => a.t - b.t)
    .map((row) => ({
      ...row,
      you: row.you.sort((a, b) => order(a) - order(b)),
      expert: row.expert.sort((a, b) => order(a) - order(b)),
    }));
}

/** Shows timeline items (highlighted, scrolled to, the first focused). */
export type ShowItems = (ids: readonly number[], label: string) => void;

export function buildPaths(
  pm: Postmortem,
  anchor: (id: number) => string,
  show: ShowItems,
  onBranch: ((t: number) => void) | undefined,
): HTMLElement {
  const rows = pathRows(pm);
  const cell = (entries: readonly Entry[]): HTMLElement =>
    h(
      'td',
      {},
      entries.map((entry) => entryElement(entry, anchor, show, onBranch)),
    );
  const table = h('table', { className: 'debrief-paths-table' }, [
    h('caption', { className: 'visually-hidden', text: t('debrief.paths.caption') }),
    h('thead', {}, [
      h('tr', {}, [
        h('th', { text: t('debrief.paths.time'), attrs: { scope: 'col' } }),
        h('th', { text: t('debrief.paths.you'), attrs: { scope: 'col' } }),
        h('th', { text: t('debrief.paths.expert'), attrs: { scope: 'col' } }),
      ]),
    ]),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h('tr', {}, [
          h('th', {
            className: 'debrief-paths-time',
            text: sinceStart(row.t),
            attrs: { scope: 'row' },
          }),
          cell(row.you),
          cell(row.expert),
        ]),
      ),
    ),
  ]);
  return h('div', { className: 'debrief-paths' }, [
    pathSummary(pm),
    pm.reference === null
      ? h('p', { className: 'debrief-note', text: t('debrief.paths.noReference') })
      : null,
    rows.length === 0
      ? h('p', { className: 'debrief-note', text: t('debrief.paths.empty') })
      : h('div', { className: 'debrief-table-box' }, [table]),
  ]);
}

/** One line per side: when each mitigated and resolved, or that it never did. */
function pathSummary(pm: Postmortem): HTMLElement {
  const at = (ms: number | null): string =>
    ms === null ? t('debrief.paths.never') : sinceStart(ms);
  const line = (who: string, mitigated: number | null, resolved: number | null): HTMLElement =>
    h('li', {}, [
      h('strong', { text: who }),
      ' ',
      t('debrief.paths.summary', { mitigated: at(mitigated), resolved: at(resolved) }),
    ]);
  return h('ul', { className: 'debrief-paths-summary' }, [
    line(t('debrief.paths.you'), firstMarked(pm, 'mitigation'), firstMarked(pm, 'resolution')),
    pm.reference &&
      line(t('debrief.paths.expert'), pm.reference.mitigatedAt, pm.reference.resolvedAt),
  ]);
}

function entryElement(
  entry: Entry,
  anchor: (id: number) => string,
  show: ShowItems,
  onBranch: ((t: number) => void) | undefined,
): HTMLElement {
  if ('moment' in entry) {
    return h('p', { className: 'debrief-path-moment', attrs: { 'data-moment': entry.moment } }, [
      t(
        entry.side === 'you'
          ? `debrief.paths.you.${entry.moment}`
          : `debrief.paths.expert.${entry.moment}`,
      ),
    ]);
  }
  if ('step' in entry) return h('p', { className: 'debrief-path-step', text: entry.step });
  const { item } = entry;
  const branch =
    onBranch === undefined
      ? null
      : h(
          'button',
          {
            className: 'debrief-link-button debrief-branch',
            attrs: {
              type: 'button',
              'aria-label': t('debrief.paths.branchLabel', {
                time: sinceStart(item.t),
                text: item.text,
              }),
            },
          },
          [
            h('span', { className: 'debrief-button-icon' }, [branchIcon()]),
            t('debrief.paths.branch'),
          ],
        );
  branch?.addEventListener('click', () => onBranch?.(item.t));
  const link = h('a', {
    className: 'debrief-path-link',
    text: item.text,
    attrs: { href: `#${anchor(item.id)}` },
  });
  // The timeline highlights and focuses the entry; the address stays as it is.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    show([item.id], item.text);
  });
  return h(
    'div',
    {
      className: item.harmful ? 'debrief-path-decision is-harmful' : 'debrief-path-decision',
      attrs: { 'data-item': String(item.id) },
    },
    [
      h('p', {}, [
        item.harmful
          ? h('span', { className: 'debrief-badge is-harmful' }, [warnIcon(), t('debrief.harmful')])
          : null,
        link,
      ]),
      branch,
    ],
  );
}
