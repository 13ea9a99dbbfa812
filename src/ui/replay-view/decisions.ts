/**
 * The run's decisions in order: when, what kind, the console line or the action in words, what
 * it printed and what the story answered at once, and a button to branch there and try
 * something else. The decision at the cursor is highlighted; those after it are dimmed.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { formatElapsed } from '../incident-format.ts';
import { actionBody, actionSentence, decisionSummary, effectText } from './describe.ts';
import type { ReplayMoment } from './moment.ts';
import type { DecisionKind, ReplayDecision, ReplayRecord } from './types.ts';

const KIND_KEYS = {
  lever: 'replay.decision.kind.lever',
  communication: 'replay.decision.kind.communication',
  look: 'replay.decision.kind.look',
  command: 'replay.decision.kind.command',
} as const satisfies Record<DecisionKind, string>;

export interface DecisionList {
  readonly element: HTMLElement;
  show(moment: ReplayMoment): void;
}

export interface DecisionCallbacks {
  onSeek(t: number): void;
  onBranch(index: number): void;
}

function decisionItem(
  decision: ReplayDecision,
  index: number,
  callbacks: DecisionCallbacks,
): HTMLLIElement {
  const elapsed = formatElapsed(decision.t);
  const time = h('button', {
    className: 'replay-decision-time',
    text: t('incident.clock.elapsed', { elapsed }),
    attrs: { type: 'button', 'aria-label': t('replay.decision.seek', { elapsed }) },
  });
  time.addEventListener('click', () => callbacks.onSeek(decision.t));
  const branch = h('button', {
    className: 'replay-branch-here',
    text: t('replay.branchHere'),
    attrs: {
      type: 'button',
      'aria-label': t('replay.branchHere.label', { elapsed, what: decisionSummary(decision) }),
    },
  });
  branch.addEventListener('click', () => callbacks.onBranch(index));

  const said = decision.actions.flatMap(({ action, lever }) => {
    const body = actionBody(action);
    return [
      h('p', { className: 'replay-decision-action', text: actionSentence(action, lever) }),
      body === '' ? null : h('p', { className: 'replay-decision-body', text: body }),
    ];
  });
  const output =
    decision.output === null || decision.output === ''
      ? null
      : h('details', { className: 'replay-decision-output' }, [
          h('summary', { text: t('replay.decision.output', { exit: decision.exit ?? 0 }) }),
          h('pre', { text: decision.output }),
        ]);
  const effects = decision.effects.flatMap((item) => {
    const text = effectText(item);
    return text === null ? [] : [h('li', { text })];
  });
  return h(
    'li',
    {
      className: `replay-decision is-${decision.kind}`,
      attrs: { 'data-index': String(index), 'data-kind': decision.kind },
    },
    [
      h('p', { className: 'replay-decision-head' }, [
        time,
        h('span', {
          className: 'replay-decision-kind',
          text: t(KIND_KEYS[decision.kind]),
        }),
      ]),
      decision.line === null
        ? null
        : h('p', { className: 'replay-decision-line' }, [h('code', { text: decision.line })]),
      ...said,
      output,
      effects.length === 0
        ? null
        : h('div', { className: 'replay-decision-effects' }, [
            h('p', { className: 'replay-caption', text: t('replay.decision.effects') }),
            h('ul', {}, effects),
          ]),
      branch,
    ],
  );
}

export function createDecisionList(
  record: ReplayRecord,
  callbacks: DecisionCallbacks,
): DecisionList {
  const items = record.decisions.map((d, i) => decisionItem(d, i, callbacks));
  const list = h('ol', { className: 'replay-decision-list' }, items);
  const element = h(
    'section',
    { className: 'replay-decisions', attrs: { 'aria-labelledby': 'replay-decisions-heading' } },
    [
      h('h2', {
        className: 'replay-heading',
        id: 'replay-decisions-heading',
        text: t('replay.decisions.heading'),
      }),
      items.length === 0
        ? h('p', { className: 'replay-empty', text: t('replay.decisions.empty') })
        : h(
            'div',
            {
              className: 'replay-scroller',
              attrs: {
                tabindex: '0',
                role: 'group',
                'aria-labelledby': 'replay-decisions-heading',
              },
            },
            [list],
          ),
    ],
  );
  let current = -2;

  return {
    element,
    show(moment) {
      // Decisions taken in the same second as the current one are all current.
      const at = record.decisions[moment.decision]?.t ?? null;
      items.forEach((item, i) => {
        item.classList.toggle('is-future', i > moment.decision);
        item.classList.toggle('is-current', record.decisions[i]!.t === at);
        if (i === moment.decision) item.setAttribute('aria-current', 'step');
        else item.removeAttribute('aria-current');
      });
      if (moment.decision === current) return;
      current = moment.decision;
      items[current]?.scrollIntoView?.({ block: 'nearest' });
    },
  };
}
