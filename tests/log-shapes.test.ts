import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LINE_VERDICT,
  containsVerdict,
  prepareShape,
  regexNeedles,
} from '../src/shared/log-shape.ts';
import type { ShapePart } from '../src/shared/log-shape.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { ScenarioRun } from '../src/scenario/runner.ts';
import { makeFault, MINUTE, SimRun } from '../src/sim/index.ts';
import { LOG_SHAPES, SHAPED_TEMPLATES } from '../src/sim/log-shapes.ts';
import type { LogStore } from '../src/sim/log-store.ts';
import { LOG_TEMPLATES } from '../src/sim/log-templates.ts';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A shape as a regex over the whole line: holes are non-empty runs of their characters. */
function shapeRegex(parts: readonly ShapePart[]): RegExp {
  const body = parts
    .map((p) => (typeof p === 'string' ? escape(p) : `[${escape(p.chars)}]+`))
    .join('');
  return new RegExp(`^(?:${body})$`);
}

function scenarioStore(file: string, minutes: number): { store: LogStore; start: number } {
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const run = new ScenarioRun(loaded.scenario);
  run.runUntil(minutes * MINUTE);
  return { store: run.sim.recorder.logs, start: run.sim.state.config.startEpochMs };
}

function loadedStore(): { store: LogStore; start: number } {
  const run = new SimRun(21);
  run.schedule({
    type: 'injectFault',
    id: 'q',
    fault: makeFault('planRegression', { share: 0.05 }),
  });
  run.schedule({
    type: 'injectFault',
    id: 'l',
    fault: makeFault('connectionLeak', { leakRatio: 0.02 }),
  });
  run.schedule({
    type: 'injectFault',
    id: 'd',
    fault: makeFault('corednsOverload', { extraQps: 2500 }),
  });
  run.advance(30 * MINUTE);
  return { store: run.recorder.logs, start: run.state.config.startEpochMs };
}

describe('log template shapes', () => {
  // Every shaped line of real runs must fit its variant's shape, or a search would be wrong.
  it.each([
    ['scenarios/pool-exhaustion-leak.yaml', 30],
    ['scenarios/dns-lookup-storm.yaml', 35],
    ['scenarios/latency-spike-missing-index.yaml', 25],
    ['loaded run', 0],
  ])(
    'fit every line of %s',
    (file, minutes) => {
      const { store, start } = file === 'loaded run' ? loadedStore() : scenarioStore(file, minutes);
      const cursor = store.cursor();
      const seen = new Set<string>();
      let checked = 0;
      for (let seq = store.firstSeq; seq < store.totalAppended; seq++) {
        const template = store.templateOf(seq);
        const def = LOG_SHAPES[template];
        if (!def) continue;
        cursor.seq = seq;
        const variant = def.variant(cursor);
        if (variant < 0) continue;
        const text = store.format(seq, start)!;
        const re = shapeRegex(def.shape(variant, (id) => store.string(id)));
        if (!re.test(text))
          expect.fail(`${LOG_TEMPLATES[template]!.key} variant ${variant} does not fit: ${text}`);
        seen.add(LOG_TEMPLATES[template]!.key);
        checked++;
      }
      expect(checked).toBeGreaterThan(1000);
      expect(seen.size).toBeGreaterThan(3);
    },
    60_000,
  );

  it('names only templates that exist', () => {
    const keys = new Set(LOG_TEMPLATES.map((d) => d.key));
    for (const k of SHAPED_TEMPLATES) expect(keys.has(k)).toBe(true);
  });
});

describe('containsVerdict', () => {
  const hole = { chars: '0123456789.' };
  const shape = prepareShape(['took ', hole, ' ms, err="i/o timeout" ip=', hole, ';']);

  it('accepts when fixed text holds the needle, in every case mode', () => {
    expect(containsVerdict(shape, 'i/o timeout', false)).toBe(LINE_VERDICT.all);
    expect(containsVerdict(shape, 'I/O TIMEOUT', false)).toBe(LINE_VERDICT.none);
    expect(containsVerdict(shape, 'I/O TIMEOUT', true)).toBe(LINE_VERDICT.all);
  });

  it('rejects a needle no literal or hole can hold', () => {
    expect(containsVerdict(shape, 'refused', false)).toBe(LINE_VERDICT.none);
    // Letters next to digits: "ms" follows a hole only after a space.
    expect(containsVerdict(shape, '5ms', false)).toBe(LINE_VERDICT.none);
  });

  it('leaves needles that straddle fixed text and a hole undecided', () => {
    expect(containsVerdict(shape, 'took 12', false)).toBe(LINE_VERDICT.some);
    expect(containsVerdict(shape, '5 ms', false)).toBe(LINE_VERDICT.some);
    expect(containsVerdict(shape, 'ip=10.244.1.7;', false)).toBe(LINE_VERDICT.some);
    expect(containsVerdict(shape, '3.1', false)).toBe(LINE_VERDICT.some);
  });

  it('reads plain regexes and alternations as needles, and nothing else', () => {
    expect(regexNeedles('timeout|refused')).toEqual(['timeout', 'refused']);
    expect(regexNeedles('10\\.96\\.0\\.10')).toEqual(['10.96.0.10']);
    expect(regexNeedles('5\\d\\d')).toBeNull();
    expect(regexNeedles('time(out)?')).toBeNull();
  });
});
