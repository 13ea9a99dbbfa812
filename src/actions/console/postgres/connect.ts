/**
 * psql's connection: defaults from the bastion's PGHOST / PGUSER / PGDATABASE, and the libpq errors
 * an attempt can end in (refused while the primary is down, `the database system is starting up`
 * during a restart, `sorry, too many clients already` when even the superuser slots are taken,
 * the reserved-slots error for other roles, PgBouncer's own refusals), then the banner.
 */
import type { SimState } from '../../../sim/index.ts';
import type { PsqlArgs } from './args.ts';
import { DEFAULTS } from './args.ts';
import { connectionSlots } from './backends.ts';
import { ROLES } from './roles.ts';
import {
  ADDR,
  CLIENT_VERSION,
  PGBOUNCER_PORT,
  PGBOUNCER_SERVICE_IP,
  PGBOUNCER_VERSION,
  PRIMARY_HOST,
  PRIMARY_SERVICE_IP,
  REPLICA_SERVICE_IP,
  serviceFor,
} from './hosts.ts';

export type Target =
  | {
      ok: true;
      database: 'shop' | 'pgbouncer';
      user: string;
      host: string;
      via: 'primary' | 'pgbouncer';
    }
  | { ok: false; error: string };

const SUPERUSERS = new Set(['postgres']);

/** Where psql connects, or the error libpq reports. */
export function connect(a: PsqlArgs, s: SimState): Target {
  const host = a.host || DEFAULTS.host;
  const user = a.user || DEFAULTS.user;
  // The bastion exports PGDATABASE=shop; PgBouncer's admin user only has the admin console.
  const dbname = a.dbname || (user === 'pgbouncer' ? 'pgbouncer' : DEFAULTS.dbname);
  const service = serviceFor(host);
  const port = a.port || DEFAULTS.port;
  if (service === 'local')
    return {
      ok: false,
      error: `psql: error: connection to server at "${host}" (127.0.0.1), port ${port} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
    };
  if (service === null)
    return {
      ok: false,
      error: `psql: error: could not translate host name "${host}" to address: Name or service not known\n`,
    };
  const ip =
    service === 'pgbouncer'
      ? PGBOUNCER_SERVICE_IP
      : service === 'replica'
        ? REPLICA_SERVICE_IP
        : PRIMARY_SERVICE_IP;
  const at = `psql: error: connection to server at "${host}" (${ip}), port ${port} failed: `;
  if (service === 'replica')
    return {
      ok: false,
      error: `${at}FATAL:  no pg_hba.conf entry for host "${ADDR.bastion}", user "${user}", database "${dbname}", no encryption\n`,
    };
  if (service === 'pgbouncer') {
    if (port !== PGBOUNCER_PORT && port !== 5432)
      return {
        ok: false,
        error: `${at}Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
      };
    if (dbname === 'pgbouncer') {
      if (user !== 'pgbouncer' && user !== 'postgres')
        return { ok: false, error: `${at}FATAL:  not allowed\n` };
      return { ok: true, database: 'pgbouncer', user, host, via: 'pgbouncer' };
    }
    if (dbname !== 'shop')
      return { ok: false, error: `${at}FATAL:  no such database: ${dbname}\n` };
    const pgb = s.db.pgbouncer;
    if (pgb.clients + 1 > pgb.maxClientConn)
      return { ok: false, error: `${at}FATAL:  no more connections allowed (max_client_conn)\n` };
    if (!(s.db.primaryUp && s.t >= s.db.primaryDownUntil))
      return { ok: false, error: `${at}FATAL:  pgbouncer cannot connect to server\n` };
    if (s.t < pgb.loginFailingUntil)
      return {
        ok: false,
        error: `${at}FATAL:  server login has been failing, cached error: sorry, too many clients already (server_login_retry)\n`,
      };
    return { ok: true, database: 'shop', user, host, via: 'pgbouncer' };
  }
  if (port !== 5432)
    return {
      ok: false,
      error: `${at}Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
    };
  const db = s.db;
  if (!db.primaryUp || db.primaryDownReason === 'failover')
    return {
      ok: false,
      error: `${at}Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n`,
    };
  if (s.t < db.primaryDownUntil)
    return {
      ok: false,
      error: `${at}FATAL:  the database system is ${db.primaryDownReason === 'restart' ? 'starting up' : 'in recovery mode'}\n`,
    };
  if (!(ROLES as readonly string[]).includes(user))
    return { ok: false, error: `${at}FATAL:  password authentication failed for user "${user}"\n` };
  if (dbname !== 'shop' && dbname !== 'postgres')
    return { ok: false, error: `${at}FATAL:  database "${dbname}" does not exist\n` };
  const slots = connectionSlots(s);
  if (slots.used >= slots.max)
    return { ok: false, error: `${at}FATAL:  sorry, too many clients already\n` };
  if (!SUPERUSERS.has(user) && slots.used >= slots.max - slots.reserved)
    return {
      ok: false,
      error: `${at}FATAL:  remaining connection slots are reserved for non-replication superuser connections\n`,
    };
  return { ok: true, database: 'shop', user, host, via: 'primary' };
}

export function banner(target: Extract<Target, { ok: true }>, s: SimState): string {
  if (target.database === 'pgbouncer') {
    const major = PGBOUNCER_VERSION.split('.').slice(0, 2).join('.');
    return `psql (${CLIENT_VERSION}, server ${PGBOUNCER_VERSION}/bouncer)\nWARNING: psql major version ${CLIENT_VERSION.split('.')[0]}, server major version ${major}.\n         Some psql features might not work.\nType "help" for help.\n\n`;
  }
  const server = s.config.postgres.version;
  const same = server.split('.')[0] === CLIENT_VERSION.split('.')[0] && server === CLIENT_VERSION;
  return `psql (${same ? CLIENT_VERSION : `${CLIENT_VERSION}, server ${server}`})\nType "help" for help.\n\n`;
}

export const USAGE = [
  'psql [OPTION]... [DBNAME [USERNAME]]',
  'psql -h pg-primary -U postgres -d shop [-c SQL]',
  'psql -h pgbouncer -p 6432 -U pgbouncer pgbouncer',
] as const;

export const HELP_TEXT = `psql is the PostgreSQL interactive terminal.

Usage:
  psql [OPTION]... [DBNAME [USERNAME]]

General options:
  -c, --command=COMMAND    run only single command (SQL or internal) and exit
  -d, --dbname=DBNAME      database name to connect to (default: "shop")
  -l, --list               list available databases, then exit
  -V, --version            output version information, then exit
  -X, --no-psqlrc          do not read startup file (~/.psqlrc)
  -?, --help[=options]     show this help, then exit

Output format options:
  -A, --no-align           unaligned table output mode
  -q, --quiet              run quietly (no messages, only query output)
  -t, --tuples-only        print rows only
  -x, --expanded           turn on expanded table output

Connection options:
  -h, --host=HOSTNAME      database server host or socket directory (default: "${PRIMARY_HOST}")
  -p, --port=PORT          database server port (default: "5432")
  -U, --username=USERNAME  database user name (default: "postgres")
  -w, --no-password        never prompt for password
  -W, --password           force password prompt (should happen automatically)

For more information, type "\\?" (for internal commands) or "\\help" (for SQL
commands) from within psql, or consult the psql section in the PostgreSQL
documentation.

Report bugs to <pgsql-bugs@lists.postgresql.org>.
PostgreSQL home page: <https://www.postgresql.org/>
`;
