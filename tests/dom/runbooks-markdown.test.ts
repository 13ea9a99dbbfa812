/**
 * The runbook Markdown renderer: only allowed elements and attributes, whatever the input; HTML
 * in the text stays text; links to runbooks stay in the panel, other links are never navigable.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { ALLOWED_TAGS, matchRanges, renderMarkdown } from '../../src/ui/runbooks/markdown.ts';

const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'href',
  'data-doc',
  'data-lang',
  'start',
  'type',
  'tabindex',
  'aria-label',
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
