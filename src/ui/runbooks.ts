/**
 * The runbooks panel: a searchable list of the incident's runbooks and notes beside a reader.
 * The search box filters by title and text as the player types, marks the matches, and says how
 * many documents match in a polite live region. The reader renders a safe Markdown subset with
 * text nodes only (runbooks/markdown.ts); a link to another runbook opens it here, with Back to
 * return. The composition root hands it a `load()` (src/runbook-catalogue.ts).
 */
import './runbooks.css';
import { onLocaleChange, t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { marked, renderMarkdown } from './runbooks/markdown.ts';
import { indexDocs, searchDocs, termsOf } from './runbooks/search.ts';
import type { IndexedDoc, SearchHit } from './runbooks/search.ts';
import type { RunbookDoc, RunbookSource } from './runbooks/types.ts';

export type { RunbookDoc, RunbookSource } from './runbooks/types.ts';

export interface RunbooksPanel {
  readonly element: HTMLElement;
  /** Shows a document by id (`runbooks/db-pool.md`) and moves focus to it; waits for loading. */
  open(id: string): void;
  focusSearch(): void;
  destroy(): void;
}

type Status = 'loading' | 'failed' | 'ready';

let mounts = 0;

export function mountRunbooks(host: HTMLElement, source: RunbookSource): RunbooksPanel {
  const prefix = `oc-runbooks-${++mounts}`;
  let status: Status = 'loading';
  let index: IndexedDoc[] = [];
  let byId = new Map<string, RunbookDoc>();
  let current: string | null = null;
  let pending: string | null = null;
  const history: string[] = [];
  let destroyed = false;
  let shownId: string | null = null;

  const searchLabel = h('label', {
    className: 'runbooks-search-label',
    attrs: { for: `${prefix}-q` },
  });
  const search = h('input', {
    className: 'runbooks-search',
    id: `${prefix}-q`,
    attrs: { type: 'search', autocomplete: 'off', spellcheck: 'false' },
  });
  const count = h('p', {
    className: 'runbooks-count',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const list = h('ul', { className: 'runbooks-list', id: `${prefix}-list` });
  const side = h('nav', { className: 'runbooks-side' }, [searchLabel, search, count, list]);

  const back = h('button', { className: 'runbooks-back', attrs: { type: 'button' } });
  const path = h('span', { className: 'runbooks-path' });
  const body = h('div', { className: 'runbooks-body' });
  const reader = h(
    'article',
    { className: 'runbooks-reader', id: `${prefix}-reader`, attrs: { tabindex: '-1' } },
    [h('div', { className: 'runbooks-toolbar' }, [back, path]), body],
  );
  const element = h('section', { className: 'runbooks' }, [side, reader]);
  host.append(element);

  const terms = (): string[] => termsOf(search.value);

  /** The list for the current query, and the count said politely. */
  const renderList = (): void => {
    if (status !== 'ready') {
      list.replaceChildren();
      count.textContent = t(status === 'loading' ? 'runbooks.loading' : 'runbooks.failed');
      return;
    }
    const q = terms();
    const hits = searchDocs(index, q);
    list.replaceChildren(...hits.map((hit) => item(hit, q)));
    count.textContent =
      q.length === 0
        ? t('runbooks.count.all', { count: hits.length })
        : hits.length === 0
          ? t('runbooks.count.none', { query: search.value.trim() })
          : t('runbooks.count.matches', { count: hits.length, query: search.value.trim() });
  };

  const item = (hit: SearchHit, q: readonly string[]): HTMLLIElement => {
    const button = h(
      'button',
      {
        className: 'runbooks-item',
        attrs: { type: 'button', 'data-doc': hit.doc.id },
      },
      [
        h('span', { className: 'runbooks-item-title' }, marked(hit.doc.title, q)),
        hit.snippet === null
          ? null
          : h('span', { className: 'runbooks-item-snippet' }, marked(hit.snippet, q)),
      ],
    );
    if (hit.doc.id === current) button.setAttribute('aria-current', 'true');
    return h('li', {}, [button]);
  };

  /** The reader: the open document, or a prompt to choose one. */
  const renderReader = (): void => {
    back.textContent = t('runbooks.back');
    back.hidden = history.length === 0;
    const doc = current === null ? undefined : byId.get(current);
    if (doc === undefined) {
      path.textContent = '';
      body.replaceChildren(
        h('p', {
          className: 'runbooks-empty',
          text: t(
            status === 'ready'
              ? current === null
                ? 'runbooks.choose'
                : 'runbooks.missing'
              : status === 'loading'
                ? 'runbooks.loading'
                : 'runbooks.failed',
          ),
        }),
      );
      reader.removeAttribute('aria-labelledby');
      return;
    }
    path.textContent = doc.id;
    const rendered = renderMarkdown(doc.body, {
      docId: doc.id,
      known: (id) => byId.has(id),
      terms: terms(),
    });
    // A document without its own title still gets one, from the catalogue.
    const first = rendered.firstElementChild;
    if (first?.tagName !== 'H2') {
      rendered.prepend(h('h2', { className: 'md-heading', text: doc.title }));
    }
    const heading = rendered.firstElementChild!;
    heading.id = `${prefix}-title`;
    reader.setAttribute('aria-labelledby', heading.id);
    body.replaceChildren(rendered);
    // Marking new search terms keeps the place; a new document starts at its top.
    if (shownId !== doc.id) body.scrollTop = 0;
    shownId = doc.id;
  };

  const show = (id: string, remember: boolean, focus: boolean): void => {
    if (remember && current !== null && current !== id) history.push(current);
    current = id;
    renderReader();
    for (const b of list.querySelectorAll<HTMLElement>('.runbooks-item')) {
      if (b.dataset['doc'] === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
    if (focus) reader.focus();
  };

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('.runbooks-item');
    const id = button?.dataset['doc'];
    if (id !== undefined) show(id, true, false);
  });
  // Links between runbooks open inside the panel; nothing navigates the page.
  body.addEventListener('click', (event) => {
    const anchor = (event.target as Element).closest<HTMLElement>('a');
    if (anchor === null) return;
    event.preventDefault();
    const id = anchor.dataset['doc'];
    if (id !== undefined) show(id, true, true);
  });
  back.addEventListener('click', () => {
    const previous = history.pop();
    if (previous !== undefined) show(previous, false, true);
  });

  search.addEventListener('input', () => {
    renderList();
    if (current !== null) renderReader();
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = list.querySelector<HTMLElement>('.runbooks-item');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && search.value !== '') {
      event.preventDefault();
      search.value = '';
      renderList();
      if (current !== null) renderReader();
    } else if (event.key === 'Enter') {
      const first = list.querySelector<HTMLElement>('.runbooks-item');
      const id = first?.dataset['doc'];
      if (id !== undefined) {
        event.preventDefault();
        show(id, true, true);
      }
    }
  });
  // Up and down move through the results; Up from the first goes back to the search box.
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...list.querySelectorAll<HTMLElement>('.runbooks-item')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) search.focus();
    else items[Math.min(next, items.length - 1)]!.focus();
  });

  const relabel = (): void => {
    searchLabel.textContent = t('runbooks.search');
    search.placeholder = t('runbooks.search.placeholder');
    side.setAttribute('aria-label', t('runbooks.list'));
    element.setAttribute('aria-label', t('runbooks.heading'));
    renderList();
    renderReader();
  };
  const unsubscribe = onLocaleChange(relabel);
  relabel();

  const loaded = (docs: readonly RunbookDoc[]): void => {
    if (destroyed) return;
    index = indexDocs(docs);
    byId = new Map(docs.map((d) => [d.id, d]));
    status = 'ready';
    renderList();
    if (pending !== null) {
      const id = pending;
      pending = null;
      show(id, false, true);
    } else renderReader();
  };
  const failed = (error: unknown): void => {
    if (destroyed) return;
    console.error('On-Call Drill: the runbooks did not load', error);
    status = 'failed';
    renderList();
    renderReader();
  };
  try {
    const docs = source.load();
    if (Array.isArray(docs)) loaded(docs as readonly RunbookDoc[]);
    else void Promise.resolve(docs).then(loaded, failed);
  } catch (error) {
    failed(error);
  }

  return {
    element,
    open(id) {
      if (status === 'loading') pending = id;
      else show(id, true, true);
    },
    focusSearch() {
      search.focus();
      search.select();
    },
    destroy() {
      destroyed = true;
      unsubscribe();
      element.remove();
    },
  };
}
