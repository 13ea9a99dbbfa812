/**
 * Where the edge labels go with reduced motion: on the visible stretch of each edge, or just
 * beside it, at the first spot that covers no card and no label placed before it. Labels are
 * placed in order of importance; one that finds no free spot is left out (the toolbar and the
 * dashboards still give the number). Pure.
 */
import { overlaps } from './topology-layout.ts';
import type { Rect, TopologyLayout } from './topology-layout.ts';
import { normalOnRoute, pointOnRoute } from './topology-routes.ts';
import type { Route } from './topology-routes.ts';

export interface LabelRequest {
  readonly route: Route;
  /** The visible stretch of the route, between its cards (0..1). */
  readonly span: { readonly t0: number; readonly t1: number };
  /** The label's size in the layout's pixels. */
  readonly width: number;
  readonly height: number;
  /** Higher goes first: failing and busy edges keep their labels. */
  readonly priority: number;
}

export interface PlacedLabel {
  /** Centre of the label. */
  readonly x: number;
  readonly y: number;
  readonly rect: Rect;
}

/** Spots along the visible stretch, from its middle outwards. */
const ALONG = [0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85];
/** On the line (the label's background interrupts it), then either side of it. */
const ACROSS = [0, 1, -1];
/** Clear space kept around cards and other labels. */
const CLEARANCE = 2;

export function placeLabels(
  layout: TopologyLayout,
  requests: readonly LabelRequest[],
): (PlacedLabel | null)[] {
  const cards = Object.values(layout.nodes).map((node) => node.box);
  const placed: Rect[] = [];
  const result: (PlacedLabel | null)[] = requests.map(() => null);
  const order = requests
    .map((_, i) => i)
    .sort((a, b) => requests[b]!.priority - requests[a]!.priority);
  const point = { x: 0, y: 0 };
  const normal = { x: 0, y: 0 };
  for (const index of order) {
    const request = requests[index]!;
    const { t0, t1 } = request.span;
    if (t1 <= t0) continue;
    search: for (const along of ALONG) {
      const t = t0 + along * (t1 - t0);
      pointOnRoute(request.route, t, point);
      normalOnRoute(request.route, t, normal);
      // Far enough sideways for the label's edge to clear the line.
      const reach =
        (Math.abs(normal.x) * request.width + Math.abs(normal.y) * request.height) / 2 + 3;
      for (const side of ACROSS) {
        const x = point.x + normal.x * reach * side;
        const y = point.y + normal.y * reach * side;
        const rect = {
          x: x - request.width / 2,
          y: y - request.height / 2,
          w: request.width,
          h: request.height,
        };
        if (!fits(rect, layout, cards, placed)) continue;
        placed.push(rect);
        result[index] = { x, y, rect };
        break search;
      }
    }
  }
  return result;
}

function fits(
  rect: Rect,
  layout: TopologyLayout,
  cards: readonly Rect[],
  placed: readonly Rect[],
): boolean {
  if (rect.x < 0 || rect.y < 0 || rect.x + rect.w > layout.width || rect.y + rect.h > layout.height)
    return false;
  const padded = {
    x: rect.x - CLEARANCE,
    y: rect.y - CLEARANCE,
    w: rect.w + 2 * CLEARANCE,
    h: rect.h + 2 * CLEARANCE,
  };
  return (
    !cards.some((card) => overlaps(padded, card)) &&
    !placed.some((other) => overlaps(padded, other))
  );
}
