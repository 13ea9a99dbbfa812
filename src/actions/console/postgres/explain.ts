/**
 * EXPLAIN [ANALYZE] [BUFFERS] of a query on the shop's tables: the plan the sim uses now. A query
 * that matches one of the application's statements (or the shape a release added) takes the sim's
 * plan and this second's cost: a Seq Scan with millions of rows removed while its index is missing
 * or still building, an Index Scan once it is valid, a lock wait when a migration holds the table.
 * Other queries get the plan a planner would pick from the valid indexes. Costs follow
 * PostgreSQL's cost model (seq_page_cost 1, cpu_tuple_cost 0.01, cpu_operator_cost 0.0025).
 */
import type { ExplainOptions, Expr, Select } from './ast.ts';
import { children } from './ast.ts';
import type { IndexDef, TableDef } from './catalog.ts';
import { findTable, indexColumns, indexes, tablePages, tableRows } from './catalog.ts';
import { between } from './clock.ts';
import { notSupported, sqlError } from './errors.ts';
import { columnIndex } from './eval.ts';
import { newEffects } from './functions.ts';
import type { Relation, Session } from './relation.ts';
import { findRelation, RELATION_NAMES } from './relations.ts';
import type { QueryNow, Variant } from './workload.ts';
import { queriesNow, variantOf, whereColumns } from './workload.ts';
import { closest } from '../../../shared/suggest.ts';
import { SqlError } from './errors.ts';
import { show } from './values.ts';

type Cond = { col: string; op: string; text: string; expr: Expr };

export type ExplainResult = { lines: string[]; subject: string };

const fmt = (x: number): string => x.toFixed(2);
const ms3 = (x: number): string => x.toFixed(3);

/** The table as a relation, so column references are checked like a SELECT's. */
function tableRelation(t: TableDef): Relation {
  return {
    name: t.name,
    columns: t.columns.map((c) => ({ name: c.name, type: 'text' as const })),
    rows: () => [],
    inspect: 'explain',
  };
}

/** An expression as EXPLAIN prints it, with PostgreSQL's casts on literals. */
export function deparse(e: Expr, types: Map<string, string>): string {
  switch (e.k) {
    case 'col':
      return e.name;
    case 'lit': {
      if (e.v === null) return 'NULL';
      if (typeof e.v === 'boolean') return e.v ? 'true' : 'false';
      if (e.v.t === 'text') return `'${e.v.v.replace(/'/g, "''")}'::text`;
      return show(e.v);
    }
    case 'param':
      return e.name;
    case 'fn':
      return `${e.name}(${e.star ? '*' : e.args.map((a) => deparse(a, types)).join(', ')})`;
    case 'bin': {
      if (e.op === 'and' || e.op === 'or')
        return `(${flatten(e, e.op)
          .map((x) => deparse(x, types))
          .join(` ${e.op.toUpperCase()} `)})`;
      const l = deparse(e.l, types);
      let r = deparse(e.r, types);
      const colType = e.l.k === 'col' ? types.get(e.l.name) : undefined;
      if (
        colType &&
        e.r.k === 'lit' &&
        e.r.v !== null &&
        typeof e.r.v === 'object' &&
        e.r.v.t === 'text' &&
        colType !== 'text'
      )
        r = `'${e.r.v.v}'::${colType}`;
      return `(${l} ${e.op} ${r})`;
    }
    case 'not':
      return `(NOT ${deparse(e.e, types)})`;
    case 'like':
      return `(${deparse(e.e, types)} ${e.not ? '!' : ''}~~${e.ci ? '*' : ''} ${deparse(e.pattern, types)})`;
    case 'isnull':
      return `(${deparse(e.e, types)} IS ${e.not ? 'NOT ' : ''}NULL)`;
    case 'in':
      return `(${deparse(e.e, types)} ${e.not ? '<> ALL' : '= ANY'} ('{${e.list.map((x) => (x.k === 'lit' && x.v !== null ? show(x.v) : deparse(x, types))).join(',')}}'::${types.get(e.e.k === 'col' ? e.e.name : '') ?? 'text'}[]))`;
    case 'cast':
      return `(${deparse(e.e, types)})::${e.type}`;
    case 'neg':
      return `(- ${deparse(e.e, types)})`;
    case 'istrue':
      return `(${deparse(e.e, types)} IS ${e.not ? 'NOT ' : ''}${e.value ? 'TRUE' : 'FALSE'})`;
    case 'between': {
      const x = deparse(e.e, types);
      const inner = `((${x} >= ${deparse(e.lo, types)}) AND (${x} <= ${deparse(e.hi, types)}))`;
      return e.not ? `(NOT ${inner})` : inner;
    }
    case 'extract':
      return `EXTRACT(${e.field} FROM ${deparse(e.e, types)})`;
    case 'case':
      return `CASE${e.operand ? ` ${deparse(e.operand, types)}` : ''}${e.whens.map((w) => ` WHEN ${deparse(w.when, types)} THEN ${deparse(w.then, types)}`).join('')}${e.else ? ` ELSE ${deparse(e.else, types)}` : ''} END`;
    case 'star':
      return '*';
  }
}

function flatten(e: Expr, op: string): Expr[] {
  return e.k === 'bin' && e.op === op ? [...flatten(e.l, op), ...flatten(e.r, op)] : [e];
}

/** Simple column-op-constant conditions of a WHERE clause joined by AND. */
function conditions(where: Expr | null): Cond[] {
  if (!where) return [];
  return flatten(where, 'and').flatMap((e): Cond[] => {
    if (e.k === 'bin' && e.l.k === 'col') return [{ col: e.l.name, op: e.op, text: '', expr: e }];
    if (e.k === 'like' && e.e.k === 'col')
      return [{ col: e.e.name, op: 'like', text: '', expr: e }];
    if (e.k === 'in' && e.e.k === 'col') return [{ col: e.e.name, op: 'in', text: '', expr: e }];
    if (e.k === 'isnull' && e.e.k === 'col')
      return [{ col: e.e.name, op: 'isnull', text: '', expr: e }];
    return [{ col: '', op: '?', text: '', expr: e }];
  });
}

/** `status = 1` on a text column fails in PostgreSQL before any plan is made. */
function checkTypes(e: Expr, types: Map<string, string>): void {
  if (
    e.k !== 'bin' ||
    e.l.k !== 'col' ||
    e.r.k !== 'lit' ||
    e.r.v === null ||
    typeof e.r.v !== 'object'
  )
    return;
  const colType = types.get(e.l.name) ?? 'text';
  const lit = e.r.v;
  const numericCol = /^(bigint|integer|smallint|numeric)/.test(colType);
  if (!numericCol && colType === 'text' && (lit.t === 'int' || lit.t === 'num'))
    throw sqlError(
      `operator does not exist: text ${e.op} ${lit.t === 'int' ? 'integer' : 'numeric'}`,
      e.pos,
      {
        hint: 'No operator matches the given name and argument types. You might need to add explicit type casts.',
      },
    );
  if (numericCol && lit.t === 'text' && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(lit.v))
    throw sqlError(`invalid input syntax for type ${colType.split('(')[0]}: "${lit.v}"`, e.r.pos);
}

const hasParam = (e: Expr): Extract<Expr, { k: 'param' }> | null => {
  if (e.k === 'param') return e;
  for (const c of children(e)) {
    const p = hasParam(c);
    if (p) return p;
  }
  return null;
};

/** The application statement this query is, if any: same table, same filter columns. */
function matchApp(
  session: Session,
  table: string,
  eqCols: string[],
): { q: QueryNow; variant: Variant | null } | null {
  const s = session.view.state;
  const set = new Set(eqCols);
  for (const q of queriesNow(session.view)) {
    if (q.cfg.table !== table || q.cfg.walBytes > 0) continue;
    const base = whereColumns(q.cfg.sql);
    if (base.length === 0 || !base.every((c) => set.has(c))) continue;
    const v = variantOf(s, q.id);
    const extra = eqCols.filter((c) => !base.includes(c));
    if (extra.length === 0) return { q, variant: null };
    if (v && v.extra.every((c) => set.has(c)) && extra.every((c) => v.extra.includes(c)))
      return { q, variant: v };
  }
  return null;
}

export function explain(sel: Select, options: ExplainOptions, session: Session): ExplainResult {
  const s = session.view.state;
  if (!sel.from) throw notSupported('EXPLAIN of a query without FROM is not simulated', 0);
  const table = findTable(sel.from.name);
  if (!table) {
    if (findRelation(sel.from.name))
      throw notSupported(
        `EXPLAIN of the system view ${sel.from.name} is not simulated`,
        sel.from.pos,
      );
    const guess = closest(sel.from.name, RELATION_NAMES);
    throw new SqlError({
      message: `relation "${sel.from.name}" does not exist`,
      position: sel.from.pos,
      note: guess ? { key: 'console.note.didYouMean', params: { suggestion: guess } } : undefined,
    });
  }
  const rel = tableRelation(table);
  const scope = {
    session,
    effects: newEffects(),
    rel,
    alias: sel.from.alias,
    row: null,
    group: null,
    clause: 'WHERE' as const,
  };
  const all: Expr[] = [
    ...sel.items.map((i) => i.expr),
    ...(sel.where ? [sel.where] : []),
    ...sel.orderBy.map((o) => o.expr),
    ...sel.groupBy,
  ];
  const walkCols = (e: Expr): void => {
    if (e.k === 'col') columnIndex(e, scope);
    children(e).forEach(walkCols);
  };
  for (const e of all) {
    const p = hasParam(e);
    if (p) throw sqlError(`there is no parameter ${p.name}`, p.pos);
    if (e.k !== 'star') walkCols(e);
  }

  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const conds = conditions(sel.where);
  const eqCols = conds.filter((c) => c.op === '=' || c.op === '@@').map((c) => c.col);
  for (const c of conds) checkTypes(c.expr, types);
  const rows = tableRows(s, table.name);
  const pages = tablePages(s, table.name);
  const width = sel.items.some((i) => i.expr.k === 'star')
    ? table.width
    : Math.min(table.width, 8 + 12 * sel.items.length);
  const app = matchApp(session, table.name, eqCols);

  // Rows the planner expects, and rows there are.
  const sel1 = (c: Cond): number => {
    if (c.op === '=') {
      if (c.col === 'id' || c.col === 'sku' || c.col === 'email') return 1 / rows;
      if (c.col === 'customer_id') return 1 / tableRows(s, 'customers');
      if (c.col === 'status') return 0.2;
      if (c.col === 'product_id') return 1 / tableRows(s, 'products');
      return 0.005;
    }
    if (c.op === '@@') return 0.0004;
    if (c.op === 'isnull') return 0.01;
    return 1 / 3;
  };
  let estRows = Math.max(1, Math.round(conds.reduce((acc, c) => acc * sel1(c), rows)));
  const stale =
    app !== null &&
    app.variant === null &&
    s.faults.some(
      (f) =>
        f.spec.kind === 'planRegression' &&
        f.spec.cause === 'staleStatistics' &&
        f.spec.query === app.q.id,
    );
  const actualRows = app
    ? app.variant
      ? Math.max(1, Math.round(app.q.cfg.rows / 2))
      : app.q.cfg.rows
    : estRows;
  if (stale && app && app.q.cost.badShare >= 0.5) estRows = Math.round(rows / 12);

  // The index a planner would use: the longest prefix of equality columns on a valid index.
  const valid = indexes(session.view).filter((i) => i.table === table.name && i.state === 'valid');
  let best: { idx: IndexDef; matched: string[] } | null = null;
  for (const idx of valid) {
    const cols = indexColumns(idx.columns);
    const matched: string[] = [];
    for (const c of cols) {
      if (
        eqCols.includes(c) ||
        (idx.method === 'gin' && conds.some((x) => x.col === c && x.op === '@@'))
      )
        matched.push(c);
      else break;
    }
    if (matched.length > 0 && (!best || matched.length > best.matched.length))
      best = { idx, matched };
  }
  let seq = best === null;
  if (app) {
    if (app.variant) seq = app.variant.broken;
    else if (app.q.cost.badShare >= 0.5) seq = true;
  }
  if (!seq && best === null) seq = true;

  // Time this second, from the sim for the application's statements.
  const cost = app?.q.cost;
  const otherSeqMs =
    queriesNow(session.view).find((q) => q.cfg.table === table.name)?.cost.badMs ?? rows * 0.00008;
  let totalMs = seq
    ? cost
      ? cost.badMs
      : otherSeqMs
    : cost
      ? cost.goodMs
      : 0.04 + actualRows * 0.004;
  totalMs = Math.max(0.012, totalMs);
  const stmtTimeout = s.db.statementTimeoutMs;
  if (options.analyze && stmtTimeout > 0 && totalMs > stmtTimeout)
    throw sqlError('canceling statement due to statement timeout');

  const jitter = (k: string, lo: number, hi: number): number =>
    between(`explain:${k}:${s.t}`, lo, hi) / 1000;
  const lines: string[] = [];
  const costs = (a: number, b: number, r: number): string =>
    options.costs ? `  (cost=${fmt(a)}..${fmt(b)} rows=${r} width=${width})` : '';
  const actual = (a: number, b: number, r: number): string =>
    options.analyze
      ? options.timing
        ? ` (actual time=${ms3(a)}..${ms3(b)} rows=${r} loops=1)`
        : ` (actual rows=${r} loops=1)`
      : '';
  const orderCols = sel.orderBy.map((o) =>
    o.expr.k === 'col'
      ? `${o.expr.name}${o.desc ? ' DESC' : ''}`
      : `${deparse(o.expr, types)}${o.desc ? ' DESC' : ''}`,
  );
  const limit =
    sel.limit &&
    sel.limit.k === 'lit' &&
    sel.limit.v !== null &&
    typeof sel.limit.v === 'object' &&
    sel.limit.v.t === 'int'
      ? Number(sel.limit.v.n)
      : null;
  const hasAgg = sel.items.some(
    (i) => i.expr.k === 'fn' && ['count', 'sum', 'avg', 'max', 'min'].includes(i.expr.name),
  );

  // Does the index already return rows in ORDER BY order?
  const idxCols = best ? best.idx.columns.split(',').map((c) => c.trim()) : [];
  const sortedByIndex =
    !seq &&
    best !== null &&
    orderCols.length > 0 &&
    orderCols.every(
      (oc, k) => (idxCols[best.matched.length + k] ?? '').toLowerCase() === oc.toLowerCase(),
    );
  const needsSort = orderCols.length > 0 && !sortedByIndex && !hasAgg;

  // Scan node.
  const quals = conds.length;
  const filterText = sel.where ? deparse(sel.where, types) : '';
  let scanStart: number;
  let scanTotal: number;
  const scanLines: string[] = [];
  const removed = Math.max(0, rows - actualRows);
  // Actual times of the scan; the nodes above finish a few microseconds later.
  const scanA0 = seq ? jitter('s0', 11, 60) : jitter('i0', 14, 40);
  const scanA1 = Math.max(scanA0 + 0.004, totalMs - (seq ? 0.071 : 0.032));
  const readShare = Math.min(0.4, 0.05 * Math.max(1, s.db.ioUtil * 4));
  if (seq) {
    scanStart = 0;
    scanTotal = pages + rows * 0.01 + rows * 0.0025 * Math.max(1, quals);
    const head = `Seq Scan on ${table.name}${sel.from.alias ? ` ${sel.from.alias}` : ''}`;
    scanLines.push(
      `${head}${costs(scanStart, scanTotal, estRows)}${actual(scanA0, scanA1, actualRows)}`,
    );
    if (filterText) scanLines.push(`  Filter: ${filterText}`);
    if (options.analyze && filterText) scanLines.push(`  Rows Removed by Filter: ${removed}`);
    if (options.buffers) {
      const read = Math.round(pages * readShare);
      scanLines.push(`  Buffers: shared hit=${pages - read} read=${read}`);
    }
  } else {
    const idx = best!.idx;
    scanStart = idx.method === 'gin' ? 0 : 0.56;
    scanTotal = scanStart + estRows * 4 + 4.3;
    const condExprs = conds.filter((c) => best!.matched.includes(c.col)).map((c) => c.expr);
    const rest = conds.filter((c) => !best!.matched.includes(c.col)).map((c) => c.expr);
    const condText = (list: Expr[]): string =>
      list.length === 1
        ? deparse(list[0]!, types)
        : `(${list.map((x) => deparse(x, types)).join(' AND ')})`;
    const hits = actualRows + 3 + best!.matched.length;
    if (idx.method === 'gin') {
      scanLines.push(
        `Bitmap Heap Scan on ${table.name}${costs(31.9, scanTotal + 90, estRows)}${actual(scanA0, scanA1, actualRows)}`,
      );
      scanLines.push(`  Recheck Cond: ${condText(condExprs)}`);
      if (options.analyze) scanLines.push(`  Heap Blocks: exact=${actualRows * 2}`);
      if (options.buffers) scanLines.push(`  Buffers: shared hit=${hits * 2}`);
      scanLines.push(
        `  ->  Bitmap Index Scan on ${idx.name}${costs(0, 31.8, estRows).replace(/width=\d+/, 'width=0')}${actual(0.31, 0.31, actualRows * 3)}`,
      );
      scanLines.push(`        Index Cond: ${condText(condExprs)}`);
      if (options.buffers) scanLines.push(`        Buffers: shared hit=${hits}`);
    } else {
      scanLines.push(
        `Index Scan using ${idx.name} on ${table.name}${sel.from.alias ? ` ${sel.from.alias}` : ''}${costs(scanStart, scanTotal, estRows)}${actual(scanA0, scanA1, actualRows)}`,
      );
      scanLines.push(`  Index Cond: ${condText(condExprs)}`);
      if (rest.length > 0) {
        scanLines.push(`  Filter: ${condText(rest)}`);
        if (options.analyze)
          scanLines.push(
            `  Rows Removed by Filter: ${Math.max(0, Math.round(rows / tableRows(s, 'customers')) - actualRows)}`,
          );
      }
      if (options.buffers) scanLines.push(`  Buffers: shared hit=${hits - 1} read=1`);
    }
  }

  // Nodes above the scan, outermost first. With BUFFERS each node shows its subtree's buffers.
  type Node = { head: string; extra: string[] };
  const above: Node[] = [];
  const read = seq ? Math.round(pages * readShare) : 1;
  const buffers = seq
    ? [`Buffers: shared hit=${pages - read} read=${read}`]
    : [`Buffers: shared hit=${actualRows + 2 + (best?.matched.length ?? 0)} read=1`];
  const withBuffers = (extra: string[]): string[] =>
    options.buffers ? [...extra, ...buffers] : extra;
  let top = { start: scanStart, total: scanTotal, rows: estRows, a0: scanA0, a1: scanA1 };
  if (needsSort) {
    const start = scanTotal + Math.max(0.02, estRows * 0.0025 * Math.log2(Math.max(2, estRows)));
    const extra = [`Sort Key: ${orderCols.join(', ')}`];
    if (options.analyze)
      extra.push(
        `Sort Method: ${limit !== null && actualRows > limit ? 'top-N heapsort' : 'quicksort'}  Memory: ${25 + Math.round(actualRows / 20)}kB`,
      );
    const a0 = scanA1 + 0.003;
    above.unshift({
      head: `Sort${costs(start, start + 0.03, estRows)}${actual(a0, a0 + 0.004, actualRows)}`,
      extra: withBuffers(extra),
    });
    top = { start, total: start + 0.03, rows: estRows, a0, a1: a0 + 0.004 };
  }
  if (hasAgg) {
    const start = top.total + estRows * 0.0025;
    const a = top.a1 + 0.011;
    above.unshift({
      head: `Aggregate${costs(start, start + 0.01, 1).replace(/width=\d+/, 'width=8')}${actual(a, a, 1)}`,
      extra: withBuffers([]),
    });
    top = { start, total: start + 0.01, rows: 1, a0: a, a1: a };
  }
  if (limit !== null) {
    const r = Math.min(limit, top.rows);
    const total = top.start + ((top.total - top.start) * r) / Math.max(1, top.rows);
    above.unshift({
      head: `Limit${costs(top.start, total, r)}${actual(top.a0 + 0.001, top.a1 + 0.003, Math.min(limit, actualRows))}`,
      extra: withBuffers([]),
    });
    top = { ...top, a1: top.a1 + 0.003 };
  }
  const executionMs = top.a1 + 0.046;

  // Indent as EXPLAIN does: each child under "->  " six columns deeper.
  let depth = 0;
  for (const node of above) {
    const pad = depth === 0 ? '' : ' '.repeat(depth * 6 - 4) + '->  ';
    lines.push(pad + node.head);
    for (const x of node.extra) lines.push(' '.repeat(depth === 0 ? 2 : depth * 6 + 2) + x);
    depth++;
  }
  scanLines.forEach((l, k) => {
    if (depth === 0) lines.push(l);
    else if (k === 0) lines.push(' '.repeat(depth * 6 - 4) + '->  ' + l);
    else lines.push(' '.repeat(depth * 6) + l);
  });
  if (options.analyze) {
    if (options.buffers) {
      lines.push('Planning:');
      lines.push(`  Buffers: shared hit=${between(`plan:${table.name}`, 3, 24)}`);
    }
    if (options.summary !== false) {
      lines.push(`Planning Time: ${ms3(0.08 + jitter('plan', 0, 90))} ms`);
      lines.push(`Execution Time: ${ms3(executionMs)} ms`);
    }
  } else if (options.summary === true)
    lines.push(`Planning Time: ${ms3(0.08 + jitter('plan', 0, 90))} ms`);
  return { lines, subject: app ? app.q.id : table.name };
}
