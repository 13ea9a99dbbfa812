/**
 * The log explorer: a LogQL-like query box, quick filters, and a windowed list of matching lines
 * that follows new lines live until the player scrolls up. Arrow keys move through the lines and
 * Enter (or a click) opens one whole in the detail view. The composition root hands it a
 * `LogSource` (src/log-source.ts adapts the sim's store) and calls `update()` as the clock ticks.
 */
import './logs.css';
import { getLocale, onLocaleChange, t } from '../i18n/index.ts';
import { EMPTY_QUERY, formatLogQuery, parseLogQuery, withService } from '../shared/log-query.ts';
import type { LogQuery, QueryError } from '../shared/log-query.ts';
import { h } from './dom.ts';
import { createLineDetail } from './log-explorer/detail.ts';
import { createQuickFilters } from './log-explorer/filters.ts';
import { withLabel } from './log-explorer/query-labels.ts';
import { measureRowHeight } from './log-explorer/row-height.ts';
import { resumeKey } from './log-explorer/tail-text.ts';
import { renderRow } from './log-explorer/row.ts';
import { searchChunks } from './log-explorer/scan.ts';
import type { LogSource } from './log-explorer/types.ts';
import { createVirtualList } from './log-explorer/virtual-list.ts';

export type { LogLine, LogRange, LogSource } from './log-explorer/types.ts';

export interface LogExplorerOptions {
  /** A query to start with. */
  readonly query?: string;
  /** Row height in CSS pixels; by default 1.25rem, measured at mount (and set as `--logs-row`). */
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
  /**
   * Shows one component's lines: sets the query's service matcher (null removes it) and keeps
   * the rest of the query, e.g. when the player clicks a component on the topology map.
   */
  focusService(service: string | null): void;
  /** Follows new lines again. */
  resumeTail(): void;
  focus(): void;
  destroy(): void;
}

let mounts = 0;

export function mountLogExplorer(
  root: HTMLElement,
  source: LogSource,
  options: LogExplorerOptions = {},
): LogExplorer {
  const prefix = `oc-logs-${++mounts}`;
  const rowHeight = options.rowHeight ?? measureRowHeight();
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
  // A quick filter rewrites its label in the query text (the last good query if the text does not
  // parse: what is on screen), which then runs and shows in every filter.
  const filters = createQuickFilters(prefix, source.services, source.levels, (label, matcher) => {
    const parsed = parseLogQuery(input.value, { labels: source.labels });
    input.value = formatLogQuery(withLabel(parsed.ok ? parsed.query : query, label, matcher));
    run();
  });
  const count = h('p', {
    className: 'logs-count',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const tailState = h('span', { className: 'logs-tail-state' });
  const searching = h('span', { className: 'logs-searching', attrs: { hidden: '' } });
  const resume = h('button', { className: 'logs-resume', attrs: { type: 'button', hidden: '' } });
  const empty = h('p', { className: 'logs-empty', attrs: { hidden: '' } });
  const hint = h('span', { className: 'logs-hint', id: `${prefix}-hint` });

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
  /** Index (in results) of the row arrow keys move and Enter opens; -1 before the first move. */
  let active = -1;
  const rowId = (index: number): string => `${prefix}-row-${index}`;

  const list = createVirtualList(
    rowHeight,
    { width: options.fallbackSize?.width ?? 800, height: options.fallbackSize?.height ?? 400 },
    (index) => {
      const seq = results[index];
      const line = seq === undefined ? null : source.lineAt(seq);
      return line ? renderRow(line, query, rowId(index), index === active) : null;
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

  const detail = createLineDetail(prefix, () => {
    delete body.dataset['detail'];
    list.scroller.focus({ preventScroll: true });
  });

  const listArea = h('div', { className: 'logs-list' }, [list.scroller, empty]);
  const body = h('div', { className: 'logs-body' }, [listArea, detail.element]);
  const element = h('section', { className: 'logs-panel' }, [
    h('div', { className: 'logs-toolbar' }, [
      h('div', { className: 'logs-query-row' }, [inputLabel, input]),
      filters.element,
    ]),
    help,
    errorEl,
    h('div', { className: 'logs-statusbar' }, [count, searching, tailState, resume, hint]),
    body,
  ]);
  // The rows and the CSS agree on one height in whole pixels.
  element.style.setProperty('--logs-row', `${rowHeight}px`);

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
    resume.textContent = t(resumeKey(unseen, getLocale()), {
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
      query = parsed.query;
      filters.show(query);
      results = new Int32Array(0);
      setActive(-1);
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
    const step = searchChunks(
      source,
      query,
      scannedTo,
      end,
      () => performance.now() - started >= sliceMs,
    );
    const found = step.found;
    scannedTo = step.scannedTo;
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
    if (active >= 0) setActive(Math.max(-1, active - drop), false);
    list.setCount(results.length, !following && drop === 0);
    if (following) {
      unseen = 0;
      list.scrollToEnd();
    } else if (drop > 0) list.scrollToIndex(Math.max(0, Math.round(top / rowHeight) - drop));
  }

  function update(): void {
    // A search still under way picks the new lines up itself.
    if (pump === null) scan();
    filters.setPods(source.pods?.() ?? []);
  }

  /** Moves the active row, naming it to assistive technology, and re-renders the rows. */
  function setActive(index: number, render = true): void {
    active = index;
    if (index >= 0) list.scroller.setAttribute('aria-activedescendant', rowId(index));
    else list.scroller.removeAttribute('aria-activedescendant');
    if (render) list.render();
  }

  /** Moves the active row by `delta` lines, pausing the tail so the row stays put. */
  function moveActive(delta: number): void {
    if (results.length === 0) return;
    const from = active >= 0 ? active : Math.floor(list.scroller.scrollTop / rowHeight);
    const next = Math.min(results.length - 1, Math.max(0, from + (active >= 0 ? delta : 0)));
    following = next === results.length - 1 && following;
    setActive(next);
    list.ensureVisible(next);
    showTail();
  }

  function openActive(): void {
    const seq = results[active];
    const line = seq === undefined ? null : source.lineAt(seq);
    if (!line) return;
    // The detail takes a column beside the list (or its lower part when narrow): keep the row seen.
    body.dataset['detail'] = 'open';
    detail.open(line, query);
    list.ensureVisible(active);
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
  // The list is a focusable listbox: arrows and Page keys move the active row, Enter opens it,
  // Home goes to the oldest line and End to the newest (resuming the tail).
  const page = (): number =>
    Math.max(1, Math.floor((list.scroller.clientHeight || 400) / rowHeight) - 1);
  list.scroller.addEventListener('keydown', (event) => {
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page(),
      PageUp: -page(),
    };
    const delta = moves[event.key];
    if (delta !== undefined) {
      event.preventDefault();
      moveActive(delta);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      openActive();
    } else if (event.key === 'Escape' && detail.line !== null) {
      event.preventDefault();
      detail.close();
    } else if (event.key === 'End') {
      event.preventDefault();
      setActive(results.length - 1, false);
      resumeTail();
    } else if (event.key === 'Home') {
      event.preventDefault();
      following = false;
      setActive(results.length > 0 ? 0 : -1, false);
      list.scrollToIndex(0);
      showTail();
    }
  });
  list.scroller.addEventListener('click', (event) => {
    const row = event.target instanceof Element ? event.target.closest('.logs-row') : null;
    const index = Number(row?.getAttribute('aria-posinset') ?? 0) - 1;
    if (index < 0) return;
    following = false;
    setActive(index);
    showTail();
    openActive();
  });

  const relabel = (): void => {
    element.setAttribute('aria-label', t('logs.panel.label'));
    inputLabel.textContent = t('logs.query.label');
    help.textContent = t('logs.query.help');
    list.scroller.setAttribute('aria-label', t('logs.list.label'));
    list.scroller.setAttribute('aria-describedby', hint.id);
    hint.textContent = t('logs.list.hint');
    empty.textContent = t('logs.empty');
    searching.textContent = t('logs.searching');
    filters.relabel();
    detail.relabel();
    showError();
    showCount();
    showTail();
  };

  filters.setPods(source.pods?.() ?? []);
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
    focusService(service) {
      input.value = withService(input.value, service, { labels: source.labels });
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
