/**
 * Moments of the flagship scenarios for console tests: the system calm before the story's
 * trigger, and each flagship's fault in full swing with no player action. Runs are cached per
 * (scenario, seed, time), so many tests can share one simulation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute, initialConsoleState } from '../../src/actions/console/interpreter.ts';
import type { ConsoleState, Execution } from '../../src/actions/console/interpreter.ts';
import type { ConsoleView } from '../../src/actions/console/types.ts';
import { isLever, toSimAction } from '../../src/actions/vocabulary.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { ScenarioRun } from '../../src/scenario/runner.ts';
import type { ScenarioFile } from '../../src/scenario/schema.ts';

export const FLAGSHIPS = [
  'latency-spike-missing-index',
  'pool-exhaustion-leak',
  'dns-lookup-storm',
] as const;
export type Flagship = (typeof FLAGSHIPS)[number];

/** When each flagship's fault is in full swing (no player action taken). */
export const FAULT_MOMENT_MS: Record<Flagship, number> = {
  'latency-spike-missing-index': 8 * 60_000,
  'pool-exhaustion-leak': 10 * 60_000,
  'dns-lookup-storm': 6 * 60_000,
};
/** Before any flagship's trigger. */
export const CALM_MS = 40_000;

const scenarios = new Map<string, ScenarioFile>();
export function scenario(id: string): ScenarioFile {
  let s = scenarios.get(id);
  if (!s) {
    // A path, not `new URL(..., import.meta.url)`: Vite rewrites those in the DOM test project.
    const text = readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8');
    const loaded = loadScenario(`${id}.yaml`, text);
    if (!loaded.ok) throw new Error(`${id} does not load`);
    s = loaded.scenario;
    scenarios.set(id, s);
  }
  return s;
}

const runs = new Map<string, ScenarioRun>();
/** The scenario run at `atMs` (seed: the scenario's own), shared between tests. */
export function runAt(id: string, atMs: number, seed?: number): ScenarioRun {
  const key = `${id}/${seed ?? 'default'}/${atMs}`;
  let run = runs.get(key);
  if (!run) {
    run = new ScenarioRun(scenario(id), seed);
    run.runUntil(atMs);
    runs.set(key, run);
  }
  return run;
}

export function viewAt(id: string, atMs: number, seed?: number): ConsoleView {
  const run = runAt(id, atMs, seed);
  return { state: run.sim.state, recorder: run.sim.recorder };
}

/** Runs lines in order from a fresh console; returns the last execution. */
export function typeLines(view: ConsoleView, ...lines: string[]): Execution & { all: Execution[] } {
  let state: ConsoleState = initialConsoleState();
  const all: Execution[] = [];
  for (const line of lines) {
    const e = execute(state, line, view);
    all.push(e);
    state = e.state;
  }
  return { ...all[all.length - 1]!, all };
}

/** Sends the levers and inspections a console line produced to the run, as the session will. */
export function applyActions(run: ScenarioRun, execution: Execution): void {
  for (const a of execution.actions) if (isLever(a)) run.act(toSimAction(a));
}

/** A fresh run of a flagship at `atMs` (not shared: the test will change it). */
export function freshRunAt(id: string, atMs: number, seed?: number): ScenarioRun {
  const run = new ScenarioRun(scenario(id), seed);
  run.runUntil(atMs);
  return run;
}
