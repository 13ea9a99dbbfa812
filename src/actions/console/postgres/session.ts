/**
 * psql's line handling: statements accumulate in the query buffer until a `;` outside quotes and
 * comments, several statements on one line run in order, backslash commands act at once, and
 * `help`, `quit` and `exit` work on an empty buffer. The same code runs `-c` strings.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import type { ConsoleView, Note } from '../types.ts';
import { backendPid, nowUs } from './clock.ts';
import { CONNECTION_LOST, runSql } from './exec.ts';
import { runMeta } from './meta.ts';
import { CATALOG_QUERY_ERROR, runAdmin } from './pgbouncer.ts';
import { PGBOUNCER_PORT, PGBOUNCER_SERVICE_IP } from './hosts.ts';
import type { Session } from './relation.ts';
import type { PrintOptions } from './render.ts';
import { isPrimaryAccepting } from '../../../sim/requests.ts';

export type PsqlState = {
  database: 'shop' | 'pgbouncer';
  user: string;
  buffer: string;
  print: PrintOptions;
};

export type LineResult = {
  out: string;
  failed: boolean;
  notes: Note[];
  actions: PlayerAction[];
  buffer: string;
  expanded: boolean;
  quit: boolean;
};

/** Splits text into complete statements (each with its `;`) and what is left over. */
export function splitStatements(text: string): { statements: string[]; rest: string } {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) {
        if (text[i + 1] === quote) i++;
        else quote = null;
      }
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
      continue;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      continue;
    } else if (c === ';') {
      statements.push(text.slice(start, i + 1).replace(/^\s+/, ''));
      start = i + 1;
    }
    i++;
  }
  const rest = text.slice(start);
  return { statements, rest: rest.trim() === '' ? '' : rest.replace(/^\s+/, '') };
}

/** The offset of the first backslash outside quotes in `line`, given the buffer before it. */
function metaStart(buffer: string, line: string): number {
  const text = buffer === '' ? line : `${buffer}\n${line}`;
  const offset = text.length - line.length;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i >= offset) return i - offset;
  }
  return -1;
}

export function makeSession(view: ConsoleView, state: PsqlState, query: string): Session {
  const now = nowUs(view.state);
  return {
    view,
    user: state.user,
    database: state.database,
    nowUs: now,
    query,
    pid: backendPid(`self:${state.user}:${state.database}`),
    backendStartUs: now - 2_417_305,
  };
}

/** Runs complete statements, collecting their output and actions. */
export function runStatements(
  statements: readonly string[],
  view: ConsoleView,
  state: PsqlState,
): Omit<LineResult, 'buffer' | 'expanded' | 'quit'> {
  let out = '';
  let failed = false;
  const notes: Note[] = [];
  const actions: PlayerAction[] = [];
  for (const sql of statements) {
    if (sql.trim() === '' || sql.trim() === ';') continue;
    if (state.database === 'shop' && !isPrimaryAccepting(view.state)) {
      out += `${CONNECTION_LOST}The connection to the server was lost. Attempting reset: Failed.\n`;
      failed = true;
      continue;
    }
    const session = makeSession(view, state, sql);
    const r =
      state.database === 'pgbouncer'
        ? runAdmin(sql, session, state.print)
        : runSql(sql, session, state.print);
    out += r.out;
    failed ||= r.failed;
    notes.push(...r.notes);
    actions.push(...r.actions);
  }
  return { out, failed, notes, actions };
}

/** One line typed at the `shop=#` or `pgbouncer=#` prompt. */
export function psqlLine(line: string, view: ConsoleView, state: PsqlState): LineResult {
  const base = {
    out: '',
    failed: false,
    notes: [] as Note[],
    actions: [] as PlayerAction[],
    buffer: state.buffer,
    expanded: state.print.expanded,
    quit: false,
  };
  if (state.buffer === '') {
    const word = line.trim().replace(/;\s*$/, '').toLowerCase();
    if (word === '') return base;
    if (word === 'quit' || word === 'exit') return { ...base, quit: true };
    if (word === 'help')
      return {
        ...base,
        out: 'You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n',
      };
  }
  const cut = metaStart(state.buffer, line);
  const sqlPart = cut < 0 ? line : line.slice(0, cut);
  const text = state.buffer === '' ? sqlPart : `${state.buffer}\n${sqlPart}`;
  const { statements, rest } = splitStatements(text);
  const ran = runStatements(statements, view, state);
  let result: LineResult = { ...base, ...ran, buffer: rest };
  if (cut >= 0) result = meta(line.slice(cut + 1), view, { ...state, buffer: rest }, result);
  return result;
}

function meta(text: string, view: ConsoleView, state: PsqlState, acc: LineResult): LineResult {
  const [rawCmd = '', ...args] = text.trim().split(/\s+/);
  const cmd = rawCmd.replace(/;$/, '');
  const add = (r: Partial<LineResult>): LineResult => ({
    ...acc,
    ...r,
    out: acc.out + (r.out ?? ''),
    notes: [...acc.notes, ...(r.notes ?? [])],
    actions: [...acc.actions, ...(r.actions ?? [])],
    failed: acc.failed || r.failed === true,
  });
  switch (cmd) {
    case 'q':
    case 'quit':
      return add({ quit: true });
    case 'g':
    case 'gx': {
      const print = cmd === 'gx' ? { ...state.print, expanded: true } : state.print;
      const ran = runStatements([state.buffer], view, { ...state, print });
      return add({ ...ran, buffer: '' });
    }
    case 'r':
    case 'reset':
      return add({ out: 'Query buffer reset (cleared).\n', buffer: '' });
    case 'p':
    case 'print':
      return add({ out: state.buffer === '' ? 'Query buffer is empty.\n' : `${state.buffer}\n` });
  }
  if (state.database === 'pgbouncer') {
    if (cmd === 'x') {
      const a = (args[0] ?? '').toLowerCase();
      const on = a === 'on' ? true : a === 'off' ? false : !acc.expanded;
      return add({ out: `Expanded display is ${on ? 'on' : 'off'}.\n`, expanded: on });
    }
    if (cmd === 'conninfo')
      return add({
        out: `You are connected to database "pgbouncer" as user "${state.user}" on host "pgbouncer" (address "${PGBOUNCER_SERVICE_IP}") at port "${PGBOUNCER_PORT}".\n`,
      });
    if (cmd === '?')
      return add(runMetaResult(runMeta('?', [], makeSession(view, state, ''), acc.expanded)));
    if (/^(d|dt|di|dv|ds|l|du|dn|df)\+?$/.test(cmd))
      return add({ out: CATALOG_QUERY_ERROR, failed: true });
  }
  const r = runMeta(cmd, args, makeSession(view, state, ''), acc.expanded);
  return add(runMetaResult(r));
}

const runMetaResult = (r: ReturnType<typeof runMeta>): Partial<LineResult> => ({
  out: r.out,
  notes: r.notes,
  actions: r.actions,
  expanded: r.expanded,
});
