/**
 * A windowed list over @tanstack/virtual-core with fixed row heights: only the rows in view (plus
 * a few either side) exist in the DOM, so 100,000 lines scroll like 50. Scrolling is reported
 * to the virtualizer directly as well as through `scroll` events, so it also works without
 * layout (tests) and programmatic jumps render at once.
 */
import { Virtualizer } from '@tanstack/virtual-core';
import type { Rect } from '@tanstack/virtual-core';
import { h } from '../dom.ts';

export interface VirtualList {
  readonly scroller: HTMLElement;
  /** New row count; `draw: false` when a scroll follows at once and will draw. */
  setCount(count: number, draw?: boolean): void;
  scrollToIndex(index: number): void;
  scrollToEnd(): void;
  /** Scrolls the least needed to show row `index` whole. */
  ensureVisible(index: number): void;
  /** Whether the last row is in view (the tail is followed from here). */
  atEnd(): boolean;
  /** Redraws the rows in view (their content changed: highlights, the active row). */
  render(): void;
  destroy(): void;
}

export function createVirtualList(
  rowHeight: number,
  fallback: Rect,
  renderRow: (index: number) => HTMLElement | null,
  onScroll: () => void,
): VirtualList {
  const inner = h('div', { className: 'logs-inner', attrs: { role: 'none' } });
  // The scroller is the focusable listbox; the active row is named by aria-activedescendant.
  const scroller = h(
    'div',
    { className: 'logs-scroller', attrs: { tabindex: '0', role: 'listbox' } },
    [inner],
  );
  let reportOffset: ((offset: number, isScrolling: boolean) => void) | null = null;
  const height = (): number => scroller.clientHeight || fallback.height;

  const virtualizer = new Virtualizer<HTMLDivElement, HTMLDivElement>({
    count: 0,
    getScrollElement: () => scroller,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: fallback,
    observeElementRect: (_instance, cb) => {
      const report = (): void =>
        cb({ width: scroller.clientWidth || fallback.width, height: height() });
      report();
      if (typeof ResizeObserver === 'undefined') return undefined;
      const observer = new ResizeObserver(report);
      observer.observe(scroller);
      return () => observer.disconnect();
    },
    observeElementOffset: (_instance, cb) => {
      reportOffset = cb;
      const listener = (): void => {
        cb(scroller.scrollTop, false);
        onScroll();
      };
      cb(scroller.scrollTop, false);
      scroller.addEventListener('scroll', listener, { passive: true });
      return () => scroller.removeEventListener('scroll', listener);
    },
    scrollToFn: (offset) => {
      scroller.scrollTop = offset;
      reportOffset?.(offset, false);
    },
    onChange: () => render(false),
  });
  const unmount = virtualizer._didMount();
  virtualizer._willUpdate();

  /**
   * What the last render drew (first and last index, row count, data version): the virtualizer
   * reports a scroll it caused itself, and a tail that appends and scrolls must not lay the rows
   * out three times a frame.
   */
  let drawn = '';
  let dataVersion = 0;

  function render(force = true): void {
    const items = virtualizer.getVirtualItems();
    const key = `${items[0]?.index ?? -1}:${items.at(-1)?.index ?? -1}:${virtualizer.options.count}:${dataVersion}`;
    if (!force && key === drawn) return;
    drawn = key;
    inner.style.height = `${virtualizer.getTotalSize()}px`;
    const rows: HTMLElement[] = [];
    for (const item of items) {
      const row = renderRow(item.index);
      if (!row) continue;
      row.style.transform = `translateY(${item.start}px)`;
      row.style.height = `${rowHeight}px`;
      row.setAttribute('aria-posinset', String(item.index + 1));
      row.setAttribute('aria-setsize', String(virtualizer.options.count));
      rows.push(row);
    }
    inner.replaceChildren(...rows);
  }

  const scrollTo = (offset: number): void => {
    scroller.scrollTop = offset;
    reportOffset?.(offset, false);
    render(false);
  };

  return {
    scroller,
    setCount(count, draw = true) {
      virtualizer.setOptions({ ...virtualizer.options, count });
      virtualizer._willUpdate();
      dataVersion += 1;
      if (draw) render(false);
    },
    scrollToIndex: (index) => scrollTo(index * rowHeight),
    scrollToEnd: () => scrollTo(Math.max(0, virtualizer.getTotalSize() - height())),
    ensureVisible(index) {
      const top = index * rowHeight;
      if (top < scroller.scrollTop) scrollTo(top);
      else if (top + rowHeight > scroller.scrollTop + height())
        scrollTo(top + rowHeight - height());
    },
    atEnd: () => scroller.scrollTop + height() >= virtualizer.getTotalSize() - rowHeight,
    render: () => render(true),
    destroy: unmount,
  };
}
