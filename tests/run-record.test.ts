/**
 * Run records: a run saved as data plays again exactly, survives a trip through its file format,
 * and untrusted files are refused with problems that name where they are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlayerAction } from '../src/actions/vocabulary.ts';
import {
  RUN_RECORD_LIMITS,
  parseRunRecord,
  recordFit,
  replayMatches,
  replayRecord,
  runRecordOf,
  serializeRunRecord,
} from '../src/session/run-record.ts';
import type { RunRecord } from '../src/session/run-record.ts';
import { IncidentSession } from '../src/session/session.ts';
import type { SessionInput } from '../src/session/session.ts';
import { scenario } from './console/views.ts';

/** A short run with every kind of input: console lines, Ctrl-C, channel and pager actions. */
function played(): IncidentSession {
  const s = new IncidentSession(scenario('pool-exhaustion-leak'));
  s.advanceTo(2 * 60_000);
  s.exec('kubectl get pods');
  s.interrupt();
  s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' }, 'channel');
  s.perform({ type: 'hypothesis', text: 'connections leak in the new release' }, 'channel');
  s.advanceTo(5 * 60_000);
  s.exec('kubectl -n kube-system scale deployment coredns --replicas=4');
  s.advanceTo(7 * 60_000);
  return s;
}

const record = (overrides: Partial<RunRecord> = {}): RunRecord => ({
  format: 'on-call-drill/run',
  version: 1,
  scenarioId: 'pool-exhaustion-leak',
  scenarioVersion: 1,
  seed: 4242,
  mode: 'practice',
  t: 60_000,
  inputs: [],
  ...overrides,
});

const problemsOf = (data: unknown): readonly string[] => {
  const parsed = parseRunRecord(JSON.stringify(data));
  return parsed.ok ? [] : parsed.problems;
};

describe('a run record', () => {
  const session = played();
  const original = runRecordOf(session, 'practice');

  it('holds the scenario, seed, mode, inputs, time reached and state hash', () => {
    expect(original).toMatchObject({
      format: 'on-call-drill/run',
      version: 1,
      scenarioId: 'pool-exhaustion-leak',
      scenarioVersion: session.scenario.version,
      seed: session.scenario.seed,
      mode: 'practice',
      t: 7 * 60_000,
      finalHash: session.run.sim.hash(),
    });
    expect(original.inputs.map((i) => i.kind)).toEqual([
      'line',
      'interrupt',
      'action',
      'action',
      'line',
    ]);
  });

  it('serialized, parsed and replayed, gives the same state hash, timeline and incident', () => {
    const parsed = parseRunRecord(serializeRunRecord(original));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.record).toEqual(original);
    const again = replayRecord(session.scenario, parsed.record);
    expect(again.t).toBe(session.t);
    expect(again.run.sim.hash()).toBe(session.run.sim.hash());
    expect(JSON.stringify(again.run.timeline)).toBe(JSON.stringify(session.run.timeline));
    expect(again.incident).toEqual(session.incident);
    expect(again.inputs).toEqual(session.inputs);
    expect(replayMatches(again, parsed.record)).toBe('exact');
  });

  it('replays a finished run exactly too (the story ended before the record did)', () => {
    const s = new IncidentSession(scenario('pool-exhaustion-leak'));
    s.advanceTo(5 * 60_000);
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(7 * 60_000);
    expect(s.ended).toBe(true);
    // Typing after the end is recorded too, at the time the story ended.
    s.exec('kubectl get pods');
    const r = runRecordOf(s, 'practice');
    const parsed = parseRunRecord(serializeRunRecord(r));
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const again = replayRecord(s.scenario, parsed.record);
    expect(replayMatches(again, parsed.record)).toBe('exact');
    expect(again.run.ended).toEqual(s.run.ended);
  });

  it('tells a replay that went elsewhere from an exact one', () => {
    const shorter = replayRecord(session.scenario, { ...original, t: original.t - 60_000 });
    expect(replayMatches(shorter, original)).toBe('differs');
    const { finalHash: _ignored, ...unhashed } = original;
    expect(replayMatches(shorter, unhashed)).toBe('unchecked');
  });

  it('writes the same file for the same run, with a fixed key order', () => {
    const text = serializeRunRecord(original);
    expect(serializeRunRecord(runRecordOf(session, 'practice'))).toBe(text);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'format',
      'version',
      'scenarioId',
      'scenarioVersion',
      'seed',
      'mode',
      't',
      'finalHash',
      'inputs',
    ]);
    // Keys of an action are ordered even when the action was built in another order.
    const shuffled = record({
      inputs: [
        {
          at: 0,
          kind: 'action',
          source: 'channel',
          action: { title: 'x', severity: 'SEV1', type: 'declareIncident' },
        },
      ],
    });
    expect(serializeRunRecord(shuffled, 0)).toContain(
      '"action":{"type":"declareIncident","severity":"SEV1","title":"x"}',
    );
  });

  it('refuses to replay on another scenario, and replays another version with a warning', () => {
    const other = { ...session.scenario, id: 'dns-lookup-storm' };
    expect(recordFit(other, original)).toEqual({
      kind: 'otherScenario',
      recorded: 'pool-exhaustion-leak',
      current: 'dns-lookup-storm',
    });
    expect(() => replayRecord(other, original)).toThrow(RangeError);
    const newer = { ...session.scenario, version: session.scenario.version + 1 };
    expect(recordFit(newer, original)).toEqual({
      kind: 'otherVersion',
      recorded: session.scenario.version,
      current: session.scenario.version + 1,
    });
    expect(recordFit(session.scenario, original)).toEqual({ kind: 'same' });
  });
});

describe('parsing untrusted records', () => {
  it('names the path of every problem', () => {
    const problems = problemsOf({
      ...record(),
      seed: -1,
      t: 'soon',
      extra: true,
      inputs: [
        { at: 0, kind: 'line', line: 'kubectl get pods' },
        { at: 1000, kind: 'action', source: 'panel', action: { type: 'rebootEverything' } },
        { at: 2000, kind: 'action', source: 'panel', action: { type: 'scale', deployment: 'api' } },
        { at: 3000, kind: 'action', source: 'telepathy', action: { type: 'flushCache' } },
        { at: 4000, kind: 'dance' },
        { at: 5000, kind: 'interrupt', line: 'x' },
      ],
    });
    const paths = problems.map((p) => p.slice(0, p.indexOf(':')));
    expect(paths).toEqual([
      'extra',
      'seed',
      't',
      'inputs[1].action.type',
      'inputs[2].action.replicas',
      'inputs[3].source',
      'inputs[4].kind',
      'inputs[5].line',
    ]);
  });

  it('requires inputs in time order, within the record', () => {
    expect(
      problemsOf(
        record({
          t: 5000,
          inputs: [
            { at: 2000, kind: 'interrupt' },
            { at: 1000, kind: 'interrupt' },
            { at: 9000, kind: 'interrupt' },
          ],
        }),
      ),
    ).toEqual([
      'inputs[1].at: 1000 is before the input above (2000)',
      "inputs[2].at: 9000 is after the record's end t (5000)",
    ]);
  });

  it('says what kind of file it expected', () => {
    expect(parseRunRecord('{"version":')).toEqual({ ok: false, problems: ['not valid JSON'] });
    expect(problemsOf([1, 2])).toEqual(['not an object']);
    expect(problemsOf({ ...record(), format: 'something-else' })).toEqual([
      'format: expected "on-call-drill/run"',
    ]);
    expect(problemsOf({ ...record(), version: 2 })).toEqual(['version: expected 1, found 2']);
  });

  it('bounds sizes: text, number of inputs, line length, simulated time', () => {
    const big = parseRunRecord(' '.repeat(RUN_RECORD_LIMITS.textChars + 1));
    expect(big.ok).toBe(false);
    const many: SessionInput[] = Array.from({ length: RUN_RECORD_LIMITS.inputs + 1 }, () => ({
      at: 0,
      kind: 'interrupt',
    }));
    expect(problemsOf(record({ inputs: many }))).toEqual([
      `inputs: more than ${RUN_RECORD_LIMITS.inputs} inputs`,
    ]);
    const long: SessionInput = {
      at: 0,
      kind: 'line',
      line: 'x'.repeat(RUN_RECORD_LIMITS.lineChars + 1),
    };
    expect(problemsOf(record({ inputs: [long] }))).toEqual([
      `inputs[0].line: longer than ${RUN_RECORD_LIMITS.lineChars} characters`,
    ]);
    expect(problemsOf(record({ t: RUN_RECORD_LIMITS.t + 1000 }))[0]).toMatch(/^t: /);
  });

  it('lists at most twenty problems', () => {
    const bad = Array.from({ length: 50 }, () => ({ at: 0, kind: 'dance' }));
    expect(problemsOf({ ...record(), inputs: bad })).toHaveLength(20);
  });

  it('never throws on any text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const parsed = parseRunRecord(text);
        if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});

const arbAction: fc.Arbitrary<PlayerAction> = fc.oneof(
  fc.record({
    type: fc.constant('scale' as const),
    deployment: fc.constantFrom('api' as const, 'web' as const, 'coredns' as const),
    replicas: fc.nat(20),
  }),
  fc.record({ type: fc.constant('hypothesis' as const), text: fc.string({ minLength: 1 }) }),
  fc.record({
    type: fc.constant('page' as const),
    target: fc.constantFrom('secondary' as const, 'dba' as const),
    message: fc.string({ maxLength: 50 }),
  }),
  fc.record(
    {
      type: fc.constant('inspect' as const),
      target: fc.constant('pods' as const),
      subject: fc.string(),
    },
    { requiredKeys: ['type', 'target'] },
  ),
  fc.record({ type: fc.constant('flushCache' as const) }),
);

const arbInput: fc.Arbitrary<SessionInput> = fc.oneof(
  fc.record({ at: fc.constant(0), kind: fc.constant('line' as const), line: fc.string() }),
  fc.record({ at: fc.constant(0), kind: fc.constant('interrupt' as const) }),
  fc.record({
    at: fc.constant(0),
    kind: fc.constant('action' as const),
    action: arbAction,
    source: fc.constantFrom('panel' as const, 'channel' as const, 'facilitator' as const),
  }),
);

const arbRecord: fc.Arbitrary<RunRecord> = fc
  .record({
    scenarioId: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
    scenarioVersion: fc.integer({ min: 1, max: 99 }),
    seed: fc.nat(0xffff_ffff),
    mode: fc.constantFrom('practice', 'interview'),
    inputs: fc.array(fc.tuple(fc.nat(3_600), arbInput), { maxLength: 30 }),
    extra: fc.nat(600),
    finalHash: fc.option(fc.stringMatching(/^[0-9a-f]{16}$/), { nil: undefined }),
  })
  .map(({ inputs, extra, finalHash, ...rest }) => {
    const seconds = inputs.map(([s]) => s).sort((a, b) => a - b);
    const stamped = inputs.map(([, input], i) => ({ ...input, at: seconds[i]! * 1000 }));
    const last = seconds.at(-1) ?? 0;
    return {
      format: 'on-call-drill/run' as const,
      version: 1 as const,
      ...rest,
      t: (last + extra) * 1000,
      inputs: stamped,
      ...(finalHash === undefined ? {} : { finalHash }),
    };
  });

describe('any valid record', () => {
  it('round-trips through its file format, pretty or compact', () => {
    fc.assert(
      fc.property(arbRecord, fc.constantFrom(0, 2), (r, indent) => {
        const parsed = parseRunRecord(serializeRunRecord(r, indent));
        if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
        expect(parsed.record).toEqual(r);
      }),
    );
  });
});
