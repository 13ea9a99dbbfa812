/**
 * The end of an incident in the browser: the postmortem of the session and the reference path
 * (the answer key's solution played headless on the same seed), built once. The postmortem's
 * code is loaded lazily, when the incident starts, so the game screen's first paint does not wait
 * for it; the scores of an abandoned run are read without the reference, synchronously, if the
 * code is there by then.
 */
import type * as PostmortemBuild from './postmortem/build.ts';
import type { Postmortem, ScoreKey } from './postmortem/model.ts';
import type { IncidentSession } from './session/session.ts';

type PostmortemModule = typeof PostmortemBuild;

export type ScoreFigures = Readonly<Partial<Record<ScoreKey, number | null>>>;

export interface DebriefBuilder {
  /** The postmortem with the reference path, built the first time it is asked for. */
  postmortem(): Promise<Postmortem>;
  /** The scores as figures for the history: from the built postmortem, or built now without the reference. */
  scoresNow(): ScoreFigures;
}

export function scoreFigures(postmortem: Postmortem): ScoreFigures {
  const out: Partial<Record<ScoreKey, number | null>> = {};
  for (const score of postmortem.scores) out[score.key] = score.value;
  return out;
}

export function createDebriefBuilder(session: IncidentSession, mode: string): DebriefBuilder {
  let module: PostmortemModule | null = null;
  const loading = import('./postmortem/build.ts').then((m) => (module = m));
  let built: Promise<Postmortem> | null = null;
  let figures: ScoreFigures | null = null;
  return {
    postmortem() {
      built ??= loading.then((m) => {
        const reference = m.referencePath(session.scenario, session.run.sim.state.seed);
        const postmortem = m.buildPostmortem(session, { mode, reference });
        figures = scoreFigures(postmortem);
        return postmortem;
      });
      return built;
    },
    scoresNow() {
      if (figures !== null) return figures;
      if (module === null) return {};
      return scoreFigures(module.buildPostmortem(session, { mode, reference: null }));
    },
  };
}
