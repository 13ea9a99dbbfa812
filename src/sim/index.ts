/** The simulation's public surface. Other layers import from here, not from the modules. */
export type { SimAction, StampedAction, BackendFilter, SimActionType } from './actions.ts';
export { SIM_ACTION_TYPES } from './actions.ts';
export { ALERT_RULES, firingAlerts } from './alerts.ts';
export type { AlertRule, AlertSeverity } from './alerts.ts';
export { defaultConfig, DELAYS, ENDPOINT_IDS, QUERY_IDS } from './config.ts';
export type { EndpointId, QueryId, SystemConfig } from './config.ts';
export { createSim } from './create.ts';
export { FAULT_DEFAULTS, FAULT_KINDS, makeFault } from './faults.ts';
export type { ActiveFault, FaultKind, FaultSpec } from './faults.ts';
export { hashState, hashString, serializeState } from './hash.ts';
export { LogStore } from './log-store.ts';
export type { LogRecordView } from './log-store.ts';
export { LOG_LEVELS, LOG_SERVICES, LOG_TEMPLATES, renderLog, templateId } from './log-templates.ts';
export type { LogLevel, LogService } from './log-templates.ts';
export { M, METRIC_COUNT, METRICS, metricIndex } from './metric-catalog.ts';
export type { MetricDef, MetricUnit } from './metric-catalog.ts';
export { MetricStore } from './metric-store.ts';
export { Recorder } from './recorder.ts';
export { SimRun } from './run.ts';
export { NullSink } from './sink.ts';
export type { SimEvent, StepSink } from './sink.ts';
export type { SimState, Pod, Deployment, DeploymentName } from './state.ts';
export { podWaiting } from './state.ts';
export { step, STEP_MS } from './step.ts';
export {
  civilFromEpochMs,
  formatAge,
  formatClock,
  formatIsoTimestamp,
  formatSlashTimestamp,
  formatSqlTimestamp,
  MONTHS,
  parseDuration,
  WEEKDAYS,
  HOUR,
  MINUTE,
  SECOND,
  DAY,
} from './time.ts';
export * as clusterNames from './names.ts';
export { summarizeRun } from './summary.ts';
export type { RunSummary } from './summary.ts';
