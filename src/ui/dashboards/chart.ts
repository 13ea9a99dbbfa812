/**
 * One dashboard panel: a title bar, a uPlot chart with synchronised crosshair, a tooltip, and a
 * legend of toggle buttons that shows each series' value at the cursor (or its latest value).
 * The chart is created on the first draw, when the panel is on screen and has a size; a click on
 * it (or Enter, from the keyboard) hands the moment under the cursor back to the dashboards.
 */
import uPlot from 'uplot';
import { t, translateRef } from '../../i18n/index.ts';
import type { MetricReader } from '../../store/index.ts';
import { h } from '../dom.ts';
import { expandIcon, infoIcon, markerSwatch, seriesSwatch } from './icons.ts';
import type { LabelRef, PanelSpec } from './layout.ts';
import { drawOverlays, markersNear } from './overlays.ts';
import type { OverlayState } from './overlays.ts';
import { PanelData } from './panel-data.ts';
import type { Columns, RangeId, XWindow } from './panel-data.ts';
import { LIMIT_LOOK, THEME, seriesLook } from './palette.ts';
import type { SeriesLook } from './palette.ts';
import { TIME_INCRS, formatUtc, timeAxisSpace, timeTicks, utcAsLocal } from './time.ts';
import { formatTicks, formatValue } from './units.ts';
import type { UnitSymbols } from './units.ts';
import { axisIncrs, yRange } from './scales.ts';

/** What every chart reads from the dashboards that own it. */
export interface ChartHost {
  readonly syncKey: string;
  /** Id of the element that explains the chart's keys (for aria-describedby). */
  readonly keysId: string;
  /** Id of the element that explains the keys of the panel's buttons and legend. */
  readonly controlsKeysId: string;
  reader(): MetricReader;
  range(): RangeId;
  symbols(): UnitSymbols;
  /** Unix seconds of simulated time zero. */
  startEpochMs(): number;
  /** The PromQL of a metric, for the panel's query list. */
  query(metric: string): string;
  pick(tSimMs: number): void;
  /** Opens the panel large; absent for a chart that already is. */
  view?(spec: PanelSpec, opener: HTMLElement): void;
}

export interface PanelChart {
  readonly spec: PanelSpec;
  readonly element: HTMLElement;
  /** The box the chart fills: observed for visibility and size. */
  readonly plotBox: HTMLElement;
  /** The overlay drawn over the series (thresholds, guides, markers); mutate, then draw. */
  readonly overlay: OverlayState;
  /** The dashboards' data stamp this chart last drew; -1 before the first draw. */
  drawnStamp: number;
  /** Reads the samples and redraws, creating the chart on the first call. */
  draw(stamp: number): void;
  resize(): void;
  relabel(): void;
  /** Follows the shared crosshair (only charts on screen need to). */
  setSynced(on: boolean): void;
  /** Whether the uPlot instance exists yet. */
  readonly created: boolean;
  destroy(): void;
}

export interface PanelChartOptions {
  /** The maximised view: bigger text, no "open large" button. */
  readonly large?: boolean;
}

let charts = 0;

export const labelText = (label: LabelRef): string =>
  typeof label === 'string' ? translateRef({ key: label }) : translateRef(label);

/** The y axis is as wide as its longest label (uPlot asks again when the labels change). */
function axisSize(u: uPlot, values: string[] | null, axisIdx: number, cycle: number): number {
  const axis = u.axes[axisIdx]!;
  const previous = (axis as { _size?: number })._size;
  if (cycle > 1 && previous !== undefined) return previous;
  let longest = '';
  for (const v of values ?? []) if (v.length > longest.length) longest = v;
  const font = Array.isArray(axis.font) ? String(axis.font[0]) : String(axis.font ?? '');
  u.ctx.font = font;
  // The font is scaled by the device pixel ratio; the size is wanted in CSS pixels.
  const text = longest === '' ? 0 : u.ctx.measureText(longest).width / uPlot.pxRatio;
  return Math.ceil((axis.ticks?.size ?? 4) + (axis.gap ?? 5) + text + 4);
}

/** The root font size, so canvas text scales with the interface from 1280×720 to 2560×1440. */
function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}

export function createPanelChart(
  spec: PanelSpec,
  host: ChartHost,
  options: PanelChartOptions = {},
): PanelChart {
  const id = `oc-dash-${++charts}`;
  const large = options.large ?? false;
  const looks: SeriesLook[] = spec.series.map((s, i) => (s.limit ? LIMIT_LOOK : seriesLook(i)));
  const shown = spec.series.map(() => true);
  const data = new PanelData(spec.series.map((s) => s.metric));
  const xWindow: XWindow = { min: 0, max: 1 };
  const overlay: OverlayState = { lines: [], markers: [] };
  let columns: Columns | null = null;
  let plot: uPlot | null = null;
  let synced = false;
  /** The tooltip shows on the chart under the pointer or the keyboard, not on synced ones. */
  let pointerInside = false;
  let keyboardActive = false;

  // Header ------------------------------------------------------------------------------------
  const title = h('h4', { className: 'dash-panel-title', id: `${id}-title` });
  const queriesButton = h('button', {
    className: 'dash-icon-button',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': `${id}-queries` },
  });
  queriesButton.append(infoIcon());
  const viewButton = host.view
    ? h('button', { className: 'dash-icon-button dash-view-button', attrs: { type: 'button' } })
    : null;
  viewButton?.append(expandIcon());
  const queries = h('div', {
    className: 'dash-queries',
    id: `${id}-queries`,
    attrs: { hidden: '' },
  });
  const queryLabels = spec.series.map(() => h('span', { className: 'dash-query-label' }));
  spec.series.forEach((s, i) => {
    queries.append(
      h('p', { className: 'dash-query' }, [
        queryLabels[i]!,
        h('code', { text: host.query(s.metric) }),
      ]),
    );
  });

  // Plot area, tooltip, "no data" -------------------------------------------------------------
  const noData = h('p', { className: 'dash-nodata', attrs: { hidden: '' } });
  const tipTime = h('p', { className: 'dash-tip-time' });
  const tipRows = spec.series.map((_, i) => {
    const value = document.createTextNode('');
    const name = h('span', { className: 'dash-tip-name' });
    const row = h('p', { className: 'dash-tip-row' }, [
      seriesSwatch(looks[i]!),
      name,
      h('span', { className: 'dash-tip-value' }, [value]),
    ]);
    return { row, name, value };
  });
  const tipMarkers = h('div', { className: 'dash-tip-markers' });
  const tipHint = h('p', { className: 'dash-tip-hint' });
  const tooltip = h('div', { className: 'dash-tooltip', attrs: { hidden: '' } }, [
    tipTime,
    ...tipRows.map((r) => r.row),
    tipMarkers,
    tipHint,
  ]);
  const plotBox = h('div', {
    className: 'dash-plot',
    attrs: { tabindex: '0', role: 'group', 'aria-describedby': host.keysId },
  });
  plotBox.append(noData);

  // Legend ------------------------------------------------------------------------------------
  const legendItems = spec.series.map((s, i) => {
    const value = document.createTextNode('–');
    const name = h('span', { className: 'dash-legend-name' });
    const button = h(
      'button',
      {
        className: s.limit ? 'dash-legend-item is-limit' : 'dash-legend-item',
        attrs: { type: 'button', 'aria-pressed': 'true' },
      },
      [seriesSwatch(looks[i]!), name, h('span', { className: 'dash-legend-value' }, [value])],
    );
    button.addEventListener('click', () => toggleSeries(i));
    return { button, name, value, last: '' };
  });
  const legend = h(
    'ul',
    { className: 'dash-legend' },
    legendItems.map((item) => h('li', {}, [item.button])),
  );

  const element = h(
    'section',
    {
      className: large ? 'dash-panel is-large' : 'dash-panel',
      attrs: { 'aria-labelledby': `${id}-title`, 'data-panel': spec.id },
    },
    [
      h('header', { className: 'dash-panel-head' }, [title, queriesButton, viewButton]),
      queries,
      plotBox,
      legend,
    ],
  );

  queriesButton.addEventListener('click', () => {
    const open = queries.hidden;
    queries.hidden = !open;
    queriesButton.setAttribute('aria-expanded', String(open));
  });
  viewButton?.addEventListener('click', () => host.view?.(spec, viewButton));

  // Values at the cursor ----------------------------------------------------------------------
  const valueAt = (series: number, idx: number | null | undefined): number | null => {
    if (!columns) return null;
    const column = columns[series + 1]!;
    const i = idx ?? column.length - 1;
    return i >= 0 && i < column.length ? column[i]! : null;
  };

  const updateLegend = (idx: number | null | undefined): void => {
    const sym = host.symbols();
    legendItems.forEach((item, i) => {
      const text = formatValue(spec.unit, valueAt(i, idx), sym);
      // Most cursor moves leave most values alone: skip the DOM when nothing changed.
      if (text !== item.last) {
        item.value.nodeValue = text;
        item.last = text;
      }
    });
  };

  const updateTooltip = (u: uPlot): void => {
    const idx = u.cursor.idx;
    const active = pointerInside || keyboardActive;
    if (!active || idx === null || idx === undefined || !columns) {
      tooltip.hidden = true;
      return;
    }
    const x = columns[0][idx]!;
    const sym = host.symbols();
    tipTime.textContent = t('dashboards.tooltip.time', { time: formatUtc(x) });
    tipRows.forEach((r, i) => {
      r.row.hidden = !shown[i];
      r.value.nodeValue = formatValue(spec.unit, valueAt(i, idx), sym);
    });
    // Markers within about 6 px of the cursor, so a thin line is easy to hit.
    const slack = (6 * (xWindow.max - xWindow.min)) / Math.max(1, u.over.clientWidth || 300);
    const near = markersNear(overlay.markers, x, slack);
    tipMarkers.replaceChildren(
      ...near.map((m) =>
        h('p', { className: `dash-tip-marker is-${m.kind}` }, [
          markerSwatch(m.kind),
          h('span', { className: 'dash-tip-kind', text: t(`dashboards.marker.${m.kind}`) }),
          h('span', { text: m.label }),
        ]),
      ),
    );
    tooltip.hidden = false;
    const left = u.cursor.left ?? 0;
    const width = u.over.clientWidth;
    const flip = width > 0 && left > width / 2;
    tooltip.style.left = flip ? '' : `${left + 14}px`;
    tooltip.style.right = flip ? `${width - left + 14}px` : '';
  };

  const toggleSeries = (i: number): void => {
    shown[i] = !shown[i];
    legendItems[i]!.button.setAttribute('aria-pressed', String(shown[i]));
    plot?.setSeries(i + 1, { show: shown[i]! });
  };

  // uPlot -------------------------------------------------------------------------------------
  const size = (): { width: number; height: number } => ({
    width: Math.max(120, Math.floor(plotBox.clientWidth) || 400),
    height: Math.max(80, Math.floor(plotBox.clientHeight) || (large ? 420 : 160)),
  });

  const create = (): uPlot => {
    const font = Math.round(rootFontPx() * (large ? 0.75 : 0.65));
    const axisFont = `${font}px system-ui, sans-serif`;
    overlay.textPx = font;
    const axisStyle = {
      stroke: THEME.textMuted,
      font: axisFont,
      grid: { stroke: THEME.grid, width: 1 },
      ticks: { stroke: THEME.axis, width: 1, size: 4 },
    };
    const incrs = axisIncrs(spec.unit);
    const opts: uPlot.Options = {
      ...size(),
      legend: { show: false },
      tzDate: utcAsLocal,
      cursor: {
        sync: { key: host.syncKey, setSeries: false, scales: ['x', null] },
        drag: { x: false, y: false, setScale: false },
        // Only the time crosshair: a horizontal one means nothing on the synced panels.
        y: false,
        points: { size: 5, width: 1 },
        focus: { prox: -1 },
      },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: true, range: () => [xWindow.min, xWindow.max] },
        y: { range: (_u, min, max) => yRange(spec, min, max) },
      },
      axes: [
        {
          ...axisStyle,
          space: (_u, _axis, min, max, plotPx) => timeAxisSpace(max - min, plotPx, font),
          incrs: [...TIME_INCRS],
          values: (_u, splits, _axis, _space, incr) => timeTicks(splits, incr),
        },
        {
          ...axisStyle,
          size: axisSize,
          space: font * 2.5,
          ...(incrs ? { incrs } : {}),
          values: (_u, splits) => formatTicks(spec.unit, splits, host.symbols()),
        },
      ],
      series: [
        {},
        ...spec.series.map((s, i) => ({
          label: labelText(s.label),
          stroke: looks[i]!.colour,
          width: 1,
          dash: [...looks[i]!.dash],
          points: { show: false },
          show: shown[i]!,
        })),
      ],
      hooks: {
        draw: [(u: uPlot) => drawOverlays(u, overlay)],
        setCursor: [
          (u: uPlot) => {
            updateLegend(u.cursor.idx);
            updateTooltip(u);
          },
        ],
      },
    };
    const u = new uPlot(opts, [[], ...spec.series.map(() => [])], plotBox);
    u.over.append(tooltip);
    u.over.addEventListener('mouseenter', () => (pointerInside = true));
    u.over.addEventListener('mouseleave', () => {
      pointerInside = false;
      tooltip.hidden = true;
    });
    u.over.addEventListener('click', () => pickAtCursor(u));
    synced = true;
    return u;
  };

  const pickAtCursor = (u: uPlot): void => {
    const idx = u.cursor.idx;
    if (idx === null || idx === undefined || !columns) return;
    const x = columns[0][idx];
    if (x === undefined) return;
    host.pick(Math.max(0, Math.round(x * 1000 - host.startEpochMs())));
  };

  // Keyboard: a crosshair the arrow keys move, Enter to pick --------------------------------
  const moveCursor = (u: uPlot, idx: number): void => {
    if (!columns || columns[0].length === 0) return;
    const i = Math.min(columns[0].length - 1, Math.max(0, idx));
    const firstShown = shown.indexOf(true);
    const y = firstShown >= 0 ? valueAt(firstShown, i) : null;
    keyboardActive = true;
    u.setCursor({
      left: u.valToPos(columns[0][i]!, 'x'),
      top: y === null ? u.over.clientHeight / 2 : u.valToPos(y, 'y'),
    });
  };
  plotBox.addEventListener('keydown', (event) => {
    if (!plot || !columns) return;
    const count = columns[0].length;
    const current = plot.cursor.idx ?? count - 1;
    const stride = event.shiftKey ? Math.max(1, Math.round(count / 20)) : 1;
    let next: number | null = null;
    if (event.key === 'ArrowLeft') next = current - stride;
    else if (event.key === 'ArrowRight') next = current + stride;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      if (plot.cursor.idx === null || plot.cursor.idx === undefined) moveCursor(plot, current);
      pickAtCursor(plot);
      event.preventDefault();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    moveCursor(plot, next);
  });
  // Keyboard: one Tab stop per panel -------------------------------------------------------
  // The panel's buttons, chart and legend are one roving group in three bands: only the item
  // used last is in the Tab order, so Tab goes panel to panel. Up/Down move between the bands,
  // Left/Right within the buttons or the legend (in the chart they move its cursor).
  const bands: readonly (readonly HTMLElement[])[] = [
    viewButton ? [queriesButton, viewButton] : [queriesButton],
    [plotBox],
    legendItems.map((item) => item.button),
  ];
  const rovers = bands.flat();
  const setCurrent = (current: HTMLElement): void => {
    for (const item of rovers) item.tabIndex = item === current ? 0 : -1;
  };
  const focusItem = (item: HTMLElement): void => {
    setCurrent(item);
    item.focus();
  };
  setCurrent(plotBox);
  for (const item of rovers) {
    if (item !== plotBox) item.setAttribute('aria-describedby', host.controlsKeysId);
  }
  element.addEventListener('focusin', (event) => {
    const target = event.target as HTMLElement;
    if (rovers.includes(target)) setCurrent(target);
  });
  element.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const band = bands.findIndex((b) => b.includes(target));
    if (band < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const next = bands[band + (event.key === 'ArrowUp' ? -1 : 1)]?.[0];
      if (next) focusItem(next);
      return;
    }
    if (band === 1) return;
    const items = bands[band]!;
    const i = items.indexOf(target);
    const n = items.length;
    const next =
      event.key === 'ArrowLeft'
        ? items[(i - 1 + n) % n]
        : event.key === 'ArrowRight'
          ? items[(i + 1) % n]
          : event.key === 'Home'
            ? items[0]
            : event.key === 'End'
              ? items[n - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    focusItem(next);
  });
  plotBox.addEventListener('blur', () => {
    keyboardActive = false;
    tooltip.hidden = true;
  });

  // Public ------------------------------------------------------------------------------------
  const relabel = (): void => {
    const name = labelText(spec.title);
    title.textContent = name;
    queriesButton.setAttribute('aria-label', t('dashboards.panel.queries', { title: name }));
    queriesButton.title = t('dashboards.panel.queries', { title: name });
    if (viewButton) {
      viewButton.setAttribute('aria-label', t('dashboards.panel.view', { title: name }));
      viewButton.title = t('dashboards.panel.view', { title: name });
    }
    plotBox.setAttribute('aria-label', t('dashboards.panel.plot', { title: name }));
    legend.setAttribute('aria-label', t('dashboards.legend.label', { title: name }));
    noData.textContent = t('dashboards.noData');
    tipHint.textContent = t('dashboards.tooltip.pick');
    spec.series.forEach((s, i) => {
      const text = labelText(s.label);
      const suffix = s.limit ? ` (${t('dashboards.legend.limit')})` : '';
      legendItems[i]!.name.textContent = text + suffix;
      tipRows[i]!.name.textContent = text;
      queryLabels[i]!.textContent = text;
    });
  };
  relabel();

  const chart: PanelChart = {
    spec,
    element,
    plotBox,
    overlay,
    drawnStamp: -1,
    get created() {
      return plot !== null;
    },
    draw(stamp) {
      columns = data.load(host.reader(), host.range(), xWindow);
      noData.hidden = columns[0].length > 0;
      // batch() draws now rather than in a microtask, so the redraw queue's frame budget
      // measures the real cost.
      const next = columns;
      const u = plot ?? create();
      u.batch(() => u.setData(next));
      plot = u;
      chart.drawnStamp = stamp;
      updateLegend(u.cursor.idx);
    },
    resize() {
      if (!plot) return;
      const next = size();
      if (next.width !== plot.width || next.height !== plot.height) plot.setSize(next);
    },
    relabel() {
      relabel();
      if (plot) {
        spec.series.forEach((s, i) => {
          const series = plot?.series[i + 1];
          if (series) series.label = labelText(s.label);
        });
      }
    },
    setSynced(on) {
      if (!plot || on === synced) return;
      synced = on;
      const group = uPlot.sync(host.syncKey);
      if (on) group.sub(plot);
      else group.unsub(plot);
    },
    destroy() {
      plot?.destroy();
      plot = null;
      element.remove();
    },
  };
  return chart;
}
