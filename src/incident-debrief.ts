/**
 * The end of an incident in the browser: the postmortem of the session and the reference path
 * (the answer key's solution played headless on the same seed). The reference depends only on
 * the scenario and the seed, so it is played as soon as the incident starts, in a Web Worker
 * (`reference-worker.ts`) where there is one: the page never stalls for it, and the debrief is
 * ready the moment the story ends. The postmortem's code loads lazily, when the incident starts;
 * the scores of an abandoned run are read without the reference, if the code is there by then.
 */
import type * as PostmortemBuild from './postmortem/build.ts';
import type { Postmortem, ReferencePath, ScoreKey } from './postmortem/model.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import type { IncidentSession } from './session/session.ts';

type PostmortemModule = typeof PostmortemBuild;

export type ScoreFigures = Readonly<Partial<Record<ScoreKey, number | null>>>;

export interface DebriefBuilder {
  /** The postmortem with the reference path, built the first time it is asked for. */
  postmortem(): Promise<Postmortem>;
  /** The scores as figures for the history: from the built postmortem, or built now without the reference. */
  scoresNow(): ScoreFigures;
  /** Stops the worker if it is still playing the reference. */
  dispose(): void;
}

export function scoreFigures(postmortem: Postmortem): ScoreFigures {
  const out: Partial<Record<ScoreKey, number | null>> = {};
  for (const score of postmortem.scores) out[score.key] = score.value;
  return out;
}

type WorkerAnswer = { path: ReferencePath } | { error: string };

/** Plays the reference in a worker; null when this browser (or test) has no module workers. */
function referenceInWorker(
  scenario: ScenarioFile,
  seed: number,
): { path: Promise<ReferencePath>; stop(): void } | null {
  if (typeof Worker === 'undefined' || typeof URL === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./reference-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  const path = new Promise<ReferencePath>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if ('path' in event.data) resolve(event.data.path);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the reference worker failed'));
    };
  });
  worker.postMessage({ scenario, seed });
  return { path, stop: () => worker.terminate() };
}

export function createDebriefBuilder(session: IncidentSession, mode: string): DebriefBuilder {
  const scenario = session.scenario;
  const seed = session.run.sim.state.seed;
  let module: PostmortemModule | null = null;
  const loading = import('./postmortem/build.ts').then((m) => (module = m));
  const inWorker = referenceInWorker(scenario, seed);
  // Without a worker (or if it fails) the reference is played here, when the debrief needs it.
  const onPage = (): Promise<ReferencePath> => loading.then((m) => m.referencePath(scenario, seed));
  const reference = inWorker ? inWorker.path.catch(onPage) : null;
  // A rejection nobody waits for yet must not be reported as unhandled.
  void reference?.catch(() => {});
  let built: Promise<Postmortem> | null = null;
  let figures: ScoreFigures | null = null;
  return {
    postmortem() {
      built ??= Promise.all([loading, reference ?? onPage()]).then(([m, path]) => {
        const postmortem = m.buildPostmortem(session, { mode, reference: path });
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
    dispose() {
      inWorker?.stop();
    },
  };
}
