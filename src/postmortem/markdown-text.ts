/**
 * Writing data into GitHub-flavoured Markdown safely. Scenario text and player text are data:
 * escaped here they stay one line of literal text, so they cannot end a table cell, open HTML,
 * make a link, a heading or a list. Only what `markdown.ts` writes itself is Markdown.
 */

/** Characters that start Markdown or HTML anywhere in a line (GFM adds `~` strike and `$` math). */
const SPECIAL = /[\\`*[\]<>|~$@]/g;
/** An entity reference (`&lt;`, `&#60;`) would be decoded; escaping its `&` keeps it literal. */
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
/** `_` opens emphasis only next to a non-word character; `snake_case` stays readable. */
const UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
/** GFM turns bare `http://`, `www.` and e-mail addresses into links. */
const AUTOLINK_SCHEME = /:(?=\/\/)/g;
const AUTOLINK_WWW = /\b(www)\./gi;
/** At the start of a line these make a heading, a list item or a setext underline. */
const BLOCK_START = /^(#{1,6}(?= |$)|[-+](?= |$)|=+$|\d{1,9}(?=[.)](?: |$)))/;

/** One line of literal text: whitespace collapsed, every Markdown and HTML character escaped. */
export function escapeText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const escaped = line
    .replace(SPECIAL, '\\$&')
    .replace(ENTITY, '\\&')
    .replace(UNDERSCORE, '\\_')
    .replace(AUTOLINK_SCHEME, '\\:')
    .replace(AUTOLINK_WWW, '$1\\.');
  // A number followed by `.` or `)` starts an ordered list: escape the punctuation after it.
  const m = BLOCK_START.exec(escaped);
  if (!m) return escaped;
  if (/^\d/.test(m[1]!)) return `${m[1]}\\${escaped.slice(m[1]!.length)}`;
  return `\\${escaped}`;
}

/** A code span: its fence is longer than any run of backticks inside, so nothing can close it. */
export function inlineCode(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A leading or trailing backtick would merge with the fence; CommonMark strips one space each side.
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * A code span inside a table cell, or null when it cannot be written there: GFM splits cells
 * on `|` before code spans are read, and renderers disagree on `\|` after a backslash.
 */
export function cellCode(text: string): string | null {
  if (/\\\|/.test(text)) return null;
  return inlineCode(text).replace(/\|/g, '\\|');
}

/** A fenced code block that no line of `text` can close, with its info string. */
export function fencedBlock(text: string, info = 'text'): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * A GFM table. Cells are Markdown already escaped by the caller; a cell's own line breaks and
 * pipes are flattened here so a row stays one row.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (md: string): string => md.replace(/\s*\n\s*/g, ' ').trim() || ' ';
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A bullet list; each item is one line of Markdown. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** `**label**`, escaped. */
export function bold(text: string): string {
  return `**${escapeText(text)}**`;
}
