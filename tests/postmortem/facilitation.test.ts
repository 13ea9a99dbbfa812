/**
 * The facilitated part of the postmortem, from real runs of the pool flagship: roles and who held
 * them, the class's decisions, the facilitator's notes, injects and clues, the player's notes and
 * the prompts of the stages the story went through; classroom timelines credit each action to
 * the role that owns it, and only while someone holds it.
 */
import { describe, expect, it } from 'vitest';
import { buildPostmortem } from '../../src/postmortem/build.ts';
import { postmortemMarkdown, postmortemSections } from '../../src/postmortem/markdown.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { scenario } from '../console/views.ts';
import { allTokens, lex, shownText, tables } from './markdown-tokens.ts';

const POOL = scenario('pool-exhaustion-leak');
const MIN = 60_000;

/** A classroom run: roles, a decision, a look, a rollback, injects, a clue, notes; then the end. */
function classRun(): IncidentSession {
  const s = new IncidentSession(POOL);
  s.perform({ type: 'assignRole', role: 'commander', person: 'Ana' }, 'facilitator');
  s.advanceTo(2 * MIN);
  // Before anyone holds operations: not credited.
  s.exec('kubectl get pods');
  s.perform({ type: 'assignRole', role: 'operations', person: 'Ben' }, 'facilitator');
  s.exec('psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state;"');
  s.perform({ type: 'note', text: 'Pool first, then the database.' }, 'panel');
  s.perform(
    { type: 'decision', text: 'Roll back <img src=x onerror=alert(1)> now', role: 'commander' },
    'facilitator',
  );
  s.perform({ type: 'inject', event: 'executiveEta' }, 'facilitator');
  s.perform({ type: 'revealClue', level: 1 }, 'facilitator');
  s.perform({ type: 'facilitatorNote', text: 'Good: looked before acting.' }, 'facilitator');
  s.exec('kubectl rollout undo deployment/api');
  s.advanceTo(30 * MIN);
  return s;
}

const build = (s: IncidentSession, mode: string) => buildPostmortem(s, { mode, reference: null });

describe('the facilitation section', () => {
  it('is absent from a run nobody facilitated', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(3 * MIN);
    s.exec('kubectl rollout undo deployment/api');
    s.advanceTo(20 * MIN);
    const pm = build(s, 'practice');
    expect(pm.facilitation).toBeUndefined();
    expect(postmortemSections(pm).map((x) => x.id)).not.toContain('facilitation');
  });

  it('keeps roles, decisions, notes, injects, clues and the prompts of the stages reached', () => {
    const s = classRun();
    expect(s.ended).toBe(true);
    const f = build(s, 'classroom').facilitation!;
    expect(f.roles).toEqual([
      { role: 'Incident commander', person: 'Ana' },
      { role: 'Operations lead', person: 'Ben' },
    ]);
    expect(f.decisions).toEqual([
      {
        t: 2 * MIN,
        text: 'Roll back <img src=x onerror=alert(1)> now',
        role: 'incident commander',
      },
    ]);
    expect(f.facilitatorNotes).toEqual([{ t: 2 * MIN, text: 'Good: looked before acting.' }]);
    expect(f.playerNotes).toEqual([{ t: 2 * MIN, text: 'Pool first, then the database.' }]);
    expect(f.injects.map((i) => i.text)).toEqual([
      'Facilitator injected: an executive asks for an ETA',
      `Facilitator revealed clue 1: “${POOL.answerKey.hints.find((h) => h.level === 1)!.text}”`,
    ]);
    // The rollback came before the outage: the story went calm → leaking → recovering → resolved.
    const stages = s.run.stages.map((x) => x.stage);
    expect(stages).toContain('recovering');
    expect(stages).not.toContain('outage');
    const recovering = s.run.stages.find((x) => x.stage === 'recovering')!.t;
    const ends = POOL.answerKey.discussionPrompts.filter((p) => typeof p === 'string');
    expect(f.prompts).toEqual([
      {
        t: recovering,
        text: 'What evidence told us it was safe to roll back before we understood the leak?',
      },
      ...ends.map((text) => ({ t: null, text })),
    ]);
  });

  it('is a Markdown section of its own, with the player’s text shown literally', () => {
    const md = postmortemMarkdown(build(classRun(), 'classroom'));
    const tokens = lex(md);
    const all = allTokens(tokens);
    expect(all.some((tok) => tok.type === 'html' || tok.type === 'link')).toBe(false);
    expect(md).toContain('## Facilitation, roles and decisions');
    const roles = tables(tokens).find((tb) => shownText(tb.header[0]!.tokens) === 'Role')!;
    expect(roles.rows.map((r) => r.map((c) => shownText(c.tokens)))).toEqual([
      ['Incident commander', 'Ana'],
      ['Operations lead', 'Ben'],
    ]);
    const decision = all.find(
      (tok) => tok.type === 'list_item' && tok.raw.includes('Roll back'),
    ) as { tokens: Parameters<typeof shownText>[0] };
    expect(shownText(decision.tokens)).toContain(
      'Roll back <img src=x onerror=alert(1)> now (incident commander)',
    );
  });
});

describe('credit in a classroom timeline', () => {
  it('goes to whoever held the role at the time, and only in a classroom', () => {
    const s = classRun();
    const items = build(s, 'classroom').timeline;
    const credited = (text: RegExp) => items.find((i) => text.test(i.text))?.credit;
    expect(credited(/^Ran `kubectl get pods`|kubectl get pods/)).toBeUndefined();
    expect(credited(/pg_stat_activity/)).toEqual({ role: 'operations', person: 'Ben' });
    expect(credited(/^Rolled back deployment\/api/)).toEqual({
      role: 'operations',
      person: 'Ben',
    });
    expect(credited(/^Decided/)).toEqual({ role: 'commander', person: 'Ana' });
    // A facilitator's own actions are nobody's role.
    expect(credited(/^Facilitator/)).toBeUndefined();
    expect(build(s, 'practice').timeline.some((i) => i.credit !== undefined)).toBe(false);
    expect(postmortemMarkdown(build(s, 'classroom'))).toContain(
      'Rolled back deployment/api · operations lead: Ben',
    );
  });

  it('stops when the holder goes offline (an inject frees their roles)', () => {
    const s = new IncidentSession(POOL);
    s.perform({ type: 'assignRole', role: 'operations', person: 'secondary' }, 'facilitator');
    s.advanceTo(MIN);
    s.exec('kubectl get pods');
    s.perform({ type: 'inject', event: 'teammateOffline' }, 'facilitator');
    s.advanceTo(2 * MIN);
    s.exec('kubectl top pods');
    const items = build(s, 'classroom').timeline;
    const byLine = (line: string) =>
      items.find((i) => i.evidence.some((e) => e.kind === 'command' && e.line === line))!;
    const get = byLine('kubectl get pods');
    const top = byLine('kubectl top pods');
    expect(get.credit).toEqual({ role: 'operations', person: 'secondary' });
    expect(top.credit).toBeUndefined();
  });
});
