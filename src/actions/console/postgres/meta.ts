/**
 * psql's backslash commands on the shop database: \d (relations, a table with its indexes marked
 * INVALID while a CONCURRENTLY build runs, an index, a view), \dt[+], \di, \l, \du, \conninfo,
 * \x, \?. Others psql has but this console does not simulate get a note instead of output.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import type { Note } from '../types.ts';
import type { IndexDef } from './catalog.ts';
import { findTable, indexColumns, indexes, indexesOf, TABLES, tablePages } from './catalog.ts';
import { PRIMARY_HOST, PRIMARY_SERVICE_IP } from './hosts.ts';
import type { Session } from './relation.ts';
import type { ResultSet } from './render.ts';
import { printAligned } from './render.ts';
import { findRelation } from './relations.ts';
import type { ColType } from './values.ts';
import { pgSizePretty } from '../format.ts';

export type MetaOutcome = { out: string; notes: Note[]; actions: PlayerAction[] };

const rs = (columns: string[], rows: string[][], types?: ColType[]): ResultSet => ({
  columns,
  types: types ?? columns.map(() => 'text'),
  rows,
});
const rowCount = (n: number): string => `(${n} ${n === 1 ? 'row' : 'rows'})`;

const SQL_TYPES: Record<ColType, string> = {
  int: 'integer',
  num: 'numeric',
  float: 'double precision',
  text: 'text',
  interval: 'interval',
  ts: 'timestamp with time zone',
  lsn: 'pg_lsn',
  array: 'integer[]',
  bool: 'boolean',
  regclass: 'regclass',
  void: 'void',
};

function listRelations(session: Session, withSequences: boolean, plus: boolean): string {
  const s = session.view.state;
  const rows: string[][] = [];
  for (const t of TABLES) {
    const size = pgSizePretty(tablePages(s, t.name) * 8192);
    rows.push(
      plus
        ? ['public', t.name, 'table', 'app', 'permanent', 'heap', size, '']
        : ['public', t.name, 'table', 'app'],
    );
    if (withSequences && t.columns[0]?.default?.startsWith('nextval'))
      rows.push(['public', `${t.name}_id_seq`, 'sequence', 'app']);
  }
  const cols = plus
    ? ['Schema', 'Name', 'Type', 'Owner', 'Persistence', 'Access method', 'Size', 'Description']
    : ['Schema', 'Name', 'Type', 'Owner'];
  return printAligned(
    rs(
      cols,
      rows.map((r) => r.slice(0, cols.length)),
    ),
    {
      title: 'List of relations',
      footers: [rowCount(rows.length)],
    },
  );
}

function indexLine(i: IndexDef): string {
  const kind = i.primary
    ? 'PRIMARY KEY, '
    : i.unique
      ? i.name.endsWith('_key')
        ? 'UNIQUE CONSTRAINT, '
        : 'UNIQUE, '
      : '';
  return `    "${i.name}" ${kind}${i.method} (${i.columns})${i.state === 'valid' ? '' : ' INVALID'}`;
}

function describeTable(session: Session, name: string): string | null {
  const t = findTable(name);
  if (!t) return null;
  const rows = t.columns.map((c) => [
    c.name,
    c.type,
    '',
    c.notNull ? 'not null' : '',
    c.default ?? '',
  ]);
  const idx = indexesOf(session.view, t.name);
  const footers = idx.length > 0 ? ['Indexes:', ...idx.map(indexLine)] : [];
  return printAligned(rs(['Column', 'Type', 'Collation', 'Nullable', 'Default'], rows), {
    title: `Table "public.${t.name}"`,
    footers,
  });
}

function describeIndex(session: Session, name: string): string | null {
  const i = indexes(session.view).find((x) => x.name === name && x.visible);
  if (!i) return null;
  const t = findTable(i.table);
  const cols = indexColumns(i.columns);
  const rows = cols.map((c) => [c, t?.columns.find((x) => x.name === c)?.type ?? 'text', 'yes', c]);
  const footer = `${i.primary ? 'primary key, ' : i.unique ? 'unique, ' : ''}${i.method}, for table "public.${i.table}"${i.state === 'valid' ? '' : ', invalid'}`;
  return printAligned(rs(['Column', 'Type', 'Key?', 'Definition'], rows), {
    title: `Index "public.${i.name}"`,
    footers: [footer],
  });
}

function describeView(name: string): string | null {
  const r = findRelation(name.replace(/^pg_catalog\./, ''));
  if (!r || r.name.endsWith('()')) return null;
  const rows = r.columns.map((c) => [c.name, SQL_TYPES[c.type], '', '', '']);
  return printAligned(rs(['Column', 'Type', 'Collation', 'Nullable', 'Default'], rows), {
    title: `View "pg_catalog.${r.name}"`,
    footers: [],
  });
}

const HELP = `General
  \\q                     quit psql
  \\conninfo              display information about current connection
  \\x [on|off]            toggle expanded output (one field per line)

Informational
  \\d [NAME]              list tables, or describe table, index or view
  \\dt[+]                 list tables (+ with sizes)
  \\di                    list indexes
  \\l                     list databases
  \\du                    list roles

Query Buffer
  \\g                     execute the query buffer
  \\r                     reset (clear) the query buffer
  \\p                     show the contents of the query buffer

Queries this server answers (end each with ;)
  SELECT state, count(*) FROM pg_stat_activity GROUP BY state;
  SELECT pid, now() - xact_start AS age, left(query, 60) FROM pg_stat_activity WHERE state = 'idle in transaction';
  SELECT pid, pg_blocking_pids(pid), wait_event_type FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;
  SELECT queryid, calls, mean_exec_time, left(query, 60) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;
  SELECT * FROM pg_locks WHERE NOT granted;
  EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 50;
  SHOW max_connections;   SELECT * FROM pg_stat_replication;   SELECT * FROM pg_replication_slots;
  SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';
  CREATE INDEX CONCURRENTLY ...;   ANALYZE orders;   ALTER SYSTEM SET ...;   SELECT pg_reload_conf();

`;

const UNSIMULATED = new Set([
  'watch',
  'timing',
  'e',
  'edit',
  'i',
  'include',
  'o',
  'out',
  'copy',
  '!',
  'h',
  'help',
  'set',
  'pset',
  'echo',
  'a',
  'H',
  'f',
  'T',
  'C',
  's',
  'w',
  'ir',
  'gx',
  'gset',
  'crosstabview',
  'sf',
  'sv',
  'ef',
  'ev',
  'lo_import',
  'lo_export',
  'encoding',
  'password',
  'cd',
  'setenv',
  'if',
  'elif',
  'else',
  'endif',
  'errverbose',
  'prompt',
  'qecho',
  'warn',
  'bind',
]);

/** Runs a backslash command (without its backslash) on the shop database. */
export function runMeta(
  cmd: string,
  args: string[],
  session: Session,
  expanded: boolean,
): MetaOutcome & { expanded: boolean } {
  const done = (out: string, actions: PlayerAction[] = [], notes: Note[] = []) => ({
    out,
    actions,
    notes,
    expanded,
  });
  switch (cmd) {
    case 'x': {
      const a = (args[0] ?? '').toLowerCase();
      const on = a === 'on' ? true : a === 'off' ? false : a === 'auto' ? false : !expanded;
      return {
        ...done(
          a === 'auto'
            ? 'Expanded display is used automatically.\n'
            : `Expanded display is ${on ? 'on' : 'off'}.\n`,
        ),
        expanded: on,
      };
    }
    case 'conninfo':
      return done(
        `You are connected to database "${session.database}" as user "${session.user}" on host "${PRIMARY_HOST}" (address "${PRIMARY_SERVICE_IP}") at port "5432".\n`,
      );
    case '?':
      return done(HELP);
    case 'd':
    case 'd+': {
      if (args.length === 0) return done(listRelations(session, true, false));
      const name = args[0]!
        .replace(/^public\./, '')
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
      const out =
        describeTable(session, name) ?? describeIndex(session, name) ?? describeView(name);
      if (!out) return done(`Did not find any relation named "${args[0]}".\n`);
      return done(
        out,
        findTable(name) ? [{ type: 'inspect', target: 'pg_stat_user_tables', subject: name }] : [],
      );
    }
    case 'dt':
    case 'dt+':
      return done(listRelations(session, false, cmd === 'dt+'));
    case 'di':
    case 'di+': {
      const rows = indexes(session.view)
        .filter((i) => i.visible)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((i) => ['public', i.name, 'index', 'app', i.table]);
      return done(
        printAligned(rs(['Schema', 'Name', 'Type', 'Owner', 'Table'], rows), {
          title: 'List of relations',
          footers: [rowCount(rows.length)],
        }),
        [{ type: 'inspect', target: 'pg_stat_user_tables', subject: 'indexes' }],
      );
    }
    case 'l':
    case 'l+':
    case 'list': {
      const acl = '=c/postgres\npostgres=CTc/postgres';
      const rows = [
        ['postgres', 'postgres', 'UTF8', 'en_US.utf8', 'en_US.utf8', '', 'libc', ''],
        ['shop', 'app', 'UTF8', 'en_US.utf8', 'en_US.utf8', '', 'libc', ''],
        ['template0', 'postgres', 'UTF8', 'en_US.utf8', 'en_US.utf8', '', 'libc', acl],
        ['template1', 'postgres', 'UTF8', 'en_US.utf8', 'en_US.utf8', '', 'libc', acl],
      ];
      return done(
        printAligned(
          rs(
            [
              'Name',
              'Owner',
              'Encoding',
              'Collate',
              'Ctype',
              'ICU Locale',
              'Locale Provider',
              'Access privileges',
            ],
            rows,
          ),
          {
            title: 'List of databases',
            footers: [rowCount(rows.length)],
          },
        ),
      );
    }
    case 'du':
    case 'dg': {
      const rows = [
        ['analyst', ''],
        ['app', ''],
        ['billing', ''],
        ['metabase', ''],
        ['migrator', ''],
        ['postgres', 'Superuser, Create role, Create DB, Replication, Bypass RLS'],
        ['postgres_exporter', ''],
        ['replicator', 'Replication'],
      ];
      return done(
        printAligned(rs(['Role name', 'Attributes'], rows), {
          title: 'List of roles',
          footers: [],
        }),
      );
    }
    default:
      if (UNSIMULATED.has(cmd))
        return done(
          '',
          [],
          [{ key: 'console.note.unsupportedFlag', params: { command: 'psql', flag: `\\${cmd}` } }],
        );
      return done(`invalid command \\${cmd}\nTry \\? for help.\n`);
  }
}
