/**
 * SELECT over one virtual relation: WHERE, GROUP BY (by expression, output alias or position)
 * with aggregates and PostgreSQL's "must appear in the GROUP BY clause" check, HAVING, DISTINCT,
 * ORDER BY (output name, position or expression; NULLS LAST ascending, FIRST descending), and
 * LIMIT / OFFSET.
 */
import { closest } from '../../../shared/suggest.ts';
import type { Expr, Select } from './ast.ts';
import { children, exprKey, outputName } from './ast.ts';
import { findTable } from './catalog.ts';
import { notSupported, sqlError, SqlError } from './errors.ts';
import type { Scope } from './eval.ts';
import { columnIndex, evaluate, truth } from './eval.ts';
import type { Effects } from './functions.ts';
import { AGGREGATES } from './functions.ts';
import { sortCompare } from './ops.ts';
import type { Relation, Session } from './relation.ts';
import { findRelation, RELATION_NAMES } from './relations.ts';
import type { ColType, Val } from './values.ts';
import { asNumber, show, typeOfVal } from './values.ts';

export type QueryResult = { columns: string[]; types: ColType[]; rows: Val[][] };

const hasAggregate = (e: Expr): boolean =>
  (e.k === 'fn' && AGGREGATES.has(e.name)) || children(e).some(hasAggregate);

export function resolveRelation(sel: Select): Relation | null {
  if (!sel.from) return null;
  const rel = findRelation(sel.from.name);
  if (rel) return rel;
  if (findTable(sel.from.name))
    throw notSupported(
      `the simulated database does not keep the rows of table "${sel.from.name}"; EXPLAIN (ANALYZE) shows how a query on it runs`,
      sel.from.pos,
    );
  const guess = closest(sel.from.name.replace(/\(\)$/, ''), RELATION_NAMES);
  throw new SqlError({
    message: `relation "${sel.from.name.replace(/\(\)$/, '')}" does not exist`,
    position: sel.from.pos,
    note: guess ? { key: 'console.note.didYouMean', params: { suggestion: guess } } : undefined,
  });
}

export function runSelect(sel: Select, session: Session, effects: Effects): QueryResult {
  const rel = resolveRelation(sel);
  const base: Scope = {
    session,
    effects,
    rel,
    alias: sel.from?.alias ?? null,
    row: null,
    group: null,
    clause: 'WHERE',
  };

  // The select list, with * expanded.
  const items: { expr: Expr; name: string }[] = [];
  for (const it of sel.items) {
    if (it.expr.k === 'star') {
      if (!rel) throw sqlError('SELECT * with no tables specified is not valid', it.pos);
      rel.columns.forEach((c) =>
        items.push({ expr: { k: 'col', name: c.name, qual: null, pos: it.pos }, name: c.name }),
      );
    } else items.push({ expr: it.expr, name: it.alias ?? outputName(it.expr) });
  }
  // Column references are checked before any row is read, as the planner does.
  const checkColumns = (e: Expr): void => {
    if (e.k === 'col') columnIndex(e, base);
    children(e).forEach(checkColumns);
  };
  items.forEach((i) => checkColumns(i.expr));
  if (sel.where) {
    checkColumns(sel.where);
    const agg = findAggregate(sel.where);
    if (agg) throw sqlError('aggregate functions are not allowed in WHERE', agg.pos);
  }

  let source: Val[][] = rel ? rel.rows(session) : [[]];
  if (sel.where) {
    const where = sel.where;
    source = source.filter(
      (row) => truth(evaluate(where, { ...base, row }), where.pos, 'WHERE') === true,
    );
  }

  // GROUP BY items may name an output column or its position.
  const groupExprs = sel.groupBy.map((g) => {
    if (g.k === 'lit' && g.v !== null && typeof g.v === 'object' && g.v.t === 'int') {
      const i = Number(g.v.n);
      const item = items[i - 1];
      if (!item) throw sqlError(`GROUP BY position ${i} is not in select list`, g.pos);
      return item.expr;
    }
    if (g.k === 'col' && g.qual === null && !rel?.columns.some((c) => c.name === g.name)) {
      const item = items.find((i) => i.name === g.name);
      if (item) return item.expr;
    }
    checkColumns(g);
    return g;
  });
  const orderIsAgg = sel.orderBy.some((o) => hasAggregate(o.expr));
  const grouped =
    groupExprs.length > 0 ||
    items.some((i) => hasAggregate(i.expr)) ||
    sel.having !== null ||
    orderIsAgg;

  type Out = { values: Val[]; scope: Scope };
  let outs: Out[];
  if (grouped) {
    const keys = new Set(groupExprs.map(exprKey));
    const check = (e: Expr): void => {
      if (keys.has(exprKey(e))) return;
      if (e.k === 'fn' && AGGREGATES.has(e.name)) return;
      if (e.k === 'col') {
        columnIndex(e, base);
        throw sqlError(
          `column "${base.alias ?? rel?.name ?? ''}.${e.name}" must appear in the GROUP BY clause or be used in an aggregate function`,
          e.pos,
        );
      }
      children(e).forEach(check);
    };
    items.forEach((i) => check(i.expr));
    if (sel.having) check(sel.having);
    const groups = new Map<string, Val[][]>();
    for (const row of source) {
      const key = groupExprs
        .map((g) => {
          const v = evaluate(g, { ...base, row });
          return v === null ? '\u0000' : `${typeOfVal(v)}:${show(v)}`;
        })
        .join('\u0001');
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    if (groupExprs.length === 0 && groups.size === 0) groups.set('', []);
    outs = [];
    for (const rows of groups.values()) {
      const scope: Scope = { ...base, row: rows[0] ?? null, group: rows, clause: 'SELECT' };
      if (sel.having && truth(evaluate(sel.having, scope), sel.having.pos, 'HAVING') !== true)
        continue;
      outs.push({ values: items.map((i) => evaluate(i.expr, scope)), scope });
    }
  } else {
    outs = source.map((row) => {
      const scope: Scope = { ...base, row, clause: 'SELECT' };
      return { values: items.map((i) => evaluate(i.expr, scope)), scope };
    });
  }

  if (sel.distinct) {
    const seen = new Set<string>();
    outs = outs.filter((o) => {
      const k = o.values.map((v) => (v === null ? '\u0000' : show(v))).join('\u0001');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  if (sel.orderBy.length > 0) {
    const keyed = outs.map((o) => ({
      o,
      keys: sel.orderBy.map((ob) => {
        const e = ob.expr;
        if (e.k === 'lit' && e.v !== null && typeof e.v === 'object' && e.v.t === 'int') {
          const i = Number(e.v.n);
          if (i < 1 || i > items.length)
            throw sqlError(`ORDER BY position ${i} is not in select list`, e.pos);
          return o.values[i - 1] ?? null;
        }
        if (e.k === 'col' && e.qual === null) {
          const i = items.findIndex((it) => it.name === e.name);
          if (i >= 0) return o.values[i] ?? null;
        }
        if (grouped && !hasAggregate(e) && !groupExprs.some((g) => exprKey(g) === exprKey(e))) {
          const col = findColumn(e);
          if (col) {
            columnIndex(col, base);
            throw sqlError(
              `column "${base.alias ?? rel?.name ?? ''}.${col.name}" must appear in the GROUP BY clause or be used in an aggregate function`,
              col.pos,
            );
          }
        }
        return evaluate(e, o.scope);
      }),
    }));
    keyed.sort((a, b) => {
      for (let k = 0; k < sel.orderBy.length; k++) {
        const ob = sel.orderBy[k]!;
        const x = a.keys[k] ?? null;
        const y = b.keys[k] ?? null;
        const nullsFirst = ob.nullsFirst ?? ob.desc;
        if (x === null || y === null) {
          if (x === y) continue;
          return (x === null) === nullsFirst ? -1 : 1;
        }
        const c = sortCompare(x, y);
        if (c !== 0) return ob.desc ? -c : c;
      }
      return 0;
    });
    outs = keyed.map((k) => k.o);
  }

  const limitScope: Scope = { ...base, clause: 'LIMIT' };
  const count = (e: Expr | null, what: string): number | null => {
    if (!e) return null;
    const v = asNumber(evaluate(e, limitScope));
    if (v === null) return null;
    if (v < 0) throw sqlError(`${what} must not be negative`);
    return Math.floor(v);
  };
  const offset = count(sel.offset, 'OFFSET') ?? 0;
  const limit = count(sel.limit, 'LIMIT');
  outs = outs.slice(offset, limit === null ? undefined : offset + limit);

  const types = items.map((item, i) => {
    const v = outs.map((o) => o.values[i] ?? null).find((x) => x !== null);
    if (v !== undefined) return typeOfVal(v);
    if (item.expr.k === 'col' && rel) {
      const c = rel.columns.find((c) => c.name === (item.expr as { name: string }).name);
      if (c) return c.type;
    }
    if (item.expr.k === 'fn' && ['count', 'sum', 'cardinality'].includes(item.expr.name))
      return 'int' as ColType;
    return 'text' as ColType;
  });
  return { columns: items.map((i) => i.name), types, rows: outs.map((o) => o.values) };
}

function findAggregate(e: Expr): Extract<Expr, { k: 'fn' }> | null {
  if (e.k === 'fn' && AGGREGATES.has(e.name)) return e;
  for (const c of children(e)) {
    const f = findAggregate(c);
    if (f) return f;
  }
  return null;
}

function findColumn(e: Expr): Extract<Expr, { k: 'col' }> | null {
  if (e.k === 'col') return e;
  for (const c of children(e)) {
    const f = findColumn(c);
    if (f) return f;
  }
  return null;
}
