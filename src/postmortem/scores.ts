/**
 * The scores: eight figures of the run, each with the reference path's figure where it has one,
 * a verdict by the norms of `norms.ts`, a sentence naming the moments it was measured between,
 * and the timeline items behind it.
 */
import { t } from '../i18n/index.ts';
import type { RunFacts } from './facts.ts';
import { clockAt, formatCount, formatDuration, formatPercent } from './format.ts';
import type { ReferencePath, Score, ScoreKey, Verdict } from './model.ts';
import { plural, sentences, word } from './describe.ts';
import * as N from './norms.ts';
import type { Moment } from './timeline.ts';

/** Ids of the moments given, without gaps or repeats, in the order given. */
export function ids(...moments: readonly (Moment | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const m of moments) if (m && !out.includes(m.id)) out.push(m.id);
  return out;
}

const LABEL: Record<ScoreKey, () => string> = {
  acknowledge: () => t('postmortem.score.acknowledge.label'),
  diagnose: () => t('postmortem.score.diagnose.label'),
  mitigate: () => t('postmortem.score.mitigate.label'),
  resolve: () => t('postmortem.score.resolve.label'),
  budget: () => t('postmortem.score.budget.label'),
  harmful: () => t('postmortem.score.harmful.label'),
  hints: () => t('postmortem.score.hints.label'),
  communication: () => t('postmortem.score.communication.label'),
};

function score(
  key: ScoreKey,
  fields: Omit<Score, 'key' | 'label' | 'reference' | 'referenceDisplay'> &
    Partial<Pick<Score, 'reference' | 'referenceDisplay'>>,
): Score {
  return {
    key,
    label: LABEL[key](),
    reference: null,
    referenceDisplay: null,
    ...fields,
  };
}

/** good / fair / poor by two upper bounds. */
const grade = (value: number, good: number, fair: number): Verdict =>
  value <= good ? 'good' : value <= fair ? 'fair' : 'poor';

function acknowledge(f: RunFacts): Score {
  const clock = (at: number): string => clockAt(f.startEpochMs, at);
  if (!f.firstPage)
    return score('acknowledge', {
      value: null,
      display: t('postmortem.score.noPage'),
      verdict: 'good',
      explanation: t('postmortem.score.acknowledge.noPage'),
      evidence: [],
    });
  const { page, moment, ack } = f.firstPage;
  if (page.acknowledgedAt === null)
    return score('acknowledge', {
      value: null,
      display: t('postmortem.score.never'),
      verdict: 'missed',
      explanation: plural('postmortem.score.acknowledge.never', page.notifications, {
        alert: page.name,
        at: clock(page.firedAt),
      }),
      evidence: ids(moment),
    });
  const value = page.acknowledgedAt - page.firedAt;
  return score('acknowledge', {
    value,
    display: formatDuration(value),
    verdict: grade(value, N.ACK_GOOD_MS, N.ACK_FAIR_MS),
    explanation: t('postmortem.score.acknowledge.explain', {
      alert: page.name,
      at: clock(page.firedAt),
      ackAt: clock(page.acknowledgedAt),
    }),
    evidence: ids(moment, ack),
  });
}

function diagnose(f: RunFacts): Score {
  const start = f.impact.startedAt ?? 0;
  const d = f.diagnosis;
  if (!d)
    return score('diagnose', {
      value: null,
      display: t('postmortem.score.never'),
      verdict: 'missed',
      explanation: t('postmortem.score.diagnose.never'),
      evidence: ids(f.impactMoment),
    });
  const value = Math.max(0, d.moment.t - start);
  const how =
    d.by === 'hypothesis'
      ? t('postmortem.score.diagnose.byHypothesis', { text: String(d.moment.action?.['text']) })
      : t('postmortem.score.diagnose.byEvidence', {
          look: d.trigger ? d.trigger.text : d.moment.text,
        });
  return score('diagnose', {
    value,
    display: formatDuration(value),
    verdict: grade(value, N.DIAGNOSE_GOOD_MS, N.DIAGNOSE_FAIR_MS),
    explanation:
      f.impact.startedAt === null
        ? t('postmortem.score.diagnose.noImpact', { how, at: clockAt(f.startEpochMs, d.moment.t) })
        : t('postmortem.score.diagnose.explain', {
            start: clockAt(f.startEpochMs, start),
            how,
            at: clockAt(f.startEpochMs, d.moment.t),
          }),
    evidence: ids(f.impactMoment, d.trigger, d.moment),
  });
}

/** A time score judged against the reference's figure when it has one, else fixed marks. */
function timeVerdict(value: number, reference: number | null): Verdict {
  return reference === null
    ? grade(value, N.MITIGATE_GOOD_MS, N.MITIGATE_FAIR_MS)
    : grade(value, reference + N.VS_REFERENCE_GOOD_MS, reference + N.VS_REFERENCE_FAIR_MS);
}

function referenceSpan(ref: ReferencePath | null, at: number | null | undefined): number | null {
  if (!ref || at === null || at === undefined) return null;
  const start = ref.impactStartedAt;
  return start === null || start === undefined ? null : Math.max(0, at - start);
}

const withReference = (reference: number | null) => ({
  reference,
  referenceDisplay: reference === null ? null : formatDuration(reference),
});

function mitigate(f: RunFacts, ref: ReferencePath | null): Score {
  const reference = referenceSpan(ref, ref?.mitigatedAt);
  const { startedAt, endedAt } = f.impact;
  if (startedAt === null)
    return score('mitigate', {
      value: null,
      display: t('postmortem.score.noImpact'),
      verdict: 'good',
      explanation: t('postmortem.score.impact.none'),
      evidence: [],
      ...withReference(reference),
    });
  if (endedAt === null)
    return score('mitigate', {
      value: null,
      display: t('postmortem.score.never'),
      verdict: 'missed',
      explanation: t('postmortem.score.mitigate.never', {
        start: clockAt(f.startEpochMs, startedAt),
        end: clockAt(f.startEpochMs, f.recordEnd),
      }),
      evidence: ids(f.impactMoment, f.endMoment),
      ...withReference(reference),
    });
  const value = endedAt - startedAt;
  const levers = f.recoveryLevers;
  return score('mitigate', {
    value,
    display: formatDuration(value),
    verdict: timeVerdict(value, reference),
    explanation:
      levers.length > 0
        ? t('postmortem.score.mitigate.explain', {
            start: clockAt(f.startEpochMs, startedAt),
            end: clockAt(f.startEpochMs, endedAt),
            lever: levers[levers.length - 1]!.text,
            at: clockAt(f.startEpochMs, levers[levers.length - 1]!.t),
          })
        : f.otherLever
          ? t('postmortem.score.mitigate.otherLever', {
              start: clockAt(f.startEpochMs, startedAt),
              end: clockAt(f.startEpochMs, endedAt),
              lever: f.otherLever.text,
              at: clockAt(f.startEpochMs, f.otherLever.t),
            })
          : t('postmortem.score.mitigate.noLever', {
              start: clockAt(f.startEpochMs, startedAt),
              end: clockAt(f.startEpochMs, endedAt),
            }),
    evidence: ids(f.impactMoment, ...levers, f.otherLever, f.recoveredMoment),
    ...withReference(reference),
  });
}

function resolve(f: RunFacts, ref: ReferencePath | null): Score {
  const reference = referenceSpan(ref, ref?.resolvedAt);
  const start = f.impact.startedAt;
  const r = f.resolved;
  if (!r)
    return score('resolve', {
      value: null,
      display: t('postmortem.score.never'),
      verdict: 'missed',
      explanation: f.ended
        ? t('postmortem.score.resolve.never', { outcome: word('postmortem.outcome', f.outcome) })
        : t('postmortem.score.resolve.inProgress'),
      evidence: ids(f.impactMoment, f.endMoment),
      ...withReference(reference),
    });
  const value = Math.max(0, r.t - (start ?? 0));
  return score('resolve', {
    value,
    display: formatDuration(value),
    verdict: timeVerdict(value, reference),
    explanation: t('postmortem.score.resolve.explain', {
      start: clockAt(f.startEpochMs, start ?? 0),
      at: clockAt(f.startEpochMs, r.t),
    }),
    evidence: ids(f.impactMoment, r),
    ...withReference(reference),
  });
}

function budget(f: RunFacts, ref: ReferencePath | null): Score {
  const use = f.impact.budgets.find((b) => b.slo === 'availability')!;
  const reference = ref ? ref.budgetConsumed : null;
  const base = reference ?? 0;
  const verdict: Verdict =
    use.remaining <= 0
      ? 'poor'
      : grade(use.consumed, base + N.BUDGET_GOOD_POINTS, base + N.BUDGET_FAIR_POINTS);
  return score('budget', {
    value: use.consumed,
    display: formatPercent(use.consumed),
    reference,
    referenceDisplay: reference === null ? null : formatPercent(reference),
    verdict,
    explanation: t('postmortem.score.budget.explain', {
      failed: formatCount(use.badRequests),
      consumed: formatPercent(use.consumed),
      target: formatPercent(use.target),
      remaining: formatPercent(Math.max(0, use.remaining)),
    }),
    evidence: ids(f.impactMoment, f.recoveredMoment),
  });
}

function harmful(f: RunFacts, harmShown: (m: Moment) => boolean): Score {
  const n = f.harmful.length;
  const shown = f.harmful.filter(harmShown).length;
  return score('harmful', {
    value: n,
    display: String(n),
    reference: 0,
    referenceDisplay: '0',
    verdict: n === 0 ? 'good' : shown === 0 ? 'fair' : 'poor',
    explanation:
      n === 0
        ? t('postmortem.score.harmful.none')
        : plural('postmortem.score.harmful.explain', n, {
            levers: f.harmful
              .map((m) => `${m.text} (${clockAt(f.startEpochMs, m.t)})`)
              .join(t('postmortem.list.separator')),
          }),
    evidence: ids(...f.harmful),
  });
}

function hints(f: RunFacts): Score {
  const n = f.hints.length;
  return score('hints', {
    value: n,
    display: String(n),
    verdict: n >= N.HINTS_POOR ? 'poor' : n >= N.HINTS_FAIR ? 'fair' : 'good',
    explanation:
      n === 0
        ? t('postmortem.score.hints.none')
        : plural('postmortem.score.hints.explain', n, {
            times: f.hints
              .map((m) =>
                t('postmortem.score.hints.one', {
                  level: Number(m.action?.['level'] ?? 0),
                  at: clockAt(f.startEpochMs, m.t),
                }),
              )
              .join(t('postmortem.list.separator')),
          }),
    evidence: ids(...f.hints),
  });
}

/** "SEV2 declared · 3 updates · longest gap 12 min". */
export function communicationDisplay(f: RunFacts): string {
  return [
    f.severity
      ? t('postmortem.score.communication.declared', { severity: f.severity })
      : t('postmortem.score.communication.undeclared'),
    plural('postmortem.score.communication.updates', f.updates.length),
    t('postmortem.score.communication.gap', { gap: formatDuration(f.silence?.ms ?? 0) }),
  ].join(' · ');
}

function communication(f: RunFacts): Score {
  const gap = f.silence?.ms ?? 0;
  const hurt = f.impact.startedAt !== null || f.firstPage !== null;
  const verdict: Verdict = !f.declaration
    ? hurt
      ? 'missed'
      : 'good'
    : grade(gap, N.UPDATE_NORM_MS, N.UPDATE_FAIR_MS);
  const declared = f.declaration
    ? t('postmortem.score.communication.declaredAt', {
        severity: f.severity ?? '',
        at: clockAt(f.startEpochMs, f.declaration.t),
      })
    : t('postmortem.score.communication.neverDeclared');
  const silence = f.silence
    ? t('postmortem.score.communication.silence', {
        gap: formatDuration(f.silence.ms),
        from: clockAt(f.startEpochMs, f.silence.from),
        to: clockAt(f.startEpochMs, f.silence.to),
        norm: formatDuration(N.UPDATE_NORM_MS),
      })
    : '';
  return score('communication', {
    value: f.silence ? gap : null,
    display: communicationDisplay(f),
    verdict,
    explanation: sentences(
      declared,
      plural('postmortem.score.communication.updatesSentence', f.updates.length),
      silence,
    ),
    evidence: ids(f.declaration, ...f.updates, f.silence?.fromMoment, f.silence?.toMoment),
  });
}

export function scoresOf(
  f: RunFacts,
  ref: ReferencePath | null,
  harmShown: (m: Moment) => boolean,
): Score[] {
  return [
    acknowledge(f),
    diagnose(f),
    mitigate(f, ref),
    resolve(f, ref),
    budget(f, ref),
    harmful(f, harmShown),
    hints(f),
    communication(f),
  ];
}
