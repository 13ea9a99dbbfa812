/**
 * Reading the scenario's answer key against what the player did: which levers are its wrong
 * fixes or part of its solution, and which hypotheses name the cause.
 */
import type { PlayerRecord } from '../scenario/runner.ts';
import type { ScenarioFile } from '../scenario/schema.ts';

export type AnswerKey = ScenarioFile['answerKey'];
export type WrongFix = AnswerKey['wrongFixes'][number];
type TimedAction = AnswerKey['solution'][number];

/**
 * Whether an action is the timed action of the answer key: the same type, and every param the key
 * names has the same value (compared as JSON, as the story's `playerDid` guard does).
 */
export function sameAction(expected: TimedAction, actual: PlayerRecord): boolean {
  if (expected.action !== actual.type) return false;
  return Object.entries(expected.params ?? {}).every(
    ([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v),
  );
}

/** The wrong fix a lever is one of, or null. */
export function wrongFixOf(key: AnswerKey, action: PlayerRecord): WrongFix | null {
  return key.wrongFixes.find((w) => w.actions.some((a) => sameAction(a, action))) ?? null;
}

/** Whether a lever is one of the solution's steps. */
export function inSolution(key: AnswerKey, action: PlayerRecord): boolean {
  return key.solution.some((a) => sameAction(a, action));
}

/**
 * Whether a hypothesis names the cause: it contains every word (or phrase) of one group of the
 * answer key's `hypothesisKeywords`, ignoring case. Without keywords nothing matches (the story's
 * `diagnosed` milestone is then the only diagnosis).
 */
export function namesCause(key: AnswerKey, text: string): boolean {
  const lower = text.toLowerCase();
  return (key.hypothesisKeywords ?? []).some((group) =>
    group.every((w) => lower.includes(w.toLowerCase())),
  );
}
