/**
 * Drawing primitives of the map on a Phaser Graphics: cards, status badges, saturation rings,
 * pods and edges. Each takes its geometry and encoding from the pure modules and only strokes.
 */
import type Phaser from 'phaser';
import type { Rect } from './topology-layout.ts';
import { COLOURS, podEncoding, saturationColour, statusEncoding } from './topology-palette.ts';
import type { PodEncoding, StatusEncoding } from './topology-palette.ts';
import type { HealthStatus, PodView } from '../store/index.ts';
import type { Route } from './topology-routes.ts';
import { dashedRect, routePolyline } from './topology-shapes.ts';

type Graphics = Phaser.GameObjects.Graphics;

/** The card: fill, then a border whose style says the status (solid, dashed, double). */
export function drawCard(
  g: Graphics,
  box: Rect,
  status: HealthStatus,
  fill: number,
  scale: number,
): void {
  const encoding = statusEncoding(status);
  const radius = Math.max(3, 6 * scale);
  g.fillStyle(fill, 1);
  g.fillRoundedRect(box.x, box.y, box.w, box.h, radius);
  const width = Math.max(1, 1.5 * scale);
  if (encoding.border === 'solid') {
    g.lineStyle(width, COLOURS.border, 1);
    g.strokeRoundedRect(box.x, box.y, box.w, box.h, radius);
    return;
  }
  if (encoding.border === 'dashed') {
    g.lineStyle(width * 1.3, encoding.colour, 1);
    strokeSegments(g, dashedRect(box, 6 * scale, 4 * scale));
    return;
  }
  g.lineStyle(width * 1.3, encoding.colour, 1);
  g.strokeRoundedRect(box.x, box.y, box.w, box.h, radius);
  const inset = Math.max(2.5, 3 * scale);
  g.strokeRoundedRect(
    box.x + inset,
    box.y + inset,
    box.w - 2 * inset,
    box.h - 2 * inset,
    radius * 0.7,
  );
}

function strokeSegments(g: Graphics, segments: readonly number[]): void {
  for (let i = 0; i + 3 < segments.length; i += 4) {
    g.lineBetween(
      segments[i] ?? 0,
      segments[i + 1] ?? 0,
      segments[i + 2] ?? 0,
      segments[i + 3] ?? 0,
    );
  }
}

/** The saturation ring: a faint track and an arc clockwise from twelve o'clock. */
export function drawRing(
  g: Graphics,
  cx: number,
  cy: number,
  radius: number,
  saturation: number,
  scale: number,
): void {
  const width = Math.max(2.5, 4 * scale);
  g.fillStyle(COLOURS.background, 1);
  g.fillCircle(cx, cy, radius);
  g.lineStyle(width, COLOURS.track, 1);
  g.strokeCircle(cx, cy, radius);
  const share = Math.min(1, Math.max(0, saturation));
  if (share <= 0.005) return;
  g.lineStyle(width, saturationColour(share), 1);
  g.beginPath();
  g.arc(cx, cy, radius, -Math.PI / 2, -Math.PI / 2 + share * Math.PI * 2, false);
  g.strokePath();
}

/** The status badge: circle with a tick, triangle with "!", square with a cross. */
export function drawBadge(
  g: Graphics,
  x: number,
  y: number,
  size: number,
  encoding: StatusEncoding,
): void {
  const half = size / 2;
  g.fillStyle(encoding.colour, 1);
  g.lineStyle(Math.max(1, size * 0.12), COLOURS.background, 1);
  if (encoding.badge === 'circle') {
    g.fillCircle(x, y, half);
    g.strokeCircle(x, y, half);
  } else if (encoding.badge === 'triangle') {
    g.fillTriangle(
      x,
      y - half * 1.15,
      x + half * 1.1,
      y + half * 0.8,
      x - half * 1.1,
      y + half * 0.8,
    );
  } else {
    g.fillRect(x - half, y - half, size, size);
    g.strokeRect(x - half, y - half, size, size);
  }
  const ink = COLOURS.background;
  g.lineStyle(Math.max(1.2, size * 0.17), ink, 1);
  const q = half * 0.5;
  if (encoding.glyph === 'check') {
    g.beginPath();
    g.moveTo(x - q, y);
    g.lineTo(x - q * 0.2, y + q * 0.8);
    g.lineTo(x + q * 1.1, y - q * 0.8);
    g.strokePath();
  } else if (encoding.glyph === 'exclamation') {
    g.lineBetween(x, y - half * 0.45, x, y + half * 0.2);
    g.fillStyle(ink, 1);
    g.fillCircle(x, y + half * 0.5, Math.max(0.7, size * 0.08));
  } else {
    g.lineBetween(x - q, y - q, x + q, y + q);
    g.lineBetween(x - q, y + q, x + q, y - q);
  }
}

/**
 * One pod square at (x, y). `grow` (0..1) scales it in from its centre; `fade` multiplies the
 * opacity (Terminating).
 */
export function drawPod(
  g: Graphics,
  x: number,
  y: number,
  size: number,
  pod: PodView,
  grow: number,
  fade: number,
): void {
  const encoding: PodEncoding = podEncoding(pod.phase, pod.ready);
  const s = size * grow;
  if (s < 0.5) return;
  const left = x + (size - s) / 2;
  const top = y + (size - s) / 2;
  const alpha = encoding.alpha * fade;
  const line = Math.max(1, size * 0.14);
  if (encoding.fill === 'full') {
    g.fillStyle(encoding.colour, alpha);
    g.fillRect(left, top, s, s);
  } else if (encoding.fill === 'half') {
    g.fillStyle(encoding.colour, alpha);
    g.fillRect(left, top + s / 2, s, s / 2);
  } else if (encoding.fill === 'dot') {
    g.fillStyle(encoding.colour, alpha);
    g.fillRect(left + s * 0.3, top + s * 0.3, s * 0.4, s * 0.4);
  }
  if (encoding.fill !== 'full') {
    g.lineStyle(line, encoding.colour, alpha);
    g.strokeRect(left + line / 2, top + line / 2, s - line, s - line);
  }
  if (encoding.mark === 'cross') {
    g.lineStyle(line, encoding.colour, alpha);
    g.lineBetween(left, top, left + s, top + s);
    g.lineBetween(left, top + s, left + s, top);
  }
}

/** A ring spreading from a pod that just crashed or restarted (`progress` 0..1). */
export function drawBurst(g: Graphics, x: number, y: number, size: number, progress: number): void {
  g.lineStyle(Math.max(1, size * 0.15), COLOURS.error, 1 - progress);
  g.strokeCircle(x + size / 2, y + size / 2, size * (0.6 + 1.4 * progress));
}

export interface EdgeStyle {
  readonly width: number;
  /** Errors ≥ 5 %: vermillion and dashed, so the line reads as failing without the colour. */
  readonly failing: boolean;
  readonly scale: number;
}

const EDGE_SEGMENTS = 24;

/** An edge as a polyline along its curve, with an arrowhead showing the direction. */
export function drawEdge(g: Graphics, route: Route, style: EdgeStyle): void {
  const points = routePolyline(route, EDGE_SEGMENTS);
  const colour = style.failing ? COLOURS.error : COLOURS.edge;
  g.lineStyle(style.width, colour, style.failing ? 0.9 : 1);
  if (style.failing) {
    for (let i = 0; i + 3 < points.length; i += 4) {
      g.lineBetween(points[i] ?? 0, points[i + 1] ?? 0, points[i + 2] ?? 0, points[i + 3] ?? 0);
    }
  } else {
    g.beginPath();
    g.moveTo(points[0] ?? 0, points[1] ?? 0);
    for (let i = 2; i + 1 < points.length; i += 2) g.lineTo(points[i] ?? 0, points[i + 1] ?? 0);
    g.strokePath();
  }
  // Arrowhead at 58 % of the way, pointing along the curve.
  const at = Math.round(EDGE_SEGMENTS * 0.58) * 2;
  const x = points[at] ?? 0;
  const y = points[at + 1] ?? 0;
  const dx = x - (points[at - 2] ?? x);
  const dy = y - (points[at - 1] ?? y);
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const size = Math.max(4, 4 * style.scale) + style.width;
  g.fillStyle(colour, 1);
  g.fillTriangle(
    x + ux * size,
    y + uy * size,
    x - ux * size * 0.6 - uy * size * 0.7,
    y - uy * size * 0.6 + ux * size * 0.7,
    x - ux * size * 0.6 + uy * size * 0.7,
    y - uy * size * 0.6 - ux * size * 0.7,
  );
}

/** Brackets at the corners of a card: the component the dashboards and logs focus on. */
export function drawFocusBrackets(g: Graphics, box: Rect, scale: number): void {
  const out = Math.max(3, 4 * scale);
  const arm = Math.max(7, 12 * scale);
  const x0 = box.x - out;
  const y0 = box.y - out;
  const x1 = box.x + box.w + out;
  const y1 = box.y + box.h + out;
  g.lineStyle(Math.max(2, 2.5 * scale), COLOURS.text, 1);
  for (const [x, y, sx, sy] of [
    [x0, y0, 1, 1],
    [x1, y0, -1, 1],
    [x0, y1, 1, -1],
    [x1, y1, -1, -1],
  ] as const) {
    g.lineBetween(x, y, x + sx * arm, y);
    g.lineBetween(x, y, x, y + sy * arm);
  }
}

/** A full outline around a card whose accessible button has keyboard focus. */
export function drawKeyboardFocus(g: Graphics, box: Rect, scale: number): void {
  const out = Math.max(5, 7 * scale);
  g.lineStyle(2, COLOURS.text, 1);
  g.strokeRect(box.x - out, box.y - out, box.w + 2 * out, box.h + 2 * out);
}
