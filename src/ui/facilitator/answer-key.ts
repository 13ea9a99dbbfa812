/**
 * The answer key, for the facilitator's eyes: what really broke (root cause, trigger,
 * contributing factors), the red herrings and why they mislead, the reference solution as a
 * checklist with the time the player did each step, the wrong fixes (marked when taken) and the
 * milestones reached. It collapses, so a facilitator sharing this window can hide it.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setData, setHidden, setText, syncList } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { emptyLine, panelFrame } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';
import { milestoneName } from './words.ts';

let keys = 0;

export function buildAnswerKey(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, formatTime } = ctx;
  const bodyId = `fac-answer-key-body-${++keys}`;
  const sub = (title: () => string): HTMLElement =>
    labels.text(h('h3', { className: 'fac-subtitle' }), title);

  const stage = h('dd', { className: 'fac-stage' });
  const rootCause = h('dd', { className: 'fac-root-cause' });
  const trigger = h('dd', { className: 'fac-trigger' });
  const facts = h('dl', { className: 'fac-facts' }, [
    labels.text(h('dt'), () => t('facilitator.answerKey.rootCause')),
    rootCause,
    labels.text(h('dt'), () => t('facilitator.answerKey.trigger')),
    trigger,
    labels.text(h('dt'), () => t('facilitator.answerKey.stage')),
    stage,
  ]);
  const factors = h('ul', { className: 'fac-list fac-factors' });
  const factorsEmpty = emptyLine(labels, () => t('facilitator.none'));
  const herrings = h('ul', { className: 'fac-list fac-herrings' });
  const herringsEmpty = emptyLine(labels, () => t('facilitator.none'));
  const progress = h('p', { className: 'fac-progress' });
  const solution = h('ol', { className: 'fac-list fac-checklist fac-solution' });
  const wrongFixes = h('ul', { className: 'fac-list fac-checklist fac-wrong-fixes' });
  const wrongEmpty = emptyLine(labels, () => t('facilitator.none'));
  const milestones = h('ol', { className: 'fac-milestones' });

  const body = h('div', { className: 'fac-answer-body', id: bodyId }, [
    facts,
    sub(() => t('facilitator.answerKey.factors')),
    factors,
    factorsEmpty,
    sub(() => t('facilitator.answerKey.redHerrings')),
    herrings,
    herringsEmpty,
    sub(() => t('facilitator.answerKey.solution')),
    progress,
    solution,
    sub(() => t('facilitator.answerKey.wrongFixes')),
    wrongFixes,
    wrongEmpty,
    sub(() => t('facilitator.answerKey.milestones')),
    milestones,
  ]);
  const hiddenNote = emptyLine(labels, () => t('facilitator.answerKey.hidden'));
  hiddenNote.hidden = true;

  let open = true;
  const toggle = h('button', {
    className: 'fac-button fac-toggle',
    attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': bodyId },
  });
  const showToggle = (): void => {
    toggle.textContent = open ? t('facilitator.answerKey.hide') : t('facilitator.answerKey.show');
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    hiddenNote.hidden = open;
  };
  labels.text(toggle, () =>
    open ? t('facilitator.answerKey.hide') : t('facilitator.answerKey.show'),
  );
  toggle.addEventListener('click', () => {
    open = !open;
    showToggle();
  });

  const frame = panelFrame(labels, 'answer-key', () => t('facilitator.answerKey.title'), [
    hiddenNote,
    body,
  ]);
  frame.head.append(toggle);

  /** A checklist line: a mark (✓ or ○, with the state in words for screen readers), text, time. */
  const check = (text: string, done: boolean, when: string): HTMLLIElement =>
    h('li', { className: 'fac-check', attrs: { 'data-done': String(done) } }, [
      h('span', {
        className: 'fac-check-mark',
        attrs: { 'aria-hidden': 'true' },
        text: done ? '✓' : '○',
      }),
      h('span', { className: 'fac-check-text', text }),
      h('span', { className: 'fac-check-when', text: when }),
    ]);

  return {
    element: frame.element,
    update(view) {
      const key = view.answerKey;
      setText(rootCause, key.rootCause);
      setText(trigger, key.trigger);
      setText(stage, view.stage);
      syncList(
        factors,
        key.contributingFactors,
        (f) => f,
        (f) => h('li', { text: f }),
      );
      setHidden(factorsEmpty, key.contributingFactors.length > 0);
      syncList(
        herrings,
        key.redHerrings,
        (r) => `${r.signal}\u0000${r.why}`,
        (r) =>
          h('li', { className: 'fac-herring' }, [
            h('span', { className: 'fac-herring-signal', text: r.signal }),
            h('span', { className: 'fac-herring-why', text: r.why }),
          ]),
      );
      setHidden(herringsEmpty, key.redHerrings.length > 0);
      const done = key.solution.filter((step) => step.doneAt !== null).length;
      setText(progress, t('facilitator.answerKey.progress', { done, total: key.solution.length }));
      syncList(
        solution,
        key.solution,
        (s) => `${s.doneAt ?? ''}\u0000${s.text}`,
        (s) =>
          check(
            s.text,
            s.doneAt !== null,
            s.doneAt === null
              ? t('facilitator.answerKey.stepPending')
              : t('facilitator.answerKey.doneAt', { time: formatTime(s.doneAt) }),
          ),
      );
      syncList(
        wrongFixes,
        key.wrongFixes,
        (w) => `${w.id}\u0000${w.takenAt ?? ''}\u0000${w.description}`,
        (w) => {
          const item = check(
            w.description,
            w.takenAt !== null,
            w.takenAt === null
              ? t('facilitator.answerKey.notTaken')
              : t('facilitator.answerKey.taken', { time: formatTime(w.takenAt) }),
          );
          item.classList.add('fac-wrong');
          // A wrong fix taken is a warning, not a tick.
          setText(item.firstElementChild!, w.takenAt === null ? '○' : '✗');
          return item;
        },
      );
      setHidden(wrongEmpty, key.wrongFixes.length > 0);
      syncList(
        milestones,
        view.milestones,
        (m) => `${m.name}\u0000${m.at ?? ''}`,
        (m) => {
          const item = h('li', { className: 'fac-milestone' }, [
            h('span', { className: 'fac-milestone-name', text: milestoneName(m.name) }),
            h('span', {
              className: 'fac-time',
              text: m.at === null ? t('facilitator.answerKey.notReached') : formatTime(m.at),
            }),
          ]);
          setData(item, 'reached', String(m.at !== null));
          return item;
        },
      );
    },
  };
}
