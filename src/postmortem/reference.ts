/**
 * The expert's path: the answer key's solution played headless on the same seed (as
 * `src/scenario/play.ts` plays timed actions), measured by the same code as the player's run.
 */
import type { PlayerRecord } from '../scenario/runner.ts';
import { ScenarioRun } from '../scenario/runner.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { toMs } from '../scenario/vocabulary.ts';
import type { SimAction } from '../sim/index.ts';
import { MINUTE } from '../sim/index.ts';
import { describeLever } from './describe.ts';
import { measureImpact } from './impact.ts';
import type { ReferencePath } from './model.ts';

/** How long the reference may run: twice the scenario's estimate plus an hour, as `drill play`. */
export const referenceLimitMs = (scenario: ScenarioFile): number =>
  scenario.estimatedMinutes * 2 * MINUTE + 60 * MINUTE;

export function referencePath(scenario: ScenarioFile, seed: number): ReferencePath {
  const steps = scenario.answerKey.solution
    .map((a) => ({
      t: toMs(a.at),
      record: { type: a.action, ...(a.params ?? {}) } as PlayerRecord,
    }))
    .sort((a, b) => a.t - b.t);
  const run = new ScenarioRun(scenario, seed);
  const limit = referenceLimitMs(scenario);
  let next = 0;
  while (run.ended === null && run.sim.t < limit) {
    while (next < steps.length && steps[next]!.t <= run.sim.t)
      run.act(steps[next++]!.record as unknown as SimAction);
    run.step();
  }
  const impact = measureImpact(run.sim.recorder.metrics, run.sim.state.config.slo, true);
  const resolved = run.timeline.find((e) => e.kind === 'milestone' && e.name === 'resolved');
  const resolvedAt = resolved?.t ?? (run.ended?.outcome === 'resolved' ? run.ended.t : null);
  return {
    steps: steps.map((s) => ({ t: s.t, text: describeLever(s.record, 'step') })),
    mitigatedAt: impact.endedAt,
    resolvedAt,
    budgetConsumed: impact.budgets.find((b) => b.slo === 'availability')!.consumed,
    impactStartedAt: impact.startedAt,
  };
}
