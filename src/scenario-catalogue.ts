/**
 * The scenarios bundled with the game (scenarios/*.yaml). Each file is its own small chunk,
 * fetched when the chooser opens, and checked by the same loader as `npm run drill -- check`.
 * This module pulls in the loader (yaml, zod), so only lazily loaded code imports it.
 */
import { formatError, loadScenario, variantFor } from './scenario/load.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import type { ScenarioCard } from './ui/scenario-chooser.ts';

const FILES = import.meta.glob<string>('/scenarios/*.yaml', { query: '?raw', import: 'default' });

const LEVEL: Readonly<Record<string, number>> = { intro: 1, intermediate: 2, advanced: 3 };

export interface CatalogueEntry {
  readonly card: ScenarioCard;
  /** The scenario's own seed: the same incident every time unless another seed is asked for. */
  readonly seed: number;
  /** The scenario with the seed's variant filled in: what a session must play. */
  scenarioFor(seed: number): ScenarioFile;
}

/** Every bundled scenario that loads cleanly, easiest first; broken files are reported and left out. */
export async function loadCatalogue(files = FILES): Promise<CatalogueEntry[]> {
  const loaded = await Promise.all(
    Object.entries(files).map(async ([path, read]): Promise<CatalogueEntry | null> => {
      const file = path.replace(/^\//, '');
      const result = loadScenario(file, await read());
      if (!result.ok) {
        console.error(
          `On-Call Drill: ${file} has errors:\n${result.errors.map(formatError).join('\n')}`,
        );
        return null;
      }
      const s = result.scenario;
      return {
        card: {
          id: s.id,
          title: s.title,
          // The summary names the cause: the library shows the symptoms only.
          summary: s.teaser ?? s.briefing.situation,
          difficulty: s.difficulty,
          estimatedMinutes: s.estimatedMinutes,
          tags: s.tags,
        },
        seed: s.seed,
        scenarioFor: (seed) => variantFor(result, seed),
      };
    }),
  );
  return loaded
    .filter((entry): entry is CatalogueEntry => entry !== null)
    .sort(
      (a, b) =>
        (LEVEL[a.card.difficulty] ?? 9) - (LEVEL[b.card.difficulty] ?? 9) ||
        a.card.estimatedMinutes - b.card.estimatedMinutes ||
        a.card.id.localeCompare(b.card.id),
    );
}
