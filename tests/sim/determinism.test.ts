/**
 * Determinism: a run is a pure function of its seed, its config and its timestamped actions. Two
 * runs with the same inputs agree on every state hash, metric sample and formatted log line; a
 * step never mutates the state it is given; and a state saved as JSON continues identically.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makeFault,
  METRIC_COUNT,
  Recorder,
  serializeState,
  SimRun,
  step,
} from '../../src/sim/index.ts';
import type { FaultSpec, SimAction, SimState } from '../../src/sim/index.ts';
import { injectFault, logLines, MINUTE, newRun, SECOND, SIM_TIMEOUT_MS } from './helpers.ts';

/** Faults that are cheap to run and exercise different parts of the model. */
const faultArb: fc.Arbitrary<FaultSpec> = fc.oneof(
  fc
    .double({ min: 0.01, max: 0.3, noNaN: true })
    .map((share) => makeFault('planRegression', { share })),
  fc
    .double({ min: 0.005, max: 0.05, noNaN: true })
    .map((leakRatio) => makeFault('connectionLeak', { leakRatio })),
  fc.integer({ min: 500, max: 8000 }).map((holdMs) => makeFault('idleInTransaction', { holdMs })),
  fc
    .integer({ min: 10_000, max: 120_000 })
    .map((durationMs) => makeFault('migrationLock', { durationMs })),
  fc.integer({ min: 0, max: 8000 }).map((extraQps) => makeFault('corednsOverload', { extraQps })),
  fc.constant(makeFault('dnsRecord')),
  fc.constant(makeFault('upstreamResolverFailure')),
  fc.constant(makeFault('badRelease')),
  fc.integer({ min: 5, max: 60 }).map((mibPerMinute) => makeFault('memoryLeak', { mibPerMinute })),
  fc
    .double({ min: 1, max: 6, noNaN: true })
    .map((multiplier) => makeFault('trafficSurge', { multiplier })),
  fc.constant(makeFault('writeHeavyJob')),
  fc.constant(makeFault('cacheFlush')),
  fc.integer({ min: 0, max: 600_000 }).map((atMs) => makeFault('certificateExpiry', { atMs })),
  fc
    .integer({ min: 0, max: 9000 })
    .map((extraLatencyMs) => makeFault('slowDependency', { extraLatencyMs })),
);

const FAULT_IDS = ['f0', 'f1', 'f2'] as const;

const actionArb: fc.Arbitrary<SimAction> = fc.oneof(
  fc.record({
    type: fc.constant('injectFault' as const),
    id: fc.constantFrom(...FAULT_IDS),
    fault: faultArb,
  }),
  fc.record({ type: fc.constant('clearFault' as const), id: fc.constantFrom(...FAULT_IDS) }),
  fc.record({
    type: fc.constant('scale' as const),
    deployment: fc.constantFrom('api' as const, 'coredns' as const),
    replicas: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    type: fc.constant('restartDeployment' as const),
    deployment: fc.constantFrom('api' as const, 'web' as const, 'coredns' as const),
  }),
  fc.record({
    type: fc.constant('setPoolSize' as const),
    maxConns: fc.integer({ min: 2, max: 30 }),
  }),
  fc.record({
    type: fc.constant('setPgbouncer' as const),
    defaultPoolSize: fc.integer({ min: 20, max: 200 }),
  }),
  fc.record({
    type: fc.constant('shedLoad' as const),
    ratio: fc.double({ min: 0, max: 0.9, noNaN: true }),
  }),
  fc.record({ type: fc.constant('setRetries' as const), enabled: fc.boolean() }),
  fc.record({
    type: fc.constant('setPostgresSetting' as const),
    name: fc.constantFrom(
      'statement_timeout' as const,
      'idle_in_transaction_session_timeout' as const,
      'max_connections' as const,
    ),
    value: fc.integer({ min: 0, max: 300_000 }),
  }),
  fc.constant<SimAction>({ type: 'restartPostgres' }),
  fc.constant<SimAction>({ type: 'terminateBackends', filter: { state: 'idle in transaction' } }),
  fc.record({
    type: fc.constant('createIndex' as const),
    name: fc.constant('orders_customer_id_status_created_at_idx'),
    table: fc.constant('orders'),
    columns: fc.constant('customer_id, status, created_at DESC'),
    concurrently: fc.boolean(),
  }),
  fc.constant<SimAction>({ type: 'analyzeTable', table: 'orders' }),
  fc.constant<SimAction>({ type: 'flushCache' }),
  fc.constant<SimAction>({ type: 'failover' }),
  fc.constant<SimAction>({ type: 'deploy', deployment: 'api', version: 'v2.14.1' }),
  fc.constant<SimAction>({ type: 'rollback', deployment: 'api' }),
  fc.constant<SimAction>({ type: 'renewCertificate' }),
);

const scheduleArb = fc.array(
  fc.record({ at: fc.integer({ min: 0, max: 4 * MINUTE }), action: actionArb }),
  { maxLength: 6 },
);

const RUN_MS = 5 * MINUTE;

type Outputs = { hash: string; hashes: string[]; metrics: number[][]; logs: string[] };

function runScenario(seed: number, schedule: { at: number; action: SimAction }[]): Outputs {
  const run = new SimRun(seed);
  for (const { at, action } of schedule) run.schedule(action, at);
  const hashes: string[] = [];
  for (let t = 0; t < RUN_MS; t += MINUTE) {
    run.advance(MINUTE);
    hashes.push(run.hash());
  }
  const metrics: number[][] = [];
  for (let c = 0; c < METRIC_COUNT; c++) metrics.push(run.recorder.metrics.values(c));
  return { hash: run.hash(), hashes, metrics, logs: logLines(run).map((l) => l.text) };
}

/** Deep-freezes a value in place, so any write to it (or to anything it holds) throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Inverse of serializeState: the strings it writes for non-finite numbers become numbers again. */
function restoreState(json: string): SimState {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value === 'Infinity') return Number.POSITIVE_INFINITY;
    if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
    if (value === 'NaN') return Number.NaN;
    return value;
  }) as SimState;
}

describe('determinism', { timeout: SIM_TIMEOUT_MS }, () => {
  it('gives identical hashes, metric series and log lines for the same seed and actions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), scheduleArb, (seed, schedule) => {
        const a = runScenario(seed, schedule);
        const b = runScenario(seed, schedule);
        expect(b.hashes).toEqual(a.hashes);
        expect(b.hash).toBe(a.hash);
        expect(b.logs.length).toBe(a.logs.length);
        expect(b.logs).toEqual(a.logs);
        for (let c = 0; c < METRIC_COUNT; c++) expect(b.metrics[c]).toEqual(a.metrics[c]);
      }),
      { numRuns: 8 },
    );
  });

  it('gives different states for different seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 0xfffffffe }),
        (seed, delta) => {
          const other = (seed + delta) >>> 0;
          const a = new SimRun(seed);
          const b = new SimRun(other);
          a.advance(30 * SECOND);
          b.advance(30 * SECOND);
          expect(a.hash()).not.toBe(b.hash());
          // Not only the stored seed differs: the seeded noise makes the traffic differ too.
          expect(a.state.counters.orders.arrived).not.toBe(b.state.counters.orders.arrived);
          expect(a.state.rng).not.toEqual(b.state.rng);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('never mutates the state a step is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(actionArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 240 }),
        (seed, actions, warmSteps) => {
          const run = newRun(seed);
          // A fault gives the step more state to touch (leaks, waiters, migrations...).
          injectFault(run, makeFault('connectionLeak', { leakRatio: 0.05 }), 'leak');
          injectFault(run, makeFault('migrationLock', { durationMs: 60_000 }), 'mig');
          run.advance(warmSteps * SECOND);
          const before = serializeState(run.state);
          const frozen = deepFreeze(run.state);
          // Writing to a frozen object throws in strict-mode code (ES modules), so a mutating step fails here.
          const next = step(frozen, actions, new Recorder());
          expect(serializeState(frozen)).toBe(before);
          expect(next).not.toBe(frozen);
          expect(next.t).toBe(frozen.t + 1000);
          // Stepping the frozen input again gives the same next state.
          const again = step(frozen, actions, new Recorder());
          expect(serializeState(again)).toBe(serializeState(next));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('continues identically after a JSON save and restore (including Infinity while the disk is full)', () => {
    const make = (): SimRun => {
      const run = newRun(7);
      injectFault(
        run,
        makeFault('walRetention', {
          retainedBytes: 280 * 1024 ** 3,
          extraWalBytesPerSec: 256 * 1024 ** 2,
        }),
      );
      injectFault(run, makeFault('connectionLeak'), 'leak');
      return run;
    };
    const original = make();
    original.advance(3 * MINUTE);
    // The disk filled up: the primary is down "until further notice" (Infinity in the state).
    expect(original.state.db.primaryDownUntil).toBe(Number.POSITIVE_INFINITY);
    const saved = serializeState(original.state);
    expect(saved).toContain('"primaryDownUntil":"Infinity"');

    const restored = new SimRun(0);
    restored.state = restoreState(saved);
    expect(restored.hash()).toBe(original.hash());
    expect(restored.state.db.primaryDownUntil).toBe(Number.POSITIVE_INFINITY);

    // The same later actions on both: free the disk, then let the system recover.
    for (const run of [original, restored]) {
      run.schedule({ type: 'dropReplicationSlot', slot: 'debezium_analytics' }, 3 * MINUTE + 5000);
      run.schedule({ type: 'restartDeployment', deployment: 'api' }, 4 * MINUTE);
    }
    const skip = original.recorder.metrics.totalWritten;
    const skipLogs = original.recorder.logs.totalAppended;
    for (let i = 0; i < 4; i++) {
      original.advance(MINUTE);
      restored.advance(MINUTE);
      expect(restored.hash()).toBe(original.hash());
    }
    for (let c = 0; c < METRIC_COUNT; c++)
      expect(restored.recorder.metrics.values(c)).toEqual(
        original.recorder.metrics.values(c).slice(skip),
      );
    const start = original.state.config.startEpochMs;
    const originalLogs: string[] = [];
    for (let seq = skipLogs; seq < original.recorder.logs.totalAppended; seq++)
      originalLogs.push(original.recorder.logs.format(seq, start) ?? '');
    expect(logLines(restored).map((l) => l.text)).toEqual(originalLogs);
    // The restored primary came back once the slot was dropped.
    expect(restored.state.db.primaryUp).toBe(true);
  });
});
