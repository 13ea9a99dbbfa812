/**
 * The system's architecture as the briefing shows it: a static SVG of the request path (users,
 * CDN, load balancer, web, API, PgBouncer, PostgreSQL and its replica) with the API's other
 * dependencies (Redis, cluster DNS, the payment provider). Labels come from the catalogue; the
 * drawing is decorative and the same facts are listed as text beside it for screen readers.
 */
import { t } from '../i18n/index.ts';
import type { PlainMessageKey } from '../i18n/index.ts';
import { h, svg } from './dom.ts';

interface Box {
  readonly id: string;
  readonly name: PlainMessageKey;
  readonly detail: PlainMessageKey;
  readonly x: number;
  readonly y: number;
  /** Outside our cluster: drawn dashed. */
  readonly external?: boolean;
}

const W = 172;
const H = 54;
const BOXES: readonly Box[] = [
  { id: 'users', name: 'arch.users', detail: 'arch.users.detail', x: 20, y: 20 },
  { id: 'cdn', name: 'arch.cdn', detail: 'arch.cdn.detail', x: 20, y: 110 },
  { id: 'lb', name: 'arch.lb', detail: 'arch.lb.detail', x: 20, y: 200 },
  { id: 'web', name: 'arch.web', detail: 'arch.web.detail', x: 20, y: 290 },
  { id: 'api', name: 'arch.api', detail: 'arch.api.detail', x: 246, y: 290 },
  { id: 'pgbouncer', name: 'arch.pgbouncer', detail: 'arch.pgbouncer.detail', x: 246, y: 380 },
  { id: 'postgres', name: 'arch.postgres', detail: 'arch.postgres.detail', x: 246, y: 470 },
  { id: 'replica', name: 'arch.replica', detail: 'arch.replica.detail', x: 472, y: 470 },
  { id: 'redis', name: 'arch.redis', detail: 'arch.redis.detail', x: 472, y: 200 },
  { id: 'coredns', name: 'arch.coredns', detail: 'arch.coredns.detail', x: 472, y: 290 },
  {
    id: 'payments',
    name: 'arch.payments',
    detail: 'arch.payments.detail',
    x: 472,
    y: 380,
    external: true,
  },
];

/** Edges as [from, to, dashed]: dashed ones are lookups or replication, not the request path. */
const EDGES: readonly (readonly [string, string, boolean])[] = [
  ['users', 'cdn', false],
  ['cdn', 'lb', false],
  ['lb', 'web', false],
  ['lb', 'api', false],
  ['api', 'pgbouncer', false],
  ['pgbouncer', 'postgres', false],
  ['postgres', 'replica', true],
  ['api', 'redis', false],
  ['api', 'coredns', true],
  ['api', 'payments', false],
];

const byId = new Map(BOXES.map((b) => [b.id, b]));

/** The point where the line from a box's centre towards `to` leaves the box. */
function anchor(from: Box, to: Box): [number, number] {
  const cx = from.x + W / 2;
  const cy = from.y + H / 2;
  const dx = to.x + W / 2 - cx;
  const dy = to.y + H / 2 - cy;
  const scale = Math.min(
    dx === 0 ? Infinity : W / 2 / Math.abs(dx),
    dy === 0 ? Infinity : H / 2 / Math.abs(dy),
  );
  return [cx + dx * scale, cy + dy * scale];
}

export function architectureDiagram(): HTMLElement {
  const marker = svg(
    'marker',
    {
      id: 'arch-arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    [svg('path', { d: 'M0 0 10 5 0 10z', class: 'arch-arrowhead' })],
  );
  const lines = EDGES.map(([a, b, dashed]) => {
    const from = byId.get(a)!;
    const to = byId.get(b)!;
    const [x1, y1] = anchor(from, to);
    const [x2, y2] = anchor(to, from);
    return svg('line', {
      x1,
      y1,
      x2,
      y2,
      class: dashed ? 'arch-edge arch-edge-dashed' : 'arch-edge',
      'marker-end': 'url(#arch-arrow)',
    });
  });
  const boxes = BOXES.map((b) => {
    const name = svg('text', { x: b.x + 12, y: b.y + 22, class: 'arch-name' });
    name.textContent = t(b.name);
    const detail = svg('text', { x: b.x + 12, y: b.y + 40, class: 'arch-detail' });
    detail.textContent = t(b.detail);
    return svg('g', { class: b.external ? 'arch-box arch-external' : 'arch-box' }, [
      svg('rect', { x: b.x, y: b.y, width: W, height: H, rx: 8 }),
      name,
      detail,
    ]);
  });
  const drawing = svg(
    'svg',
    {
      class: 'arch-diagram',
      viewBox: '0 0 664 544',
      role: 'img',
      'aria-label': t('arch.label'),
    },
    [svg('defs', {}, [marker]), ...lines, ...boxes],
  );
  const list = h(
    'ul',
    { className: 'visually-hidden' },
    BOXES.map((b) => h('li', { text: `${t(b.name)}: ${t(b.detail)}` })),
  );
  return h('figure', { className: 'arch' }, [drawing, list]);
}
