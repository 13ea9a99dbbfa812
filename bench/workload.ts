/**
 * The measured workload, bundled by bench/run.ts into one plain ES module first, so the figures
 * describe the simulation as the browser runs it (no per-import getters or name-keeping
 * wrappers of a development loader).
 */
import { makeFault, SimRun } from '../src/sim/index.ts';

export { HOUR, MINUTE } from '../src/sim/index.ts';

/** The full model under load: three faults active, metrics and logs recorded. */
export function loadedRun(seed: number): SimRun {
  const run = new SimRun(seed);
  run.schedule({
    type: 'injectFault',
    id: 'slow-query',
    fault: makeFault('planRegression', { share: 0.05 }),
  });
  run.schedule({
    type: 'injectFault',
    id: 'leak',
    fault: makeFault('connectionLeak', { leakRatio: 0.002 }),
  });
  run.schedule({
    type: 'injectFault',
    id: 'dns',
    fault: makeFault('corednsOverload', { extraQps: 2500 }),
  });
  return run;
}

export { execute, initialConsoleState } from '../src/actions/console/interpreter.ts';

/** What players type most during an incident, including the heaviest reads (logs, SQL). */
export const CONSOLE_LINES = [
  'kubectl get pods -o wide',
  'kubectl get events',
  'kubectl describe deploy api',
  'kubectl top pods',
  'kubectl logs deploy/api --tail 1000',
  'kubectl logs deploy/api --since 10m | grep -c timeout',
  `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`,
  `psql -c "SELECT queryid, calls, total_exec_time, mean_exec_time, left(query, 60) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;"`,
  `psql -c "EXPLAIN ANALYZE SELECT * FROM orders WHERE customer_id = 48213 ORDER BY created_at DESC LIMIT 50;"`,
  'dig api.stripe.com',
  "curl -s -o /dev/null -w '%{time_total}\\n' https://shop.example.com/",
  'redis-cli INFO stats',
] as const;

export { createLogSource } from '../src/log-source.ts';
export { parseLogQuery } from '../src/shared/log-query.ts';
export { searchChunks } from '../src/ui/log-explorer/scan.ts';

/** What players search logs for most: a service's errors with a word, and bare text. */
export const LOG_QUERIES = {
  typical: '{service="api", level="error"} |= "timeout"',
  bareText: 'timeout',
} as const;

/** The debrief's work: a flagship played to its end through the game's session. */
export { buildPostmortem, referencePath } from '../src/postmortem/build.ts';
export { postmortemMarkdown } from '../src/postmortem/markdown.ts';
export { playForPostmortem } from '../src/cli/play.ts';
export { loadScenario, variantFor } from '../src/scenario/load.ts';
