/**
 * A small Markdown reader for runbooks and the postmortem: the subset they need (ATX headings,
 * paragraphs, bullet and numbered lists, fenced code, block quotes, rules, GitHub-flavoured
 * tables, and inline code, bold, italic and links). It produces plain data, never HTML; `markdown.ts` turns that into DOM nodes with
 * textContent. Anything it does not understand stays text. Pure: the CLI and node tests use it.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      readonly start: number;
      /** Each item is one or more paragraphs. */
      readonly items: readonly (readonly (readonly Inline[])[])[];
    }
  | { readonly kind: 'code'; readonly lang: string; readonly text: string }
  | { readonly kind: 'quote'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'rule' }
  | {
      readonly kind: 'table';
      /** One entry per column, from the delimiter row (`:--`, `:-:`, `--:`). */
      readonly align: readonly TableAlign[];
      readonly head: readonly (readonly Inline[])[];
      /** Body rows, each with exactly as many cells as the head. */
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    };

export type TableAlign = 'left' | 'center' | 'right' | null;

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;

const DELIMITER_CELL = /^:?-+:?$/;

const blank = (line: string): boolean => line.trim() === '';
const startsBlock = (line: string): boolean =>
  HEADING.test(line.trimStart()) ||
  FENCE.test(line) ||
  BULLET.test(line) ||
  NUMBERED.test(line) ||
  RULE.test(line) ||
  QUOTE.test(line);

/** The cells of a table row: split at unescaped pipes, outer pipes dropped, `\|` kept as `|`. */
export function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * The columns' alignment when `lines[i]` starts a table (a header row with a pipe, then a
 * delimiter row with a pipe and as many cells), else null.
 */
function tableAt(lines: readonly string[], i: number): TableAlign[] | null {
  const head = lines[i];
  const delimiter = lines[i + 1];
  if (head === undefined || delimiter === undefined) return null;
  if (!head.includes('|') || !delimiter.includes('|') || !delimiter.includes('-')) return null;
  const cells = tableCells(delimiter);
  if (!cells.every((c) => DELIMITER_CELL.test(c))) return null;
  if (tableCells(head).length !== cells.length) return null;
  return cells.map((c) =>
    c.startsWith(':') && c.endsWith(':')
      ? 'center'
      : c.endsWith(':')
        ? 'right'
        : c.startsWith(':')
          ? 'left'
          : null,
  );
}

/** Splits Markdown into blocks. Never throws; unknown syntax becomes paragraph text. */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (blank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trimStart().startsWith(marker)) body.push(lines[i++]!);
      i++; // the closing fence (or the end of the text)
      blocks.push({ kind: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = line.startsWith('#') ? HEADING.exec(line) : null;
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1]!.length,
        inlines: parseInlines(heading[2]!),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const parts: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) parts.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ kind: 'quote', inlines: parseInlines(parts.join(' ')) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      let current: string[] = [];
      while (i < lines.length) {
        const l = lines[i]!;
        const m = marker.exec(l);
        if (m) {
          if (current.length > 0) items.push(current);
          current = [m[ordered ? 2 : 1]!];
          i++;
        } else if (!blank(l) && !startsBlock(l)) {
          // A continuation line joins the item's last paragraph.
          current[current.length - 1] += ` ${l.trim()}`;
          i++;
        } else if (
          blank(l) &&
          i + 1 < lines.length &&
          /^ {2,}\S/.test(lines[i + 1]!) &&
          !startsBlock(lines[i + 1]!)
        ) {
          // An indented paragraph after a blank line belongs to the item.
          current.push('');
          i++;
        } else if (blank(l) && i + 1 < lines.length && marker.test(lines[i + 1]!)) {
          i++;
        } else break;
      }
      items.push(current);
      blocks.push({
        kind: 'list',
        ordered,
        start: numbered ? Number(numbered[1]) : 1,
        items: items.map((paragraphs) =>
          paragraphs.filter((p) => p.trim() !== '').map((p) => parseInlines(p.trim())),
        ),
      });
      continue;
    }
    const align = tableAt(lines, i);
    if (align) {
      const row = (l: string): Inline[][] => {
        const cells = tableCells(l);
        // GFM: missing cells are empty, extra cells are dropped.
        return align.map((_, c) => parseInlines(cells[c] ?? ''));
      };
      const head = row(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && !blank(lines[i]!) && !startsBlock(lines[i]!))
        rows.push(row(lines[i++]!));
      blocks.push({ kind: 'table', align, head, rows });
      continue;
    }
    const parts: string[] = [];
    while (
      i < lines.length &&
      !blank(lines[i]!) &&
      (parts.length === 0 || (!startsBlock(lines[i]!) && !tableAt(lines, i)))
    )
      parts.push(lines[i++]!.trim());
    blocks.push({ kind: 'paragraph', inlines: parseInlines(parts.join(' ')) });
  }
  return blocks;
}

/** ASCII punctuation: CommonMark lets a backslash escape any of it (`\<`, `\|`, `\:`...). */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Inline spans: `code`, **strong**, *em* or _em_, [text](href); backslash escapes. */
export function parseInlines(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end > 0) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + run.length, end).trim() || ' ' });
        i = end + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (c === '[') {
      const link = /^\[([^\]]*)\]\(([^()\s]*)\)/.exec(text.slice(i));
      if (link) {
        flush();
        out.push({ kind: 'link', href: link[2]!, children: parseInlines(link[1]!) });
        i += link[0].length;
        continue;
      }
    }
    if (c === '*' && text[i + 1] === '*') {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInlines(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && emphasisOpens(text, i)) {
      const end = emphasisEnd(text, i + 1, c);
      if (end > 0) {
        flush();
        out.push({ kind: 'em', children: parseInlines(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** An emphasis marker opens before a non-space, and `_` only at the start of a word. */
function emphasisOpens(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || /\s/.test(next) || next === text[i]) return false;
  return text[i] === '*' || i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!);
}

function emphasisEnd(text: string, from: number, marker: string): number {
  for (let j = from + 1; j < text.length; j++) {
    if (text[j] !== marker || /\s/.test(text[j - 1]!)) continue;
    if (marker === '_' && j + 1 < text.length && /[\p{L}\p{N}]/u.test(text[j + 1]!)) continue;
    return j;
  }
  return -1;
}

/** The text of inline spans, without markup (for search and snippets). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((s) => (s.kind === 'text' || s.kind === 'code' ? s.text : inlineText(s.children)))
    .join('');
}

/** The readable text of a document, one block per line. */
export function plainText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
        case 'quote':
          return inlineText(b.inlines);
        case 'list':
          return b.items.map((item) => item.map(inlineText).join(' ')).join('\n');
        case 'code':
          return b.text;
        case 'rule':
          return '';
        case 'table':
          return [b.head, ...b.rows].map((r) => r.map(inlineText).join(' ')).join('\n');
      }
    })
    .filter((line) => line !== '')
    .join('\n');
}

/** The first level-one heading's text, or null. */
export function titleOf(blocks: readonly Block[]): string | null {
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return h1 && h1.kind === 'heading' ? inlineText(h1.inlines) : null;
}

/** Every command line of the `sh` code blocks (what the console is expected to run). */
export function shellCommands(blocks: readonly Block[]): string[] {
  return blocks
    .filter((b): b is Extract<Block, { kind: 'code' }> => b.kind === 'code' && b.lang === 'sh')
    .flatMap((b) => b.text.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The `href`s of every link in a document. */
export function linksOf(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const walk = (inlines: readonly Inline[]): void => {
    for (const s of inlines) {
      if (s.kind === 'link') out.push(s.href);
      if (s.kind === 'strong' || s.kind === 'em' || s.kind === 'link') walk(s.children);
    }
  };
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'quote') walk(b.inlines);
    if (b.kind === 'list') b.items.forEach((item) => item.forEach(walk));
    if (b.kind === 'table') [b.head, ...b.rows].forEach((r) => r.forEach(walk));
  }
  return out;
}

/**
 * Where a relative link to another runbook points, as a document id (`runbooks/db-pool.md`),
 * or null for anything else (absolute URLs, anchors, other file types).
 */
export function resolveDocLink(fromId: string, href: string): string | null {
  const path = href.split('#')[0]!;
  if (!/\.md$/i.test(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/'))
    return null;
  const parts = fromId.split('/').slice(0, -1);
  for (const part of path.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
