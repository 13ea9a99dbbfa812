/**
 * The Grafana-like dashboards: rows of uPlot panels over the sim's metrics (SLO, edge, web, API,
 * pool and PgBouncer, PostgreSQL, Redis, DNS), a time range picker, crosshairs synchronised
 * across panels, markers and alert thresholds on every chart, and a maximised view of one panel.
 *
 * It reads the incident store and redraws only when something it shows changed (new samples, the
 * markers, the thresholds, the range, the language), only charts on screen in expanded rows, and
 * spreads the redraws over frames. Clicking a chart hands its moment (simulated ms) to
 * `onPickTime`, so the composition root can open the logs there.
 */
import 'uplot/dist/uPlot.min.css';
import './dashboards.css';
import { onLocaleChange, t, translateRef } from '../i18n/index.ts';
import { watch } from '../store/index.ts';
import type { IncidentStore, IncidentViewState } from '../store/index.ts';
import { h } from './dom.ts';
import { createPanelChart, labelText } from './dashboards/chart.ts';
import type { ChartHost, PanelChart } from './dashboards/chart.ts';
import { openLargeView } from './dashboards/large-view.ts';
import { unitSymbols } from './dashboards/unit-symbols.ts';
import type { LargeView } from './dashboards/large-view.ts';
import { ALERTS_BELOW, FOCUS_TARGETS, ROWS } from './dashboards/layout.ts';
import type { PanelSpec, RowSpec } from './dashboards/layout.ts';
import type { HLine, PlacedMarker } from './dashboards/overlays.ts';
import type { RangeId } from './dashboards/panel-data.ts';
import { LIMIT_LOOK, seriesLook } from './dashboards/palette.ts';
import { RedrawQueue } from './dashboards/redraw-queue.ts';
import type { FrameScheduler } from './dashboards/redraw-queue.ts';
import { createRow } from './dashboards/row.ts';
import type { DashboardRow } from './dashboards/row.ts';
import { createToolbar } from './dashboards/toolbar.ts';
import { DEFAULT_SYMBOLS, formatValue } from './dashboards/units.ts';
import type { UnitSymbols } from './dashboards/units.ts';

export type { RangeId } from './dashboards/panel-data.ts';

export interface DashboardsOptions {
  /** Called with the simulated ms under the cursor when the player clicks a chart (or presses Enter). */
  readonly onPickTime?: (tSimMs: number) => void;
  readonly range?: RangeId;
  /** Rows to show (tests use fewer); the full dashboard by default. */
  readonly rows?: readonly RowSpec[];
  /** Milliseconds of chart drawing per frame before the rest waits for the next one. */
  readonly frameBudgetMs?: number;
  /** Animation frames and the clock; tests pass a manual one. */
  readonly frames?: FrameScheduler;
}

export interface Dashboards {
  readonly element: HTMLElement;
  /** Draws every pending chart now, instead of over the next frames. */
  refresh(): void;
  setRange(range: RangeId): void;
  /** Opens one panel large (as its expand button does); Esc closes it. */
  openPanel(panelId: string): void;
  destroy(): void;
}

/** A chart and what decides whether it draws: on screen, and in an expanded row. */
interface Entry {
  readonly chart: PanelChart;
  readonly row: DashboardRow | null;
  onScreen: boolean;
  draw(): void;
}

let mounts = 0;

/** Milliseconds of drawing allowed at once for charts scrolled into view. */
const VISIBLE_BUDGET_MS = 48;

export function mountDashboards(
  host: HTMLElement,
  store: IncidentStore,
  options: DashboardsOptions = {},
): Dashboards {
  const prefix = `oc-dash-${++mounts}`;
  const rowSpecs = options.rows ?? ROWS;
  let range: RangeId = options.range ?? '15m';
  let symbols: UnitSymbols = DEFAULT_SYMBOLS;
  /** Bumped whenever what the charts show changed; each chart remembers the stamp it drew. */
  let stamp = 0;
  let markers: PlacedMarker[] = [];
  const queue = new RedrawQueue<Entry>(options.frameBudgetMs ?? 4, options.frames);
  const entries = new Map<Element, Entry>();
  let large: { view: LargeView; entry: Entry } | null = null;

  const queries = new Map<string, string>();
  const readQueries = (state: IncidentViewState): void => {
    queries.clear();
    for (const m of state.metrics.metrics) queries.set(m.key, m.query);
  };
  readQueries(store.getState());

  const keys = h('p', { className: 'visually-hidden', id: `${prefix}-keys` });
  const controlsKeys = h('p', { className: 'visually-hidden', id: `${prefix}-controls-keys` });
  const rowKeys = h('p', { className: 'visually-hidden', id: `${prefix}-row-keys` });
  const chartHost: ChartHost = {
    syncKey: prefix,
    keysId: keys.id,
    controlsKeysId: controlsKeys.id,
    reader: () => store.getState().metrics,
    range: () => range,
    symbols: () => symbols,
    startEpochMs: () => store.getState().startEpochMs,
    query: (metric) => queries.get(metric) ?? metric,
    pick: (tSimMs) => options.onPickTime?.(tSimMs),
    view: (spec, opener) => openLarge(spec, opener),
  };

  const shouldDraw = (entry: Entry): boolean =>
    entry.onScreen && !(entry.row?.collapsed ?? false) && entry.chart.drawnStamp !== stamp;

  const makeEntry = (chart: PanelChart, row: DashboardRow | null, onScreen: boolean): Entry => {
    const entry: Entry = {
      chart,
      row,
      onScreen,
      draw() {
        if (shouldDraw(entry)) chart.draw(stamp);
      },
    };
    return entry;
  };

  // Layout --------------------------------------------------------------------------------------
  const toolbar = createToolbar(`${prefix}-title`, (next) => api.setRange(next));
  const rows = rowSpecs.map((spec) => {
    const charts = spec.panels.map((panel) => createPanelChart(panel, chartHost));
    return createRow(prefix, spec, charts, (row) => {
      for (const chart of row.charts) {
        const entry = entries.get(chart.plotBox);
        if (!entry) continue;
        if (row.collapsed) queue.delete(entry);
        else if (shouldDraw(entry)) queue.add(entry);
      }
    });
  });
  const rowsElement = h(
    'div',
    { className: 'dash-rows' },
    rows.map((r) => r.element),
  );
  // Row headers work like an accordion's: the arrow keys go header to header, skipping the
  // panels of a row in one key press.
  rowsElement.addEventListener('keydown', (event) => {
    const toggles = rows.map((r) => r.toggle);
    const i = toggles.indexOf(event.target as HTMLButtonElement);
    if (i < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const next =
      event.key === 'ArrowDown'
        ? toggles[Math.min(toggles.length - 1, i + 1)]
        : event.key === 'ArrowUp'
          ? toggles[Math.max(0, i - 1)]
          : event.key === 'Home'
            ? toggles[0]
            : event.key === 'End'
              ? toggles[toggles.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
  const element = h(
    'section',
    { className: 'dashboards', attrs: { 'aria-labelledby': `${prefix}-title` } },
    [toolbar.element, keys, controlsKeys, rowKeys, rowsElement],
  );
  host.replaceChildren(element);

  // What is on screen: without IntersectionObserver (old browsers, tests) everything counts.
  const intersection =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (changes) => {
            const arrived: Entry[] = [];
            for (const change of changes) {
              const entry = entries.get(change.target);
              if (!entry) continue;
              entry.onScreen = change.isIntersecting;
              entry.chart.setSynced(entry.onScreen);
              if (shouldDraw(entry)) arrived.push(entry);
              else if (!entry.onScreen) queue.delete(entry);
            }
            // Charts coming into view draw now, not on later frames: a blank chart reads as "no
            // data", and with throttled frames it could stay blank for seconds. A long jump may
            // cost one slow frame (about 3 ms a chart at 2560×1440); past 48 ms the rest queue.
            queue.drawNow(arrived, VISIBLE_BUDGET_MS);
          },
          { rootMargin: '120px 0px' },
        );
  const resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((changes) => {
          for (const change of changes) entries.get(change.target)?.chart.resize();
        });

  for (const row of rows) {
    for (const chart of row.charts) {
      const entry = makeEntry(chart, row, intersection === null);
      entries.set(chart.plotBox, entry);
      intersection?.observe(chart.plotBox);
      resize?.observe(chart.plotBox);
    }
  }

  // Overlays: thresholds, guides, markers ---------------------------------------------------------
  const linesFor = (panel: PanelSpec, state: IncidentViewState): HLine[] => {
    const lines: HLine[] = [];
    for (const th of state.thresholds) {
      // A threshold belongs to its own series: never drawn on a panel without it.
      const index = panel.series.findIndex((s) => s.metric === th.metric);
      if (index < 0) continue;
      const value = formatValue(panel.unit, th.value, symbols);
      const below = ALERTS_BELOW.has(th.metric);
      const series = panel.series[index]!;
      if (panel.series.length === 1) {
        lines.push({
          value: th.value,
          label: t('dashboards.threshold.label', { alert: th.alert, value }),
          alarm: true,
          below,
        });
        continue;
      }
      // Among several series, say which one the alert watches, so another one above the line
      // does not look as if it were alerting.
      lines.push({
        value: th.value,
        label: t('dashboards.threshold.seriesLabel', {
          alert: th.alert,
          series: labelText(series.label),
          op: below ? '<' : '>',
          value,
        }),
        alarm: true,
        below,
        series: { index, look: series.limit ? LIMIT_LOOK : seriesLook(index) },
      });
    }
    for (const guide of panel.guides ?? []) {
      lines.push({ value: guide.value, label: translateRef({ key: guide.label }), alarm: false });
    }
    return lines;
  };

  const allEntries = (): Entry[] => [...entries.values(), ...(large ? [large.entry] : [])];

  const applyOverlays = (): void => {
    const state = store.getState();
    const start = state.startEpochMs;
    markers = state.markers.map((m) => ({ x: (start + m.t) / 1000, kind: m.kind, label: m.label }));
    for (const entry of allEntries()) {
      entry.chart.overlay.markers = markers;
      entry.chart.overlay.lines = linesFor(entry.chart.spec, state);
    }
  };

  /** Something every chart shows changed: queue the ones that are on screen. */
  const invalidate = (): void => {
    stamp++;
    for (const entry of allEntries()) if (shouldDraw(entry)) queue.add(entry);
  };

  // Maximised panel -------------------------------------------------------------------------------
  const openLarge = (spec: PanelSpec, opener: HTMLElement | null): void => {
    large?.view.close();
    const { view: _view, ...largeHost } = chartHost;
    const view = openLargeView(spec, largeHost, opener, () => {
      if (large?.view === view) {
        queue.delete(large.entry);
        large = null;
      }
    });
    const entry = makeEntry(view.chart, null, true);
    large = { view, entry };
    view.chart.overlay.markers = markers;
    view.chart.overlay.lines = linesFor(spec, store.getState());
    element.append(view.element);
    view.focus();
    // Draw at once (not next frame) once the dialog has its size.
    entry.draw();
    view.chart.resize();
  };

  // Focus from the map or another panel ----------------------------------------------------------
  const applyFocus = (focus: IncidentViewState['focus']): void => {
    const target = focus === null ? null : FOCUS_TARGETS[focus];
    for (const row of rows) {
      const on = target !== null && row.spec.id === target.row;
      row.setFocused(on, target?.panel);
      if (!on) continue;
      row.setCollapsed(false);
      const behavior = store.getState().reducedMotion ? 'auto' : 'smooth';
      const panel = target.panel
        ? row.charts.find((c) => c.spec.id === target.panel)?.element
        : undefined;
      (panel ?? row.element).scrollIntoView?.({ behavior, block: panel ? 'center' : 'start' });
    }
  };

  // Language --------------------------------------------------------------------------------------
  const relabel = (): void => {
    symbols = unitSymbols();
    element.setAttribute('aria-label', t('dashboards.label'));
    keys.textContent = t('dashboards.panel.keys');
    controlsKeys.textContent = t('dashboards.controls.keys');
    rowKeys.textContent = t('dashboards.row.keys');
    toolbar.relabel();
    for (const row of rows) {
      row.relabel();
      for (const chart of row.charts) chart.relabel();
    }
    large?.view.relabel();
  };

  // Subscriptions ---------------------------------------------------------------------------------
  relabel();
  toolbar.setRange(range);
  applyOverlays();
  applyFocus(store.getState().focus);
  const unsubscribe = [
    watch(store, (s) => s.metricsVersion, invalidate),
    watch(
      store,
      (s) => s.markers,
      () => {
        applyOverlays();
        invalidate();
      },
    ),
    watch(
      store,
      (s) => s.thresholds,
      () => {
        applyOverlays();
        invalidate();
      },
    ),
    watch(
      store,
      (s) => s.metrics,
      () => {
        readQueries(store.getState());
        invalidate();
      },
    ),
    watch(store, (s) => s.focus, applyFocus),
    onLocaleChange(() => {
      relabel();
      applyOverlays();
      invalidate();
    }),
  ];
  invalidate();

  const api: Dashboards = {
    element,
    refresh() {
      queue.flush();
    },
    setRange(next) {
      if (next === range) return;
      range = next;
      toolbar.setRange(next);
      invalidate();
    },
    openPanel(panelId) {
      for (const row of rows) {
        const chart = row.charts.find((c) => c.spec.id === panelId);
        if (chart) openLarge(chart.spec, chart.element.querySelector('.dash-view-button'));
      }
    },
    destroy() {
      for (const stop of unsubscribe) stop();
      queue.destroy();
      intersection?.disconnect();
      resize?.disconnect();
      large?.view.close();
      for (const entry of entries.values()) entry.chart.destroy();
      entries.clear();
      element.remove();
    },
  };
  return api;
}
