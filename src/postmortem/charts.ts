/**
 * Small charts of the run for the postmortem: the SLI's bad share (what the impact is measured
 * on), the API's p99 against the SLO threshold, the metrics the story's guards and the wrong
 * fixes' harms watch, and the route p99 that peaked highest when there is room.
 * Each is cut to at most `MAX_POINTS` points, keeping each stretch's highest value so spikes
 * survive, and carries the incident's marks.
 */
import { t } from '../i18n/index.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import type { MetricStore } from '../sim/index.ts';
import { ALERT_RULES, M } from '../sim/index.ts';
import { word } from './describe.ts';
import { formatMetric, formatPercent, unitOf } from './format.ts';
import type { ImpactFigures, SliSeries } from './impact.ts';
import { badOf } from './impact.ts';
import type { MiniChart, TimelineMark } from './model.ts';

export const MAX_POINTS = 240;
export const MAX_CHARTS = 4;
/** The chart of the SLI's bad share is not a catalogue metric: it is computed per second. */
export const SLI_BAD_SHARE = 'sli_bad_share';

export type ChartMark = MiniChart['marks'][number];

/** Evenly cut to at most `max` points: each point is the first time and the highest value of a stretch. */
export function downsample(
  times: readonly number[],
  values: readonly number[],
  max = MAX_POINTS,
): { times: number[]; values: number[] } {
  const n = Math.min(times.length, values.length);
  const size = Math.max(1, Math.ceil(n / max));
  const out = { times: [] as number[], values: [] as number[] };
  for (let i = 0; i < n; i += size) {
    let top = values[i]!;
    for (let j = i + 1; j < Math.min(n, i + size); j++) top = Math.max(top, values[j]!);
    out.times.push(times[i]!);
    out.values.push(top);
  }
  return out;
}

type Guard = { metric: string; value: number; above: boolean };

/** The metric conditions of the story's guards, in the order the file writes them. */
export function storyGuards(machine: ScenarioFile['machine']): Guard[] {
  const out: Guard[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as { type?: unknown; params?: { metric?: unknown; value?: unknown } };
      if (
        (o.type === 'metricAbove' || o.type === 'metricBelow') &&
        typeof o.params?.metric === 'string' &&
        typeof o.params.value === 'number'
      )
        out.push({
          metric: o.params.metric,
          value: o.params.value,
          above: o.type === 'metricAbove',
        });
      Object.values(v).forEach(visit);
    }
  };
  visit(machine.states);
  return out;
}

function chartOf(
  metric: string,
  times: readonly number[],
  values: readonly number[],
  threshold: MiniChart['threshold'],
  marks: readonly ChartMark[],
): MiniChart {
  const cut = downsample(times, values);
  return {
    metric,
    label: word('postmortem.metric', metric),
    unit: metric === SLI_BAD_SHARE ? 'ratio' : unitOf(metric),
    times: cut.times,
    values: cut.values,
    threshold,
    marks,
  };
}

/** A threshold for a watched metric: an alert rule's, else the story's guard, else the harm's. */
function thresholdFor(
  metric: string,
  guards: readonly Guard[],
  scenario: ScenarioFile,
): MiniChart['threshold'] {
  const rule = ALERT_RULES.find((r) => r.threshold?.metric === metric);
  if (rule?.threshold)
    return {
      value: rule.threshold.value,
      label: t('postmortem.chart.threshold.alert', {
        alert: rule.name,
        value: formatMetric(unitOf(metric), rule.threshold.value),
      }),
    };
  const guard = guards.find((g) => g.metric === metric && g.above);
  if (guard)
    return {
      value: guard.value,
      label: t('postmortem.chart.threshold.story', {
        value: formatMetric(unitOf(metric), guard.value),
      }),
    };
  const harm = scenario.answerKey.wrongFixes.find((w) => w.harm.metric === metric)?.harm;
  if (harm)
    return {
      value: harm.peakAbove,
      label: t('postmortem.chart.threshold.harm', {
        value: formatMetric(unitOf(metric), harm.peakAbove),
      }),
    };
  return null;
}

export function chartsOf(
  metrics: MetricStore,
  sli: SliSeries,
  impact: ImpactFigures,
  scenario: ScenarioFile,
  latencyThresholdMs: number,
  marks: readonly ChartMark[],
): MiniChart[] {
  const times = sli.times;
  const share = sli.requests.map((r, i) => (r > 0 ? badOf(sli, i) / r : 0));
  const charts: MiniChart[] = [
    chartOf(
      SLI_BAD_SHARE,
      times,
      share,
      {
        value: impact.threshold,
        label: t('postmortem.chart.threshold.impact', { value: formatPercent(impact.threshold) }),
      },
      marks,
    ),
  ];
  const slo = {
    value: latencyThresholdMs,
    label: t('postmortem.chart.threshold.slo', { value: formatMetric('ms', latencyThresholdMs) }),
  };
  charts.push(chartOf('api_p99', times, metrics.values(M.api_p99!), slo, marks));
  const guards = storyGuards(scenario.machine);
  // Then what the story watches and what the wrong fixes harm, then the p99 that peaked highest.
  const watched = [
    ...guards.map((g) => g.metric),
    ...scenario.answerKey.wrongFixes.map((w) => w.harm.metric),
    impact.peakLatency.metric,
  ];
  for (const metric of watched) {
    if (charts.length >= MAX_CHARTS) break;
    if (charts.some((c) => c.metric === metric) || M[metric] === undefined) continue;
    if (metric.startsWith('sli_')) continue;
    const values = metrics.values(M[metric]!);
    // A wrong fix's harm the player never caused is a flat line: nothing to look at.
    if (isFlat(values)) continue;
    const threshold = metric.endsWith('_p99') ? slo : thresholdFor(metric, guards, scenario);
    charts.push(chartOf(metric, times, values, threshold, marks));
  }
  return charts;
}

function isFlat(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/** A mark's label for charts and legends. */
export function markLabel(mark: TimelineMark): string {
  return word('postmortem.mark', mark);
}
