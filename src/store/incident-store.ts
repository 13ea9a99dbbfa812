/**
 * The game screen's store (zustand, vanilla): the bridge between the engine and every view. The
 * composition root writes a fresh snapshot each frame; DOM panels subscribe to the slices they
 * draw, and the Phaser scene reads `getState()` in its update loop. Views send the player's
 * choices back through callbacks, never by writing game state here.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  ChartMarker,
  ComponentId,
  MetricReader,
  PagerAlert,
  Phase,
  Speed,
  Threshold,
  TopologySnapshot,
} from './types.ts';

export interface IncidentViewState {
  readonly phase: Phase;
  /** Simulated milliseconds since the start. */
  readonly t: number;
  /** Unix milliseconds of t = 0: charts and logs show wall-clock UTC. */
  readonly startEpochMs: number;
  readonly speed: Speed;
  readonly metrics: MetricReader;
  /** Bumped when new samples were written: the cheap way for charts to know they must redraw. */
  readonly metricsVersion: number;
  readonly markers: readonly ChartMarker[];
  readonly thresholds: readonly Threshold[];
  readonly topology: TopologySnapshot | null;
  readonly pager: readonly PagerAlert[];
  /** The component the player focused on the map (or a panel): dashboards and logs follow it. */
  readonly focus: ComponentId | null;
  /** Whether the player asked for less motion (`prefers-reduced-motion`). */
  readonly reducedMotion: boolean;
}

export type IncidentStore = StoreApi<IncidentViewState>;

export interface IncidentStoreInit {
  readonly startEpochMs: number;
  readonly metrics: MetricReader;
  readonly thresholds: readonly Threshold[];
  readonly reducedMotion?: boolean;
}

export function createIncidentStore(init: IncidentStoreInit): IncidentStore {
  return createStore<IncidentViewState>()(() => ({
    phase: 'briefing',
    t: 0,
    startEpochMs: init.startEpochMs,
    speed: 0,
    metrics: init.metrics,
    metricsVersion: init.metrics.written(),
    markers: [],
    thresholds: init.thresholds,
    topology: null,
    pager: [],
    focus: null,
    reducedMotion: init.reducedMotion ?? false,
  }));
}

/** Focus a component (or clear the focus with null). The one UI-owned write to the store. */
export function setFocus(store: IncidentStore, focus: ComponentId | null): void {
  if (store.getState().focus !== focus) store.setState({ focus });
}

/**
 * Calls `listener` when the selected slice changes (by `Object.is`), not on every write. Returns
 * the unsubscribe function.
 */
export function watch<T>(
  store: IncidentStore,
  select: (state: IncidentViewState) => T,
  listener: (value: T, previous: T) => void,
): () => void {
  let previous = select(store.getState());
  return store.subscribe((state) => {
    const next = select(state);
    if (Object.is(next, previous)) return;
    const before = previous;
    previous = next;
    listener(next, before);
  });
}
