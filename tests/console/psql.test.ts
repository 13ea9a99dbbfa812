/**
 * psql against the simulated primary and PgBouncer's admin console: golden transcripts of the
 * queries SREs type in calm and in each flagship's fault, psql's errors and interactive mode, the
 * levers changing statements return, and their effect landing in the sim after its real delay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from '../../src/actions/console/complete.ts';
import { execute, initialConsoleState, promptFor } from '../../src/actions/console/interpreter.ts';
import type { ConsoleState } from '../../src/actions/console/interpreter.ts';
import { parseStatement } from '../../src/actions/console/postgres/parser.ts';
import { psqlLine } from '../../src/actions/console/postgres/session.ts';
import type { ConsoleView } from '../../src/actions/console/types.ts';
import { M, makeFault } from '../../src/sim/index.ts';
import type { ScenarioRun } from '../../src/scenario/runner.ts';
import {
  applyActions,
  CALM_MS,
  FAULT_MOMENT_MS,
  FLAGSHIPS,
  freshRunAt,
  typeLines,
  viewAt,
} from './views.ts';

const Q = {
  census:
    "SELECT state, count(*), max(now() - xact_start) AS oldest_xact, max(now() - state_change) AS longest_in_state FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY state ORDER BY 2 DESC;",
  idleInTx:
    "SELECT pid, usename, application_name, client_addr, now()-xact_start AS xact_age, wait_event, left(query,60) AS last_query FROM pg_stat_activity WHERE state = 'idle in transaction' ORDER BY xact_start LIMIT 5;",
  running:
    "SELECT pid, state, wait_event_type, wait_event, now() - query_start AS running_for, left(query,50) FROM pg_stat_activity WHERE state <> 'idle' ORDER BY running_for DESC LIMIT 10;",
  blockers:
    'SELECT pid, pg_blocking_pids(pid) AS blocked_by, state, now()-xact_start AS xact_age, left(query,40) FROM pg_stat_activity WHERE cardinality(pg_blocking_pids(pid)) > 0;',
  waitingLocks:
    'SELECT locktype, relation::regclass, mode, granted, pid FROM pg_locks WHERE NOT granted ORDER BY pid LIMIT 5;',
  byTotal:
    'SELECT queryid, calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric,1) AS mean_ms, rows, shared_blks_read, left(query, 60) AS query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 5;',
  byMean:
    'SELECT queryid, calls, round(mean_exec_time::numeric,1) AS mean_ms, round(total_exec_time) AS total_ms, left(query, 60) AS query FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 5;',
  explainOrders:
    'EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE customer_id = 48213 ORDER BY created_at DESC LIMIT 50;',
  explainStatus:
    "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE customer_id = 48213 AND status = 'shipped' ORDER BY created_at DESC LIMIT 50;",
  maxConnections: 'SHOW max_connections;',
  countAll: 'SELECT count(*) FROM pg_stat_activity;',
  replication:
    'SELECT application_name, client_addr, state, sync_state, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) AS replay_behind, write_lag, flush_lag, replay_lag FROM pg_stat_replication;',
  slots:
    'SELECT slot_name, slot_type, active, wal_status, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained_wal, safe_wal_size FROM pg_replication_slots;',
};

const PGBOUNCER = 'psql -h pgbouncer -p 6432 -U pgbouncer pgbouncer';

/** What the terminal shows for a sequence of lines: prompt, line, output. */
function transcript(view: ConsoleView, ...lines: string[]): string {
  return typeLines(view, ...lines)
    .all.map((e) => `${e.echo}\n${e.out}`)
    .join('');
}

const viewOf = (run: ScenarioRun): ConsoleView => ({
  state: run.sim.state,
  recorder: run.sim.recorder,
});
const metric = (run: ScenarioRun, key: string): number => run.sim.recorder.metrics.latest(M[key]!);

const MOMENTS = [
  { name: 'calm', id: 'pool-exhaustion-leak', at: CALM_MS },
  ...FLAGSHIPS.map((id) => ({ name: id, id, at: FAULT_MOMENT_MS[id] })),
] as const;

describe('golden transcripts', () => {
  for (const m of MOMENTS) {
    const view = () => viewAt(m.id, m.at);
    it(`pg_stat_activity in ${m.name}`, async () => {
      const out = transcript(view(), 'psql', Q.census, Q.idleInTx, Q.running, Q.blockers, '\\q');
      await expect(out).toMatchFileSnapshot(`golden/psql-${m.name}-activity.txt`);
    });
    it(`pg_stat_statements and EXPLAIN in ${m.name}`, async () => {
      const out = transcript(
        view(),
        'psql',
        Q.byTotal,
        Q.byMean,
        Q.explainOrders,
        Q.explainStatus,
        '\\q',
      );
      await expect(out).toMatchFileSnapshot(`golden/psql-${m.name}-statements.txt`);
    });
    it(`settings and replication in ${m.name}`, async () => {
      const out = transcript(
        view(),
        'psql',
        Q.maxConnections,
        Q.countAll,
        Q.replication,
        Q.slots,
        '\\q',
      );
      await expect(out).toMatchFileSnapshot(`golden/psql-${m.name}-settings.txt`);
    });
    it(`PgBouncer SHOW POOLS and SHOW STATS in ${m.name}`, async () => {
      const out = transcript(view(), PGBOUNCER, 'SHOW POOLS;', '\\x', 'SHOW STATS;', '\\q');
      await expect(out).toMatchFileSnapshot(`golden/psql-${m.name}-pgbouncer.txt`);
    });
  }

  it('a migration queued behind a long read: blockers and waiting locks', async () => {
    const run = freshRunAt('latency-spike-missing-index', CALM_MS);
    run.act({
      type: 'injectFault',
      id: 'mig',
      fault: makeFault('migrationLock', { durationMs: 600_000 }),
    });
    run.runUntil(CALM_MS + 45_000);
    const out = transcript(viewOf(run), 'psql', Q.census, Q.blockers, Q.waitingLocks, '\\q');
    await expect(out).toMatchFileSnapshot('golden/psql-migration-lock.txt');
  });

  it('an abandoned logical slot retaining WAL', async () => {
    const run = freshRunAt('pool-exhaustion-leak', CALM_MS);
    run.act({ type: 'injectFault', id: 'slot', fault: makeFault('walRetention') });
    run.runUntil(CALM_MS + 30_000);
    const out = transcript(
      viewOf(run),
      'psql',
      Q.slots,
      'SELECT count(*) AS files, pg_size_pretty(sum(size)) AS size FROM pg_ls_waldir();',
      '\\q',
    );
    await expect(out).toMatchFileSnapshot('golden/psql-wal-retention.txt');
  });

  it('the table description, indexes and databases', async () => {
    const out = transcript(
      viewAt('latency-spike-missing-index', CALM_MS),
      'psql',
      '\\dt',
      '\\d orders',
      '\\l',
      '\\conninfo',
      '\\q',
    );
    await expect(out).toMatchFileSnapshot('golden/psql-describe.txt');
  });
});

describe('what an SRE reads in the goldens', () => {
  it('pool exhaustion: the census is dominated by idle in transaction, oldest near the release', () => {
    const r = typeLines(
      viewAt('pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']),
      `psql -c "${Q.census}"`,
    );
    const first = r.out.split('\n')[2]!;
    expect(first).toMatch(/^ idle in transaction \|\s+72 \| 00:0[5-9]:/);
  });

  it('latency spike: the top query by mean time is the status filter, a sequential scan of seconds', () => {
    const view = viewAt(
      'latency-spike-missing-index',
      FAULT_MOMENT_MS['latency-spike-missing-index'],
    );
    const top = typeLines(view, `psql -c "${Q.byMean}"`).out.split('\n')[2]!;
    expect(top).toContain('AND status = $');
    const mean = Number(top.split('|')[2]);
    expect(mean).toBeGreaterThan(1000);
    const plan = typeLines(view, `psql -c "${Q.explainStatus.replace(/"/g, '\\"')}"`).out;
    expect(plan).toContain('Seq Scan on orders');
    expect(plan).toMatch(/Rows Removed by Filter: 19999\d{3}/);
  });

  it('calm: no idle-in-transaction pile-up and index scans only', () => {
    const view = viewAt('pool-exhaustion-leak', CALM_MS);
    expect(typeLines(view, `psql -c "${Q.census}"`).out).not.toContain('idle in transaction');
    // Without the release's status filter the planner uses the customer index and filters.
    expect(typeLines(view, `psql -c "${Q.explainStatus}"`).out).toContain(
      "Filter: (status = 'shipped'::text)",
    );
    expect(typeLines(view, `psql -c "${Q.explainOrders}"`).out).toContain(
      'Index Scan using orders_customer_id_created_at_idx',
    );
  });
});

describe('psql errors', () => {
  const view = () => viewAt('pool-exhaustion-leak', CALM_MS);
  const inPsql = (...lines: string[]) => typeLines(view(), 'psql', ...lines);

  it('points a caret at an unknown column', () => {
    expect(inPsql('SELECT foo FROM pg_stat_activity;').out).toBe(
      'ERROR:  column "foo" does not exist\nLINE 1: SELECT foo FROM pg_stat_activity;\n               ^\n',
    );
  });

  it('reports a syntax error at the misspelt keyword', () => {
    expect(inPsql('SELEC * FROM pg_stat_activity;').out).toBe(
      'ERROR:  syntax error at or near "SELEC"\nLINE 1: SELEC * FROM pg_stat_activity;\n        ^\n',
    );
  });

  it('suggests the relation a typo meant', () => {
    const r = inPsql('SELECT * FROM pg_stat_activty;');
    expect(r.out).toBe(
      'ERROR:  relation "pg_stat_activty" does not exist\nLINE 1: SELECT * FROM pg_stat_activty;\n                      ^\n',
    );
    expect(r.notes).toEqual([
      { key: 'console.note.didYouMean', params: { suggestion: 'pg_stat_activity' } },
    ]);
    expect(r.actions).toEqual([]);
  });

  it('explains SQL outside the subset instead of guessing', () => {
    for (const sql of [
      'SELECT * FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid;',
      'SELECT * FROM pg_stat_activity WHERE pid IN (SELECT pid FROM pg_locks);',
      'DELETE FROM orders;',
      'SELECT * FROM orders WHERE id = 1;',
    ]) {
      const r = inPsql(sql);
      expect(r.out).toMatch(/^ERROR: {2}/);
      expect(r.notes).toContainEqual({ key: 'console.note.sqlNotUnderstood' });
      expect(r.actions.filter((a) => a.type !== 'inspect')).toEqual([]);
    }
  });

  it('keeps PostgreSQL type rules: round(double precision, integer) and interval > integer', () => {
    expect(inPsql('SELECT round(mean_exec_time, 1) FROM pg_stat_statements;').out).toContain(
      'ERROR:  function round(double precision, integer) does not exist',
    );
    expect(
      inPsql('SELECT pid FROM pg_stat_activity WHERE now() - state_change > 300;').out,
    ).toContain('ERROR:  operator does not exist: interval > integer');
    expect(inPsql("ALTER SYSTEM SET statement_timeout = '5m';").out).toBe(
      'ERROR:  invalid value for parameter "statement_timeout": "5m"\nHINT:  Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".\n',
    );
  });

  it('PgBouncer refuses SQL it does not know', () => {
    const r = typeLines(view(), PGBOUNCER, 'select * from pg_stat_activity;');
    expect(r.out).toBe(
      "ERROR:  invalid command 'select * from pg_stat_activity;', use SHOW HELP;\n",
    );
  });

  it('cannot connect while the primary is down, or when every slot is taken', () => {
    const v = view();
    const down: ConsoleView = {
      ...v,
      state: { ...v.state, db: { ...v.state.db, primaryUp: false } },
    };
    const r = typeLines(down, 'psql');
    expect(r.out).toBe(
      'psql: error: connection to server at "pg-primary.db.svc.cluster.local" (10.96.88.21), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n',
    );
    expect(r.exit).toBe(2);
    expect(r.state.mode).toEqual({ kind: 'shell' });
    const full: ConsoleView = {
      ...v,
      state: { ...v.state, db: { ...v.state.db, serverConns: 91 } },
    };
    expect(typeLines(full, 'psql -h pg-primary -U app -d shop').out).toContain(
      'port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections',
    );
    expect(typeLines(full, 'psql -h pg-primary -U postgres -d shop').state.mode.kind).toBe('psql');
    const overfull: ConsoleView = {
      ...v,
      state: { ...v.state, db: { ...v.state.db, serverConns: 94 } },
    };
    expect(typeLines(overfull, 'psql').out).toContain(
      'failed: FATAL:  sorry, too many clients already',
    );
  });
});

describe('interactive psql', () => {
  it('remembers who connected: the app role gets => and no ALTER SYSTEM', () => {
    const e = typeLines(
      viewAt('pool-exhaustion-leak', CALM_MS),
      'psql -U app',
      "ALTER SYSTEM SET statement_timeout = '5s';",
    );
    expect(e.all[0]!.state.mode).toMatchObject({ kind: 'psql', user: 'app' });
    expect(e.echo.startsWith('shop=> ')).toBe(true);
    expect(e.out).toContain('ERROR:  must be superuser to execute ALTER SYSTEM command');
    expect(e.actions).toEqual([]);
  });

  const view = () => viewAt('pool-exhaustion-leak', CALM_MS);

  it('opens a session with the banner and the shop prompt', () => {
    const r = typeLines(view(), 'psql -h pg-primary.db.svc.cluster.local -U postgres -d shop');
    expect(r.out).toBe('psql (16.2, server 15.6)\nType "help" for help.\n\n');
    expect(r.state.mode).toEqual({
      kind: 'psql',
      database: 'shop',
      user: 'postgres',
      buffer: '',
      expanded: false,
    });
    expect(promptFor(r.state.mode)).toBe('shop=# ');
  });

  it('buffers a statement until its semicolon', () => {
    const r = typeLines(
      view(),
      'psql',
      'SELECT count(*)',
      'FROM pg_stat_activity',
      "WHERE state = 'idle';",
    );
    const [, first, second, third] = r.all;
    expect(first!.out).toBe('');
    expect(promptFor(first!.state.mode)).toBe('shop-# ');
    expect(second!.echo).toBe('shop-# FROM pg_stat_activity');
    expect(third!.out).toMatch(/^ count \n-------\n +\d+\n\(1 row\)\n\n$/);
    expect(promptFor(third!.state.mode)).toBe('shop=# ');
  });

  it('toggles expanded output with \\x and leaves with \\q', () => {
    const r = typeLines(view(), 'psql', '\\x', 'SHOW max_connections;', '\\q');
    expect(r.all[1]!.out).toBe('Expanded display is on.\n');
    expect(r.all[2]!.out).toBe('-[ RECORD 1 ]---+----\nmax_connections | 100\n\n');
    expect(r.state.mode).toEqual({ kind: 'shell' });
  });

  it('runs several statements typed on one line, and -c strings', () => {
    const r = typeLines(
      view(),
      'psql',
      'SHOW statement_timeout; SHOW superuser_reserved_connections;',
    );
    expect(r.out).toBe(
      ' statement_timeout \n-------------------\n 0\n(1 row)\n\n superuser_reserved_connections \n--------------------------------\n 3\n(1 row)\n\n',
    );
    const c = typeLines(view(), 'psql -tAc "SELECT count(*) FROM pg_replication_slots"');
    expect(c.out).toBe('1\n');
    expect(c.state.mode).toEqual({ kind: 'shell' });
  });

  it('opens the PgBouncer admin console with its version warning', () => {
    const r = typeLines(view(), PGBOUNCER);
    expect(r.out).toBe(
      'psql (16.2, server 1.23.1/bouncer)\nWARNING: psql major version 16, server major version 1.23.\n         Some psql features might not work.\nType "help" for help.\n\n',
    );
    expect(promptFor(r.state.mode)).toBe('pgbouncer=# ');
  });

  it('reads SQL from a pipe, lists examples with \\?, and notes what it does not simulate', () => {
    const piped = typeLines(view(), 'echo "SHOW statement_timeout;" | psql');
    expect(piped.out).toBe(' statement_timeout \n-------------------\n 0\n(1 row)\n\n');
    expect(piped.state.mode).toEqual({ kind: 'shell' });
    const r = typeLines(view(), 'psql', '\\?', '\\watch 2', '\\nope', 'help');
    expect(r.all[1]!.out).toContain('SELECT pg_terminate_backend(pid) FROM pg_stat_activity');
    expect(r.all[2]!.notes).toEqual([
      { key: 'console.note.unsupportedFlag', params: { command: 'psql', flag: '\\watch' } },
    ]);
    expect(r.all[3]!.out).toBe('invalid command \\nope\nTry \\? for help.\n');
    expect(r.all[4]!.out).toContain(
      'You are using psql, the command-line interface to PostgreSQL.',
    );
    const admin = typeLines(view(), PGBOUNCER, 'SHOW HELP;', '\\dt');
    expect(admin.all[1]!.out).toMatch(
      /^NOTICE: {2}Console usage\nDETAIL: {2}\n\tSHOW HELP\|CONFIG/,
    );
    expect(admin.all[2]!.out).toMatch(/^ERROR: {2}invalid command 'SELECT n\.nspname/);
  });

  it('completes flags and host names', () => {
    const state: ConsoleState = initialConsoleState();
    expect(complete('psql -h pg-', state.mode, view()).candidates).toEqual([
      'pg-primary',
      'pg-primary.db.svc.cluster.local',
      'pg-replica',
    ]);
    expect(complete('psql -', state.mode, view()).candidates).toContain('-U');
  });
});

describe('levers', () => {
  const fault = () => viewAt('pool-exhaustion-leak', FAULT_MOMENT_MS['pool-exhaustion-leak']);
  const levers = (view: ConsoleView, ...lines: string[]) =>
    typeLines(view, 'psql', ...lines)
      .all.flatMap((e) => e.actions)
      .filter((a) => a.type !== 'inspect');

  it('terminating idle-in-transaction sessions by state and age', () => {
    expect(
      levers(
        fault(),
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction' AND now() - state_change > interval '5 minutes';",
      ),
    ).toEqual([
      { type: 'terminateBackends', filter: { state: 'idle in transaction', olderThanMs: 300_000 } },
    ]);
  });

  it('cancelling one backend by pid', () => {
    const migration = freshRunAt('latency-spike-missing-index', CALM_MS);
    migration.act({ type: 'injectFault', id: 'mig', fault: makeFault('migrationLock') });
    migration.runUntil(CALM_MS + 5_000);
    const pid = migration.sim.state.db.migrations[0]!.pid;
    expect(levers(viewOf(migration), `SELECT pg_cancel_backend(${pid});`)).toEqual([
      { type: 'terminateBackends', filter: { pid }, cancelOnly: true },
    ]);
  });

  it('CREATE INDEX, ANALYZE, ALTER SYSTEM, reload and slot drop', () => {
    expect(
      levers(
        fault(),
        'CREATE INDEX CONCURRENTLY orders_customer_id_status_created_at_idx ON orders (customer_id, status, created_at DESC);',
        'ANALYZE orders;',
        "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';",
        'ALTER SYSTEM SET max_connections = 200;',
        'SELECT pg_reload_conf();',
      ),
    ).toEqual([
      {
        type: 'createIndex',
        name: 'orders_customer_id_status_created_at_idx',
        table: 'orders',
        columns: 'customer_id, status, created_at DESC',
        concurrently: true,
      },
      { type: 'analyzeTable', table: 'orders' },
      { type: 'setPostgresSetting', name: 'idle_in_transaction_session_timeout', value: 30_000 },
      { type: 'setPostgresSetting', name: 'max_connections', value: 200 },
      { type: 'reloadPostgres' },
    ]);
  });

  it('dropping an inactive replication slot', () => {
    const run = freshRunAt('pool-exhaustion-leak', CALM_MS);
    run.act({ type: 'injectFault', id: 'slot', fault: makeFault('walRetention') });
    run.runUntil(CALM_MS + 5_000);
    const r = typeLines(
      viewOf(run),
      'psql',
      "SELECT pg_drop_replication_slot('debezium_analytics');",
    );
    expect(r.out).toBe(' pg_drop_replication_slot \n--------------------------\n \n(1 row)\n\n');
    expect(r.actions).toEqual([{ type: 'dropReplicationSlot', slot: 'debezium_analytics' }]);
  });

  it('pulls nothing when PostgreSQL would refuse the statement', () => {
    const r = typeLines(
      fault(),
      'psql',
      'CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id);',
      'CREATE INDEX ix ON nope (id);',
      "SELECT pg_drop_replication_slot('pg_replica_0');",
      "SELECT pg_drop_replication_slot('nope');",
    );
    expect(r.all.slice(1).map((e) => e.out)).toEqual([
      'ERROR:  relation "orders_customer_id_created_at_idx" already exists\n',
      'ERROR:  relation "nope" does not exist\n',
      'ERROR:  replication slot "pg_replica_0" is active for PID 4211\n',
      'ERROR:  replication slot "nope" does not exist\n',
    ]);
    expect(r.all.flatMap((e) => e.actions)).toEqual([]);
  });

  it('PgBouncer SET default_pool_size and RELOAD', () => {
    const r = typeLines(fault(), PGBOUNCER, 'SET default_pool_size = 40;', 'RELOAD;');
    expect(r.all.map((e) => e.out).slice(1)).toEqual(['SET\n', 'RELOAD\n']);
    expect(r.all.flatMap((e) => e.actions)).toEqual([
      { type: 'setPgbouncer', defaultPoolSize: 40 },
    ]);
  });
});

describe('effects land in the sim after their real delay', () => {
  /** Types lines in a psql session on the run as it is now and sends the levers to it. */
  function act(run: ScenarioRun, state: ConsoleState, line: string): ConsoleState {
    const e = execute(state, line, viewOf(run));
    applyActions(run, e);
    return e.state;
  }
  const open = (run: ScenarioRun, line = 'psql'): ConsoleState =>
    execute(initialConsoleState(), line, viewOf(run)).state;

  it('terminating the leaked sessions frees their connections at the next step', () => {
    const at = FAULT_MOMENT_MS['pool-exhaustion-leak'];
    const run = freshRunAt('pool-exhaustion-leak', at);
    const before = metric(run, 'pg_conn_idle_in_tx');
    expect(before).toBeGreaterThan(60);
    act(
      run,
      open(run),
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';",
    );
    expect(metric(run, 'pg_conn_idle_in_tx')).toBe(before);
    run.runUntil(at + 2_000);
    expect(metric(run, 'pg_conn_idle_in_tx')).toBeLessThan(before / 4);
  });

  it('pg_terminate_backend(pid) of one leaked session ends that session only', () => {
    const at = FAULT_MOMENT_MS['pool-exhaustion-leak'];
    const run = freshRunAt('pool-exhaustion-leak', at);
    const pids = typeLines(
      viewOf(run),
      `psql -tAc "SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction' ORDER BY xact_start LIMIT 2;"`,
    )
      .out.trim()
      .split('\n');
    expect(pids).toHaveLength(2);
    const e = execute(
      initialConsoleState(),
      `psql -c "SELECT pg_terminate_backend(${pids[0]}), pg_terminate_backend(${pids[1]});"`,
      viewOf(run),
    );
    expect(e.actions).toContainEqual({
      type: 'terminateBackends',
      filter: { state: 'idle in transaction', count: 2 },
    });
    const before = metric(run, 'pg_conn_idle_in_tx');
    applyActions(run, e);
    run.runUntil(at + 1_000);
    expect(metric(run, 'pg_conn_idle_in_tx')).toBeLessThan(before);
    expect(metric(run, 'pg_conn_idle_in_tx')).toBeGreaterThan(before - 5);
  });

  it('ALTER SYSTEM without pg_reload_conf() changes nothing yet', () => {
    const at = FAULT_MOMENT_MS['pool-exhaustion-leak'];
    const run = freshRunAt('pool-exhaustion-leak', at);
    act(run, open(run), "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';");
    run.runUntil(at + 60_000);
    expect(typeLines(viewOf(run), 'psql -tAc "SHOW idle_in_transaction_session_timeout"').out).toBe(
      '0\n',
    );
  });

  it('idle_in_transaction_session_timeout applies after the reload and drains the leak', () => {
    const at = FAULT_MOMENT_MS['pool-exhaustion-leak'];
    const run = freshRunAt('pool-exhaustion-leak', at);
    const before = metric(run, 'pg_conn_idle_in_tx');
    let s = open(run);
    s = act(run, s, "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';");
    act(run, s, 'SELECT pg_reload_conf();');
    run.runUntil(at + 1_000);
    expect(metric(run, 'pg_conn_idle_in_tx')).toBeGreaterThan(before * 0.9);
    expect(typeLines(viewOf(run), 'psql -tAc "SHOW idle_in_transaction_session_timeout"').out).toBe(
      '0\n',
    );
    run.runUntil(at + 3_000);
    expect(typeLines(viewOf(run), 'psql -tAc "SHOW idle_in_transaction_session_timeout"').out).toBe(
      '30s\n',
    );
    run.runUntil(at + 120_000);
    expect(metric(run, 'pg_conn_idle_in_tx')).toBeLessThan(before / 2);
  });

  it('CREATE INDEX CONCURRENTLY shows INVALID while it builds, then order history recovers', () => {
    const at = FAULT_MOMENT_MS['latency-spike-missing-index'];
    const run = freshRunAt('latency-spike-missing-index', at);
    const slow = metric(run, 'orders_p99');
    expect(slow).toBeGreaterThan(1000);
    act(
      run,
      open(run),
      'CREATE INDEX CONCURRENTLY orders_customer_id_status_created_at_idx ON orders (customer_id, status, created_at DESC);',
    );
    run.runUntil(at + 60_000);
    expect(metric(run, 'orders_p99')).toBeGreaterThan(1000);
    expect(transcript(viewOf(run), 'psql -c "\\d orders"')).toContain(
      '"orders_customer_id_status_created_at_idx" btree (customer_id, status, created_at DESC) INVALID',
    );
    run.runUntil(at + 7 * 60_000);
    expect(metric(run, 'orders_p99')).toBeLessThan(300);
    const plan = typeLines(viewOf(run), `psql -c "${Q.explainStatus.replace(/"/g, '\\"')}"`).out;
    expect(plan).toContain('Index Scan using orders_customer_id_status_created_at_idx on orders');
  });

  it('max_connections waits for a restart: SHOW keeps the old value until then', () => {
    const run = freshRunAt('pool-exhaustion-leak', CALM_MS);
    let s = open(run);
    s = act(run, s, 'ALTER SYSTEM SET max_connections = 200;');
    act(run, s, 'SELECT pg_reload_conf();');
    run.runUntil(CALM_MS + 5_000);
    const show = () => typeLines(viewOf(run), 'psql -tAc "SHOW max_connections"').out;
    expect(show()).toBe('100\n');
    expect(
      typeLines(
        viewOf(run),
        `psql -tAc "SELECT pending_restart FROM pg_settings WHERE name = 'max_connections'"`,
      ).out,
    ).toBe('t\n');
    expect(metric(run, 'pg_max_connections')).toBe(100);
    run.act({ type: 'restartPostgres' });
    run.runUntil(CALM_MS + 10_000);
    expect(typeLines(viewOf(run), 'psql').out).toContain(
      'FATAL:  the database system is starting up',
    );
    run.runUntil(CALM_MS + 25_000);
    expect(show()).toBe('200\n');
    expect(metric(run, 'pg_max_connections')).toBe(200);
  });

  it('PgBouncer SET default_pool_size takes effect at once: clients queue for servers', () => {
    const at = FAULT_MOMENT_MS['pool-exhaustion-leak'];
    const run = freshRunAt('pool-exhaustion-leak', at);
    expect(metric(run, 'pgb_cl_waiting')).toBe(0);
    let s = open(run, PGBOUNCER);
    s = act(run, s, 'SET default_pool_size = 40;');
    act(run, s, 'RELOAD;');
    expect(metric(run, 'pgb_cl_waiting')).toBe(0);
    run.runUntil(at + 2_000);
    expect(metric(run, 'pgb_sv_active')).toBeLessThanOrEqual(40);
    expect(metric(run, 'pgb_cl_waiting')).toBeGreaterThan(20);
    expect(typeLines(viewOf(run), PGBOUNCER, 'SHOW POOLS;').out).toMatch(
      / shop +\| app +\| +\d+ \| +3\d \|/,
    );
  });
});

describe('the SQL evaluator never throws', () => {
  const view = () =>
    viewAt('latency-spike-missing-index', FAULT_MOMENT_MS['latency-spike-missing-index']);
  const state = {
    database: 'shop' as const,
    user: 'postgres',
    buffer: '',
    print: { expanded: false, tuplesOnly: false, unaligned: false },
  };
  const queries = Object.values(Q);

  it('on arbitrary strings', () => {
    const v = view();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        const r = psqlLine(`${s};`, v, state);
        expect(r.out).not.toContain('internal error');
        parseStatementSafe(s);
      }),
      { numRuns: 1500 },
    );
  });

  it('on mutated versions of the supported queries', () => {
    const v = view();
    const mutate = fc.tuple(
      fc.constantFrom(...queries),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.constantFrom('delete', 'insert', 'swap'),
          fc.constantFrom(
            ' ',
            '(',
            ')',
            "'",
            ',',
            '*',
            ';',
            '::',
            'NULL',
            'pid',
            '0',
            '-',
            'AND',
            'GROUP BY',
            '$1',
            '"',
            '\\',
            'count(*)',
          ),
        ),
        { maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(mutate, ([q, edits]) => {
        let s = q;
        for (const [pos, kind, piece] of edits) {
          const i = pos % (s.length + 1);
          if (kind === 'delete') s = s.slice(0, i) + s.slice(i + 3);
          else if (kind === 'insert') s = s.slice(0, i) + piece + s.slice(i);
          else s = s.slice(0, i) + piece + s.slice(i + piece.length);
        }
        const r = psqlLine(s.endsWith(';') ? s : `${s};`, v, state);
        expect(r.out).not.toContain('internal error');
      }),
      { numRuns: 1500 },
    );
  });
});

function parseStatementSafe(s: string): void {
  try {
    parseStatement(s);
  } catch (e) {
    if (!(e instanceof Error) || e.constructor.name !== 'SqlError') throw e;
  }
}
