/**
 * The console panel's contract with whatever runs the commands. Plain data only: the UI layer may
 * not import the console engine, and `main.ts` adapts the engine to this shape.
 */

/** Advice of the game's own (not tool output), shown through the message catalogue. */
export interface ConsoleNote {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Params whose values are themselves catalogue keys, translated before they are filled in. */
  readonly refs?: Readonly<Record<string, string>>;
}

/** What one line typed at the console produced. */
export interface ConsoleOutput {
  /** The prompt and the line, as echoed into the scrollback. */
  readonly echo: string;
  /** What the tool printed, stdout and stderr in order; shown verbatim. */
  readonly out: string;
  readonly exit: number;
  readonly notes: readonly ConsoleNote[];
  /** `clear`: wipe the scrollback instead of adding a block. */
  readonly clear: boolean;
  /** The prompt for the next line (it changes inside psql or redis-cli). */
  readonly prompt: string;
}

export interface ConsoleCompletion {
  /** Where the completed word starts in the line passed in. */
  readonly start: number;
  readonly candidates: readonly string[];
  /** Text to put in place of the word: the unique candidate or the common prefix. */
  readonly replacement: string;
}

export interface ConsoleBackend {
  run(line: string): ConsoleOutput;
  /** Completes the word that ends at the end of `line`. */
  complete(line: string): ConsoleCompletion;
  /** Ctrl-C; returns the next prompt. */
  interrupt(): string;
  prompt(): string;
  /** Lines run so far, oldest first. */
  history(): readonly string[];
  /** What the console showed before this panel opened (a resumed run), oldest first. */
  transcript?(): readonly { readonly line: string; readonly out: string; readonly exit: number }[];
}
