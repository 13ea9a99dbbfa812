/**
 * A chart's value as the postmortem document prints it, so the debrief screen shows the same
 * text (src/ui/debrief/charts.ts reads it from here).
 */
import type { MetricUnit } from '../sim/index.ts';
import { formatMetric } from './format.ts';

/** A value of a mini chart with its unit (the metric catalogue's; unknown ones print plain). */
export function formatValue(value: number, unit: string): string {
  return formatMetric(unit as MetricUnit, value);
}
