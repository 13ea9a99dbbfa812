/**
 * Golden postmortems: each flagship played headless with a fixed action log (levers, and also a
 * declaration, hypotheses and updates), through the same function as `drill play --postmortem`.
 * The Markdown must equal the committed file; after a deliberate change, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run --project node tests/postmortem/golden.test.ts` and review the diff.
 * The impact figures are also read back out of the Markdown and compared with the model and the
 * simulation, so a golden file cannot silently hold a wrong number.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import { playForPostmortem } from '../../src/cli/play.ts';
import { buildPostmortem, referencePath } from '../../src/postmortem/build.ts';
import { postmortemMarkdown } from '../../src/postmortem/markdown.ts';
import type { Postmortem } from '../../src/postmortem/model.ts';
import { loadScenario, variantFor } from '../../src/scenario/load.ts';
import type { TimedAction } from '../../src/scenario/play.ts';
import { formatClock, summarizeRun } from '../../src/sim/index.ts';
import { cellText, headings, lex, tables } from './markdown-tokens.ts';

const root = new URL('../../', import.meta.url);
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const declare = (at: string, severity: string, title: string): TimedAction => ({
  at,
  action: 'declareIncident',
  params: { severity, title },
});
const hypothesis = (at: string, text: string): TimedAction => ({
  at,
  action: 'hypothesis',
  params: { text },
});
const update = (at: string, audience: string, status: string, text: string): TimedAction => ({
  at,
  action: 'postUpdate',
  params: { audience, status, text },
});

/** One fixed log per flagship: its answer key's solution, the talk around it, and a detour. */
const LOGS: Record<string, readonly TimedAction[]> = {
  'latency-spike-missing-index': [
    declare('5m', 'SEV2', 'Order history is slow'),
    hypothesis('6m', 'The v2.14.1 query misses an index: a seq scan on orders'),
    // One of the answer key's wrong fixes first, so the document shows a harmful change.
    { at: '7m', action: 'scale', params: { deployment: 'api', replicas: 10 } },
    { at: '8m', action: 'rollback', params: { deployment: 'api' } },
    update('8m30s', 'internal', 'identified', 'Rolled back v2.14.1; watching order-history p99.'),
    update('12m', 'statusPage', 'monitoring', 'Order history is fast again. We are monitoring.'),
  ],
  'pool-exhaustion-leak': [
    declare('10m', 'SEV1', 'Checkout is failing'),
    update('10m30s', 'statusPage', 'investigating', 'Some checkouts fail. We are investigating.'),
    hypothesis('11m', 'Connections leak: sessions stay idle in transaction since v2.14.1'),
    {
      at: '12m',
      action: 'terminateBackends',
      params: { filter: { state: 'idle in transaction' } },
    },
    {
      at: '12m',
      action: 'setPostgresSetting',
      params: { name: 'idle_in_transaction_session_timeout', value: 30000 },
    },
    { at: '12m', action: 'reloadPostgres' },
    { at: '13m', action: 'rollback', params: { deployment: 'api' } },
    update('15m', 'statusPage', 'monitoring', 'A fix is in place. We are monitoring.'),
  ],
  'dns-lookup-storm': [
    declare('4m', 'SEV2', 'API errors and slow requests'),
    hypothesis('5m', 'Redis is slow'),
    hypothesis('5m30s', 'DNS lookups overload coredns since the v2.14.1 release'),
    { at: '6m', action: 'scale', params: { deployment: 'coredns', replicas: 8 } },
    { at: '8m', action: 'rollback', params: { deployment: 'api' } },
    update(
      '9m',
      'internal',
      'monitoring',
      'coredns scaled and v2.14.1 rolled back; errors falling.',
    ),
  ],
};

function play(id: string): { pm: Postmortem; md: string; budgetLeft: number } {
  const path = new URL(`scenarios/${id}.yaml`, root);
  const loaded = loadScenario(path.pathname, readFileSync(path, 'utf8'));
  if (!loaded.ok) throw new Error(`${id} does not load`);
  const seed = loaded.scenario.seed;
  const s = variantFor(loaded, seed);
  const session = playForPostmortem(s, seed, LOGS[id]!);
  const pm = buildPostmortem(session, { mode: 'headless', reference: referencePath(s, seed) });
  return {
    pm,
    md: postmortemMarkdown(pm),
    budgetLeft: summarizeRun(session.run.sim).errorBudgetRemaining,
  };
}

/** Reads `1,284,512`, `4.06%`, `<0.001%` back as numbers, with the precision printed. */
function readNumber(text: string): { value: number; step: number } {
  const m = /^<?(-?[\d,]+(?:\.(\d+))?)(%?)/.exec(text.trim());
  if (!m) throw new Error(`not a number: ${text}`);
  const percent = m[3] === '%';
  const decimals = m[2]?.length ?? 0;
  const scale = percent ? 100 : 1;
  const value = Number(m[1]!.replace(/,/g, '')) / scale;
  // A value printed as `<x` is below x: treat it as anything from 0 to x.
  if (text.trim().startsWith('<')) return { value: value / 2, step: value };
  return { value, step: 10 ** -decimals / scale };
}

function expectPrinted(text: string, actual: number): void {
  const { value, step } = readNumber(text);
  expect(Math.abs(value - actual), `${text} vs ${actual}`).toBeLessThanOrEqual(step / 2 + 1e-12);
}

describe.each(Object.keys(LOGS))('golden postmortem of %s', { timeout: 120_000 }, (id) => {
  const { pm, md, budgetLeft } = play(id);
  const golden = new URL(`golden/${id}.md`, import.meta.url);

  it('equals the committed Markdown', () => {
    if (UPDATE) writeFileSync(golden, md);
    expect(existsSync(golden), `missing ${golden.pathname}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(md).toBe(readFileSync(golden, 'utf8'));
  });

  it('has every section, and the run’s communication on its timeline', () => {
    expect(headings(lex(md), 2)).toHaveLength(9);
    expect(pm.severity).not.toBeNull();
    expect(md).toContain('**Declared**');
    expect(pm.causes.hypotheses.length).toBeGreaterThan(0);
  });

  it('prints the impact figures of the model, and the error budget the simulation left', () => {
    const all = tables(lex(md));
    const impact = all.find((tb) => cellText(tb.header[0]!) === 'Measure')!;
    const row = (label: string): string =>
      cellText(impact.rows.find((r) => cellText(r[0]!).startsWith(label))![1]!);
    const im = pm.impact;
    const clock = (t: number): string => formatClock(pm.startEpochMs + t);
    if (im.startedAt !== null) expect(row('Impact began')).toBe(clock(im.startedAt));
    if (im.endedAt !== null) expect(row('Impact ended')).toBe(clock(im.endedAt));
    expectPrinted(row('Requests during the impact'), im.requests);
    expectPrinted(row('Failed requests'), im.failed);
    expectPrinted(row('Slow requests'), im.slow);
    expectPrinted(row('Requests affected'), im.affectedShare);
    expectPrinted(row('Peak latency'), im.peakLatency.ms);
    expect(row('Peak latency')).toContain(clock(im.peakLatency.t));
    expectPrinted(row('Peak error ratio'), im.peakErrorRatio.ratio);

    const budgets = all.find((tb) => cellText(tb.header[0]!) === 'SLO')!;
    expect(budgets.rows).toHaveLength(im.budgets.length);
    budgets.rows.forEach((r: Tokens.TableCell[], i) => {
      const b = im.budgets[i]!;
      expectPrinted(cellText(r[1]!), b.target);
      expectPrinted(cellText(r[2]!), b.badRequests);
      expectPrinted(cellText(r[3]!), b.consumed);
      expectPrinted(cellText(r[4]!), b.remaining);
    });
    const availability = im.budgets.find((b) => b.slo === 'availability');
    // The summary rounds to four decimals.
    if (availability) expect(availability.remaining).toBeCloseTo(budgetLeft, 4);
  });
});
