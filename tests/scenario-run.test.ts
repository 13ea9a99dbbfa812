import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.ts';
import { playScenario } from '../src/scenario/play.ts';
import type { ScenarioFile } from '../src/scenario/schema.ts';

const loaded = loadScenario(
  'valid.yaml',
  readFileSync(new URL('./fixtures/scenarios/valid.yaml', import.meta.url), 'utf8'),
);
if (!loaded.ok) throw new Error('fixture does not load');
const scenario: ScenarioFile = loaded.scenario;

describe('running a scenario over the simulation', () => {
  it('the reference solution resolves it, on three seeds', () => {
    for (const seed of [1, 2, 3]) {
      const r = playScenario(scenario, seed, scenario.answerKey.solution);
      expect(r.outcome, `seed ${seed}`).toBe('resolved');
      expect(r.milestones.map((m) => m.name)).toContain('mitigated');
      // The fault went in at 2 minutes, the fix at 5, and latency had to recover for 2 minutes.
      expect(r.endedAtSeconds).toBeGreaterThan(5 * 60 + 120);
    }
  }, 60_000);

  it('doing nothing runs out the clock', () => {
    const r = playScenario(scenario, 1, []);
    expect(r.outcome).toBe('timedOut');
  }, 60_000);

  it('the wrong fix does not resolve it, and the run shows the harm', () => {
    const wrong = scenario.answerKey.wrongFixes[0]!;
    const r = playScenario(scenario, 1, wrong.actions);
    expect(r.outcome).not.toBe('resolved');
    expect(r.peakOrdersP99Ms).toBeGreaterThan(1000);
  }, 60_000);

  it('is reproducible: the same seed and actions give the same hash', () => {
    const a = playScenario(scenario, 7, scenario.answerKey.solution);
    const b = playScenario(scenario, 7, scenario.answerKey.solution);
    expect(a.finalHash).toBe(b.finalHash);
    expect(a).toEqual(b);
  }, 60_000);
});

describe('npm run drill -- play', () => {
  it('prints the outcome, milestones and hash as JSON, and rejects an unknown wrong fix', async () => {
    const { execFileSync } = await import('node:child_process');
    const file = 'tests/fixtures/scenarios/valid.yaml';
    const out = execFileSync(
      'npx',
      ['tsx', 'src/cli/drill.ts', 'play', file, '--seed', '3', '--solution', '--json'],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(out) as {
      outcome: string;
      seed: number;
      finalHash: string;
      milestones: { name: string }[];
    };
    expect(result).toMatchObject({ outcome: 'resolved', seed: 3 });
    expect(result.milestones.map((m) => m.name)).toEqual(['mitigated']);
    expect(result.finalHash).toBe(playScenario(scenario, 3, scenario.answerKey.solution).finalHash);
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/drill.ts', 'play', file, '--wrong', 'scale-ap'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      stderr = (e as { stderr: string }).stderr;
    }
    expect(stderr).toContain('(did you mean "scale-api"?)');
  }, 60_000);
});
