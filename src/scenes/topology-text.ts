/**
 * The words of the map. The scenes layer may not import the catalogue, so the composition root
 * hands in a `translate` function (keys from src/i18n/parts/topology.*.ts) and this module
 * composes the labels and the accessible descriptions from it. Pure.
 */
import type { ComponentHealth, ComponentId, EdgeFlow, PodPhase } from '../store/index.ts';
import { ERROR_LABEL_THRESHOLD, formatPercent, formatRate } from './topology-flow.ts';
import { totalRestarts } from './topology-pods.ts';

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

type RateUnit = 'rps' | 'qps' | 'ops';

/** HTTP tiers count requests, databases and DNS count queries, Redis counts commands. */
const UNITS: Readonly<Record<ComponentId, RateUnit>> = {
  users: 'rps',
  cdn: 'rps',
  ingress: 'rps',
  web: 'rps',
  api: 'rps',
  payments: 'rps',
  pool: 'qps',
  pgbouncer: 'qps',
  postgres: 'qps',
  replica: 'qps',
  coredns: 'qps',
  redis: 'ops',
};

/** The legend's entries (topology-legend.ts), in the order it lists them. */
export const LEGEND_KEYS = [
  'toggle',
  'title',
  'dot',
  'diamond',
  'failing',
  'ring',
  'ok',
  'degraded',
  'down',
  'running',
  'notReady',
  'creating',
  'pending',
  'crashLoop',
  'terminating',
] as const;

/** Every catalogue key this module (and so the map) uses, for the catalogue test. */
export function topologyKeys(ids: readonly ComponentId[]): string[] {
  return [
    ...ids.flatMap((id) => [`topology.name.${id}`, `topology.short.${id}`]),
    'topology.status.ok',
    'topology.status.degraded',
    'topology.status.down',
    'topology.rate.rps',
    'topology.rate.qps',
    'topology.rate.ops',
    'topology.long.rps',
    'topology.long.qps',
    'topology.long.ops',
    'topology.metric.errors',
    'topology.long.errors',
    'topology.long.saturation',
    'topology.long.pods',
    'topology.long.phase',
    'topology.long.restarts',
    'topology.restarts.short',
    'topology.overflow',
    'topology.a11y.item',
    'topology.a11y.separator',
    'topology.a11y.label',
    'topology.a11y.hint',
    'topology.a11y.focused',
    'topology.a11y.cleared',
    'topology.a11y.noData',
    'topology.waiting',
    ...LEGEND_KEYS.map((key) => `topology.legend.${key}`),
  ];
}

export function shortName(translate: Translate, id: ComponentId): string {
  return translate(`topology.short.${id}`);
}

export function fullName(translate: Translate, id: ComponentId): string {
  return translate(`topology.name.${id}`);
}

/** The line under a component's name: `820 rps · 12% err`. */
export function metricLine(translate: Translate, component: ComponentHealth): string {
  const rate = translate(`topology.rate.${UNITS[component.id]}`, {
    rate: formatRate(component.rps),
  });
  if (component.errorRatio < ERROR_LABEL_THRESHOLD) return rate;
  const errors = translate('topology.metric.errors', {
    percent: formatPercent(component.errorRatio),
  });
  return `${rate} · ${errors}`;
}

/** An edge's label when motion is reduced and thickness carries the rate. */
export function edgeLabel(translate: Translate, flow: EdgeFlow): string {
  const rate = translate(`topology.rate.${UNITS[flow.to]}`, { rate: formatRate(flow.rps) });
  if (flow.errorRatio < ERROR_LABEL_THRESHOLD) return rate;
  const errors = translate('topology.metric.errors', { percent: formatPercent(flow.errorRatio) });
  return `${rate} · ${errors}`;
}

const PHASES_OF_NOTE: readonly PodPhase[] = [
  'CrashLoopBackOff',
  'Pending',
  'ContainerCreating',
  'Terminating',
];

/**
 * A component in words, for the accessible list:
 * `API (Go) — degraded, 820 requests/s, 12% errors, 100% saturated, 3 of 4 pods ready, …`.
 */
export function describeComponent(
  translate: Translate,
  id: ComponentId,
  component: ComponentHealth | undefined,
): string {
  const name = fullName(translate, id);
  if (!component) return translate('topology.a11y.noData', { name });
  const parts = [
    translate(`topology.status.${component.status}`),
    translate(`topology.long.${UNITS[id]}`, { rate: formatRate(component.rps) }),
  ];
  if (component.errorRatio >= ERROR_LABEL_THRESHOLD)
    parts.push(translate('topology.long.errors', { percent: formatPercent(component.errorRatio) }));
  parts.push(
    translate('topology.long.saturation', { percent: formatPercent(component.saturation) }),
  );
  if (component.pods.length > 0) {
    const ready = component.pods.filter((pod) => pod.ready).length;
    parts.push(translate('topology.long.pods', { ready, total: component.pods.length }));
    for (const phase of PHASES_OF_NOTE) {
      const count = component.pods.filter((pod) => pod.phase === phase).length;
      if (count > 0) parts.push(translate('topology.long.phase', { count, phase }));
    }
    const restarts = totalRestarts(component.pods);
    if (restarts > 0) parts.push(translate('topology.long.restarts', { count: restarts }));
  }
  return translate('topology.a11y.item', {
    name,
    details: parts.join(translate('topology.a11y.separator')),
  });
}
