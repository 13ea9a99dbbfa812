/**
 * One log line as a row: clock, level (as a word and a colour, never colour alone), source and
 * text. Matches are wrapped in <mark> built from text nodes, so log text can never become markup.
 */
import { matchRanges } from '../../shared/log-query.ts';
import type { LogQuery } from '../../shared/log-query.ts';
import { h } from '../dom.ts';
import type { LogLine } from './types.ts';

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

export function renderRow(line: LogLine, query: LogQuery): HTMLElement {
  // Rows have a fixed height: a multi-line record shows its newlines as ↵ (same length, so the
  // match ranges still line up) and can be read in full in the title.
  const text = line.text.includes('\n') ? line.text.replaceAll('\n', '↵') : line.text;
  return h(
    'div',
    {
      className: 'logs-row',
      attrs: { role: 'listitem', 'data-level': line.level, 'data-seq': String(line.seq) },
    },
    [
      h('span', { className: 'logs-clock', text: line.clock }),
      h('span', { className: 'logs-level', text: line.level.toUpperCase() }),
      h('span', { className: 'logs-source', text: line.source, attrs: { title: line.source } }),
      h('span', { className: 'logs-text' }, highlighted(text, matchRanges(query, line.text))),
    ],
  );
}
