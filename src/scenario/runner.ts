/**
 * Runs a scenario: its statechart (xstate, on a simulated clock) over the simulation. Each
 * simulated second the sim steps, the clock advances, and the machine sees the new metrics;
 * player actions go to the sim as levers and to the machine as `player.<action>` events. What
 * the story does (faults, messages, hints, milestones, the end) lands on the timeline.
 */
import { assign, createActor, setup, SimulatedClock } from 'xstate';
import type { AnyActorRef } from 'xstate';
import { M, SimRun, STEP_MS } from '../sim/index.ts';
import type { FaultKind, FaultSpec, SimAction } from '../sim/index.ts';
import { makeFault } from '../sim/index.ts';
import { configFor } from './config.ts';
import type { ScenarioFile } from './schema.ts';
import { toMs } from './vocabulary.ts';

/** Anything a player did, as the story and the timeline see it. Levers are also sim actions. */
export type PlayerRecord = { readonly type: string } & Readonly<Record<string, unknown>>;

/** Where an action came from. */
export type ActionSource = 'console' | 'panel' | 'channel' | 'facilitator' | 'script';

/** A console line and what it printed: the evidence behind a timeline entry. */
export type Evidence = { line: string; output: string; exit: number };

/** How an action reached the run, for the timeline. */
export type ActionOrigin = { source: ActionSource; via?: Evidence };

export type TimelineEntry =
  | { t: number; kind: 'fault'; id: string; fault: FaultKind }
  | { t: number; kind: 'faultCleared'; id: string }
  | { t: number; kind: 'deploy'; deployment: string; version: string }
  | { t: number; kind: 'alert'; name: string; severity: string; summary: string }
  | { t: number; kind: 'alertResolved'; name: string }
  | { t: number; kind: 'message'; from: string; role: string; text: string }
  /** A hint the story offers, or (`by`) a clue a facilitator revealed. */
  | { t: number; kind: 'hint'; level: number; text: string; by?: 'facilitator' }
  | { t: number; kind: 'milestone'; name: string }
  | {
      t: number;
      kind: 'action';
      action: PlayerRecord;
      /** A lever changes the system; other actions are looks and communication. */
      lever: boolean;
      source: ActionSource;
      via?: Evidence;
    }
  /** A console line that did nothing the story tracks (a typo, `help`, a filter). */
  | { t: number; kind: 'command'; via: Evidence }
  /** A teammate or another team answering (text from the message catalogue). */
  | {
      t: number;
      kind: 'reply';
      from: string;
      role: string;
      key: string;
      params: Record<string, string | number>;
    }
  | { t: number; kind: 'end'; outcome: string; reason: string };

type Context = {
  t: number;
  metrics: Record<string, number>;
  held: Record<string, number>;
  milestones: string[];
};

type MetricGuard = { metric: string; value: number; for?: number | string; above: boolean };

/** A key for one metric condition, shared by the tracker and the guard. */
const conditionKey = (g: MetricGuard): string => `${g.above ? '>' : '<'}${g.metric}:${g.value}`;

/** Converts `after` keys written as durations into the milliseconds xstate expects. */
function toXstateConfig(machine: ScenarioFile['machine']): Record<string, unknown> {
  const states: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(machine.states)) {
    const copy: Record<string, unknown> = { ...node };
    if (node.after)
      copy['after'] = Object.fromEntries(
        Object.entries(node.after).map(([k, v]) => [String(toMs(k)), v]),
      );
    states[name] = copy;
  }
  return {
    id: machine.id,
    initial: machine.initial,
    states,
    on: { 'sim.tick': { actions: 'recordTick' } },
  };
}

/** Every metric condition the machine's guards use, so the runner can track how long each held. */
function metricGuards(machine: ScenarioFile['machine']): MetricGuard[] {
  const out: MetricGuard[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as { type?: unknown; params?: MetricGuard };
      if ((o.type === 'metricAbove' || o.type === 'metricBelow') && o.params)
        out.push({ ...o.params, above: o.type === 'metricAbove' });
      Object.values(v).forEach(visit);
    }
  };
  visit(machine.states);
  return out;
}

function matches(
  expected: Record<string, unknown> | undefined,
  actual: Record<string, unknown>,
): boolean {
  if (!expected) return true;
  return Object.entries(expected).every(
    ([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v),
  );
}

export class ScenarioRun {
  readonly sim: SimRun;
  readonly timeline: TimelineEntry[] = [];
  ended: { outcome: string; t: number } | null = null;
  /** Each stage the story entered (its machine state) and when: discussion prompts follow these. */
  readonly stages: { t: number; stage: string }[] = [];
  private readonly clock = new SimulatedClock();
  private readonly actor: AnyActorRef;
  private readonly conditions: MetricGuard[];
  private readonly heldSince: Record<string, number> = {};

  constructor(
    readonly scenario: ScenarioFile,
    seed: number = scenario.seed,
  ) {
    this.sim = new SimRun(seed, configFor(scenario));
    this.conditions = metricGuards(scenario.machine);
    // Arrow functions below keep `this`: the story writes to this run's sim and timeline.
    const now = (): number => this.sim.t;
    const machine = setup({
      types: { context: {} as Context },
      actions: {
        recordTick: assign(({ event }) => {
          const e = event as unknown as {
            t: number;
            metrics: Record<string, number>;
            held: Record<string, number>;
          };
          return { t: e.t, metrics: e.metrics, held: e.held };
        }),
        injectFault: (_, p: { id: string; kind: string; params?: Record<string, unknown> }) => {
          const fault = makeFault(
            p.kind as FaultKind,
            (p.params ?? {}) as Partial<Omit<FaultSpec, 'kind'>>,
          ) as FaultSpec;
          this.sim.schedule({ type: 'injectFault', id: p.id, fault });
          this.timeline.push({ t: now(), kind: 'fault', id: p.id, fault: p.kind as FaultKind });
        },
        clearFault: (_, p: { id: string }) => {
          this.sim.schedule({ type: 'clearFault', id: p.id });
          this.timeline.push({ t: now(), kind: 'faultCleared', id: p.id });
        },
        deploy: (_, p: { deployment: 'api' | 'web'; version: string }) => {
          this.sim.schedule({
            type: 'deploy',
            deployment: p.deployment,
            version: p.version,
            changeCause: `pipeline: deploy ${p.version}`,
          });
          this.timeline.push({ t: now(), kind: 'deploy', ...p });
        },
        fireAlert: (_, p: { name: string; severity: string; summary: string }) =>
          this.timeline.push({ t: now(), kind: 'alert', ...p }),
        resolveAlert: (_, p: { name: string }) =>
          this.timeline.push({ t: now(), kind: 'alertResolved', name: p.name }),
        say: (_, p: { from: string; role: string; text: string }) =>
          this.timeline.push({ t: now(), kind: 'message', ...p }),
        hint: (_, p: { level: number; text: string }) =>
          this.timeline.push({ t: now(), kind: 'hint', ...p }),
        // A milestone is reached once: the first time counts for the scores.
        milestone: assign(({ context }, p: { name: string }) => {
          if (context.milestones.includes(p.name)) return {};
          this.timeline.push({ t: now(), kind: 'milestone', name: p.name });
          return { milestones: [...context.milestones, p.name] };
        }),
        end: (_, p: { outcome: string; reason?: string }) => {
          this.ended ??= { outcome: p.outcome, t: now() };
          this.timeline.push({ t: now(), kind: 'end', outcome: p.outcome, reason: p.reason ?? '' });
        },
      },
      guards: {
        metricAbove: ({ context }, p: MetricGuard) => held(context, { ...p, above: true }),
        metricBelow: ({ context }, p: MetricGuard) => held(context, { ...p, above: false }),
        playerDid: ({ event }, p: { action: string; params?: Record<string, unknown> }) => {
          const e = event as unknown as { type: string; action?: SimAction };
          return (
            e.type === `player.${p.action}` &&
            e.action !== undefined &&
            matches(p.params, e.action as unknown as Record<string, unknown>)
          );
        },
        elapsed: ({ context }, p: { after: number | string }) => context.t >= toMs(p.after),
        milestoneReached: ({ context }, p: { name: string }) => context.milestones.includes(p.name),
      },
    }).createMachine({
      ...(toXstateConfig(scenario.machine) as object),
      context: { t: 0, metrics: {}, held: {}, milestones: [] },
    } as never);
    this.actor = createActor(machine, { clock: this.clock }).start();
    this.noteStage();
  }

  private noteStage(): void {
    const stage = this.state;
    if (this.stages.at(-1)?.stage !== stage) this.stages.push({ t: this.sim.t, stage });
  }

  /** The state the story is in, e.g. `degraded`. */
  get state(): string {
    return String((this.actor.getSnapshot() as { value: unknown }).value);
  }

  /** Runs one simulated second. */
  step(): void {
    this.sim.stepOnce();
    this.clock.increment(STEP_MS);
    const metrics: Record<string, number> = {};
    const held: Record<string, number> = {};
    for (const c of this.conditions) {
      const v = this.sim.recorder.metrics.latest(M[c.metric]!);
      metrics[c.metric] = v;
      const key = conditionKey(c);
      const ok = c.above ? v > c.value : v < c.value;
      if (!ok) delete this.heldSince[key];
      else this.heldSince[key] ??= this.sim.t;
      held[key] = this.heldSince[key] === undefined ? -1 : this.sim.t - this.heldSince[key]!;
    }
    // A delayed transition may have just ended the story; a finished machine takes no events.
    if ((this.actor.getSnapshot() as { status: string }).status === 'active')
      this.actor.send({ type: 'sim.tick', t: this.sim.t, metrics, held } as never);
    this.noteStage();
  }

  /** A player's lever: applied by the sim at the next step, seen by the story now. */
  act(action: SimAction, origin: ActionOrigin = { source: 'script' }): void {
    this.sim.schedule(action);
    this.record(action as unknown as PlayerRecord, true, origin);
  }

  /** Something the player did that changes nothing in the system (a look, a message). */
  notice(action: PlayerRecord, origin: ActionOrigin = { source: 'script' }): void {
    this.record(action, false, origin);
  }

  /** A console line with nothing for the story: kept on the timeline as evidence. */
  command(via: Evidence): void {
    this.timeline.push({ t: this.sim.t, kind: 'command', via });
  }

  /** An alert from outside the story (a facilitator's inject): the pager takes it like the story's. */
  fireAlert(alert: { name: string; severity: string; summary: string }): void {
    this.timeline.push({ t: this.sim.t, kind: 'alert', ...alert });
  }

  resolveAlert(name: string): void {
    this.timeline.push({ t: this.sim.t, kind: 'alertResolved', name });
  }

  /** A clue from the answer key, revealed by a facilitator: shown as the story's hints are. */
  clue(level: number, text: string): void {
    this.timeline.push({ t: this.sim.t, kind: 'hint', level, text, by: 'facilitator' });
  }

  /** A teammate's or another team's answer, from the session's responders. */
  reply(entry: Omit<Extract<TimelineEntry, { kind: 'reply' }>, 't' | 'kind'>): void {
    this.timeline.push({ t: this.sim.t, kind: 'reply', ...entry });
  }

  private record(action: PlayerRecord, lever: boolean, origin: ActionOrigin): void {
    this.timeline.push({
      t: this.sim.t,
      kind: 'action',
      action,
      lever,
      source: origin.source,
      ...(origin.via ? { via: origin.via } : {}),
    });
    if ((this.actor.getSnapshot() as { status: string }).status !== 'active') return;
    this.actor.send({ type: `player.${action.type}`, action } as never);
    this.noteStage();
  }

  /** Steps until `t`, or until the story ends. */
  runUntil(t: number): void {
    while (this.sim.t < t && this.ended === null) this.step();
  }
}

function held(context: Context, g: MetricGuard): boolean {
  const d = context.held[conditionKey(g)];
  if (d === undefined || d < 0) return false;
  return d >= (g.for === undefined ? 0 : toMs(g.for));
}
