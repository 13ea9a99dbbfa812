/**
 * The replay's record of a run (src/replay.ts) and the moments read from it
 * (src/ui/replay-view/moment.ts): one replay gives the same run as the live one, every input
 * that reached the timeline is a decision with its words and output, a branch's inputs replay
 * to exactly the state the player was in, and a moment shows exactly what had happened by then.
 */
import { describe, expect, it } from 'vitest';
import { feedItemOf } from '../src/incident-events.ts';
import { guardedMetrics, inputsBefore, inputsUpTo, recordReplay } from '../src/replay.ts';
import type { TimelineEntry } from '../src/scenario/runner.ts';
import { IncidentSession } from '../src/session/session.ts';
import type { SessionInput } from '../src/session/session.ts';
import { M } from '../src/sim/index.ts';
import {
  countUpTo,
  momentAt,
  nextDecisionTime,
  previousDecisionTime,
  valueAt,
} from '../src/ui/replay-view/moment.ts';
import type { ReplayRecord } from '../src/ui/replay-view/types.ts';
import { scenario } from './console/views.ts';

const MIN = 60_000;
const END = 25 * MIN;

/** What the live run looked like just before each input. */
interface Seen {
  hash: string;
  timeline: number;
}

/**
 * A live run of pool-exhaustion-leak with every kind of input: a look, Ctrl-C and a blank line
 * (not decisions), the channel, the pager, and the fix (two inputs in the same second).
 */
function played() {
  const s = new IncidentSession(scenario('pool-exhaustion-leak'));
  const before: Seen[] = [];
  /** The system's hash at each second, after everything done in it. */
  const hashAt = new Map<number, string>([[0, s.run.sim.hash()]]);
  const input = (act: () => void): void => {
    before.push({ hash: s.run.sim.hash(), timeline: s.run.timeline.length });
    act();
    hashAt.set(s.t, s.run.sim.hash());
  };
  const advanceTo = (t: number): void => {
    while (s.t < t && !s.ended) {
      s.step();
      hashAt.set(s.t, s.run.sim.hash());
    }
  };
  advanceTo(3 * MIN);
  input(() => s.exec('kubectl get pods'));
  input(() => s.interrupt());
  input(() => s.exec(''));
  input(() =>
    s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' }, 'channel'),
  );
  advanceTo(11 * MIN);
  input(() => s.perform({ type: 'acknowledgeAlert', alert: 'APIHighErrorRate' }, 'panel'));
  input(() => s.exec('kubectl rollout undo deployment/api'));
  advanceTo(END);
  return { s, before, hashAt };
}

const live = played();
const sc = live.s.scenario;
const seed = sc.seed;
const inputs: readonly SessionInput[] = [...live.s.inputs];
const run = recordReplay(sc, seed, inputs, END);
const record: ReplayRecord = run.record;

describe('recordReplay', () => {
  it('plays the record into the same run as the live one, and as IncidentSession.replay', () => {
    expect(inputs).toHaveLength(6);
    expect(run.session.t).toBe(live.s.t);
    expect(run.session.run.sim.hash()).toBe(live.s.run.sim.hash());
    expect(JSON.stringify(run.session.run.timeline)).toBe(JSON.stringify(live.s.run.timeline));
    const replayed = IncidentSession.replay(sc, seed, inputs, END);
    expect(run.session.run.sim.hash()).toBe(replayed.run.sim.hash());
  });

  it('is deterministic: the same record twice gives the same data', () => {
    const again = recordReplay(sc, seed, inputs, END);
    expect(JSON.stringify(again.record)).toBe(JSON.stringify(record));
  });

  it('ends the record where the run ended, with its outcome', () => {
    // The rollback at 11 minutes fixes the leak; the story resolves before 25 minutes.
    expect(record.outcome).toBe('resolved');
    expect(record.endMs).toBe(live.s.t);
    expect(record.endMs).toBeLessThan(END);
    expect(record.title).toBe(sc.title);
    expect(record.seed).toBe(seed);
  });

  it('makes each input that reached the timeline a decision; Ctrl-C and blank lines are not', () => {
    expect(run.inputIndex).toEqual([0, 3, 4, 5]);
    expect(record.decisions.map((d) => [d.t, d.kind, d.line])).toEqual([
      [3 * MIN, 'look', 'kubectl get pods'],
      [3 * MIN, 'communication', null],
      [11 * MIN, 'communication', null],
      [11 * MIN, 'lever', 'kubectl rollout undo deployment/api'],
    ]);
    const [look, declare, ack, rollback] = record.decisions;
    expect(look!.output).toContain('NAME');
    expect(look!.exit).toBe(0);
    expect(declare!.actions).toEqual([
      {
        action: { type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' },
        lever: false,
      },
    ]);
    expect(declare!.output).toBeNull();
    expect(ack!.actions[0]!.action).toEqual({
      type: 'acknowledgeAlert',
      alert: 'APIHighErrorRate',
    });
    expect(rollback!.actions).toEqual([
      { action: { type: 'rollback', deployment: 'api' }, lever: true },
    ]);
    expect(rollback!.output).toContain('rolled back');
  });

  it('keeps what the story answered at once with the decision', () => {
    const live = new IncidentSession(sc);
    live.advanceTo(11 * MIN);
    const before = live.run.timeline.length;
    live.exec('kubectl rollout undo deployment/api');
    const answered = live.run.timeline
      .slice(before)
      .filter((e) => e.kind !== 'action' && e.kind !== 'command')
      .map(feedItemOf)
      .filter((i) => i !== null);
    expect(record.decisions[3]!.effects).toEqual(answered);
  });

  it('lists the console transcript once per line, with its output', () => {
    expect(record.transcript.map((e) => [e.t, e.line, e.exit])).toEqual([
      [3 * MIN, 'kubectl get pods', 0],
      [11 * MIN, 'kubectl rollout undo deployment/api', 0],
    ]);
  });

  it('charts the error ratio, the p99 and the metrics the story guards, with their thresholds', () => {
    expect(record.series.map((s) => [s.key, s.role, s.unit, s.thresholds])).toEqual([
      ['api_error_ratio', 'errors', 'percent', [0.05, 0.005]],
      ['api_p99', 'latency', 'ms', []],
    ]);
    const latency = guardedMetrics(scenario('latency-spike-missing-index'));
    expect([...latency.keys()]).toEqual(['orders_p99']);
    const errors = record.series[0]!;
    expect(errors.times).toHaveLength(record.endMs / 1000);
    expect(errors.times[0]).toBe(1000);
    expect(errors.values).toHaveLength(errors.times.length);
  });

  it('notes the story state from each time on', () => {
    expect(record.story[0]!.t).toBe(0);
    expect(record.story.at(-1)!.state).toBe(run.session.run.state);
    for (let i = 1; i < record.story.length; i++)
      expect(record.story[i]!.t).toBeGreaterThanOrEqual(record.story[i - 1]!.t);
  });
});

describe('branching', () => {
  it('branches at a decision with exactly the inputs before it', () => {
    record.decisions.forEach((_, i) => {
      const index = run.inputIndex[i]!;
      expect(inputsBefore(inputs, index)).toEqual(inputs.slice(0, index));
    });
    // The acknowledgement and the rollback share a second: branching at the rollback keeps the
    // acknowledgement, branching at the acknowledgement drops both.
    expect(inputsBefore(inputs, run.inputIndex[3]!).map((i) => i.kind)).toEqual([
      'line',
      'interrupt',
      'line',
      'action',
      'action',
    ]);
    expect(inputsBefore(inputs, run.inputIndex[2]!)).toHaveLength(4);
  });

  it('replays a branch to the state the player was in just before the decision', () => {
    record.decisions.forEach((decision, i) => {
      const index = run.inputIndex[i]!;
      const branch = IncidentSession.replay(sc, seed, inputsBefore(inputs, index), decision.t);
      expect(branch.t).toBe(decision.t);
      expect(branch.run.sim.hash()).toBe(live.before[index]!.hash);
      expect(branch.run.timeline).toHaveLength(live.before[index]!.timeline);
      expect(JSON.stringify(branch.run.timeline)).toBe(
        JSON.stringify(live.s.run.timeline.slice(0, live.before[index]!.timeline)),
      );
    });
  });

  it('branches at a moment with every input stamped at or before it', () => {
    expect(inputsUpTo(inputs, 11 * MIN)).toEqual(inputs);
    expect(inputsUpTo(inputs, 11 * MIN - 1000)).toEqual(inputs.slice(0, 4));
    expect(inputsUpTo(inputs, 3 * MIN)).toEqual(inputs.slice(0, 4));
    expect(inputsUpTo(inputs, 3 * MIN - 1000)).toEqual([]);
  });

  it('replays a moment branch to what the replay shows at that moment', () => {
    for (const at of [3 * MIN, 11 * MIN, 11 * MIN - 1000, 7 * MIN]) {
      const branch = IncidentSession.replay(sc, seed, inputsUpTo(inputs, at), at);
      const upTo = (e: TimelineEntry): boolean => e.t <= at;
      expect(JSON.stringify(branch.run.timeline)).toBe(
        JSON.stringify(live.s.run.timeline.filter(upTo)),
      );
      expect(branch.run.sim.hash()).toBe(live.hashAt.get(at));
    }
  });
});

describe('a moment of the record', () => {
  const feedOf = (at: number) =>
    live.s.run.timeline
      .filter((e) => e.t <= at)
      .map(feedItemOf)
      .filter((i) => i !== null);

  it('shows exactly the entries up to its time', () => {
    for (const at of [
      0,
      3 * MIN,
      3 * MIN + 1000,
      9 * MIN + 19_000,
      11 * MIN,
      14 * MIN,
      record.endMs,
    ]) {
      const m = momentAt(record, at);
      const shown = record.feed.slice(0, m.feedShown);
      expect(shown.every((i) => i.t <= at)).toBe(true);
      expect(record.feed.slice(m.feedShown).every((i) => i.t > at)).toBe(true);
      // Every timeline entry of the feed up to `at` is there, and nothing later.
      for (const item of feedOf(at)) expect(shown).toContainEqual(expect.objectContaining(item));
      expect(record.transcript.slice(0, m.transcriptShown).every((e) => e.t <= at)).toBe(true);
      expect(m.transcriptShown).toBe(record.transcript.filter((e) => e.t <= at).length);
    }
  });

  it('counts a decision taken at its time as taken', () => {
    expect(momentAt(record, 3 * MIN - 1000).decision).toBe(-1);
    expect(momentAt(record, 3 * MIN).decision).toBe(1);
    expect(momentAt(record, 11 * MIN - 1000).decision).toBe(1);
    expect(momentAt(record, 11 * MIN).decision).toBe(3);
  });

  it('steps between decision times, not between decisions of one second', () => {
    expect(nextDecisionTime(record, 0)).toBe(3 * MIN);
    expect(nextDecisionTime(record, 3 * MIN)).toBe(11 * MIN);
    expect(nextDecisionTime(record, 11 * MIN)).toBeNull();
    expect(previousDecisionTime(record, 11 * MIN)).toBe(3 * MIN);
    expect(previousDecisionTime(record, 3 * MIN)).toBeNull();
    expect(previousDecisionTime(record, record.endMs)).toBe(11 * MIN);
  });

  it('reads the metrics at its time from the recorded series', () => {
    const s = new IncidentSession(sc);
    s.advanceTo(9 * MIN);
    const m = momentAt(record, 9 * MIN);
    const metrics = s.run.sim.recorder.metrics;
    expect(m.values[0]).toBe(metrics.latest(M.api_error_ratio!));
    expect(m.values[1]).toBe(metrics.latest(M.api_p99!));
    expect(m.values[0]).toBeGreaterThan(0);
    expect(momentAt(record, 0).values).toEqual([null, null]);
  });

  it('lists the pages open at its time, acknowledged or not', () => {
    const at = (t: number) => momentAt(record, t).pages.map((p) => [p.page.name, p.state]);
    // RedisLatencyHigh fires at 9:19, APIHighErrorRate at 10:19 (see tests/session.test.ts).
    expect(at(9 * MIN)).toEqual([]);
    expect(at(10 * MIN)).toEqual([['RedisLatencyHigh', 'triggered']]);
    expect(at(11 * MIN - 1000)).toContainEqual(['APIHighErrorRate', 'triggered']);
    expect(at(11 * MIN)).toContainEqual(['APIHighErrorRate', 'acknowledged']);
    expect(at(record.endMs).map(([name]) => name)).not.toContain('APIHighErrorRate');
  });

  it('clamps its time to whole seconds within the record', () => {
    expect(momentAt(record, -5).t).toBe(0);
    expect(momentAt(record, 61_500).t).toBe(61_000);
    expect(momentAt(record, record.endMs + 60_000).t).toBe(record.endMs);
  });

  it('finds counts and values by binary search', () => {
    const items = [{ t: 0 }, { t: 1000 }, { t: 1000 }, { t: 3000 }];
    expect([-1, 0, 999, 1000, 2999, 3000].map((at) => countUpTo(items, at))).toEqual([
      0, 1, 1, 3, 3, 4,
    ]);
    const series = {
      key: 'x',
      role: 'guard' as const,
      unit: 'count' as const,
      times: [1000, 2000],
      values: [5, 7],
      thresholds: [],
    };
    expect([0, 1000, 1500, 2000, 9000].map((at) => valueAt(series, at))).toEqual([
      null,
      5,
      5,
      7,
      7,
    ]);
  });
});
