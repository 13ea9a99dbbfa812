/**
 * The facilitated part of a run: the roles and who held them, the class's decisions, the
 * facilitator's notes, injects and clues, the player's own notes, and the discussion prompts of
 * the stages the story went through. Read straight from the session's record.
 */
import type { IncidentSession } from '../session/session.ts';
import { describeEvent, personName, upperFirst, word } from './describe.ts';
import type { Facilitation } from './model.ts';

export function facilitationOf(session: IncidentSession): Facilitation | undefined {
  const inc = session.incident;
  const hints = new Map(session.scenario.answerKey.hints.map((h) => [h.level, h.text]));
  const injects = [
    ...inc.injects.map((i) => ({
      t: i.t,
      text: describeEvent({ type: 'inject', event: i.event }, hints),
    })),
    ...inc.clues.map((c) => ({
      t: c.t,
      text: describeEvent({ type: 'revealClue', level: c.level }, hints),
    })),
  ].sort((a, b) => a.t - b.t);
  const facilitated =
    inc.decisions.length + inc.facilitatorNotes.length + inc.notes.length + injects.length > 0;
  if (!facilitated) return undefined;
  // The stages' prompts in the order the story reached them, then those for the end.
  const all = discussionPrompts(session);
  const prompts = [
    ...all
      .filter((p) => p.stage !== null && p.reachedAt !== null)
      .sort((a, b) => (a.reachedAt ?? 0) - (b.reachedAt ?? 0))
      .map((p) => ({ t: p.reachedAt, text: p.text })),
    ...all.filter((p) => p.stage === null).map((p) => ({ t: null, text: p.text })),
  ];
  return {
    roles: Object.entries(inc.roles).map(([role, person]) => ({
      role: upperFirst(word('postmortem.role', role)),
      person: personName(person),
    })),
    decisions: inc.decisions.map((d) => ({
      t: d.t,
      text: d.text,
      role: d.role === null ? null : word('postmortem.role', d.role),
    })),
    facilitatorNotes: inc.facilitatorNotes.map((n) => ({ ...n })),
    playerNotes: inc.notes.map((n) => ({ ...n })),
    injects,
    prompts,
  };
}

export interface DiscussionPrompt {
  /** The story stage it belongs to, or null for the end. */
  readonly stage: string | null;
  readonly text: string;
  /** When its stage began (the end, for the end's prompts); null if not reached. */
  readonly reachedAt: number | null;
}

/** The scenario's discussion prompts, each with the time the story reached it. */
export function discussionPrompts(session: IncidentSession): DiscussionPrompt[] {
  const reached = new Map<string, number>();
  for (const s of session.run.stages) if (!reached.has(s.stage)) reached.set(s.stage, s.t);
  const endedAt = session.run.ended?.t ?? null;
  return session.scenario.answerKey.discussionPrompts.map((p) =>
    typeof p === 'string'
      ? { stage: null, text: p, reachedAt: endedAt }
      : { stage: p.stage, text: p.text, reachedAt: reached.get(p.stage) ?? null },
  );
}
