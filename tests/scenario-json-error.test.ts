/**
 * Locating a JSON syntax error: the scanner agrees with JSON.parse on what is valid, and points
 * where the engine points when the engine says (Node does; Chromium's "Unexpected token" does not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError, loadScenario } from '../src/scenario/load.ts';
import { jsonErrorOffset } from '../src/scenario/json-error.ts';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, pretty ? 2 : 0))).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on texts one edit away from JSON, and points where Node points', () => {
    const edited = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '0'))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(edited, (text) => {
        const offset = jsonErrorOffset(text);
        expect(offset === null).toBe(parses(text));
        if (offset === null) return;
        try {
          JSON.parse(text);
        } catch (e) {
          const pos = /position (\d+)/.exec((e as Error).message);
          if (pos) expect(offset).toBe(Number(pos[1]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('points at the character that breaks the grammar', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('"\\q"')).toBe(2);
    expect(jsonErrorOffset('01')).toBe(1);
  });

  it('gives a scenario file’s JSON syntax error a line and a column', () => {
    const r = loadScenario('drill.json', '{\n  "id": "x",\n  "title": }\n');
    expect(r.ok).toBe(false);
    const text = !r.ok ? r.errors.map(formatError).join('\n') : '';
    expect(text).toMatch(/^drill\.json: JSON syntax error at line 3, column 12: /);
  });
});
