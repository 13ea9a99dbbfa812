/**
 * A Web Worker that plays the scenario's reference solution (a whole simulated incident, a few
 * hundred milliseconds of work) off the page's main thread, so the game never stalls for it.
 * It receives `{ scenario, seed }` and answers with the `ReferencePath`, or `{ error }`.
 */
import { referencePath } from './postmortem/reference.ts';
import type { ScenarioFile } from './scenario/schema.ts';

interface Request {
  readonly scenario: ScenarioFile;
  readonly seed: number;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  try {
    scope.postMessage({ path: referencePath(event.data.scenario, event.data.seed) });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
