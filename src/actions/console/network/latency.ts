/**
 * One request's fate on an endpoint, read off the sim's live series: its latency is the
 * endpoint's latency distribution (p50, p95, p99) at a drawn quantile, its status follows the
 * endpoint's error ratio and the ingress's mix of 5xx codes. A slow plan taken by a few percent
 * of executions makes the distribution bimodal, so such requests are slow, not "a bit slow".
 */
import { M } from '../../../sim/index.ts';
import type { EndpointId } from '../../../sim/index.ts';
import { queryCost } from '../../../sim/requests.ts';
import type { ConsoleView } from '../types.ts';
import { draw } from './draw.ts';

export type EndpointSample = {
  /** Time the origin takes to answer, ms. */
  ms: number;
  status: number;
};

const latest = (view: ConsoleView, key: string, fallback: number): number => {
  const i = M[key];
  if (i === undefined) return fallback;
  const v = view.recorder.metrics.latest(i);
  return Number.isFinite(v) ? v : fallback;
};

type Anchor = readonly [q: number, ms: number];

/** Log-linear interpolation through (quantile, latency) anchors. */
function interpolate(anchors: readonly Anchor[], q: number): number {
  for (let i = 1; i < anchors.length; i++) {
    const [q1, v1] = anchors[i]!;
    if (q > q1 && i < anchors.length - 1) continue;
    const [q0, v0] = anchors[i - 1]!;
    const f = q1 > q0 ? Math.min(1, Math.max(0, (q - q0) / (q1 - q0))) : 1;
    const a = Math.max(0.05, v0);
    const b = Math.max(0.05, v1);
    return a * Math.pow(b / a, f);
  }
  return anchors[anchors.length - 1]![1];
}

/** Share of the endpoint's requests that take a bad plan right now (0 when none). */
function slowShare(view: ConsoleView, endpoint: EndpointId): number {
  const s = view.state;
  const cfg = s.config.endpoints[endpoint];
  const missRatio = cfg.cached ? 1 - latest(view, 'redis_hit_ratio', s.config.redis.hitRatio) : 1;
  let share = 0;
  for (const q of cfg.queries) {
    const cost = queryCost(s, q, s.deployments.api.version, 1, 1, 1);
    share = Math.max(share, cost.badShare * missRatio);
  }
  return share;
}

/** The latency at quantile `q` of the endpoint's current distribution. */
export function latencyAt(view: ConsoleView, endpoint: EndpointId, q: number): number {
  const p50 = latest(view, `${endpoint}_p50`, 3);
  const p95 = Math.max(p50, latest(view, `${endpoint}_p95`, p50 * 2.2));
  const p99 = Math.max(p95, latest(view, `${endpoint}_p99`, p95 * 1.4));
  const b = slowShare(view, endpoint);
  if (b > 0.002 && b < 0.5 && p99 > 4 * p95) {
    if (q > 1 - b) return p99 * (0.9 + (0.2 * (q - (1 - b))) / b);
    const fast: Anchor[] = [
      [0, p50 * 0.55],
      [0.5, p50],
      [0.95, p95],
      [1, p95 * 1.6],
    ];
    return interpolate(fast, q / (1 - b));
  }
  return interpolate(
    [
      [0, p50 * 0.55],
      [0.5, p50],
      [0.95, p95],
      [0.99, p99],
      [1, p99 * 1.08],
    ],
    q,
  );
}

/** Picks a 5xx code in proportion to what the ingress is returning. */
function errorStatus(view: ConsoleView, u: number): number {
  const rps = latest(view, 'ingress_rps', 0);
  const all = latest(view, 'ingress_5xx_ratio', 0) * rps;
  const s502 = latest(view, 'ingress_502', 0);
  const s503 = latest(view, 'ingress_503', 0);
  const s504 = latest(view, 'ingress_504', 0);
  const s500 = Math.max(0, all - s502 - s503 - s504);
  const total = s500 + s502 + s503 + s504;
  if (total <= 0) return 500;
  let x = u * total;
  for (const [code, n] of [
    [500, s500],
    [502, s502],
    [503, s503],
    [504, s504],
  ] as const) {
    if (x < n) return code;
    x -= n;
  }
  return 500;
}

/**
 * One request to `endpoint`. `salt` identifies the request (URL, second), `viaIngress` whether
 * the ingress stands in front (only it answers 504 after its upstream timeout).
 */
export function sampleEndpoint(
  view: ConsoleView,
  endpoint: EndpointId,
  salt: string,
  viaIngress: boolean,
): EndpointSample {
  const q = draw('quantile', salt);
  const errorRatio = Math.min(1, Math.max(0, latest(view, `${endpoint}_error_ratio`, 0)));
  const ms = latencyAt(view, endpoint, q);
  if (q < 1 - errorRatio) return { ms, status: 200 };
  let status = errorStatus(view, draw('status', salt));
  if (!viaIngress && (status === 503 || status === 504)) status = 500;
  if (status === 503) return { ms: 1 + 2 * draw('fast', salt), status };
  if (status === 504) return { ms: view.state.config.ingress.upstreamTimeoutMs + 2, status };
  return { ms, status };
}
