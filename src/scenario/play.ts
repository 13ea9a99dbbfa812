/** Plays a scenario headless with a list of timed actions: what `drill play` prints. */
import { M, METRICS, summarizeRun } from '../sim/index.ts';
import type { SimAction } from '../sim/index.ts';
import { ScenarioRun } from './runner.ts';
import type { ScenarioFile } from './schema.ts';
import { toMs } from './vocabulary.ts';

export type TimedAction = {
  at: number | string;
  action: string;
  params?: Record<string, unknown> | undefined;
};

export type PlayResult = {
  scenario: string;
  seed: number;
  outcome: string;
  endedAtSeconds: number;
  milestones: { name: string; atSeconds: number }[];
  peakOrdersP99Ms: number;
  /** Peak of every metric after the first action (or over the run without actions). */
  peaks: Record<string, number>;
  requests: { arrived: number; failed: number; errorRatio: number };
  errorBudgetRemaining: number;
  finalHash: string;
};

/** Runs until the story ends, or twice its estimated length (then `timedOut`). */
export function playScenario(
  scenario: ScenarioFile,
  seed: number,
  actions: readonly TimedAction[],
): PlayResult {
  const run = new ScenarioRun(scenario, seed);
  const queue = actions
    .map((a) => ({
      at: toMs(a.at),
      action: { type: a.action, ...(a.params ?? {}) } as unknown as SimAction,
    }))
    .sort((a, b) => a.at - b.at);
  const limit = scenario.estimatedMinutes * 2 * 60_000 + 60 * 60_000;
  while (run.ended === null && run.sim.t < limit) {
    while (queue.length > 0 && queue[0]!.at <= run.sim.t) run.act(queue.shift()!.action);
    run.step();
  }
  const firstActionAt = actions.length > 0 ? Math.min(...actions.map((a) => toMs(a.at))) : 0;
  return playResultOf(run, seed, firstActionAt);
}

/**
 * The figures `drill play` prints, from a run: the peaks count samples after the first action;
 * a run whose story has not ended reports `unfinished` as its outcome.
 */
export function playResultOf(
  run: ScenarioRun,
  seed: number,
  firstActionAt: number,
  unfinished: string = 'timedOut',
): PlayResult {
  const summary = summarizeRun(run.sim);
  const times = run.sim.recorder.metrics.timesArray();
  const peaks: Record<string, number> = {};
  for (const def of METRICS) {
    const values = run.sim.recorder.metrics.values(M[def.key]!);
    let peak = 0;
    for (let i = 0; i < values.length; i++)
      if (times[i]! > firstActionAt && values[i]! > peak) peak = values[i]!;
    peaks[def.key] = Math.round(peak * 1000) / 1000;
  }
  const p99 = run.sim.recorder.metrics.values(M.orders_p99!);
  return {
    scenario: run.scenario.id,
    seed,
    outcome: run.ended?.outcome ?? unfinished,
    endedAtSeconds: (run.ended?.t ?? run.sim.t) / 1000,
    milestones: run.timeline.flatMap((e) =>
      e.kind === 'milestone' ? [{ name: e.name, atSeconds: e.t / 1000 }] : [],
    ),
    peakOrdersP99Ms: Math.round(Math.max(0, ...p99)),
    peaks,
    requests: {
      arrived: summary.requests.arrived,
      failed: summary.requests.failed,
      errorRatio: summary.requests.errorRatio,
    },
    errorBudgetRemaining: summary.errorBudgetRemaining,
    finalHash: summary.finalHash,
  };
}
