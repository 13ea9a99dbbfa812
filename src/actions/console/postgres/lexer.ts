/**
 * The SQL lexer: identifiers (folded to lower case unless double-quoted), numbers, string
 * literals, `$n` parameters and operators, each with its offset so errors can point at it.
 */
import { sqlError } from './errors.ts';

export type Token =
  | { k: 'ident'; v: string; raw: string; quoted: boolean; pos: number }
  | { k: 'num'; v: string; raw: string; pos: number }
  | { k: 'str'; v: string; raw: string; pos: number }
  | { k: 'param'; v: string; raw: string; pos: number }
  | { k: 'op'; v: string; raw: string; pos: number }
  | { k: 'eof'; v: ''; raw: ''; pos: number };

const OPERATORS = [
  '!~~*',
  '!~~',
  '~~*',
  '!~*',
  '::',
  '<>',
  '!=',
  '<=',
  '>=',
  '||',
  '@@',
  '~~',
  '!~',
  '~*',
  '->>',
  '->',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '~',
  '(',
  ')',
  ',',
  ';',
  '.',
  '[',
  ']',
  '^',
  ':',
];

const isIdentStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isIdentChar = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

export function lex(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) throw sqlError('unterminated /* comment at or near "/*"', i);
      i = end + 2;
      continue;
    }
    const start = i;
    if ((c === 'E' || c === 'e') && sql[i + 1] === "'") i++;
    if (sql[i] === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= sql.length)
          throw sqlError(`unterminated quoted string at or near "${sql.slice(start)}"`, start);
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += sql[i];
        i++;
      }
      out.push({ k: 'str', v, raw: sql.slice(start, i), pos: start });
      continue;
    }
    i = start;
    if (c === '"') {
      const end = sql.indexOf('"', i + 1);
      if (end < 0)
        throw sqlError(`unterminated quoted identifier at or near "${sql.slice(start)}"`, start);
      const v = sql.slice(i + 1, end);
      if (v === '') throw sqlError('zero-length delimited identifier at or near """"', start);
      out.push({ k: 'ident', v, raw: sql.slice(start, end + 1), quoted: true, pos: start });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i))!;
      out.push({ k: 'num', v: m[0], raw: m[0], pos: start });
      i += m[0].length;
      if (i < sql.length && isIdentStart(sql[i]!))
        throw sqlError(`trailing junk after numeric literal at or near "${m[0]}${sql[i]}"`, start);
      continue;
    }
    const dollar = c === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i)) : null;
    if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      if (end < 0)
        throw sqlError(`unterminated dollar-quoted string at or near "${sql.slice(start)}"`, start);
      const v = sql.slice(i + dollar[0].length, end);
      i = end + dollar[0].length;
      out.push({ k: 'str', v, raw: sql.slice(start, i), pos: start });
      continue;
    }
    if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      const m = /^\$\d+/.exec(sql.slice(i))!;
      out.push({ k: 'param', v: m[0], raw: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < sql.length && isIdentChar(sql[j]!)) j++;
      const raw = sql.slice(i, j);
      out.push({ k: 'ident', v: raw.toLowerCase(), raw, quoted: false, pos: start });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (!op) throw sqlError(`syntax error at or near "${c}"`, start);
    out.push({ k: 'op', v: op, raw: op, pos: start });
    i += op.length;
  }
  out.push({ k: 'eof', v: '', raw: '', pos: sql.length });
  return out;
}
