/**
 * The console's contracts. A command reads the system through a `ConsoleView` (the sim state and
 * its recorded metrics and logs at this moment) and answers with the text the real tool would
 * print, plus what the player did by running it: a lever to pull, or evidence looked at.
 */
import type { Recorder, SimState } from '../../sim/index.ts';
import type { PlayerAction } from '../vocabulary.ts';

export type ConsoleView = { readonly state: SimState; readonly recorder: Recorder };

/** Advice of our own (not the tool's output), shown through the message catalogue. */
export type Note = {
  key: string;
  params?: Record<string, string | number>;
  /** Params that are themselves catalogue keys, translated before they are put in. */
  refs?: Record<string, string>;
};

/** An interactive client the console is inside, such as `psql` or `redis-cli`. */
export type ConsoleMode =
  | { kind: 'shell' }
  | {
      kind: 'psql';
      database: 'shop' | 'pgbouncer';
      /** Who is connected: what the session may do depends on it (ALTER SYSTEM needs a superuser). */
      user: string;
      buffer: string;
      expanded: boolean;
    }
  | { kind: 'redis' };

export type CommandResult = {
  /** What the terminal prints, stdout and stderr in order. */
  out: string;
  /** The exit status, as `echo $?` would show it. */
  exit: number;
  notes: Note[];
  /** Levers pulled and evidence inspected by this command. */
  actions: PlayerAction[];
  /** Set when the command enters or leaves an interactive client. */
  mode?: ConsoleMode;
  /** `clear` and Ctrl-L. */
  clear?: boolean;
};

export type CommandContext = {
  view: ConsoleView;
  /** Output of the previous command in a pipeline, or null. */
  stdin: string | null;
  history: readonly string[];
};

export type CommandSpec = {
  name: string;
  /** Synopsis lines, printed verbatim by `man` and in usage errors. */
  usage: readonly string[];
  /** Catalogue key of the one-line description `help` and `man` show. */
  summaryKey: string;
  /** Candidates for the next word, given the words typed after the command name before it. */
  complete?: (words: readonly string[], view: ConsoleView) => readonly string[];
  run: (args: readonly string[], ctx: CommandContext) => CommandResult;
  /** Lines typed while inside this command's interactive mode. */
  interactive?: (
    line: string,
    mode: ConsoleMode,
    ctx: CommandContext,
  ) => CommandResult & { mode: ConsoleMode };
};

export const result = (
  out: string,
  opts: Partial<Omit<CommandResult, 'out'>> = {},
): CommandResult => ({ out, exit: 0, notes: [], actions: [], ...opts });

export const failure = (out: string, exit = 1, notes: Note[] = []): CommandResult => ({
  out,
  exit,
  notes,
  actions: [],
});
