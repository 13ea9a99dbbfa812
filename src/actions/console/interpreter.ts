/**
 * Runs one line typed at the console: expands history references, splits the pipeline, runs each
 * command on the previous one's output, and routes lines to an interactive client (psql,
 * redis-cli) while one is open. Pure: the same state, line and view give the same answer.
 */
import { closest } from '../../shared/suggest.ts';
import type { PlayerAction } from '../vocabulary.ts';
import { bindCommandTable } from './builtins.ts';
import { COMMAND_NAMES, COMMANDS, findCommand } from './registry.ts';
import { tokenize } from './tokenize.ts';
import type { CommandResult, ConsoleMode, ConsoleView, Note } from './types.ts';

bindCommandTable(() => COMMANDS);

export const SHELL_PROMPT = 'oncall@bastion:~$ ';
const HISTORY_LIMIT = 1000;

export type ConsoleState = {
  readonly mode: ConsoleMode;
  readonly history: readonly string[];
  readonly lastExit: number;
};

export const initialConsoleState = (): ConsoleState => ({
  mode: { kind: 'shell' },
  history: [],
  lastExit: 0,
});

/** The prompt the next line is typed at. */
export function promptFor(mode: ConsoleMode): string {
  switch (mode.kind) {
    case 'shell':
      return SHELL_PROMPT;
    case 'psql':
      // psql ends its prompt with # for a superuser and > for anyone else.
      return `${mode.database}${mode.buffer.trim() === '' ? '=' : '-'}${
        mode.user === 'postgres' || mode.user === 'pgbouncer' ? '#' : '>'
      } `;
    case 'redis':
      return 'redis-master:6379> ';
  }
}

/** The interactive client that owns a mode, by the command that opened it. */
const MODE_OWNER: Record<Exclude<ConsoleMode['kind'], 'shell'>, string> = {
  psql: 'psql',
  redis: 'redis-cli',
};

export type Execution = {
  state: ConsoleState;
  /** The prompt and line as they are echoed into the scrollback. */
  echo: string;
  out: string;
  exit: number;
  notes: Note[];
  actions: PlayerAction[];
  clear: boolean;
};

/** Expands `!!` and `!N` like bash does, printing the expanded line. Null when nothing matched. */
function expandHistory(line: string, history: readonly string[]): string | { error: string } {
  if (!line.includes('!')) return line;
  let failed: string | null = null;
  const expanded = line.replace(/!(!|\d+|-\d+)/g, (whole, ref: string) => {
    const n = Number.parseInt(ref, 10);
    const entry =
      ref === '!'
        ? history[history.length - 1]
        : n < 0
          ? history[history.length + n]
          : history[n - 1];
    if (entry === undefined) {
      failed ??= whole;
      return whole;
    }
    return entry;
  });
  return failed === null ? expanded : { error: `bash: ${failed}: event not found\n` };
}

function runPipeline(line: string, state: ConsoleState, view: ConsoleView): CommandResult {
  const tokens = tokenize(line);
  if (!tokens.ok) {
    const e = tokens.error;
    if (e === '"' || e === "'")
      return {
        out: `bash: unexpected EOF while looking for matching \`${e}'\n`,
        exit: 2,
        notes: [],
        actions: [],
      };
    return {
      out: `bash: syntax error near unexpected token \`${e}'\n`,
      exit: 2,
      notes: [{ key: 'console.note.oneCommand' }],
      actions: [],
    };
  }
  let stdin: string | null = null;
  let last: CommandResult = { out: '', exit: 0, notes: [], actions: [] };
  const notes: Note[] = [];
  const actions: PlayerAction[] = [];
  let errText = '';
  const stages = tokens.pipeline.commands;
  for (let i = 0; i < stages.length; i++) {
    const [name, ...args] = stages[i]!;
    if (name === undefined) {
      if (stages.length === 1) return last;
      return {
        out: "bash: syntax error near unexpected token `|'\n",
        exit: 2,
        notes: [],
        actions: [],
      };
    }
    const spec = findCommand(name);
    if (!spec) {
      const guess = closest(name, COMMAND_NAMES);
      return {
        out: errText + `bash: ${name}: command not found\n`,
        exit: 127,
        notes: [
          ...notes,
          guess
            ? { key: 'console.note.didYouMean', params: { suggestion: guess } }
            : { key: 'console.note.tryHelp' },
        ],
        actions,
      };
    }
    last = spec.run(args, { view, stdin, history: state.history });
    notes.push(...last.notes);
    actions.push(...last.actions);
    // A failing stage's message goes to the terminal (stderr); its stdout feeds the next stage.
    if (i < stages.length - 1) {
      if (last.exit !== 0) errText += last.out;
      stdin = last.exit !== 0 ? '' : last.out;
      if (last.mode) {
        // Interactive clients cannot sit in the middle of a pipeline.
        last = { ...last, mode: { kind: 'shell' } };
      }
    }
  }
  return { ...last, out: errText + last.out, notes, actions };
}

/** Runs one line. History records what was typed (after `!!` expansion), like bash. */
export function execute(state: ConsoleState, rawLine: string, view: ConsoleView): Execution {
  const echo = promptFor(state.mode) + rawLine;
  const line = rawLine.replace(/\s+$/, '');
  const base = { echo, notes: [] as Note[], actions: [] as PlayerAction[], clear: false };

  if (state.mode.kind !== 'shell') {
    const owner = findCommand(MODE_OWNER[state.mode.kind]);
    const history = line.trim() === '' ? state.history : pushHistory(state.history, line);
    if (!owner?.interactive) {
      return { ...base, state: { ...state, mode: { kind: 'shell' }, history }, out: '', exit: 0 };
    }
    const r = owner.interactive(line, state.mode, { view, stdin: null, history });
    return {
      ...base,
      state: { mode: r.mode, history, lastExit: r.exit },
      out: r.out,
      exit: r.exit,
      notes: r.notes,
      actions: r.actions,
      clear: r.clear ?? false,
    };
  }

  if (line.trim() === '') return { ...base, state, out: '', exit: state.lastExit };
  const expanded = expandHistory(line, state.history);
  if (typeof expanded !== 'string')
    return { ...base, state: { ...state, lastExit: 1 }, out: expanded.error, exit: 1 };
  const shown = expanded === line ? '' : `${expanded}\n`;
  const history = pushHistory(state.history, expanded);
  const r = runPipeline(expanded, { ...state, history }, view);
  return {
    ...base,
    state: { mode: r.mode ?? state.mode, history, lastExit: r.exit },
    out: shown + r.out,
    exit: r.exit,
    notes: r.notes,
    actions: r.actions,
    clear: r.clear ?? false,
  };
}

/** Ctrl-C: abandons a half-typed SQL statement, or just prints `^C`. */
export function interrupt(state: ConsoleState): ConsoleState {
  if (state.mode.kind === 'psql' && state.mode.buffer !== '')
    return { ...state, mode: { ...state.mode, buffer: '' }, lastExit: 130 };
  return { ...state, lastExit: 130 };
}

function pushHistory(history: readonly string[], line: string): string[] {
  // Like HISTCONTROL=ignoredups: an immediate repeat is stored once.
  if (history[history.length - 1] === line) return [...history];
  return [...history, line].slice(-HISTORY_LIMIT);
}
