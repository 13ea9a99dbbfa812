/**
 * The facilitated part of a run: the roles and who held them, the class's decisions, the
 * facilitator's notes, injects and clues, the player's own notes, and the discussion prompts of
 * the stages the story went through. Read straight from the session's record.
 */
import type { IncidentSession } from '../session/session.ts';
import { describeEvent, personName, word } from './describe.ts';
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
  const reached = new Map<string, number>();
  for (const s of session.run.stages) if (!reached.has(s.stage)) reached.set(s.stage, s.t);
  const prompts: { t: number | null; text: string }[] = [];
  for (const p of session.scenario.answerKey.discussionPrompts) {
    if (typeof p === 'string') continue;
    const t = reached.get(p.stage);
    if (t !== undefined) prompts.push({ t, text: p.text });
  }
  prompts.sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
  for (const p of session.scenario.answerKey.discussionPrompts)
    if (typeof p === 'string') prompts.push({ t: null, text: p });
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

/** "incident commander" as a table cell: "Incident commander". */
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
