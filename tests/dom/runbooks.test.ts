/**
 * The runbooks panel: search filters by title and text with marked matches and a polite count,
 * the reader opens documents and follows links between them, keyboard use, loading states.
 */
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { mountRunbooks } from '../../src/ui/runbooks.ts';
import type { RunbookDoc, RunbooksPanel } from '../../src/ui/runbooks.ts';

const DOCS: RunbookDoc[] = [
  {
    id: 'runbooks/architecture.md',
    title: 'Architecture',
    body: '# Architecture\n\nSix API pods with a pool of 12 each. See [DB pool](db-pool.md).',
  },
  {
    id: 'runbooks/db-pool.md',
    title: 'DB pool: DBPoolSaturated',
    body: '# DB pool: DBPoolSaturated\n\nThe pool is full.\n\n```sh\npsql -c "SELECT 1;"\n```\n\nSee [DNS](dns.md) and [architecture](architecture.md).',
  },
  {
    id: 'runbooks/dns.md',
    title: 'DNS: CoreDNSErrors',
    body: '# DNS: CoreDNSErrors\n\nA dropped query costs a 5 s timeout. Check `ndots` in resolv.conf.',
  },
];

let host: HTMLElement;
let panel: RunbooksPanel;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  panel.destroy();
  host.remove();
});

const search = (): HTMLInputElement => getByRole(host, 'searchbox', { name: 'Search runbooks' });
const type = (value: string): void => {
  fireEvent.input(search(), { target: { value } });
};
const items = (): HTMLElement[] => [...host.querySelectorAll<HTMLElement>('.runbooks-item')];
const titles = (): string[] =>
  items().map((b) => b.querySelector('.runbooks-item-title')?.textContent ?? '');
const status = (): HTMLElement => getByRole(host, 'status');
const reader = (): HTMLElement => host.querySelector<HTMLElement>('.runbooks-reader')!;

describe('the runbooks panel', () => {
  beforeEach(() => {
    panel = mountRunbooks(host, { load: () => DOCS });
  });

  it('lists every document and counts them in a polite live region', () => {
    expect(titles()).toEqual(['Architecture', 'DB pool: DBPoolSaturated', 'DNS: CoreDNSErrors']);
    expect(status().getAttribute('aria-live')).toBe('polite');
    expect(status().textContent).toBe('Documents: 3');
    expect(reader().textContent).toContain('Choose a runbook');
  });

  it('filters by title and by text, marks the matches and says how many', () => {
    type('timeout');
    expect(titles()).toEqual(['DNS: CoreDNSErrors']);
    expect(status().textContent).toBe('Matches for “timeout”: 1');
    const snippet = items()[0]!.querySelector('.runbooks-item-snippet')!;
    expect(snippet.querySelector('mark')?.textContent).toBe('timeout');

    type('POOL');
    // Title matches first, then text matches, in catalogue order.
    expect(titles()).toEqual(['DB pool: DBPoolSaturated', 'Architecture']);
    expect(items()[0]!.querySelector('.runbooks-item-title mark')?.textContent).toBe('pool');

    type('pool dns');
    expect(titles()).toEqual(['DB pool: DBPoolSaturated']);

    type('zookeeper');
    expect(titles()).toEqual([]);
    expect(status().textContent).toBe('No runbook mentions “zookeeper”.');

    fireEvent.keyDown(search(), { key: 'Escape' });
    expect(search().value).toBe('');
    expect(titles()).toHaveLength(3);
  });

  it('opens a document from the list and marks it as current', () => {
    fireEvent.click(items()[1]!);
    const heading = within(reader()).getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('DB pool: DBPoolSaturated');
    expect(reader().getAttribute('aria-labelledby')).toBe(heading.id);
    expect(items()[1]!.getAttribute('aria-current')).toBe('true');
    expect(items()[0]!.hasAttribute('aria-current')).toBe(false);
    expect(reader().querySelector('pre code')?.textContent).toBe('psql -c "SELECT 1;"');
  });

  it('follows links between runbooks inside the panel, and goes back', () => {
    panel.open('runbooks/architecture.md');
    expect(document.activeElement).toBe(reader());
    const back = reader().querySelector<HTMLButtonElement>('.runbooks-back')!;
    expect(back.textContent).toBe('← Back');
    expect(back.hidden).toBe(true);

    const link = within(reader()).getByRole('link', { name: 'DB pool' });
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(within(reader()).getByRole('heading', { level: 2 }).textContent).toBe(
      'DB pool: DBPoolSaturated',
    );
    expect(back.hidden).toBe(false);

    fireEvent.click(within(reader()).getByRole('link', { name: 'DNS' }));
    fireEvent.click(back);
    expect(within(reader()).getByRole('heading', { level: 2 }).textContent).toBe(
      'DB pool: DBPoolSaturated',
    );
    fireEvent.click(back);
    expect(within(reader()).getByRole('heading', { level: 2 }).textContent).toBe('Architecture');
    expect(back.hidden).toBe(true);
  });

  it('says so when asked for a document it does not have', () => {
    panel.open('runbooks/nope.md');
    expect(reader().textContent).toContain('There is no runbook at this address.');
  });

  it('marks the search terms in the open document', () => {
    panel.open('runbooks/dns.md');
    type('ndots');
    expect([...reader().querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ndots']);
  });

  it('is operable from the keyboard', () => {
    panel.focusSearch();
    expect(document.activeElement).toBe(search());
    fireEvent.keyDown(search(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items()[0]);
    fireEvent.keyDown(items()[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items()[1]);
    fireEvent.keyDown(items()[1]!, { key: 'ArrowUp' });
    fireEvent.keyDown(items()[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(search());

    // Enter in the search box opens the best match.
    type('coredns');
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(within(reader()).getByRole('heading', { level: 2 }).textContent).toBe(
      'DNS: CoreDNSErrors',
    );
    expect(document.activeElement).toBe(reader());
  });

  it('shows document text as text, never as markup', () => {
    panel.destroy();
    panel = mountRunbooks(host, {
      load: () => [
        {
          id: 'notes/x.md',
          title: '<img src=x onerror="globalThis.__pwned = true">',
          body: '<script>globalThis.__pwned = true</script>',
        },
      ],
    });
    panel.open('notes/x.md');
    expect(host.querySelector('img, script')).toBeNull();
    expect(reader().textContent).toContain('<script>globalThis.__pwned = true</script>');
    expect(titles()).toEqual(['<img src=x onerror="globalThis.__pwned = true">']);
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});

describe('loading', () => {
  it('waits for documents that arrive later, then opens the one asked for', async () => {
    let resolve: (docs: readonly RunbookDoc[]) => void = () => {};
    panel = mountRunbooks(host, {
      load: () => new Promise<readonly RunbookDoc[]>((r) => (resolve = r)),
    });
    expect(status().textContent).toBe('Loading runbooks…');
    panel.open('runbooks/dns.md');
    resolve(DOCS);
    await Promise.resolve();
    await Promise.resolve();
    expect(titles()).toHaveLength(3);
    expect(within(reader()).getByRole('heading', { level: 2 }).textContent).toBe(
      'DNS: CoreDNSErrors',
    );
  });

  it('says when the documents could not be loaded', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      panel = mountRunbooks(host, { load: () => Promise.reject(new Error('offline')) });
      await Promise.resolve();
      await Promise.resolve();
      expect(status().textContent).toBe('The runbooks could not be loaded.');
    } finally {
      console.error = original;
    }
  });
});
