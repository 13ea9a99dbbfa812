/**
 * What a chart draws over its series: alert thresholds (a dashed red line, the area above it
 * tinted, the alert's name written beside it), fixed guides, and the incident's markers as
 * vertical lines with a shape at the top that tells their kind without colour.
 */
import type uPlot from 'uplot';
import type { ChartMarker } from '../../store/index.ts';
import { MARKER_LOOK, THEME } from './palette.ts';
import type { MarkerShape, SeriesLook } from './palette.ts';

/** A horizontal line at `value` with a label: an alert threshold or a guide. */
export interface HLine {
  readonly value: number;
  readonly label: string;
  readonly alarm: boolean;
  /** Which side of the line is tinted as alerting: above by default, below for a floor. */
  readonly below?: boolean;
  /**
   * The series whose metric the threshold watches, on a panel of several series: its label then
   * starts with that series' stroke, the tint covers only the moments that series breaches, and
   * the line goes when the series is hidden. Without it the whole side is tinted.
   */
  readonly series?: { readonly index: number; readonly look: SeriesLook };
}

/** A marker placed on the time axis (Unix seconds). */
export interface PlacedMarker {
  readonly x: number;
  readonly kind: ChartMarker['kind'];
  readonly label: string;
}

export interface OverlayState {
  lines: readonly HLine[];
  markers: readonly PlacedMarker[];
  /** CSS pixels of the labels' text; marker heads scale with it. */
  textPx?: number;
}

/** A label to place: the y of its line and its width, in canvas pixels. */
export interface LabelRequest {
  readonly y: number;
  readonly width: number;
}

/** Where a label goes: its right edge and its text baseline. */
export interface LabelSpot {
  readonly right: number;
  readonly baseline: number;
}

export interface LabelArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places threshold labels so none overprints another: each goes just above its line at the right
 * edge if it can; else just below it; else to the left of the labels in its way; else stacked
 * above (or below) them. `height` is a label's line height, `pad` the gap to its line.
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  area: LabelArea,
  height: number,
  pad: number,
): LabelSpot[] {
  const spots: LabelSpot[] = labels.map(() => ({ right: area.right, baseline: 0 }));
  const placed: Box[] = [];
  const box = (spot: LabelSpot, width: number): Box => ({
    x0: spot.right - width,
    x1: spot.right,
    y0: spot.baseline - height,
    y1: spot.baseline,
  });
  const fits = (b: Box): boolean =>
    b.x0 >= area.left &&
    b.y0 >= area.top - pad &&
    b.y1 <= area.bottom + pad &&
    !placed.some((p) => overlaps(p, b));
  // Top to bottom, so stacking moves labels away from the ones already settled.
  const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.y - labels[b]!.y);
  for (const i of order) {
    const { y, width } = labels[i]!;
    const above: LabelSpot = { right: area.right, baseline: y - pad };
    const candidates: LabelSpot[] = [above, { right: area.right, baseline: y + height + pad }];
    const blockers = placed.filter((p) => overlaps(p, box(above, width)));
    if (blockers.length > 0) {
      const leftmost = Math.min(...blockers.map((b) => b.x0));
      candidates.push({ right: leftmost - 2 * pad, baseline: above.baseline });
    }
    // Stacks: one line height at a time, upwards then downwards.
    for (let k = 1; k <= labels.length; k++) {
      candidates.push({ right: area.right, baseline: above.baseline - k * height });
      candidates.push({ right: area.right, baseline: y + (k + 1) * height + pad });
    }
    const spot = candidates.find((c) => fits(box(c, width))) ?? above;
    spots[i] = spot;
    placed.push(box(spot, width));
  }
  return spots;
}

/** The draw hook of a chart: reads `state` at each redraw. */
export function drawOverlays(u: uPlot, state: OverlayState): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const ratio = width / Math.max(1, u.over.clientWidth || width);
  const dpr = Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
  // One "pixel" of the drawing: a device pixel ratio times the interface's text scale.
  const px = dpr * ((state.textPx ?? 10) / 10);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.font = `${Math.round(10 * px)}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'right';
  const drawn: { line: HLine; y: number }[] = [];
  for (const line of state.lines) {
    // A threshold of a hidden series goes with it.
    if (line.series && u.series[line.series.index + 1]?.show === false) continue;
    const y = u.valToPos(line.value, 'y', true);
    if (!Number.isFinite(y) || y < top || y > top + height) continue;
    drawLine(u, line, y, px);
    drawn.push({ line, y });
  }
  const swatch = 18 * px;
  const spots = placeLabels(
    drawn.map(({ line, y }) => ({
      y,
      width: ctx.measureText(line.label).width + (line.series ? swatch : 0),
    })),
    { left: left + 4 * px, top, right: left + width - 4 * px, bottom: top + height },
    12 * px,
    2 * px,
  );
  drawn.forEach(({ line }, i) => drawLabel(ctx, line, spots[i]!, swatch, px));
  for (const marker of state.markers) drawMarker(u, marker, px);
  ctx.restore();
}

/** Draws the line and tints its alerting side (only where its series breaches, if it has one). */
function drawLine(u: uPlot, line: HLine, y: number, px: number): void {
  const { left, top, width, height } = u.bbox;
  const { ctx } = u;
  if (line.alarm) {
    ctx.fillStyle = THEME.alarmFill;
    const y0 = line.below ? y : top;
    const h = line.below ? top + height - y : y - top;
    if (line.series) tintBreaches(u, line, line.series.index + 1, y0, h);
    else ctx.fillRect(left, y0, width, h);
  }
  ctx.strokeStyle = line.alarm ? THEME.alarm : THEME.textMuted;
  ctx.lineWidth = px;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.beginPath();
  ctx.moveTo(left, Math.round(y) + 0.5);
  ctx.lineTo(left + width, Math.round(y) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Tints the stretches of time where series `s` is on the alerting side of the line. */
function tintBreaches(u: uPlot, line: HLine, s: number, y0: number, h: number): void {
  const xs = u.data[0];
  const ys = u.data[s];
  if (!ys) return;
  let start = -1;
  const flush = (end: number): void => {
    const x0 = u.valToPos(xs[start]!, 'x', true);
    const x1 = u.valToPos(xs[end]!, 'x', true);
    u.ctx.fillRect(x0, y0, Math.max(1, x1 - x0), h);
    start = -1;
  };
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    const breach = typeof v === 'number' && (line.below ? v < line.value : v > line.value);
    if (breach && start < 0) start = i;
    else if (!breach && start >= 0) flush(i);
  }
  if (start >= 0) flush(xs.length - 1);
}

/** The label; a threshold of one series starts with a short stroke in that series' look. */
function drawLabel(
  ctx: CanvasRenderingContext2D,
  line: HLine,
  spot: LabelSpot,
  swatch: number,
  px: number,
): void {
  ctx.fillStyle = line.alarm ? THEME.alarm : THEME.textMuted;
  ctx.fillText(line.label, spot.right, spot.baseline);
  if (!line.series) return;
  const textWidth = ctx.measureText(line.label).width;
  const x1 = spot.right - textWidth - 4 * px;
  const y = Math.round(spot.baseline - 5 * px) + 0.5;
  ctx.strokeStyle = line.series.look.colour;
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash(line.series.look.dash.map((d) => d * px));
  ctx.beginPath();
  ctx.moveTo(x1 - (swatch - 6 * px), y);
  ctx.lineTo(x1, y);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawMarker(u: uPlot, marker: PlacedMarker, px: number): void {
  const x = u.valToPos(marker.x, 'x', true);
  const { left, top, width, height } = u.bbox;
  if (!Number.isFinite(x) || x < left || x > left + width) return;
  const look = MARKER_LOOK[marker.kind];
  const { ctx } = u;
  const cx = Math.round(x) + 0.5;
  ctx.strokeStyle = look.colour;
  ctx.lineWidth = px;
  ctx.setLineDash(look.dash.map((d) => d * px));
  ctx.beginPath();
  ctx.moveTo(cx, top);
  ctx.lineTo(cx, top + height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = look.colour;
  drawShape(ctx, look.shape, cx, top + 5 * px, 4 * px);
}

/** The marker's head; the same shapes appear in the dashboards' key, drawn as SVG. */
export function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): void {
  ctx.beginPath();
  switch (shape) {
    case 'triangle':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y - r);
      ctx.lineTo(x, y + r);
      break;
    case 'circle':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      break;
    case 'square':
      ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
      break;
  }
  ctx.closePath();
  ctx.fill();
}

/** Markers within `slack` seconds of `x`, for the tooltip. */
export function markersNear(
  markers: readonly PlacedMarker[],
  x: number,
  slack: number,
): PlacedMarker[] {
  return markers.filter((m) => Math.abs(m.x - x) <= slack);
}
