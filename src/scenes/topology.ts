/**
 * Mounts the living topology map into a host element: a Phaser game running TopologyScene, the
 * accessible component toolbar beside it, and the plumbing between them and the store. This
 * module imports Phaser, so the composition root loads it with a dynamic import() after the first
 * screen paints.
 *
 * The game loop sleeps whenever a frame would look the same as the last (paused, briefing or
 * ended, no animation, or the host is hidden or zero-sized) and wakes on any store change,
 * resize or pointer/keyboard focus change, so an idle map costs no CPU.
 */
import './topology.css';
import Phaser from 'phaser';
import { setFocus } from '../store/index.ts';
import type { ComponentId, IncidentStore } from '../store/index.ts';
import { createComponentList } from './topology-a11y.ts';
import { computeLayout } from './topology-layout.ts';
import { createMapLegend } from './topology-legend.ts';
import { COLOURS, cssColour } from './topology-palette.ts';
import { TopologyScene } from './topology-scene.ts';
import type { TopologyInspection } from './topology-scene.ts';
import type { Translate } from './topology-text.ts';

export type { TopologyInspection } from './topology-scene.ts';
export type { Translate } from './topology-text.ts';

export interface TopologyOptions {
  /** Catalogue lookup for the `topology.*` keys: `(key, params) => translateRef({ key, params })`. */
  readonly translate: Translate;
  /**
   * 'auto' picks WebGL and falls back to Canvas; 'canvas' forces the Canvas renderer (60 fps
   * where WebGL is software-rendered); 'headless' draws nothing (tests).
   */
  readonly renderer?: 'auto' | 'canvas' | 'headless';
  /**
   * 'auto' (default) runs and sleeps the loop itself; 'manual' leaves it asleep so a test or a
   * benchmark steps frames with `step()`.
   */
  readonly frames?: 'auto' | 'manual';
}

export interface Topology {
  /** Re-reads every text; call after the locale changes. */
  relabel(): void;
  /** What is on the map now (tests, the benchmark). */
  inspect(): TopologyInspection;
  /** Runs one frame of `dtMs` at game time `timeMs` (frames: 'manual'). */
  step(timeMs: number, dtMs: number): void;
  /** The Phaser game, for measurements. */
  readonly game: Phaser.Game;
  destroy(): void;
}

const RENDERERS = { auto: Phaser.AUTO, canvas: Phaser.CANVAS, headless: Phaser.HEADLESS } as const;

function devicePixelRatio(): number {
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(1, ratio));
}

/** The canvas gets the host less what sits under it: the open legend and the footer. */
function stageSize(
  host: HTMLElement,
  below: readonly HTMLElement[],
): { width: number; height: number } {
  const rect = host.getBoundingClientRect();
  let taken = 0;
  for (const element of below) if (!element.hidden) taken += element.getBoundingClientRect().height;
  return { width: Math.round(rect.width), height: Math.max(0, Math.round(rect.height - taken)) };
}

export function mountTopology(
  host: HTMLElement,
  store: IncidentStore,
  options: TopologyOptions,
): Promise<Topology> {
  const root = document.createElement('div');
  root.className = 'topology';
  const stage = document.createElement('div');
  stage.className = 'topology-canvas';
  // The canvas is a picture of what the toolbar says in words.
  stage.setAttribute('aria-hidden', 'true');
  const manual = options.frames === 'manual';
  let scene: TopologyScene | null = null;
  let game: Phaser.Game | null = null;
  let keyboard: ComponentId | null = null;
  let visible = false;

  function wake(): void {
    if (manual || !visible || !scene || !game || game.loop.running) return;
    game.loop.wake();
  }

  const choose = (id: ComponentId | null): void => setFocus(store, id);
  // Set once the scene exists; until then nothing can be resized.
  let resize = (): void => {};
  const list = createComponentList({
    translate: options.translate,
    onChoose: choose,
    onKeyboardFocus: (id) => {
      keyboard = id;
      // The caption appears under the map, which makes room for it.
      resize();
      wake();
    },
    arrangement: () => scene?.arrangement ?? computeLayout(initial.width, initial.height).kind,
  });
  const legend = createMapLegend({ translate: options.translate, onToggle: () => resize() });
  // Under the canvas, never over a card: the caption of the keyboard focus and the legend toggle.
  const footer = document.createElement('div');
  footer.className = 'topology-footer';
  // The toggle first: it stays put when the caption comes and goes under a pointer.
  footer.append(legend.toggle, list.caption);
  root.append(list.element, stage, legend.panel, footer);
  host.replaceChildren(root);
  const below = [legend.panel, footer];

  const measured = stageSize(host, below);
  const initial = {
    width: measured.width > 0 ? measured.width : 800,
    height: measured.height > 0 ? measured.height : 450,
  };
  visible = measured.width > 0 && measured.height > 0;

  return new Promise<Topology>((resolve) => {
    const phaser: Phaser.Game = new Phaser.Game({
      type: RENDERERS[options.renderer ?? 'auto'],
      parent: stage,
      width: initial.width,
      height: initial.height,
      backgroundColor: cssColour(COLOURS.background),
      banner: false,
      autoFocus: false,
      disableContextMenu: false,
      audio: { noAudio: true },
      // The map needs pointer input only: never let Phaser capture the console's keys.
      input: { keyboard: false, gamepad: false, mouse: true, touch: true },
      render: { antialias: true, roundPixels: false, powerPreference: 'low-power' },
      scale: { mode: Phaser.Scale.NONE },
      scene: new TopologyScene({
        store,
        translate: options.translate,
        onChoose: (id) => choose(store.getState().focus === id ? null : id),
        keyboardFocus: () => keyboard,
        size: initial,
        onReady: () => {
          scene = phaser.scene.getScene('topology') as TopologyScene;
          scene.resizeTo(initial.width, initial.height, devicePixelRatio());
          if (manual) phaser.loop.sleep();
          resolve(topology);
        },
      }),
    });
    game = phaser;

    const syncList = (): void => {
      const state = store.getState();
      list.update(state.topology, state.focus);
    };
    syncList();
    const unsubscribe = store.subscribe(() => {
      syncList();
      wake();
    });

    const onResize = (): void => {
      const size = stageSize(host, below);
      visible = size.width > 0 && size.height > 0;
      if (visible && scene) scene.resizeTo(size.width, size.height, devicePixelRatio());
      wake();
    };
    resize = onResize;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    observer?.observe(host);
    // The caption wraps to more or fewer lines as its text changes.
    observer?.observe(footer);
    if (!observer) window.addEventListener('resize', onResize);

    // Sleep after a frame that changed nothing still moving; wake on the next reason to draw.
    const sleepIfIdle = (): void => {
      if (manual || !scene) return;
      if (!visible || !scene.busy) phaser.loop.sleep();
    };
    phaser.events.on(Phaser.Core.Events.POST_RENDER, sleepIfIdle);
    stage.addEventListener('pointermove', wake);

    let destroyed = false;
    const topology: Topology = {
      game: phaser,
      relabel() {
        list.relabel();
        legend.relabel();
        scene?.relabel();
        resize();
        wake();
      },
      inspect() {
        if (!scene) throw new Error('The topology scene has not started');
        return scene.inspect();
      },
      step(timeMs, dtMs) {
        if (options.renderer === 'headless') phaser.headlessStep(timeMs, dtMs);
        else phaser.step(timeMs, dtMs);
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        resize = () => {};
        unsubscribe();
        observer?.disconnect();
        if (!observer) window.removeEventListener('resize', onResize);
        stage.removeEventListener('pointermove', wake);
        phaser.events.off(Phaser.Core.Events.POST_RENDER, sleepIfIdle);
        phaser.loop.stop();
        phaser.destroy(true);
        // Phaser finishes destroying on its next step; run it now so nothing lingers.
        phaser.headlessStep(0, 16.67);
        list.destroy();
        root.remove();
      },
    };
  });
}
