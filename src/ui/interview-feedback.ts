/**
 * The interview drill's end screen: feedback the way an interviewer would give it. How it ended,
 * the overall call, the four criteria of the rubric as cards (the rating as a word and a shape,
 * what was checked, and the timeline moments behind it), the candidate's notes and hypotheses
 * with their times, the questions they asked, and what to do next time. The numbers and moments
 * come from the postmortem model and the rubric (src/interview/rubric.ts); player text is set as
 * text, never parsed as HTML.
 */
import './interview.css';
import { CATALOGUES, lookup, t, translateRef } from '../i18n/index.ts';
import type { Criterion, Finding, InterviewEnd, Rating, Rubric } from '../interview/model.ts';
import type { Postmortem, TimelineItem, Verdict } from '../postmortem/model.ts';
import { backIcon, retryIcon, verdictIcon } from './debrief/icons.ts';
import { h } from './dom.ts';
import { iconPath, outlineIcon } from './icon.ts';
import { formatElapsed } from './incident-format.ts';
import { interviewIcon } from './icons.ts';

/** What the candidate wrote and asked, from the incident record. */
export interface FeedbackRecord {
  readonly questions: readonly { readonly t: number; readonly question: string }[];
  readonly notes: readonly { readonly t: number; readonly text: string }[];
  readonly hypotheses: readonly { readonly t: number; readonly text: string }[];
}

export interface InterviewFeedbackOptions {
  readonly postmortem: Postmortem;
  readonly rubric: Rubric;
  readonly record: FeedbackRecord;
  /** The countdown the candidate chose, in ms. */
  readonly limitMs: number;
  readonly endedBy: InterviewEnd;
  onDebrief(): void;
  onRetry(): void;
  onBack(): void;
}

export interface InterviewFeedback {
  readonly element: HTMLElement;
  destroy(): void;
}

/** Each rating drawn as the debrief draws a verdict: a tick, a level line, a triangle, a cross. */
const RATING_SHAPE: Readonly<Record<Rating, Verdict>> = {
  strong: 'good',
  mixed: 'fair',
  weak: 'poor',
  notShown: 'missed',
};
const RECOMMENDATION_SHAPE: Readonly<Record<Rubric['recommendation'], Verdict>> = {
  strongHire: 'good',
  hire: 'good',
  leanNo: 'fair',
  noHire: 'poor',
};

/** A sheet with lines: the full debrief. */
const debriefIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-debrief',
    [
      iconPath('M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9Z'),
      iconPath('M14 3v6h6'),
      iconPath('M8 13h8'),
      iconPath('M8 17h5'),
    ],
    2,
  );

let mounts = 0;

export function mountInterviewFeedback(
  root: HTMLElement,
  options: InterviewFeedbackOptions,
): InterviewFeedback {
  const { postmortem: pm, rubric } = options;
  const prefix = `oc-interview-feedback-${++mounts}`;
  const headingId = `${prefix}-title`;
  const byId = new Map(pm.timeline.map((i) => [i.id, i]));

  const heading = h('h1', {
    className: 'interview-title',
    id: headingId,
    text: pm.scenario.title,
    attrs: { tabindex: '-1' },
  });

  const button = (label: string, icon: SVGSVGElement, onClick: () => void, primary = false) => {
    const b = h(
      'button',
      {
        className: primary ? 'interview-button is-primary' : 'interview-button',
        attrs: { type: 'button' },
      },
      [h('span', { className: 'interview-button-icon' }, [icon]), label],
    );
    b.addEventListener('click', onClick);
    return b;
  };
  const actions = h('div', { className: 'interview-actions' }, [
    button(t('interview.feedback.debrief'), debriefIcon(), () => options.onDebrief(), true),
    button(t('interview.feedback.retry'), retryIcon(), () => options.onRetry()),
    button(t('interview.feedback.back'), backIcon(), () => options.onBack()),
  ]);

  const element = h('div', { className: 'interview-screen interview-feedback' }, [
    h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [
          h('span', { className: 'brand-mark' }, [interviewIcon()]),
        ]),
      ]),
    ]),
    h('main', { className: 'stage interview-stage', attrs: { 'aria-labelledby': headingId } }, [
      h('div', { className: 'interview-feedback-head' }, [
        h('div', { className: 'interview-heading' }, [
          h('p', { className: 'eyebrow', text: t('interview.feedback.eyebrow') }),
          heading,
          h('p', { className: 'interview-outcome', attrs: { 'data-ended': options.endedBy } }, [
            h('span', { className: 'interview-label', text: t('interview.feedback.outcome') }),
            outcomeLine(options),
          ]),
        ]),
        actions,
      ]),
      overall(prefix, rubric),
      h(
        'section',
        { className: 'interview-rubric', attrs: { 'aria-labelledby': `${prefix}-rubric` } },
        [
          h('h2', {
            className: 'interview-section-title',
            id: `${prefix}-rubric`,
            text: t('interview.feedback.rubric'),
          }),
          h(
            'ul',
            { className: 'interview-criteria' },
            rubric.criteria.map((c) => criterionCard(c, byId, `${prefix}-${c.key}`)),
          ),
        ],
      ),
      h('div', { className: 'interview-columns' }, [
        tips(prefix, rubric),
        thinking(prefix, options.record),
      ]),
    ]),
  ]);

  root.replaceChildren(element);
  document.title = `${t('interview.feedback.docTitle', { title: pm.scenario.title })} · ${t('app.title')}`;
  heading.focus();

  return {
    element,
    destroy() {
      root.replaceChildren();
    },
  };
}

function outcomeLine(o: InterviewFeedbackOptions): string {
  const pm = o.postmortem;
  const limit = Math.round(o.limitMs / 60_000);
  const resolution = pm.timeline.find((i) => i.marks.includes('resolution'));
  switch (o.endedBy) {
    case 'resolved':
      return t('interview.feedback.outcome.resolved', {
        at: formatElapsed(resolution?.t ?? pm.endedAt),
        limit,
      });
    case 'timeUp':
      return t('interview.feedback.outcome.timeUp', { limit });
    case 'failed':
      return t('interview.feedback.outcome.failed', {
        at: formatElapsed(pm.endedAt),
        status: pm.status,
      });
    case 'left':
      return t('interview.feedback.outcome.left', { at: formatElapsed(pm.endedAt) });
  }
}

function overall(prefix: string, rubric: Rubric): HTMLElement {
  const id = `${prefix}-overall`;
  const rec = rubric.recommendation;
  return h(
    'section',
    {
      className: 'interview-overall',
      attrs: { 'aria-labelledby': id, 'data-recommendation': rec },
    },
    [
      h('h2', { className: 'interview-label', id, text: t('interview.feedback.overall') }),
      h('p', { className: 'interview-recommendation' }, [
        verdictIcon(RECOMMENDATION_SHAPE[rec]),
        t(`interview.recommendation.${rec}`),
      ]),
      h('p', {
        className: 'interview-recommendation-detail',
        text: t(`interview.recommendation.${rec}.detail`),
      }),
      h('p', { className: 'interview-hint', text: translateRef(rubric.recommendationReason) }),
    ],
  );
}

function criterionCard(
  c: Criterion,
  byId: ReadonlyMap<number, TimelineItem>,
  id: string,
): HTMLElement {
  const moments = c.moments.map((m) => byId.get(m)).filter((i): i is TimelineItem => !!i);
  return h(
    'li',
    {
      className: 'interview-criterion',
      attrs: { 'data-criterion': c.key, 'data-rating': c.rating },
    },
    [
      h('div', { className: 'interview-criterion-head' }, [
        h('h3', {
          className: 'interview-criterion-title',
          id,
          text: t(`interview.criterion.${c.key}`),
        }),
        h('p', { className: 'interview-rating', attrs: { 'data-rating': c.rating } }, [
          verdictIcon(RATING_SHAPE[c.rating]),
          t(`interview.rating.${c.rating}`),
        ]),
      ]),
      h('p', {
        className: 'interview-criterion-about',
        text: t(`interview.criterion.${c.key}.about`),
      }),
      h('p', { className: 'interview-criterion-explanation', text: translateRef(c.explanation) }),
      h(
        'ul',
        {
          className: 'interview-findings',
          attrs: { 'aria-label': t('interview.feedback.checks') },
        },
        c.findings.map(findingItem),
      ),
      h('details', { className: 'interview-moments', attrs: { open: '' } }, [
        h('summary', { text: `${t('interview.feedback.moments')} (${moments.length})` }),
        moments.length === 0
          ? h('p', { className: 'interview-hint', text: t('interview.feedback.noMoments') })
          : h(
              'ol',
              { className: 'interview-moment-list' },
              moments.map((m) =>
                h('li', {
                  className: 'interview-moment',
                  attrs: { 'data-item': String(m.id) },
                  text: t('interview.feedback.moment', { at: formatElapsed(m.t), text: m.text }),
                }),
              ),
            ),
      ]),
    ],
  );
}

function findingItem(f: Finding): HTMLElement {
  return h(
    'li',
    { className: 'interview-finding', attrs: { 'data-check': f.check, 'data-ok': String(f.ok) } },
    [
      h('span', { className: 'interview-finding-icon' }, [verdictIcon(f.ok ? 'good' : 'missed')]),
      h('span', {
        className: 'visually-hidden',
        text: f.ok ? t('interview.feedback.check.ok') : t('interview.feedback.check.missing'),
      }),
      h('span', { text: translateRef(f.text) }),
    ],
  );
}

function tips(prefix: string, rubric: Rubric): HTMLElement {
  const id = `${prefix}-tips`;
  return h(
    'section',
    { className: 'interview-card interview-tips', attrs: { 'aria-labelledby': id } },
    [
      h('h2', { className: 'interview-card-title', id, text: t('interview.feedback.tips') }),
      h(
        'ol',
        { className: 'interview-tip-list' },
        rubric.tips.map((tip) => h('li', { text: translateRef(tip) })),
      ),
    ],
  );
}

/** A question id in words, or the id itself when the catalogue does not know it. */
function questionText(id: string): string {
  const key = `interview.question.${id}`;
  return Object.hasOwn(CATALOGUES.en, key) ? lookup(key) : id;
}

function thinking(prefix: string, record: FeedbackRecord): HTMLElement {
  const id = `${prefix}-thinking`;
  const entries = [
    ...record.notes.map((n) => ({ t: n.t, kind: 'note' as const, text: n.text })),
    ...record.hypotheses.map((x) => ({ t: x.t, kind: 'hypothesis' as const, text: x.text })),
  ].sort((a, b) => a.t - b.t);
  const qid = `${prefix}-questions`;
  return h(
    'section',
    { className: 'interview-card interview-thinking', attrs: { 'aria-labelledby': id } },
    [
      h('h2', { className: 'interview-card-title', id, text: t('interview.feedback.thinking') }),
      entries.length === 0
        ? h('p', { className: 'interview-hint', text: t('interview.feedback.noThinking') })
        : h(
            'ol',
            { className: 'interview-thinking-list' },
            entries.map((e) =>
              h('li', { className: 'interview-thought', attrs: { 'data-kind': e.kind } }, [
                h('span', { className: 'interview-thought-time', text: `T+${formatElapsed(e.t)}` }),
                h('span', {
                  className: 'interview-thought-kind',
                  text: t(`interview.feedback.${e.kind}`),
                }),
                h('span', { className: 'interview-thought-text', text: e.text }),
              ]),
            ),
          ),
      h('h3', { className: 'interview-label', id: qid, text: t('interview.feedback.questions') }),
      record.questions.length === 0
        ? h('p', { className: 'interview-hint', text: t('interview.feedback.noQuestions') })
        : h(
            'ul',
            { className: 'interview-asked-list', attrs: { 'aria-labelledby': qid } },
            record.questions.map((q) => h('li', { text: questionText(q.question) })),
          ),
    ],
  );
}
