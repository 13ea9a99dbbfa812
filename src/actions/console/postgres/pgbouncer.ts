/**
 * PgBouncer's admin console (`psql -h pgbouncer -p 6432 -U pgbouncer pgbouncer`): SHOW POOLS,
 * STATS, CLIENTS, SERVERS, CONFIG, DATABASES, VERSION, HELP; SET and RELOAD. Commands are matched
 * the way PgBouncer's admin.c matches them (one or two words, or SET key = value), anything else
 * is `invalid command '...', use SHOW HELP;`. Numbers are the sim's: the pool's clients and
 * server connections, waiting clients and how long the oldest has waited, transactions per second.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import type { Note } from '../types.ts';
import { PGBOUNCER_VERSION } from './hosts.ts';
import { clientsAndServers, config, databases, pools, stats, table } from './pgbouncer-show.ts';
import type { Table } from './pgbouncer-show.ts';
import type { Session } from './relation.ts';
import type { PrintOptions } from './render.ts';
import { printResult } from './render.ts';

export type AdminOutcome = { out: string; failed: boolean; notes: Note[]; actions: PlayerAction[] };

const HELP = `NOTICE:  Console usage
DETAIL:  
\tSHOW HELP|CONFIG|DATABASES|POOLS|CLIENTS|SERVERS|USERS|VERSION
\tSHOW PEERS|PEER_POOLS
\tSHOW FDS|SOCKETS|ACTIVE_SOCKETS|LISTS|MEM|STATE
\tSHOW DNS_HOSTS|DNS_ZONES
\tSHOW STATS|STATS_TOTALS|STATS_AVERAGES|TOTALS
\tSET key = arg
\tRELOAD
\tPAUSE [<db>]
\tRESUME [<db>]
\tDISABLE <db>
\tENABLE <db>
\tRECONNECT [<db>]
\tKILL [<db>]
\tSUSPEND
\tSHUTDOWN
\tWAIT_CLOSE [<db>]
SHOW
`;

const WORD = '("(?:[^"]|"")+"|[0-9a-z_]+)';
const CMD = new RegExp(`^\\s*${WORD}(?:\\s+${WORD})?\\s*(;\\s*)?$`, 'i');
const SET = new RegExp(
  `^\\s*set\\s+${WORD}\\s*(?:=|to)\\s*(${WORD.slice(1, -1)}|'(?:[^']|'')*')\\s*(;\\s*)?$`,
  'i',
);

const unquote = (w: string): string =>
  w.startsWith('"')
    ? w.slice(1, -1).replace(/""/g, '"')
    : w.startsWith("'")
      ? w.slice(1, -1).replace(/''/g, "'")
      : w;

/** The `SET` keys whose change the sim models (as the setPgbouncer lever). */
const LEVER_KEYS = new Set(['default_pool_size', 'max_client_conn']);

export function runAdmin(query: string, session: Session, print: PrintOptions): AdminOutcome {
  const view = session.view;
  const s = view.state;
  const invalid = (): AdminOutcome => ({
    out: `ERROR:  invalid command '${query}', use SHOW HELP;\n`,
    failed: true,
    notes: [],
    actions: [],
  });
  const shown = (t: Table, subject: string): AdminOutcome => ({
    out: printResult(t, print),
    failed: false,
    notes: [],
    actions: [{ type: 'inspect', target: 'pgbouncer', subject }],
  });
  const set = SET.exec(query);
  if (set) {
    const key = unquote(set[1]!).toLowerCase();
    const value = unquote(set[2]!);
    const known = config(s).rows.find((r) => r[0] === key);
    const fail: AdminOutcome = {
      out: 'ERROR:  SET failed\n',
      failed: true,
      notes: [],
      actions: [],
    };
    if (!known || known[3] !== 'yes') return fail;
    if (LEVER_KEYS.has(key)) {
      if (!/^\d+$/.test(value) || Number(value) < 1) return fail;
      const lever: PlayerAction =
        key === 'default_pool_size'
          ? { type: 'setPgbouncer', defaultPoolSize: Number(value) }
          : { type: 'setPgbouncer', maxClientConn: Number(value) };
      return { out: 'SET\n', failed: false, notes: [], actions: [lever] };
    }
    return { out: 'SET\n', failed: false, notes: [], actions: [] };
  }
  const m = CMD.exec(query);
  if (!m) return invalid();
  const cmd = unquote(m[1]!).toLowerCase();
  const arg = m[2] ? unquote(m[2]).toLowerCase() : '';
  if (cmd === 'reload' && arg === '')
    return { out: 'RELOAD\n', failed: false, notes: [], actions: [] };
  if (
    [
      'pause',
      'resume',
      'kill',
      'kill_client',
      'suspend',
      'shutdown',
      'reconnect',
      'disable',
      'enable',
      'wait_close',
    ].includes(cmd)
  )
    return {
      out: `ERROR:  ${cmd.toUpperCase()} is not simulated by this console\n`,
      failed: true,
      notes: [{ key: 'console.note.sqlNotUnderstood' }],
      actions: [],
    };
  if (cmd !== 'show' && cmd !== 'select') return invalid();
  switch (arg) {
    case 'pools':
      return shown(pools(view), 'pools');
    case 'stats':
      return shown(stats(view), 'stats');
    case 'clients':
      return shown(clientsAndServers(session).clients, 'clients');
    case 'servers':
      return shown(clientsAndServers(session).servers, 'servers');
    case 'config':
      return shown(config(s), 'config');
    case 'databases':
      return shown(databases(s), 'databases');
    case 'version':
      return shown(table('version', [[`PgBouncer ${PGBOUNCER_VERSION}`]]), 'version');
    case 'help':
      return { out: HELP, failed: false, notes: [], actions: [] };
    case 'state':
      return shown(
        table('key value', [
          ['active', 'yes'],
          ['paused', 'no'],
          ['suspended', 'no'],
        ]),
        'state',
      );
    case 'users':
      return shown(
        table(
          'name pool_size reserve_pool_size pool_mode max_user_connections:i current_connections:i',
          [
            ['app', '', '', null, 0, Math.round(s.db.serverConns)],
            ['pgbouncer', '', '', null, 0, 0],
          ],
        ),
        'users',
      );
    default:
      return invalid();
  }
}

/** PgBouncer's answer to psql's catalog queries (`\dt` and friends) on the admin console. */
export const CATALOG_QUERY_ERROR =
  "ERROR:  invalid command 'SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\",\n  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\nWHERE c.relkind IN ('r','p','')\n      AND n.nspname <> 'pg_catalog'\n      AND n.nspname !~ '^pg_toast'\n      AND n.nspname <> 'information_schema'\n  AND pg_catalog.pg_table_is_visible(c.oid)\nORDER BY 1,2;', use SHOW HELP;\n";
