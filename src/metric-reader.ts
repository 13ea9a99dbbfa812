/**
 * Adapts the sim's metric ring buffers to the store's `MetricReader`: series by key, times as
 * Unix seconds (what uPlot's time axis expects). A composition-root module.
 */
import { M, METRICS } from './sim/index.ts';
import type { MetricStore } from './sim/index.ts';
import type { MetricInfo, MetricReader } from './store/index.ts';

export function createMetricReader(store: MetricStore, startEpochMs: number): MetricReader {
  const metrics: readonly MetricInfo[] = METRICS.map((d) => ({
    key: d.key,
    group: d.group,
    unit: d.unit,
    query: d.query,
    endpoint: d.endpoint,
  }));
  return {
    metrics,
    written: () => store.totalWritten,
    read(key, n, outTimes, outValues) {
      const column = M[key];
      if (column === undefined) return 0;
      const count = store.tail(column, n, outTimes, outValues);
      for (let i = 0; i < count; i++) outTimes[i] = (startEpochMs + outTimes[i]!) / 1000;
      return count;
    },
  };
}
