import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchLabels, matchLine, matchRanges, parseLogQuery } from '../src/shared/log-query.ts';
import type { LogQuery } from '../src/shared/log-query.ts';

const LABELS = ['service', 'level', 'pod'];

function ok(input: string): LogQuery {
  const r = parseLogQuery(input, { labels: LABELS });
  if (!r.ok) throw new Error(`${input}: ${r.error.code} at ${r.error.position}`);
  return r.query;
}

const line = (labels: Record<string, string>) => (name: string) => labels[name] ?? '';

describe('parseLogQuery', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseLogQuery(s, { labels: LABELS });
        if (!r.ok) expect(r.error.position).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on strings made of query syntax', () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      ',',
      '=',
      '!=',
      '=~',
      '!~',
      '|=',
      '|~',
      '"',
      '`',
      '\\',
      'service',
      'pod',
      'x',
      '(',
      '[',
      '*',
      ' ',
      'api',
      '"a|b"',
      '"5\\\\d"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const r = parseLogQuery(parts.join(''), { labels: LABELS });
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) matchLine(r.query, 'some line with api and 503');
      }),
      { numRuns: 3000 },
    );
  });

  it('parses a stream selector with every operator', () => {
    const q = ok('{service="api", level=~"error|warn", pod!~"api-7d.*", level!="debug"}');
    expect(q.matchers.map((m) => [m.label, m.op, m.value])).toEqual([
      ['service', '=', 'api'],
      ['level', '=~', 'error|warn'],
      ['pod', '!~', 'api-7d.*'],
      ['level', '!=', 'debug'],
    ]);
    expect(matchLabels(q, line({ service: 'api', level: 'warn', pod: 'web-1' }))).toBe(true);
    expect(matchLabels(q, line({ service: 'api', level: 'info', pod: 'web-1' }))).toBe(false);
    expect(matchLabels(q, line({ service: 'api', level: 'error', pod: 'api-7d9c' }))).toBe(false);
  });

  it('anchors label regexes, as Loki does', () => {
    const q = ok('{level=~"err"}');
    expect(matchLabels(q, line({ level: 'error' }))).toBe(false);
    expect(matchLabels(q, line({ level: 'err' }))).toBe(true);
  });

  it('applies line filters in order, with escapes and (?i)', () => {
    const q = ok('{service="api"} |= "timeout" != "healthz" |~ "5\\\\d\\\\d" !~ "(?i)RETRY"');
    expect(q.filters.map((f) => [f.op, f.value])).toEqual([
      ['|=', 'timeout'],
      ['!=', 'healthz'],
      ['|~', '5\\d\\d'],
      ['!~', '(?i)RETRY'],
    ]);
    expect(matchLine(q, 'GET /v1/orders 504 upstream timeout')).toBe(true);
    expect(matchLine(q, 'GET /healthz 504 timeout')).toBe(false);
    expect(matchLine(q, 'GET /v1/orders 200 timeout')).toBe(false);
    expect(matchLine(q, 'GET 504 timeout, will retry')).toBe(false);
  });

  it('accepts filters without a selector, and backtick strings', () => {
    const q = ok('|~ `\\d+ms` != "ok"');
    expect(matchLine(q, 'waited 35ms')).toBe(true);
    expect(matchLine(q, 'waited 35ms ok')).toBe(false);
  });

  it('treats bare text as a case-insensitive substring, regex characters included', () => {
    const q = ok('  Timeout (5s)  ');
    expect(matchLine(q, 'dial tcp: i/o TIMEOUT (5s)')).toBe(true);
    expect(matchLine(q, 'dial tcp: i/o timeout 5s')).toBe(false);
    expect(matchRanges(q, 'a timeout (5s), timeout (5S)')).toEqual([
      [2, 14],
      [16, 28],
    ]);
  });

  it('matches everything when empty', () => {
    const q = ok('   ');
    expect(q.matchers).toEqual([]);
    expect(matchLine(q, 'anything')).toBe(true);
  });

  it.each([
    ['{service="api"', 'expectedCommaOrBrace', 14],
    ['{service="api} |= "x"', 'expectedCommaOrBrace', 19],
    ['{service="api"} |= "timeout', 'unterminatedString', 19],
    ['{service=api}', 'expectedString', 9],
    ['{service "api"}', 'expectedOperator', 9],
    ['{="api"}', 'expectedLabel', 1],
    ['{host="a"}', 'unknownLabel', 1],
    ['{service="api"} timeout', 'expectedFilter', 16],
    ['{level=~"(err"}', 'invalidRegex', 8],
    ['|~ "[a-"', 'invalidRegex', 3],
  ] as const)('reports %s as %s at %i', (input, code, position) => {
    const r = parseLogQuery(input, { labels: LABELS });
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.position]).toEqual([code, position]);
  });

  it('gives the regex engine message as detail', () => {
    const r = parseLogQuery('|~ "(x"');
    expect(!r.ok && r.error.detail).toMatch(/./);
  });
});

describe('matchRanges', () => {
  it('merges overlapping matches of several filters', () => {
    const q = ok('|= "time" |~ "meout" |= "zz"');
    expect(matchRanges(q, 'a timeout b time')).toEqual([
      [2, 9],
      [12, 16],
    ]);
  });

  it('skips negative filters and empty regex matches', () => {
    const q = ok('!= "a" |~ "x*"');
    expect(matchRanges(q, 'abxxc')).toEqual([[2, 4]]);
  });

  it('returns sorted, disjoint, in-bounds ranges for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 3 }),
        (text, word) => {
          const r = parseLogQuery(word);
          if (!r.ok) return;
          let last = -1;
          for (const [s, e] of matchRanges(r.query, text)) {
            expect(s).toBeGreaterThan(last);
            expect(e).toBeGreaterThan(s);
            expect(e).toBeLessThanOrEqual(text.length);
            last = e;
          }
        },
      ),
    );
  });
});
