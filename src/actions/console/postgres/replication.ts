/**
 * WAL positions, pg_stat_replication, pg_replication_slots and pg_ls_waldir(). The current LSN is
 * a base plus all WAL the sim has written (its data growth is 30% of the WAL rate), the replica's
 * replay position trails it by the sim's lag, and a slot's restart_lsn trails it by the WAL it
 * retains, so pg_wal_lsn_diff() of these reads back the sim's own numbers.
 */
import type { SimState } from '../../../sim/index.ts';
import { roleOid, backendsOf } from './activity.ts';
import { WALSENDER_PID, postmasterStartUs } from './backends.ts';
import { between } from './clock.ts';
import { ADDR } from './hosts.ts';
import type { Relation } from './relation.ts';
import { cols } from './relation.ts';
import { SHOP_DB_OID } from './stat-statements.ts';
import type { Val } from './values.ts';
import { int, interval, lsn, text, ts } from './values.ts';

const BASE_LSN = 0x5a * 2 ** 32 + 0x1c00_0000;
const SEGMENT = 16 * 1024 ** 2;

export function currentLsn(s: SimState): number {
  return BASE_LSN + Math.max(0, (s.db.dataBytes - s.config.postgres.dataBytes) / 0.3);
}

export function replayLsn(s: SimState): number {
  return currentLsn(s) - s.db.replicaLagBytes;
}

/** The replica's replay lag in seconds, as the sim's dashboard computes it. */
export function replayLagSeconds(s: SimState): number {
  return s.db.replicaLagBytes / s.config.postgres.replicaReplayBytesPerSec;
}

const streaming = (s: SimState): boolean => s.db.replicaUp && !s.db.promoted;

export const PG_STAT_REPLICATION: Relation = {
  name: 'pg_stat_replication',
  inspect: 'pg_stat_replication',
  columns: cols(`
    pid:int usesysid:int usename application_name client_addr client_hostname client_port:int
    backend_start:ts backend_xmin:int state sent_lsn:lsn write_lsn:lsn flush_lsn:lsn
    replay_lsn:lsn write_lag:interval flush_lag:interval replay_lag:interval sync_priority:int
    sync_state reply_time:ts`),
  rows: (session) => {
    const s = session.view.state;
    if (!streaming(s) || backendsOf(session).length === 0) return [];
    const cur = currentLsn(s);
    const jitter = (k: string, lo: number, hi: number): number => between(`${k}:${s.t}`, lo, hi);
    const sent = cur - jitter('sent', 0, 6_000);
    const write = sent - jitter('write', 0, 2_000);
    const flush = write - jitter('flush', 0, 2_000);
    const replay = Math.min(flush, replayLsn(s));
    const lagS = replayLagSeconds(s);
    return [
      [
        int(WALSENDER_PID),
        roleOid('replicator'),
        text('replicator'),
        text('pg-replica-0'),
        text(ADDR.replicaPod),
        null,
        int(41_872),
        ts(postmasterStartUs(session.view) + 6_812_331),
        null,
        text(lagS > 600 && s.db.replicaCpuUtil > 1.5 ? 'catchup' : 'streaming'),
        lsn(sent),
        lsn(write),
        lsn(flush),
        lsn(replay),
        interval(jitter('wlag', 900, 1_900)),
        interval(jitter('flag', 1_600, 3_100)),
        interval(Math.max(jitter('rlag', 1_800, 4_200), lagS * 1e6 + jitter('rlag2', 0, 999))),
        int(0),
        text('async'),
        ts(session.nowUs - jitter('reply', 20_000, 900_000)),
      ],
    ];
  },
};

export const PG_REPLICATION_SLOTS: Relation = {
  name: 'pg_replication_slots',
  inspect: 'pg_replication_slots',
  columns: cols(`
    slot_name plugin slot_type datoid:int database temporary:bool active:bool active_pid:int
    xmin:int catalog_xmin:int restart_lsn:lsn confirmed_flush_lsn:lsn wal_status
    safe_wal_size:int two_phase:bool`),
  rows: (session) => {
    const s = session.view.state;
    const cur = currentLsn(s);
    const maxWal = s.config.postgres.maxWalBytes;
    return s.db.slots.map((slot): Val[] => {
      const physical = slot.type === 'physical';
      const behind =
        physical && slot.active && streaming(s) ? s.db.replicaLagBytes : slot.retainedBytes;
      const restart = cur - behind - (physical ? between(`slot:${slot.name}:${s.t}`, 0, 8_000) : 0);
      return [
        text(slot.name),
        physical ? null : text('pgoutput'),
        text(slot.type),
        physical ? null : int(SHOP_DB_OID),
        physical ? null : text('shop'),
        false,
        slot.active,
        slot.active ? int(WALSENDER_PID) : null,
        null,
        physical ? null : int(884_213),
        lsn(restart),
        physical ? null : lsn(restart + 1_208),
        text(behind > maxWal ? 'extended' : 'reserved'),
        null,
        false,
      ];
    });
  },
};

/** WAL segment files: what the sim keeps in pg_wal, 16 MB each. */
export const PG_LS_WALDIR: Relation = {
  name: 'pg_ls_waldir()',
  inspect: 'pg_replication_slots',
  columns: cols('name size:int modification:ts'),
  rows: (session) => {
    const s = session.view.state;
    const count = Math.max(1, Math.round(s.db.walBytes / SEGMENT));
    const last = Math.floor(currentLsn(s) / SEGMENT);
    const out: Val[][] = [];
    for (let k = 0; k < count; k++) {
      const seg = last - k;
      const hi = Math.floor(seg / 256);
      const lo = seg % 256;
      const name = `00000001${hi.toString(16).toUpperCase().padStart(8, '0')}${lo.toString(16).toUpperCase().padStart(8, '0')}`;
      out.push([text(name), int(SEGMENT), ts(session.nowUs - k * 41_000_000 - 2_000_000)]);
    }
    return out;
  },
};
