/**
 * Every scenario in scenarios/ is proved playable: it loads, its statechart has no unreachable
 * state and no dead end, the reference solution resolves it on three seeds, each wrong fix does
 * not and produces the harm the answer key says, and replays are exact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGraph } from '../src/scenario/graph.ts';
import { formatError, loadScenario, variantFor } from '../src/scenario/load.ts';
import { playScenario } from '../src/scenario/play.ts';

const DIR = new URL('../scenarios/', import.meta.url);
const files = readdirSync(DIR).filter(
  (f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'),
);

describe('the scenario library', () => {
  it('is not empty', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    describe(file, { timeout: 120_000 }, () => {
      const loaded = loadScenario(`scenarios/${file}`, readFileSync(new URL(file, DIR), 'utf8'));

      it('loads without errors and its statechart has no unreachable state or dead end', () => {
        expect(loaded.ok ? [] : loaded.errors.map(formatError)).toEqual([]);
        if (loaded.ok) expect(checkGraph(file, loaded.scenario)).toEqual([]);
      });

      if (!loaded.ok) return;
      const s = loaded.scenario;

      it('every variant checks, and the seeds pick among them', () => {
        expect(loaded.variants.length).toBeGreaterThan(0);
        if (loaded.variants.length > 1) {
          const picked = new Set(
            [0, 1, 2, 3, 4, 5].map((k) => loaded.variants.indexOf(variantFor(loaded, s.seed + k))),
          );
          expect(picked.size).toBe(loaded.variants.length);
        }
      });

      it('the reference solution resolves it on three seeds', () => {
        for (const seed of [s.seed, s.seed + 1, s.seed + 2]) {
          const v = variantFor(loaded, seed);
          const r = playScenario(v, seed, v.answerKey.solution);
          expect(r.outcome, `seed ${seed}`).toBe('resolved');
        }
      });

      for (const wrong of s.answerKey.wrongFixes) {
        it(`the wrong fix "${wrong.id}" does not resolve it and shows its harm`, () => {
          const r = playScenario(s, s.seed, wrong.actions);
          expect(r.outcome).not.toBe('resolved');
          expect(r.peaks[wrong.harm.metric]).toBeGreaterThan(wrong.harm.peakAbove);
        });
      }

      it('replays exactly: the same seed and actions give the same hash', () => {
        const a = playScenario(s, s.seed, s.answerKey.solution);
        const b = playScenario(s, s.seed, s.answerKey.solution);
        expect(a.finalHash).toBe(b.finalHash);
      });
    });
  }
});
