/**
 * Geometry for the map's marks that Phaser's Graphics has no primitive for: dashed rectangles and
 * curves (a degraded card, an edge carrying errors). Returns flat segment lists. Pure.
 */
import type { Rect } from './topology-layout.ts';
import { pointOnRoute } from './topology-routes.ts';
import type { Route } from './topology-routes.ts';

/** Segments `[x1, y1, x2, y2, ...]` of a dashed outline of `rect`, walking clockwise. */
export function dashedRect(rect: Rect, dash: number, gap: number): number[] {
  const corners = [
    [rect.x, rect.y],
    [rect.x + rect.w, rect.y],
    [rect.x + rect.w, rect.y + rect.h],
    [rect.x, rect.y + rect.h],
    [rect.x, rect.y],
  ] as const;
  const out: number[] = [];
  let phase = 0;
  for (let side = 0; side < 4; side++) {
    const [ax, ay] = corners[side] ?? [0, 0];
    const [bx, by] = corners[side + 1] ?? [0, 0];
    const length = Math.hypot(bx - ax, by - ay);
    let at = 0;
    while (at < length) {
      const period = dash + gap;
      const inDash = phase < dash;
      const step = Math.min(length - at, inDash ? dash - phase : period - phase);
      if (inDash) {
        const t0 = at / length;
        const t1 = (at + step) / length;
        out.push(
          ax + (bx - ax) * t0,
          ay + (by - ay) * t0,
          ax + (bx - ax) * t1,
          ay + (by - ay) * t1,
        );
      }
      at += step;
      phase = (phase + step) % period;
    }
  }
  return out;
}

/** Points `[x0, y0, x1, y1, ...]` along a route, `segments + 1` of them, for stroking it. */
export function routePolyline(route: Route, segments: number): number[] {
  const out: number[] = [];
  const point = { x: 0, y: 0 };
  for (let i = 0; i <= segments; i++) {
    pointOnRoute(route, i / segments, point);
    out.push(point.x, point.y);
  }
  return out;
}
