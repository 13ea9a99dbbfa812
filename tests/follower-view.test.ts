/**
 * What the facilitator console and the projector view are given, read from real runs of the pool
 * flagship: the answer key with the player's progress against it, clues, injects, roles, the
 * countdown, the prompts of the stages reached, credited activity; and a projector view that
 * holds nothing of the answer key.
 */
import { describe, expect, it } from 'vitest';
import { facilitatorViewOf, projectorViewOf } from '../src/facilitator-view.ts';
import type { Followed } from '../src/facilitator-view.ts';
import type { RunMeta } from '../src/link/protocol.ts';
import { IncidentSession } from '../src/session/session.ts';
import { scenario } from './console/views.ts';

const POOL = scenario('pool-exhaustion-leak');
const MIN = 60_000;

const meta = (mode: string, limitMs: number | null = null): RunMeta => ({
  runId: 'run1',
  scenarioId: POOL.id,
  scenarioVersion: POOL.version,
  seed: POOL.seed,
  mode,
  limitMs,
  title: POOL.title,
});

const followed = (session: IncidentSession, mode = 'practice', limitMs: number | null = null) =>
  ({ meta: meta(mode, limitMs), session, link: 'inSync', speed: 1 }) satisfies Followed;

describe('the facilitator’s view', () => {
  it('ticks off the reference solution as the player does each step, and not before', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(3 * MIN);
    let view = facilitatorViewOf(followed(s));
    expect(view.answerKey.solution.map((x) => x.doneAt)).toEqual([null, null, null, null]);
    expect(view.answerKey.solution.at(-1)!.text).toMatch(/deployment\/api/);
    s.exec('kubectl rollout undo deployment/api');
    view = facilitatorViewOf(followed(s));
    expect(view.answerKey.solution.map((x) => x.doneAt)).toEqual([null, null, null, 3 * MIN]);
    expect(view.milestones.find((m) => m.name === 'mitigated')!.at).toBe(3 * MIN);
    expect(view.milestones.find((m) => m.name === 'resolved')!.at).toBeNull();
  });

  it('marks a wrong fix when the player takes it', () => {
    const s = new IncidentSession(POOL);
    const fix = POOL.answerKey.wrongFixes[0]!;
    expect(facilitatorViewOf(followed(s)).answerKey.wrongFixes[0]!.takenAt).toBeNull();
    s.advanceTo(5 * MIN);
    for (const a of fix.actions)
      expect(s.perform({ type: a.action, ...a.params }, 'panel')).toEqual({ ok: true });
    const view = facilitatorViewOf(followed(s));
    expect(view.answerKey.wrongFixes[0]).toEqual({
      id: fix.id,
      description: fix.harm.description,
      takenAt: 5 * MIN,
    });
  });

  it('shows clues revealed, injects sent, roles held and the countdown', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(MIN);
    s.perform({ type: 'revealClue', level: 1 }, 'facilitator');
    s.perform({ type: 'inject', event: 'secondAlert' }, 'facilitator');
    s.perform({ type: 'inject', event: 'secondAlert' }, 'facilitator');
    s.perform({ type: 'assignRole', role: 'commander', person: 'me' }, 'channel');
    const view = facilitatorViewOf(followed(s, 'interview', 30 * MIN));
    expect(view.clues.map((c) => c.revealedAt)).toEqual([MIN, null, null]);
    expect(view.injects.find((i) => i.id === 'secondAlert')!.sent).toBe(2);
    expect(view.injects.find((i) => i.id === 'executiveEta')!.sent).toBe(0);
    expect(view.roles['commander']).not.toBe('me');
    expect(view.clock.remainingMs).toBe(29 * MIN);
    expect(facilitatorViewOf(followed(s)).clock.remainingMs).toBeNull();
  });

  it('brings up each stage’s prompt when the story enters it, and the end’s at the end', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(3 * MIN);
    const before = facilitatorViewOf(followed(s)).prompts;
    expect(before.every((p) => p.reachedAt === null)).toBe(true);
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(30 * MIN);
    expect(s.ended).toBe(true);
    const recovering = s.run.stages.find((x) => x.stage === 'recovering')!.t;
    const prompts = facilitatorViewOf(followed(s)).prompts;
    expect(prompts.find((p) => p.stage === 'recovering')!.reachedAt).toBe(recovering);
    expect(prompts.find((p) => p.stage === 'outage')!.reachedAt).toBeNull();
    expect(prompts.filter((p) => p.stage === null).map((p) => p.reachedAt)).toEqual([
      s.run.ended!.t,
      s.run.ended!.t,
    ]);
  });

  it('credits activity to the role holder of the moment, in a classroom only', () => {
    const s = new IncidentSession(POOL);
    s.exec('kubectl get pods');
    s.perform({ type: 'assignRole', role: 'operations', person: 'secondary' }, 'facilitator');
    s.advanceTo(MIN);
    s.exec('kubectl top pods');
    s.perform({ type: 'inject', event: 'teammateOffline' }, 'facilitator');
    s.exec('kubectl get events');
    const lines = facilitatorViewOf(followed(s, 'classroom')).activity;
    const credit = (line: string) => {
      const a = lines.find((l) => l.text.includes(line))!;
      return [a.role, a.person];
    };
    expect(credit('Looked at pods')).toEqual([null, null]);
    expect(credit('Looked at resource-usage')).toEqual(['operations', 'Sam (secondary on-call)']);
    expect(credit('Looked at events')).toEqual([null, null]);
    const practice = facilitatorViewOf(followed(s)).activity;
    expect(practice.every((l) => l.role === null && l.person === null)).toBe(true);
  });
});

describe('the projector’s view', () => {
  function busyRun(): IncidentSession {
    const s = new IncidentSession(POOL);
    s.advanceTo(2 * MIN);
    s.perform({ type: 'facilitatorNote', text: 'Secret facilitator note' }, 'facilitator');
    s.perform({ type: 'inject', event: 'secondAlert' }, 'facilitator');
    s.perform({ type: 'decision', text: 'Roll back', role: 'commander' }, 'facilitator');
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(4 * MIN);
    return s;
  }

  it('holds nothing of the answer key, the stages or the facilitator’s notes', () => {
    const text = JSON.stringify(projectorViewOf(followed(busyRun(), 'classroom')));
    const key = POOL.answerKey;
    for (const secret of [
      key.rootCause,
      key.trigger,
      ...key.contributingFactors,
      ...key.redHerrings.map((r) => r.why),
      ...key.wrongFixes.map((w) => w.harm.description),
      ...Object.keys(POOL.machine.states).map((stage) => `"${stage}"`),
      'Secret facilitator note',
    ])
      expect(text).not.toContain(secret);
  });

  it('shows the latest stage’s prompt, the decisions, and the alerts firing', () => {
    const s = busyRun();
    const view = projectorViewOf(followed(s, 'classroom'));
    expect(view.prompt?.text).toBe(
      'What evidence told us it was safe to roll back before we understood the leak?',
    );
    expect(view.decisions).toEqual([{ t: 2 * MIN, text: 'Roll back', role: 'commander' }]);
    expect(view.firing.map((f) => f.name)).toContain('NodeFilesystemSpaceFillingUp');
    expect(view.feed.some((l) => l.actor === 'facilitator')).toBe(false);
  });
});
