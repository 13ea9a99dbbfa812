/**
 * A LogQL-like query language for the log explorer, parsed and matched without throwing:
 *
 *   {service="api", level=~"error|warn", pod!~"api-7d.*"} |= "timeout" != "healthz" |~ "5\\d\\d"
 *
 * Label regexes are anchored at both ends and line regexes are not, as in Loki. Text without
 * braces or a leading filter operator is a case-insensitive substring search. Errors carry a code
 * (the UI translates it) and the 0-based position where parsing stopped.
 */

export type LabelOp = '=' | '!=' | '=~' | '!~';
export type LineOp = '|=' | '!=' | '|~' | '!~';

export interface LabelMatcher {
  readonly label: string;
  readonly op: LabelOp;
  readonly value: string;
  /** Compiled for `=~` and `!~`, anchored. */
  readonly re: RegExp | null;
}

export interface LineFilter {
  /** `contains` is the bare-text search: case-insensitive, no operator typed. */
  readonly op: LineOp | 'contains';
  readonly value: string;
  /** Compiled for `|~`, `!~` and `contains`; global so highlighting can walk matches. */
  readonly re: RegExp | null;
}

export interface LogQuery {
  readonly matchers: readonly LabelMatcher[];
  readonly filters: readonly LineFilter[];
}

export type QueryErrorCode =
  | 'unterminatedString'
  | 'expectedString'
  | 'expectedLabel'
  | 'expectedOperator'
  | 'expectedCommaOrBrace'
  | 'expectedFilter'
  | 'invalidRegex'
  | 'unknownLabel';

export interface QueryError {
  readonly code: QueryErrorCode;
  /** 0-based offset in the input where the problem starts. */
  readonly position: number;
  /** The offending label, or the regex engine's own message. */
  readonly detail: string;
}

export type ParseResult =
  | { readonly ok: true; readonly query: LogQuery }
  | { readonly ok: false; readonly error: QueryError };

export interface ParseOptions {
  /** Labels a selector may name; any identifier when absent. */
  readonly labels?: readonly string[];
}

export const EMPTY_QUERY: LogQuery = { matchers: [], filters: [] };

/** Thrown only inside the parser and always caught by `parseLogQuery`. */
class Stop {
  constructor(readonly error: QueryError) {}
}

const LINE_OPS: readonly LineOp[] = ['|=', '!=', '|~', '!~'];
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

export function parseLogQuery(input: string, options: ParseOptions = {}): ParseResult {
  const text = input.trim();
  if (text === '') return { ok: true, query: EMPTY_QUERY };
  const structured = text.startsWith('{') || LINE_OPS.some((op) => text.startsWith(op));
  if (!structured) {
    const re = new RegExp(escapeRegExp(text), 'gi');
    return { ok: true, query: { matchers: [], filters: [{ op: 'contains', value: text, re }] } };
  }
  try {
    return { ok: true, query: new Parser(input, options).query() };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.error };
    // Anything else is a parser bug; report it as a position rather than crash the panel.
    return { ok: false, error: { code: 'expectedFilter', position: 0, detail: String(e) } };
  }
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly options: ParseOptions,
  ) {}

  query(): LogQuery {
    const matchers: LabelMatcher[] = [];
    const filters: LineFilter[] = [];
    this.skip();
    if (this.peek('{')) this.selector(matchers);
    for (this.skip(); this.pos < this.src.length; this.skip()) filters.push(this.filter());
    return { matchers, filters };
  }

  private selector(out: LabelMatcher[]): void {
    this.pos++;
    this.skip();
    if (this.eat('}')) return;
    for (;;) {
      out.push(this.matcher());
      this.skip();
      if (this.eat('}')) return;
      if (!this.eat(',')) this.fail('expectedCommaOrBrace');
      this.skip();
      // A trailing comma before the brace is forgiven.
      if (this.eat('}')) return;
    }
  }

  private matcher(): LabelMatcher {
    const at = this.pos;
    IDENT.lastIndex = at;
    const m = IDENT.exec(this.src);
    if (!m) this.fail('expectedLabel');
    const label = m[0];
    const known = this.options.labels;
    if (known && !known.includes(label)) this.fail('unknownLabel', label, at);
    this.pos += label.length;
    this.skip();
    const op = (['=~', '!~', '!=', '='] as const).find((o) => this.src.startsWith(o, this.pos));
    if (op === undefined) this.fail('expectedOperator');
    this.pos += op.length;
    this.skip();
    const valueAt = this.pos;
    const value = this.string();
    const re = op === '=~' || op === '!~' ? this.regex(`^(?:${value})$`, '', valueAt) : null;
    return { label, op, value, re };
  }

  private filter(): LineFilter {
    const op = LINE_OPS.find((o) => this.src.startsWith(o, this.pos));
    if (op === undefined) this.fail('expectedFilter');
    this.pos += op.length;
    this.skip();
    const valueAt = this.pos;
    const value = this.string();
    if (op === '|=' || op === '!=') return { op, value, re: null };
    // RE2's leading (?i) is how Loki users ask for case-insensitivity.
    const insensitive = value.startsWith('(?i)');
    const body = insensitive ? value.slice(4) : value;
    return { op, value, re: this.regex(body, insensitive ? 'gi' : 'g', valueAt) };
  }

  /** A "double-quoted" string with backslash escapes, or a `backtick` raw string. */
  private string(): string {
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== '`') this.fail('expectedString');
    const start = this.pos;
    let out = '';
    for (let i = this.pos + 1; i < this.src.length; i++) {
      const c = this.src[i]!;
      if (c === quote) {
        this.pos = i + 1;
        return out;
      }
      if (c === '\\' && quote === '"' && i + 1 < this.src.length) {
        const next = this.src[++i]!;
        if (next === 'n') out += '\n';
        else if (next === 't') out += '\t';
        else if (next === '"' || next === '\\') out += next;
        // Unknown escapes (\d, \s) are kept, so a regex written with single backslashes works.
        else out += `\\${next}`;
      } else out += c;
    }
    return this.fail('unterminatedString', '', start);
  }

  private regex(source: string, flags: string, at: number): RegExp {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      return this.fail('invalidRegex', e instanceof Error ? e.message : String(e), at);
    }
  }

  private skip(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  private peek(c: string): boolean {
    return this.src[this.pos] === c;
  }

  private eat(c: string): boolean {
    if (!this.peek(c)) return false;
    this.pos++;
    return true;
  }

  private fail(code: QueryErrorCode, detail = '', position = this.pos): never {
    throw new Stop({ code, position, detail });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

/** Whether one label value passes one matcher; a missing label is the empty string, as in Loki. */
export function matchLabel(m: LabelMatcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return test(m.re!, value);
    case '!~':
      return !test(m.re!, value);
  }
}

export function matchLabels(q: LogQuery, labels: (name: string) => string): boolean {
  return q.matchers.every((m) => matchLabel(m, labels(m.label)));
}

export function matchLine(q: LogQuery, text: string): boolean {
  for (const f of q.filters) {
    let hit: boolean;
    if (f.op === '|=' || f.op === '!=') hit = text.includes(f.value);
    else hit = test(f.re!, text);
    const negated = f.op === '!=' || f.op === '!~';
    if (hit === negated) return false;
  }
  return true;
}

/**
 * Ranges `[start, end)` of `text` that positive filters matched, sorted and merged, for
 * highlighting. Empty matches are skipped.
 */
export function matchRanges(q: LogQuery, text: string): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  for (const f of q.filters) {
    if (f.op === '|=') {
      if (f.value === '') continue;
      for (let i = text.indexOf(f.value); i >= 0; i = text.indexOf(f.value, i + f.value.length))
        raw.push([i, i + f.value.length]);
    } else if ((f.op === '|~' || f.op === 'contains') && f.re) {
      f.re.lastIndex = 0;
      for (let m = f.re.exec(text); m; m = f.re.exec(text)) {
        if (m[0] === '') {
          f.re.lastIndex++;
          continue;
        }
        raw.push([m.index, m.index + m[0].length]);
      }
    }
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A string literal the parser reads back as `value`: raw backticks when possible. */
function quoteValue(value: string): string {
  if (!value.includes('`')) return `\`${value}\``;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function quoteLabel(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Query text that parses back to `q`; a bare-text search becomes its `(?i)` regex form. */
export function formatLogQuery(q: LogQuery): string {
  const selector =
    q.matchers.length > 0
      ? `{${q.matchers.map((m) => `${m.label}${m.op}${quoteLabel(m.value)}`).join(', ')}}`
      : '';
  const filters = q.filters.map((f) =>
    f.op === 'contains'
      ? `|~ ${quoteValue(`(?i)${escapeRegExp(f.value)}`)}`
      : `${f.op} ${quoteValue(f.value)}`,
  );
  return [selector, ...filters].filter((s) => s !== '').join(' ');
}

/**
 * The query text with its service matchers replaced by `service="…"` (or removed, for null);
 * the rest of the query is kept. Text that does not parse is replaced by the selector alone.
 */
export function withService(
  text: string,
  service: string | null,
  options: ParseOptions = {},
): string {
  const parsed = parseLogQuery(text, options);
  const query = parsed.ok ? parsed.query : EMPTY_QUERY;
  const matchers = query.matchers.filter((m) => m.label !== 'service');
  if (service !== null) matchers.unshift({ label: 'service', op: '=', value: service, re: null });
  return formatLogQuery({ matchers, filters: query.filters });
}
