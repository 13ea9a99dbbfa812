import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../src/store/index.ts';
import { computeLayout, contains, hitTest, overlaps } from '../src/scenes/topology-layout.ts';
import type { Rect } from '../src/scenes/topology-layout.ts';
import {
  countHits,
  pointOnRoute,
  routeBetween,
  visibleSpan,
} from '../src/scenes/topology-routes.ts';
import { dashedRect } from '../src/scenes/topology-shapes.ts';
import { EDGES } from './topology-fixtures.ts';

const SIZES: readonly [number, number][] = [
  [250, 150],
  [375, 90],
  [330, 250],
  [1400, 200],
  [400, 250],
  [480, 300],
  [560, 420],
  [640, 360],
  [800, 450],
  [1024, 576],
  [1280, 720],
  [1400, 700],
  [1400, 400],
  [600, 700],
];

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-6 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-6;

describe('computeLayout', () => {
  for (const [width, height] of SIZES) {
    describe(`${width}×${height}`, () => {
      const layout = computeLayout(width, height);
      const nodes = COMPONENT_IDS.map((id) => layout.nodes[id]);

      it('places every component inside the host', () => {
        // The layout's space is the host divided by its zoom.
        expect(layout.width * layout.zoom).toBeCloseTo(width, 6);
        expect(layout.height * layout.zoom).toBeCloseTo(height, 6);
        const host = { x: 0, y: 0, w: layout.width, h: layout.height };
        for (const node of nodes) expect(inside(node.box, host), node.id).toBe(true);
      });

      it('never lets two cards overlap', () => {
        for (const a of nodes)
          for (const b of nodes)
            if (a.id < b.id) expect(overlaps(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      });

      it('keeps the ring, the text lines and the pod band inside each card', () => {
        for (const node of nodes) {
          const ring = {
            x: node.cx - node.ringRadius,
            y: node.cy - node.ringRadius,
            w: 2 * node.ringRadius,
            h: 2 * node.ringRadius,
          };
          expect(inside(ring, node.box), `${node.id} ring`).toBe(true);
          expect(inside(node.pods, node.box), `${node.id} pods`).toBe(true);
          expect(node.nameY).toBeGreaterThan(node.cy);
          expect(node.metricY).toBeGreaterThan(node.nameY);
          // The name line (and, on full cards, the metric line) ends inside the card.
          expect(node.metricY).toBeLessThanOrEqual(node.box.y + node.box.h);
          if (layout.detail === 'full')
            expect(node.pods.y).toBeGreaterThanOrEqual(node.metricY + layout.metricFont);
          else expect(node.pods.h).toBe(0);
        }
      });

      it('keeps text readable, or zooms the whole map out uniformly', () => {
        expect(layout.nameFont).toBeGreaterThanOrEqual(10);
        expect(layout.metricFont).toBeGreaterThanOrEqual(9);
        expect(layout.podSize).toBeGreaterThanOrEqual(6);
        expect(layout.zoom).toBeGreaterThan(0);
        expect(layout.zoom).toBeLessThanOrEqual(1);
        // Only mini cards are zoomed: full cards that did not fit would have become mini first.
        if (layout.zoom < 1) expect(layout.detail).toBe('mini');
      });

      it('routes every edge around the cards in its way', () => {
        for (const [from, to] of EDGES) {
          const route = routeBetween(layout, from, to);
          const others = nodes.filter((n) => n.id !== from && n.id !== to).map((n) => n.box);
          expect(countHits(route, others), `${from}>${to}`).toBe(0);
        }
      });
    });
  }

  it('uses the wide arrangement on a wide host and the compact one on a small or tall host', () => {
    expect(computeLayout(1280, 720).kind).toBe('wide');
    expect(computeLayout(1400, 700).kind).toBe('wide');
    expect(computeLayout(400, 250).kind).toBe('compact');
    expect(computeLayout(600, 700).kind).toBe('compact');
  });

  it('drops the metric line and pods, then zooms out, as the host shrinks', () => {
    expect(computeLayout(400, 250)).toMatchObject({ detail: 'full', zoom: 1 });
    expect(computeLayout(330, 250)).toMatchObject({ detail: 'mini', zoom: 1 });
    expect(computeLayout(1400, 200)).toMatchObject({ kind: 'wide', detail: 'mini', zoom: 1 });
    const tiny = computeLayout(250, 150);
    expect(tiny.detail).toBe('mini');
    expect(tiny.zoom).toBeLessThan(1);
    // The split's smallest map (the play-test's screenshot): zoomed, but still over half size.
    const sliver = computeLayout(375, 90);
    expect(sliver.zoom).toBeLessThan(computeLayout(375, 150).zoom);
    expect(sliver.zoom).toBeGreaterThan(0.5);
  });

  it('grows cards with the host, within limits', () => {
    const small = computeLayout(400, 250);
    const large = computeLayout(1280, 720);
    expect(large.scale).toBeGreaterThan(small.scale);
    expect(large.nodes.api.box.w).toBeGreaterThan(small.nodes.api.box.w);
    expect(computeLayout(4000, 2000).scale).toBeLessThanOrEqual(1.3);
  });

  it('puts the request path in order from left to right in the wide arrangement', () => {
    const { nodes } = computeLayout(1280, 720);
    const path = ['users', 'cdn', 'ingress', 'web', 'api', 'pool'] as const;
    for (let i = 1; i < path.length; i++)
      expect(nodes[path[i]!].cx).toBeGreaterThan(nodes[path[i - 1]!].cx);
  });
});

describe('hitTest', () => {
  it('finds the card under a point, and nothing between cards', () => {
    const layout = computeLayout(1280, 720);
    for (const id of COMPONENT_IDS) {
      const node = layout.nodes[id];
      expect(hitTest(layout, node.cx, node.cy)).toBe(id);
      expect(contains(node.box, node.box.x + 1, node.box.y + 1)).toBe(true);
    }
    expect(hitTest(layout, 2, 2)).toBeNull();
    const { api, pool } = layout.nodes;
    expect(hitTest(layout, (api.box.x + api.box.w + pool.box.x) / 2, api.cy)).toBeNull();
  });
});

describe('routes', () => {
  it('start and end at the ring centres', () => {
    const layout = computeLayout(800, 450);
    const route = routeBetween(layout, 'api', 'redis');
    const point = { x: 0, y: 0 };
    pointOnRoute(route, 0, point);
    expect(point).toEqual({ x: layout.nodes.api.cx, y: layout.nodes.api.cy });
    pointOnRoute(route, 1, point);
    expect(point.x).toBeCloseTo(layout.nodes.redis.cx);
    expect(point.y).toBeCloseTo(layout.nodes.redis.cy);
  });

  it('bows a curve that would cross another card (PgBouncer past the primary to the replica)', () => {
    const layout = computeLayout(1280, 720);
    const { pgbouncer, postgres, replica } = layout.nodes;
    expect(postgres.cx).toBeLessThan(pgbouncer.cx);
    expect(postgres.cx).toBeGreaterThan(replica.cx);
    const route = routeBetween(layout, 'pgbouncer', 'replica');
    expect(route.length).toBeGreaterThan(Math.abs(pgbouncer.cx - replica.cx) * 1.02);
    expect(countHits(route, [postgres.box])).toBe(0);
  });

  it('keeps a straight line where nothing is in the way', () => {
    const layout = computeLayout(1280, 720);
    const route = routeBetween(layout, 'web', 'api');
    expect(route.length).toBeCloseTo(layout.nodes.api.cx - layout.nodes.web.cx, 3);
  });
});

describe('dashedRect', () => {
  it('covers part of the outline, in dashes along its sides', () => {
    const segments = dashedRect({ x: 0, y: 0, w: 100, h: 50 }, 6, 4);
    expect(segments.length % 4).toBe(0);
    let drawn = 0;
    for (let i = 0; i < segments.length; i += 4)
      drawn += Math.hypot(segments[i + 2]! - segments[i]!, segments[i + 3]! - segments[i + 1]!);
    expect(drawn / 300).toBeGreaterThan(0.5);
    expect(drawn / 300).toBeLessThan(0.7);
  });
});

describe('visibleSpan', () => {
  it('is the stretch of an edge between the two cards', () => {
    const layout = computeLayout(1280, 720);
    const { web, coredns, api } = layout.nodes;
    const vertical = visibleSpan(routeBetween(layout, 'web', 'coredns'), web.box, coredns.box);
    // Sampled along the curve: within two samples of the true gap.
    const gap = web.box.y - (coredns.box.y + coredns.box.h);
    expect(vertical.length).toBeLessThanOrEqual(gap + 1e-6);
    expect(vertical.length).toBeGreaterThan(gap - 20);
    const horizontal = visibleSpan(routeBetween(layout, 'web', 'api'), web.box, api.box);
    expect(horizontal.length).toBeLessThan(vertical.length);
    expect(horizontal.t0).toBeGreaterThan(0.3);
    expect(horizontal.t1).toBeLessThan(0.7);
  });
});
