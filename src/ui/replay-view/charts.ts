/**
 * The key metrics of the run as small charts: each series over the whole run, the story's
 * thresholds as dashed lines, and a cursor line at the replay's time with the value there in
 * words. SVG rather than uPlot: a few hundred points each, nothing to zoom, and the cursor moves
 * by one attribute write. A click on a chart moves the time there.
 */
import { t } from '../../i18n/index.ts';
import { h, svg } from '../dom.ts';
import { formatValue } from '../dashboards/units.ts';
import { unitSymbols } from '../dashboards/unit-symbols.ts';
import type { ReplayMoment } from './moment.ts';
import type { ReplayRecord, ReplaySeries } from './types.ts';

/** The drawing's own units: the SVG stretches to its box. */
const W = 1000;
const H = 100;
/** At most this many buckets per chart, each drawn as its low and its high. */
const BUCKETS = 400;

export interface ReplayCharts {
  readonly element: HTMLElement;
  show(moment: ReplayMoment): void;
}

/** The highest value drawn: the data's and the thresholds', with some headroom. */
function topOf(series: ReplaySeries): number {
  let top = 0;
  for (const v of series.values) if (Number.isFinite(v) && v > top) top = v;
  for (const v of series.thresholds) if (v > top) top = v;
  return top > 0 ? top * 1.1 : 1;
}

/** Polyline points of a series, each bucket of samples as its low and high (spikes stay). */
export function linePoints(series: ReplaySeries, endMs: number, top: number): string {
  const n = series.values.length;
  if (n === 0 || endMs <= 0) return '';
  const x = (ms: number): string => ((Math.min(ms, endMs) / endMs) * W).toFixed(1);
  const y = (v: number): string => (H - (Math.max(0, v) / top) * H).toFixed(1);
  const size = Math.max(1, Math.ceil(n / BUCKETS));
  const points: string[] = [];
  for (let start = 0; start < n; start += size) {
    const stop = Math.min(n, start + size);
    let lo = start;
    let hi = start;
    for (let i = start; i < stop; i++) {
      if (series.values[i]! < series.values[lo]!) lo = i;
      if (series.values[i]! > series.values[hi]!) hi = i;
    }
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) {
      const v = series.values[i]!;
      if (Number.isFinite(v)) points.push(`${x(series.times[i]!)},${y(v)}`);
      if (lo === hi) break;
    }
  }
  return points.join(' ');
}

/** The series' name: its role's words, or the metric key for a metric the story watches. */
export const seriesName = (series: ReplaySeries): string =>
  series.role === 'errors'
    ? t('replay.metric.errors')
    : series.role === 'latency'
      ? t('replay.metric.latency')
      : series.key;

export function createCharts(record: ReplayRecord, onSeek: (t: number) => void): ReplayCharts {
  const symbols = unitSymbols();
  const cursors: SVGLineElement[] = [];
  const readings: Text[] = [];
  const figures = record.series.map((series) => {
    const top = topOf(series);
    const name = seriesName(series);
    const cursor = svg('line', { class: 'replay-chart-cursor', x1: 0, x2: 0, y1: 0, y2: H });
    cursors.push(cursor);
    const thresholds = series.thresholds.map((value) => {
      const y = (H - (value / top) * H).toFixed(1);
      return svg('line', { class: 'replay-chart-threshold', x1: 0, x2: W, y1: y, y2: y });
    });
    const plot = svg(
      'svg',
      {
        class: 'replay-chart-plot',
        viewBox: `0 0 ${W} ${H}`,
        preserveAspectRatio: 'none',
        role: 'img',
        'aria-label': t('replay.metric.chart', { metric: name }),
      },
      [
        ...thresholds,
        svg('polyline', {
          class: 'replay-chart-line',
          points: linePoints(series, record.endMs, top),
        }),
        cursor,
      ],
    );
    plot.addEventListener('click', (event) => {
      const box = plot.getBoundingClientRect();
      if (box.width <= 0) return;
      const share = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      onSeek(share * record.endMs);
    });
    const reading = document.createTextNode('–');
    readings.push(reading);
    return h(
      'figure',
      { className: `replay-chart is-${series.role}`, attrs: { 'data-metric': series.key } },
      [
        h('figcaption', { className: 'replay-chart-head' }, [
          h('span', { className: 'replay-chart-name', text: name }),
          h('span', { className: 'replay-chart-value' }, [reading]),
        ]),
        plot,
        series.role === 'guard'
          ? h('p', { className: 'replay-chart-note', text: t('replay.metric.guard') })
          : null,
        ...series.thresholds.map((value) =>
          h('p', {
            className: 'replay-chart-note',
            text: t('replay.metric.threshold', { value: formatValue(series.unit, value, symbols) }),
          }),
        ),
      ],
    );
  });
  const element = h(
    'section',
    { className: 'replay-charts', attrs: { 'aria-labelledby': 'replay-charts-heading' } },
    [
      h('h2', {
        className: 'replay-heading',
        id: 'replay-charts-heading',
        text: t('replay.metrics.heading'),
      }),
      ...figures,
    ],
  );

  return {
    element,
    show(moment) {
      const x = record.endMs > 0 ? ((moment.t / record.endMs) * W).toFixed(1) : '0';
      record.series.forEach((series, i) => {
        cursors[i]!.setAttribute('x1', x);
        cursors[i]!.setAttribute('x2', x);
        readings[i]!.nodeValue = formatValue(series.unit, moment.values[i], symbols);
      });
    },
  };
}
