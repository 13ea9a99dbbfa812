/**
 * Searching runbooks: every term of the query must occur in the title or the text (case
 * ignored); title hits rank first. A snippet around the first hit in the text shows why a
 * document matched.
 */
import { parseBlocks, plainText } from './markdown-parse.ts';
import type { RunbookDoc } from './types.ts';

export interface IndexedDoc {
  readonly doc: RunbookDoc;
  readonly title: string;
  /** The readable text (Markdown syntax removed), for snippets. */
  readonly text: string;
}

export interface SearchHit {
  readonly doc: RunbookDoc;
  /** Text around the first match in the body, or null when only the title matched. */
  readonly snippet: string | null;
}

const SNIPPET_BEFORE = 40;
const SNIPPET_LENGTH = 140;

export function indexDocs(docs: readonly RunbookDoc[]): IndexedDoc[] {
  return docs.map((doc) => ({
    doc,
    title: doc.title.toLowerCase(),
    // Blocks joined with a dot, so a snippet that crosses a heading still reads.
    text: plainText(parseBlocks(doc.body))
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '')
      .join(' · '),
  }));
}

/** The query's words, lower case, without repeats. */
export function termsOf(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w !== ''),
    ),
  ];
}

export function searchDocs(index: readonly IndexedDoc[], terms: readonly string[]): SearchHit[] {
  if (terms.length === 0) return index.map((d) => ({ doc: d.doc, snippet: null }));
  const hits: { hit: SearchHit; score: number; order: number }[] = [];
  index.forEach((d, order) => {
    const lower = d.text.toLowerCase();
    if (!terms.every((term) => d.title.includes(term) || lower.includes(term))) return;
    const inTitle = terms.filter((term) => d.title.includes(term)).length;
    const first = Math.min(...terms.map((term) => lower.indexOf(term)).filter((i) => i >= 0));
    hits.push({
      hit: { doc: d.doc, snippet: Number.isFinite(first) ? snippetAt(d.text, first) : null },
      score: inTitle,
      order,
    });
  });
  return hits.sort((a, b) => b.score - a.score || a.order - b.order).map((x) => x.hit);
}

function snippetAt(text: string, at: number): string {
  let from = Math.max(0, at - SNIPPET_BEFORE);
  // Start at a word boundary when cutting into the text.
  const space = from > 0 ? text.indexOf(' ', from) : -1;
  if (space >= 0 && space < at) from = space + 1;
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
