/**
 * The paths traffic takes between two components: a quadratic curve from ring centre to ring
 * centre, bowed just enough to go around any other component's card in its way. Pure.
 */
import type { ComponentId } from '../store/index.ts';
import type { Rect, TopologyLayout } from './topology-layout.ts';

export interface Route {
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly x0: number;
  readonly y0: number;
  /** Control point of the quadratic Bézier curve. */
  readonly cx: number;
  readonly cy: number;
  readonly x1: number;
  readonly y1: number;
  /** Approximate arc length, in CSS pixels. */
  readonly length: number;
}

/** Bows tried in order, as a share of the straight distance: straight first, then either side. */
const BOWS = [0, 0.22, -0.22, 0.4, -0.4, 0.6, -0.6, 0.85, -0.85];
const SAMPLES = 28;

export function routeBetween(layout: TopologyLayout, from: ComponentId, to: ComponentId): Route {
  const a = layout.nodes[from];
  const b = layout.nodes[to];
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const distance = Math.hypot(dx, dy) || 1;
  // Unit normal to the straight line, to bow the curve sideways.
  const nx = -dy / distance;
  const ny = dx / distance;
  const midX = (a.cx + b.cx) / 2;
  const midY = (a.cy + b.cy) / 2;
  const obstacles = Object.values(layout.nodes)
    .filter((node) => node.id !== from && node.id !== to)
    .map((node) => inflate(node.box, 4));
  let best: Route | null = null;
  let bestHits = Infinity;
  for (const bow of BOWS) {
    const route = makeRoute(
      from,
      to,
      a.cx,
      a.cy,
      midX + nx * bow * distance,
      midY + ny * bow * distance,
      b.cx,
      b.cy,
    );
    const hits = countHits(route, obstacles);
    if (hits === 0) return route;
    if (hits < bestHits) {
      best = route;
      bestHits = hits;
    }
  }
  return best ?? makeRoute(from, to, a.cx, a.cy, midX, midY, b.cx, b.cy);
}

/**
 * The control point is placed so the curve passes through (mx, my) at its middle: a curve bowed
 * by d at t = 0.5 needs its control point 2d away.
 */
function makeRoute(
  from: ComponentId,
  to: ComponentId,
  x0: number,
  y0: number,
  mx: number,
  my: number,
  x1: number,
  y1: number,
): Route {
  const cx = 2 * mx - (x0 + x1) / 2;
  const cy = 2 * my - (y0 + y1) / 2;
  const partial = { from, to, x0, y0, cx, cy, x1, y1, length: 0 };
  let length = 0;
  let px = x0;
  let py = y0;
  const out = { x: 0, y: 0 };
  for (let i = 1; i <= SAMPLES; i++) {
    pointOnRoute(partial, i / SAMPLES, out);
    length += Math.hypot(out.x - px, out.y - py);
    px = out.x;
    py = out.y;
  }
  return { ...partial, length };
}

function inflate(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + 2 * by, h: rect.h + 2 * by };
}

/** How many sample points of the curve fall inside obstacles. */
export function countHits(route: Route, obstacles: readonly Rect[]): number {
  const out = { x: 0, y: 0 };
  let hits = 0;
  for (let i = 1; i < SAMPLES; i++) {
    pointOnRoute(route, i / SAMPLES, out);
    for (const r of obstacles) {
      if (out.x >= r.x && out.x <= r.x + r.w && out.y >= r.y && out.y <= r.y + r.h) hits++;
    }
  }
  return hits;
}

/** Writes the point at parameter t (0..1) into `out`; allocation-free, for the per-frame loop. */
export function pointOnRoute(route: Route, t: number, out: { x: number; y: number }): void {
  const u = 1 - t;
  out.x = u * u * route.x0 + 2 * u * t * route.cx + t * t * route.x1;
  out.y = u * u * route.y0 + 2 * u * t * route.cy + t * t * route.y1;
}

/** The unit normal of the curve at t, into `out` (for side-by-side lanes of particles). */
export function normalOnRoute(route: Route, t: number, out: { x: number; y: number }): void {
  const dx = 2 * (1 - t) * (route.cx - route.x0) + 2 * t * (route.x1 - route.cx);
  const dy = 2 * (1 - t) * (route.cy - route.y0) + 2 * t * (route.y1 - route.cy);
  const length = Math.hypot(dx, dy) || 1;
  out.x = -dy / length;
  out.y = dx / length;
}

/**
 * The part of a route between its two cards (the rest is hidden under them): where it starts
 * and ends (0..1) and its length in px. Edge labels go in its middle, when they fit.
 */
export function visibleSpan(
  route: Route,
  fromBox: Rect,
  toBox: Rect,
): { readonly t0: number; readonly t1: number; readonly length: number } {
  const point = { x: 0, y: 0 };
  const inside = (r: Rect): boolean =>
    point.x >= r.x && point.x <= r.x + r.w && point.y >= r.y && point.y <= r.y + r.h;
  let t0 = 1;
  let t1 = 0;
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    pointOnRoute(route, t, point);
    if (inside(fromBox) || inside(toBox)) continue;
    t0 = Math.min(t0, t);
    t1 = Math.max(t1, t);
  }
  return t1 > t0 ? { t0, t1, length: (t1 - t0) * route.length } : { t0: 0.5, t1: 0.5, length: 0 };
}
