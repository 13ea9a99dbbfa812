/** The dashboards' icons and swatches: decorative SVG next to words that say the same. */
import { svg } from '../dom.ts';
import { iconPath as path, outlineIcon } from '../icon.ts';
import type { ChartMarker } from '../../store/index.ts';
import { MARKER_LOOK, THEME } from './palette.ts';
import type { SeriesLook } from './palette.ts';

/** A chevron that CSS turns when its row collapses. */
export const chevronIcon = (): SVGSVGElement =>
  outlineIcon('dash-icon-chevron', [path('m6 9 6 6 6-6')]);

/** Four corners pointing out: open the panel large. */
export const expandIcon = (): SVGSVGElement =>
  outlineIcon('dash-icon-expand', [
    path('M4 9V4h5'),
    path('M20 9V4h-5'),
    path('M4 15v5h5'),
    path('M20 15v5h-5'),
  ]);

/** An "i" in a circle: the panel's queries. */
export const infoIcon = (): SVGSVGElement =>
  outlineIcon('dash-icon-info', [
    svg('circle', { cx: 12, cy: 12, r: 9 }),
    path('M12 11v6M12 7.5v.5'),
  ]);

export const closeIcon = (): SVGSVGElement =>
  outlineIcon('dash-icon-close', [path('M6 6l12 12M18 6 6 18')]);

/** A short line in the series' colour and dash pattern, as the legend's swatch. */
export function seriesSwatch(look: SeriesLook): SVGSVGElement {
  return svg(
    'svg',
    {
      class: 'dash-swatch',
      viewBox: '0 0 24 8',
      width: 24,
      height: 8,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [
      svg('line', {
        x1: 1,
        y1: 4,
        x2: 23,
        y2: 4,
        stroke: look.colour,
        'stroke-width': 2,
        'stroke-dasharray': look.dash.length > 0 ? look.dash.join(' ') : 'none',
      }),
    ],
  );
}

/** The marker's head as drawn on the charts, for the key and the tooltip. */
export function markerSwatch(kind: ChartMarker['kind']): SVGSVGElement {
  const look = MARKER_LOOK[kind];
  const shapes: Record<typeof look.shape, SVGElement> = {
    triangle: svg('path', { d: 'M1 1h10L6 10z' }),
    circle: svg('circle', { cx: 6, cy: 6, r: 5 }),
    diamond: svg('path', { d: 'M6 0.5 11.5 6 6 11.5 0.5 6z' }),
    square: svg('rect', { x: 1.5, y: 1.5, width: 9, height: 9 }),
  };
  return svg(
    'svg',
    {
      class: 'dash-marker-swatch',
      viewBox: '0 0 12 12',
      width: 12,
      height: 12,
      fill: look.colour,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [shapes[look.shape]],
  );
}

/** A dashed red line: the threshold entry of the key. */
export function thresholdSwatch(): SVGSVGElement {
  return seriesSwatch({ colour: THEME.alarm, dash: [4, 3] });
}
