/**
 * The runbooks and notes an incident offers: the standard ones (scenarios/runbooks/*.md, which
 * instructors may edit) and the scenario's own, which replace a standard one of the same id. Each
 * Markdown file is its own small chunk, fetched when the runbooks panel first opens.
 */
import type { ScenarioFile } from './scenario/schema.ts';
import { parseBlocks, titleOf } from './ui/runbooks/markdown-parse.ts';
import type { RunbookDoc } from './ui/runbooks/types.ts';

type Files = Readonly<Record<string, () => Promise<string>>>;

const FILES: Files = import.meta.glob<string>('/scenarios/runbooks/*.md', {
  query: '?raw',
  import: 'default',
  eager: false,
});

/** Orientation first: the system and how to read it, then the runbooks by title. */
const NOTES_FIRST = ['runbooks/architecture.md', 'runbooks/dashboards.md'];

/** `/scenarios/runbooks/db-pool.md` is the document `runbooks/db-pool.md`. */
const idOf = (path: string): string => path.replace(/^\/?scenarios\//, '');

/** The standard runbooks, titled by their first heading. */
export async function loadStandardRunbooks(files: Files = FILES): Promise<RunbookDoc[]> {
  const docs = await Promise.all(
    Object.entries(files).map(async ([path, read]): Promise<RunbookDoc> => {
      const body = await read();
      const id = idOf(path);
      return { id, title: titleOf(parseBlocks(body)) ?? id, body };
    }),
  );
  return sortDocs(docs);
}

/**
 * The scenario's documents over the standard ones: same id replaces, new ids come first (they
 * are what this incident adds).
 */
export function mergeRunbooks(
  standard: readonly RunbookDoc[],
  own: readonly RunbookDoc[],
): RunbookDoc[] {
  const byId = new Map(own.map((d) => [d.id, d]));
  const replaced = standard.map((d) => byId.get(d.id) ?? d);
  const known = new Set(standard.map((d) => d.id));
  return [...own.filter((d) => !known.has(d.id)), ...replaced];
}

/** Everything the runbooks panel shows for a scenario. */
export async function runbooksFor(
  scenario: Pick<ScenarioFile, 'runbooks'>,
  files: Files = FILES,
): Promise<RunbookDoc[]> {
  return mergeRunbooks(await loadStandardRunbooks(files), scenario.runbooks ?? []);
}

function sortDocs(docs: RunbookDoc[]): RunbookDoc[] {
  const rank = (d: RunbookDoc): number => {
    const i = NOTES_FIRST.indexOf(d.id);
    return i < 0 ? NOTES_FIRST.length : i;
  };
  return docs.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'en'));
}
