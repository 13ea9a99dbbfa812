/**
 * `drill exec <scenario> [--seed N] --at <time> [--do '<time> <command>']... -- '<command>'...`:
 * what the console would print at a moment of a scenario, for scenario authors and tests. Lines
 * after `--` run in order at `--at` (so `psql` followed by SQL works); `--do` runs earlier lines
 * at their own times, as a player would have typed them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { formatError, loadScenario, variantFor } from '../scenario/load.ts';
import { parseDuration } from '../sim/index.ts';
import { IncidentSession } from '../session/session.ts';
import type { Note } from '../actions/console/types.ts';
import type { ParsedArgs } from './args.ts';
import { intOption, UsageError } from './args.ts';

export const EXEC_SPEC = { options: ['seed', 'at', 'do'], flags: ['echo', 'help'] } as const;

export const EXEC_HELP = `usage: npm run drill -- exec <scenario> [--seed N] --at <time> [--do '<time> <command>']... [--echo] -- '<command>'...

Prints what the console shows at a moment of a scenario: <scenario> is a file or the id of a file
in scenarios/. The lines after -- run in order at --at (for example 'psql' then 'SELECT 1;').
--do '4m kubectl rollout undo deployment/api' types a line earlier, at its own time. --echo
prints each prompt and line before its output. Hints of the console go to stderr.

example: npm run drill -- exec pool-exhaustion-leak --at 10m -- 'kubectl get pods'`;

export type ExecOutput = { stdout: string; notes: Note[] };

function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const byId = `scenarios/${arg}.yaml`;
  if (existsSync(byId)) return byId;
  throw new UsageError(`no scenario file "${arg}" (and no ${byId})`);
}

function time(text: string, what: string): number {
  const ms = parseDuration(text);
  if (ms === null)
    throw new UsageError(`${what}: expected a time such as 90s, 10m or 1h5m, got "${text}"`);
  return ms;
}

export function runExec(args: ParsedArgs): ExecOutput {
  const [target, ...lines] = args.positional;
  if (target === undefined) throw new UsageError('exec needs a scenario (a file or an id)');
  if (lines.length === 0)
    throw new UsageError("exec needs a command after --, e.g. -- 'kubectl get pods'");
  const at = args.options.get('at')?.at(-1);
  if (at === undefined) throw new UsageError('exec needs --at <time>, e.g. --at 10m');
  const file = scenarioPath(target);
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok)
    throw new UsageError(`the scenario has errors:\n${loaded.errors.map(formatError).join('\n')}`);
  const seed = intOption(args, 'seed', loaded.scenario.seed);
  const earlier = (args.options.get('do') ?? []).map((d) => {
    const m = /^\s*(\S+)\s+(.+)$/s.exec(d);
    if (!m) throw new UsageError(`--do: expected '<time> <command>', got "${d}"`);
    return { at: time(m[1]!, '--do'), line: m[2]! };
  });
  const session = new IncidentSession(variantFor(loaded, seed), seed);
  const echo = args.flags.has('echo');
  let stdout = '';
  const notes: Note[] = [];
  const type = (line: string): void => {
    const e = session.exec(line);
    if (echo) stdout += `${e.echo}\n`;
    stdout += e.out;
    notes.push(...e.notes);
  };
  for (const d of [...earlier].sort((a, b) => a.at - b.at)) {
    session.advanceTo(d.at);
    type(d.line);
  }
  session.advanceTo(time(at, '--at'));
  for (const line of lines) type(line);
  return { stdout, notes };
}
