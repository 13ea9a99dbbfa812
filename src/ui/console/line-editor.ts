/**
 * The input line's memory, without the DOM: walking the history with ↑/↓ (keeping the line being
 * typed), and what a Tab press should do.
 */
import type { ConsoleCompletion } from './types.ts';

export class HistoryCursor {
  /** Position in the history; equal to its length while editing a new line. */
  private index: number | null = null;
  private draft = '';

  constructor(private readonly entries: () => readonly string[]) {}

  /** The older entry to show, or null when there is none. */
  up(current: string): string | null {
    const list = this.entries();
    const from = this.index ?? list.length;
    if (from === 0) return null;
    if (this.index === null) this.draft = current;
    this.index = from - 1;
    return list[this.index] ?? null;
  }

  /** The newer entry, the half-typed line when walking past the newest, or null at the bottom. */
  down(): string | null {
    if (this.index === null) return null;
    const list = this.entries();
    this.index += 1;
    if (this.index >= list.length) {
      this.index = null;
      return this.draft;
    }
    return list[this.index] ?? null;
  }

  reset(): void {
    this.index = null;
    this.draft = '';
  }
}

export type TabOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'insert'; readonly value: string; readonly caret: number }
  | { readonly kind: 'list'; readonly candidates: readonly string[] };

/**
 * Like bash: a Tab inserts the unique candidate or the longest common prefix; when that adds
 * nothing, a second Tab in a row lists the candidates.
 */
export function tabOutcome(
  value: string,
  caret: number,
  completion: ConsoleCompletion,
  secondTab: boolean,
): TabOutcome {
  const before = value.slice(0, caret);
  const { candidates, start, replacement } = completion;
  if (candidates.length === 0) return { kind: 'none' };
  const completed = before.slice(0, start) + replacement;
  if (completed !== before) {
    let after = value.slice(caret);
    // A completed word ends in a space; do not double it when the line already has one.
    if (completed.endsWith(' ') && after.startsWith(' ')) after = after.slice(1);
    return { kind: 'insert', value: completed + after, caret: completed.length };
  }
  if (candidates.length > 1 && secondTab) return { kind: 'list', candidates };
  return { kind: 'none' };
}

/** Candidates in columns, filled top to bottom then left to right, as bash and ls print them. */
export function formatColumns(words: readonly string[], width = 80): string {
  if (words.length === 0) return '';
  const colWidth = Math.max(...words.map((w) => w.length)) + 2;
  const cols = Math.max(1, Math.floor((width + 2) / colWidth));
  const rows = Math.ceil(words.length / cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const word = words[c * rows + r];
      if (word !== undefined) line += word.padEnd(colWidth);
    }
    lines.push(line.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
