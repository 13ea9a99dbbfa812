/**
 * Where a step writes its outputs. The step itself stays pure: it reads only the state and the
 * actions it is given, and everything it emits (metric values, log records, events) goes to the
 * sink, which never feeds back into the state.
 */
import type { DeploymentName } from './state.ts';

export type SimEvent =
  | { kind: 'alertFiring'; t: number; alert: string; severity: 'page' | 'warning' | 'ticket' }
  | { kind: 'alertResolved'; t: number; alert: string }
  | { kind: 'actionApplied'; t: number; action: string; detail: string }
  | { kind: 'actionRejected'; t: number; action: string; reason: string }
  | { kind: 'faultInjected'; t: number; id: string; fault: string }
  | { kind: 'faultCleared'; t: number; id: string; fault: string }
  | { kind: 'podReady'; t: number; pod: string; deployment: DeploymentName }
  | {
      kind: 'podKilled';
      t: number;
      pod: string;
      deployment: DeploymentName;
      reason: 'OOMKilled' | 'Error' | 'Deleted';
    }
  | { kind: 'rolloutComplete'; t: number; deployment: DeploymentName; revision: number }
  | { kind: 'postgresDown'; t: number; reason: string }
  | { kind: 'postgresUp'; t: number };

export interface StepSink {
  /** Metric values of the step being computed, one column per `METRICS` entry. */
  readonly sample: Float64Array;
  intern(s: string): number;
  log(
    t: number,
    template: number,
    source: number,
    traceHi: number,
    traceLo: number,
    a0?: number,
    a1?: number,
    a2?: number,
    a3?: number,
    a4?: number,
    a5?: number,
  ): void;
  event(e: SimEvent): void;
}

/** A sink that keeps nothing: for fast-forwarding and for measuring the model alone. */
export class NullSink implements StepSink {
  readonly sample: Float64Array;
  constructor(columns: number) {
    this.sample = new Float64Array(columns);
  }
  intern(): number {
    return 0;
  }
  log(): void {}
  event(): void {}
}
