/**
 * The interview drill's first screen, before the page: the rules of the round, the time limit,
 * how the interviewer opens (the candidate's role, the situation and the architecture), and the
 * clarifying questions. Asking a question reveals the interviewer's answer under it and tells the
 * owner once (`onAsk`), so it lands on the run's record; "Start — take the page" hands over the
 * chosen limit. Scenario text is data, set as text only.
 */
import './incident.css';
import './interview.css';
import { t, translateRef } from '../i18n/index.ts';
import type { ClarifyingQuestion } from '../interview/model.ts';
import { architectureDiagram } from './architecture-diagram.ts';
import { h } from './dom.ts';
import { pagerIcon } from './incident-icons.ts';
import type { IncidentInfo } from './incident-types.ts';
import { checkIcon, pulseIcon } from './icons.ts';

export interface InterviewIntroOptions {
  /** The scenario's title and briefing: how the interviewer opens. */
  readonly info: IncidentInfo;
  /** The fixed seed every attempt plays. */
  readonly seed: number;
  readonly questions: readonly ClarifyingQuestion[];
  /** Questions asked before (the page was reloaded on this screen): shown answered. */
  readonly asked?: readonly string[];
  /** Time limits offered, in minutes (30 and 45), and the one chosen at first (the last). */
  readonly durations?: readonly number[];
  readonly defaultMinutes?: number;
  /** A question asked for the first time, by id. */
  onAsk(id: string): void;
  /** The candidate takes the page with this limit, in ms. */
  onStart(limitMs: number): void;
  onBack(): void;
}

export interface InterviewIntro {
  readonly element: HTMLElement;
  destroy(): void;
}

const DURATIONS = [30, 45] as const;
const MINUTE_MS = 60_000;

let mounts = 0;

export function mountInterviewIntro(
  root: HTMLElement,
  options: InterviewIntroOptions,
): InterviewIntro {
  const prefix = `oc-interview-intro-${++mounts}`;
  const headingId = `${prefix}-title`;
  const durations = options.durations ?? DURATIONS;
  const chosen = options.defaultMinutes ?? durations[durations.length - 1] ?? 45;

  const heading = h('h1', {
    className: 'interview-title',
    id: headingId,
    text: t('interview.intro.title'),
    attrs: { tabindex: '-1' },
  });

  const back = h('button', {
    className: 'chooser-back',
    text: `← ${t('interview.intro.back')}`,
    attrs: { type: 'button' },
  });
  back.addEventListener('click', () => options.onBack());

  const radios = durations.map((minutes) =>
    h('input', {
      className: 'interview-duration-input',
      id: `${prefix}-duration-${minutes}`,
      attrs: {
        type: 'radio',
        name: `${prefix}-duration`,
        value: String(minutes),
        ...(minutes === chosen ? { checked: '' } : {}),
      },
    }),
  );
  const duration = h('fieldset', { className: 'interview-duration' }, [
    h('legend', { className: 'interview-label', text: t('interview.intro.duration') }),
    h(
      'div',
      { className: 'interview-duration-options' },
      radios.map((radio) =>
        h('label', { className: 'interview-duration-option', attrs: { for: radio.id } }, [
          radio,
          h('span', { text: t('interview.intro.minutes', { minutes: Number(radio.value) }) }),
        ]),
      ),
    ),
  ]);

  const questions = buildQuestions(options, prefix);

  const noteId = `${prefix}-start-note`;
  const start = h(
    'button',
    {
      className: 'button-primary interview-start',
      attrs: { type: 'button', 'aria-describedby': noteId },
    },
    [h('span', { className: 'interview-start-icon' }, [pagerIcon()]), t('interview.intro.start')],
  );
  start.addEventListener(
    'click',
    () => {
      const picked = radios.find((r) => r.checked) ?? radios[radios.length - 1];
      start.disabled = true;
      options.onStart(Number(picked?.value ?? chosen) * MINUTE_MS);
    },
    { once: true },
  );

  const rules = [
    t('interview.intro.rule.seed', { seed: options.seed }),
    t('interview.intro.rule.hints'),
    t('interview.intro.rule.pause'),
    t('interview.intro.rule.countdown'),
    t('interview.intro.rule.notes'),
  ];

  const element = h('div', { className: 'interview-screen interview-intro' }, [
    h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [h('span', { className: 'brand-mark' }, [pulseIcon()])]),
        h('div', { className: 'topbar-actions' }, [back]),
      ]),
    ]),
    h('main', { className: 'stage interview-stage', attrs: { 'aria-labelledby': headingId } }, [
      h('div', { className: 'interview-heading' }, [
        h('p', { className: 'eyebrow', text: t('interview.intro.eyebrow') }),
        heading,
        h('p', {
          className: 'interview-lede',
          text: t('interview.intro.incident', { title: options.info.title }),
        }),
      ]),
      h('div', { className: 'interview-columns' }, [
        h('div', { className: 'interview-column' }, [
          section(prefix, 'opening', t('interview.intro.opening'), [
            part(t('interview.intro.role'), options.info.briefing.role),
            part(t('interview.intro.situation'), options.info.briefing.situation),
            h('div', { className: 'interview-system' }, [
              h('h3', { className: 'interview-label', text: t('interview.intro.system') }),
              architectureDiagram(),
            ]),
          ]),
        ]),
        h('div', { className: 'interview-column' }, [
          section(prefix, 'rules', t('interview.intro.rules'), [
            h(
              'ul',
              { className: 'interview-rules' },
              rules.map((rule) =>
                h('li', {}, [h('span', { className: 'interview-rule-icon' }, [checkIcon()]), rule]),
              ),
            ),
            duration,
          ]),
          section(prefix, 'questions', t('interview.intro.questions'), [
            h('p', { className: 'interview-hint', text: t('interview.intro.questionsIntro') }),
            questions.element,
          ]),
        ]),
      ]),
      h('div', { className: 'interview-start-bar' }, [
        start,
        h('p', { className: 'interview-hint', id: noteId, text: t('interview.intro.startNote') }),
      ]),
    ]),
  ]);

  root.replaceChildren(element);
  document.title = `${t('interview.intro.docTitle', { title: options.info.title })} · ${t('app.title')}`;
  heading.focus();

  return {
    element,
    destroy() {
      root.replaceChildren();
    },
  };
}

function section(prefix: string, key: string, title: string, body: (Node | null)[]): HTMLElement {
  const id = `${prefix}-${key}`;
  return h(
    'section',
    { className: `interview-card interview-section-${key}`, attrs: { 'aria-labelledby': id } },
    [h('h2', { className: 'interview-card-title', id, text: title }), ...body],
  );
}

function part(label: string, body: string): HTMLElement {
  return h('div', { className: 'interview-part' }, [
    h('h3', { className: 'interview-label', text: label }),
    h('p', { className: 'interview-text', text: body }),
  ]);
}

/** The questions as buttons; asking one reveals its answer and reports it the first time. */
function buildQuestions(options: InterviewIntroOptions, prefix: string): { element: HTMLElement } {
  const asked = new Set(options.asked ?? []);
  const total = options.questions.length;
  const count = h('p', { className: 'interview-asked-count', attrs: { role: 'status' } });
  const showCount = (): void => {
    count.textContent = t('interview.intro.asked', { count: asked.size, total });
  };

  const items = options.questions.map((q) => {
    const answerId = `${prefix}-answer-${q.id}`;
    const answer = h('div', { className: 'interview-answer', id: answerId }, [
      h('p', { className: 'interview-answer-label', text: t('interview.intro.answer') }),
      h(
        'ul',
        { className: 'interview-answer-lines' },
        q.answer.map((line) => h('li', { text: translateRef(line) })),
      ),
    ]);
    const badge = h('span', {
      className: 'interview-asked-badge',
      text: t('interview.intro.askedBadge'),
    });
    const button = h(
      'button',
      {
        className: 'interview-question',
        attrs: { type: 'button', 'aria-controls': answerId, 'data-question': q.id },
      },
      [h('span', { className: 'interview-question-text', text: translateRef(q.question) }), badge],
    );
    const show = (open: boolean): void => {
      answer.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      badge.hidden = !asked.has(q.id);
    };
    show(asked.has(q.id));
    button.addEventListener('click', () => {
      if (!asked.has(q.id)) {
        asked.add(q.id);
        showCount();
        show(true);
        options.onAsk(q.id);
        return;
      }
      // Asked already: the button folds and unfolds the answer, without asking again.
      show(answer.hidden === true);
    });
    return h('li', { className: 'interview-question-item' }, [button, answer]);
  });
  showCount();
  return {
    element: h('div', { className: 'interview-questions-list' }, [
      count,
      h('ul', { className: 'interview-question-items' }, items),
    ]),
  };
}
