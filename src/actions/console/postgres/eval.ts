/** Expression evaluation over one row (or one group of rows, for aggregates) of a relation. */
import { closest } from '../../../shared/suggest.ts';
import type { Expr } from './ast.ts';
import { sqlError } from './errors.ts';
import type { Effects } from './functions.ts';
import { AGGREGATES, FUNCTIONS, noFunction } from './functions.ts';
import {
  arith,
  boolIn,
  coerceLiteral,
  compare,
  concat,
  likeToRegExp,
  noOperator,
  sortCompare,
} from './ops.ts';
import type { Relation, Session } from './relation.ts';
import { castTo, extract } from './cast.ts';
import type { Val } from './values.ts';
import {
  asNum,
  asNumber,
  float,
  int,
  interval,
  isNumeric,
  numDiv,
  numRescale,
  show,
  text,
  typeName,
} from './values.ts';

export type Scope = {
  session: Session;
  effects: Effects;
  rel: Relation | null;
  alias: string | null;
  row: Val[] | null;
  /** The rows of the current group, when aggregates may be evaluated. */
  group: Val[][] | null;
  /** Where the expression sits, for "aggregate functions are not allowed in WHERE". */
  clause: 'WHERE' | 'SELECT' | 'LIMIT';
};

const isTextVal = (v: Val): v is { t: 'text'; v: string } =>
  v !== null && typeof v === 'object' && v.t === 'text';

export function columnIndex(e: Extract<Expr, { k: 'col' }>, sc: Scope): number {
  const rel = sc.rel;
  if (
    e.qual !== null &&
    rel &&
    e.qual !== sc.alias &&
    e.qual !== rel.name &&
    !(sc.alias === null && e.qual === rel.name)
  )
    throw sqlError(`missing FROM-clause entry for table "${e.qual}"`, e.pos);
  const i = rel ? rel.columns.findIndex((c) => c.name === e.name) : -1;
  if (i >= 0) return i;
  const shown = e.qual === null ? `"${e.name}"` : `${e.qual}.${e.name}`;
  const guess = rel
    ? closest(
        e.name,
        rel.columns.map((c) => c.name),
      )
    : null;
  throw sqlError(`column ${shown} does not exist`, e.pos, {
    hint:
      guess && rel
        ? `Perhaps you meant to reference the column "${sc.alias ?? rel.name}.${guess}".`
        : undefined,
  });
}

export function evaluate(e: Expr, sc: Scope): Val {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'param':
      throw sqlError(`there is no parameter ${e.name}`, e.pos);
    case 'star':
      throw sqlError('syntax error at or near "*"', e.pos);
    case 'col': {
      const i = columnIndex(e, sc);
      const row = sc.row ?? sc.group?.[0] ?? null;
      return row ? (row[i] ?? null) : null;
    }
    case 'fn':
      return callFunction(e, sc);
    case 'bin':
      return binary(e, sc);
    case 'not': {
      const v = truth(evaluate(e.e, sc), e.pos, 'NOT');
      return v === null ? null : !v;
    }
    case 'neg': {
      const v = evaluate(e.e, sc);
      if (v === null) return null;
      if (typeof v === 'object' && v.t === 'interval') return interval(-v.us);
      return arith('-', int(0), v, e.pos);
    }
    case 'cast':
      return castTo(evaluate(e.e, sc), e.type, e.typmod, e.pos, sc.session);
    case 'isnull': {
      const v = evaluate(e.e, sc);
      return e.not ? v !== null : v === null;
    }
    case 'istrue': {
      const v = truth(evaluate(e.e, sc), e.pos, 'IS');
      const r = v === e.value;
      return e.not ? !r : r;
    }
    case 'in': {
      const v = evaluate(e.e, sc);
      if (v === null) return null;
      let sawNull = false;
      for (const item of e.list) {
        let x = evaluate(item, sc);
        if (x === null) {
          sawNull = true;
          continue;
        }
        if (isTextVal(x) && !isTextVal(v)) x = coerceLiteral(x, v, item.pos);
        if (x !== null && compare(v, x, '=', e.pos) === 0) return !e.not;
      }
      return sawNull ? null : e.not;
    }
    case 'like': {
      const v = evaluate(e.e, sc);
      const p = evaluate(e.pattern, sc);
      if (v === null || p === null) return null;
      if (!isTextVal(v)) noOperator(e.ci ? '~~*' : '~~', v, p, e.pos);
      const m = likeToRegExp(show(p), e.ci).test(v.v);
      return e.not ? !m : m;
    }
    case 'between': {
      const v = evaluate(e.e, sc);
      let lo = evaluate(e.lo, sc);
      let hi = evaluate(e.hi, sc);
      if (v === null || lo === null || hi === null) return null;
      lo = coerceLiteral(lo, v, e.lo.pos);
      hi = coerceLiteral(hi, v, e.hi.pos);
      const r = compare(v, lo, '>=', e.pos) >= 0 && compare(v, hi, '<=', e.pos) <= 0;
      return e.not ? !r : r;
    }
    case 'case': {
      const operand = e.operand ? evaluate(e.operand, sc) : null;
      for (const w of e.whens) {
        if (e.operand) {
          const x = evaluate(w.when, sc);
          if (
            operand !== null &&
            x !== null &&
            compare(operand, coerceLiteral(x, operand, w.when.pos), '=', w.when.pos) === 0
          )
            return evaluate(w.then, sc);
        } else if (truth(evaluate(w.when, sc), w.when.pos, 'CASE') === true)
          return evaluate(w.then, sc);
      }
      return e.else ? evaluate(e.else, sc) : null;
    }
    case 'extract':
      return extract(e.field, evaluate(e.e, sc), e.pos);
  }
}

/** A WHERE-style boolean: NULL stays NULL; anything else not boolean is a type error. */
export function truth(v: Val, pos: number, where: string): boolean | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  if (isTextVal(v)) {
    const b = boolIn(v.v);
    if (b !== null) return b;
  }
  throw sqlError(`argument of ${where} must be type boolean, not type ${typeName(v)}`, pos);
}

function binary(e: Extract<Expr, { k: 'bin' }>, sc: Scope): Val {
  if (e.op === 'and' || e.op === 'or') {
    const l = truth(evaluate(e.l, sc), e.l.pos, e.op.toUpperCase());
    if (e.op === 'and' && l === false) return false;
    if (e.op === 'or' && l === true) return true;
    const r = truth(evaluate(e.r, sc), e.r.pos, e.op.toUpperCase());
    if (e.op === 'and') return l === null || r === null ? (r === false ? false : null) : l && r;
    return l === null || r === null ? (r === true ? true : null) : l || r;
  }
  let l = evaluate(e.l, sc);
  let r = evaluate(e.r, sc);
  switch (e.op) {
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (l === null || r === null) return null;
      if (isTextVal(r) && !isTextVal(l)) r = coerceLiteral(r, l, e.r.pos);
      else if (isTextVal(l) && !isTextVal(r)) l = coerceLiteral(l, r, e.l.pos);
      if (l === null || r === null) return null;
      const c = compare(l, r, e.op, e.pos);
      return e.op === '='
        ? c === 0
        : e.op === '<>'
          ? c !== 0
          : e.op === '<'
            ? c < 0
            : e.op === '>'
              ? c > 0
              : e.op === '<='
                ? c <= 0
                : c >= 0;
    }
    case '||':
      return concat(l, r);
    case '~':
    case '~*':
    case '!~':
    case '!~*': {
      if (l === null || r === null) return null;
      if (!isTextVal(l)) return noOperator(e.op, l, r, e.pos);
      let re: RegExp;
      try {
        re = new RegExp(show(r).slice(0, 200), e.op.endsWith('*') ? 'i' : '');
      } catch {
        throw sqlError(`invalid regular expression: ${show(r)}`, e.r.pos);
      }
      const m = re.test(l.v);
      return e.op.startsWith('!') ? !m : m;
    }
    case '[]': {
      if (l === null || r === null) return null;
      if (typeof l !== 'object' || l.t !== 'array')
        throw sqlError(
          `cannot subscript type ${typeName(l)} because it does not support subscripting`,
          e.l.pos,
        );
      const i = asNumber(r);
      return i === null ? null : (l.items[i - 1] ?? null);
    }
    default:
      return arith(e.op, l, r, e.pos);
  }
}

function callFunction(e: Extract<Expr, { k: 'fn' }>, sc: Scope): Val {
  if (AGGREGATES.has(e.name)) {
    if (sc.group === null || sc.clause !== 'SELECT')
      throw sqlError(`aggregate functions are not allowed in ${sc.clause}`, e.pos);
    return aggregate(e, sc);
  }
  if (e.star)
    throw sqlError(`${e.name}(*) specified, but ${e.name} is not an aggregate function`, e.pos);
  const args = e.args.map((a) => evaluate(a, sc));
  const fn = FUNCTIONS[e.name];
  if (!fn || args.length < fn.min || args.length > fn.max || (fn.check && !fn.check(args)))
    throw noFunction(e.name, args, e.pos);
  return fn.impl(args, { session: sc.session, effects: sc.effects }, e.pos);
}

function aggregate(e: Extract<Expr, { k: 'fn' }>, sc: Scope): Val {
  const rows = sc.group ?? [];
  const inner: Scope = { ...sc, group: null };
  if (e.star) {
    if (e.name !== 'count') throw sqlError(`${e.name}(*) is not allowed`, e.pos);
    return int(rows.length);
  }
  if (e.args.length === 0 || (e.args.length > 1 && e.name !== 'string_agg'))
    throw noFunction(e.name, [], e.pos);
  let values = rows.map((row) => evaluate(e.args[0]!, { ...inner, row }));
  if (e.distinct) {
    const seen = new Set<string>();
    values = values.filter((v) => {
      const k = v === null ? '\u0000null' : show(v);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  const present = values.filter((v) => v !== null);
  switch (e.name) {
    case 'count':
      return int(present.length);
    case 'max':
    case 'min': {
      let best: Val = null;
      for (const v of present)
        if (best === null || sortCompare(v, best) * (e.name === 'max' ? 1 : -1) > 0) best = v;
      return best;
    }
    case 'sum':
    case 'avg': {
      if (present.length === 0) return null;
      const first = present[0]!;
      if (typeof first === 'object' && first.t === 'interval') {
        const total = present.reduce(
          (a, v) => a + (typeof v === 'object' && v !== null && v.t === 'interval' ? v.us : 0),
          0,
        );
        return interval(e.name === 'sum' ? total : total / present.length);
      }
      if (!present.every(isNumeric)) throw noFunction(e.name, [first], e.pos);
      if (present.some((v) => typeof v === 'object' && v !== null && v.t === 'float')) {
        const total = present.reduce((a: number, v) => a + (asNumber(v) ?? 0), 0);
        return float(e.name === 'sum' ? total : total / present.length);
      }
      let scale = 0;
      for (const v of present) scale = Math.max(scale, asNum(v)!.scale);
      let n = 0n;
      for (const v of present) {
        const x = asNum(v)!;
        n += numRescale(x.n, x.scale, scale);
      }
      if (e.name === 'sum')
        return present.every((v) => typeof v === 'object' && v !== null && v.t === 'int')
          ? int(n)
          : { t: 'num', n, scale };
      const q = numDiv({ n, scale }, { n: BigInt(present.length), scale: 0 });
      return q ? { t: 'num', ...q } : null;
    }
    case 'string_agg': {
      const sep = e.args[1] ? show(evaluate(e.args[1], { ...inner, row: rows[0] ?? null })) : '';
      return present.length === 0 ? null : text(present.map(show).join(sep));
    }
    case 'array_agg':
      return values.length === 0 ? null : { t: 'array', items: values };
    case 'bool_and':
    case 'every':
      return present.length === 0 ? null : present.every((v) => v === true);
    case 'bool_or':
      return present.length === 0 ? null : present.some((v) => v === true);
  }
  throw noFunction(e.name, [], e.pos);
}
