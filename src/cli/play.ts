/** `drill play <file> --seed N (--solution | --wrong <id> | --actions <file.json>) [--json]`. */
import { readFileSync } from 'node:fs';
import { closest } from '../shared/suggest.ts';
import { formatError, loadScenario, variantFor } from '../scenario/load.ts';
import { playScenario } from '../scenario/play.ts';
import type { PlayResult, TimedAction } from '../scenario/play.ts';
import type { ParsedArgs } from './args.ts';
import { intOption, UsageError } from './args.ts';

export const PLAY_SPEC = {
  options: ['seed', 'wrong', 'actions'],
  flags: ['solution', 'json', 'help'],
} as const;

export const PLAY_HELP = `usage: npm run drill -- play <file> [--seed N] (--solution | --wrong <id> | --actions <file.json>) [--json]

Plays a scenario headless: its statechart over the simulation, with the reference solution, one
of its wrong fixes, or your own actions (a JSON list of { "at": "5m", "action": "rollback",
"params": { "deployment": "api" } }). Prints the outcome, milestones, impact and the final hash.`;

export function runPlay(args: ParsedArgs): PlayResult {
  const file = args.positional[0];
  if (file === undefined) throw new UsageError('play needs a scenario file');
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok)
    throw new UsageError(`the scenario has errors:\n${loaded.errors.map(formatError).join('\n')}`);
  const seed = intOption(args, 'seed', loaded.scenario.seed);
  // The seed picks the variant (timing, the affected route...) and drives the simulation.
  const s = variantFor(loaded, seed);
  const modes = [
    args.flags.has('solution'),
    args.options.has('wrong'),
    args.options.has('actions'),
  ].filter(Boolean).length;
  if (modes !== 1)
    throw new UsageError('choose one of --solution, --wrong <id> or --actions <file.json>');
  let actions: readonly TimedAction[];
  if (args.flags.has('solution')) actions = s.answerKey.solution;
  else if (args.options.has('wrong')) {
    const id = args.options.get('wrong')!.at(-1)!;
    const fix = s.answerKey.wrongFixes.find((w) => w.id === id);
    if (!fix) {
      const ids = s.answerKey.wrongFixes.map((w) => w.id);
      const guess = closest(id, ids);
      throw new UsageError(
        `no wrong fix "${id}" in ${file}${guess ? ` (did you mean "${guess}"?)` : ''}; it has ${ids.join(', ')}`,
      );
    }
    actions = fix.actions;
  } else {
    const path = args.options.get('actions')!.at(-1)!;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (!Array.isArray(parsed))
      throw new UsageError(`${path}: expected a JSON list of { at, action, params }`);
    actions = parsed as TimedAction[];
  }
  return playScenario(s, seed, actions);
}

export function formatPlay(r: PlayResult): string {
  return [
    `${r.scenario} seed ${r.seed}: ${r.outcome} after ${r.endedAtSeconds} s`,
    `milestones: ${r.milestones.length === 0 ? 'none' : r.milestones.map((m) => `${m.name} at ${m.atSeconds} s`).join(', ')}`,
    `requests ${r.requests.arrived}, failed ${r.requests.failed} (${(r.requests.errorRatio * 100).toFixed(2)}%), peak orders p99 ${r.peakOrdersP99Ms} ms, error budget left ${(r.errorBudgetRemaining * 100).toFixed(2)}%`,
    `final hash ${r.finalHash}`,
  ].join('\n');
}
