import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { playForPostmortem } from '../src/cli/play.ts';
import { createDebriefBuilder, scoreFigures } from '../src/incident-debrief.ts';
import { buildPostmortem, referencePath } from '../src/postmortem/build.ts';
import { loadScenario, variantFor } from '../src/scenario/load.ts';

function solved() {
  const file = path.resolve(import.meta.dirname, '../scenarios/pool-exhaustion-leak.yaml');
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error('the flagship does not load');
  const seed = loaded.scenario.seed;
  const scenario = variantFor(loaded, seed);
  return {
    scenario,
    seed,
    session: playForPostmortem(scenario, seed, scenario.answerKey.solution),
  };
}

describe('the debrief of an incident in the browser', () => {
  it('builds the postmortem with the reference played on the same seed (here, without a worker)', async () => {
    const { scenario, seed, session } = solved();
    expect(typeof Worker).toBe('undefined');
    const builder = createDebriefBuilder(session, 'practice');
    const postmortem = await builder.postmortem();
    expect(postmortem).toEqual(
      buildPostmortem(session, { mode: 'practice', reference: referencePath(scenario, seed) }),
    );
    // Asked twice, built once; the history's figures are the debrief's.
    expect(await builder.postmortem()).toBe(postmortem);
    expect(builder.scoresNow()).toEqual(scoreFigures(postmortem));
    expect(builder.scoresNow()['mitigate']).toBeGreaterThan(0);
  });

  it('reads the scores of a run left early without the reference', async () => {
    const { session } = solved();
    const builder = createDebriefBuilder(session, 'practice');
    // Before the postmortem's code has loaded there is nothing to read.
    expect(builder.scoresNow()).toEqual({});
    await import('../src/postmortem/build.ts');
    await new Promise((resolve) => setImmediate(resolve));
    const figures = builder.scoresNow();
    expect(figures).toEqual(
      scoreFigures(buildPostmortem(session, { mode: 'practice', reference: null })),
    );
    builder.dispose();
  });
});
