/**
 * The title screen's live card: the real simulation, running in the browser at 10x, playing a
 * small incident on a loop (a release's query misses an index, the on-call builds it
 * concurrently, latency recovers). A composition-root module: it may use timers and the sim.
 */
import type { LiveFeed, LiveSnapshot } from './ui/title-screen.ts';
import {
  ALERT_RULES,
  formatIsoTimestamp,
  M,
  makeFault,
  MINUTE,
  SimRun,
  STEP_MS,
} from './sim/index.ts';

const WINDOW = 120;
const SPEED = 10;
const ALERT = 'APIHighLatencyP99';

function newRun(seed: number): SimRun {
  const run = new SimRun(seed);
  run.schedule(
    { type: 'injectFault', id: 'orders-plan', fault: makeFault('planRegression', { share: 0.06 }) },
    2 * MINUTE,
  );
  run.schedule(
    {
      type: 'createIndex',
      name: 'orders_customer_id_status_created_at_idx',
      table: 'orders',
      columns: 'customer_id, status, created_at DESC',
      concurrently: true,
    },
    11 * MINUTE,
  );
  return run;
}

export function startLivePreview(seed = 20261126): LiveFeed {
  const listeners = new Set<(s: LiveSnapshot) => void>();
  let run = newRun(seed);
  run.advance(MINUTE); // a minute of history, so the chart starts full
  const threshold = ALERT_RULES.find((r) => r.name === ALERT)?.threshold?.value ?? 2000;
  const snapshot = (): LiveSnapshot => {
    const values = run.recorder.metrics.values(M.orders_p99!);
    return {
      clock: formatIsoTimestamp(run.state.config.startEpochMs + run.t).slice(11, 19),
      route: 'GET /v1/orders',
      p99Ms: values.slice(-WINDOW),
      thresholdMs: threshold,
      firing: (run.state.alerts[ALERT]?.firingSince ?? -1) >= 0,
    };
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = (): void => {
    run.stepOnce();
    if (run.t > 24 * MINUTE) {
      run = newRun(seed + 1);
      run.advance(MINUTE);
    }
    const snap = snapshot();
    for (const l of listeners) l(snap);
  };
  return (listener) => {
    listeners.add(listener);
    listener(snapshot());
    timer ??= setInterval(tick, STEP_MS / SPEED);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    };
  };
}
