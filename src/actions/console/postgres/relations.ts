/** Every relation a SELECT can read, plus pg_indexes and the CREATE INDEX progress view. */
import { PG_LOCKS, PG_STAT_ACTIVITY } from './activity.ts';
import { TABLES, indexes, tableRows } from './catalog.ts';
import { between } from './clock.ts';
import type { Relation } from './relation.ts';
import { cols } from './relation.ts';
import { PG_LS_WALDIR, PG_REPLICATION_SLOTS, PG_STAT_REPLICATION } from './replication.ts';
import { PG_SETTINGS } from './settings.ts';
import { PG_STAT_STATEMENTS, SHOP_DB_OID } from './stat-statements.ts';
import { PG_STAT_USER_TABLES } from './user-tables.ts';
import type { Val } from './values.ts';
import { int, text } from './values.ts';
import { backendsOf } from './activity.ts';

export const PG_INDEXES: Relation = {
  name: 'pg_indexes',
  inspect: 'pg_stat_user_tables',
  columns: cols('schemaname tablename indexname tablespace indexdef'),
  rows: (session) =>
    indexes(session.view)
      .filter((i) => i.visible)
      .sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name))
      .map((i): Val[] => [
        text('public'),
        text(i.table),
        text(i.name),
        null,
        text(
          `CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX ${i.name} ON public.${i.table} USING ${i.method} (${i.columns})`,
        ),
      ]),
};

/** CREATE INDEX progress: phase and blocks done, from the build's start and expected end. */
export const PG_STAT_PROGRESS_CREATE_INDEX: Relation = {
  name: 'pg_stat_progress_create_index',
  inspect: 'pg_stat_user_tables',
  columns: cols(`
    pid:int datid:int datname relid:int index_relid:int command phase lockers_total:int
    lockers_done:int current_locker_pid:int blocks_total:int blocks_done:int tuples_total:int
    tuples_done:int partitions_total:int partitions_done:int`),
  rows: (session) => {
    const s = session.view.state;
    const procs = backendsOf(session).filter((b) => b.role === 'index');
    return s.db.indexBuilds.map((b): Val[] => {
      const f = Math.min(1, Math.max(0, (s.t - b.startedAt) / Math.max(1, b.doneAt - b.startedAt)));
      const table = TABLES.find((t) => t.name === b.table);
      const pages = Math.ceil((tableRows(s, b.table) * ((table?.width ?? 100) + 28)) / 7_370);
      const rows = tableRows(s, b.table);
      const phases = b.concurrently
        ? [
            [0.45, 'building index: scanning table'],
            [0.55, 'building index: sorting live tuples'],
            [0.62, 'building index: loading tuples in tree'],
            [0.7, 'index validation: scanning index'],
            [0.75, 'index validation: sorting tuples'],
            [0.97, 'index validation: scanning table'],
            [1, 'waiting for old snapshots'],
          ]
        : [
            [0.8, 'building index: scanning table'],
            [0.9, 'building index: sorting live tuples'],
            [1, 'building index: loading tuples in tree'],
          ];
      const phase = (phases.find(([end]) => f <= (end as number)) ??
        phases[phases.length - 1]!)[1] as string;
      const proc = procs.find((p) => p.query.includes(` ${b.name} `));
      const scanShare = Math.min(1, f / (b.concurrently ? 0.45 : 0.8));
      return [
        proc ? int(proc.pid) : int(between(`cic:${b.name}`, 1_200, 59_000)),
        int(SHOP_DB_OID),
        text('shop'),
        int(table?.oid ?? 0),
        int(b.concurrently ? 16_440 + between(`index:${b.name}`, 0, 4_000) : 0),
        text(b.concurrently ? 'CREATE INDEX CONCURRENTLY' : 'CREATE INDEX'),
        text(phase),
        int(0),
        int(0),
        int(0),
        int(pages),
        int(Math.round(pages * (phase.includes('scanning table') ? scanShare : 1))),
        int(phase.includes('loading') || phase.includes('sorting') ? rows : 0),
        int(phase.includes('loading') ? Math.round(rows * Math.min(1, (f - 0.55) / 0.07)) : 0),
        int(0),
        int(0),
      ];
    });
  },
};

export const RELATIONS: readonly Relation[] = [
  PG_STAT_ACTIVITY,
  PG_STAT_STATEMENTS,
  PG_LOCKS,
  PG_SETTINGS,
  PG_STAT_REPLICATION,
  PG_REPLICATION_SLOTS,
  PG_STAT_USER_TABLES,
  PG_INDEXES,
  PG_STAT_PROGRESS_CREATE_INDEX,
  PG_LS_WALDIR,
];

export const findRelation = (name: string): Relation | undefined =>
  RELATIONS.find((r) => r.name === name);

/** Everything a FROM may name, for "did you mean". */
export const RELATION_NAMES: readonly string[] = [
  ...RELATIONS.map((r) => r.name.replace(/\(\)$/, '')),
  ...TABLES.map((t) => t.name),
];
