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
