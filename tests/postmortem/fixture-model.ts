/**
 * A hand-made postmortem model for the document's tests: every section has content, and
 * `hostileModel()` puts Markdown- and HTML-shaped text wherever scenario or player text goes.
 */
import type { Postmortem, TimelineItem } from '../../src/postmortem/model.ts';

/** 2026-11-26 14:00:00 UTC. */
export const START = Date.UTC(2026, 10, 26, 14, 0, 0);
const MIN = 60_000;

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

export function fixtureModel(): Postmortem {
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
      'Checkout requests failed for 21 minutes after the v2.14.1 release leaked database connections. The responder terminated the idle sessions and rolled back the release.',
    impact: {
      startedAt: 6 * MIN,
      endedAt: 27 * MIN + 30_000,
      durationMs: 21 * MIN + 30_000,
      requests: 1_284_512,
      failed: 48_211,
      slow: 3_907,
      affectedShare: (48_211 + 3_907) / 1_284_512,
      budgets: [
        {
          slo: 'availability',
          target: 0.999,
          badRequests: 48_211,
          consumed: 0.4187,
          remaining: 0.5813,
        },
        { slo: 'latency', target: 0.99, badRequests: 3_907, consumed: 0.0034, remaining: 0.9966 },
      ],
      peakLatency: { metric: 'orders_p99', ms: 5_012, t: 9 * MIN },
      peakErrorRatio: { ratio: 0.2341, t: 10 * MIN },
      evidence: [2, 3],
    },
    detection: {
      text: 'ErrorBudgetBurnFast paged 2 minutes after users were first hurt.',
      evidence: [3],
    },
    response: {
      text: 'The responder acknowledged the page after 1 minute and declared a SEV2 at 14:10:00.',
      evidence: [4, 5],
    },
    recovery: {
      text: 'Terminating the idle-in-transaction sessions freed the pool; the rollback stopped the leak.',
      evidence: [9, 10],
    },
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
        evidence: [
          { kind: 'alert', name: 'ErrorBudgetBurnFast', summary: 'Error budget burning 14x' },
        ],
      }),
      item(4, 9 * MIN, 'acknowledge', 'player', 'Acknowledged ErrorBudgetBurnFast', {
        decision: true,
      }),
      item(5, 10 * MIN, 'declare', 'player', 'Declared a SEV2: checkout errors', {
        marks: ['declaration'],
        decision: true,
      }),
      item(6, 11 * MIN, 'command', 'player', 'Ran a command on the bastion', {
        evidence: [
          {
            kind: 'command',
            line: 'psql -c "select state, count(*) from pg_stat_activity group by 1"',
            output:
              '        state        | count\n---------------------+-------\n idle in transaction |    96\n active              |     4\n(2 rows)',
            exit: 0,
          },
        ],
      }),
      item(7, 12 * MIN, 'hypothesis', 'player', 'Noted a hypothesis'),
      item(8, 13 * MIN, 'lever', 'player', 'Raised the pool size to 20', {
        decision: true,
        harmful: true,
      }),
      item(9, 15 * MIN, 'lever', 'player', 'Terminated idle-in-transaction backends', {
        marks: ['mitigation'],
        decision: true,
      }),
      item(10, 16 * MIN, 'lever', 'player', 'Rolled back deployment/api', { decision: true }),
      item(11, 27 * MIN + 30_000, 'recovered', 'system', 'Error ratio back within the SLO', {
        marks: ['resolution'],
      }),
      item(12, 40 * MIN, 'end', 'story', 'The story ended: resolved'),
    ],
    causes: {
      trigger: 'The v2.14.1 release.',
      rootCause:
        'v2.14.1 returns early on an error inside a transaction without rolling it back, so the connection never returns to the pool.',
      contributingFactors: [
        'No idle_in_transaction_session_timeout, so leaked sessions live for ever.',
        'Pool saturation only warns, so the first page is the error-budget burn.',
      ],
      hypotheses: [
        {
          t: 12 * MIN,
          text: 'Connections leak: sessions idle in transaction',
          matches: true,
          evidence: [7],
        },
        { t: 11 * MIN + 30_000, text: 'Redis is slow', matches: false, evidence: [] },
      ],
    },
    lessons: {
      wentWell: [{ text: 'The page reached the responder within 2 minutes.', evidence: [3] }],
      wentBadly: [
        { text: 'Raising the pool size made PostgreSQL refuse connections.', evidence: [8] },
      ],
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
      {
        text: 'Page on DBPoolSaturated',
        type: 'detect',
        ownerRole: 'SRE',
        priority: 'P2',
        source: 'run',
      },
    ],
    scores: [
      {
        key: 'acknowledge',
        label: 'Time to acknowledge',
        value: MIN,
        display: '1 min',
        reference: null,
        referenceDisplay: null,
        verdict: 'good',
        explanation: 'From the first page at 14:08:00 to its acknowledgement at 14:09:00.',
        evidence: [3, 4],
      },
      {
        key: 'mitigate',
        label: 'Time to mitigate',
        value: 9 * MIN,
        display: '9 min',
        reference: 6 * MIN,
        referenceDisplay: '6 min',
        verdict: 'fair',
        explanation: 'From the start of impact at 14:06:00 to the first lever that cut it.',
        evidence: [2, 9],
      },
      {
        key: 'harmful',
        label: 'Harmful changes',
        value: 1,
        display: '1',
        reference: 0,
        referenceDisplay: '0',
        verdict: 'poor',
        explanation: 'Raising the pool size is one of the wrong fixes.',
        evidence: [8],
      },
    ],
    reference: {
      steps: [
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
    ],
  };
}

/** Text that would break a table, run script or make a link if it were pasted in unescaped. */
export const HOSTILE =
  '| <script>alert(1)</script> `x` [a](https://evil.example) ![i](y.png) **b** _c_ # h\n- item www.evil.example';

/** The fixture with hostile text in every field a scenario author or player writes. */
export function hostileModel(): Postmortem {
  const pm = fixtureModel();
  return {
    ...pm,
    title: `# ${HOSTILE}`,
    summary: HOSTILE,
    detection: { ...pm.detection, text: HOSTILE },
    timeline: pm.timeline.map((it) => ({
      ...it,
      text: `${HOSTILE} ${it.text}`,
      evidence: it.evidence.map((e) =>
        e.kind === 'command'
          ? { ...e, line: `echo \`${HOSTILE}\` | grep x`, output: `\`\`\`\n${HOSTILE}\n~~~` }
          : e.kind === 'alert'
            ? { ...e, name: HOSTILE }
            : { ...e, label: HOSTILE, display: HOSTILE },
      ),
    })),
    causes: {
      trigger: HOSTILE,
      rootCause: `- ${HOSTILE}`,
      contributingFactors: [HOSTILE, `1. ${HOSTILE}`],
      hypotheses: pm.causes.hypotheses.map((h) => ({ ...h, text: HOSTILE })),
    },
    lessons: {
      wentWell: [{ text: HOSTILE, evidence: [] }],
      wentBadly: [{ text: `> ${HOSTILE}`, evidence: [] }],
      lucky: [{ text: HOSTILE, evidence: [] }],
    },
    actionItems: pm.actionItems.map((a) => ({ ...a, text: HOSTILE, ownerRole: HOSTILE })),
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
      marks: c.marks.map((m) => ({ ...m, label: HOSTILE })),
    })),
  };
}
