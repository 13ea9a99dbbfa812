/**
 * `psql`: the PostgreSQL client against the simulated primary, and PgBouncer's admin console.
 * `psql` opens an interactive session (the interpreter then routes lines to `interactive`),
 * `psql -c SQL` runs statements and returns to the shell.
 */
import type {
  CommandContext,
  CommandResult,
  CommandSpec,
  ConsoleMode,
  ConsoleView,
  Note,
} from '../types.ts';
import { failure, result } from '../types.ts';
import { parseArgs } from './args.ts';
import { banner, connect, HELP_TEXT, USAGE } from './connect.ts';
import { CLIENT_VERSION, KNOWN_HOSTS } from './hosts.ts';
import { runMeta } from './meta.ts';
import type { PsqlState } from './session.ts';
import { makeSession, psqlLine, runStatements, splitStatements } from './session.ts';
import { ROLES } from './roles.ts';

type PsqlMode = Extract<ConsoleMode, { kind: 'psql' }>;

function run(args: readonly string[], ctx: CommandContext): CommandResult {
  const view = ctx.view;
  const parsed = parseArgs(args);
  if ('error' in parsed) return failure(parsed.error, 1);
  if (parsed.help) return result(HELP_TEXT);
  if (parsed.version) return result(`psql (PostgreSQL) ${CLIENT_VERSION}\n`);
  const notes: Note[] = parsed.unsupported.map((flag) => ({
    key: 'console.note.unsupportedFlag',
    params: { command: 'psql', flag },
  }));
  const target = connect(parsed, view.state);
  if (!target.ok) return failure(target.error, 2, notes);
  const state: PsqlState = {
    database: target.database,
    user: target.user,
    buffer: '',
    print: {
      expanded: parsed.expanded,
      tuplesOnly: parsed.tuplesOnly,
      unaligned: parsed.unaligned,
    },
  };
  if (parsed.list) {
    const r = runMeta('l', [], makeSession(view, state, ''), false);
    return result(r.out, { notes });
  }
  if (parsed.commands.length > 0) return runCommands(parsed.commands, view, state, notes);
  if (ctx.stdin !== null) return runScript(ctx.stdin, view, state, notes);
  const mode: PsqlMode = {
    kind: 'psql',
    database: target.database,
    user: state.user,
    buffer: '',
    expanded: parsed.expanded,
  };
  return result(parsed.quiet ? '' : banner(target, view.state), { notes, mode });
}

/** `-c`: each string is one query (or one backslash command); psql exits 1 if one failed. */
function runCommands(
  commands: readonly string[],
  view: ConsoleView,
  state: PsqlState,
  notes: Note[],
): CommandResult {
  let out = '';
  let failed = false;
  const actions: CommandResult['actions'] = [];
  for (const c of commands) {
    if (c.trim().startsWith('\\')) {
      const r = psqlLine(c, view, state);
      out += r.out;
      failed ||= r.failed;
      notes.push(...r.notes);
      actions.push(...r.actions);
      continue;
    }
    const { statements, rest } = splitStatements(c);
    const r = runStatements(rest === '' ? statements : [...statements, rest], view, state);
    out += r.out;
    failed ||= r.failed;
    notes.push(...r.notes);
    actions.push(...r.actions);
  }
  return { out, exit: failed ? 1 : 0, notes, actions };
}

/** `echo "SELECT ..." | psql`: lines from standard input, as a script; no banner, no session. */
function runScript(
  text: string,
  view: ConsoleView,
  state: PsqlState,
  notes: Note[],
): CommandResult {
  let out = '';
  let failed = false;
  const actions: CommandResult['actions'] = [];
  let current = state;
  for (const line of text.split('\n')) {
    const r = psqlLine(line, view, current);
    out += r.out;
    failed ||= r.failed;
    notes.push(...r.notes);
    actions.push(...r.actions);
    if (r.quit) break;
    current = { ...current, buffer: r.buffer, print: { ...current.print, expanded: r.expanded } };
  }
  return { out, exit: failed ? 1 : 0, notes, actions };
}

function interactive(
  line: string,
  mode: ConsoleMode,
  ctx: CommandContext,
): CommandResult & { mode: ConsoleMode } {
  if (mode.kind !== 'psql') return { ...result(''), mode: { kind: 'shell' } };
  const state: PsqlState = {
    database: mode.database,
    user: mode.user,
    buffer: mode.buffer,
    print: { expanded: mode.expanded, tuplesOnly: false, unaligned: false },
  };
  const r = psqlLine(line, ctx.view, state);
  const next: ConsoleMode = r.quit
    ? { kind: 'shell' }
    : { ...mode, buffer: r.buffer, expanded: r.expanded };
  return { out: r.out, exit: r.failed ? 1 : 0, notes: r.notes, actions: r.actions, mode: next };
}

const FLAGS = [
  '-h',
  '-p',
  '-U',
  '-d',
  '-c',
  '-x',
  '-t',
  '-A',
  '-q',
  '-l',
  '-X',
  '--help',
  '--version',
];

function complete(words: readonly string[], _view: ConsoleView): readonly string[] {
  const prev = words[words.length - 1];
  switch (prev) {
    case '-h':
    case '--host':
      return KNOWN_HOSTS;
    case '-p':
    case '--port':
      return ['5432', '6432'];
    case '-U':
    case '--username':
      return [...ROLES, 'pgbouncer'];
    case '-d':
    case '--dbname':
      return ['shop', 'pgbouncer', 'postgres'];
    case '-c':
    case '--command':
      return [];
    default:
      return [...FLAGS, 'shop', 'pgbouncer'];
  }
}

export const POSTGRES_COMMANDS: readonly CommandSpec[] = [
  { name: 'psql', usage: USAGE, summaryKey: 'console.cmd.psql', run, interactive, complete },
];
