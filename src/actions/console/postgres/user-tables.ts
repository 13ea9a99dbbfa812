/**
 * pg_stat_user_tables: long-run counters (stable per table) plus what the sim executed this run:
 * sequential scans are the executions that took the seq-scan plan, index scans the rest, inserts
 * the checkout's. `last_autoanalyze` lands just before a stale-statistics plan flip, which is how
 * a DBA spots one; `last_analyze` is the player's ANALYZE.
 */
import type { QueryId } from '../../../sim/index.ts';
import { TABLES, tableRows } from './catalog.ts';
import { between, epochUs } from './clock.ts';
import type { Relation } from './relation.ts';
import { cols } from './relation.ts';
import type { Val } from './values.ts';
import { int, text, ts } from './values.ts';
import { baseBadMs, baseGoodMs } from './workload.ts';

export const PG_STAT_USER_TABLES: Relation = {
  name: 'pg_stat_user_tables',
  inspect: 'pg_stat_user_tables',
  columns: cols(`
    relid:int schemaname relname seq_scan:int seq_tup_read:int idx_scan:int idx_tup_fetch:int
    n_tup_ins:int n_tup_upd:int n_tup_del:int n_tup_hot_upd:int n_live_tup:int n_dead_tup:int
    n_mod_since_analyze:int n_ins_since_vacuum:int last_vacuum:ts last_autovacuum:ts
    last_analyze:ts last_autoanalyze:ts vacuum_count:int autovacuum_count:int analyze_count:int
    autoanalyze_count:int`),
  rows: (session) => {
    const s = session.view.state;
    return TABLES.map((t): Val[] => {
      const rows = tableRows(s, t.name);
      const k = (name: string, lo: number, hi: number): number =>
        between(`${t.name}:${name}`, lo, hi);
      let seq = 0;
      let idx = 0;
      let fetched = 0;
      let inserted = 0;
      for (const [id, st] of Object.entries(s.db.stmt) as [
        QueryId,
        (typeof s.db.stmt)[QueryId],
      ][]) {
        const cfg = s.config.queries[id];
        if (cfg.table !== t.name) continue;
        if (cfg.walBytes > 0) {
          inserted += st.calls;
          continue;
        }
        const good = baseGoodMs(cfg);
        const bad = baseBadMs(cfg);
        const seqCalls =
          bad > good
            ? Math.min(st.calls, Math.max(0, (st.totalMs - good * st.calls) / (bad - good)))
            : 0;
        seq += seqCalls;
        idx += st.calls - seqCalls;
        fetched += (st.calls - seqCalls) * cfg.rows;
      }
      const analyzeFault = s.faults.find(
        (f) =>
          f.spec.kind === 'planRegression' &&
          f.spec.cause === 'staleStatistics' &&
          s.config.queries[f.spec.query].table === t.name,
      );
      const hoursAgo = (h: number, key: string): number =>
        epochUs(s, 0) - h * 3_600_000_000 - k(key, 0, 3_599_999_999);
      const autoAnalyze = analyzeFault
        ? epochUs(s, analyzeFault.startedAt - 38_000) - k('aa', 0, 999_999)
        : hoursAgo(k('aah', 1, 9), 'aa');
      const manual = s.db.analyzedAt[t.name];
      const large = rows > 1_000_000;
      return [
        int(t.oid),
        text('public'),
        text(t.name),
        int(k('seq', 3, large ? 40 : 900) + Math.round(seq)),
        int(k('seq', 3, large ? 40 : 900) * rows + Math.round(seq * rows)),
        int(k('idx', 40_000_000, 900_000_000) + Math.round(idx)),
        int(k('fetch', 80_000_000, 2_000_000_000) + Math.round(fetched)),
        int(Math.round(rows * 1.04) + Math.round(inserted)),
        int(k('upd', rows / 10, rows)),
        int(k('del', 0, rows / 200 + 1)),
        int(k('hot', rows / 50, rows / 8)),
        int(rows),
        int(k('dead', rows / 400, rows / 60)),
        int(k('mod', rows / 900, rows / 120) + Math.round(inserted)),
        int(k('ins', rows / 1000, rows / 200) + Math.round(inserted)),
        null,
        ts(hoursAgo(k('avh', 2, 30), 'av')),
        manual === undefined ? null : ts(epochUs(s, manual) + k('man', 0, 999_999)),
        ts(autoAnalyze),
        int(0),
        int(k('avc', 300, 4_000)),
        int(manual === undefined ? 0 : 1),
        int(k('aac', 200, 2_500) + (analyzeFault ? 1 : 0)),
      ];
    });
  },
};
