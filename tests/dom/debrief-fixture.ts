/**
 * A postmortem model for the debrief screen's tests: a resolved run with every kind of timeline
 * entry (a long command output, a harmful decision, marks), eight scores with evidence, a
 * reference path and two mini charts. `hostileDebrief()` puts markup wherever scenario or player
 * text goes.
 */
import type { Postmortem, Score, TimelineItem } from '../../src/postmortem/model.ts';

/** 2026-11-26 14:00:00 UTC. */
export const START = Date.UTC(2026, 10, 26, 14, 0, 0);
const MIN = 60_000;

export const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';

const item = (
  id: number,
  t: number,
  kind: TimelineItem['kind'],
  actor: TimelineItem['actor'],
  text: string,
  extra: Partial<TimelineItem> = {},
): TimelineItem => ({
  id,
  t,
  kind,
  actor,
  marks: [],
  text,
  evidence: [],
  decision: false,
  harmful: false,
  ...extra,
});

const score = (
  key: Score['key'],
  label: string,
  display: string,
  referenceDisplay: string | null,
  verdict: Score['verdict'],
  evidence: number[],
): Score => ({
  key,
  label,
  value: 1,
  display,
  reference: referenceDisplay === null ? null : 1,
  referenceDisplay,
  verdict,
  explanation: `How ${label.toLowerCase()} was found.`,
  evidence,
});

const POD_LIST = [
  'NAME                   READY   STATUS    RESTARTS   AGE',
  ...Array.from(
    { length: 11 },
    (_, i) => `api-7d9f8c6b5-${i}x2k   1/1     Running   0          3h`,
  ),
].join('\n');

export function debriefModel(): Postmortem {
  return {
    incidentId: 'INC-20261126-4242',
    title: 'Postmortem: checkout errors from a connection leak',
    scenario: {
      id: 'pool-exhaustion-leak',
      version: 1,
      title: 'Connection pool exhaustion',
      difficulty: 'intermediate',
      seed: 4242,
    },
    mode: 'practice',
    severity: 'SEV2',
    outcome: 'resolved',
    status: 'Resolved',
    startEpochMs: START,
    endedAt: 40 * MIN,
    summary:
      'Checkout requests failed for 21 minutes after the v2.14.1 release leaked connections.',
    impact: {
      startedAt: 6 * MIN,
      endedAt: 27 * MIN,
      durationMs: 21 * MIN,
      requests: 1_284_512,
      failed: 48_211,
      slow: 3_907,
      affectedShare: 0.0406,
      budgets: [
        {
          slo: 'availability',
          target: 0.999,
          badRequests: 48_211,
          consumed: 0.42,
          remaining: 0.58,
        },
      ],
      peakLatency: { metric: 'api_p99', ms: 5_012, t: 9 * MIN },
      peakErrorRatio: { ratio: 0.2341, t: 10 * MIN },
      evidence: [2, 3],
    },
    detection: { text: 'ErrorBudgetBurnFast paged 2 minutes after impact began.', evidence: [3] },
    response: { text: 'You acknowledged after 1 minute and declared a SEV2.', evidence: [4, 5] },
    recovery: { text: 'Terminating the idle sessions freed the pool.', evidence: [9, 10] },
    timeline: [
      item(1, 5 * MIN, 'deploy', 'system', 'Deployed api v2.14.1'),
      item(2, 6 * MIN, 'impact', 'system', 'Users started to see errors', {
        marks: ['impact'],
        evidence: [
          {
            kind: 'metric',
            metric: 'api_error_ratio',
            label: 'API error ratio',
            value: 0.012,
            display: '1.2%',
          },
        ],
      }),
      item(3, 8 * MIN, 'alert', 'system', 'Alert ErrorBudgetBurnFast fired', {
        marks: ['detection'],
        evidence: [{ kind: 'alert', name: 'ErrorBudgetBurnFast', summary: 'Budget burning 14x' }],
      }),
      item(4, 9 * MIN, 'acknowledge', 'player', 'Acknowledged ErrorBudgetBurnFast'),
      item(5, 10 * MIN, 'declare', 'player', 'Declared a SEV2: checkout errors', {
        marks: ['declaration'],
        decision: true,
      }),
      item(6, 11 * MIN, 'command', 'player', 'Ran kubectl get pods', {
        evidence: [{ kind: 'command', line: 'kubectl get pods', output: POD_LIST, exit: 0 }],
      }),
      item(7, 12 * MIN, 'hypothesis', 'player', 'Hypothesis: connections leak'),
      item(8, 13 * MIN, 'lever', 'player', 'Raised the pool size to 20', {
        decision: true,
        harmful: true,
      }),
      item(9, 15 * MIN, 'lever', 'player', 'Terminated idle-in-transaction backends', {
        marks: ['mitigation'],
        decision: true,
      }),
      item(10, 16 * MIN, 'lever', 'player', 'Rolled back deployment/api', { decision: true }),
      item(11, 27 * MIN, 'recovered', 'system', 'Error ratio back within the SLO', {
        marks: ['resolution'],
      }),
      item(12, 40 * MIN, 'end', 'story', 'The story ended: resolved'),
    ],
    causes: {
      trigger: 'The v2.14.1 release.',
      rootCause: 'v2.14.1 returns early inside a transaction without rolling it back.',
      contributingFactors: ['No idle_in_transaction_session_timeout.'],
      hypotheses: [{ t: 12 * MIN, text: 'Connections leak', matches: true, evidence: [7] }],
    },
    lessons: {
      wentWell: [{ text: 'The page reached the responder within 2 minutes.', evidence: [3] }],
      wentBadly: [{ text: 'Raising the pool size made things worse.', evidence: [8] }],
      lucky: [],
    },
    actionItems: [
      {
        text: 'Set idle_in_transaction_session_timeout on the primary',
        type: 'prevent',
        ownerRole: 'database team',
        priority: 'P1',
        source: 'answerKey',
      },
    ],
    scores: [
      score('acknowledge', 'Time to acknowledge', '1 min', '1 min', 'good', [3, 4]),
      score('diagnose', 'Time to diagnose', '6 min', '4 min', 'fair', [2, 7]),
      score('mitigate', 'Time to mitigate', '9 min', '6 min', 'fair', [2, 9]),
      score('resolve', 'Time to resolve', '21 min', '18 min', 'fair', [2, 11]),
      score('budget', 'Error budget burned', '42%', '31%', 'poor', [2, 11]),
      score('harmful', 'Harmful changes', '1', '0', 'poor', [8]),
      score('hints', 'Hints used', '0', null, 'good', []),
      score('communication', 'Communication', 'Declared, no update', '2 updates', 'missed', [5]),
    ],
    reference: {
      steps: [
        { t: 9 * MIN, text: 'Acknowledge the page' },
        { t: 11 * MIN, text: 'Check pg_stat_activity for idle-in-transaction sessions' },
        { t: 12 * MIN, text: 'Terminate idle-in-transaction backends' },
        { t: 13 * MIN, text: 'Roll back deployment/api' },
      ],
      mitigatedAt: 12 * MIN,
      resolvedAt: 24 * MIN,
      budgetConsumed: 0.31,
    },
    charts: [
      {
        metric: 'api_error_ratio',
        label: 'API error ratio',
        unit: 'ratio',
        times: Array.from({ length: 41 }, (_, i) => i * MIN),
        values: Array.from({ length: 41 }, (_, i) =>
          i >= 6 && i <= 27 ? 0.05 + (i === 10 ? 0.18 : 0) : 0.001,
        ),
        threshold: { value: 0.01, label: 'SLO' },
        marks: [
          { t: 8 * MIN, mark: 'detection', label: 'ErrorBudgetBurnFast' },
          { t: 15 * MIN, mark: 'mitigation', label: 'Terminated backends' },
        ],
      },
      {
        metric: 'api_p99',
        label: 'API p99 latency',
        unit: 'ms',
        times: Array.from({ length: 41 }, (_, i) => i * MIN),
        values: Array.from({ length: 41 }, (_, i) => (i >= 6 && i <= 27 ? 2_000 + i * 100 : 180)),
        threshold: null,
        marks: [{ t: 6 * MIN, mark: 'impact', label: 'Impact began' }],
      },
    ],
  };
}

/** The model with markup in every text a scenario author or the player writes. */
export function hostileDebrief(): Postmortem {
  const pm = debriefModel();
  return {
    ...pm,
    title: HOSTILE,
    summary: HOSTILE,
    scenario: { ...pm.scenario, title: HOSTILE },
    timeline: pm.timeline.map((it) => ({
      ...it,
      text: `${HOSTILE} ${it.text}`,
      evidence: it.evidence.map((e) =>
        e.kind === 'command'
          ? { ...e, line: HOSTILE, output: HOSTILE }
          : e.kind === 'alert'
            ? { ...e, name: HOSTILE, summary: HOSTILE }
            : { ...e, label: HOSTILE, display: HOSTILE },
      ),
    })),
    scores: pm.scores.map((s) => ({
      ...s,
      label: HOSTILE,
      display: HOSTILE,
      explanation: HOSTILE,
    })),
    reference: pm.reference && {
      ...pm.reference,
      steps: pm.reference.steps.map((s) => ({ ...s, text: HOSTILE })),
    },
    charts: pm.charts.map((c) => ({
      ...c,
      label: HOSTILE,
      threshold: c.threshold && { ...c.threshold, label: HOSTILE },
      marks: c.marks.map((m) => ({ ...m, label: HOSTILE })),
    })),
  };
}
