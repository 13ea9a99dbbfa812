import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS } from '../src/store/index.ts';
import type { ComponentId } from '../src/store/index.ts';
import { placeLabels } from '../src/scenes/topology-labels.ts';
import type { LabelRequest } from '../src/scenes/topology-labels.ts';
import { computeLayout, gridCell, overlaps } from '../src/scenes/topology-layout.ts';
import { moveInGrid, readingOrder } from '../src/scenes/topology-keys.ts';
import { routeBetween, visibleSpan } from '../src/scenes/topology-routes.ts';
import { EDGES } from './topology-fixtures.ts';

const SIZES: readonly [number, number][] = [
  [250, 150],
  [375, 90],
  [400, 250],
  [480, 300],
  [560, 420],
  [640, 360],
  [715, 560],
  [800, 450],
  [1024, 576],
  [1280, 720],
  [1400, 700],
  [1400, 400],
  [600, 700],
];

/** The fixtures' edges and the game's (src/incident-snapshot.ts): ingress→API, replication. */
const ALL_EDGES: readonly (readonly [ComponentId, ComponentId])[] = [
  ...EDGES,
  ['ingress', 'api'],
  ['postgres', 'replica'],
  ['api', 'replica'],
];

/** A label as Phaser sizes "434 rps · 44% err" at the metric font, with its 2 px padding. */
function requests(width: number, height: number): LabelRequest[] {
  const layout = computeLayout(width, height);
  return ALL_EDGES.map(([from, to], i) => {
    const route = routeBetween(layout, from, to);
    const text = i % 2 === 0 ? '434 rps · 44% err' : '1.2k qps';
    return {
      route,
      span: visibleSpan(route, layout.nodes[from].box, layout.nodes[to].box),
      width: text.length * layout.metricFont * 0.6 + 4,
      height: layout.metricFont * 1.3 + 2,
      priority: i,
    };
  });
}

describe('placeLabels', () => {
  for (const [width, height] of SIZES) {
    it(`never lets labels cover cards or each other at ${width}×${height}`, () => {
      const layout = computeLayout(width, height);
      const asked = requests(width, height);
      const placed = placeLabels(layout, asked);
      const cards = COMPONENT_IDS.map((id) => layout.nodes[id].box);
      const rects = placed.flatMap((p) => (p ? [p.rect] : []));
      for (const rect of rects) {
        for (const card of cards) expect(overlaps(rect, card)).toBe(false);
        expect(rect.x).toBeGreaterThanOrEqual(0);
        expect(rect.y).toBeGreaterThanOrEqual(0);
        expect(rect.x + rect.w).toBeLessThanOrEqual(layout.width);
        expect(rect.y + rect.h).toBeLessThanOrEqual(layout.height);
      }
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++)
          expect(overlaps(rects[i]!, rects[j]!), `${i} / ${j}`).toBe(false);
      placed.forEach((spot, i) => {
        if (spot) {
          expect(spot.rect.w).toBe(asked[i]!.width);
          expect(spot.rect.h).toBe(asked[i]!.height);
        }
      });
    });
  }

  it('labels the edges with room between their cards', () => {
    const placed = placeLabels(computeLayout(1280, 720), requests(1280, 720));
    // Every edge between rows; the 42 px gaps between cards of one row hold no label.
    const between = ALL_EDGES.map(
      ([from, to]) => gridCell('wide', from)[1] !== gridCell('wide', to)[1],
    );
    placed.forEach((spot, i) => {
      if (between[i]) expect(spot, ALL_EDGES[i]!.join('>')).not.toBeNull();
    });
  });

  it('moves a label off a spot another label already took', () => {
    const layout = computeLayout(1280, 720);
    const one = requests(1280, 720)[4]!; // web → coredns, between rows
    const [first, second] = placeLabels(layout, [
      { ...one, priority: 2 },
      { ...one, priority: 1 },
    ]);
    // A tall gap between rows: the second copy finds its own spot beside the first.
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(overlaps(first!.rect, second!.rect)).toBe(false);
  });

  it('gives the space to the higher priority', () => {
    const layout = computeLayout(1280, 720);
    const one = requests(1280, 720)[4]!;
    const [low, high] = placeLabels(layout, [
      { ...one, priority: 1 },
      { ...one, priority: 5 },
    ]);
    const middle = placeLabels(layout, [one])[0]!;
    expect(high).toEqual(middle);
    expect(low).not.toEqual(middle);
  });
});

describe('moveInGrid', () => {
  it('goes to the card below and above, as on screen (compact)', () => {
    // Compact: users cdn ingress web / replica redis api coredns / postgres pgbouncer pool payments.
    expect(moveInGrid('compact', 'web', 'ArrowDown')).toBe('coredns');
    expect(moveInGrid('compact', 'coredns', 'ArrowDown')).toBe('payments');
    expect(moveInGrid('compact', 'pool', 'ArrowUp')).toBe('api');
    expect(moveInGrid('compact', 'users', 'ArrowUp')).toBe('users');
    expect(moveInGrid('compact', 'web', 'ArrowRight')).toBe('replica');
    expect(moveInGrid('compact', 'replica', 'ArrowLeft')).toBe('web');
  });

  it('goes to the nearest column when the cell below is empty (wide)', () => {
    expect(moveInGrid('wide', 'api', 'ArrowUp')).toBe('redis');
    expect(moveInGrid('wide', 'api', 'ArrowDown')).toBe('postgres');
    expect(moveInGrid('wide', 'users', 'ArrowDown')).toBe('replica');
    expect(moveInGrid('wide', 'users', 'ArrowRight')).toBe('cdn');
    expect(moveInGrid('wide', 'pgbouncer', 'ArrowDown')).toBe('pgbouncer');
  });

  it('visits every card with Right, in reading order, and Home/End go to its ends', () => {
    for (const kind of ['wide', 'compact'] as const) {
      const order = readingOrder(kind);
      expect(new Set(order).size).toBe(COMPONENT_IDS.length);
      for (let i = 1; i < order.length; i++) {
        const [c0, r0] = gridCell(kind, order[i - 1]!);
        const [c1, r1] = gridCell(kind, order[i]!);
        expect(r1 > r0 || (r1 === r0 && c1 > c0)).toBe(true);
        expect(moveInGrid(kind, order[i - 1]!, 'ArrowRight')).toBe(order[i]);
      }
      expect(moveInGrid(kind, order[order.length - 1]!, 'ArrowRight')).toBe(order[0]);
      expect(moveInGrid(kind, 'api', 'Home')).toBe(order[0]);
      expect(moveInGrid(kind, 'api', 'End')).toBe(order[order.length - 1]);
      expect(moveInGrid(kind, 'api', 'Enter')).toBeNull();
    }
  });
});
