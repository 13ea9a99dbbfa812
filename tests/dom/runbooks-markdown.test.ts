/**
 * The runbook Markdown renderer: only allowed elements and attributes, whatever the input; HTML
 * in the text stays text; links to runbooks stay in the panel, other links are never navigable.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { ALLOWED_TAGS, matchRanges, renderMarkdown } from '../../src/ui/runbooks/markdown.ts';
import { parseBlocks, plainText, tableCells } from '../../src/ui/runbooks/markdown-parse.ts';

const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'href',
  'data-doc',
  'data-lang',
  'start',
  'type',
  'tabindex',
  'aria-label',
  'scope',
]);

const known = new Set(['runbooks/db-pool.md', 'runbooks/dns.md']);
const render = (source: string, terms?: string[]): HTMLElement =>
  renderMarkdown(source, {
    docId: 'runbooks/api-errors.md',
    known: (id) => known.has(id),
    ...(terms ? { terms } : {}),
  });

/** Every problem with a rendered tree: a tag or attribute outside the lists, a navigable href. */
function violations(root: HTMLElement): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) out.push(`tag ${tag}`);
    for (const attr of el.getAttributeNames()) {
      if (!ALLOWED_ATTRIBUTES.has(attr) && !(tag === 'h2' && attr === 'id')) {
        out.push(`attribute ${attr} on ${tag}`);
      }
    }
    const href = el.getAttribute('href');
    if (href !== null && !href.startsWith('#runbooks/')) out.push(`href ${href}`);
  }
  return out;
}

beforeEach(() => setLocale(DEFAULT_LOCALE));

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists, code and emphasis', () => {
    const root = render(
      '# Title\n\nSome **bold** and *em* and `code`.\n\n## Checks\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n```sh\nkubectl get pods\n```\n\n> quoted\n\n---\n',
    );
    expect(root.querySelector('h2')?.textContent).toBe('Title');
    expect(root.querySelector('h3')?.textContent).toBe('Checks');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('em');
    expect(root.querySelector('p > code')?.textContent).toBe('code');
    expect([...root.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
      'one',
      'two continued',
    ]);
    expect(root.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(root.querySelector('pre code')?.textContent).toBe('kubectl get pods');
    expect(root.querySelector('pre code')?.getAttribute('data-lang')).toBe('sh');
    expect(root.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(root.querySelector('hr')).not.toBeNull();
  });

  it('keeps snake_case and arithmetic as text', () => {
    const root = render(
      'Set max_connections and idle_in_transaction_session_timeout; 6 * 12 = 72.',
    );
    expect(root.querySelector('em')).toBeNull();
    expect(root.textContent).toBe(
      'Set max_connections and idle_in_transaction_session_timeout; 6 * 12 = 72.',
    );
  });

  it('keeps HTML as text: script tags and event handlers never become elements', () => {
    const hostile = [
      '<script>globalThis.__pwned = true</script>',
      '<img src=x onerror="globalThis.__pwned = true">',
      '**<b onclick="x()">bold</b>**',
      '`<iframe src="javascript:alert(1)">`',
      '```html\n<svg onload="alert(1)"></svg>\n```',
      '[<img src=x onerror=alert(1)>](db-pool.md)',
    ].join('\n\n');
    const root = render(hostile);
    expect(root.querySelector('script, img, b, iframe, svg')).toBeNull();
    expect(root.textContent).toContain('<script>globalThis.__pwned = true</script>');
    expect(root.textContent).toContain('<img src=x onerror="globalThis.__pwned = true">');
    expect(violations(root)).toEqual([]);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('links to known runbooks in the panel, and shows other links as text with the address', () => {
    const root = render(
      'See [the pool](db-pool.md), [dns](./dns.md#checks), [gone](gone.md), ' +
        '[PayStream status](https://status.paystream.io) and [x](javascript:alert(1)).',
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.dataset['doc']])).toEqual([
      ['the pool', '#runbooks/db-pool.md', 'runbooks/db-pool.md'],
      ['dns', '#runbooks/dns.md', 'runbooks/dns.md'],
    ]);
    expect(root.textContent).toContain('gone (gone.md)');
    expect(root.textContent).toContain('PayStream status (https://status.paystream.io)');
    expect(violations(root)).toEqual([]);
  });

  it('gives code blocks a Copy button that uses the clipboard', async () => {
    const writes: string[] = [];
    const clipboard = { writeText: (s: string) => (writes.push(s), Promise.resolve()) };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    const root = render('```sh\nkubectl get pods\nkubectl top pods\n```');
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('Copy');
    button.click();
    await Promise.resolve();
    await Promise.resolve();
    expect(writes).toEqual(['kubectl get pods\nkubectl top pods']);
    expect(button.textContent).toBe('Copied');
  });

  it('renders GitHub-flavoured tables with a head, a body and alignment', () => {
    const root = render(
      'Before the table.\n| Time | What | Count |\n| :--- | :-: | --: |\n| 14:02 | `kubectl rollout undo` | 3 |\n| 14:05 | a \\| b **bold** |\n\nAfter.',
    );
    const table = root.querySelector('.md-table > table')!;
    expect(root.querySelector('p')?.textContent).toBe('Before the table.');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Time',
      'What',
      'Count',
    ]);
    expect(table.querySelector('th')?.getAttribute('scope')).toBe('col');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    // A short row is padded with empty cells; an escaped pipe stays in its cell.
    expect(rows).toEqual([
      ['14:02', 'kubectl rollout undo', '3'],
      ['14:05', 'a | b bold', ''],
    ]);
    expect(table.querySelector('tbody td code')?.textContent).toBe('kubectl rollout undo');
    expect(table.querySelector('tbody strong')?.textContent).toBe('bold');
    expect([...table.querySelectorAll('thead th')].map((th) => th.className)).toEqual([
      'md-align-left',
      'md-align-center',
      'md-align-right',
    ]);
    expect(root.lastElementChild?.textContent).toBe('After.');
    expect(violations(root)).toEqual([]);
  });

  it('keeps pipes without a delimiter row, and mismatched tables, as paragraph text', () => {
    const root = render('a | b\nc | d\n\n| x | y |\n| --- |\n| 1 | 2 |');
    expect(root.querySelector('table')).toBeNull();
    expect(root.textContent).toContain('a | b c | d');
    expect(tableCells('| one | two \\| three |')).toEqual(['one', 'two | three']);
    expect(plainText(parseBlocks('| a | b |\n|---|---|\n| 1 | 2 |'))).toBe('a b\n1 2');
  });

  it('reads a backslash before any ASCII punctuation as a literal character', () => {
    const root = render('\\<b\\> a \\| b, https\\://x, \\# not a heading, \\~ and \\@, C:\\Users');
    expect(root.textContent).toBe('<b> a | b, https://x, # not a heading, ~ and @, C:\\Users');
    expect(render('\\- not a list').querySelector('ul')).toBeNull();
  });

  it('keeps HTML in table cells as text', () => {
    const root = render('| <img src=x onerror=alert(1)> |\n|---|\n| <script>x</script> |');
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('th')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(violations(root)).toEqual([]);
  });

  it('marks search terms in the text, case ignored', () => {
    const root = render('The Pool is full; pool waits.', ['pool']);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Pool', 'pool']);
    expect(root.textContent).toBe('The Pool is full; pool waits.');
    expect(matchRanges('ab ab', ['ab'])).toEqual([
      [0, 2],
      [3, 5],
    ]);
    // Overlapping and touching matches become one mark.
    expect(matchRanges('abcd', ['abc', 'bcd'])).toEqual([[0, 4]]);
    expect(matchRanges('abcabc', ['bc', 'abc'])).toEqual([[0, 6]]);
  });

  it('never throws and never makes an element or attribute outside the allow-list', () => {
    const pieces = fc.constantFrom(
      '#',
      '## ',
      '- ',
      '1. ',
      '> ',
      '```',
      '~~~',
      '`',
      '*',
      '**',
      '_',
      '[',
      '](',
      ')',
      '\\',
      '\n',
      '\n\n',
      '  ',
      '<script>',
      '<img src=x onerror=alert(1)>',
      'javascript:',
      'db-pool.md',
      '../',
      'text',
      '---',
      '|',
      ' | ',
      '\\|',
      '|---|',
      '| :-: | --: |',
      '\n| a | b |\n| --- | --- |\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }),
        fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 2 }),
        (parts, terms) => {
          const root = render(
            parts.join(''),
            terms.map((s) => s.toLowerCase()),
          );
          expect(violations(root)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
