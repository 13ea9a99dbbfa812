/**
 * What a SELECT did besides reading: the evidence it counts as (`inspect` with the state filtered
 * on or the pg_stat_statements ordering) and the levers its admin functions pull. Terminating
 * sessions found through pg_stat_activity becomes one terminateBackends lever whose filter says
 * what the WHERE clause said (state, statement, age); signals to named pids stay by pid.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import { backendsOf } from './activity.ts';
import type { Expr, Select } from './ast.ts';
import { children } from './ast.ts';
import type { Backend } from './backends.ts';
import type { Effects } from './functions.ts';
import type { Session } from './relation.ts';
import { show } from './values.ts';

const RELOAD: PlayerAction = { type: 'reloadPostgres' };

export function usesFunction(st: Select, name: string): boolean {
  const walk = (e: Expr): boolean => (e.k === 'fn' && e.name === name) || children(e).some(walk);
  return [...st.items.map((i) => i.expr), ...(st.where ? [st.where] : [])].some(walk);
}

/** What exactly was looked at: the state filtered on, or the ordering of pg_stat_statements. */
export function inspectSubject(st: Select): string | undefined {
  const first = st.orderBy[0]?.expr;
  if (st.from?.name === 'pg_stat_statements' && first) {
    if (first.k === 'col') {
      // `ORDER BY total_ms` names an alias: report the column behind it.
      const aliased = st.items.find((i) => i.alias === first.name);
      return (aliased && findCol(aliased.expr)) ?? first.name;
    }
    if (first.k === 'lit') {
      const item = st.items[Number(show(first.v)) - 1];
      if (item?.expr.k === 'col') return item.expr.name;
      if (item?.expr.k === 'fn' || item?.expr.k === 'cast') {
        const inner = findCol(item.expr);
        if (inner) return inner;
      }
    }
    const inner = findCol(first);
    if (inner) return inner;
  }
  if (st.where) {
    const lit = stateLiteral(st.where);
    if (lit) return lit;
  }
  return undefined;
}

function findCol(e: Expr): string | undefined {
  if (e.k === 'col') return e.name;
  for (const c of children(e)) {
    const f = findCol(c);
    if (f) return f;
  }
  return undefined;
}

/** `state = 'idle in transaction'` (or IN (...)) in a WHERE clause. */
function stateLiteral(e: Expr): string | undefined {
  if (
    e.k === 'bin' &&
    e.op === '=' &&
    e.l.k === 'col' &&
    e.l.name === 'state' &&
    e.r.k === 'lit' &&
    e.r.v !== null
  )
    return show(e.r.v);
  if (e.k === 'in' && e.e.k === 'col' && e.e.name === 'state' && e.list.length === 1) {
    const only = e.list[0]!;
    if (only.k === 'lit' && only.v !== null) return show(only.v);
  }
  for (const c of children(e)) {
    const f = stateLiteral(c);
    if (f) return f;
  }
  return undefined;
}

/** An age threshold in a WHERE clause: `now() - state_change > interval '5 minutes'` and its mirror forms. */
function ageThresholdMs(e: Expr): number | undefined {
  const intervalOf = (x: Expr): number | undefined => {
    if (x.k === 'lit' && x.v !== null && typeof x.v === 'object' && x.v.t === 'interval')
      return x.v.us / 1000;
    if (
      x.k === 'cast' &&
      x.type === 'interval' &&
      x.e.k === 'lit' &&
      x.e.v !== null &&
      typeof x.e.v === 'object' &&
      x.e.v.t === 'text'
    ) {
      const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(x.e.v.v);
      if (!m) return undefined;
      const unit: Record<string, number> = {
        s: 1e3,
        sec: 1e3,
        second: 1e3,
        seconds: 1e3,
        min: 6e4,
        mins: 6e4,
        minute: 6e4,
        minutes: 6e4,
        m: 6e4,
        h: 3.6e6,
        hour: 3.6e6,
        hours: 3.6e6,
      };
      const u = unit[m[2]!.toLowerCase()];
      return u === undefined ? undefined : Number(m[1]) * u;
    }
    if (x.k === 'lit' && x.v !== null && typeof x.v === 'object' && x.v.t === 'text') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|seconds?|min|mins|minutes?|h|hours?)\s*$/i.exec(
        x.v.v,
      );
      if (!m) return undefined;
      const u = /^h/i.test(m[2]!) ? 3.6e6 : /^m/i.test(m[2]!) ? 6e4 : 1e3;
      return Number(m[1]) * u;
    }
    if (x.k === 'bin' && x.op === '-') return intervalOf(x.r);
    return undefined;
  };
  if (e.k === 'bin' && ['>', '>=', '<', '<='].includes(e.op)) {
    const l = intervalOf(e.l);
    const r = intervalOf(e.r);
    if (r !== undefined) return r;
    if (l !== undefined) return l;
  }
  for (const c of children(e)) {
    const f = ageThresholdMs(c);
    if (f !== undefined) return f;
  }
  return undefined;
}

const mentions = (e: Expr | null, col: string): boolean =>
  e !== null && ((e.k === 'col' && e.name === col) || children(e).some((c) => mentions(c, col)));

/** Turns the admin functions a statement called into levers. */
export function leversOf(effects: Effects, st: Select, session: Session): PlayerAction[] {
  const actions: PlayerAction[] = [];
  const all = backendsOf(session);
  const byPid = new Map<number, Backend>(all.map((b) => [b.pid, b]));
  const pooled: Backend[] = [];
  let cancelPooled = false;
  // Leaked sessions signalled one by one, by pid. Cancelling an idle session cancels nothing.
  let leakedByPid = 0;
  for (const sig of effects.signals) {
    const b = byPid.get(sig.pid);
    if (!b || b.role === 'self') continue;
    const viaView = st.from?.name === 'pg_stat_activity';
    if ((b.role === 'app' || b.role === 'leaked') && viaView) {
      pooled.push(b);
      cancelPooled = cancelPooled || sig.cancel;
      continue;
    }
    if (b.role === 'app' || b.role === 'leaked') {
      if (b.role === 'leaked' && !sig.cancel) leakedByPid++;
      continue;
    }
    actions.push({
      type: 'terminateBackends',
      filter: { pid: sig.pid },
      ...(sig.cancel ? { cancelOnly: true } : {}),
    });
  }
  if (pooled.length > 0) {
    // A query over pg_stat_activity selects sessions by what they are: the lever says the same.
    const states = new Set(pooled.map((b) => b.state));
    const queries = new Set(pooled.map((b) => b.queryId));
    const filter: {
      state?: 'idle in transaction' | 'active' | 'idle';
      query?: NonNullable<Backend['queryId']>;
      olderThanMs?: number;
    } = {};
    const state = [...states][0];
    if (states.size === 1 && state && mentions(st.where, 'state')) filter.state = state;
    const q = [...queries][0];
    if (queries.size === 1 && q && mentions(st.where, 'query')) filter.query = q;
    const age = st.where ? ageThresholdMs(st.where) : undefined;
    if (age !== undefined && age > 0) filter.olderThanMs = Math.round(age);
    actions.push({
      type: 'terminateBackends',
      filter,
      ...(cancelPooled ? { cancelOnly: true } : {}),
    });
  }
  if (leakedByPid > 0)
    actions.push({
      type: 'terminateBackends',
      filter: { state: 'idle in transaction', count: leakedByPid },
    });
  if (effects.reload) actions.push(RELOAD);
  for (const slot of effects.droppedSlots) actions.push({ type: 'dropReplicationSlot', slot });
  return actions;
}
