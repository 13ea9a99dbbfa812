/**
 * The fast search (typed-column prefilters, shape verdicts, formatting only undecided lines) must
 * return exactly what the obvious search returns: format every line, test labels and text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogSource } from '../src/log-source.ts';
import type { LogSource } from '../src/log-source.ts';
import { matchLabels, matchLine, parseLogQuery } from '../src/shared/log-query.ts';
import type { LogQuery } from '../src/shared/log-query.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { ScenarioRun } from '../src/scenario/runner.ts';
import { MINUTE } from '../src/sim/index.ts';
import { LogStore } from '../src/sim/log-store.ts';
import { templateId } from '../src/sim/log-templates.ts';

interface Held {
  readonly seq: number;
  readonly text: string;
  readonly labels: Readonly<Record<string, string>>;
}

function naive(lines: readonly Held[], query: LogQuery): number[] {
  return lines
    .filter((l) => matchLabels(query, (n) => l.labels[n] ?? '') && matchLine(query, l.text))
    .map((l) => l.seq);
}

function heldLines(source: LogSource): Held[] {
  const out: Held[] = [];
  for (let seq = source.firstSeq; seq < source.firstSeq + source.size; seq++) {
    const l = source.lineAt(seq)!;
    out.push({ seq, text: l.text, labels: { service: l.service, level: l.level, pod: l.source } });
  }
  return out;
}

const WORDS = [
  'timeout',
  'Timeout',
  'deadline',
  'SQLSTATE',
  'GET',
  'POST',
  '503',
  ' 500 ',
  'error',
  'FATAL',
  'api-',
  '10.244.',
  '10.96.0.10:53',
  'NXDOMAIN',
  'stripe',
  'i/o',
  'ms]',
  '"status":5',
  'Z","level"',
  '/v1/orders?customer=4',
  'trace_id":"',
  'x',
  '',
];

const RAW_REGEXES = [
  'time(out)?',
  '5\\d\\d',
  '^\\{',
  'timeout"}$',
  '\\btimeout\\b',
  'a.c',
  '[0-9]{5}',
];

/** A needle: a known word, or a random slice of a held line (often across fixed and variable text). */
function needle(lines: readonly Held[]): fc.Arbitrary<string> {
  const slice = fc
    .tuple(fc.nat(lines.length - 1), fc.nat(400), fc.integer({ min: 1, max: 24 }))
    .map(([i, at, len]) => {
      const text = lines[i]!.text;
      const from = at % Math.max(1, text.length);
      return text.slice(from, from + len);
    });
  return fc.oneof(fc.constantFrom(...WORDS), slice);
}

const quote = (s: string): string => JSON.stringify(s);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterText(lines: readonly Held[]): fc.Arbitrary<string> {
  const n = needle(lines);
  return fc.oneof(
    fc.tuple(fc.constantFrom('|=', '!='), n).map(([op, v]) => `${op} ${quote(v)}`),
    fc
      .tuple(fc.constantFrom('|~', '!~'), fc.boolean(), n, n)
      .map(
        ([op, ci, a, b]) => `${op} ${quote(`${ci ? '(?i)' : ''}${escapeRe(a)}|${escapeRe(b)}`)}`,
      ),
    fc
      .tuple(fc.constantFrom('|~', '!~'), fc.boolean(), n)
      .map(([op, ci, a]) => `${op} ${quote(`${ci ? '(?i)' : ''}${escapeRe(a)}`)}`),
    fc
      .tuple(fc.constantFrom('|~', '!~'), fc.constantFrom(...RAW_REGEXES))
      .map(([op, re]) => `${op} \`${re}\``),
  );
}

function queryText(lines: readonly Held[]): fc.Arbitrary<string> {
  const selector = fc
    .subarray([
      'service=~"api|ingress|coredns"',
      'level!="info"',
      'pod=~"api-.*"',
      'service!="postgres"',
    ])
    .map((ms) => (ms.length > 0 ? `{${ms.join(', ')}}` : ''));
  const bare = fc
    .tuple(needle(lines), fc.boolean())
    .map(([v, upper]) => (upper ? v.toUpperCase() : v).trim())
    .filter((v) => v !== '' && !v.startsWith('{') && !/^[|!]/.test(v));
  return fc.oneof(
    { arbitrary: bare, weight: 1 },
    {
      arbitrary: fc
        .tuple(selector, fc.array(filterText(lines), { minLength: 1, maxLength: 3 }))
        .map(([s, fs]) => `${s} ${fs.join(' ')}`.trim()),
      weight: 3,
    },
  );
}

describe('fast log search equals formatting every line', () => {
  let source: LogSource;
  let lines: Held[];

  beforeAll(() => {
    const file = 'scenarios/dns-lookup-storm.yaml';
    const loaded = loadScenario(file, readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('scenario does not load');
    const run = new ScenarioRun(loaded.scenario);
    run.runUntil(18 * MINUTE);
    source = createLogSource(run.sim.recorder.logs, run.sim.state.config.startEpochMs, {
      cacheSize: 16,
    });
    lines = heldLines(source);
  });

  it('over random queries on a scenario run', () => {
    expect(lines.length).toBeGreaterThan(5000);
    fc.assert(
      fc.property(queryText(lines), fc.boolean(), (text, chunked) => {
        const parsed = parseLogQuery(text, { labels: source.labels });
        if (!parsed.ok) return;
        const expected = naive(lines, parsed.query);
        let got: number[];
        if (chunked) {
          // As the panel searches: 512-line chunks of one query object.
          got = [];
          for (let from = source.firstSeq; from < source.firstSeq + source.size; from += 512)
            got.push(...source.search(parsed.query, { fromSeq: from, toSeq: from + 512 }));
        } else got = Array.from(source.search(parsed.query));
        expect(got).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it('finds what players look for in a DNS storm', () => {
    for (const text of [
      '{service="api", level="error"} |= "i/o timeout"',
      'nxdomain',
      '|~ "misbehaving|NXDOMAIN"',
    ]) {
      const parsed = parseLogQuery(text, { labels: source.labels });
      if (!parsed.ok) throw new Error(text);
      const hits = Array.from(source.search(parsed.query));
      expect(hits.length, text).toBeGreaterThan(0);
      expect(hits).toEqual(naive(lines, parsed.query));
    }
  }, 30_000);
});

describe('shape ids over a wrapping ring', () => {
  it('stay right for lines written after a search, when old slots are reused', () => {
    const store = new LogStore(64);
    const pod = store.intern('api-7d9f-x1');
    const host = store.intern('api.stripe.com');
    const ip = store.intern('10.244.1.9');
    const tpl = templateId('api_request_error');
    const source = createLogSource(store, Date.UTC(2026, 0, 1));
    const kinds = [0, 12, 2, 20, 7, 13];
    const q = parseLogQuery('|= "timeout"');
    if (!q.ok) throw new Error('query');
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 40; i++)
        store.append(
          round * 1e5 + i * 1000,
          tpl,
          pod,
          1,
          2,
          1,
          500,
          kinds[(i + round) % 6]!,
          12.5,
          host,
          ip,
        );
      const held: Held[] = heldLines(source);
      expect(Array.from(source.search(q.query))).toEqual(naive(held, q.query));
    }
  });
});
