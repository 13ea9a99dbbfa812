/**
 * One log line as a row: clock, level (as a word and a colour, never colour alone), source and
 * text. Matches are wrapped in <mark> built from text nodes, so log text can never become markup.
 * Rows have one height and do not wrap, so when the first match lies far into a long line (JSON
 * access logs) the row shows a window around it after a leading "…"; the detail view has it all.
 */
import { matchRanges } from '../../shared/log-query.ts';
import type { LogQuery } from '../../shared/log-query.ts';
import { h } from '../dom.ts';
import type { LogLine } from './types.ts';

/** A first match starting past this column is brought into view... */
export const MATCH_WINDOW_AFTER = 80;
/** ...showing this many characters of context before it. */
export const MATCH_CONTEXT = 24;

/** Text split into plain and marked pieces along `[start, end)` ranges. */
export function highlighted(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push(document.createTextNode(text.slice(at, start)));
    out.push(h('mark', { text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** The row's text: whole, or from a little before a far first match, with its ranges shifted. */
export function matchWindow(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
): { text: string; ranges: Array<[number, number]>; clipped: boolean } {
  const first = ranges[0];
  if (!first || first[0] <= MATCH_WINDOW_AFTER)
    return { text, ranges: ranges.map(([a, b]) => [a, b]), clipped: false };
  const from = first[0] - MATCH_CONTEXT;
  // The ellipsis takes one character: ranges move by `from - 1`.
  return {
    text: `…${text.slice(from)}`,
    ranges: ranges.map(([a, b]) => [a - from + 1, b - from + 1]),
    clipped: true,
  };
}

export function renderRow(
  line: LogLine,
  query: LogQuery,
  id: string,
  active: boolean,
): HTMLElement {
  // Rows have a fixed height: a multi-line record shows its newlines as ↵ (same length, so the
  // match ranges still line up).
  const flat = line.text.includes('\n') ? line.text.replaceAll('\n', '↵') : line.text;
  const shown = matchWindow(flat, matchRanges(query, line.text));
  const text = h('span', { className: 'logs-text' }, highlighted(shown.text, shown.ranges));
  if (shown.clipped) text.dataset['clipped'] = 'start';
  return h(
    'div',
    {
      className: active ? 'logs-row is-active' : 'logs-row',
      id,
      attrs: {
        role: 'option',
        'aria-selected': String(active),
        'data-level': line.level,
        'data-seq': String(line.seq),
      },
    },
    [
      h('span', { className: 'logs-clock', text: line.clock }),
      h('span', { className: 'logs-level', text: line.level.toUpperCase() }),
      h('span', { className: 'logs-source', text: line.source, attrs: { title: line.source } }),
      text,
    ],
  );
}
