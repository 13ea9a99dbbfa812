/**
 * The map's legend: what the dots, diamonds, badges and pod squares mean, each drawn as the
 * scene draws it. Hidden by default behind a disclosure button so it costs no space until the
 * player asks; when shown it sits under the map (never over a card). DOM only, no Phaser.
 */
import { COLOURS, cssColour, podEncoding, statusEncoding } from './topology-palette.ts';
import type { HealthStatus, PodPhase } from '../store/index.ts';
import type { Translate } from './topology-text.ts';

export interface MapLegend {
  /** The show/hide button (`aria-expanded`). */
  readonly toggle: HTMLButtonElement;
  /** The legend itself; `hidden` while collapsed. */
  readonly panel: HTMLElement;
  relabel(): void;
}

export interface MapLegendOptions {
  readonly translate: Translate;
  /** Shown or hidden: the host re-measures the map. */
  readonly onToggle?: (open: boolean) => void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SIZE = 14;

function shape(tag: string, attrs: Readonly<Record<string, string | number>>): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

function icon(...children: SVGElement[]): SVGSVGElement {
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
  root.setAttribute('width', String(SIZE));
  root.setAttribute('height', String(SIZE));
  root.setAttribute('aria-hidden', 'true');
  root.classList.add('topology-legend-icon');
  root.append(...children);
  return root;
}

const ink = cssColour(COLOURS.background);

function badgeIcon(status: HealthStatus): SVGSVGElement {
  const { colour, badge } = statusEncoding(status);
  const fill = cssColour(colour);
  const stroke = { stroke: ink, 'stroke-width': 1.6, fill: 'none', 'stroke-linecap': 'round' };
  if (badge === 'circle')
    return icon(
      shape('circle', { cx: 7, cy: 7, r: 6, fill }),
      shape('polyline', { points: '4,7 6.2,9.4 10,4.8', ...stroke }),
    );
  if (badge === 'triangle')
    return icon(
      shape('polygon', { points: '7,1 13.5,13 0.5,13', fill }),
      shape('line', { x1: 7, y1: 5, x2: 7, y2: 9, ...stroke }),
      shape('circle', { cx: 7, cy: 11, r: 0.9, fill: ink }),
    );
  return icon(
    shape('rect', { x: 1, y: 1, width: 12, height: 12, fill }),
    shape('line', { x1: 4, y1: 4, x2: 10, y2: 10, ...stroke }),
    shape('line', { x1: 4, y1: 10, x2: 10, y2: 4, ...stroke }),
  );
}

/** A pod square as `drawPod` draws it: fill by phase, a cross for CrashLoopBackOff, faded while Terminating. */
function podIcon(phase: PodPhase, ready: boolean): SVGSVGElement {
  const encoding = podEncoding(phase, ready);
  const colour = cssColour(encoding.colour);
  const parts: SVGElement[] = [];
  const box = { x: 3, y: 3, width: 8, height: 8 };
  if (encoding.fill === 'full') parts.push(shape('rect', { ...box, fill: colour }));
  else parts.push(shape('rect', { ...box, fill: 'none', stroke: colour, 'stroke-width': 1.3 }));
  if (encoding.fill === 'half')
    parts.push(shape('rect', { x: 3, y: 7, width: 8, height: 4, fill: colour }));
  if (encoding.fill === 'dot')
    parts.push(shape('rect', { x: 5.6, y: 5.6, width: 2.8, height: 2.8, fill: colour }));
  if (encoding.mark === 'cross') {
    const line = { stroke: colour, 'stroke-width': 1.3 };
    parts.push(shape('line', { x1: 3, y1: 3, x2: 11, y2: 11, ...line }));
    parts.push(shape('line', { x1: 3, y1: 11, x2: 11, y2: 3, ...line }));
  }
  const drawn = icon(...parts);
  drawn.setAttribute('opacity', String(encoding.alpha));
  return drawn;
}

const ENTRIES: readonly { readonly key: string; readonly icon: () => SVGSVGElement }[] = [
  {
    key: 'dot',
    icon: () => icon(shape('circle', { cx: 7, cy: 7, r: 3.5, fill: cssColour(COLOURS.flow) })),
  },
  {
    key: 'diamond',
    icon: () =>
      icon(shape('polygon', { points: '7,2 12,7 7,12 2,7', fill: cssColour(COLOURS.error) })),
  },
  {
    key: 'failing',
    icon: () =>
      icon(
        shape('line', {
          x1: 0,
          y1: 7,
          x2: 14,
          y2: 7,
          stroke: cssColour(COLOURS.error),
          'stroke-width': 2,
          'stroke-dasharray': '4 2',
        }),
      ),
  },
  {
    key: 'ring',
    icon: () =>
      icon(
        shape('circle', {
          cx: 7,
          cy: 7,
          r: 5,
          fill: 'none',
          stroke: cssColour(COLOURS.track),
          'stroke-width': 2.4,
        }),
        // Three quarters of the way round, clockwise from twelve o'clock.
        shape('path', {
          d: 'M7 2 A5 5 0 1 1 2 7',
          fill: 'none',
          stroke: cssColour(COLOURS.warn),
          'stroke-width': 2.4,
        }),
      ),
  },
  { key: 'ok', icon: () => badgeIcon('ok') },
  { key: 'degraded', icon: () => badgeIcon('degraded') },
  { key: 'down', icon: () => badgeIcon('down') },
  { key: 'running', icon: () => podIcon('Running', true) },
  { key: 'notReady', icon: () => podIcon('Running', false) },
  { key: 'creating', icon: () => podIcon('ContainerCreating', false) },
  { key: 'pending', icon: () => podIcon('Pending', false) },
  { key: 'crashLoop', icon: () => podIcon('CrashLoopBackOff', false) },
  { key: 'terminating', icon: () => podIcon('Terminating', false) },
];

let legends = 0;

export function createMapLegend(options: MapLegendOptions): MapLegend {
  const { translate } = options;
  const panel = document.createElement('div');
  panel.className = 'topology-legend';
  panel.id = `topology-legend-${++legends}`;
  panel.setAttribute('role', 'region');
  panel.hidden = true;
  const list = document.createElement('ul');
  list.className = 'topology-legend-list';
  const labels: { key: string; text: HTMLElement }[] = [];
  for (const entry of ENTRIES) {
    const item = document.createElement('li');
    item.className = 'topology-legend-item';
    const text = document.createElement('span');
    item.append(entry.icon(), text);
    list.append(item);
    labels.push({ key: entry.key, text });
  }
  panel.append(list);

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'topology-legend-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', panel.id);
  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    options.onToggle?.(open);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  // Escape from the button closes it again, as from any disclosure.
  toggle.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    event.preventDefault();
    setOpen(false);
  });

  function relabel(): void {
    toggle.textContent = translate('topology.legend.toggle');
    panel.setAttribute('aria-label', translate('topology.legend.title'));
    for (const { key, text } of labels) text.textContent = translate(`topology.legend.${key}`);
  }
  relabel();
  return { toggle, panel, relabel };
}
