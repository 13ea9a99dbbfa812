import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkGraph } from '../src/scenario/graph.ts';
import { loadScenario } from '../src/scenario/load.ts';
import type { ScenarioFile } from '../src/scenario/schema.ts';

const VALID = readFileSync(new URL('./fixtures/scenarios/valid.yaml', import.meta.url), 'utf8');

function scenarioWith(
  change: (states: Record<string, Record<string, unknown>>) => void,
): ScenarioFile {
  const doc = parse(VALID) as { machine: { states: Record<string, Record<string, unknown>> } };
  change(doc.machine.states);
  const r = loadScenario('g.yaml', stringify(doc));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
}

describe('the statechart graph walk', () => {
  it('finds nothing wrong with the valid fixture', () => {
    const r = loadScenario('valid.yaml', VALID);
    expect(r.ok && checkGraph('valid.yaml', r.scenario)).toEqual([]);
  });

  it('reports a state no transition leads to', () => {
    const s = scenarioWith((states) => {
      states['orphan'] = { type: 'final' };
    });
    expect(checkGraph('g.yaml', s)).toEqual([
      {
        file: 'g.yaml',
        path: 'machine.states.orphan',
        message: 'state "orphan" cannot be reached from the initial state "calm"',
      },
    ]);
  });

  it('reports a state from which the scenario can never end', () => {
    const s = scenarioWith((states) => {
      states['degraded']!['after'] = { '45m': { target: 'stuck' } };
      states['stuck'] = { on: { 'player.rollback': { target: 'stuck' } } };
    });
    const messages = checkGraph('g.yaml', s).map((e) => e.message);
    expect(messages).toContain(
      'no final state can be reached from state "stuck": a player there is stuck',
    );
  });
});

describe('npm run drill -- check', () => {
  const drill = (...args: string[]): { code: number; out: string } => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'src/cli/drill.ts', 'check', ...args], {
          encoding: 'utf8',
        }),
      };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it('passes valid files and fails broken ones with the file, path and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-check-'));
    writeFileSync(join(dir, 'good.yaml'), VALID);
    const bad = VALID.replace('kind: planRegression', 'kind: planRegresion');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const good = drill(join(dir, 'good.yaml'));
    expect(good.code).toBe(0);
    expect(good.out).toContain('ok ');
    const both = drill(dir);
    expect(both.code).toBe(1);
    expect(both.out).toContain(
      `${join(dir, 'bad.yaml')}: machine.states.calm.after.2m.actions[0].params.kind:`,
    );
    expect(both.out).toContain('(did you mean "planRegression"?)');
    expect(both.out).toContain(`ok ${join(dir, 'good.yaml')}`);
  }, 30_000);
});
