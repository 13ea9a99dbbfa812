/**
 * `drill play <file> --seed N (--solution | --wrong <id> | --actions <file.json> | --record <run.json>)
 * [--postmortem <out.md>] [--json]`.
 *
 * Without `--postmortem` or `--record` the scenario plays on a bare `ScenarioRun`, as it always
 * has. With either, it plays through an `IncidentSession` (the game's own session: pager, people
 * answering pages, the incident record), so the postmortem is built exactly as the game builds it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { closest } from '../shared/suggest.ts';
import { formatError, loadScenario, variantFor } from '../scenario/load.ts';
import { playResultOf, playScenario } from '../scenario/play.ts';
import type { PlayResult, TimedAction } from '../scenario/play.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { toMs } from '../scenario/vocabulary.ts';
import { IncidentSession } from '../session/session.ts';
import { parseRunRecord, recordFit, replayMatches, replayRecord } from '../session/run-record.ts';
import { buildPostmortem, referencePath } from '../postmortem/build.ts';
import { postmortemMarkdown } from '../postmortem/markdown.ts';
import type { ParsedArgs } from './args.ts';
import { intOption, UsageError } from './args.ts';

export const PLAY_SPEC = {
  options: ['seed', 'wrong', 'actions', 'record', 'postmortem'],
  flags: ['solution', 'json', 'help'],
} as const;

export const PLAY_HELP = `usage: npm run drill -- play <file> [--seed N] (--solution | --wrong <id> | --actions <file.json> | --record <run.json>) [--postmortem <out.md>] [--json]

Plays a scenario headless: its statechart over the simulation, with the reference solution, one
of its wrong fixes, your own actions (a JSON list of { "at": "5m", "action": "rollback",
"params": { "deployment": "api" } }), or a run record exported from the game (its seed is used).
Prints the outcome, milestones, impact and the final hash.

  --postmortem <out.md>  also write the run's blameless postmortem (Markdown) to out.md`;

/** How long a headless run may go on: twice the estimate plus an hour, as `playScenario`. */
function runLimit(scenario: ScenarioFile): number {
  return scenario.estimatedMinutes * 2 * 60_000 + 60 * 60_000;
}

export function runPlay(args: ParsedArgs): PlayResult {
  const file = args.positional[0];
  if (file === undefined) throw new UsageError('play needs a scenario file');
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok)
    throw new UsageError(`the scenario has errors:\n${loaded.errors.map(formatError).join('\n')}`);
  const modes = [
    args.flags.has('solution'),
    args.options.has('wrong'),
    args.options.has('actions'),
    args.options.has('record'),
  ].filter(Boolean).length;
  if (modes !== 1)
    throw new UsageError(
      'choose one of --solution, --wrong <id>, --actions <file.json> or --record <run.json>',
    );
  const out = args.options.get('postmortem')?.at(-1);
  // Say so before a long run, not after it.
  if (out !== undefined && !existsSync(dirname(resolve(out))))
    throw new UsageError(`cannot write the postmortem to ${out}: no directory ${dirname(out)}`);

  if (args.options.has('record')) {
    const { session, seed, mode } = replayRecordFile(
      args,
      loaded,
      args.options.get('record')!.at(-1)!,
    );
    if (out !== undefined) writePostmortem(session, seed, mode, out);
    const first = session.inputs[0]?.at ?? 0;
    return playResultOf(session.run, seed, first, session.ended ? undefined : 'inProgress');
  }

  const seed = intOption(args, 'seed', loaded.scenario.seed);
  // The seed picks the variant (timing, the affected route...) and drives the simulation.
  const s = variantFor(loaded, seed);
  const actions = chosenActions(args, s, file);
  if (out === undefined) return playScenario(s, seed, actions);
  const session = playForPostmortem(s, seed, actions);
  writePostmortem(session, seed, 'headless', out);
  const first = actions.length > 0 ? Math.min(...actions.map((a) => toMs(a.at))) : 0;
  return playResultOf(session.run, seed, first);
}

function chosenActions(args: ParsedArgs, s: ScenarioFile, file: string): readonly TimedAction[] {
  if (args.flags.has('solution')) return s.answerKey.solution;
  if (args.options.has('wrong')) {
    const id = args.options.get('wrong')!.at(-1)!;
    const fix = s.answerKey.wrongFixes.find((w) => w.id === id);
    if (!fix) {
      const ids = s.answerKey.wrongFixes.map((w) => w.id);
      const guess = closest(id, ids);
      throw new UsageError(
        `no wrong fix "${id}" in ${file}${guess ? ` (did you mean "${guess}"?)` : ''}; it has ${ids.join(', ')}`,
      );
    }
    return fix.actions;
  }
  const path = args.options.get('actions')!.at(-1)!;
  const parsed = JSON.parse(readText(path)) as unknown;
  if (!Array.isArray(parsed))
    throw new UsageError(`${path}: expected a JSON list of { at, action, params }`);
  return parsed as TimedAction[];
}

/**
 * Plays timed actions through an `IncidentSession` until the story ends (or the same limit as
 * `playScenario`). Each action is performed at its time from the `script` source: levers as in
 * `drill play`, and also anything else of the vocabulary (declaring, posting an update...).
 */
export function playForPostmortem(
  scenario: ScenarioFile,
  seed: number,
  actions: readonly TimedAction[],
): IncidentSession {
  const session = new IncidentSession(scenario, seed);
  const queue = actions
    .map((a, index) => ({ index, a, at: toMs(a.at) }))
    .sort((x, y) => x.at - y.at || x.index - y.index);
  const limit = runLimit(scenario);
  let next = 0;
  while (!session.ended && session.t < limit) {
    while (next < queue.length && queue[next]!.at <= session.t) {
      const { index, a } = queue[next++]!;
      const result = session.perform({ ...(a.params ?? {}), type: a.action }, 'script');
      if (!result.ok)
        throw new UsageError(
          `action ${index} (${a.action} at ${String(a.at)}) was refused: ${result.errors.join('; ')}`,
        );
    }
    session.step();
  }
  return session;
}

function replayRecordFile(
  args: ParsedArgs,
  loaded: { scenario: ScenarioFile; variants: readonly ScenarioFile[] },
  path: string,
): { session: IncidentSession; seed: number; mode: string } {
  const parsed = parseRunRecord(readText(path));
  if (!parsed.ok)
    throw new UsageError(`${path} is not a run record:\n  ${parsed.problems.join('\n  ')}`);
  const record = parsed.record;
  const seed = record.seed;
  if (args.options.has('seed') && intOption(args, 'seed', seed) !== seed)
    throw new UsageError(`${path} was played on seed ${seed}; leave out --seed or pass that one`);
  const s = variantFor(loaded, seed);
  const fit = recordFit(s, record);
  if (fit.kind === 'otherScenario')
    throw new UsageError(`${path} is a run of ${fit.recorded}, not of ${fit.current}`);
  if (fit.kind === 'otherVersion')
    process.stderr.write(
      `drill play: ${path} was recorded on version ${fit.recorded} of ${s.id}, this is version ${fit.current}; it may play out differently\n`,
    );
  const session = replayRecord(s, record);
  if (replayMatches(session, record) === 'differs')
    process.stderr.write(`drill play: the replay of ${path} did not reach the recorded state\n`);
  return { session, seed, mode: record.mode };
}

function writePostmortem(session: IncidentSession, seed: number, mode: string, out: string): void {
  const pm = buildPostmortem(session, { mode, reference: referencePath(session.scenario, seed) });
  try {
    writeFileSync(out, postmortemMarkdown(pm));
  } catch (e) {
    throw new UsageError(`cannot write the postmortem to ${out}: ${(e as Error).message}`);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

export function formatPlay(r: PlayResult): string {
  return [
    `${r.scenario} seed ${r.seed}: ${r.outcome} after ${r.endedAtSeconds} s`,
    `milestones: ${r.milestones.length === 0 ? 'none' : r.milestones.map((m) => `${m.name} at ${m.atSeconds} s`).join(', ')}`,
    `requests ${r.requests.arrived}, failed ${r.requests.failed} (${(r.requests.errorRatio * 100).toFixed(2)}%), peak orders p99 ${r.peakOrdersP99Ms} ms, error budget left ${(r.errorBudgetRemaining * 100).toFixed(2)}%`,
    `final hash ${r.finalHash}`,
  ].join('\n');
}
