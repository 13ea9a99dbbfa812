/**
 * Small uPlot charts of the run's key metrics with the incident's marks as labelled vertical
 * lines and the alert threshold as a dashed line. Each chart has a text alternative (peak,
 * threshold, marks) and follows its container's width. For printing they redraw black on white.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../i18n/index.ts';
import type { MiniChart, Postmortem } from '../../postmortem/model.ts';
import { TIME_INCRS, timeTicks, utcAsLocal } from '../dashboards/time.ts';
import { axisIncrs } from '../dashboards/scales.ts';
import { formatTicks, formatValue } from '../dashboards/units.ts';
import type { DisplayUnit } from '../dashboards/units.ts';
import { unitSymbols } from '../dashboards/unit-symbols.ts';
import { h } from '../dom.ts';
import { MARK_DASH, PRINT_LOOK, SCREEN_LOOK } from './chart-look.ts';
import type { ChartLook } from './chart-look.ts';
import { markLabel, sinceStart, utcTime } from './format.ts';

export interface DebriefCharts {
  readonly element: HTMLElement;
  /** Draws the charts (once the element is in the document and has a width). */
  draw(): void;
  /** Redraws black on white for printing, or back in the screen's colours. */
  setPrint(on: boolean): void;
  destroy(): void;
}

const PLOT_HEIGHT_REM = 8.5;

/** Y steps of 1, 2 and 5: a 2.5 step would print as "3 s" with the tick's few decimals. */
const DECIMAL_INCRS: readonly number[] = Array.from(
  { length: 12 },
  (_, i) => 10 ** (i - 4),
).flatMap((p) => [p, 2 * p, 5 * p]);

/** The sim's units as the dashboards print them; `scale` turns the values into that unit. */
function displayUnit(unit: string): { unit: DisplayUnit; scale: number } {
  switch (unit) {
    case 'ratio':
      return { unit: 'percent', scale: 1 };
    case 'percent':
      return { unit: 'percent', scale: 0.01 };
    case 'ms':
    case 's':
    case 'bytes':
    case 'bytesps':
    case 'qps':
      return { unit, scale: 1 };
    case 'rps':
      return { unit: 'reqps', scale: 1 };
    default:
      return { unit: 'count', scale: 1 };
  }
}

/** The chart's highest value and when it was reached, or null for an empty series. */
export function peakOf(chart: MiniChart): { value: number; t: number } | null {
  let best: { value: number; t: number } | null = null;
  chart.values.forEach((value, i) => {
    if (Number.isFinite(value) && (best === null || value > best.value))
      best = { value, t: chart.times[i]! };
  });
  return best;
}

/** A value of the chart as the dashboards print it ("23.4%", "4.70 s"). */
export function chartValue(chart: MiniChart, value: number): string {
  const { unit, scale } = displayUnit(chart.unit);
  return formatValue(unit, value * scale, unitSymbols());
}

/** What a screen reader hears instead of the drawing: peak, threshold and each mark. */
export function chartDescription(chart: MiniChart, startEpochMs: number): string {
  const peak = peakOf(chart);
  const parts = [
    peak === null
      ? t('debrief.charts.noData')
      : t('debrief.charts.peak', {
          value: chartValue(chart, peak.value),
          time: utcTime(startEpochMs, peak.t),
          since: sinceStart(peak.t),
        }),
  ];
  if (chart.threshold) {
    parts.push(
      t('debrief.charts.threshold', {
        value: chartValue(chart, chart.threshold.value),
        label: chart.threshold.label,
      }),
    );
  }
  for (const m of chart.marks) {
    parts.push(
      t('debrief.charts.mark', { mark: markLabel(m.mark), time: sinceStart(m.t), label: m.label }),
    );
  }
  return parts.join(' ');
}

export function buildCharts(pm: Postmortem, prefix: string): DebriefCharts {
  const charts = pm.charts.map((chart, i) => miniChart(pm, chart, `${prefix}-chart-${i}`));
  const element = h(
    'div',
    { className: 'debrief-charts' },
    charts.length === 0
      ? [h('p', { className: 'debrief-note', text: t('debrief.charts.none') })]
      : charts.map((c) => c.element),
  );
  let look = SCREEN_LOOK;
  return {
    element,
    draw: () => charts.forEach((c) => c.draw(look)),
    setPrint(on) {
      const next = on ? PRINT_LOOK : SCREEN_LOOK;
      if (next === look) return;
      look = next;
      for (const c of charts) c.draw(look);
    },
    destroy: () => charts.forEach((c) => c.destroy()),
  };
}

interface Mini {
  readonly element: HTMLElement;
  draw(look: ChartLook): void;
  destroy(): void;
}

function miniChart(pm: Postmortem, chart: MiniChart, id: string): Mini {
  const { unit, scale } = displayUnit(chart.unit);
  const toX = (ms: number): number => (pm.startEpochMs + ms) / 1000;
  const xs = chart.times.map(toX);
  const ys = chart.values.map((v) => v * scale);
  const peak = peakOf(chart);
  const plotBox = h('div', { className: 'debrief-chart-plot', attrs: { 'aria-hidden': 'true' } });
  const element = h(
    'figure',
    {
      className: 'debrief-chart',
      attrs: { 'aria-labelledby': `${id}-title`, 'data-metric': chart.metric },
    },
    [
      h('figcaption', { className: 'debrief-chart-title', id: `${id}-title`, text: chart.label }),
      plotBox,
      h('p', {
        className: 'debrief-chart-summary',
        attrs: { 'aria-hidden': 'true' },
        text:
          peak === null
            ? t('debrief.charts.noData')
            : t('debrief.charts.peakShort', {
                value: chartValue(chart, peak.value),
                since: sinceStart(peak.t),
              }),
      }),
      h('p', { className: 'visually-hidden', text: chartDescription(chart, pm.startEpochMs) }),
    ],
  );

  let plot: uPlot | null = null;
  let drawnLook: ChartLook | null = null;
  const size = (): { width: number; height: number } => {
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    return {
      width: Math.max(160, Math.floor(plotBox.clientWidth) || 360),
      height: Math.round(PLOT_HEIGHT_REM * rem),
    };
  };
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (!plot) return;
          const next = size();
          if (next.width !== plot.width || next.height !== plot.height) plot.setSize(next);
        });
  observer?.observe(plotBox);

  const create = (look: ChartLook): uPlot => {
    const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const font = `${Math.round(rem * 0.65)}px system-ui, sans-serif`;
    const axis = {
      stroke: look.text,
      font,
      grid: { stroke: look.grid, width: 1 },
      ticks: { stroke: look.axis, width: 1, size: 3 },
    };
    const sym = unitSymbols();
    const opts: uPlot.Options = {
      ...size(),
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      tzDate: utcAsLocal,
      scales: {
        x: { time: true },
        y: {
          range: (_u, min, max) => {
            const top = Math.max(max, chart.threshold ? chart.threshold.value * scale : max);
            return [Math.min(0, min), top > 0 ? top * 1.1 : 1];
          },
        },
      },
      axes: [
        {
          ...axis,
          size: Math.round(rem * 1.75),
          space: Math.round(rem * 4),
          incrs: [...TIME_INCRS],
          values: (_u, splits, _axis, _space, incr) => timeTicks(splits, incr),
        },
        {
          ...axis,
          size: Math.round(rem * 3.4),
          space: Math.round(rem * 1.6),
          incrs: [...(axisIncrs(unit) ?? DECIMAL_INCRS)],
          values: (_u, splits) => formatTicks(unit, splits, sym),
        },
      ],
      series: [{}, { stroke: look.series, fill: look.fill, width: 1.5, points: { show: false } }],
      hooks: { draw: [(u: uPlot) => drawMarks(u, chart, toX, scale, look, rem)] },
    };
    return new uPlot(opts, [xs, ys], plotBox);
  };

  return {
    element,
    draw(look) {
      if (plot && drawnLook === look) return;
      plot?.destroy();
      plot = create(look);
      drawnLook = look;
    },
    destroy() {
      observer?.disconnect();
      plot?.destroy();
      plot = null;
    },
  };
}

/** The threshold line with its label, then each mark as a vertical line labelled at the top. */
function drawMarks(
  u: uPlot,
  chart: MiniChart,
  toX: (ms: number) => number,
  scale: number,
  look: ChartLook,
  rem: number,
): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const px = uPlot.pxRatio;
  const fontPx = Math.round(rem * 0.62 * px);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.lineWidth = px;
  ctx.textBaseline = 'top';

  const label = (
    text: string,
    x: number,
    y: number,
    align: CanvasTextAlign,
    colour: string,
  ): void => {
    const w = ctx.measureText(text).width;
    const x0 = align === 'right' ? x - w : x;
    ctx.fillStyle = look.labelBackground;
    ctx.fillRect(x0 - 2 * px, y - px, w + 4 * px, fontPx + 2 * px);
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    ctx.fillText(text, x, y);
  };

  if (chart.threshold) {
    const y = Math.round(u.valToPos(chart.threshold.value * scale, 'y', true)) + 0.5;
    if (Number.isFinite(y) && y >= top && y <= top + height) {
      ctx.strokeStyle = look.threshold;
      ctx.setLineDash([6 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      label(
        chart.threshold.label,
        left + width - 3 * px,
        y - fontPx - 2 * px,
        'right',
        look.threshold,
      );
    }
  }

  // Labels that would overlap the one before drop a line, so close marks stay readable.
  const rowEnds: number[] = [];
  const marks = [...chart.marks].sort((a, b) => a.t - b.t);
  for (const m of marks) {
    const x = Math.round(u.valToPos(toX(m.t), 'x', true)) + 0.5;
    if (!Number.isFinite(x) || x < left || x > left + width) continue;
    const colour = look.marks[m.mark];
    ctx.strokeStyle = colour;
    ctx.setLineDash(MARK_DASH[m.mark].map((d) => d * px));
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    const text = markLabel(m.mark);
    const w = ctx.measureText(text).width + 6 * px;
    // Near the right edge the label goes to the left of its line.
    const align: CanvasTextAlign = x + w > left + width ? 'right' : 'left';
    const start = align === 'left' ? x : x - w;
    let row = rowEnds.findIndex((end) => end < start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = start + w;
    label(
      text,
      align === 'left' ? x + 3 * px : x - 3 * px,
      top + 2 * px + row * (fontPx + 3 * px),
      align,
      colour,
    );
  }
  ctx.setLineDash([]);
  ctx.restore();
}
