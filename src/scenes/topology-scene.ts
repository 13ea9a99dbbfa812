/**
 * The living map: a Phaser scene that draws the store's topology snapshot. It owns no game
 * logic; each frame it reads `getState()`, moves the particle pool, and redraws the cards only
 * when something they show changed. Layout, particle maths, encodings and words come from the
 * pure modules beside it. Coordinates are CSS pixels; the camera zooms by devicePixelRatio so
 * everything is drawn at the screen's real resolution.
 */
import Phaser from 'phaser';
import { COMPONENT_IDS } from '../store/index.ts';
import type {
  ComponentId,
  IncidentStore,
  IncidentViewState,
  TopologySnapshot,
} from '../store/index.ts';
import {
  drawBadge,
  drawBurst,
  drawCard,
  drawEdge,
  drawFocusBrackets,
  drawKeyboardFocus,
  drawPod,
  drawRing,
} from './topology-draw.ts';
import {
  edgeWidth,
  errorParticleShare,
  formatPercent,
  particleRate,
  travelMs,
} from './topology-flow.ts';
import { placeLabels } from './topology-labels.ts';
import type { LabelRequest } from './topology-labels.ts';
import { computeLayout, hitTest } from './topology-layout.ts';
import type { LayoutKind, TopologyLayout } from './topology-layout.ts';
import { COLOURS, cssColour, statusEncoding } from './topology-palette.ts';
import { ParticleField } from './topology-particles.ts';
import { PodLives, podGrid, totalRestarts } from './topology-pods.ts';
import { normalOnRoute, pointOnRoute, routeBetween, visibleSpan } from './topology-routes.ts';
import type { Route } from './topology-routes.ts';
import { edgeLabel, metricLine, shortName } from './topology-text.ts';
import type { Translate } from './topology-text.ts';

export interface TopologySceneDeps {
  readonly store: IncidentStore;
  readonly translate: Translate;
  /** The player clicked a card (null: empty space is ignored by the caller). */
  readonly onChoose: (id: ComponentId) => void;
  /** Which card's accessible button has keyboard focus, if any. */
  readonly keyboardFocus: () => ComponentId | null;
  /** Host size in CSS pixels at boot. */
  readonly size: { readonly width: number; readonly height: number };
  readonly onReady: () => void;
}

/** What the scene shows, for tests and the benchmark. */
export interface TopologyInspection {
  readonly layout: TopologyLayout['kind'];
  readonly detail: TopologyLayout['detail'];
  readonly zoom: number;
  /** Edge labels on show (reduced motion), with their boxes in the layout's pixels. */
  readonly labels: readonly {
    readonly text: string;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  }[];
  readonly particles: number;
  readonly errorParticles: number;
  readonly visibleParticles: number;
  readonly edges: readonly {
    readonly key: string;
    readonly particles: number;
    readonly errors: number;
  }[];
  readonly pods: Readonly<Partial<Record<ComponentId, number>>>;
  readonly focus: ComponentId | null;
  readonly redraws: number;
}

interface NodeTexts {
  readonly name: Phaser.GameObjects.Text;
  readonly metric: Phaser.GameObjects.Text;
  readonly percent: Phaser.GameObjects.Text;
  readonly restarts: Phaser.GameObjects.Text;
  readonly overflow: Phaser.GameObjects.Text;
}

const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";
const DOT = 'topology-dot';
const ERROR_DOT = 'topology-error';
/** Particle textures are drawn at this radius in pixels and scaled down: crisp up to 3x DPR. */
const TEXTURE_RADIUS = 12;
/** A frame longer than this (a hidden tab, a long task) moves particles no further. */
const MAX_STEP_MS = 100;
const FAILING_EDGE = 0.05;

export class TopologyScene extends Phaser.Scene {
  private readonly deps: TopologySceneDeps;
  private layout: TopologyLayout;
  private dpr = 1;
  private cssSize: { width: number; height: number };
  private readonly field = new ParticleField();
  private readonly lives = new PodLives();
  private routes: Route[] = [];
  /** The visible stretch of each route, between its cards: particles travel only there. */
  private spans: { t0: number; t1: number; length: number }[] = [];
  private edgeKeys = '';
  /** The layout the routes were computed for. */
  private routesLayout: TopologyLayout | null = null;
  private edgeGraphics!: Phaser.GameObjects.Graphics;
  private nodeGraphics!: Phaser.GameObjects.Graphics;
  private dots: Phaser.GameObjects.Image[] = [];
  /** Which texture each dot shows (0 ok, 1 error, -1 unset): setTexture only on change. */
  private dotKind = new Int8Array(0);
  private texts = new Map<ComponentId, NodeTexts>();
  private edgeTexts: Phaser.GameObjects.Text[] = [];
  private waiting!: Phaser.GameObjects.Text;
  private drawn: {
    topology: TopologySnapshot | null;
    focus: ComponentId | null;
    keyboard: ComponentId | null;
    hover: ComponentId | null;
    reduced: boolean;
    layout: TopologyLayout | null;
  } = { topology: null, focus: null, keyboard: null, hover: null, reduced: false, layout: null };
  private hover: ComponentId | null = null;
  private primed = false;
  private redraws = 0;
  private readonly point = { x: 0, y: 0 };
  private readonly normal = { x: 0, y: 0 };
  /** Set each frame: whether the next frame would look any different without new input. */
  busy = true;

  constructor(deps: TopologySceneDeps) {
    super({ key: 'topology' });
    this.deps = deps;
    this.cssSize = { ...deps.size };
    this.layout = computeLayout(deps.size.width, deps.size.height);
  }

  create(): void {
    this.makeDotTextures();
    this.edgeGraphics = this.add.graphics().setDepth(0);
    for (let i = 0; i < this.field.capacity; i++) {
      this.dots.push(this.add.image(0, 0, DOT).setVisible(false).setDepth(1));
    }
    this.dotKind = new Int8Array(this.field.capacity).fill(-1);
    this.nodeGraphics = this.add.graphics().setDepth(2);
    for (const id of COMPONENT_IDS) {
      this.texts.set(id, {
        name: this.makeText(0.5, 0, COLOURS.text, true),
        metric: this.makeText(0.5, 0, COLOURS.muted),
        percent: this.makeText(0.5, 0.5, COLOURS.text),
        restarts: this.makeText(0, 0, COLOURS.warn, true),
        overflow: this.makeText(0, 0, COLOURS.muted),
      });
    }
    this.waiting = this.makeText(0.5, 0.5, COLOURS.muted);
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      const id = this.cardAt(pointer);
      if (id !== null) this.deps.onChoose(id);
    });
    this.input.on('pointermove', (pointer: Phaser.Input.Pointer) => {
      this.hover = this.cardAt(pointer);
      this.game.canvas.style.cursor = this.hover === null ? 'default' : 'pointer';
    });
    this.input.on('pointerout', () => {
      this.hover = null;
    });
    this.resizeTo(this.cssSize.width, this.cssSize.height, this.dpr);
    this.deps.onReady();
  }

  /** The arrangement on screen (the toolbar's arrow keys follow it). */
  get arrangement(): LayoutKind {
    return this.layout.kind;
  }

  /** Game pixels to layout pixels: the camera zooms by the DPR times the layout's own zoom. */
  private cardAt(pointer: { readonly x: number; readonly y: number }): ComponentId | null {
    const zoom = this.dpr * this.layout.zoom;
    return hitTest(this.layout, pointer.x / zoom, pointer.y / zoom);
  }

  /** Fits the game to a host of `width` × `height` CSS pixels at `dpr` device pixels per CSS pixel. */
  resizeTo(width: number, height: number, dpr: number): void {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    this.cssSize = { width: w, height: h };
    if (dpr !== this.dpr || this.scale.zoom !== 1 / dpr) {
      this.dpr = dpr;
      this.scale.setZoom(1 / dpr);
    }
    this.scale.resize(Math.round(w * dpr), Math.round(h * dpr));
    const camera = this.cameras.main;
    camera.setSize(Math.round(w * dpr), Math.round(h * dpr));
    camera.setOrigin(0, 0);
    this.layout = computeLayout(w, h);
    // A host too small for the cards shows the whole map smaller rather than overlapping it.
    camera.setZoom(dpr * this.layout.zoom);
    this.applyFonts();
  }

  /** Re-reads every text (the locale changed). */
  relabel(): void {
    this.drawn.layout = null;
  }

  override update(time: number, delta: number): void {
    const state = this.deps.store.getState();
    const topology = state.topology;
    const reduced = state.reducedMotion;
    const keyboard = this.deps.keyboardFocus();
    if (
      topology !== this.drawn.topology ||
      (topology !== null && this.routesLayout !== this.layout)
    )
      this.takeSnapshot(topology, state, time);
    const moving = topology !== null && !reduced && state.phase === 'live' && state.speed > 0;
    if (moving) this.field.step(Math.min(delta, MAX_STEP_MS));
    this.placeDots(reduced || topology === null);

    const stale =
      this.drawn.layout !== this.layout ||
      this.drawn.focus !== state.focus ||
      this.drawn.keyboard !== keyboard ||
      this.drawn.hover !== this.hover ||
      this.drawn.reduced !== reduced;
    const animating = !reduced && this.lives.animating(time);
    if (stale || this.drawn.topology !== topology || animating) {
      this.drawn = {
        topology,
        focus: state.focus,
        keyboard,
        hover: this.hover,
        reduced,
        layout: this.layout,
      };
      this.redraw(topology, state, keyboard, time);
    }
    this.busy = (moving && this.field.active + this.totalRate() > 0) || animating;
  }

  inspect(): TopologyInspection {
    const pods: Partial<Record<ComponentId, number>> = {};
    const topology = this.drawn.topology;
    if (topology)
      for (const c of Object.values(topology.components))
        if (c.pods.length > 0) pods[c.id] = c.pods.length;
    let errors = 0;
    let visible = 0;
    for (let i = 0; i < this.field.capacity; i++) {
      if ((this.field.edge[i] ?? -1) >= 0) errors += this.field.error[i] ?? 0;
      if (this.dots[i]?.visible) visible++;
    }
    const labels = this.edgeTexts
      .filter((text) => text.visible)
      .map((text) => ({
        text: text.text,
        x: text.x - text.displayWidth / 2,
        y: text.y - text.displayHeight / 2,
        w: text.displayWidth,
        h: text.displayHeight,
      }));
    return {
      layout: this.layout.kind,
      detail: this.layout.detail,
      zoom: this.layout.zoom,
      labels,
      particles: this.field.active,
      errorParticles: errors,
      visibleParticles: visible,
      edges: this.routes.map((route, index) => ({
        key: `${route.from}>${route.to}`,
        particles: this.field.countOn(index).total,
        errors: this.field.countOn(index).errors,
      })),
      pods,
      focus: this.drawn.focus,
      redraws: this.redraws,
    };
  }

  private totalRate(): number {
    let sum = 0;
    const topology = this.drawn.topology;
    if (topology) for (const edge of topology.edges) sum += edge.rps;
    return sum;
  }

  private takeSnapshot(
    topology: TopologySnapshot | null,
    state: IncidentViewState,
    time: number,
  ): void {
    if (topology === null) {
      this.field.clear();
      this.routes = [];
      this.spans = [];
      this.edgeKeys = '';
      this.routesLayout = null;
      this.primed = false;
      return;
    }
    const keys = topology.edges.map((edge) => `${edge.from}>${edge.to}`).join(',');
    if (keys !== this.edgeKeys) {
      // Different edges: the particles in flight belong to edges that may be gone.
      this.edgeKeys = keys;
      this.field.clear();
      this.field.setEdgeCount(topology.edges.length);
      this.routesLayout = null;
    }
    if (this.routesLayout !== this.layout) {
      // Same edges on a new layout: particles keep their progress along the new curves.
      const nodes = this.layout.nodes;
      this.routes = topology.edges.map((edge) => routeBetween(this.layout, edge.from, edge.to));
      this.spans = topology.edges.map((edge, i) =>
        visibleSpan(this.routes[i]!, nodes[edge.from].box, nodes[edge.to].box),
      );
      this.routesLayout = this.layout;
    }
    const speed = Math.max(1, state.speed);
    topology.edges.forEach((edge, index) => {
      const route = this.routes[index];
      if (!route) return;
      this.field.setEdge(index, {
        // Particles show requests per wall-clock second: at 10x, ten times the simulated rate.
        rate: particleRate(edge.rps * speed),
        errorRatio: errorParticleShare(edge.errorRatio),
        travelMs: travelMs(this.spans[index]?.length ?? route.length, this.layout.scale),
      });
    });
    if (!this.primed) {
      this.field.prewarm();
      this.primed = true;
    }
    this.lives.update(topology.components, time);
  }

  private placeDots(hidden: boolean): void {
    const { field, dots, routes } = this;
    const laneSpacing = this.layout.particleRadius * 1.6;
    const base = (this.layout.particleRadius * 2) / (2 * TEXTURE_RADIUS + 2);
    for (let i = 0; i < field.capacity; i++) {
      const dot = dots[i];
      if (!dot) continue;
      const e = field.edge[i] ?? -1;
      const route = e >= 0 ? routes[e] : undefined;
      if (hidden || !route) {
        if (dot.visible) dot.setVisible(false);
        continue;
      }
      const span = this.spans[e];
      const p = field.progress[i] ?? 0;
      const t = span ? span.t0 + p * (span.t1 - span.t0) : p;
      pointOnRoute(route, t, this.point);
      const lane = field.lane[i] ?? 0;
      if (lane !== 0) {
        normalOnRoute(route, t, this.normal);
        this.point.x += this.normal.x * lane * laneSpacing;
        this.point.y += this.normal.y * lane * laneSpacing;
      }
      const kind = field.error[i] ?? 0;
      if (this.dotKind[i] !== kind) {
        this.dotKind[i] = kind;
        dot.setTexture(kind === 1 ? ERROR_DOT : DOT);
        dot.setScale(kind === 1 ? base * 1.35 : base);
      }
      dot.setPosition(this.point.x, this.point.y);
      if (!dot.visible) dot.setVisible(true);
    }
  }

  private redraw(
    topology: TopologySnapshot | null,
    state: IncidentViewState,
    keyboard: ComponentId | null,
    now: number,
  ): void {
    this.redraws++;
    const { layout } = this;
    const edges = this.edgeGraphics.clear();
    const g = this.nodeGraphics.clear();
    this.waiting.setVisible(topology === null);
    if (topology === null) {
      this.waiting.setText(this.deps.translate('topology.waiting'));
      this.waiting.setPosition(layout.width / 2, layout.height / 2);
      for (const texts of this.texts.values())
        for (const text of Object.values(texts)) text.setVisible(false);
      for (const text of this.edgeTexts) text.setVisible(false);
      return;
    }
    this.drawEdges(edges, topology, state.reducedMotion);
    for (const id of COMPONENT_IDS) {
      const node = layout.nodes[id];
      const component = topology.components[id];
      const texts = this.texts.get(id);
      if (!texts) continue;
      const focused = state.focus === id;
      const fill = focused
        ? COLOURS.surfaceFocus
        : this.hover === id
          ? COLOURS.surfaceHover
          : COLOURS.surface;
      drawCard(g, node.box, component.status, fill, layout.scale);
      drawRing(g, node.cx, node.cy, node.ringRadius, component.saturation, layout.scale);
      const badge = Math.max(7, node.ringRadius * 0.62);
      drawBadge(
        g,
        node.cx + node.ringRadius * 0.8,
        node.cy - node.ringRadius * 0.7,
        badge,
        statusEncoding(component.status),
      );
      if (focused) drawFocusBrackets(g, node.box, layout.scale);
      if (keyboard === id) drawKeyboardFocus(g, node.box, layout.scale);

      this.fitText(
        texts.name.setText(shortName(this.deps.translate, id)),
        node.cx,
        node.nameY,
        node.box.w - 6,
      );
      // Mini cards (small hosts) keep the ring, badge and name; the toolbar has the rest.
      const full = layout.detail === 'full';
      texts.metric.setVisible(full);
      if (full)
        this.fitText(
          texts.metric.setText(metricLine(this.deps.translate, component)),
          node.cx,
          node.metricY,
          node.box.w - 6,
        );
      const showPercent = node.ringRadius >= 13;
      texts.percent.setVisible(showPercent);
      if (showPercent)
        texts.percent
          .setText(`${formatPercent(component.saturation)}%`)
          .setPosition(node.cx, node.cy);

      const restarts = totalRestarts(component.pods);
      texts.restarts.setVisible(restarts > 0);
      if (restarts > 0) {
        texts.restarts
          .setText(this.deps.translate('topology.restarts.short', { count: restarts }))
          .setPosition(node.box.x + 4, node.box.y + 3);
      }
      const grid = podGrid(
        full ? component.pods.length : 0,
        node.pods,
        layout.podSize,
        layout.podGap,
      );
      for (let i = 0; i < grid.shown; i++) {
        const pod = component.pods[i];
        if (!pod) continue;
        grid.slot(i, this.point);
        const grow = state.reducedMotion ? 1 : this.lives.appear(id, pod.name, now);
        const fade = state.reducedMotion ? 1 : this.lives.fade(id, pod.name, now);
        drawPod(g, this.point.x, this.point.y, layout.podSize, pod, grow, fade);
        const burst = state.reducedMotion ? -1 : this.lives.burst(id, pod.name, now);
        if (burst >= 0) drawBurst(g, this.point.x, this.point.y, layout.podSize, burst);
      }
      texts.overflow.setVisible(grid.overflow > 0);
      if (grid.overflow > 0) {
        grid.slot(grid.shown, this.point);
        texts.overflow
          .setText(this.deps.translate('topology.overflow', { count: grid.overflow }))
          .setPosition(this.point.x, this.point.y - 2);
      }
      texts.name.setVisible(true);
    }
  }

  private drawEdges(
    g: Phaser.GameObjects.Graphics,
    topology: TopologySnapshot,
    reduced: boolean,
  ): void {
    const scale = this.layout.scale;
    const nodes = this.layout.nodes;
    const requests: LabelRequest[] = [];
    const labelled: Phaser.GameObjects.Text[] = [];
    topology.edges.forEach((edge, index) => {
      const route = this.routes[index];
      if (!route) return;
      const width = reduced ? edgeWidth(edge.rps, scale) : Math.max(1, 1.5 * scale);
      drawEdge(g, route, { width, failing: edge.errorRatio >= FAILING_EDGE, scale });
      const label = this.edgeText(index);
      label.setVisible(false);
      if (!reduced) return;
      label.setText(edgeLabel(this.deps.translate, edge));
      requests.push({
        route,
        span: this.spans[index] ?? visibleSpan(route, nodes[edge.from].box, nodes[edge.to].box),
        width: label.width,
        height: label.height,
        // Failing edges first, then the busiest: they keep their labels when space runs out.
        priority: (edge.errorRatio >= FAILING_EDGE ? 1e9 : 0) + edge.rps,
      });
      labelled.push(label);
    });
    // Labels go where they cover no card and no other label, or not at all.
    placeLabels(this.layout, requests).forEach((spot, i) => {
      const label = labelled[i];
      if (label && spot) label.setPosition(spot.x, spot.y).setVisible(true);
    });
    for (let i = topology.edges.length; i < this.edgeTexts.length; i++)
      this.edgeTexts[i]?.setVisible(false);
  }

  private edgeText(index: number): Phaser.GameObjects.Text {
    let text = this.edgeTexts[index];
    if (!text) {
      text = this.makeText(0.5, 0.5, COLOURS.muted).setDepth(1.5);
      text.setBackgroundColor(cssColour(COLOURS.background)).setPadding(2, 1, 2, 1);
      text.setFontSize(this.layout.metricFont);
      this.edgeTexts[index] = text;
    }
    return text;
  }

  private makeText(
    originX: number,
    originY: number,
    colour: number,
    bold = false,
  ): Phaser.GameObjects.Text {
    return this.add
      .text(0, 0, '', {
        fontFamily: FONT,
        fontSize: `${this.layout.metricFont}px`,
        fontStyle: bold ? 'bold' : 'normal',
        color: cssColour(colour),
        resolution: this.dpr,
      })
      .setOrigin(originX, originY)
      .setDepth(3)
      .setVisible(false);
  }

  /** Font sizes follow the layout's scale; resolution follows the DPR so text stays crisp. */
  private applyFonts(): void {
    const { nameFont, metricFont } = this.layout;
    for (const texts of this.texts.values()) {
      texts.name.setFontSize(nameFont).setResolution(this.dpr);
      texts.metric.setFontSize(metricFont).setResolution(this.dpr);
      texts.percent
        .setFontSize(Math.max(8, Math.round(this.layout.nodes.api.ringRadius * 0.55)))
        .setResolution(this.dpr);
      texts.restarts.setFontSize(metricFont).setResolution(this.dpr);
      texts.overflow.setFontSize(Math.max(8, metricFont - 1)).setResolution(this.dpr);
    }
    for (const text of this.edgeTexts) text.setFontSize(metricFont).setResolution(this.dpr);
    this.waiting.setFontSize(nameFont).setResolution(this.dpr);
  }

  /** Centres a text at (x, y) and shrinks it to `maxWidth` if it would overflow its card. */
  private fitText(text: Phaser.GameObjects.Text, x: number, y: number, maxWidth: number): void {
    text.setScale(1);
    if (text.width > maxWidth && text.width > 0) text.setScale(maxWidth / text.width);
    text.setPosition(x, y);
  }

  /** A round dot for traffic and a diamond for errors: the shape differs, not only the hue. */
  private makeDotTextures(): void {
    const size = 2 * TEXTURE_RADIUS + 2;
    const centre = size / 2;
    for (const [key, colour, diamond] of [
      [DOT, COLOURS.flow, false],
      [ERROR_DOT, COLOURS.error, true],
    ] as const) {
      if (this.textures.exists(key)) continue;
      const texture = this.textures.createCanvas(key, size, size);
      if (!texture) continue;
      const ctx = texture.getContext();
      ctx.fillStyle = cssColour(colour);
      ctx.beginPath();
      if (diamond) {
        ctx.moveTo(centre, 1);
        ctx.lineTo(size - 1, centre);
        ctx.lineTo(centre, size - 1);
        ctx.lineTo(1, centre);
        ctx.closePath();
      } else {
        ctx.arc(centre, centre, TEXTURE_RADIUS, 0, Math.PI * 2);
      }
      ctx.fill();
      // A headless game has no renderer to upload to.
      if (this.game.renderer) texture.refresh();
    }
  }
}
