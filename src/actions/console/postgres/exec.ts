/**
 * Runs one SQL statement against the simulated primary: prints what psql prints (a result table,
 * a command tag, or the server's error) and returns what the player did (the evidence looked at,
 * and the levers a changing statement pulls). Preconditions are checked against the sim state so
 * a statement that would fail in PostgreSQL fails here with PostgreSQL's error and pulls nothing.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import type { Note } from '../types.ts';
import type { Select, Statement } from './ast.ts';
import { findTable, indexes } from './catalog.ts';
import { formatError, notesFor, sqlError, SqlError } from './errors.ts';
import { explain } from './explain.ts';
import { newEffects } from './functions.ts';
import { parseStatement } from './parser.ts';
import type { Session } from './relation.ts';
import type { PrintOptions } from './render.ts';
import { printResult } from './render.ts';
import { resolveRelation, runSelect } from './select.ts';
import type { Setting } from './settings-list.ts';
import { findSetting, SETTINGS } from './settings-list.ts';
import { LEVER_SETTINGS, parseSettingValue, showValue } from './settings.ts';
import { show } from './values.ts';
import { inspectSubject, leversOf, usesFunction } from './levers.ts';
import { ROLES } from './roles.ts';

export type Outcome = { out: string; failed: boolean; notes: Note[]; actions: PlayerAction[] };

const ok = (out: string, actions: PlayerAction[] = [], notes: Note[] = []): Outcome => ({
  out,
  failed: false,
  notes,
  actions,
});

export const CONNECTION_LOST =
  'server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n';

export function runSql(sql: string, session: Session, print: PrintOptions): Outcome {
  try {
    return dispatch(parseStatement(sql), session, print);
  } catch (e) {
    if (e instanceof SqlError)
      return { out: formatError(e.info, sql), failed: true, notes: notesFor(e.info), actions: [] };
    // A bug of ours must not crash the console: report it like an unsupported statement.
    return {
      out: `ERROR:  internal error in the simulated database (${e instanceof Error ? e.message : String(e)})\n`,
      failed: true,
      notes: [{ key: 'console.note.sqlNotUnderstood' }],
      actions: [],
    };
  }
}

function dispatch(st: Statement, session: Session, print: PrintOptions): Outcome {
  switch (st.k) {
    case 'empty':
      return ok('');
    case 'select':
      return select(st, session, print);
    case 'explain': {
      const r = explain(st.query, st.options, session);
      const out = printResult(
        { columns: ['QUERY PLAN'], types: ['text'], rows: r.lines.map((l) => [l]) },
        print,
      );
      return ok(out, [{ type: 'inspect', target: 'explain', subject: r.subject }]);
    }
    case 'show':
      return showSetting(st.name, session, print);
    case 'set': {
      const setting = findSetting(st.name);
      if (!setting) throw sqlError(`unrecognized configuration parameter "${st.name}"`);
      if (setting.context === 'postmaster')
        throw sqlError(
          `parameter "${setting.name}" cannot be changed without restarting the server`,
        );
      if (setting.context === 'internal' || setting.context === 'sighup')
        throw sqlError(`parameter "${setting.name}" cannot be changed now`);
      if (!st.value.isDefault) parseSettingValue(setting, st.value.text, st.value.pos);
      return ok('SET\n');
    }
    case 'reset':
      if (st.name !== 'all' && !findSetting(st.name))
        throw sqlError(`unrecognized configuration parameter "${st.name}"`);
      return ok('RESET\n');
    case 'alterSystem':
      return alterSystem(st, session);
    case 'alterRole':
      return alterRole(st, session);
    case 'createIndex':
      return createIndex(st, session);
    case 'analyze': {
      const s = session.view.state;
      const names =
        st.tables.length > 0
          ? st.tables
          : Object.keys(s.config.postgres.tableRows).map((name) => ({ name, pos: 0 }));
      for (const t of names)
        if (!findTable(t.name)) throw sqlError(`relation "${t.name}" does not exist`, t.pos);
      const actions: PlayerAction[] = st.analyze
        ? names
            .filter((t) => s.config.postgres.tableRows[t.name] !== undefined)
            .map((t) => ({ type: 'analyzeTable', table: t.name }))
        : [];
      return ok(st.vacuum ? 'VACUUM\n' : 'ANALYZE\n', actions);
    }
    case 'tx':
      return ok(`${st.tag}\n`);
    case 'checkpoint':
      if (session.user !== 'postgres') throw sqlError('must be superuser to do CHECKPOINT');
      return ok('CHECKPOINT\n');
  }
}

function select(st: Select, session: Session, print: PrintOptions): Outcome {
  const effects = newEffects();
  const rel = resolveRelation(st);
  const result = runSelect(st, session, effects);
  const self = effects.signals.some((s) => s.pid === session.pid);
  const actions: PlayerAction[] = [];
  if (rel?.inspect) {
    const subject = inspectSubject(st);
    actions.push(
      subject
        ? { type: 'inspect', target: rel.inspect, subject }
        : { type: 'inspect', target: rel.inspect },
    );
  }
  if (usesFunction(st, 'pg_blocking_pids'))
    actions.push({ type: 'inspect', target: 'pg_locks', subject: 'pg_blocking_pids' });
  actions.push(...leversOf(effects, st, session));
  const notices = effects.notices.map((n) => `${n}\n`).join('');
  if (self)
    return {
      out: `${notices}FATAL:  terminating connection due to administrator command\n${CONNECTION_LOST}The connection to the server was lost. Attempting reset: Succeeded.\n`,
      failed: true,
      notes: [],
      actions,
    };
  const rows = result.rows.map((r) => r.map(show));
  return ok(
    notices + printResult({ columns: result.columns, types: result.types, rows }, print),
    actions,
  );
}

function showSetting(name: string, session: Session, print: PrintOptions): Outcome {
  const s = session.view.state;
  if (name === 'all') {
    const rows = SETTINGS.map((x) => [x.name, showValue(s, x), x.desc]);
    return ok(
      printResult(
        { columns: ['name', 'setting', 'description'], types: ['text', 'text', 'text'], rows },
        print,
      ),
      [{ type: 'inspect', target: 'pg_settings', subject: 'all' }],
    );
  }
  const setting = findSetting(name);
  if (!setting) throw sqlError(`unrecognized configuration parameter "${name}"`);
  const out = printResult(
    { columns: [setting.name], types: ['text'], rows: [[showValue(s, setting)]] },
    print,
  );
  return ok(out, [{ type: 'inspect', target: 'pg_settings', subject: setting.name }]);
}

function leverValue(
  setting: Setting,
  raw: string,
  isDefault: boolean,
  pos: number,
  session: Session,
): number {
  if (isDefault)
    return setting.name === 'max_connections'
      ? session.view.state.config.postgres.maxConnections
      : 0;
  return Number(parseSettingValue(setting, raw, pos));
}

function alterSystem(st: Extract<Statement, { k: 'alterSystem' }>, session: Session): Outcome {
  if (session.user !== 'postgres')
    throw sqlError('must be superuser to execute ALTER SYSTEM command');
  const s = session.view.state;
  if (st.name === 'all') {
    const actions: PlayerAction[] = [];
    if (s.db.statementTimeoutMs !== 0)
      actions.push({ type: 'setPostgresSetting', name: 'statement_timeout', value: 0 });
    if (s.db.idleInTxTimeoutMs !== 0)
      actions.push({
        type: 'setPostgresSetting',
        name: 'idle_in_transaction_session_timeout',
        value: 0,
      });
    if (
      s.db.maxConnections !== s.config.postgres.maxConnections ||
      s.db.pendingMaxConnections !== null
    )
      actions.push({
        type: 'setPostgresSetting',
        name: 'max_connections',
        value: s.config.postgres.maxConnections,
      });
    return ok('ALTER SYSTEM\n', actions);
  }
  const setting = findSetting(st.name);
  if (!setting) throw sqlError(`unrecognized configuration parameter "${st.name}"`);
  if (setting.context === 'internal')
    throw sqlError(`parameter "${setting.name}" cannot be changed`);
  const lever = (LEVER_SETTINGS as readonly string[]).includes(setting.name);
  if (!lever) {
    if (!st.value.isDefault) parseSettingValue(setting, st.value.text, st.value.pos);
    return ok('ALTER SYSTEM\n');
  }
  const value = leverValue(setting, st.value.text, st.value.isDefault, st.value.pos, session);
  return ok('ALTER SYSTEM\n', [
    { type: 'setPostgresSetting', name: setting.name as (typeof LEVER_SETTINGS)[number], value },
  ]);
}

function alterRole(st: Extract<Statement, { k: 'alterRole' }>, session: Session): Outcome {
  const isDb = st.role.startsWith('database:');
  const target = isDb ? st.role.slice('database:'.length) : st.role;
  if (session.user !== 'postgres') throw sqlError('permission denied');
  if (
    isDb
      ? target !== 'shop' && target !== 'postgres'
      : !(ROLES as readonly string[]).includes(target)
  )
    throw sqlError(
      isDb ? `database "${target}" does not exist` : `role "${target}" does not exist`,
    );
  const setting = findSetting(st.name);
  if (!setting) throw sqlError(`unrecognized configuration parameter "${st.name}"`);
  if (setting.context !== 'user' && setting.context !== 'superuser')
    throw sqlError(`parameter "${setting.name}" cannot be changed now`);
  const tag = isDb ? 'ALTER DATABASE\n' : 'ALTER ROLE\n';
  if (st.value.isDefault) return ok(tag);
  const parsed = Number(parseSettingValue(setting, st.value.text, st.value.pos));
  const value = Number.isFinite(parsed) ? parsed : 0;
  // The application's sessions pick the setting up: modelled as the server-wide timeout.
  const applies = isDb ? target === 'shop' : target === 'app';
  if (
    applies &&
    (setting.name === 'statement_timeout' || setting.name === 'idle_in_transaction_session_timeout')
  )
    // New sessions of the role read it at login: as the pools reconnect, it is in force.
    return ok(tag, [
      { type: 'setPostgresSetting', name: setting.name, value },
      { type: 'reloadPostgres' },
    ]);
  return ok(tag);
}

function createIndex(st: Extract<Statement, { k: 'createIndex' }>, session: Session): Outcome {
  const table = findTable(st.table);
  if (!table) throw sqlError(`relation "${st.table}" does not exist`);
  for (const c of st.columns)
    if (!table.columns.some((x) => x.name === c.name))
      throw sqlError(`column "${c.name}" does not exist`);
  const name = st.name ?? `${st.table}_${st.columns.map((c) => c.name).join('_')}_idx`.slice(0, 63);
  const existing =
    indexes(session.view).find((i) => i.name === name) ??
    (session.view.state.db.indexes[name] !== undefined ? { name } : undefined);
  const isTable = findTable(name) !== undefined;
  if (existing || isTable) {
    if (st.ifNotExists)
      return ok(`NOTICE:  relation "${name}" already exists, skipping\nCREATE INDEX\n`);
    throw sqlError(`relation "${name}" already exists`);
  }
  if (session.view.state.config.postgres.tableRows[st.table] === undefined)
    return ok('CREATE INDEX\n');
  const columns = st.columns.map((c) => `${c.name}${c.desc ? ' DESC' : ''}`).join(', ');
  return ok('CREATE INDEX\n', [
    { type: 'createIndex', name, table: st.table, columns, concurrently: st.concurrently },
  ]);
}
