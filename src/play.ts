/**
 * Practice mode: the scenario chooser, then the incident. Loaded when the player presses Start;
 * the chooser paints at once, and the scenario files and the incident's code load behind it.
 */
import { loadHistory, recordAttempt } from './attempt-history.ts';
import { t } from './i18n/index.ts';
import type { startIncident } from './incident.ts';
import { summarise } from './shared/attempts.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import { mountScenarioChooser } from './ui/scenario-chooser.ts';

export interface PracticeOptions {
  /** The player asked to go back to the title screen; the owner calls the returned function. */
  onExit(): void;
}

/** `?seed=N` plays another variant of a scenario, reproducibly (an instructor can share it). */
function seedFromUrl(): number | null {
  const value = new URLSearchParams(location.search).get('seed');
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/** Mounts practice mode into `root`; returns a function that takes it down (safe to call twice). */
export function openPractice(root: HTMLElement, options: PracticeOptions): () => void {
  let active = true;
  let dispose: () => void = () => {};
  const catalogue = import('./scenario-catalogue.ts').then(({ loadCatalogue }) => loadCatalogue());
  // The incident's code loads while the player reads the list.
  const incident = import('./incident.ts');

  const play = (entry: CatalogueEntry, start: typeof startIncident): void => {
    const seed = seedFromUrl() ?? entry.seed;
    const scenario = entry.scenarioFor(seed);
    dispose = start(root, {
      scenario,
      seed,
      onExit: options.onExit,
      onAttempt: (attempt) =>
        recordAttempt({
          scenarioId: scenario.id,
          scenarioVersion: scenario.version,
          seed,
          mode: 'practice',
          endedAt: new Date().toISOString(),
          ...attempt,
        }),
    });
  };

  const chooser = mountScenarioChooser(root, {
    onBack: options.onExit,
    onPick: (id) => {
      Promise.all([catalogue, incident]).then(
        ([entries, { startIncident }]) => {
          const entry = entries.find((e) => e.card.id === id);
          if (!active || !entry) return;
          chooser.destroy();
          play(entry, startIncident);
        },
        (error: unknown) => {
          console.error(error);
          chooser.fail();
        },
      );
    },
  });
  dispose = () => chooser.destroy();

  const history = loadHistory();
  if (history.problem) {
    chooser.notice(
      t('chooser.history.unreadable', {
        detail: history.problem.detail,
        key: history.problem.keptAs,
      }),
    );
  }
  catalogue.then(
    (entries) =>
      chooser.show(
        entries.map((e) => ({ ...e.card, history: summarise(history.attempts, e.card.id) })),
      ),
    (error: unknown) => {
      console.error(error);
      chooser.fail();
    },
  );

  return () => {
    if (!active) return;
    active = false;
    dispose();
  };
}
