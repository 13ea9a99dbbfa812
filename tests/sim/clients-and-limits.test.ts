import { describe, expect, it } from 'vitest';
import { makeFault, podWaiting } from '../../src/sim/index.ts';
import { avg, grep, injectFault, MINUTE, newRun, SIM_TIMEOUT_MS } from './helpers.ts';

describe('clients and servers have limits', { timeout: SIM_TIMEOUT_MS }, () => {
  it('clients give up on answers slower than their timeout, and retry them', () => {
    const abandonedAndRetries = (
      clientTimeoutMs: number,
    ): { abandoned: number; retries: number; failed: number } => {
      const run = newRun(3, (cfg) => {
        cfg.endpoints.checkout.clientTimeoutMs = clientTimeoutMs;
      });
      injectFault(run, makeFault('slowDependency', { extraLatencyMs: 2_000, errorRatio: 0 }));
      run.advance(10 * MINUTE);
      const c = run.state.counters.checkout;
      return { abandoned: c.abandoned, retries: c.retries, failed: c.failed };
    };
    const patient = abandonedAndRetries(30_000);
    const impatient = abandonedAndRetries(1_000);
    // The server answers every checkout in ~2.3 s either way; only the impatient clients leave.
    expect(patient.abandoned).toBeLessThan(1);
    expect(impatient.abandoned).toBeGreaterThan(1_000);
    // ... and come back: retries add load the server has to serve.
    expect(impatient.retries).toBeGreaterThan(patient.retries + 500);
  });

  it('an API pod turns requests away with 503 once its in-flight limit is reached', () => {
    const run = newRun(3, (cfg) => {
      cfg.api.concurrencyPerPod = 40;
    });
    injectFault(run, makeFault('connectionLeak', { leakRatio: 0.05 }));
    run.advance(12 * MINUTE);
    // Waiting goroutines never exceed the limit on any pod.
    for (const pod of run.state.pods.filter((p) => p.deployment === 'api' && p.ready)) {
      expect(podWaiting(pod)).toBeLessThanOrEqual(40 + 1e-6);
    }
    expect(avg(run, 'ingress_503', 60)).toBeGreaterThan(1);
    const lines = grep(run, 'too many requests in flight');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.text).toContain('"status":503');

    // With the default limit (256) the same leak times requests out instead.
    const roomy = newRun(3);
    injectFault(roomy, makeFault('connectionLeak', { leakRatio: 0.05 }));
    roomy.advance(12 * MINUTE);
    expect(grep(roomy, 'too many requests in flight')).toHaveLength(0);
  });
});
