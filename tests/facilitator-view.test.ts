/**
 * What the facilitator console and the projector view are handed (src/facilitator-view.ts), read
 * from real runs of the pool flagship driven as a room would drive them: console lines, panel
 * levers and the facilitator's own inputs. The facilitator's view follows the player's progress
 * against the answer key step by step; the projector's view must never carry the answer key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { facilitatorViewOf, projectorViewOf } from '../src/facilitator-view.ts';
import type { Followed } from '../src/facilitator-view.ts';
import { DEFAULT_LOCALE, setLocale, t } from '../src/i18n/index.ts';
import type { RunMeta } from '../src/link/protocol.ts';
import { DISTRACTION_ALERT, DISTRACTION_CLEARS_AFTER_MS } from '../src/session/injects.ts';
import { IncidentSession } from '../src/session/session.ts';
import { INJECT_EVENTS } from '../src/scenario/vocabulary.ts';
import type { ActivityView, ProjectorView } from '../src/ui/facilitator/model.ts';
import { scenario } from './console/views.ts';

const POOL = scenario('pool-exhaustion-leak');
const KEY = POOL.answerKey;
const MIN = 60_000;

const LOOK_AT_SESSIONS = `psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"`;
const TERMINATE = `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';"`;
const SET_TIMEOUT = `psql -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';"`;
const RELOAD = `psql -c "SELECT pg_reload_conf();"`;
const ROLL_BACK = 'kubectl rollout undo deployment/api';

function followed(
  session: IncidentSession,
  mode = 'classroom',
  limitMs: number | null = null,
  speed = 1,
): Followed {
  const meta: RunMeta = {
    runId: 'h4run1',
    scenarioId: POOL.id,
    scenarioVersion: POOL.version,
    seed: POOL.seed,
    mode,
    limitMs,
    title: POOL.title,
  };
  return { meta, session, link: 'inSync', speed };
}

const facilitator = (s: IncidentSession, mode = 'classroom', limitMs: number | null = null) =>
  facilitatorViewOf(followed(s, mode, limitMs));
const projector = (s: IncidentSession): ProjectorView => projectorViewOf(followed(s));

/** Performs a facilitator's input and insists it was accepted. */
function byFacilitator(s: IncidentSession, action: Record<string, unknown>): void {
  expect(s.perform(action, 'facilitator')).toEqual({ ok: true });
}

const stageAt = (s: IncidentSession, stage: string): number => {
  const entered = s.run.stages.find((x) => x.stage === stage);
  expect(entered, `the story entered ${stage}`).toBeDefined();
  return entered!.t;
};

afterEach(() => setLocale(DEFAULT_LOCALE));

describe('the facilitator’s answer key follows the player', () => {
  it('ticks each solution step when the player does an equivalent lever, and not before', () => {
    const s = new IncidentSession(POOL);
    const doneAt = () => facilitator(s).answerKey.solution.map((step) => step.doneAt);
    expect(facilitator(s).answerKey.solution.map((step) => step.text)).toEqual([
      'Terminate database sessions idle in transaction',
      'Set PostgreSQL’s idle_in_transaction_session_timeout to 30 s',
      'Reload PostgreSQL’s configuration',
      'Roll back deployment/api',
    ]);
    s.advanceTo(10 * MIN);
    // Looking is not doing, and near misses (another filter, another value) are other levers.
    s.exec(LOOK_AT_SESSIONS);
    s.exec(
      `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle';"`,
    );
    s.exec(`psql -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '60s';"`);
    expect(doneAt()).toEqual([null, null, null, null]);

    s.advanceTo(11 * MIN);
    s.exec(TERMINATE);
    expect(doneAt()).toEqual([11 * MIN, null, null, null]);
    s.advanceTo(12 * MIN);
    s.exec(SET_TIMEOUT);
    s.exec(RELOAD);
    expect(doneAt()).toEqual([11 * MIN, 12 * MIN, 12 * MIN, null]);
    // The same lever from a panel counts as from the console.
    s.advanceTo(13 * MIN);
    expect(s.perform({ type: 'rollback', deployment: 'api' }, 'panel')).toEqual({ ok: true });
    expect(doneAt()).toEqual([11 * MIN, 12 * MIN, 12 * MIN, 13 * MIN]);
    // Doing a step again later does not move its tick.
    s.advanceTo(14 * MIN);
    s.exec(TERMINATE);
    expect(doneAt()[0]).toBe(11 * MIN);
  });

  it('marks each wrong fix with the first time the player took it', () => {
    const s = new IncidentSession(POOL);
    const takenAt = () =>
      Object.fromEntries(facilitator(s).answerKey.wrongFixes.map((w) => [w.id, w.takenAt]));
    s.advanceTo(10 * MIN);
    expect(takenAt()).toEqual({ 'raise-pool': null, 'restart-api': null });
    s.exec('kubectl rollout restart deployment/api');
    expect(takenAt()).toEqual({ 'raise-pool': null, 'restart-api': 10 * MIN });
    s.advanceTo(11 * MIN);
    expect(s.perform({ type: 'setPoolSize', maxConns: 20 }, 'panel')).toEqual({ ok: true });
    s.exec('kubectl rollout restart deployment/api');
    expect(takenAt()).toEqual({ 'raise-pool': 11 * MIN, 'restart-api': 10 * MIN });
    const harm = facilitator(s).answerKey.wrongFixes.map((w) => w.description);
    expect(harm).toEqual(KEY.wrongFixes.map((w) => w.harm.description));
  });

  it('times the milestones as the story reaches them', () => {
    const s = new IncidentSession(POOL);
    const at = () => Object.fromEntries(facilitator(s).milestones.map((m) => [m.name, m.at]));
    s.advanceTo(9 * MIN);
    expect(at()).toEqual({ detected: null, diagnosed: null, mitigated: null, resolved: null });
    s.advanceTo(10 * MIN);
    const detected = stageAt(s, 'outage');
    expect(at()).toEqual({ detected, diagnosed: null, mitigated: null, resolved: null });
    s.advanceTo(10.5 * MIN);
    s.exec(LOOK_AT_SESSIONS);
    expect(at()['diagnosed']).toBe(10.5 * MIN);
    s.advanceTo(12 * MIN);
    s.exec(ROLL_BACK);
    expect(at()['mitigated']).toBe(12 * MIN);
    expect(at()['resolved']).toBeNull();
    s.advanceTo(45 * MIN);
    expect(s.run.ended?.outcome).toBe('resolved');
    expect(at()).toEqual({
      detected,
      diagnosed: 10.5 * MIN,
      mitigated: 12 * MIN,
      resolved: s.run.ended!.t,
    });
    expect(facilitator(s).ended).toEqual({ outcome: 'resolved' });
  });

  it('shows a clue as revealed from the moment the facilitator reveals it, once', () => {
    const s = new IncidentSession(POOL);
    const revealedAt = () => facilitator(s).clues.map((c) => c.revealedAt);
    expect(facilitator(s).clues).toEqual(
      KEY.hints.map((h) => ({ level: h.level, text: h.text, revealedAt: null })),
    );
    s.advanceTo(4 * MIN);
    byFacilitator(s, { type: 'revealClue', level: 2 });
    expect(revealedAt()).toEqual([null, 4 * MIN, null]);
    s.advanceTo(6 * MIN);
    byFacilitator(s, { type: 'revealClue', level: 2 });
    byFacilitator(s, { type: 'revealClue', level: 3 });
    expect(revealedAt()).toEqual([null, 4 * MIN, 6 * MIN]);
  });

  it('counts a hint the story offered as the clue of its level, except in an interview', () => {
    const offered = (mode: string) => {
      const s = new IncidentSession(POOL);
      while (!s.run.timeline.some((e) => e.kind === 'hint') && s.t < 30 * MIN) s.step();
      const hint = s.run.timeline.find((e) => e.kind === 'hint')!;
      expect(hint.kind === 'hint' && hint.by).toBeUndefined();
      return { at: hint.t, clues: facilitator(s, mode).clues.map((c) => c.revealedAt) };
    };
    // The story words its hint its own way; it is still the level-1 clue the player has read.
    const practice = offered('classroom');
    expect(practice.clues).toEqual([practice.at, null, null]);
    // An interview hides the story's hints: nothing is revealed until the interviewer says so.
    expect(offered('interview').clues).toEqual([null, null, null]);
  });

  it('counts each inject sent, in the library’s order', () => {
    const s = new IncidentSession(POOL);
    expect(facilitator(s).injects).toEqual(INJECT_EVENTS.map((id) => ({ id, sent: 0 })));
    s.advanceTo(2 * MIN);
    byFacilitator(s, { type: 'inject', event: 'partnerReport' });
    byFacilitator(s, { type: 'inject', event: 'secondAlert' });
    s.advanceTo(3 * MIN);
    byFacilitator(s, { type: 'inject', event: 'partnerReport' });
    const sent = Object.fromEntries(facilitator(s).injects.map((i) => [i.id, i.sent]));
    expect(sent).toEqual({ partnerReport: 2, executiveEta: 0, teammateOffline: 0, secondAlert: 1 });
  });

  it('names who holds each role, the player in the catalogue’s words', () => {
    const s = new IncidentSession(POOL);
    expect(facilitator(s).roles).toEqual({});
    byFacilitator(s, { type: 'assignRole', role: 'commander', person: 'me' });
    byFacilitator(s, { type: 'assignRole', role: 'operations', person: 'secondary' });
    expect(s.perform({ type: 'assignRole', role: 'scribe', person: 'Ana' }, 'channel')).toEqual({
      ok: true,
    });
    expect(facilitator(s).roles).toEqual({
      commander: 'me (the on-call engineer)',
      operations: 'Sam (secondary on-call)',
      scribe: 'Ana',
    });
    expect(facilitator(s).roles['commander']).toBe(t('postmortem.person.me'));
    setLocale('zh-CN');
    expect(facilitator(s).roles['commander']).toBe(t('postmortem.person.me'));
    expect(facilitator(s).roles['commander']).not.toBe('me (the on-call engineer)');
  });

  it('counts the interview’s countdown down from the limit, and never below zero', () => {
    const s = new IncidentSession(POOL);
    expect(facilitator(s, 'interview', 30 * MIN).clock.remainingMs).toBe(30 * MIN);
    s.advanceTo(12.5 * MIN);
    const clock = facilitator(s, 'interview', 30 * MIN).clock;
    expect(clock).toEqual({
      utc: '14:12:30',
      elapsedMs: 12.5 * MIN,
      speed: 1,
      remainingMs: 17.5 * MIN,
    });
    expect(facilitator(s, 'practice').clock.remainingMs).toBeNull();
    expect(facilitator(s, 'classroom').clock.remainingMs).toBeNull();
    s.advanceTo(31 * MIN);
    expect(s.ended).toBe(false);
    expect(facilitator(s, 'interview', 30 * MIN).clock.remainingMs).toBe(0);
  });

  it('shows the clock stopped once the run has ended, whatever the speed', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(5 * MIN);
    expect(facilitatorViewOf(followed(s, 'classroom', null, 4)).clock.speed).toBe(4);
    s.exec(ROLL_BACK);
    s.advanceTo(45 * MIN);
    expect(s.ended).toBe(true);
    expect(facilitatorViewOf(followed(s, 'classroom', null, 4)).clock.speed).toBe(0);
  });

  it('brings up a stage’s prompt when the story enters that stage, the end’s at the end', () => {
    const s = new IncidentSession(POOL);
    const reached = () =>
      facilitator(s).prompts.map((p) => [p.stage, p.text, p.reachedAt] as const);
    const [outage, recovering, ...end] = KEY.discussionPrompts;
    expect(typeof outage === 'object' && outage.stage).toBe('outage');
    expect(typeof recovering === 'object' && recovering.stage).toBe('recovering');
    expect(end.every((p) => typeof p === 'string')).toBe(true);
    const texts = KEY.discussionPrompts.map((p) => (typeof p === 'string' ? p : p.text));

    s.advanceTo(9 * MIN);
    expect(s.run.state).toBe('leaking');
    expect(reached().map(([, , at]) => at)).toEqual([null, null, null, null]);
    s.advanceTo(11 * MIN);
    const outageAt = stageAt(s, 'outage');
    expect(outageAt).toBeGreaterThan(9 * MIN);
    expect(reached()).toEqual([
      ['outage', texts[0], outageAt],
      ['recovering', texts[1], null],
      [null, texts[2], null],
      [null, texts[3], null],
    ]);
    s.exec(ROLL_BACK);
    s.advanceTo(12 * MIN);
    expect(stageAt(s, 'recovering')).toBe(11 * MIN);
    expect(reached().map(([, , at]) => at)).toEqual([outageAt, 11 * MIN, null, null]);
    s.advanceTo(45 * MIN);
    const endedAt = s.run.ended!.t;
    expect(reached().map(([, , at]) => at)).toEqual([outageAt, 11 * MIN, endedAt, endedAt]);
  });
});

describe('the facilitator’s activity credits the role holder of the moment', () => {
  /**
   * A classroom: a look before any role is handed out, then the commander (the player) and the
   * operations lead (Ana) act; the operations lead changes hands to Bo; Bo goes offline (the
   * teammate-offline inject) and the operations role falls free while the commander keeps hers.
   */
  function classroomRun(): IncidentSession {
    const s = new IncidentSession(POOL);
    s.exec('kubectl get pods');
    s.advanceTo(30_000);
    byFacilitator(s, { type: 'assignRole', role: 'commander', person: 'me' });
    byFacilitator(s, { type: 'assignRole', role: 'operations', person: 'Ana' });
    s.advanceTo(MIN);
    s.exec('kubectl top pods');
    expect(
      s.perform({ type: 'declareIncident', severity: 'SEV2', title: 'Checkout errors' }, 'channel'),
    ).toEqual({ ok: true });
    s.advanceTo(2 * MIN);
    byFacilitator(s, { type: 'assignRole', role: 'operations', person: 'Bo' });
    s.exec('kubectl get deployments');
    s.advanceTo(3 * MIN);
    byFacilitator(s, { type: 'inject', event: 'teammateOffline' });
    s.exec('kubectl get events');
    // The commander was not the one who went offline: she still hands out roles as herself.
    expect(
      s.perform({ type: 'assignRole', role: 'communications', person: 'Cy' }, 'channel'),
    ).toEqual({ ok: true });
    return s;
  }

  const creditOf = (lines: readonly ActivityView[], text: string) => {
    const line = lines.find((l) => l.text === text);
    expect(line, `a line "${text}"`).toBeDefined();
    return { role: line!.role, person: line!.person };
  };

  it('in a classroom, from the assignment on, and not after the holder went offline', () => {
    const s = classroomRun();
    expect(s.incident.roles).toEqual({ commander: 'me', communications: 'Cy' });
    const lines = facilitator(s, 'classroom').activity;
    expect(creditOf(lines, 'Looked at pods (prod)')).toEqual({ role: null, person: null });
    // Handing out the commander's role is not done by a commander yet.
    expect(creditOf(lines, 'Made me (the on-call engineer) incident commander')).toEqual({
      role: null,
      person: null,
    });
    expect(creditOf(lines, 'Looked at resource-usage (prod)')).toEqual({
      role: 'operations',
      person: 'Ana',
    });
    expect(creditOf(lines, 'Declared a SEV2 incident: “Checkout errors”')).toEqual({
      role: 'commander',
      person: 'me (the on-call engineer)',
    });
    expect(creditOf(lines, 'Looked at deployments (prod)')).toEqual({
      role: 'operations',
      person: 'Bo',
    });
    expect(creditOf(lines, 'Looked at events (prod)')).toEqual({ role: null, person: null });
    expect(creditOf(lines, 'Made Cy communications lead')).toEqual({
      role: 'commander',
      person: 'me (the on-call engineer)',
    });
  });

  it('never in practice or in an interview', () => {
    const s = classroomRun();
    for (const mode of ['practice', 'interview']) {
      const lines = facilitator(s, mode, mode === 'interview' ? 30 * MIN : null).activity;
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.filter((l) => l.role !== null || l.person !== null)).toEqual([]);
    }
  });
});

describe('the projector’s view', () => {
  /** Every string in a value, keys and all. */
  const stringsOf = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(stringsOf)
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)])
          : [];

  const SECRETS = [
    KEY.rootCause,
    KEY.trigger,
    ...KEY.contributingFactors,
    ...KEY.redHerrings.flatMap((r) => [r.signal, r.why]),
    ...KEY.wrongFixes.flatMap((w) => [w.id, w.harm.description]),
  ];

  /** No answer key anywhere, and no stage name as a value (`ended.outcome` is the end's word). */
  function expectNoAnswerKey(view: ProjectorView, unrevealedClues: readonly string[]): void {
    const text = JSON.stringify(view);
    for (const secret of [...SECRETS, ...unrevealedClues]) expect(text).not.toContain(secret);
    const stages = new Set(Object.keys(POOL.machine.states));
    expect(stringsOf({ ...view, ended: null }).filter((v) => stages.has(v))).toEqual([]);
    expect(view.prompt?.stage ?? null).toBeNull();
  }

  it('holds no answer key text at any moment of a run, to its end', () => {
    const s = new IncidentSession(POOL);
    const clues = KEY.hints.map((h) => h.text);
    expectNoAnswerKey(projector(s), clues);
    s.advanceTo(10 * MIN);
    byFacilitator(s, { type: 'facilitatorNote', text: 'They have not looked at Redis yet' });
    expectNoAnswerKey(projector(s), clues);
    s.exec('kubectl rollout restart deployment/api');
    s.advanceTo(11 * MIN);
    s.exec(ROLL_BACK);
    s.advanceTo(13 * MIN);
    expectNoAnswerKey(projector(s), clues);
    s.advanceTo(45 * MIN);
    expect(s.ended).toBe(true);
    const end = projector(s);
    expect(end.ended).toEqual({ outcome: 'resolved' });
    expectNoAnswerKey(end, clues);
    expect(JSON.stringify(end)).not.toContain('They have not looked at Redis yet');
  });

  it('shows the prompt of the stage reached last, none before the first', () => {
    const s = new IncidentSession(POOL);
    const prompts = KEY.discussionPrompts.map((p) => (typeof p === 'string' ? p : p.text));
    s.advanceTo(9 * MIN);
    expect(projector(s).prompt).toBeNull();
    s.advanceTo(10 * MIN);
    const outageAt = stageAt(s, 'outage');
    expect(projector(s).prompt).toEqual({ stage: null, text: prompts[0], reachedAt: outageAt });
    s.exec(ROLL_BACK);
    s.advanceTo(10.5 * MIN);
    expect(projector(s).prompt).toEqual({ stage: null, text: prompts[1], reachedAt: 10 * MIN });
    s.advanceTo(45 * MIN);
    const atEnd = projector(s).prompt;
    expect(atEnd?.reachedAt).toBe(s.run.ended!.t);
    // The first of the end's prompts.
    expect(atEnd?.text).toBe(prompts[2]);
  });

  it('lists the alerts the pager has firing, an injected second alert among them', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(2 * MIN);
    expect(projector(s).firing).toEqual([]);
    byFacilitator(s, { type: 'inject', event: 'secondAlert' });
    s.step();
    const distraction = {
      name: DISTRACTION_ALERT.name,
      severity: DISTRACTION_ALERT.severity,
      summary: DISTRACTION_ALERT.summary,
    };
    expect(projector(s).firing).toEqual([distraction]);
    // Acknowledged is still firing; the story's own alerts join it.
    expect(s.perform({ type: 'acknowledgeAlert', alert: DISTRACTION_ALERT.name }, 'panel')).toEqual(
      { ok: true },
    );
    s.advanceTo(10 * MIN);
    const firing = projector(s).firing;
    expect(firing).toContainEqual(distraction);
    expect(firing.map((f) => f.name)).toContain('RedisLatencyHigh');
    const pager = s.pager.alerts().filter((p) => p.state !== 'resolved');
    expect(firing.map((f) => f.name)).toEqual(pager.map((p) => p.name));
    // The log rotation frees the disk: the page resolves and leaves the room's screen.
    s.advanceTo(2 * MIN + DISTRACTION_CLEARS_AFTER_MS + 2_000);
    expect(projector(s).firing.map((f) => f.name)).not.toContain(DISTRACTION_ALERT.name);
  });

  it('keeps the facilitator’s own lines out of its feed, and shows what the room saw', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(5 * MIN);
    s.exec('kubectl get pods');
    byFacilitator(s, { type: 'decision', text: 'Look at the pools first', role: 'commander' });
    byFacilitator(s, { type: 'inject', event: 'executiveEta' });
    byFacilitator(s, { type: 'revealClue', level: 1 });
    byFacilitator(s, { type: 'assignRole', role: 'scribe', person: 'Ana' });
    byFacilitator(s, { type: 'facilitatorNote', text: 'Quiet room, prompt them' });
    const full = facilitator(s).activity;
    // The facilitator's lines are the newest: a feed that kept them would show them.
    expect(full.slice(-2).map((l) => l.actor)).toEqual(['facilitator', 'facilitator']);
    const feed = projector(s).feed;
    expect(feed.length).toBeGreaterThan(0);
    expect(feed.filter((l) => l.actor === 'facilitator')).toEqual([]);
    const texts = feed.map((l) => l.text).join('\n');
    expect(texts).not.toContain('Quiet room, prompt them');
    // What the players saw stays: the executive's question, the revealed clue, the decision.
    expect(feed.some((l) => l.actor === 'team' && l.text.includes(':'))).toBe(true);
    expect(texts).toContain(KEY.hints[0]!.text);
    expect(texts).toContain('Look at the pools first');
    expect(projector(s).decisions).toEqual([
      { t: 5 * MIN, text: 'Look at the pools first', role: 'commander' },
    ]);
  });
});
