/**
 * Where each component of the map goes for a given host size. Two arrangements: a wide one
 * (requests flow left to right, dependencies fan out above and below the API) and a compact
 * snake for narrow or small hosts. Sizes scale with the cell, within readable limits; on hosts too
 * small for that, cards lose their metric line and pods, and then the whole map zooms out. Pure.
 */
import type { ComponentId } from '../store/index.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NodeLayout {
  readonly id: ComponentId;
  /** Centre of the saturation ring: where edges start and end. */
  readonly cx: number;
  readonly cy: number;
  readonly ringRadius: number;
  /** The component's card; also its click target. */
  readonly box: Rect;
  /** Baselines (top of text) of the name and metric lines, centred on cx. */
  readonly nameY: number;
  readonly metricY: number;
  /** The band where pod squares go. */
  readonly pods: Rect;
}

export type LayoutKind = 'wide' | 'compact';
/** Full cards show the metric line and pods; mini cards (small hosts) only the ring and name. */
export type CardDetail = 'full' | 'mini';

export interface TopologyLayout {
  readonly kind: LayoutKind;
  readonly detail: CardDetail;
  /**
   * The map's own coordinate space: the host's size divided by `zoom`. Everything below is in
   * this space; the scene's camera multiplies it by `zoom` to fit the host.
   */
  readonly width: number;
  readonly height: number;
  /** 1 when the cards fit the host; below 1 the whole map is drawn smaller, uniformly. */
  readonly zoom: number;
  /** 1 at the design size; every length below is already multiplied by it. */
  readonly scale: number;
  readonly nameFont: number;
  readonly metricFont: number;
  readonly podSize: number;
  readonly podGap: number;
  readonly particleRadius: number;
  readonly nodes: Readonly<Record<ComponentId, NodeLayout>>;
}

type Grid = Readonly<Record<ComponentId, readonly [col: number, row: number]>>;

/** Users → CDN → ingress → web → API → pool in the middle row; DNS, cache, provider above; the databases below. */
const WIDE: Grid = {
  users: [0, 1],
  cdn: [1, 1],
  ingress: [2, 1],
  web: [3, 1],
  api: [4, 1],
  pool: [5, 1],
  coredns: [3, 0],
  redis: [4, 0],
  payments: [5, 0],
  replica: [3, 2],
  postgres: [4, 2],
  pgbouncer: [5, 2],
};

/**
 * Four by three for small hosts: the request path along the top, the API in the middle with its
 * five neighbours around it, the data path along the bottom. Every edge joins adjacent cells.
 */
const COMPACT: Grid = {
  users: [0, 0],
  cdn: [1, 0],
  ingress: [2, 0],
  web: [3, 0],
  replica: [0, 1],
  redis: [1, 1],
  api: [2, 1],
  coredns: [3, 1],
  postgres: [0, 2],
  pgbouncer: [1, 2],
  pool: [2, 2],
  payments: [3, 2],
};

const GRIDS: Readonly<Record<LayoutKind, { grid: Grid; cols: number; rows: number }>> = {
  wide: { grid: WIDE, cols: 6, rows: 3 },
  compact: { grid: COMPACT, cols: 4, rows: 3 },
};

/** The column and row of a component's cell in an arrangement (keyboard moves follow them). */
export function gridCell(kind: LayoutKind, id: ComponentId): readonly [col: number, row: number] {
  return GRIDS[kind].grid[id];
}

const PADDING = 8;
/** The cell size the design was drawn at (scale 1). */
const DESIGN_CELL = { w: 170, h: 150 };
const MIN_SCALE = 0.62;
const MAX_SCALE = 1.3;
/** The narrowest cell whose card still holds its texts at MIN_SCALE. */
const MIN_CELL_W: Readonly<Record<CardDetail, Readonly<Record<LayoutKind, number>>>> = {
  full: { wide: 110, compact: 80 },
  mini: { wide: 76, compact: 76 },
};

export function chooseLayoutKind(width: number, height: number): LayoutKind {
  const wideCell = (width - 2 * PADDING) / GRIDS.wide.cols;
  return wideCell >= MIN_CELL_W.full.wide && width / Math.max(height, 1) >= 1.3
    ? 'wide'
    : 'compact';
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

interface CardMetrics {
  readonly nameFont: number;
  readonly metricFont: number;
  readonly podSize: number;
  readonly podGap: number;
  readonly ringRadius: number;
  readonly gap: number;
  readonly nameLine: number;
  readonly metricLine: number;
  readonly podBand: number;
  /** Height of the ring, the text lines and the pods, stacked. */
  readonly content: number;
}

function cardMetrics(scale: number, detail: CardDetail): CardMetrics {
  const nameFont = Math.max(10, Math.round(13 * scale));
  const metricFont = Math.max(9, Math.round(11 * scale));
  const podSize = Math.max(6, Math.round(9 * scale));
  const podGap = Math.max(2, Math.round(3 * scale));
  const ringRadius = Math.max(10, Math.round(17 * scale));
  const gap = Math.max(2, Math.round(4 * scale));
  const nameLine = Math.round(nameFont * 1.3);
  const metricLine = detail === 'full' ? Math.round(metricFont * 1.3) : 0;
  const podBand = detail === 'full' ? 2 * podSize + podGap : 0;
  const content =
    2 * ringRadius + gap + nameLine + (detail === 'full' ? metricLine + gap + podBand : 0);
  const metrics = { nameFont, metricFont, podSize, podGap, ringRadius, gap, nameLine };
  return { ...metrics, metricLine, podBand, content };
}

/** The lowest cell that holds a card at MIN_SCALE: its content, padding (2 + 2), margins (3 + 3). */
const minCellHeight = (detail: CardDetail): number => cardMetrics(MIN_SCALE, detail).content + 10;

/** How far a host must shrink the arrangement to hold its cards (1: they fit as they are). */
function fitFactor(kind: LayoutKind, detail: CardDetail, width: number, height: number): number {
  const { cols, rows } = GRIDS[kind];
  return Math.min(
    1,
    (width - 2 * PADDING) / (cols * MIN_CELL_W[detail][kind]),
    (height - 2 * PADDING) / (rows * minCellHeight(detail)),
  );
}

/**
 * Lays the map out in a host of `width` × `height` CSS pixels. Full cards when they fit, in the
 * arrangement that suits the host's shape; then mini cards; below that, mini cards in the
 * arrangement that keeps them largest, with the whole map zoomed out so nothing overlaps.
 */
export function computeLayout(width: number, height: number): TopologyLayout {
  const w = Math.max(width, 1);
  const h = Math.max(height, 1);
  const preferred = chooseLayoutKind(w, h);
  const kinds: readonly LayoutKind[] = [preferred, preferred === 'wide' ? 'compact' : 'wide'];
  for (const detail of ['full', 'mini'] as const)
    for (const kind of kinds)
      if (fitFactor(kind, detail, w, h) >= 1) return arrange(kind, detail, w, h, 1);
  const [first, second] = kinds.map((kind) => fitFactor(kind, 'mini', w, h)) as [number, number];
  // The preferred shape wins unless the other keeps the map noticeably larger.
  const kind = second > first * 1.05 ? kinds[1]! : preferred;
  const zoom = Math.max(0.05, kind === preferred ? first : second);
  return arrange(kind, 'mini', w / zoom, h / zoom, zoom);
}

function arrange(
  kind: LayoutKind,
  detail: CardDetail,
  w: number,
  h: number,
  zoom: number,
): TopologyLayout {
  const { grid, cols, rows } = GRIDS[kind];
  const cellW = (w - 2 * PADDING) / cols;
  const cellH = (h - 2 * PADDING) / rows;
  const scale = clamp(Math.min(cellW / DESIGN_CELL.w, cellH / DESIGN_CELL.h), MIN_SCALE, MAX_SCALE);
  const m = cardMetrics(scale, detail);
  const { ringRadius, gap, content } = m;
  // Cards never touch, and diagonal edges pass between their corners.
  const marginX = Math.max(4, Math.round(cellW * 0.1));
  const marginY = Math.max(3, Math.round(cellH * 0.03));
  const padY = Math.max(2, Math.min(gap, (cellH - 2 * marginY - content) / 2));
  const boxW = Math.min(cellW - 2 * marginX, 200 * scale);
  const boxH = Math.min(cellH - 2 * marginY, content + 2 * padY);

  const nodes = {} as Record<ComponentId, NodeLayout>;
  for (const id of Object.keys(grid) as ComponentId[]) {
    const [col, row] = grid[id];
    const cellX = PADDING + col * cellW;
    const cellY = PADDING + row * cellH;
    const cx = cellX + cellW / 2;
    const boxY = cellY + (cellH - boxH) / 2;
    const top = boxY + Math.max(padY, (boxH - content) / 2);
    const cy = top + ringRadius;
    const nameY = cy + ringRadius + gap;
    const metricY = nameY + m.nameLine;
    const podsY = metricY + m.metricLine + gap;
    const innerW = boxW - 2 * Math.max(3, Math.round(6 * scale));
    nodes[id] = {
      id,
      cx,
      cy,
      ringRadius,
      box: { x: cx - boxW / 2, y: boxY, w: boxW, h: boxH },
      nameY,
      metricY,
      pods: { x: cx - innerW / 2, y: detail === 'full' ? podsY : metricY, w: innerW, h: m.podBand },
    };
  }
  return {
    kind,
    detail,
    width: w,
    height: h,
    zoom,
    scale,
    nameFont: m.nameFont,
    metricFont: m.metricFont,
    podSize: m.podSize,
    podGap: m.podGap,
    particleRadius: Math.max(1.5, 2.5 * scale),
    nodes,
  };
}

export function contains(rect: Rect, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The component whose card is under a point, if any. */
export function hitTest(layout: TopologyLayout, x: number, y: number): ComponentId | null {
  for (const node of Object.values(layout.nodes)) if (contains(node.box, x, y)) return node.id;
  return null;
}
