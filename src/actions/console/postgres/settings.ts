/**
 * Server settings: SHOW, current_setting() and pg_settings, with GUC unit display (`30s`, `5min`,
 * `4GB`), the input parser ALTER SYSTEM and SET use (valid units, ranges and PostgreSQL's error
 * texts), and which settings the sim models as levers.
 */
import type { SimState } from '../../../sim/index.ts';
import { sqlError } from './errors.ts';
import type { Relation } from './relation.ts';
import { cols } from './relation.ts';
import type { Val } from './values.ts';
import { text, textOrNull } from './values.ts';
import type { Setting, Unit } from './settings-list.ts';
import { SETTINGS } from './settings-list.ts';

/** Settings that change the simulated system (the rest are accepted and change nothing the sim models). */
export const LEVER_SETTINGS = [
  'max_connections',
  'statement_timeout',
  'idle_in_transaction_session_timeout',
] as const;
export type LeverSetting = (typeof LEVER_SETTINGS)[number];

const TIME_UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
  ['ms', 1],
];
const MEM_UNITS: [string, number][] = [
  ['TB', 1024 ** 4],
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['kB', 1024],
  ['B', 1],
];

const unitBase = (u: Unit): number =>
  u === 'ms'
    ? 1
    : u === 's'
      ? 1000
      : u === 'min'
        ? 60_000
        : u === 'kB'
          ? 1024
          : u === '8kB'
            ? 8192
            : u === 'MB'
              ? 1024 ** 2
              : u === 'B'
                ? 1
                : 1;

/** SHOW's display: the largest unit that divides the value evenly (`30s`, `5min`, `4GB`). */
export function display(setting: Setting, raw: string): string {
  const unit = setting.unit;
  if (setting.vartype !== 'integer' || unit === null) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return raw;
  const time = unit === 'ms' || unit === 's' || unit === 'min';
  const base = n * unitBase(unit);
  for (const [name, size] of time ? TIME_UNITS : MEM_UNITS)
    if (base % size === 0 && base >= size) return `${base / size}${name}`;
  return raw;
}

export const showValue = (s: SimState, setting: Setting): string =>
  display(setting, setting.value(s));

/**
 * Parses a value for a setting into its base unit (ms for times), with PostgreSQL's errors:
 * `invalid value for parameter "statement_timeout": "5m"` and its HINT on valid units.
 */
export function parseSettingValue(setting: Setting, raw: string, _pos?: number): string {
  // PostgreSQL reports bad setting values without a cursor position.
  const pos = undefined;
  const v = raw.trim();
  if (setting.vartype === 'bool') {
    const b = /^(on|off|true|false|yes|no|1|0|t|f)$/i.exec(v);
    if (!b) throw sqlError(`parameter "${setting.name}" requires a Boolean value`, pos);
    return /^(on|true|yes|1|t)$/i.test(v) ? 'on' : 'off';
  }
  if (setting.vartype === 'enum') {
    if (!setting.enumvals?.includes(v.toLowerCase()))
      throw sqlError(`invalid value for parameter "${setting.name}": "${v}"`, pos, {
        hint: `Available values: ${setting.enumvals?.join(', ')}.`,
      });
    return v.toLowerCase();
  }
  if (setting.vartype === 'string') return v;
  const m = /^(-?\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(v);
  const unit = setting.unit;
  const time = unit === 'ms' || unit === 's' || unit === 'min';
  const units = time ? TIME_UNITS : MEM_UNITS;
  const invalid = (): never => {
    const hint =
      unit === null
        ? undefined
        : time
          ? 'Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".'
          : 'Valid units for this parameter are "B", "kB", "MB", "GB", and "TB".';
    throw sqlError(`invalid value for parameter "${setting.name}": "${v}"`, pos, { hint });
  };
  if (!m) return invalid();
  let n = Number(m[1]);
  const suffix = m[2]!;
  if (suffix !== '') {
    if (unit === null) return invalid();
    if (time && suffix === 'us') n = n / 1000 / unitBase(unit);
    else {
      const u = units.find(([name]) => name === suffix);
      if (!u) return invalid();
      n = (n * u[1]) / unitBase(unit);
    }
  } else if (setting.vartype === 'integer' && !Number.isInteger(n)) {
    throw sqlError(`invalid value for parameter "${setting.name}": "${v}"`, pos);
  }
  if (setting.vartype === 'integer') n = Math.round(n);
  if ((setting.min !== null && n < setting.min) || (setting.max !== null && n > setting.max))
    throw sqlError(
      `${n}${unit === null ? '' : ` ${unit}`} is outside the valid range for parameter "${setting.name}" (${setting.min} .. ${setting.max})`,
      pos,
    );
  return String(n);
}

export const PG_SETTINGS: Relation = {
  name: 'pg_settings',
  inspect: 'pg_settings',
  columns: cols(`
    name setting unit category short_desc extra_desc context vartype source min_val max_val
    enumvals boot_val reset_val sourcefile sourceline:int pending_restart:bool`),
  rows: (session) => {
    const s = session.view.state;
    return SETTINGS.map((x): Val[] => {
      const value = x.value(s);
      const pending =
        x.name === 'max_connections' &&
        s.db.pendingMaxConnections !== null &&
        s.db.pendingMaxConnections !== s.db.maxConnections;
      const fromFile = value !== x.boot;
      return [
        text(x.name),
        text(value),
        textOrNull(x.unit),
        text(x.category),
        text(x.desc),
        null,
        text(x.context),
        text(x.vartype),
        text(fromFile ? 'configuration file' : 'default'),
        textOrNull(x.min === null ? null : String(x.min)),
        textOrNull(x.max === null ? null : String(x.max)),
        x.enumvals
          ? text(`{${x.enumvals.map((e) => (e.includes(' ') ? `"${e}"` : e)).join(',')}}`)
          : null,
        text(x.boot),
        text(value),
        fromFile ? text('/var/lib/postgresql/data/pgdata/postgresql.conf') : null,
        null,
        pending,
      ];
    });
  },
};
