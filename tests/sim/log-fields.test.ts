/**
 * Fields of the simulated logs that players compare with other tools: the pods that write them
 * (the names kubectl lists, generated from Kubernetes' name alphabet) and request durations (a
 * request that did work never took 0.0 ms).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeFault, metricIndex, METRIC_COUNT, templateId } from '../../src/sim/index.ts';
import { K8S_NAME_ALPHABET, replicaSetHash, safeEncode } from '../../src/sim/names.ts';
import { Rng, seedRng } from '../../src/sim/rng.ts';
import { MIN_REQUEST_MS, sampleLatency } from '../../src/sim/step.ts';
import { MINUTE, newRun, SIM_TIMEOUT_MS } from './helpers.ts';

const NAME_CHAR = new RegExp(`^[${K8S_NAME_ALPHABET}]+$`);

describe('pod names', () => {
  it('encodes pod-template hashes as Kubernetes does (SafeEncodeString of the FNV hash)', () => {
    // k8s.io/apimachinery rand.SafeEncodeString maps "0".."9" to these characters.
    expect(safeEncode('0123456789')).toBe('456789bcdf');
    for (const [name, revision, version] of [
      ['api', 3, 'v2.14.1'],
      ['web', 1, 'v1.8.0'],
      ['coredns', 1, 'platform'],
    ] as const) {
      const hash = replicaSetHash(name, revision, version);
      expect(hash).toMatch(NAME_CHAR);
      expect(hash.length).toBeGreaterThanOrEqual(8);
      expect(hash.length).toBeLessThanOrEqual(10);
    }
  });

  it(
    'logs CoreDNS lines from the CoreDNS pods the cluster has',
    () => {
      const run = newRun(7);
      run.schedule({
        type: 'injectFault',
        id: 'd',
        fault: makeFault('corednsOverload', { extraQps: 2500 }),
      });
      run.advance(3 * MINUTE);
      const logs = run.recorder.logs;
      const corePods = new Set(
        run.state.pods.filter((p) => p.deployment === 'coredns').map((p) => p.name),
      );
      expect(corePods.size).toBeGreaterThan(0);
      const sources = new Set<string>();
      for (let seq = logs.firstSeq; seq < logs.firstSeq + logs.size; seq++) {
        const rec = logs.get(seq)!;
        if (rec.service === 'coredns') sources.add(rec.source);
      }
      expect(sources.size).toBeGreaterThan(0);
      for (const source of sources) expect(corePods).toContain(source);
      for (const name of [...corePods, ...run.state.pods.map((p) => p.name)]) {
        const [hash, suffix] = name.split('-').slice(-2);
        expect(hash).toMatch(NAME_CHAR);
        expect(suffix).toMatch(NAME_CHAR);
      }
    },
    SIM_TIMEOUT_MS,
  );

  it('names no generated pod in a scenario alert (a scenario cannot know the hashes)', () => {
    const generated = /\b(?:api|web|coredns)-[a-z0-9]{4,10}\b/;
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      for (const line of text.split('\n').filter((l) => /^\s*summary:/.test(l)))
        expect(line, file).not.toMatch(generated);
    }
  });
});

describe('request durations', () => {
  it('keeps fast requests near the median when p99 is a timeout', () => {
    const sample = new Float64Array(METRIC_COUNT);
    sample[metricIndex('products_p50')] = 2.4;
    sample[metricIndex('products_p99')] = 5000;
    const rng = new Rng(seedRng(3));
    let least = Infinity;
    for (let i = 0; i < 20_000; i++)
      least = Math.min(least, sampleLatency(sample, 'products', rng));
    expect(least).toBeGreaterThanOrEqual(MIN_REQUEST_MS);
    // A quarter of the median at two and a half sigma below; nothing in microseconds.
    expect(least).toBeGreaterThan(0.1);
    expect(least.toFixed(1)).not.toBe('0.0');
  });

  it(
    'never logs a served API request as taking 0.0 ms',
    () => {
      const run = newRun(11);
      run.schedule({
        type: 'injectFault',
        id: 'l',
        fault: makeFault('connectionLeak', { leakRatio: 0.05 }),
      });
      run.advance(12 * MINUTE);
      const logs = run.recorder.logs;
      const request = templateId('api_request');
      let seen = 0;
      for (let seq = logs.firstSeq; seq < logs.firstSeq + logs.size; seq++) {
        if (logs.templateOf(seq) !== request) continue;
        seen++;
        const line = logs.format(seq, run.state.config.startEpochMs)!;
        const ms = Number(/"duration_ms":([\d.]+)/.exec(line)![1]);
        expect(ms, line).toBeGreaterThan(0);
      }
      expect(seen).toBeGreaterThan(50);
    },
    SIM_TIMEOUT_MS,
  );
});
