/**
 * The machines the console can look into: the bastion, and the containers of the API, web,
 * CoreDNS, PostgreSQL and Redis pods, each built from the sim's state at this moment.
 */
import type { ConsoleView } from '../types.ts';
import { apiMachine, corednsMachine, webMachine } from './app-pods.ts';
import type { Machine } from './machine.ts';
import { postgresMachine } from './postgres.ts';
import { redisMachine } from './redis.ts';

export { bastion } from './bastion.ts';

/** The machine behind a pod name, or null when there is no such pod. */
export function podMachine(view: ConsoleView, name: string): Machine | null {
  if (name === 'pg-primary-0' || name === 'pg-replica-0') return postgresMachine(view, name);
  if (name === 'redis-master-0') return redisMachine(view);
  const pod = view.state.pods.find((p) => p.name === name);
  if (!pod) return null;
  if (pod.deployment === 'api') return apiMachine(view, pod);
  if (pod.deployment === 'web') return webMachine(view, pod);
  return corednsMachine(view, pod);
}
