/**
 * The server's own functions: identity and time of the session, WAL positions and sizes,
 * pg_blocking_pids, current_setting, and the admin functions whose effect is recorded for the
 * statement to turn into levers (pg_terminate_backend, pg_cancel_backend, pg_reload_conf,
 * pg_drop_replication_slot).
 */
import { pgSizePretty } from '../format.ts';
import { backendsOf, relationName, relationOid } from './activity.ts';
import { postmasterStartUs } from './backends.ts';
import { findTable, indexes, tablePages } from './catalog.ts';
import { notSupported, sqlError } from './errors.ts';
import type { Fn, FnCtx, Impl } from './fn-base.ts';
import { isNum, noFunction, num, str, textArg } from './fn-base.ts';
import { currentLsn } from './replication.ts';
import { findSetting } from './settings-list.ts';
import { showValue } from './settings.ts';
import type { Val } from './values.ts';
import { asNumber, int, lsnIn, text, ts } from './values.ts';

/** `pg_terminate_backend(pid)`: true when the pid is a backend of this server. */
function signal(cancel: boolean): Impl {
  return (args, ctx) => {
    const pid = Number(asNumber(args[0] ?? null) ?? NaN);
    if (!Number.isFinite(pid)) return null;
    const target = backendsOf(ctx.session).find((b) => b.pid === pid);
    if (!target || target.role === 'aux') {
      ctx.effects.notices.push(`WARNING:  PID ${pid} is not a PostgreSQL backend process`);
      return false;
    }
    ctx.effects.signals.push({ pid, cancel });
    return true;
  };
}

function relationSize(
  args: Val[],
  ctx: FnCtx,
  pos: number,
  which: 'heap' | 'total' | 'indexes',
): Val {
  const a = args[0] ?? null;
  if (a === null) return null;
  const name =
    typeof a === 'object' && a.t === 'regclass'
      ? a.name
      : typeof a === 'object' && a.t === 'int'
        ? (relationName(ctx.session, Number(a.n)) ?? '')
        : str(a);
  const s = ctx.session.view.state;
  const table = findTable(name);
  const idx = indexes(ctx.session.view).find((i) => i.name === name);
  if (!table && !idx) {
    if (relationOid(ctx.session, name) !== null) return int(8192 * 3);
    throw sqlError(`relation "${name}" does not exist`, pos);
  }
  const heapPages = (t: string): number => tablePages(s, t);
  const indexPages = (t: string): number =>
    indexes(ctx.session.view)
      .filter((i) => i.table === t && i.state !== 'building')
      .reduce(
        (acc, i) => acc + Math.ceil(heapPages(t) * (i.columns.split(',').length * 0.09 + 0.12)),
        0,
      );
  if (idx)
    return int(
      Math.ceil(heapPages(idx.table) * (idx.columns.split(',').length * 0.09 + 0.12)) * 8192,
    );
  const heap = heapPages(name) * 8192;
  const ix = indexPages(name) * 8192;
  return int(
    which === 'heap' ? heap : which === 'indexes' ? ix : heap + ix + Math.round(heap * 0.002),
  );
}

export const SERVER_FUNCTIONS: Record<string, Fn> = {
  version: {
    min: 0,
    max: 0,
    impl: (_a, c) => {
      const v = c.session.view.state.config.postgres.version;
      return text(
        `PostgreSQL ${v} (Debian ${v}-1.pgdg120+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      );
    },
  },
  pg_backend_pid: { min: 0, max: 0, impl: (_a, c) => int(c.session.pid) },
  pg_postmaster_start_time: {
    min: 0,
    max: 0,
    impl: (_a, c) => ts(postmasterStartUs(c.session.view)),
  },
  pg_is_in_recovery: { min: 0, max: 0, impl: () => false },
  pg_current_wal_lsn: {
    min: 0,
    max: 0,
    impl: (_a, c) => ({ t: 'lsn', v: currentLsn(c.session.view.state) }),
  },
  pg_current_wal_insert_lsn: {
    min: 0,
    max: 0,
    impl: (_a, c) => ({ t: 'lsn', v: currentLsn(c.session.view.state) + 312 }),
  },
  pg_current_wal_flush_lsn: {
    min: 0,
    max: 0,
    impl: (_a, c) => ({ t: 'lsn', v: currentLsn(c.session.view.state) }),
  },
  pg_last_wal_replay_lsn: { min: 0, max: 0, impl: () => null },
  pg_last_wal_receive_lsn: { min: 0, max: 0, impl: () => null },
  pg_last_xact_replay_timestamp: { min: 0, max: 0, impl: () => null },
  pg_wal_lsn_diff: {
    min: 2,
    max: 2,
    impl: (a, _c, pos) => {
      const v = a.map((x) => {
        if (x === null) return null;
        if (typeof x === 'object' && x.t === 'lsn') return x.v;
        const parsed = lsnIn(str(x));
        if (parsed === null)
          throw sqlError(`invalid input syntax for type pg_lsn: "${str(x)}"`, pos);
        return parsed;
      });
      if (v[0] === null || v[1] === null || v[0] === undefined || v[1] === undefined) return null;
      return { t: 'num', n: BigInt(Math.round(v[0] - v[1])), scale: 0 };
    },
  },
  pg_size_pretty: {
    min: 1,
    max: 1,
    check: (a) => isNum(a[0] ?? null),
    impl: (a) => (a[0] === null || a[0] === undefined ? null : text(pgSizePretty(num(a[0])))),
  },
  pg_database_size: {
    min: 1,
    max: 1,
    impl: (a, c, pos) => {
      const name = str(a[0] ?? null);
      const s = c.session.view.state;
      if (name === 'shop' || name === '16384') return int(Math.round(s.db.dataBytes * 0.97));
      if (name === 'postgres' || name === 'template1' || name === 'template0')
        return int(7_631_663);
      throw sqlError(`database "${name}" does not exist`, pos);
    },
  },
  pg_relation_size: { min: 1, max: 2, impl: (a, c, p) => relationSize(a, c, p, 'heap') },
  pg_table_size: { min: 1, max: 1, impl: (a, c, p) => relationSize(a, c, p, 'heap') },
  pg_total_relation_size: { min: 1, max: 1, impl: (a, c, p) => relationSize(a, c, p, 'total') },
  pg_indexes_size: { min: 1, max: 1, impl: (a, c, p) => relationSize(a, c, p, 'indexes') },
  pg_blocking_pids: {
    min: 1,
    max: 1,
    impl: (a, c) => {
      const pid = asNumber(a[0] ?? null);
      if (pid === null) return null;
      const b = backendsOf(c.session).find((x) => x.pid === pid);
      return { t: 'array', items: (b?.blockedBy ?? []).map((p) => int(p)) };
    },
  },
  cardinality: {
    min: 1,
    max: 1,
    impl: (a, _c, pos) => {
      const v = a[0] ?? null;
      if (v === null) return null;
      if (typeof v !== 'object' || v.t !== 'array') throw noFunction('cardinality', a, pos);
      return int(v.items.length);
    },
  },
  array_length: {
    min: 2,
    max: 2,
    impl: (a) => {
      const v = a[0] ?? null;
      if (v === null || typeof v !== 'object' || v.t !== 'array' || v.items.length === 0)
        return null;
      return int(v.items.length);
    },
  },
  pg_terminate_backend: { min: 1, max: 2, check: (a) => isNum(a[0] ?? null), impl: signal(false) },
  pg_cancel_backend: { min: 1, max: 1, check: (a) => isNum(a[0] ?? null), impl: signal(true) },
  pg_reload_conf: {
    min: 0,
    max: 0,
    impl: (_a, c) => {
      c.effects.reload = true;
      return true;
    },
  },
  pg_drop_replication_slot: {
    min: 1,
    max: 1,
    impl: (a, c, pos) => {
      const name = str(a[0] ?? null);
      const slot = c.session.view.state.db.slots.find((sl) => sl.name === name);
      if (!slot) throw sqlError(`replication slot "${name}" does not exist`);
      if (slot.active) throw sqlError(`replication slot "${name}" is active for PID 4211`);
      if (c.effects.droppedSlots.includes(name))
        throw sqlError(`replication slot "${name}" does not exist`, pos);
      c.effects.droppedSlots.push(name);
      return { t: 'void' };
    },
  },
  pg_stat_statements_reset: {
    min: 0,
    max: 3,
    impl: (_a, _c, pos) => {
      throw notSupported(
        'pg_stat_statements_reset() is not simulated: the counters cover the whole drill',
        pos,
      );
    },
  },
  current_setting: {
    min: 1,
    max: 2,
    impl: (a, c, pos) => {
      const name = textArg(a[0] ?? null, pos, 'current_setting');
      const st = findSetting(name);
      if (!st) {
        if (a[1] === true) return null;
        throw sqlError(`unrecognized configuration parameter "${name}"`);
      }
      return text(showValue(c.session.view.state, st));
    },
  },
};
