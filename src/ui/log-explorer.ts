/**
 * The log explorer: a LogQL-like query box, quick filters, and a windowed list of matching lines
 * that follows new lines live until the player scrolls up. The composition root hands it a
 * `LogSource` (src/log-source.ts adapts the sim's store) and calls `update()` as the clock ticks.
 */
import './logs.css';
import { getLocale, onLocaleChange, t } from '../i18n/index.ts';
import { EMPTY_QUERY, parseLogQuery } from '../shared/log-query.ts';
import type { LogQuery, QueryError } from '../shared/log-query.ts';
import { h } from './dom.ts';
import { createQuickFilters } from './log-explorer/filters.ts';
import { renderRow } from './log-explorer/row.ts';
import type { LogSource } from './log-explorer/types.ts';
import { createVirtualList } from './log-explorer/virtual-list.ts';

export type { LogLine, LogRange, LogSource } from './log-explorer/types.ts';

export interface LogExplorerOptions {
  /** A query to start with. */
  readonly query?: string;
  /** Row height in CSS pixels; must match `--logs-row` in logs.css. */
  readonly rowHeight?: number;
  /** Viewport size used until layout reports one (and in tests, which have no layout). */
  readonly fallbackSize?: { readonly width: number; readonly height: number };
  /** Delay after typing before the query runs; Enter runs it at once. */
  readonly debounceMs?: number;
  /** Longest a search runs before yielding to the browser (Infinity: search in one go). */
  readonly sliceMs?: number;
}

export interface LogExplorer {
  readonly element: HTMLElement;
  /** Picks up lines appended since the last call (and drops those the store overwrote). */
  update(): void;
  /** Scrolls to the first shown line at or after simulated time `t` and pauses the tail. */
  jumpTo(t: number): void;
  /** Replaces the query text and runs it. */
  setQuery(text: string): void;
  /** Follows new lines again. */
  resumeTail(): void;
  focus(): void;
  destroy(): void;
}

/** Lines searched between two looks at the clock. */
const CHUNK_LINES = 512;

let mounts = 0;

export function mountLogExplorer(
  root: HTMLElement,
  source: LogSource,
  options: LogExplorerOptions = {},
): LogExplorer {
  const prefix = `oc-logs-${++mounts}`;
  const rowHeight = options.rowHeight ?? 20;
  const debounceMs = options.debounceMs ?? 200;
  const sliceMs = options.sliceMs ?? 8;

  const inputLabel = h('label', { className: 'logs-query-label', attrs: { for: `${prefix}-q` } });
  const help = h('p', { className: 'logs-help', id: `${prefix}-help` });
  const errorEl = h('p', {
    className: 'logs-error',
    id: `${prefix}-error`,
    attrs: { role: 'alert', hidden: '' },
  });
  const input = h('input', {
    className: 'logs-query',
    id: `${prefix}-q`,
    attrs: {
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: '{service="api", level="error"} |= "timeout"',
      'aria-describedby': `${prefix}-help ${prefix}-error`,
    },
  });
  input.value = options.query ?? '';
  const filters = createQuickFilters(prefix, source.services, source.levels, () => run());
  const count = h('p', {
    className: 'logs-count',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const tailState = h('span', { className: 'logs-tail-state' });
  const searching = h('span', { className: 'logs-searching', attrs: { hidden: '' } });
  const resume = h('button', { className: 'logs-resume', attrs: { type: 'button', hidden: '' } });
  const empty = h('p', { className: 'logs-empty', attrs: { hidden: '' } });

  let query: LogQuery = EMPTY_QUERY;
  let error: QueryError | null = null;
  let results: Int32Array = new Int32Array(0);
  /** Lines below this sequence number have been searched. */
  let scannedTo = source.firstSeq;
  let following = true;
  let unseen = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The next slice of a search under way. */
  let pump: ReturnType<typeof setTimeout> | null = null;
  /** Lines from this sequence number on arrived after the query ran (the tail's news). */
  let liveFrom = source.firstSeq;

  const list = createVirtualList(
    rowHeight,
    { width: options.fallbackSize?.width ?? 800, height: options.fallbackSize?.height ?? 400 },
    (index) => {
      const seq = results[index];
      const line = seq === undefined ? null : source.lineAt(seq);
      return line ? renderRow(line, query) : null;
    },
    () => {
      // Scrolling up pauses the tail; scrolling back to the bottom resumes it.
      const atEnd = list.atEnd();
      if (atEnd !== following) {
        following = atEnd;
        if (atEnd) unseen = 0;
        showTail();
      }
    },
  );

  const element = h('section', { className: 'logs-panel' }, [
    h('div', { className: 'logs-toolbar' }, [
      h('div', { className: 'logs-query-row' }, [inputLabel, input]),
      filters.element,
    ]),
    help,
    errorEl,
    h('div', { className: 'logs-statusbar' }, [count, searching, tailState, resume]),
    h('div', { className: 'logs-body' }, [list.scroller, empty]),
  ]);

  function showCount(): void {
    const fmt = new Intl.NumberFormat(getLocale());
    count.textContent = t('logs.count', {
      shown: fmt.format(results.length),
      total: fmt.format(source.size),
    });
    searching.hidden = pump === null;
    empty.hidden = results.length > 0 || error !== null || pump !== null;
  }

  function showTail(): void {
    tailState.textContent = following ? t('logs.tail.following') : t('logs.tail.paused');
    tailState.dataset['state'] = following ? 'following' : 'paused';
    resume.hidden = following;
    resume.textContent = t('logs.tail.resume', {
      count: new Intl.NumberFormat(getLocale()).format(unseen),
    });
  }

  function showError(): void {
    errorEl.hidden = error === null;
    input.setAttribute('aria-invalid', String(error !== null));
    errorEl.textContent =
      error === null
        ? ''
        : t('logs.error.at', {
            column: error.position + 1,
            message: t(`logs.error.${error.code}`, { detail: error.detail }),
          });
  }

  /** Parses the box and re-runs the search over everything held. */
  function run(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const parsed = parseLogQuery(input.value, { labels: source.labels });
    // A bad query keeps the last good results (and their tail) on screen, the error beside it.
    error = parsed.ok ? null : parsed.error;
    showError();
    if (parsed.ok) {
      query = {
        matchers: [...parsed.query.matchers, ...filters.matchers()],
        filters: parsed.query.filters,
      };
      results = new Int32Array(0);
      scannedTo = source.firstSeq;
      liveFrom = source.firstSeq + source.size;
      unseen = 0;
      list.setCount(0);
      if (pump !== null) clearTimeout(pump);
      scan();
    }
    showCount();
    showTail();
  }

  /**
   * Searches lines not scanned yet, in chunks, for at most `sliceMs`; if lines remain, yields to
   * the browser and carries on, so a search that must format 100,000 lines never freezes a frame.
   */
  function scan(): void {
    pump = null;
    const end = source.firstSeq + source.size;
    scannedTo = Math.max(scannedTo, source.firstSeq);
    const started = performance.now();
    const found: Int32Array[] = [];
    // At least one chunk per slice, so a search always makes progress.
    while (scannedTo < end) {
      const stop = Math.min(end, scannedTo + CHUNK_LINES);
      found.push(source.search(query, { fromSeq: scannedTo, toSeq: stop }));
      scannedTo = stop;
      if (performance.now() - started >= sliceMs) break;
    }
    merge(found);
    if (scannedTo < end) pump = setTimeout(scan, 0);
    showCount();
    showTail();
  }

  /** Appends found lines and drops those the store overwrote, keeping the view where it was. */
  function merge(found: readonly Int32Array[]): void {
    let drop = 0;
    while (drop < results.length && results[drop]! < source.firstSeq) drop++;
    const added = found.reduce((n, f) => n + f.length, 0);
    if (added === 0 && drop === 0) return;
    const next = new Int32Array(results.length - drop + added);
    next.set(results.subarray(drop));
    let at = results.length - drop;
    for (const f of found) {
      next.set(f, at);
      at += f.length;
      // Lines that were already there when the query ran are results, not news.
      for (const seq of f) if (seq >= liveFrom) unseen++;
    }
    const top = list.scroller.scrollTop;
    results = next;
    list.setCount(results.length);
    if (following) {
      unseen = 0;
      list.scrollToEnd();
    } else if (drop > 0) list.scrollToIndex(Math.max(0, Math.round(top / rowHeight) - drop));
  }

  function update(): void {
    // A search still under way picks the new lines up itself.
    if (pump === null) scan();
  }

  function jumpTo(time: number): void {
    // Binary search over the shown lines, which are (nearly) in time order.
    let lo = 0;
    let hi = results.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (source.timeOf(results[mid]!) < time) lo = mid + 1;
      else hi = mid;
    }
    following = false;
    list.scrollToIndex(Math.min(lo, Math.max(0, results.length - 1)));
    showTail();
  }

  function resumeTail(): void {
    following = true;
    unseen = 0;
    list.scrollToEnd();
    showTail();
  }

  input.addEventListener('input', () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      run();
    }
  });
  resume.addEventListener('click', resumeTail);
  // The list is focusable, so arrows and Page keys scroll it natively; End also resumes the tail.
  list.scroller.addEventListener('keydown', (event) => {
    if (event.key === 'End') {
      event.preventDefault();
      resumeTail();
    } else if (event.key === 'Home') {
      event.preventDefault();
      following = false;
      list.scrollToIndex(0);
      showTail();
    }
  });

  const relabel = (): void => {
    element.setAttribute('aria-label', t('logs.panel.label'));
    inputLabel.textContent = t('logs.query.label');
    help.textContent = t('logs.query.help');
    list.scroller.setAttribute('aria-label', t('logs.list.label'));
    empty.textContent = t('logs.empty');
    searching.textContent = t('logs.searching');
    filters.relabel();
    showError();
    showCount();
    showTail();
  };

  relabel();
  const unsubscribe = onLocaleChange(relabel);
  root.replaceChildren(element);
  run();

  return {
    element,
    update,
    jumpTo,
    setQuery(text) {
      input.value = text;
      run();
    },
    resumeTail,
    focus: () => input.focus({ preventScroll: true }),
    destroy() {
      if (timer !== null) clearTimeout(timer);
      if (pump !== null) clearTimeout(pump);
      unsubscribe();
      list.destroy();
      element.remove();
    },
  };
}
