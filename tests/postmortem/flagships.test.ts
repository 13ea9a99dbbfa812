/**
 * The postmortem of each flagship worked well, checked against the simulation's own record: the
 * impact window and its counts against sums over the per-second SLI samples, the budgets against
 * the sim's `error_budget_remaining`, peaks against the series, alerts against the recorder's
 * events; the marks on the right items, evidence that exists, and the same model on a replay.
 */
import { describe, expect, it } from 'vitest';
import { buildPostmortem } from '../../src/postmortem/build.ts';
import type { Postmortem, TimelineItem } from '../../src/postmortem/model.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { DAY, ENDPOINT_IDS, M } from '../../src/sim/index.ts';
import { FLAGSHIPS } from '../console/views.ts';
import { postmortem, reference, session, SOLVED } from './drive.ts';

type Series = { times: number[]; req: number[]; failed: number[]; slow: number[] };

function series(s: IncidentSession): Series {
  const m = s.run.sim.recorder.metrics;
  return {
    times: m.timesArray(),
    req: m.values(M.sli_requests!),
    failed: m.values(M.sli_failed!),
    slow: m.values(M.sli_slow!),
  };
}

/** Every evidence id the model cites, with where it was cited. */
function citations(pm: Postmortem): { where: string; id: number }[] {
  const out: { where: string; id: number }[] = [];
  const add = (where: string, ids: readonly number[]): void => {
    for (const id of ids) out.push({ where, id });
  };
  add('impact', pm.impact.evidence);
  add('detection', pm.detection.evidence);
  add('response', pm.response.evidence);
  add('recovery', pm.recovery.evidence);
  pm.causes.hypotheses.forEach((h, i) => add(`hypothesis ${i}`, h.evidence));
  for (const kind of ['wentWell', 'wentBadly', 'lucky'] as const)
    pm.lessons[kind].forEach((l) => add(`${kind}: ${l.text}`, l.evidence));
  pm.scores.forEach((s) => add(`score ${s.key}`, s.evidence));
  return out;
}

const item = (pm: Postmortem, id: number): TimelineItem => pm.timeline.find((i) => i.id === id)!;

describe.each(FLAGSHIPS)('the postmortem of %s, solved', { timeout: 120_000 }, (id) => {
  const drive = SOLVED[id]!;

  it('ends resolved, and the impact window is the first to the last minute-long run of bad seconds', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    expect(pm.outcome).toBe('resolved');
    const { times, req, failed, slow } = series(s);
    const allowed = 1 - s.run.sim.state.config.slo.availabilityTarget;
    const bad = (i: number): boolean =>
      req[i]! > 0 && Math.max(failed[i]!, slow[i]!) / req[i]! > allowed;
    const { startedAt, endedAt } = pm.impact;
    expect(startedAt).not.toBeNull();
    expect(endedAt).not.toBeNull();
    const first = times.indexOf(startedAt! + 1000);
    const last = times.indexOf(endedAt!);
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    // A minute of bad seconds starts it; none before; it ends on a bad second followed by a good one.
    for (let i = first; i < first + 60; i++) expect(bad(i), `second ${i}`).toBe(true);
    expect(bad(first - 1)).toBe(false);
    expect(bad(last)).toBe(true);
    expect(bad(last + 1)).toBe(false);
    const longRun = (from: number, to: number): boolean => {
      let run = 0;
      for (let i = from; i < to; i++) {
        run = bad(i) ? run + 1 : 0;
        if (run >= 60) return true;
      }
      return false;
    };
    expect(longRun(0, first)).toBe(false);
    expect(longRun(last + 1, times.length)).toBe(false);
    expect(pm.impact.durationMs).toBe((last - first + 1) * 1000);
  });

  it('counts requests, failures and slow ones as the sums of the per-second samples', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const { times, req, failed, slow } = series(s);
    const first = times.indexOf(pm.impact.startedAt! + 1000);
    const last = times.indexOf(pm.impact.endedAt!);
    let r = 0;
    let f = 0;
    let sl = 0;
    let either = 0;
    for (let i = first; i <= last; i++) {
      r += req[i]!;
      f += failed[i]!;
      sl += slow[i]!;
      either += Math.max(failed[i]!, slow[i]!);
    }
    expect(pm.impact.requests).toBeCloseTo(r, 6);
    expect(pm.impact.failed).toBeCloseTo(f, 6);
    expect(pm.impact.slow).toBeCloseTo(sl, 6);
    expect(pm.impact.affectedShare).toBeCloseTo(either / r, 12);
    expect(pm.impact.failed).toBeGreaterThan(0);
  });

  it('measures the budgets as the sim does: remaining is the sim’s own figure at the end', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const { times, req, failed, slow } = series(s);
    const cfg = s.run.sim.state.config.slo;
    const end = times[times.length - 1]!;
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const period = (sum(req) / end) * cfg.windowDays * DAY;
    const [availability, latency] = pm.impact.budgets;
    expect(availability!.slo).toBe('availability');
    expect(availability!.badRequests).toBeCloseTo(sum(failed), 3);
    expect(availability!.consumed).toBeCloseTo(
      sum(failed) / (period * (1 - cfg.availabilityTarget)),
      9,
    );
    expect(latency!.consumed).toBeCloseTo(sum(slow) / (period * (1 - cfg.latencyTarget)), 9);
    const remaining = s.run.sim.recorder.metrics.latest(M.error_budget_remaining!);
    expect(availability!.remaining).toBe(remaining);
    // The sim's remaining is 1 - (what the period had spent before the run) - (this run's spend).
    const prior = s.run.sim.state.slo.priorBudgetConsumed * (1 - end / (cfg.windowDays * DAY));
    expect(availability!.consumed).toBeCloseTo(1 - remaining - prior, 5);
  });

  it('takes the peaks from the series', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const metrics = s.run.sim.recorder.metrics;
    const times = metrics.timesArray();
    const p99s = ['api_p99', ...ENDPOINT_IDS.map((e) => `${e}_p99`)];
    const highest = Math.max(...p99s.map((k) => Math.max(...metrics.values(M[k]!))));
    const peak = pm.impact.peakLatency;
    expect(peak.ms).toBe(highest);
    expect(metrics.values(M[peak.metric]!)[times.indexOf(peak.t)]).toBe(highest);
    const { req, failed } = series(s);
    const ratios = req.map((r, i) => (r > 0 ? failed[i]! / r : 0));
    expect(pm.impact.peakErrorRatio.ratio).toBe(Math.max(...ratios));
    expect(ratios[times.indexOf(pm.impact.peakErrorRatio.t)]).toBe(pm.impact.peakErrorRatio.ratio);
  });

  it('puts every alert the sim or the story fired on the timeline at its time, pages as pages', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const fired = [
      ...s.run.sim.recorder.events.flatMap((e) => (e.kind === 'alertFiring' ? [e] : [])),
      ...s.run.timeline.flatMap((e) =>
        e.kind === 'alert' ? [{ t: e.t, alert: e.name, severity: e.severity }] : [],
      ),
    ];
    expect(fired.length).toBeGreaterThan(0);
    for (const e of fired) {
      const found = pm.timeline.find(
        (i) =>
          i.t === e.t &&
          i.kind === (e.severity === 'page' ? 'page' : 'alert') &&
          i.evidence.some((x) => x.kind === 'alert' && x.name === e.alert),
      );
      expect(found, `${e.alert} at ${e.t}`).toBeDefined();
    }
    const resolved = s.run.sim.recorder.events.filter((e) => e.kind === 'alertResolved');
    expect(pm.timeline.filter((i) => i.kind === 'alertResolved').length).toBeGreaterThanOrEqual(
      resolved.length,
    );
  });

  it('marks impact, detection, declaration, mitigation and resolution on the right items', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const marked = (mark: string): TimelineItem[] =>
      pm.timeline.filter((i) => i.marks.includes(mark as never));
    for (const mark of ['impact', 'detection', 'declaration', 'mitigation', 'resolution'])
      expect(marked(mark), mark).toHaveLength(1);
    expect(marked('impact')[0]).toMatchObject({ kind: 'impact', t: pm.impact.startedAt });
    expect(marked('mitigation')[0]).toMatchObject({ kind: 'recovered', t: pm.impact.endedAt });
    expect(marked('declaration')[0]).toMatchObject({ kind: 'declare', t: s.incident.declaredAt });
    const resolvedAt = s.run.timeline.find(
      (e) => e.kind === 'milestone' && e.name === 'resolved',
    )!.t;
    expect(marked('resolution')[0]).toMatchObject({ kind: 'milestone', t: resolvedAt });
    // Detection: the first page or the first person to report it after the impact began.
    const firstPage = Math.min(
      ...s.pager
        .alerts()
        .filter((p) => p.severity === 'page')
        .map((p) => p.firedAt),
    );
    const firstReport = s.run.timeline.find(
      (e) => e.kind === 'message' && e.t >= pm.impact.startedAt!,
    )!.t;
    expect(marked('detection')[0]!.t).toBe(Math.min(firstPage, firstReport));
    // The timeline starts before the impact, with the release that triggered it.
    expect(pm.timeline[0]!.kind).toBe('deploy');
    expect(pm.timeline[0]!.t).toBeLessThan(pm.impact.startedAt!);
    expect(marked('impact')[0]!.evidence.map((e) => e.kind)).toEqual(['metric', 'metric']);
  });

  it('numbers the items in time order and backs every citation with an item of the right kind', () => {
    const pm = postmortem(drive);
    expect(pm.timeline.map((i) => i.id)).toEqual(pm.timeline.map((_, i) => i + 1));
    for (let i = 1; i < pm.timeline.length; i++)
      expect(pm.timeline[i]!.t).toBeGreaterThanOrEqual(pm.timeline[i - 1]!.t);
    for (const c of citations(pm)) expect(item(pm, c.id), c.where).toBeDefined();
    const kinds = (key: string): string[] =>
      pm.scores.find((s) => s.key === key)!.evidence.map((id) => item(pm, id).kind);
    expect(kinds('mitigate')).toContain('impact');
    expect(kinds('mitigate')).toContain('lever');
    expect(kinds('mitigate')).toContain('recovered');
    expect(kinds('resolve')).toContain('milestone');
    expect(kinds('diagnose').some((k) => k === 'milestone' || k === 'hypothesis')).toBe(true);
    expect(kinds('communication')).toContain('declare');
    for (const h of pm.causes.hypotheses) expect(item(pm, h.evidence[0]!).kind).toBe('hypothesis');
    expect(pm.response.evidence.map((id) => item(pm, id).kind)).toContain('declare');
  });

  it('keeps the player’s console lines as evidence and marks levers and communication as decisions', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const levers = pm.timeline.filter((i) => i.kind === 'lever');
    expect(levers.length).toBeGreaterThan(0);
    const typed = s.inputs.flatMap((i) => (i.kind === 'line' ? [i.line] : []));
    for (const l of levers) {
      expect(l.decision).toBe(true);
      expect(l.harmful).toBe(false);
      const cmd = l.evidence.find((e) => e.kind === 'command');
      expect(cmd && cmd.kind === 'command' && typed.includes(cmd.line)).toBe(true);
    }
    for (const i of pm.timeline.filter((x) => x.kind === 'declare' || x.kind === 'communication'))
      expect(i.decision).toBe(true);
    for (const i of pm.timeline.filter((x) => x.actor !== 'player')) expect(i.decision).toBe(false);
  });

  it('leaves out faults and the story’s own hints, keeping only hints the player read', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    const taken = s.inputs.filter((i) => i.kind === 'action' && i.action.type === 'takeHint');
    expect(pm.timeline.filter((i) => i.kind === 'hint')).toHaveLength(taken.length);
    const faults = s.run.timeline.flatMap((e) => (e.kind === 'fault' ? [e.id] : []));
    for (const f of faults) expect(pm.timeline.some((i) => i.text.includes(f))).toBe(false);
  });

  it('draws at most four charts of at most 240 points that keep each series’ peak', () => {
    const s = session(drive);
    const pm = postmortem(drive);
    expect(pm.charts.length).toBeGreaterThanOrEqual(3);
    expect(pm.charts.length).toBeLessThanOrEqual(4);
    const metrics = s.run.sim.recorder.metrics;
    for (const c of pm.charts) {
      expect(c.times.length).toBeLessThanOrEqual(240);
      expect(c.values).toHaveLength(c.times.length);
      expect(c.marks.map((m) => m.mark)).toEqual(
        expect.arrayContaining(['impact', 'mitigation', 'resolution']),
      );
      if (M[c.metric] !== undefined)
        expect(Math.max(...c.values)).toBe(Math.max(...metrics.values(M[c.metric]!)));
    }
    expect(pm.charts[0]!.threshold!.value).toBeCloseTo(
      1 - s.run.sim.state.config.slo.availabilityTarget,
      12,
    );
    expect(pm.charts[1]!.metric).toBe('api_p99');
    expect(pm.charts[1]!.threshold!.value).toBe(s.run.sim.state.config.slo.latencyThresholdMs);
  });

  it('scores the run against the reference path played on the same seed', () => {
    const pm = postmortem(drive);
    const ref = reference(id);
    expect(pm.reference).toEqual(ref);
    expect(pm.scores.map((x) => x.key)).toEqual([
      'acknowledge',
      'diagnose',
      'mitigate',
      'resolve',
      'budget',
      'harmful',
      'hints',
      'communication',
    ]);
    const score = (key: string) => pm.scores.find((x) => x.key === key)!;
    expect(score('mitigate').value).toBe(pm.impact.endedAt! - pm.impact.startedAt!);
    expect(score('mitigate').reference).toBe(ref.mitigatedAt! - ref.impactStartedAt!);
    expect(score('resolve').reference).toBe(ref.resolvedAt! - ref.impactStartedAt!);
    expect(score('budget').value).toBe(pm.impact.budgets[0]!.consumed);
    expect(score('budget').reference).toBe(ref.budgetConsumed);
    expect(score('harmful')).toMatchObject({ value: 0, verdict: 'good' });
    expect(score('mitigate').verdict).toBe('good');
    expect(ref.steps.length).toBe(session(drive).scenario.answerKey.solution.length);
  });

  it('gives the same model when built twice and when built on a replay of the inputs', () => {
    const s = session(drive);
    const again = buildPostmortem(s, { mode: 'practice', reference: reference(id) });
    expect(again).toEqual(postmortem(drive));
    const replayed = IncidentSession.replay(s.scenario, s.run.sim.state.seed, s.inputs, s.t);
    expect(replayed.t).toBe(s.t);
    expect(buildPostmortem(replayed, { mode: 'practice', reference: reference(id) })).toEqual(
      postmortem(drive),
    );
  });
});
