/**
 * What a facilitator and an interview add to the session: injects from the library, clues from
 * the answer key, notes, decisions and clarifying questions. They are inputs like any other, so a
 * run with them replays to the same state, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { DISTRACTION_ALERT, DISTRACTION_CLEARS_AFTER_MS } from '../src/session/injects.ts';
import { IncidentSession } from '../src/session/session.ts';
import { M } from '../src/sim/index.ts';
import { INJECT_EVENTS } from '../src/scenario/vocabulary.ts';
import { scenario } from './console/views.ts';

const pool = () => new IncidentSession(scenario('pool-exhaustion-leak'));
const replies = (s: IncidentSession) => s.run.timeline.filter((e) => e.kind === 'reply');

describe('facilitator inputs', () => {
  it('are refused from the player’s own panels and channel', () => {
    const s = pool();
    for (const action of [
      { type: 'inject', event: 'executiveEta' },
      { type: 'revealClue', level: 1 },
      { type: 'facilitatorNote', text: 'good instinct' },
    ]) {
      for (const source of ['panel', 'channel'] as const) {
        const r = s.perform(action, source);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.errors.join()).toContain('only a facilitator');
      }
      expect(s.perform(action, 'facilitator')).toEqual({ ok: true });
    }
    expect(s.inputs.every((i) => i.kind === 'action' && i.source === 'facilitator')).toBe(true);
  });

  it('an unknown inject is refused with the field named', () => {
    const r = pool().perform({ type: 'inject', event: 'meteorStrike' }, 'facilitator');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join()).toContain('event');
  });

  it('support reports the error ratio and p99 the system shows at that moment', () => {
    const s = pool();
    s.advanceTo(6 * 60_000);
    s.perform({ type: 'inject', event: 'partnerReport' }, 'facilitator');
    const reply = replies(s).at(-1)!;
    expect(reply).toMatchObject({ from: 'inject.from.support', key: 'inject.partnerReport' });
    const latest = (key: string) => s.run.sim.recorder.metrics.latest(M[key]!);
    expect(reply.params['errors']).toBe(Math.round(latest('api_error_ratio') * 1000) / 10);
    expect(reply.params['p99']).toBe(Math.round(latest('api_p99')));
    expect(Number(reply.params['p99'])).toBeGreaterThan(0);
    expect(s.incident.injects).toEqual([{ t: 6 * 60_000, event: 'partnerReport' }]);
  });

  it('a teammate going offline frees the roles they held, and only theirs', () => {
    const s = pool();
    s.advanceTo(60_000);
    s.perform({ type: 'assignRole', role: 'commander', person: 'me' }, 'channel');
    s.perform({ type: 'assignRole', role: 'scribe', person: 'secondary' }, 'channel');
    s.perform({ type: 'assignRole', role: 'communications', person: 'secondary' }, 'channel');
    s.perform({ type: 'inject', event: 'teammateOffline' }, 'facilitator');
    expect(s.incident.roles).toEqual({ commander: 'me' });
    expect(replies(s).at(-1)).toMatchObject({
      from: 'reply.from.secondary',
      key: 'inject.teammateOffline.roles',
      params: { roles: 'scribe, communications' },
    });
  });

  it('a second alert pages the player and clears when the log rotation runs', () => {
    const s = pool();
    s.advanceTo(30_000);
    s.perform({ type: 'inject', event: 'secondAlert' }, 'facilitator');
    s.step();
    const page = s.pager.alerts().find((p) => p.name === DISTRACTION_ALERT.name);
    expect(page).toMatchObject({ severity: 'page', state: 'triggered' });
    s.advanceTo(30_000 + DISTRACTION_CLEARS_AFTER_MS + 1_000);
    expect(s.run.timeline.some((e) => e.kind === 'alertResolved' && e.name === page!.name)).toBe(
      true,
    );
    expect(s.pager.alerts().find((p) => p.name === DISTRACTION_ALERT.name)?.state).toBe('resolved');
  });

  it('a revealed clue is the answer key’s text of that level, on the timeline as a hint', () => {
    const s = pool();
    s.perform({ type: 'revealClue', level: 2 }, 'facilitator');
    const key = s.scenario.answerKey.hints.find((h) => h.level === 2)!;
    expect(s.run.timeline.filter((e) => e.kind === 'hint')).toEqual([
      { t: 0, kind: 'hint', level: 2, text: key.text, by: 'facilitator' },
    ]);
    expect(s.incident.clues).toEqual([{ t: 0, level: 2 }]);
  });

  it('notes, decisions, questions and facilitator notes are kept with their times', () => {
    const s = pool();
    s.perform({ type: 'clarify', question: 'slos' }, 'panel');
    s.advanceTo(5_000);
    s.perform({ type: 'note', text: 'DB idle but routes slow: pool?' }, 'panel');
    s.perform({ type: 'decision', text: 'Roll back v2.14.1', role: 'commander' }, 'facilitator');
    s.perform({ type: 'decision', text: 'Page the DBA' }, 'channel');
    s.perform({ type: 'facilitatorNote', text: 'Asked about SLOs first' }, 'facilitator');
    expect(s.incident.questions).toEqual([{ t: 0, question: 'slos' }]);
    expect(s.incident.notes).toEqual([{ t: 5_000, text: 'DB idle but routes slow: pool?' }]);
    expect(s.incident.decisions).toEqual([
      { t: 5_000, text: 'Roll back v2.14.1', role: 'commander' },
      { t: 5_000, text: 'Page the DBA', role: null },
    ]);
    expect(s.incident.facilitatorNotes).toEqual([{ t: 5_000, text: 'Asked about SLOs first' }]);
  });

  it('a run with every inject replays to the same state and timeline', () => {
    const s = pool();
    let at = 20_000;
    for (const event of INJECT_EVENTS) {
      s.advanceTo(at);
      s.perform({ type: 'inject', event }, 'facilitator');
      at += 45_000;
    }
    s.perform({ type: 'revealClue', level: 1 }, 'facilitator');
    s.advanceTo(20 * 60_000);
    const again = IncidentSession.replay(s.scenario, s.scenario.seed, s.inputs, s.t);
    expect(again.run.sim.hash()).toBe(s.run.sim.hash());
    expect(JSON.stringify(again.run.timeline)).toBe(JSON.stringify(s.run.timeline));
    expect(again.incident).toEqual(s.incident);
  });
});
