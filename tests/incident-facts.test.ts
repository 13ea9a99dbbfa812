import { describe, expect, it } from 'vitest';
import { LOG_SERVICE, peopleOf, slosOf } from '../src/incident-facts.ts';
import { IncidentSession } from '../src/session/session.ts';
import { LOG_SERVICES } from '../src/sim/index.ts';
import { COMPONENT_IDS } from '../src/store/index.ts';
import { scenario } from './console/views.ts';

describe('incident facts', () => {
  it('offers the player, the pageable teams (not the vendor) and the scenario crew for roles', () => {
    const people = peopleOf(scenario('pool-exhaustion-leak'));
    expect(people[0]).toBe('me');
    expect(people).toContain('dba');
    expect(people).not.toContain('payments');
    // Dana speaks in the story as the engineering manager; support and customers do not take roles.
    expect(people).toContain('Dana (engineering manager)');
    expect(people.some((p) => /support/i.test(p))).toBe(false);
    expect(new Set(people).size).toBe(people.length);
  });

  it('reads the SLOs the sim runs with', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    const slo = session.run.sim.state.config.slo;
    expect(slosOf(session)).toEqual({
      availability: slo.availabilityTarget,
      latencyTarget: slo.latencyTarget,
      latencyMs: slo.latencyThresholdMs,
      windowDays: slo.windowDays,
    });
  });

  it('maps every component of the map to a log service the sim writes, or none', () => {
    for (const id of COMPONENT_IDS) {
      const service = LOG_SERVICE[id];
      if (service !== null) expect(LOG_SERVICES).toContain(service);
    }
  });
});
