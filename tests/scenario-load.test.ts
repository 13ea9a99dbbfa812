import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatError, loadScenario } from '../src/scenario/load.ts';
import type { ScenarioError } from '../src/scenario/load.ts';

const VALID = readFileSync(new URL('./fixtures/scenarios/valid.yaml', import.meta.url), 'utf8');

type Path = readonly (string | number)[];

/** Sets (or, with `undefined`, deletes) the value at `path` inside parsed data. */
function setIn(doc: unknown, path: Path, value: unknown): void {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function getIn(doc: unknown, path: Path): unknown {
  let node = doc as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}

/** The valid fixture with changes applied to its parsed data, re-serialised as YAML. */
function mutated(...changes: [Path, unknown][]): string {
  const doc = parse(VALID) as unknown;
  for (const [path, value] of changes) setIn(doc, path, value);
  return stringify(doc);
}

function errorsOf(file: string, text: string): ScenarioError[] {
  const r = loadScenario(file, text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('loading scenario files', () => {
  it('accepts the valid fixture, as YAML and as JSON', () => {
    const yaml = loadScenario('valid.yaml', VALID);
    expect(yaml.ok).toBe(true);
    const json = loadScenario('valid.json', JSON.stringify(parse(VALID)));
    expect(json.ok).toBe(true);
    if (yaml.ok) expect(yaml.scenario.machine.initial).toBe('calm');
  });

  it('names the file, the path, the problem and the closest valid name for a misspelt effect', () => {
    const text = mutated([
      ['machine', 'states', 'degraded', 'on', 'player.rollback', 0, 'actions'],
      [
        { type: 'milestone', params: { name: 'mitigated' } },
        { type: 'injectFalut', params: {} },
      ],
    ]);
    const [e] = errorsOf('scenarios/tiny.yaml', text);
    expect(e).toMatchObject({
      file: 'scenarios/tiny.yaml',
      path: 'machine.states.degraded.on.player.rollback[0].actions[1].type',
      suggestion: 'injectFault',
    });
    expect(formatError(e!)).toBe(
      'scenarios/tiny.yaml: machine.states.degraded.on.player.rollback[0].actions[1].type: unknown effect "injectFalut"; effects are injectFault, clearFault, deploy, fireAlert, resolveAlert, say, hint, milestone, end (did you mean "injectFault"?)',
    );
  });

  it('checks that a stage-tied discussion prompt names a state of the machine', () => {
    const good = mutated([
      ['answerKey', 'discussionPrompts'],
      ['For the end', { stage: 'mitigating', text: 'What do we watch now?' }],
    ]);
    expect(loadScenario('s.yaml', good).ok).toBe(true);
    const bad = mutated([
      ['answerKey', 'discussionPrompts'],
      ['For the end', { stage: 'mitigatng', text: 'What do we watch now?' }],
    ]);
    expect(errorsOf('s.yaml', bad)).toEqual([
      {
        file: 's.yaml',
        path: 'answerKey.discussionPrompts[1].stage',
        message: 'no state named "mitigatng"',
        suggestion: 'mitigating',
      },
    ]);
  });

  it('rejects an unknown guard with a suggestion', () => {
    const text = mutated([
      ['machine', 'states', 'mitigating', 'always', 0, 'guard', 'type'],
      'metricBelwo',
    ]);
    expect(errorsOf('s.yaml', text)[0]).toMatchObject({
      path: 'machine.states.mitigating.always[0].guard.type',
      suggestion: 'metricBelow',
    });
  });

  it('rejects an unknown fault kind and an unknown fault parameter', () => {
    const kind = mutated([
      ['machine', 'states', 'calm', 'after', '2m', 'actions', 0, 'params', 'kind'],
      'planRegresion',
    ]);
    expect(errorsOf('s.yaml', kind)[0]).toMatchObject({
      path: 'machine.states.calm.after.2m.actions[0].params.kind',
      suggestion: 'planRegression',
    });
    const param = mutated([
      ['machine', 'states', 'calm', 'after', '2m', 'actions', 0, 'params', 'params'],
      { shar: 0.1 },
    ]);
    expect(errorsOf('s.yaml', param)[0]).toMatchObject({
      path: 'machine.states.calm.after.2m.actions[0].params.params.shar',
      suggestion: 'share',
    });
  });

  it('rejects an unknown metric, action and service', () => {
    const metric = mutated([
      ['machine', 'states', 'mitigating', 'always', 0, 'guard', 'params', 'metric'],
      'order_p99',
    ]);
    expect(errorsOf('s.yaml', metric)[0]).toMatchObject({
      path: 'machine.states.mitigating.always[0].guard.params.metric',
      suggestion: 'orders_p99',
    });
    const action = mutated([
      ['machine', 'states', 'degraded', 'on', 'player.createIndex', 0, 'guard', 'params', 'action'],
      'createIdx',
    ]);
    expect(errorsOf('s.yaml', action)[0]).toMatchObject({
      path: 'machine.states.degraded.on.player.createIndex[0].guard.params.action',
      suggestion: 'createIndex',
    });
    const service = mutated([
      [
        'machine',
        'states',
        'degraded',
        'on',
        'player.rollback',
        0,
        'guard',
        'params',
        'params',
        'deployment',
      ],
      'apii',
    ]);
    expect(errorsOf('s.yaml', service)[0]).toMatchObject({
      path: 'machine.states.degraded.on.player.rollback[0].guard.params.params.deployment',
      suggestion: 'api',
    });
  });

  it('accepts player events in playerDid, and checks what an inspect names', () => {
    const inspect = (target: string): string =>
      mutated([
        ['machine', 'states', 'degraded', 'on', 'player.inspect'],
        [
          {
            guard: { type: 'playerDid', params: { action: 'inspect', params: { target } } },
            actions: [{ type: 'milestone', params: { name: 'diagnosed' } }],
          },
        ],
      ]);
    expect(loadScenario('s.yaml', inspect('pg_stat_activity')).ok).toBe(true);
    expect(errorsOf('s.yaml', inspect('pg_stat_activty'))[0]).toMatchObject({
      path: 'machine.states.degraded.on.player.inspect[0].guard.params.params.target',
      message: 'unknown inspect target "pg_stat_activty"',
      suggestion: 'pg_stat_activity',
    });
    const page = mutated([
      ['machine', 'states', 'degraded', 'on', 'player.page'],
      [{ guard: { type: 'playerDid', params: { action: 'page' } }, target: 'mitigating' }],
    ]);
    expect(loadScenario('s.yaml', page).ok).toBe(true);
  });

  it('rejects bad durations, in `after` keys and in params', () => {
    const key = mutated([
      ['machine', 'states', 'degraded', 'after'],
      { '45 minutes': { target: 'failed' } },
    ]);
    expect(errorsOf('s.yaml', key)[0]!.message).toContain('is not a duration');
    const param = mutated([
      ['machine', 'states', 'mitigating', 'always', 0, 'guard', 'params', 'for'],
      'two minutes',
    ]);
    expect(errorsOf('s.yaml', param)[0]).toMatchObject({
      path: 'machine.states.mitigating.always[0].guard.params.for',
    });
  });

  it('rejects transitions to missing states, with the closest state', () => {
    const text = mutated([['machine', 'states', 'degraded', 'after', '45m', 'target'], 'faild']);
    expect(errorsOf('s.yaml', text)[0]).toMatchObject({
      path: 'machine.states.degraded.after.45m.target',
      suggestion: 'failed',
    });
  });

  it('reports YAML and JSON syntax errors with line and column', () => {
    const yaml = errorsOf('s.yaml', 'id: x\nmachine: [unclosed\n');
    expect(yaml[0]!.message).toMatch(/^YAML syntax error at line \d+, column \d+/);
    const json = errorsOf('s.json', '{"id": "x"}\n  trailing');
    expect(json[0]!.message).toMatch(/^JSON syntax error at line 2, column 3/);
    // Where the JSON parser gives no position, the message still says what is wrong.
    const missing = errorsOf('s.json', '{"id": "x",\n  "title": }');
    expect(missing[0]!.message).toMatch(/^JSON syntax error.*Unexpected token/);
  });

  it('reports unknown and missing fields', () => {
    const title = getIn(parse(VALID), ['title']);
    const text = mutated([['titel'], title], [['title'], undefined]);
    const errors = errorsOf('s.yaml', text);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['titel', 'title']));
  });

  it('never throws on random or mutated input (fuzz)', () => {
    const doc = parse(VALID) as unknown;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant(VALID).map((v) => v.slice(0, Math.floor(v.length / 2))),
        ),
        (text) => {
          const r = loadScenario('fuzz.yaml', text);
          expect(typeof r.ok).toBe('boolean');
          const j = loadScenario('fuzz.json', text);
          expect(typeof j.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    // Mutations of the valid document: replace any one value by an arbitrary JSON value.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]): void => {
      paths.push(p);
      if (v && typeof v === 'object')
        for (const [k, c] of Object.entries(v)) walk(c, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    walk(doc, []);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: paths.length - 1 }), fc.jsonValue(), (i, value) => {
        const copy = structuredClone(doc) as Record<string, unknown>;
        const p = paths[i]!;
        setIn(copy, p, value);
        const r = loadScenario('mutant.json', JSON.stringify(copy));
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) for (const e of r.errors) expect(e.file).toBe('mutant.json');
      }),
      { numRuns: 400 },
    );
  });
});

describe('system overrides', () => {
  it('rejects a setting the system config does not have, with the closest one', () => {
    const text = mutated([['system', 'overrides'], { api: { replcias: 8 } }]);
    expect(errorsOf('s.yaml', text)[0]).toMatchObject({
      path: 'system.overrides.api.replcias',
      suggestion: 'replicas',
    });
    const wrongType = mutated([['system', 'overrides'], { api: { replicas: 'eight' } }]);
    expect(errorsOf('s.yaml', wrongType)[0]).toMatchObject({
      path: 'system.overrides.api.replicas',
      message: 'expected a number',
    });
  });

  it('applies valid overrides to the simulated system', async () => {
    const { ScenarioRun } = await import('../src/scenario/runner.ts');
    const r = loadScenario('s.yaml', mutated([['system', 'overrides'], { api: { replicas: 8 } }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const run = new ScenarioRun(r.scenario, 1);
    expect(run.sim.state.pods.filter((p) => p.deployment === 'api')).toHaveLength(8);
  });
});

describe('seeded variants', () => {
  it('checks every variant and reports a placeholder no variant fills', () => {
    const doc = parse(VALID) as Record<string, unknown>;
    doc['variants'] = [{ start: '2m' }, { start: '3m' }];
    setIn(doc, ['machine', 'states', 'calm', 'after'], {
      '{{start}}': getIn(doc, ['machine', 'states', 'calm', 'after', '2m']),
    });
    const ok = loadScenario('v.yaml', stringify(doc));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.variants).toHaveLength(2);
      expect(Object.keys(ok.variants[1]!.machine.states['calm']!.after!)).toEqual(['3m']);
    }
    doc['variants'] = [{ start: '2m' }, { strat: '3m' }];
    const bad = errorsOf('v.yaml', stringify(doc));
    expect(bad[0]).toMatchObject({
      path: 'variants[1]',
      message: 'no value for placeholder {{start}}',
      suggestion: 'strat',
    });
  });
});
