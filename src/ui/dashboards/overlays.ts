/**
 * What a chart draws over its series: alert thresholds (a dashed red line, the area above it
 * tinted, the alert's name written beside it), fixed guides, and the incident's markers as
 * vertical lines with a shape at the top that tells their kind without colour.
 */
import type uPlot from 'uplot';
import type { ChartMarker } from '../../store/index.ts';
import { MARKER_LOOK, THEME } from './palette.ts';
import type { MarkerShape } from './palette.ts';

/** A horizontal line at `value` with a label: an alert threshold or a guide. */
export interface HLine {
  readonly value: number;
  readonly label: string;
  readonly alarm: boolean;
  /** Which side of the line is tinted as alerting: above by default, below for a floor. */
  readonly below?: boolean;
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
  // Labels of lines close together would overprint: each one that would moves to the left of
  // the one before it.
  const lineHeight = 12 * px;
  let lastY = Number.NEGATIVE_INFINITY;
  let right = left + width - 4 * px;
  for (const line of state.lines) {
    const y = u.valToPos(line.value, 'y', true);
    if (!Number.isFinite(y) || y < top || y > top + height) continue;
    right = Math.abs(y - lastY) < lineHeight ? right : left + width - 4 * px;
    const labelWidth = drawLine(u, line, y, right, px);
    lastY = y;
    right -= labelWidth + 12 * px;
  }
  for (const marker of state.markers) drawMarker(u, marker, px);
  ctx.restore();
}

/** Draws the line and its label ending at `right`; returns the label's width. */
function drawLine(u: uPlot, line: HLine, y: number, right: number, px: number): number {
  const { left, top, width, height } = u.bbox;
  const { ctx } = u;
  if (line.alarm) {
    ctx.fillStyle = THEME.alarmFill;
    if (line.below) ctx.fillRect(left, y, width, top + height - y);
    else ctx.fillRect(left, top, width, y - top);
  }
  ctx.strokeStyle = line.alarm ? THEME.alarm : THEME.textMuted;
  ctx.lineWidth = px;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.beginPath();
  ctx.moveTo(left, Math.round(y) + 0.5);
  ctx.lineTo(left + width, Math.round(y) + 0.5);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = line.alarm ? THEME.alarm : THEME.textMuted;
  ctx.fillText(line.label, right, y - 2 * px);
  return ctx.measureText(line.label).width;
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
