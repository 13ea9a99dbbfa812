/**
 * The library's scenarios: those bundled with the game (scenarios/*.yaml), then the player's
 * imported ones (src/scenario-imports.ts), each card marked with where it came from. Each bundled
 * file is its own small chunk, fetched when the chooser opens, and checked by the same loader as
 * `npm run drill -- check`. This module pulls in the loader (yaml, zod), so only lazily loaded
 * code imports it.
 */
import { formatError, loadScenario, variantFor } from './scenario/load.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import type { ImportedScenario } from './scenario-imports.ts';
import type { ScenarioCard } from './ui/scenario-chooser.ts';

type Files = Readonly<Record<string, () => Promise<string>>>;

const FILES: Files = import.meta.glob<string>('/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
});

const LEVEL: Readonly<Record<string, number>> = { intro: 1, intermediate: 2, advanced: 3 };

export interface CatalogueEntry {
  readonly card: ScenarioCard;
  /** The scenario's own seed: the same incident every time unless another seed is asked for. */
  readonly seed: number;
  /** The scenario with the seed's variant filled in: what a session must play. */
  scenarioFor(seed: number): ScenarioFile;
}

/**
 * The player's imported scenarios that may join, given the bundled ids (an import may not take
 * one): `loadImports(ids).scenarios` of src/scenario-imports.ts.
 */
export type ImportedSource = (bundledIds: ReadonlySet<string>) => readonly ImportedScenario[];

/** What the library shows of a scenario. */
function cardOf(s: ScenarioFile): ScenarioCard {
  return {
    id: s.id,
    title: s.title,
    // The summary names the cause: the library shows the symptoms only.
    summary: s.teaser ?? s.briefing.situation,
    difficulty: s.difficulty,
    estimatedMinutes: s.estimatedMinutes,
    tags: s.tags,
  };
}

const easiestFirst = (a: CatalogueEntry, b: CatalogueEntry): number =>
  (LEVEL[a.card.difficulty] ?? 9) - (LEVEL[b.card.difficulty] ?? 9) ||
  a.card.estimatedMinutes - b.card.estimatedMinutes ||
  a.card.id.localeCompare(b.card.id);

/** Bundled files are parsed once per page: the library is rebuilt after every import. */
const bundledCache = new WeakMap<Files, Promise<CatalogueEntry[]>>();

/** Every bundled scenario that loads cleanly, easiest first; broken files are reported and left out. */
function loadBundled(files: Files): Promise<CatalogueEntry[]> {
  const cached = bundledCache.get(files);
  if (cached) return cached;
  const loading = Promise.all(
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
        card: { ...cardOf(s), source: 'bundled' },
        seed: s.seed,
        scenarioFor: (seed) => variantFor(result, seed),
      };
    }),
  ).then((loaded) =>
    loaded.filter((entry): entry is CatalogueEntry => entry !== null).sort(easiestFirst),
  );
  bundledCache.set(files, loading);
  // A chunk that failed to load may load next time.
  loading.catch(() => bundledCache.delete(files));
  return loading;
}

/** An imported scenario as a library entry; it plays exactly like a bundled one. */
function importedEntry(imported: ImportedScenario): CatalogueEntry {
  const s = imported.scenario;
  return {
    card: { ...cardOf(s), source: 'imported', fileName: imported.stored.fileName },
    seed: s.seed,
    scenarioFor: (seed) => variantFor(imported, seed),
  };
}

/** The bundled scenarios, easiest first, then the player's imported ones in the same order. */
export async function loadCatalogue(
  files: Files = FILES,
  imported: ImportedSource = () => [],
): Promise<CatalogueEntry[]> {
  const bundled = await loadBundled(files);
  const own = imported(new Set(bundled.map((e) => e.card.id)))
    .map(importedEntry)
    .sort(easiestFirst);
  return [...bundled, ...own];
}
