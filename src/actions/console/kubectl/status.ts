/**
 * Status a controller would report: pod conditions, deployment conditions (with the 600 s
 * progress deadline), and the line `kubectl rollout status` prints for a deployment.
 */
import { UNSCHEDULABLE } from './events.ts';
import type { KDeployment, KPod } from './model.ts';

export type Condition = {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
};

const PROGRESS_DEADLINE_MS = 600_000;

export function podConditions(p: KPod): Condition[] {
  if (p.node === null)
    return [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: UNSCHEDULABLE,
      },
    ];
  const b = (v: boolean): 'True' | 'False' => (v ? 'True' : 'False');
  const sandbox = p.state.kind !== 'waiting' || p.state.reason !== 'ContainerCreating';
  return [
    { type: 'PodReadyToStartContainers', status: b(sandbox && !p.terminating) },
    { type: 'Initialized', status: 'True' },
    { type: 'Ready', status: b(p.ready) },
    { type: 'ContainersReady', status: b(p.ready) },
    { type: 'PodScheduled', status: 'True' },
  ];
}

/** Whether every replica runs the current template and is available. */
export const rolledOut = (d: KDeployment): boolean =>
  d.updated >= d.replicas && d.total === d.updated && d.available >= d.updated;

/** When the current rollout started: the creation of the newest ReplicaSet. */
const rolloutStart = (d: KDeployment): number =>
  d.history.find((h) => h.revision === d.revision)?.createdAt ?? d.createdAt;

export function deploymentConditions(d: KDeployment, now: number): Condition[] {
  const rs = d.history.find((h) => h.revision === d.revision)?.rsName ?? d.name;
  const available: Condition =
    d.available >= d.replicas
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        };
  const progressing: Condition = rolledOut(d)
    ? {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rs}" has successfully progressed.`,
      }
    : now - rolloutStart(d) > PROGRESS_DEADLINE_MS
      ? {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: `ReplicaSet "${rs}" has timed out progressing.`,
        }
      : {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "${rs}" is progressing.`,
        };
  return [available, progressing];
}

/** kubectl's DeploymentStatusViewer: one line, and whether the rollout is done or failed. */
export function rolloutStatus(
  d: KDeployment,
  now: number,
): { line: string; done: boolean; failed: boolean } {
  const progressing = deploymentConditions(d, now)[1]!;
  if (progressing.reason === 'ProgressDeadlineExceeded')
    return {
      line: `error: deployment "${d.name}" exceeded its progress deadline`,
      done: false,
      failed: true,
    };
  const waiting = (what: string) => ({
    line: `Waiting for deployment "${d.name}" rollout to finish: ${what}...`,
    done: false,
    failed: false,
  });
  if (d.updated < d.replicas)
    return waiting(`${d.updated} out of ${d.replicas} new replicas have been updated`);
  if (d.total > d.updated)
    return waiting(`${d.total - d.updated} old replicas are pending termination`);
  if (d.available < d.updated)
    return waiting(`${d.available} of ${d.updated} updated replicas are available`);
  return { line: `deployment "${d.name}" successfully rolled out`, done: true, failed: false };
}
