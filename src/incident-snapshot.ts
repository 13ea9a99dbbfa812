/**
 * Derives what the game screen draws from the session, as the store's plain data: the topology
 * map's health of each component and traffic on each edge, chart markers from the timeline, and
 * the alert thresholds. A composition-root module: it may read the sim, the views may not.
 */
import type { TimelineEntry } from './scenario/runner.ts';
import type { IncidentSession } from './session/session.ts';
import { ALERT_RULES, M } from './sim/index.ts';
import type { SimState } from './sim/index.ts';
import type {
  ChartMarker,
  ComponentHealth,
  ComponentId,
  EdgeFlow,
  HealthStatus,
  PodView,
  Threshold,
  TopologySnapshot,
} from './store/index.ts';

/** The latest value of a metric (0 before the first sample, so the map starts calm). */
type Latest = (key: string) => number;

function latestReader(session: IncidentSession): Latest {
  const metrics = session.run.sim.recorder.metrics;
  return (key) => {
    const column = M[key];
    if (column === undefined) throw new Error(`unknown metric ${key}`);
    const value = metrics.latest(column);
    return Number.isFinite(value) ? value : 0;
  };
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const share = (part: number, whole: number): number => (whole > 0 ? clamp01(part / whole) : 0);

/**
 * Words for a component's health: down when it serves nothing (or fails nearly everything),
 * degraded past 1% errors or 90% saturation. The thresholds are the on-call's rule of thumb, not
 * an alert rule; the pager has the real ones.
 */
export function statusOf(errorRatio: number, saturation: number, up = true): HealthStatus {
  if (!up || errorRatio >= 0.5) return 'down';
  if (errorRatio >= 0.01 || saturation >= 0.9) return 'degraded';
  return 'ok';
}

function podsOf(state: SimState, deployment: 'api' | 'web' | 'coredns'): PodView[] {
  return state.pods
    .filter((p) => p.deployment === deployment)
    .map((p) => ({ name: p.name, phase: p.phase, ready: p.ready, restarts: p.restarts }));
}

function component(
  id: ComponentId,
  rps: number,
  errorRatio: number,
  saturation: number,
  pods: readonly PodView[] = [],
  up = true,
): ComponentHealth {
  const errors = clamp01(errorRatio);
  const full = clamp01(saturation);
  return {
    id,
    rps,
    errorRatio: errors,
    saturation: full,
    status: statusOf(errors, full, up),
    pods,
  };
}

export function topologyOf(session: IncidentSession): TopologySnapshot {
  const state = session.run.sim.state;
  const v = latestReader(session);
  const edgeRps = v('edge_rps');
  const ingressRps = v('ingress_rps');
  const apiRps = v('api_rps');
  const apiErrors = v('api_error_ratio');
  const poolMax = v('pool_max');
  const dnsQps = v('dns_qps');
  const dnsFailed = share(v('dns_servfail') + v('dns_dropped'), dnsQps);
  const pgTotal = v('pg_conn_total');
  const pgMax = v('pg_max_connections');
  const pgUp = state.db.primaryUp;
  const pageRps = v('page_rps');

  // What users see now: failed responses at the ingress and TLS handshakes failing at the edge.
  const userErrors = v('ingress_5xx_ratio') * ingressRps + v('edge_tls_errors');
  // Product pages and search read from the replica (config: those queries target it).
  const replicaReads =
    state.db.replicaUp && !state.db.promoted ? v('products_rps') + v('search_rps') : 0;
  const components: Record<ComponentId, ComponentHealth> = {
    users: component('users', edgeRps, share(userErrors, edgeRps), 0),
    cdn: component('cdn', edgeRps, share(v('edge_tls_errors'), edgeRps), 0),
    ingress: component('ingress', ingressRps, v('ingress_5xx_ratio'), 0),
    web: component('web', pageRps, v('page_error_ratio'), v('web_cpu'), podsOf(state, 'web')),
    api: component('api', apiRps, apiErrors, v('api_cpu'), podsOf(state, 'api')),
    pool: component(
      'pool',
      apiRps,
      share(v('pool_acquire_timeouts'), apiRps),
      share(v('pool_in_use'), poolMax),
    ),
    pgbouncer: component(
      'pgbouncer',
      v('pgb_cl_active') + v('pgb_cl_waiting'),
      share(v('pgb_login_errors'), apiRps),
      share(v('pgb_cl_waiting'), v('pgb_cl_active') + v('pgb_cl_waiting')),
    ),
    postgres: component(
      'postgres',
      v('pg_tps'),
      pgUp ? share(v('pgb_login_errors'), apiRps) : 1,
      Math.max(share(pgTotal, pgMax), v('pg_cpu')),
      [],
      pgUp,
    ),
    replica: component(
      'replica',
      replicaReads,
      0,
      // A minute of lag reads as full: reads served from it are that stale.
      clamp01(v('replica_lag_s') / 60),
      [],
      state.db.replicaUp,
    ),
    redis: component('redis', v('redis_ops'), 0, 1 - v('redis_hit_ratio')),
    coredns: component('coredns', dnsQps, dnsFailed, v('coredns_cpu'), podsOf(state, 'coredns')),
    payments: component(
      'payments',
      v('checkout_rps'),
      v('payments_error_ratio'),
      clamp01(v('payments_p99') / 5000),
    ),
  };
  const c = components;
  const edge = (from: ComponentId, to: ComponentId, rps: number, errorRatio: number): EdgeFlow => ({
    from,
    to,
    rps,
    errorRatio: clamp01(errorRatio),
  });
  const edges: EdgeFlow[] = [
    edge('users', 'cdn', edgeRps, c.cdn.errorRatio),
    edge('cdn', 'ingress', ingressRps, c.ingress.errorRatio),
    edge('ingress', 'web', pageRps, c.web.errorRatio),
    // The sim serves pages from the web tier alone; API calls come through the ingress.
    edge('ingress', 'api', apiRps, apiErrors),
    edge('api', 'pool', apiRps, c.pool.errorRatio),
    edge('pool', 'pgbouncer', c.pgbouncer.rps, c.pgbouncer.errorRatio),
    edge('pgbouncer', 'postgres', v('pg_tps'), c.postgres.errorRatio),
    // Replication is one WAL stream: a steady trickle while the replica is up, red when it lags.
    edge('postgres', 'replica', state.db.replicaUp ? 1 : 0, c.replica.status === 'ok' ? 0 : 1),
    edge('api', 'replica', replicaReads, 0),
    edge('api', 'redis', v('redis_ops'), 0),
    edge('api', 'coredns', dnsQps, dnsFailed),
    edge('api', 'payments', v('checkout_rps'), c.payments.errorRatio),
  ];
  return { t: session.t, components, edges };
}

/** Alert rules that are a plain threshold on one series: drawn as a line on that chart. */
export const THRESHOLDS: readonly Threshold[] = ALERT_RULES.flatMap((rule) =>
  rule.threshold
    ? [
        {
          metric: rule.threshold.metric,
          value: rule.threshold.value,
          alert: rule.name,
          severity: rule.severity,
        },
      ]
    : [],
);

/** A chart marker for a timeline entry: deploys, the player's levers, pages firing and clearing. */
export function markerOf(entry: TimelineEntry): ChartMarker | null {
  switch (entry.kind) {
    case 'deploy':
      return { t: entry.t, kind: 'deploy', label: `${entry.deployment} ${entry.version}` };
    case 'action':
      if (!entry.lever) return null;
      return { t: entry.t, kind: 'action', label: entry.via?.line ?? entry.action.type };
    default:
      return null;
  }
}

/** Collects markers incrementally from the timeline and the sim's alert events. */
export class MarkerReader {
  private timelineRead = 0;
  private eventsSeen: unknown = undefined;
  private markers: ChartMarker[] = [];

  constructor(private readonly session: IncidentSession) {}

  /** The markers so far; the same array object while nothing new arrived (cheap to compare). */
  read(): readonly ChartMarker[] {
    const timeline = this.session.run.timeline;
    const events = this.session.run.sim.recorder.events;
    if (this.timelineRead === timeline.length && this.eventsSeen === events.at(-1)) {
      return this.markers;
    }
    const added: ChartMarker[] = [];
    for (; this.timelineRead < timeline.length; this.timelineRead += 1) {
      const marker = markerOf(timeline[this.timelineRead]!);
      if (marker) added.push(marker);
    }
    let from = events.length;
    while (from > 0 && events[from - 1] !== this.eventsSeen) from -= 1;
    for (const event of events.slice(from)) {
      if (event.kind === 'alertFiring' && event.severity === 'page') {
        added.push({ t: event.t, kind: 'alert', label: event.alert });
      } else if (event.kind === 'alertResolved') {
        added.push({ t: event.t, kind: 'resolved', label: event.alert });
      }
    }
    this.eventsSeen = events.at(-1);
    if (added.length > 0) {
      this.markers = [...this.markers, ...added].sort((a, b) => a.t - b.t);
    }
    return this.markers;
  }
}
