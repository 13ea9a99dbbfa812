/**
 * What the game screen reads, as plain data: the composition root (src/incident-snapshot.ts)
 * derives it from the session each frame and writes it into the store; panels and the Phaser
 * scene read it and never touch the session or the simulation.
 */

/** The boxes of the topology map, and the components the dashboards and logs can focus on. */
export const COMPONENT_IDS = [
  'users',
  'cdn',
  'ingress',
  'web',
  'api',
  'pool',
  'pgbouncer',
  'postgres',
  'replica',
  'redis',
  'coredns',
  'payments',
] as const;
export type ComponentId = (typeof COMPONENT_IDS)[number];

/** A component's state in words as well as colour (never red versus green alone). */
export type HealthStatus = 'ok' | 'degraded' | 'down';

export type PodPhase =
  'Pending' | 'ContainerCreating' | 'Running' | 'CrashLoopBackOff' | 'Terminating';

export interface PodView {
  readonly name: string;
  readonly phase: PodPhase;
  readonly ready: boolean;
  readonly restarts: number;
}

export interface ComponentHealth {
  readonly id: ComponentId;
  /** Requests (or queries, for CoreDNS and the databases) per second arriving now. */
  readonly rps: number;
  /** Share of those that fail, 0..1. */
  readonly errorRatio: number;
  /** How full the component is, 0..1: pool in use over max, connections over max_connections... */
  readonly saturation: number;
  readonly status: HealthStatus;
  /** The component's pods, where it runs as a Deployment; empty otherwise. */
  readonly pods: readonly PodView[];
}

/** Traffic along one edge of the map. */
export interface EdgeFlow {
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly rps: number;
  readonly errorRatio: number;
}

export interface TopologySnapshot {
  /** Simulated milliseconds since the start. */
  readonly t: number;
  readonly components: Readonly<Record<ComponentId, ComponentHealth>>;
  readonly edges: readonly EdgeFlow[];
}

export type MetricUnit =
  'rps' | 'ratio' | 'ms' | 's' | 'count' | 'bytes' | 'percent' | 'cores' | 'qps' | 'bytesps';

/** A series the sim records, as the dashboards need to know it. */
export interface MetricInfo {
  readonly key: string;
  readonly group: string;
  readonly unit: MetricUnit;
  /** The PromQL a real dashboard would plot, shown in the panel's tooltip. */
  readonly query: string;
  readonly endpoint?: string | undefined;
}

/**
 * Read access to the sim's metric ring buffers. `written` grows by one per simulated second, so a
 * panel redraws only when it changed.
 */
export interface MetricReader {
  readonly metrics: readonly MetricInfo[];
  /** Samples written so far (not capped by the ring's capacity). */
  written(): number;
  /**
   * Copies the last `n` samples of a series, oldest first, and their times as Unix seconds, into
   * the outputs; returns how many were copied. An unknown key copies nothing.
   */
  read(key: string, n: number, outTimes: Float64Array, outValues: Float64Array): number;
}

/** A moment drawn on every chart: a deploy, a player's action, an alert firing or resolving. */
export interface ChartMarker {
  /** Simulated milliseconds since the start. */
  readonly t: number;
  readonly kind: 'deploy' | 'action' | 'alert' | 'resolved';
  /** Shown in the tooltip: scenario or player text, rendered as text. */
  readonly label: string;
}

/** A threshold drawn where an alert fires. */
export interface Threshold {
  readonly metric: string;
  readonly value: number;
  readonly alert: string;
  readonly severity: string;
}

export type PagerState = 'triggered' | 'acknowledged' | 'resolved';

/** One page as the pager shows it. */
export interface PagerAlert {
  readonly name: string;
  /** `page`, `warning` or `ticket`. */
  readonly severity: string;
  readonly summary: string;
  readonly expr: string;
  /** A runbook id the runbooks panel can open (`runbooks/db-pool.md`). */
  readonly runbook: string;
  readonly state: PagerState;
  readonly firedAt: number;
  readonly acknowledgedAt: number | null;
  readonly resolvedAt: number | null;
  /** How many times it has notified (1 when it fires; again while unacknowledged). */
  readonly notifications: number;
  /** Teams it was escalated to, in order. */
  readonly escalatedTo: readonly string[];
}

export type Speed = 0 | 1 | 2 | 5 | 10;
export type Phase = 'briefing' | 'live' | 'ended';
