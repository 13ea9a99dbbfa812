/**
 * Boots the real Phaser scene in happy-dom (HEADLESS for stepping, CANVAS against
 * vitest-canvas-mock for the drawing calls), steps frames by hand, and checks that the map
 * follows the store and that the canvas and the accessible toolbar both set the focus.
 */
import 'vitest-canvas-mock';
import { fireEvent, getAllByRole, getByRole } from '@testing-library/dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translateRef } from '../../src/i18n/index.ts';
import { createIncidentStore } from '../../src/store/index.ts';
import type { IncidentStore, MetricReader } from '../../src/store/index.ts';
import type { Topology, TopologyOptions } from '../../src/scenes/topology.ts';
import { calmSnapshot, crashLoopSnapshot, degradedSnapshot } from '../topology-fixtures.ts';

/**
 * Phaser's texture manager waits for three data-URL images to load. happy-dom fires `load`
 * synchronously, before Phaser listens, so fire it on the next task, on a real <img> (the canvas
 * mock's drawImage checks the type).
 */
function ShimImage(): HTMLImageElement {
  const img = document.createElement('img');
  let src = '';
  for (const key of ['width', 'height', 'naturalWidth', 'naturalHeight'])
    Object.defineProperty(img, key, { value: 32, writable: true });
  Object.defineProperty(img, 'complete', { get: () => src !== '' });
  Object.defineProperty(img, 'src', {
    get: () => src,
    set: (value: string) => {
      src = value;
      setTimeout(() => img.onload?.(new Event('load')), 0);
    },
  });
  return img;
}

let mountTopology: (
  host: HTMLElement,
  store: IncidentStore,
  options: TopologyOptions,
) => Promise<Topology>;

beforeAll(async () => {
  Object.assign(globalThis, { Image: ShimImage });
  Object.assign(window, { Image: ShimImage, focus: () => {} });
  // Vitest inlines Phaser's 8.8 MB ESM bundle on first import: slow on a busy machine.
  ({ mountTopology } = await import('../../src/scenes/topology.ts'));
}, 120_000);

const metrics: MetricReader = { metrics: [], written: () => 0, read: () => 0 };
const translate: TopologyOptions['translate'] = (key, params) =>
  translateRef(params === undefined ? { key } : { key, params });

let mounted: Topology | null = null;
afterEach(() => {
  mounted?.destroy();
  mounted = null;
  document.body.replaceChildren();
});

async function mount(
  renderer: 'headless' | 'canvas' = 'headless',
  reducedMotion = false,
  size: { width: number; height: number } = { width: 1280, height: 720 },
) {
  const host = document.createElement('div');
  host.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, ...size });
  document.body.append(host);
  const store = createIncidentStore({ startEpochMs: 0, metrics, thresholds: [], reducedMotion });
  store.setState({ phase: 'live', speed: 1, topology: calmSnapshot() });
  const topology = await mountTopology(host, store, { translate, renderer, frames: 'manual' });
  mounted = topology;
  let time = 1000;
  const frames = (n: number, dt = 16.7) => {
    for (let i = 0; i < n; i++) topology.step((time += dt), dt);
  };
  return { host, store, topology, frames };
}

describe('the topology scene', () => {
  it('boots, lays the map out for the host, and fills the edges with particles', async () => {
    const { topology, frames } = await mount();
    frames(3);
    const view = topology.inspect();
    expect(view.layout).toBe('wide');
    expect(view.edges.map((e) => e.key)).toContain('web>api');
    expect(view.particles).toBeGreaterThan(20);
    expect(view.visibleParticles).toBe(view.particles);
    expect(view.errorParticles).toBe(0);
    expect(view.pods).toEqual({ ingress: 2, web: 3, api: 4, pgbouncer: 2, coredns: 2 });
  });

  it('moves particles only while the incident is live and running', async () => {
    const { store, topology, frames } = await mount();
    frames(2);
    store.setState({ speed: 0 });
    frames(1);
    const frozen = topology.inspect().particles;
    frames(120);
    expect(topology.inspect().particles).toBe(frozen);
    store.setState({ speed: 1 });
    frames(5);
    expect(topology.inspect().particles).not.toBe(frozen);
  });

  it('sends errors along failing edges when the snapshot degrades', async () => {
    const { store, topology, frames } = await mount();
    frames(10);
    expect(topology.inspect().errorParticles).toBe(0);
    store.setState({ topology: degradedSnapshot() });
    frames(180);
    const view = topology.inspect();
    expect(view.errorParticles).toBeGreaterThan(0);
    const webToApi = view.edges.find((e) => e.key === 'web>api');
    expect(webToApi?.errors).toBeGreaterThan(0);
    expect(view.edges.find((e) => e.key === 'api>redis')?.errors).toBe(0);
  });

  it('carries more particles where there is more traffic', async () => {
    const { store, topology, frames } = await mount();
    const quiet = calmSnapshot();
    store.setState({
      topology: {
        ...quiet,
        t: quiet.t + 1000,
        edges: quiet.edges.map((e) => ({
          ...e,
          rps: e.from === 'api' && e.to === 'payments' ? 5000 : e.rps,
        })),
      },
    });
    frames(200);
    const edges = topology.inspect().edges;
    const payments = edges.find((e) => e.key === 'api>payments')!;
    const coredns = edges.find((e) => e.key === 'web>coredns')!;
    expect(payments.particles).toBeGreaterThan(coredns.particles);
  });

  it('follows pods that crash, appear and go away', async () => {
    const { store, topology, frames } = await mount();
    frames(2);
    store.setState({ topology: crashLoopSnapshot() });
    frames(2);
    expect(topology.inspect().pods.api).toBe(6);
    store.setState({ topology: calmSnapshot(240_000) });
    frames(2);
    expect(topology.inspect().pods.api).toBe(4);
  });

  it('shows no moving particles when motion is reduced', async () => {
    const { topology, frames } = await mount('headless', true);
    frames(60);
    expect(topology.inspect().visibleParticles).toBe(0);
  });

  it('sets the focus when a card is clicked on the canvas, and clears it on a second click', async () => {
    const { store, topology, frames } = await mount();
    frames(1);
    // happy-dom has no layout for Phaser to map DOM coordinates with, so press through the scene's
    // input plugin, as Phaser does after mapping (the real click is checked in Chromium).
    const input = topology.game.scene.getScene('topology')!.input;
    // The API card sits in the fifth of six columns, middle row (at DPR 1, game px = CSS px).
    const press = (x: number, y: number) => {
      input.emit('pointerdown', { x, y });
      frames(1);
    };
    press(8 + 4.5 * ((1280 - 16) / 6), 360);
    expect(store.getState().focus).toBe('api');
    press(8 + 0.5 * ((1280 - 16) / 6), 80);
    expect(store.getState().focus).toBe('api');
    press(8 + 4.5 * ((1280 - 16) / 6), 360);
    expect(store.getState().focus).toBeNull();
  });

  it('draws with the Canvas renderer without errors, calm and degraded', async () => {
    const { store, topology, frames } = await mount('canvas');
    frames(3);
    store.setState({ topology: crashLoopSnapshot(), focus: 'api' });
    frames(3);
    expect(topology.game.renderer?.type).toBe(1);
    expect(topology.inspect().redraws).toBeGreaterThanOrEqual(2);
  });

  it('redraws the cards only when something they show changed', async () => {
    const { store, topology, frames } = await mount();
    frames(3);
    const before = topology.inspect().redraws;
    frames(30);
    expect(topology.inspect().redraws).toBe(before);
    store.setState({ focus: 'redis' });
    frames(1);
    expect(topology.inspect().redraws).toBe(before + 1);
  });
});

describe('the accessible component toolbar', () => {
  it('names every component with its status in words', async () => {
    const { host, store } = await mount();
    store.setState({ topology: degradedSnapshot() });
    const toolbar = getByRole(host, 'toolbar', { name: 'System map components' });
    const buttons = getAllByRole(toolbar, 'button');
    expect(buttons).toHaveLength(12);
    const api = getByRole(host, 'button', { name: /^API \(Go\) — degraded/ });
    expect(api.textContent).toContain('12% errors');
    expect(api.textContent).toContain('93% saturated');
    expect(api.getAttribute('aria-pressed')).toBe('false');
  });

  it('focuses the dashboards with Enter or a click, reflects the store, and announces it', async () => {
    const { host, store } = await mount();
    const redis = getByRole(host, 'button', { name: /^Redis/ });
    fireEvent.click(redis);
    expect(store.getState().focus).toBe('redis');
    expect(redis.getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(host, 'status').textContent).toBe('Dashboards and logs now focus on Redis.');
    store.setState({ focus: 'api' });
    expect(redis.getAttribute('aria-pressed')).toBe('false');
    expect(getByRole(host, 'button', { name: /^API \(Go\)/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(getByRole(host, 'button', { name: /^API \(Go\)/ }));
    expect(store.getState().focus).toBeNull();
  });

  it('is one tab stop: arrows move, Escape clears, and the focused card is shown', async () => {
    const { host, store } = await mount();
    const buttons = getAllByRole(getByRole(host, 'toolbar'), 'button');
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons[1]!.tabIndex).toBe(0);
    expect(buttons[0]!.tabIndex).toBe(-1);
    const caption = host.querySelector('.topology-caption') as HTMLElement;
    expect(caption.hidden).toBe(false);
    expect(caption.textContent).toMatch(/^CDN/);
    // End: the last card in reading order, bottom right of the wide map (PgBouncer).
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement?.textContent).toMatch(/^PgBouncer/);
    fireEvent.click(document.activeElement!);
    expect(store.getState().focus).toBe('pgbouncer');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(store.getState().focus).toBeNull();
  });

  it('moves Up and Down to the card above and below, as the map shows them', async () => {
    const { host } = await mount();
    const named = (name: RegExp) => getByRole(host, 'button', { name });
    named(/^API \(Go\)/).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(named(/^Redis/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(named(/^PostgreSQL primary/));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(named(/^PostgreSQL replica/));
  });

  it('follows the compact arrangement on a small host', async () => {
    const { host, topology } = await mount('headless', false, { width: 480, height: 300 });
    expect(topology.inspect().layout).toBe('compact');
    getByRole(host, 'button', { name: /^Web/ }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toMatch(/^CoreDNS/);
  });

  it('shows the keyboard caption under the map, which shrinks to make room for it', async () => {
    const { host, topology, frames } = await mount();
    const footer = host.querySelector('.topology-footer') as HTMLElement;
    const caption = host.querySelector('.topology-caption') as HTMLElement;
    expect(footer.contains(caption)).toBe(true);
    expect(host.querySelector('.topology-canvas')!.contains(caption)).toBe(false);
    // happy-dom has no layout: give the footer the height the caption gives it in a browser.
    footer.getBoundingClientRect = () =>
      DOMRect.fromRect({ width: 1280, height: caption.hidden ? 24 : 60 });
    const height = () => topology.game.scale.height;
    getAllByRole(host, 'button')[0]!.focus();
    frames(1);
    expect(height()).toBe(720 - 60);
    (document.activeElement as HTMLElement).blur();
    frames(1);
    expect(height()).toBe(720 - 24);
  });
});

describe('the map legend', () => {
  it('is hidden until the toggle shows it, names every shape, and hides again', async () => {
    const { host } = await mount();
    const toggle = getByRole(host, 'button', { name: 'Legend' });
    const panel = host.querySelector('.topology-legend') as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const region = getByRole(host, 'region', { name: 'Map legend' });
    const items = getAllByRole(region, 'listitem').map((item) => item.textContent);
    expect(items).toContain('Request in flight');
    expect(items).toContain('Failed request');
    expect(items).toContain('CrashLoopBackOff');
    expect(items.some((text) => /^Degraded/.test(text ?? ''))).toBe(true);
    expect(region.querySelectorAll('svg')).toHaveLength(items.length);
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(panel.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('small hosts and reduced motion', () => {
  it('zooms the whole map out on the smallest split instead of piling cards up', async () => {
    const { topology, frames } = await mount('headless', false, { width: 375, height: 90 });
    frames(2);
    const view = topology.inspect();
    expect(view.detail).toBe('mini');
    expect(view.zoom).toBeLessThan(1);
    expect(topology.game.scene.getScene('topology')!.cameras.main.zoom).toBeCloseTo(view.zoom, 6);
  });

  it('keeps the cards full size where they fit', async () => {
    const { topology, frames } = await mount();
    frames(1);
    expect(topology.inspect()).toMatchObject({ detail: 'full', zoom: 1 });
    expect(topology.game.scene.getScene('topology')!.cameras.main.zoom).toBe(1);
  });

  it('places edge labels that never overlap each other', async () => {
    const { store, topology, frames } = await mount('headless', true, { width: 715, height: 560 });
    store.setState({ topology: degradedSnapshot() });
    frames(2);
    const labels = topology.inspect().labels;
    expect(labels.length).toBeGreaterThan(2);
    // Measured text (the canvas mock gives a pixel per character, plus the 2 px padding each
    // side): an empty box would prove nothing. tests/topology-labels.test.ts uses real sizes.
    for (const label of labels) expect(label.w, label.text).toBeGreaterThan(4);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
  });
});
