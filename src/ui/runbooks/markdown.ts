/**
 * Runbook Markdown as DOM: the blocks of `markdown-parse.ts` built with `h()` and text nodes, so
 * no string ever becomes markup. Only the elements in `ALLOWED_TAGS` are created. Links to other
 * runbooks become in-panel links (`data-doc`); any other link is shown as text with its address
 * and is never navigated. Code blocks get a Copy button; tables sit in a box that scrolls
 * sideways rather than widening the page.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { parseBlocks, resolveDocLink } from './markdown-parse.ts';
import type { Block, Inline, TableAlign } from './markdown-parse.ts';

/** Every element the renderer may create; the property test holds it to this list. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'pre',
  'code',
  'strong',
  'em',
  'a',
  'span',
  'mark',
  'blockquote',
  'hr',
  'div',
  'button',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

export interface RenderOptions {
  /** The document being rendered, for resolving relative links. */
  readonly docId: string;
  /** Whether a document id exists; links to unknown documents stay text. */
  readonly known: (id: string) => boolean;
  /** Search terms to mark in the text (lower case). */
  readonly terms?: readonly string[];
}

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
/** The panel has its own heading above the document: `#` becomes h2, and so on. */
const HEADINGS: readonly HeadingTag[] = ['h2', 'h3', 'h4', 'h5', 'h6'];

export function renderMarkdown(source: string, options: RenderOptions): HTMLElement {
  return h(
    'div',
    { className: 'md' },
    parseBlocks(source).map((b) => block(b, options)),
  );
}

function block(b: Block, o: RenderOptions): HTMLElement {
  switch (b.kind) {
    case 'heading':
      return h(
        HEADINGS[Math.min(b.level, HEADINGS.length) - 1]!,
        { className: 'md-heading' },
        inlines(b.inlines, o),
      );
    case 'paragraph':
      return h('p', {}, inlines(b.inlines, o));
    case 'quote':
      return h('blockquote', {}, [h('p', {}, inlines(b.inlines, o))]);
    case 'rule':
      return h('hr');
    case 'list':
      return h(
        b.ordered ? 'ol' : 'ul',
        b.ordered && b.start !== 1 ? { attrs: { start: String(b.start) } } : {},
        b.items.map((item) =>
          h(
            'li',
            {},
            item.length === 1
              ? inlines(item[0]!, o)
              : item.map((paragraph) => h('p', {}, inlines(paragraph, o))),
          ),
        ),
      );
    case 'code':
      return codeBlock(b.text, b.lang, o);
    case 'table':
      return table(b, o);
  }
}

function table(b: Extract<Block, { kind: 'table' }>, o: RenderOptions): HTMLElement {
  const cell = (tag: 'th' | 'td', spans: readonly Inline[], align: TableAlign): HTMLElement =>
    h(
      tag,
      {
        ...(align ? { className: `md-align-${align}` } : {}),
        ...(tag === 'th' ? { attrs: { scope: 'col' } } : {}),
      },
      inlines(spans, o),
    );
  const head = h('thead', {}, [
    h(
      'tr',
      {},
      b.head.map((c, i) => cell('th', c, b.align[i] ?? null)),
    ),
  ]);
  const body =
    b.rows.length === 0
      ? null
      : h(
          'tbody',
          {},
          b.rows.map((r) =>
            h(
              'tr',
              {},
              r.map((c, i) => cell('td', c, b.align[i] ?? null)),
            ),
          ),
        );
  return h('div', { className: 'md-table' }, [h('table', {}, [head, body])]);
}

function inlines(spans: readonly Inline[], o: RenderOptions): Node[] {
  return spans.flatMap((s): Node[] => {
    switch (s.kind) {
      case 'text':
        return marked(s.text, o.terms);
      case 'code':
        return [h('code', {}, marked(s.text, o.terms))];
      case 'strong':
        return [h('strong', {}, inlines(s.children, o))];
      case 'em':
        return [h('em', {}, inlines(s.children, o))];
      case 'link':
        return link(s.href, s.children, o);
    }
  });
}

function link(href: string, children: readonly Inline[], o: RenderOptions): Node[] {
  const target = resolveDocLink(o.docId, href);
  if (target !== null && o.known(target)) {
    return [
      h(
        'a',
        { className: 'md-link', attrs: { href: `#${target}`, 'data-doc': target } },
        inlines(children, o),
      ),
    ];
  }
  // Not a runbook: the reader sees where it points, and nothing navigates there.
  const label = inlines(children, o);
  const shown = label.map((n) => n.textContent ?? '').join('');
  if (shown === href || href === '') return label;
  return [...label, h('span', { className: 'md-url', text: ` (${href})` })];
}

function codeBlock(text: string, lang: string, o: RenderOptions): HTMLElement {
  const code = h(
    'code',
    lang === '' ? {} : { attrs: { 'data-lang': lang } },
    marked(text, o.terms),
  );
  const pre = h('pre', { className: 'md-pre', attrs: { tabindex: '0' } }, [code]);
  const copy = h('button', {
    className: 'md-copy',
    text: t('runbooks.copy'),
    attrs: { type: 'button', 'aria-label': t('runbooks.copy.label') },
  });
  copy.addEventListener('click', () => {
    void copyText(text, pre).then((done) => {
      copy.textContent = t(done ? 'runbooks.copied' : 'runbooks.selected');
    });
  });
  copy.addEventListener('blur', () => {
    copy.textContent = t('runbooks.copy');
  });
  return h('div', { className: 'md-code' }, [pre, copy]);
}

/** Copies through the clipboard when the page may; otherwise selects the text for Ctrl+C. */
async function copyText(text: string, pre: HTMLElement): Promise<boolean> {
  const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard;
  if (clipboard !== undefined) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, not focused): fall back to selecting.
    }
  }
  const selection = globalThis.getSelection?.();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(pre);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  return false;
}

/** Text with each occurrence of a search term wrapped in <mark>, as text nodes. */
export function marked(text: string, terms: readonly string[] | undefined): Node[] {
  if (terms === undefined || terms.length === 0 || text === '')
    return [document.createTextNode(text)];
  const ranges = matchRanges(text, terms);
  if (ranges.length === 0) return [document.createTextNode(text)];
  const out: Node[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) out.push(document.createTextNode(text.slice(at, from)));
    out.push(h('mark', { text: text.slice(from, to) }));
    at = to;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** Where the terms occur, case-insensitively, merged where they overlap. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  // A few characters change length in lower case; offsets would not line up, so mark nothing.
  if (lower.length !== text.length) return [];
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + term.length)) {
      found.push([i, i + term.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
