import { beforeAll, describe, expect, it } from 'vitest';
import { createLogSource } from '../src/log-source.ts';
import type { LogSource } from '../src/log-source.ts';
import { matchLabels, matchLine, parseLogQuery } from '../src/shared/log-query.ts';
import type { LogQuery } from '../src/shared/log-query.ts';
import { MINUTE, SimRun, makeFault } from '../src/sim/index.ts';
import { LogStore } from '../src/sim/log-store.ts';
import { templateId } from '../src/sim/log-templates.ts';

function parse(input: string, source: LogSource): LogQuery {
  const r = parseLogQuery(input, { labels: source.labels });
  if (!r.ok) throw new Error(`${input}: ${r.error.code}`);
  return r.query;
}

/** The obvious, slow way: format every line and test it. */
function naive(source: LogSource, query: LogQuery): number[] {
  const out: number[] = [];
  for (let seq = source.firstSeq; seq < source.firstSeq + source.size; seq++) {
    const line = source.lineAt(seq)!;
    const labels = { service: line.service, level: line.level, pod: line.source };
    if (
      matchLabels(query, (n) => labels[n as keyof typeof labels] ?? '') &&
      matchLine(query, line.text)
    )
      out.push(seq);
  }
  return out;
}

describe('createLogSource over a SimRun with a connection leak', () => {
  let run: SimRun;
  let source: LogSource;

  beforeAll(() => {
    run = new SimRun(7);
    run.schedule({
      type: 'injectFault',
      id: 'leak',
      fault: makeFault('connectionLeak', { leakRatio: 0.05 }),
    });
    run.advance(20 * MINUTE);
    source = createLogSource(run.recorder.logs, run.state.config.startEpochMs, { cacheSize: 64 });
  });

  // The leak exhausts the app's pool, not Postgres: the symptom is in the api's error lines.
  it('finds the api deadline errors the leak causes', () => {
    const q = '{service="api", level="error"} |= "context deadline exceeded"';
    const hits = source.search(parse(q, source));
    expect(hits.length).toBeGreaterThan(20);
    for (const seq of hits) {
      const line = source.lineAt(seq)!;
      expect([line.service, line.level]).toEqual(['api', 'error']);
      expect(line.text).toContain('context deadline exceeded');
    }
  });

  it.each([
    '{service="postgres"} |= "FATAL"',
    '{service="api", level="error"} |= "deadline"',
    '{service=~"api|pgbouncer", level!="info"}',
    '{level=~"error|fatal"} |~ "(?i)too many"',
    '{service="api"} != "200" |~ "5\\\\d\\\\d"',
    'timeout',
    '{pod=~"api-.*"} |= "error"',
    '{service!="ingress"} !~ "GET|POST"',
    '',
  ])('gives the same lines as a naive filter for %s', (input) => {
    const q = parse(input, source);
    expect(Array.from(source.search(q))).toEqual(naive(source, q));
  });

  it('searches a sequence range, and a label the store lacks as empty', () => {
    const q = parse('{level="error"}', source);
    const all = Array.from(source.search(q));
    const mid = source.firstSeq + Math.floor(source.size / 2);
    expect(Array.from(source.search(q, { fromSeq: mid }))).toEqual(all.filter((s) => s >= mid));
    expect(Array.from(source.search(q, { toSeq: mid }))).toEqual(all.filter((s) => s < mid));
    const unknown = parseLogQuery('{host="x"}');
    expect(unknown.ok && source.search(unknown.query).length).toBe(0);
  });

  it('formats lines with a UTC clock and keeps the cache bounded but correct', () => {
    const seq = source.firstSeq + 5;
    const line = source.lineAt(seq)!;
    expect(line.clock).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(line.text).toBe(run.recorder.logs.format(seq, run.state.config.startEpochMs));
    for (let s = source.firstSeq; s < source.firstSeq + 200; s++) source.lineAt(s);
    expect(source.lineAt(seq)).toEqual(line);
    expect(source.timeOf(seq)).toBe(line.t);
  });
});

describe('createLogSource over a wrapped store', () => {
  it('returns null for overwritten lines and searches only held ones', () => {
    const store = new LogStore(8);
    const src = store.intern('api-1');
    const tpl = templateId('k8s_failed_scheduling');
    for (let i = 0; i < 20; i++) store.append(i * 1000, tpl, src, 0, 0);
    const source = createLogSource(store, Date.UTC(2026, 0, 1));
    expect(source.size).toBe(8);
    expect(source.firstSeq).toBe(12);
    expect(source.lineAt(3)).toBeNull();
    expect(
      Array.from(
        source.search(
          parseLogQuery('FailedScheduling').ok
            ? { matchers: [], filters: [] }
            : { matchers: [], filters: [] },
          { fromSeq: 0 },
        ),
      ),
    ).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
