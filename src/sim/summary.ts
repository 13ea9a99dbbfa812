/** The figures that describe a run: what the headless runner prints and tests compare. */
import { ALERT_RULES } from './alerts.ts';
import { ENDPOINT_IDS } from './config.ts';
import type { EndpointId } from './config.ts';
import { LOG_SERVICES } from './log-templates.ts';
import type { LogService } from './log-templates.ts';
import { M } from './metric-catalog.ts';
import type { SimRun } from './run.ts';

export type RunSummary = {
  seed: number;
  simulatedSeconds: number;
  finalHash: string;
  requests: {
    arrived: number;
    succeeded: number;
    failed: number;
    errorRatio: number;
    slowRatio: number;
  };
  endpoints: Record<
    EndpointId,
    { arrived: number; failed: number; errorRatio: number; peakP99Ms: number }
  >;
  peaks: {
    apiErrorRatio: number;
    pgCpu: number;
    poolInUse: number;
    dnsDroppedQps: number;
    replicaLagSeconds: number;
    diskUsedRatio: number;
  };
  errorBudgetRemaining: number;
  alerts: { name: string; severity: string; firstFiredAtSeconds: number }[];
  firingAtEnd: string[];
  logLines: number;
  logLinesByService: Record<LogService, number>;
};

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export function summarizeRun(run: SimRun): RunSummary {
  const s = run.state;
  const metrics = run.recorder.metrics;
  const max = (key: string): number => {
    let m = 0;
    for (const v of metrics.values(M[key]!)) if (v > m) m = v;
    return m;
  };
  let arrived = 0;
  let succeeded = 0;
  let failed = 0;
  let slow = 0;
  const endpoints = {} as RunSummary['endpoints'];
  for (const e of ENDPOINT_IDS) {
    const c = s.counters[e];
    arrived += c.arrived;
    succeeded += c.succeeded;
    failed += c.failed;
    slow += c.slow;
    endpoints[e] = {
      arrived: Math.round(c.arrived),
      failed: Math.round(c.failed),
      errorRatio: round(c.arrived > 0 ? c.failed / c.arrived : 0),
      peakP99Ms: round(max(`${e}_p99`), 1),
    };
  }
  const firsts = new Map<string, number>();
  for (const ev of run.recorder.events)
    if (ev.kind === 'alertFiring' && !firsts.has(ev.alert)) firsts.set(ev.alert, ev.t);
  const byService = {} as Record<LogService, number>;
  for (const svc of LOG_SERVICES) byService[svc] = 0;
  const logs = run.recorder.logs;
  for (let seq = logs.firstSeq; seq < logs.totalAppended; seq++)
    byService[LOG_SERVICES[logs.serviceIndexOf(seq)]!]++;
  return {
    seed: s.seed,
    simulatedSeconds: s.t / 1000,
    finalHash: run.hash(),
    requests: {
      arrived: Math.round(arrived),
      succeeded: Math.round(succeeded),
      failed: Math.round(failed),
      errorRatio: round(arrived > 0 ? failed / arrived : 0),
      slowRatio: round(arrived > 0 ? slow / arrived : 0),
    },
    endpoints,
    peaks: {
      apiErrorRatio: round(max('api_error_ratio')),
      pgCpu: round(max('pg_cpu')),
      poolInUse: round(max('pool_in_use'), 1),
      dnsDroppedQps: round(max('dns_dropped'), 1),
      replicaLagSeconds: round(max('replica_lag_s'), 1),
      diskUsedRatio: round(max('pg_disk_used_ratio')),
    },
    errorBudgetRemaining: round(metrics.latest(M.error_budget_remaining!)),
    alerts: ALERT_RULES.filter((r) => firsts.has(r.name))
      .map((r) => ({
        name: r.name,
        severity: r.severity,
        firstFiredAtSeconds: firsts.get(r.name)! / 1000,
      }))
      .sort((a, b) => a.firstFiredAtSeconds - b.firstFiredAtSeconds),
    firingAtEnd: ALERT_RULES.filter((r) => (s.alerts[r.name]?.firingSince ?? -1) >= 0).map(
      (r) => r.name,
    ),
    logLines: logs.totalAppended,
    logLinesByService: byService,
  };
}
