/** Reading the document back with a real GFM parser (marked's lexer), for the document's tests. */
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';

export function lex(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown);
}

/** Every token, block and inline, depth first (table cells and list items included). */
export function allTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  const visit = (list: readonly Token[] | undefined): void => {
    for (const tok of list ?? []) {
      out.push(tok);
      if (tok.type === 'table') {
        const table = tok as Tokens.Table;
        for (const cell of table.header) visit(cell.tokens);
        for (const row of table.rows) for (const cell of row) visit(cell.tokens);
      } else if (tok.type === 'list') visit((tok as Tokens.List).items);
      else if ('tokens' in tok) visit(tok.tokens);
    }
  };
  visit(tokens);
  return out;
}

export function tables(tokens: readonly Token[]): Tokens.Table[] {
  return allTokens(tokens).filter((t): t is Tokens.Table => t.type === 'table');
}

export function headings(tokens: readonly Token[], depth: number): string[] {
  return tokens
    .filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth)
    .map((h) => shownText(h.tokens));
}

/** The text inline tokens show, escapes resolved and markup dropped. */
export function shownText(tokens: readonly Token[]): string {
  return allTokens(tokens)
    .filter((t) => !('tokens' in t && t.tokens && t.tokens.length > 0))
    .map((t) => ('text' in t ? String(t.text) : ''))
    .join('');
}

/** The text a table cell shows. */
export function cellText(cell: Tokens.TableCell): string {
  return shownText(cell.tokens);
}
