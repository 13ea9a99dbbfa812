/**
 * The score cards: for each measure, the player's figure beside the reference solution's, a
 * verdict in a word and a shape (never colour alone), how the number was found (one click away)
 * and a button that shows the timeline entries behind it.
 */
import { t } from '../../i18n/index.ts';
import type { Score } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { verdictLabel } from './format.ts';
import { verdictIcon } from './icons.ts';

export function buildScores(
  scores: readonly Score[],
  prefix: string,
  onEvidence: (score: Score) => void,
): HTMLElement {
  return h(
    'ul',
    { className: 'debrief-scores', attrs: { 'aria-label': t('debrief.scores.list') } },
    scores.map((score) => scoreCard(score, `${prefix}-${score.key}`, onEvidence)),
  );
}

function scoreCard(score: Score, id: string, onEvidence: (score: Score) => void): HTMLElement {
  const explanation = h('p', {
    className: 'debrief-score-explanation',
    id: `${id}-why`,
    text: score.explanation,
  });
  explanation.hidden = true;
  const why = h('button', {
    className: 'debrief-link-button',
    text: t('debrief.scores.why'),
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': explanation.id },
  });
  why.addEventListener('click', () => {
    explanation.hidden = !explanation.hidden;
    why.setAttribute('aria-expanded', String(!explanation.hidden));
  });

  const count = score.evidence.length;
  const evidence =
    count === 0
      ? null
      : h('button', {
          className: 'debrief-link-button debrief-score-evidence',
          text: t('debrief.scores.evidence', { count }),
          attrs: {
            type: 'button',
            'aria-label': t('debrief.scores.evidenceLabel', { label: score.label, count }),
          },
        });
  evidence?.addEventListener('click', () => onEvidence(score));

  return h(
    'li',
    {
      className: 'debrief-score',
      attrs: { 'data-score': score.key, 'data-verdict': score.verdict },
    },
    [
      h('div', { className: 'debrief-score-head' }, [
        h('h3', { className: 'debrief-score-label', id, text: score.label }),
        h('p', { className: 'debrief-verdict', attrs: { 'data-verdict': score.verdict } }, [
          verdictIcon(score.verdict),
          verdictLabel(score.verdict),
        ]),
      ]),
      h('p', { className: 'debrief-score-figures' }, [
        h('span', { className: 'visually-hidden', text: t('debrief.scores.yours') }),
        h('span', {
          // A worded figure ("Declared, no update") reads better smaller than a number.
          className:
            score.display.length > 14 ? 'debrief-score-value is-long' : 'debrief-score-value',
          text: score.display,
        }),
        h('span', {
          className: 'debrief-score-reference',
          text:
            score.referenceDisplay === null
              ? t('debrief.scores.noReference')
              : t('debrief.scores.reference', { value: score.referenceDisplay }),
        }),
      ]),
      explanation,
      h('p', { className: 'debrief-score-tools' }, [why, evidence]),
    ],
  );
}
