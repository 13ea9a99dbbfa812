/**
 * `expr::type` and EXTRACT with PostgreSQL's conversions and errors (`invalid input syntax for
 * type integer`, `cannot cast type interval to integer`, `type "x" does not exist`); `::regclass`
 * resolves names and oids of the shop's relations.
 */
import { relationName, relationOid } from './activity.ts';
import { sqlError } from './errors.ts';
import { boolIn, tsIn } from './ops.ts';
import type { Session } from './relation.ts';
import type { Val } from './values.ts';
import {
  asNum,
  asNumber,
  float,
  int,
  interval,
  intervalIn,
  isNumeric,
  lsnIn,
  numFromString,
  numRescale,
  show,
  text,
  ts,
  typeName,
} from './values.ts';

const isTextVal = (v: Val): v is { t: 'text'; v: string } =>
  v !== null && typeof v === 'object' && v.t === 'text';

export function extract(field: string, v: Val, pos: number): Val {
  if (v === null) return null;
  if (typeof v === 'object' && v.t === 'interval') {
    const us = v.us;
    const secs = (x: number): Val => numFromString((x / 1e6).toFixed(6)) ?? null;
    switch (field) {
      case 'epoch':
        return secs(us);
      case 'second':
        return secs(us % 60e6);
      case 'minute':
        return int(Math.trunc(us / 60e6) % 60);
      case 'hour':
        return int(Math.trunc(us / 3.6e9) % 24);
      case 'day':
        return int(Math.trunc(us / 8.64e10));
    }
  }
  if (typeof v === 'object' && v.t === 'ts') {
    const d = show(v);
    switch (field) {
      case 'epoch':
        return numFromString((v.us / 1e6).toFixed(6)) ?? null;
      case 'year':
        return int(Number(d.slice(0, 4)));
      case 'month':
        return int(Number(d.slice(5, 7)));
      case 'day':
        return int(Number(d.slice(8, 10)));
      case 'hour':
        return int(Number(d.slice(11, 13)));
      case 'minute':
        return int(Number(d.slice(14, 16)));
    }
  }
  throw sqlError(`unit "${field}" not supported for type ${typeName(v)}`, pos);
}

/** `expr::type`. */
export function castTo(v: Val, type: string, typmod: number[], pos: number, session: Session): Val {
  if (v === null) return null;
  const t = type.replace(/\[\]$/, '');
  const bad = (): never => {
    throw sqlError(`invalid input syntax for type ${t}: "${show(v)}"`, pos);
  };
  switch (t) {
    case 'text':
    case 'varchar':
    case 'character varying':
    case 'name':
    case 'char':
    case 'bpchar':
      return text(show(v));
    case 'int':
    case 'integer':
    case 'int4':
    case 'int8':
    case 'bigint':
    case 'smallint':
    case 'int2': {
      if (typeof v === 'boolean') return int(v ? 1 : 0);
      if (isTextVal(v)) {
        if (!/^\s*[+-]?\d+\s*$/.test(v.v)) bad();
        return int(BigInt(v.v.trim()));
      }
      if (typeof v === 'object' && v.t === 'float') {
        const r = Math.round(v.v);
        return int(Math.abs(v.v % 1) === 0.5 && r % 2 !== 0 ? r - Math.sign(v.v) : r);
      }
      const n = asNum(v);
      if (n) return int(numRescale(n.n, n.scale, 0));
      throw sqlError(`cannot cast type ${typeName(v)} to ${t === 'int' ? 'integer' : t}`, pos);
    }
    case 'numeric':
    case 'decimal': {
      let n = isTextVal(v)
        ? numFromString(v.v)
        : isNumeric(v)
          ? { t: 'num' as const, ...asNum(v)! }
          : null;
      if (typeof v === 'object' && v.t === 'float') {
        const f = asNum(v);
        n = f ? { t: 'num', ...f } : null;
      }
      if (n === null || typeof n !== 'object' || n.t !== 'num') {
        if (isTextVal(v)) bad();
        throw sqlError(`cannot cast type ${typeName(v)} to numeric`, pos);
      }
      if (typmod.length === 2)
        return { t: 'num', n: numRescale(n.n, n.scale, typmod[1]!), scale: typmod[1]! };
      if (typmod.length === 1) return { t: 'num', n: numRescale(n.n, n.scale, 0), scale: 0 };
      return n;
    }
    case 'float':
    case 'float8':
    case 'float4':
    case 'real':
    case 'double precision': {
      if (isTextVal(v)) {
        const f = Number(v.v);
        if (!Number.isFinite(f) && !/^\s*[+-]?(inf|infinity|nan)\s*$/i.test(v.v)) bad();
        return float(f);
      }
      const f = asNumber(v);
      if (f === null) throw sqlError(`cannot cast type ${typeName(v)} to double precision`, pos);
      return float(f);
    }
    case 'interval': {
      if (typeof v === 'object' && v.t === 'interval') return v;
      if (isTextVal(v)) {
        const us = intervalIn(v.v);
        if (us === null) bad();
        return interval(us!);
      }
      throw sqlError(`cannot cast type ${typeName(v)} to interval`, pos);
    }
    case 'timestamptz':
    case 'timestamp':
    case 'timestamp with time zone':
    case 'timestamp without time zone': {
      if (typeof v === 'object' && v.t === 'ts') return v;
      if (isTextVal(v)) {
        const us = tsIn(v.v);
        if (us === null)
          throw sqlError(`invalid input syntax for type timestamp with time zone: "${v.v}"`, pos);
        return ts(us);
      }
      throw sqlError(`cannot cast type ${typeName(v)} to timestamp with time zone`, pos);
    }
    case 'date': {
      if (typeof v === 'object' && v.t === 'ts') return text(show(v).slice(0, 10));
      if (isTextVal(v) && tsIn(v.v) !== null) return text(show(ts(tsIn(v.v)!)).slice(0, 10));
      return bad();
    }
    case 'bool':
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const b = isTextVal(v) ? boolIn(v.v) : null;
      if (b === null) return bad();
      return b;
    }
    case 'regclass': {
      if (isTextVal(v)) {
        const name = v.v.replace(/^(public|pg_catalog)\./, '').replace(/^"(.*)"$/, '$1');
        if (relationOid(session, name) === null)
          throw sqlError(`relation "${v.v}" does not exist`, pos);
        return { t: 'regclass', name };
      }
      if (typeof v === 'object' && v.t === 'int') {
        const name = relationName(session, Number(v.n));
        return name === null ? text(v.n.toString()) : { t: 'regclass', name };
      }
      if (typeof v === 'object' && v.t === 'regclass') return v;
      throw sqlError(`cannot cast type ${typeName(v)} to regclass`, pos);
    }
    case 'oid':
      if (typeof v === 'object' && v.t === 'regclass')
        return int(relationOid(session, v.name) ?? 0);
      return castTo(v, 'bigint', [], pos, session);
    case 'pg_lsn': {
      if (typeof v === 'object' && v.t === 'lsn') return v;
      const l = isTextVal(v) ? lsnIn(v.v) : null;
      if (l === null) return bad();
      return { t: 'lsn', v: l! };
    }
    case 'json':
    case 'jsonb':
    case 'inet':
    case 'xid':
      return text(show(v));
    default:
      throw sqlError(`type "${type}" does not exist`, pos);
  }
}
