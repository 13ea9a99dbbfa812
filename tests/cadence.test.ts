/**
 * Stakeholders ask for updates: the manager nudges after 20 silent minutes from the declaration
 * or the last update (once per silence), and asks for a declaration when a page rings 15 minutes
 * with none. Checked on the pure rule and through a real session.
 */
import { describe, expect, it } from 'vitest';
import { UNDECLARED_NUDGE_MS, UPDATE_CADENCE_MS, UpdateCadence } from '../src/session/cadence.ts';
import { IncidentSession } from '../src/session/session.ts';
import { scenario } from './console/views.ts';

const MINUTE = 60_000;

describe('UpdateCadence', () => {
  it('asks for a first update 20 minutes after the declaration, once', () => {
    const c = new UpdateCadence();
    const view = { declaredAt: 5 * MINUTE, updates: [], firstPageAt: 4 * MINUTE };
    expect(c.check({ ...view, t: 5 * MINUTE + UPDATE_CADENCE_MS - 1000 })).toBeNull();
    const nudge = c.check({ ...view, t: 5 * MINUTE + UPDATE_CADENCE_MS });
    expect(nudge).toMatchObject({ key: 'reply.manager.askFirstUpdate', params: { minutes: 20 } });
    expect(c.check({ ...view, t: 5 * MINUTE + UPDATE_CADENCE_MS + 60_000 })).toBeNull();
  });

  it('starts the clock again at each update', () => {
    const c = new UpdateCadence();
    const view = { declaredAt: 0, firstPageAt: null };
    expect(c.check({ ...view, updates: [10 * MINUTE], t: 25 * MINUTE })).toBeNull();
    expect(c.check({ ...view, updates: [10 * MINUTE], t: 30 * MINUTE })).toMatchObject({
      key: 'reply.manager.askUpdate',
    });
    expect(c.check({ ...view, updates: [10 * MINUTE, 31 * MINUTE], t: 45 * MINUTE })).toBeNull();
    expect(c.check({ ...view, updates: [10 * MINUTE, 31 * MINUTE], t: 51 * MINUTE })).toMatchObject(
      {
        key: 'reply.manager.askUpdate',
        params: { minutes: 20 },
      },
    );
  });

  it('asks once for a declaration when a page rings with none', () => {
    const c = new UpdateCadence();
    const view = { declaredAt: null, updates: [], firstPageAt: 3 * MINUTE };
    expect(c.check({ ...view, t: 3 * MINUTE + UNDECLARED_NUDGE_MS - 1000 })).toBeNull();
    expect(c.check({ ...view, t: 3 * MINUTE + UNDECLARED_NUDGE_MS })).toMatchObject({
      key: 'reply.manager.askDeclare',
    });
    expect(c.check({ ...view, t: 40 * MINUTE })).toBeNull();
    // No page, no nudge.
    expect(new UpdateCadence().check({ ...view, firstPageAt: null, t: 60 * MINUTE })).toBeNull();
  });
});

describe('in a session', () => {
  const nudges = (s: IncidentSession): string[] =>
    s.run.timeline.flatMap((e) =>
      e.kind === 'reply' && e.key.startsWith('reply.manager.ask') ? [e.key] : [],
    );

  it('the manager asks for a declaration when the page rings on', () => {
    const s = new IncidentSession(scenario('pool-exhaustion-leak'));
    s.advanceTo(32 * MINUTE);
    expect(nudges(s)).toContain('reply.manager.askDeclare');
  });

  it('the manager asks for a first update 20 silent minutes after the declaration, and replays the same', () => {
    const s = new IncidentSession(scenario('pool-exhaustion-leak'));
    s.advanceTo(MINUTE);
    s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout failing' }, 'channel');
    s.advanceTo(MINUTE + UPDATE_CADENCE_MS - 5000);
    expect(nudges(s)).toEqual([]);
    s.advanceTo(MINUTE + UPDATE_CADENCE_MS + 5000);
    expect(s.ended).toBe(false);
    expect(nudges(s)).toEqual(['reply.manager.askFirstUpdate']);
    const again = IncidentSession.replay(s.scenario, s.run.sim.state.seed, s.inputs, s.t);
    expect(nudges(again)).toEqual(nudges(s));
  });

  it('a player who keeps posting updates is not nudged', () => {
    const s = new IncidentSession(scenario('pool-exhaustion-leak'));
    s.advanceTo(MINUTE);
    s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout failing' }, 'channel');
    for (let m = 10; m <= 40; m += 10) {
      s.advanceTo(m * MINUTE);
      s.perform(
        { type: 'postUpdate', audience: 'internal', status: 'investigating', text: 'Still on it.' },
        'channel',
      );
    }
    s.advanceTo(45 * MINUTE);
    expect(nudges(s).filter((k) => k !== 'reply.manager.askDeclare')).toEqual([]);
  });
});
