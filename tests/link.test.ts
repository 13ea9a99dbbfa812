/**
 * The lockstep link: a follower window plays the same run as the host from its inputs and clock
 * alone, stays byte-identical (state hashes agree), recovers from a missed message, and sends the
 * facilitator's commands back to the host, which performs them as inputs of the run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLinkHost } from '../src/link/host.ts';
import type { HostedRun } from '../src/link/host.ts';
import { createMirror } from '../src/link/mirror.ts';
import type { Mirror } from '../src/link/mirror.ts';
import type { LinkChannel, RunMeta } from '../src/link/protocol.ts';
import { readFollowerMessage, readHostMessage } from '../src/link/protocol.ts';
import { IncidentSession } from '../src/session/session.ts';
import { scenario } from './console/views.ts';

/** An in-memory BroadcastChannel: a message reaches every other channel on the bus, in order. */
class Bus {
  private readonly channels = new Set<FakeChannel>();
  private readonly queue: { from: FakeChannel; data: unknown }[] = [];
  /** Messages posted, for assertions. */
  readonly log: unknown[] = [];
  open(): FakeChannel {
    const c = new FakeChannel(this);
    this.channels.add(c);
    return c;
  }
  post(from: FakeChannel, data: unknown): void {
    this.log.push(data);
    // Structured clone, as a real channel does: no shared objects between windows.
    this.queue.push({ from, data: structuredClone(data) });
  }
  close(c: FakeChannel): void {
    this.channels.delete(c);
  }
  /** Delivers until nothing is left (messages may cause messages). `drop` loses matching ones. */
  flush(drop: (data: unknown) => boolean = () => false): void {
    for (let m = this.queue.shift(); m; m = this.queue.shift()) {
      if (drop(m.data)) continue;
      for (const c of this.channels) if (c !== m.from) c.deliver(m.data);
    }
  }
}

class FakeChannel implements LinkChannel {
  private readonly listeners = new Set<(e: MessageEvent) => void>();
  constructor(private readonly bus: Bus) {}
  postMessage(data: unknown): void {
    this.bus.post(this, data);
  }
  addEventListener(_: 'message', l: (e: MessageEvent) => void): void {
    this.listeners.add(l);
  }
  removeEventListener(_: 'message', l: (e: MessageEvent) => void): void {
    this.listeners.delete(l);
  }
  close(): void {
    this.bus.close(this);
  }
  deliver(data: unknown): void {
    for (const l of this.listeners) l({ data } as MessageEvent);
  }
}

/** Timers the test drives by hand. */
function manualTimers() {
  let now = 0;
  const jobs: { ms: number; next: number; run: () => void }[] = [];
  return {
    now: () => now,
    every(ms: number, run: () => void) {
      const job = { ms, next: now + ms, run };
      jobs.push(job);
      return () => jobs.splice(jobs.indexOf(job), 1);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const job = jobs.filter((j) => j.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!job) break;
        now = job.next;
        job.next += job.ms;
        job.run();
      }
      now = end;
    },
  };
}

const POOL = scenario('pool-exhaustion-leak');
const META: RunMeta = {
  runId: 'run00001',
  scenarioId: POOL.id,
  scenarioVersion: POOL.version,
  seed: POOL.seed,
  mode: 'classroom',
  limitMs: null,
  title: POOL.title,
};

/** A host window playing the pool flagship, and one follower. */
function setUp(options: { meta?: RunMeta } = {}) {
  const bus = new Bus();
  const timers = manualTimers();
  const session = new IncidentSession(POOL);
  let speed = 1;
  const run: HostedRun = {
    meta: options.meta ?? META,
    inputs: () => session.inputs,
    t: () => session.t,
    speed: () => speed,
    ended: () => session.ended,
    hash: () => session.run.sim.hash(),
    setSpeed: (s) => (speed = s),
    perform: (action) => session.perform(action, 'facilitator'),
  };
  const host = createLinkHost(bus.open(), run, timers);
  let changes = 0;
  const mirror = createMirror(bus.open(), {
    runId: META.runId,
    resolveScenario: async (meta) => (meta.scenarioId === POOL.id ? POOL : null),
    onChange: () => (changes += 1),
    timers,
  });
  /** Lets the scenario promise settle and the bus deliver. */
  const settle = async (drop?: (data: unknown) => boolean) => {
    for (let i = 0; i < 3; i += 1) {
      bus.flush(drop);
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  const play = (ms: number) => {
    session.advanceTo(session.t + ms);
    host.sync();
  };
  return {
    bus,
    timers,
    session,
    host,
    mirror,
    settle,
    play,
    speed: () => speed,
    changes: () => changes,
  };
}

const sameRun = (mirror: Mirror, session: IncidentSession) => {
  expect(mirror.session?.t).toBe(session.t);
  expect(mirror.session?.run.sim.hash()).toBe(session.run.sim.hash());
  expect(JSON.stringify(mirror.session?.run.timeline)).toBe(JSON.stringify(session.run.timeline));
};

describe('the lockstep link', () => {
  it('a follower joining mid-run rebuilds the same run from the record, then follows it', async () => {
    const w = setUp();
    w.session.advanceTo(90_000);
    w.session.exec('kubectl get pods -n shop');
    w.session.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout' }, 'channel');
    await w.settle();
    expect(w.mirror.link).toBe('inSync');
    sameRun(w.mirror, w.session);
    w.play(60_000);
    w.session.exec('psql -c "select state, count(*) from pg_stat_activity group by 1"');
    w.play(30_000);
    await w.settle();
    sameRun(w.mirror, w.session);
    expect(w.mirror.session!.incident).toEqual(w.session.incident);
  });

  it('stays byte-identical through any mix of steps, console lines and actions', async () => {
    const step = fc.record({
      ms: fc.integer({ min: 0, max: 40_000 }),
      act: fc.constantFrom(
        null,
        'kubectl get pods -n shop',
        'kubectl rollout undo deployment/api -n shop',
        'helo',
        { type: 'hypothesis', text: 'pool leak' },
        { type: 'inject', event: 'secondAlert' },
        { type: 'inject', event: 'teammateOffline' },
        { type: 'assignRole', role: 'scribe', person: 'secondary' },
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const w = setUp();
        await w.settle();
        for (const { ms, act } of steps) {
          if (typeof act === 'string') w.session.exec(act);
          else if (act) w.session.perform(act, 'facilitator');
          w.play(ms);
          await w.settle();
          sameRun(w.mirror, w.session);
        }
        w.host.close();
      }),
      { numRuns: 12 },
    );
  });

  it('the facilitator’s commands reach the host: pause, resume and actions as inputs', async () => {
    const w = setUp();
    await w.settle();
    w.mirror.send({ type: 'pause' });
    await w.settle();
    expect(w.speed()).toBe(0);
    expect(w.mirror.speed).toBe(0);
    w.mirror.send({ type: 'resume' });
    await w.settle();
    expect(w.speed()).toBe(1);
    w.play(30_000);
    w.mirror.send({ type: 'perform', action: { type: 'inject', event: 'executiveEta' } });
    w.mirror.send({ type: 'perform', action: { type: 'facilitatorNote', text: 'asked for SLOs' } });
    await w.settle();
    expect(w.session.inputs.map((i) => i.kind === 'action' && i.source)).toEqual([
      'facilitator',
      'facilitator',
    ]);
    expect(w.mirror.session!.incident.facilitatorNotes).toEqual([
      { t: 30_000, text: 'asked for SLOs' },
    ]);
    sameRun(w.mirror, w.session);
  });

  it('a command that is not a valid action changes nothing', async () => {
    const w = setUp();
    await w.settle();
    w.mirror.send({ type: 'perform', action: { type: 'dropDatabase' } });
    w.mirror.send({ type: 'perform', action: '<script>' });
    await w.settle();
    expect(w.session.inputs).toHaveLength(0);
  });

  it('a lost input is noticed by its index and the follower rebuilds from the record', async () => {
    const w = setUp();
    await w.settle();
    w.session.exec('kubectl get pods -n shop');
    w.session.exec('kubectl top pods -n shop');
    w.play(10_000);
    const isFirst = (d: unknown) =>
      readHostMessage(d)?.kind === 'input' && (d as { index: number }).index === 0;
    await w.settle(isFirst);
    // The second input arrives with a gap before it: the follower asks for the record again.
    expect(w.bus.log.filter((m) => readFollowerMessage(m)?.kind === 'join')).toHaveLength(2);
    sameRun(w.mirror, w.session);
    expect(w.mirror.link).toBe('inSync');
  });

  it('a copy that drifted is caught by the hash and rebuilt', async () => {
    const w = setUp();
    await w.settle();
    // Something only this window did: its state no longer matches the host's.
    w.mirror.session!.perform({ type: 'scale', deployment: 'api', replicas: 9 }, 'panel');
    w.play(HASH_STEP);
    await w.settle();
    expect(w.mirror.link).toBe('inSync');
    sameRun(w.mirror, w.session);
    expect(w.mirror.session!.inputs).toHaveLength(0);
  });

  it('says lost when the host goes quiet or leaves, and finds it again', async () => {
    const w = setUp();
    await w.settle();
    expect(w.mirror.link).toBe('inSync');
    w.host.close();
    await w.settle();
    expect(w.mirror.link).toBe('lost');

    const quiet = setUp();
    await quiet.settle();
    // A heartbeat every second keeps it in sync while paused...
    quiet.timers.advance(5_000);
    await quiet.settle();
    expect(quiet.mirror.link).toBe('inSync');
    // ...and silence (the host's messages lost) makes it lost.
    quiet.timers.advance(5_000);
    quiet.bus.flush(() => true);
    expect(quiet.mirror.link).toBe('lost');
    quiet.timers.advance(3_000);
    await quiet.settle();
    expect(quiet.mirror.link).toBe('inSync');
  });

  it('ignores other runs and malformed messages', async () => {
    const w = setUp({ meta: { ...META, runId: 'other123' } });
    await w.settle();
    expect(w.mirror.link).toBe('waiting');
    expect(w.mirror.session).toBeNull();
    for (const junk of [null, 7, 'tick', { kind: 'tick', runId: META.runId, t: -5, speed: 1 }]) {
      expect(readHostMessage(junk)).toBeNull();
    }
    expect(
      readHostMessage({
        kind: 'input',
        runId: 'x',
        index: 0,
        input: { at: 0, kind: 'action', source: 'panel', action: { type: 'nope' } },
      }),
    ).toBeNull();
    expect(
      readFollowerMessage({ kind: 'command', runId: 'x', command: { type: 'eval' } }),
    ).toBeNull();
  });

  it('a run of a scenario this window does not have is reported, not followed', async () => {
    const bus = new Bus();
    const timers = manualTimers();
    const session = new IncidentSession(POOL);
    const host = createLinkHost(
      bus.open(),
      {
        meta: META,
        inputs: () => session.inputs,
        t: () => session.t,
        speed: () => 1,
        ended: () => false,
        hash: () => session.run.sim.hash(),
        setSpeed: () => {},
        perform: () => ({ ok: true }),
      },
      timers,
    );
    const missing: string[] = [];
    const mirror = createMirror(bus.open(), {
      runId: META.runId,
      resolveScenario: async () => null,
      onMissingScenario: (meta) => missing.push(meta.scenarioId),
      onChange: () => {},
      timers,
    });
    bus.flush();
    await Promise.resolve();
    await Promise.resolve();
    expect(missing).toEqual([POOL.id]);
    expect(mirror.session).toBeNull();
    host.close();
  });
});

const HASH_STEP = 10_000;
