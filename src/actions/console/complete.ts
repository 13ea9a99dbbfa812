/**
 * Tab completion: command names first, then what each command offers for the word under the
 * cursor (sub-commands, resources, pod names, flags). Returns the candidates and the longest
 * common prefix, the way bash completes on one Tab and lists on two.
 */
import { REDIS_WORDS } from './network/redis-cli.ts';
import { COMMAND_NAMES, findCommand } from './registry.ts';
import { tokenize } from './tokenize.ts';
import type { ConsoleMode, ConsoleView } from './types.ts';

export type Completion = {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Matching candidates, sorted. */
  candidates: string[];
  /** The text to put in place of the word: the common prefix of all candidates. */
  replacement: string;
};

const PSQL_WORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER BY',
  'GROUP BY',
  'LIMIT',
  'EXPLAIN',
  'ANALYZE',
  'SHOW',
  'pg_stat_activity',
  'pg_stat_statements',
  'pg_locks',
  'pg_stat_replication',
  'pg_replication_slots',
  'pg_stat_user_tables',
  'pg_indexes',
  'pg_blocking_pids',
  'pg_stat_progress_create_index',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf()',
  'CREATE INDEX CONCURRENTLY',
  'ALTER SYSTEM SET',
  'max_connections',
  'statement_timeout',
  'idle_in_transaction_session_timeout',
  'orders',
  'order_items',
  'products',
  'customers',
  'inventory',
  '\\q',
  '\\x',
  '\\dt',
];

/** PgBouncer's admin console speaks only its own commands. */
const PGBOUNCER_WORDS = [
  'SHOW',
  'POOLS',
  'STATS',
  'CLIENTS',
  'SERVERS',
  'CONFIG',
  'DATABASES',
  'HELP',
  'SET',
  'RELOAD',
  '\\q',
];

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Completes the word that ends at the end of `line`. */
export function complete(line: string, mode: ConsoleMode, view: ConsoleView): Completion {
  const start = /(^|[\s|=])([^\s|=]*)$/.exec(line);
  const wordStart = start ? start.index + start[1]!.length : line.length;
  const word = line.slice(wordStart);
  const done = (pool: readonly string[]): Completion => {
    const lower = word.toLowerCase();
    const candidates = [...new Set(pool)]
      .filter((c) => c.toLowerCase().startsWith(lower) && c.length >= word.length)
      .sort();
    const prefix = commonPrefix(candidates);
    return {
      start: wordStart,
      candidates,
      replacement:
        candidates.length === 1
          ? `${candidates[0]} `
          : prefix.length >= word.length
            ? prefix
            : word,
    };
  };
  if (mode.kind === 'psql')
    return done(mode.database === 'pgbouncer' ? PGBOUNCER_WORDS : PSQL_WORDS);
  if (mode.kind === 'redis') return done(REDIS_WORDS);

  const lastPipe = line.lastIndexOf('|');
  const segment = line.slice(lastPipe + 1);
  const tokens = tokenize(segment);
  const words = tokens.ok ? (tokens.pipeline.commands[0] ?? []) : segment.trim().split(/\s+/);
  const completingFirst = words.length === 0 || (words.length === 1 && word !== '');
  if (completingFirst) return done(COMMAND_NAMES);
  const spec = findCommand(words[0]!);
  if (!spec?.complete) return done([]);
  // The words before the one being completed, without the command name.
  const before = word === '' ? words.slice(1) : words.slice(1, -1);
  return done(spec.complete(before, view));
}
