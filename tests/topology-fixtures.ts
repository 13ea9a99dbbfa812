/**
 * Fabricated topology snapshots for the map's tests and harness: a calm system, a degraded one
 * (the API's DB pool exhausted, errors flowing back to users) and a crash-looping API.
 */
import { COMPONENT_IDS } from '../src/store/index.ts';
import type {
  ComponentHealth,
  ComponentId,
  EdgeFlow,
  HealthStatus,
  PodPhase,
  PodView,
  TopologySnapshot,
} from '../src/store/index.ts';

function pods(
  prefix: string,
  phases: readonly PodPhase[],
  restarts: readonly number[] = [],
): PodView[] {
  return phases.map((phase, i) => ({
    name: `${prefix}-${['7d9f8', 'x2k4q', 'm8p1z', 'c5v7n', 'q3w9e', 'h6j2r', 'b4n8t', 'z1y5u'][i % 8]}`,
    phase,
    ready: phase === 'Running',
    restarts: restarts[i] ?? 0,
  }));
}

type Overrides = Partial<Record<ComponentId, Partial<ComponentHealth>>>;

const CALM_RPS: Readonly<Record<ComponentId, number>> = {
  users: 420,
  cdn: 420,
  ingress: 310,
  web: 310,
  api: 520,
  pool: 900,
  pgbouncer: 900,
  postgres: 700,
  replica: 200,
  redis: 1400,
  coredns: 60,
  payments: 12,
};

const CALM_SATURATION: Readonly<Record<ComponentId, number>> = {
  users: 0,
  cdn: 0.08,
  ingress: 0.18,
  web: 0.32,
  api: 0.41,
  pool: 0.35,
  pgbouncer: 0.22,
  postgres: 0.3,
  replica: 0.12,
  redis: 0.15,
  coredns: 0.05,
  payments: 0.1,
};

function calmPods(id: ComponentId): PodView[] {
  switch (id) {
    case 'ingress':
      return pods('ingress-nginx-controller', ['Running', 'Running']);
    case 'web':
      return pods('web', ['Running', 'Running', 'Running']);
    case 'api':
      return pods('api', ['Running', 'Running', 'Running', 'Running']);
    case 'pgbouncer':
      return pods('pgbouncer', ['Running', 'Running']);
    case 'coredns':
      return pods('coredns', ['Running', 'Running']);
    default:
      return [];
  }
}

export const EDGES: readonly (readonly [ComponentId, ComponentId])[] = [
  ['users', 'cdn'],
  ['cdn', 'ingress'],
  ['ingress', 'web'],
  ['web', 'api'],
  ['web', 'coredns'],
  ['api', 'coredns'],
  ['api', 'redis'],
  ['api', 'payments'],
  ['api', 'pool'],
  ['pool', 'pgbouncer'],
  ['pgbouncer', 'postgres'],
  ['pgbouncer', 'replica'],
];

export function makeSnapshot(
  t: number,
  overrides: Overrides = {},
  edgeOverrides: Partial<Record<string, Partial<EdgeFlow>>> = {},
): TopologySnapshot {
  const components = {} as Record<ComponentId, ComponentHealth>;
  for (const id of COMPONENT_IDS) {
    components[id] = {
      id,
      rps: CALM_RPS[id],
      errorRatio: 0,
      saturation: CALM_SATURATION[id],
      status: 'ok' as HealthStatus,
      pods: calmPods(id),
      ...overrides[id],
    };
  }
  const edges = EDGES.map(([from, to]) => ({
    from,
    to,
    rps: Math.min(components[from].rps, components[to].rps),
    errorRatio: components[to].errorRatio,
    ...edgeOverrides[`${from}>${to}`],
  }));
  return { t, components, edges };
}

export function calmSnapshot(t = 60_000): TopologySnapshot {
  return makeSnapshot(t);
}

/** The pool is exhausted: API requests wait, time out, and 12 % of them fail back to users. */
export function degradedSnapshot(t = 120_000): TopologySnapshot {
  return makeSnapshot(t, {
    users: { errorRatio: 0.09 },
    cdn: { errorRatio: 0.09 },
    ingress: { errorRatio: 0.12, status: 'degraded' },
    web: { errorRatio: 0.12, status: 'degraded', saturation: 0.64 },
    api: { errorRatio: 0.12, status: 'degraded', saturation: 0.93 },
    pool: { errorRatio: 0.12, saturation: 1, status: 'down', rps: 610 },
    pgbouncer: { rps: 610, saturation: 0.74 },
  });
}

/** A bad release: one API pod crash-looping, a replacement pending, one terminating. */
export function crashLoopSnapshot(t = 180_000): TopologySnapshot {
  return makeSnapshot(t, {
    api: {
      status: 'down',
      errorRatio: 0.34,
      saturation: 0.97,
      pods: pods(
        'api',
        [
          'Running',
          'CrashLoopBackOff',
          'CrashLoopBackOff',
          'Pending',
          'ContainerCreating',
          'Terminating',
        ],
        [0, 7, 5, 0, 0, 1],
      ),
    },
    web: { status: 'degraded', errorRatio: 0.3 },
  });
}
