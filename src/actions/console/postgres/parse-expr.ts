/**
 * Expressions with PostgreSQL's operator precedence: OR, AND, NOT, IS, comparison, LIKE / IN /
 * BETWEEN, other operators (||, ~, @@), + -, * / %, ^, unary minus, :: casts and subscripts, then
 * literals, columns, function calls (count(*), count(DISTINCT x)), CASE, EXTRACT and typed
 * literals (`interval '5 minutes'`). Subqueries and window functions are reported as not supported.
 */
import type { Expr } from './ast.ts';
import { notSupported, sqlError } from './errors.ts';
import type { Token } from './lexer.ts';
import { TokenStream } from './token-stream.ts';
import { interval, intervalIn, numFromString, text } from './values.ts';

/** Words that end an expression or a select item: never a bare column or alias. */
export const RESERVED = new Set([
  'all',
  'and',
  'as',
  'asc',
  'between',
  'by',
  'case',
  'cross',
  'desc',
  'distinct',
  'else',
  'end',
  'except',
  'fetch',
  'for',
  'from',
  'full',
  'group',
  'having',
  'ilike',
  'in',
  'inner',
  'intersect',
  'into',
  'is',
  'join',
  'like',
  'limit',
  'natural',
  'not',
  'null',
  'offset',
  'on',
  'or',
  'order',
  'outer',
  'returning',
  'select',
  'similar',
  'then',
  'union',
  'using',
  'when',
  'where',
  'window',
  'with',
]);

/** Statements PostgreSQL has that this console does not simulate. */

const COMPARISON = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const OTHER_OPS = new Set([
  '||',
  '~',
  '~*',
  '!~',
  '!~*',
  '@@',
  '~~',
  '~~*',
  '!~~',
  '!~~*',
  '->',
  '->>',
]);

export class ExprParser extends TokenStream {
  expr(): Expr {
    return this.or();
  }

  protected or(): Expr {
    let l = this.and();
    while (this.isKw('or')) {
      const pos = this.next().pos;
      l = { k: 'bin', op: 'or', l, r: this.and(), pos };
    }
    return l;
  }

  protected and(): Expr {
    let l = this.not();
    while (this.isKw('and')) {
      const pos = this.next().pos;
      l = { k: 'bin', op: 'and', l, r: this.not(), pos };
    }
    return l;
  }

  protected not(): Expr {
    if (this.isKw('not')) {
      const pos = this.next().pos;
      return { k: 'not', e: this.not(), pos };
    }
    return this.is();
  }

  protected is(): Expr {
    let e = this.comparison();
    for (;;) {
      const t = this.peek();
      if (this.isKw('isnull') || this.isKw('notnull')) {
        this.next();
        e = { k: 'isnull', e, not: t.v === 'notnull', pos: t.pos };
        continue;
      }
      if (!this.isKw('is')) return e;
      this.next();
      const not = this.acceptKw('not');
      if (this.acceptKw('null')) e = { k: 'isnull', e, not, pos: t.pos };
      else if (this.acceptKw('true')) e = { k: 'istrue', e, value: true, not, pos: t.pos };
      else if (this.acceptKw('false')) e = { k: 'istrue', e, value: false, not, pos: t.pos };
      else if (this.isKw('distinct'))
        throw notSupported(
          'IS DISTINCT FROM is not supported by this simulated database',
          this.peek().pos,
        );
      else this.fail();
    }
  }

  protected comparison(): Expr {
    const l = this.likeIn();
    const t = this.peek();
    if (t.k === 'op' && COMPARISON.has(t.v)) {
      this.next();
      if (this.isKw('any') || this.isKw('all') || this.isKw('some'))
        throw notSupported(
          `${this.peek().v.toUpperCase()} (...) is not supported by this simulated database`,
          this.peek().pos,
        );
      return { k: 'bin', op: t.v === '!=' ? '<>' : t.v, l, r: this.likeIn(), pos: t.pos };
    }
    return l;
  }

  protected likeIn(): Expr {
    const e = this.other();
    const t = this.peek();
    const not =
      this.isKw('not') &&
      ['like', 'ilike', 'in', 'between', 'similar'].some((w) => this.isKw(w, 1));
    if (not) this.next();
    if (this.isKw('like') || this.isKw('ilike')) {
      const ci = this.next().v === 'ilike';
      const pattern = this.other();
      if (this.isKw('escape'))
        throw notSupported(
          'LIKE ... ESCAPE is not supported by this simulated database',
          this.peek().pos,
        );
      return { k: 'like', e, pattern, not, ci, pos: t.pos };
    }
    if (this.isKw('in')) {
      this.next();
      this.expectOp('(');
      if (this.isKw('select'))
        throw notSupported(
          'subqueries are not supported by this simulated database',
          this.peek().pos,
        );
      const list: Expr[] = [];
      do list.push(this.expr());
      while (this.acceptOp(','));
      this.expectOp(')');
      return { k: 'in', e, list, not, pos: t.pos };
    }
    if (this.isKw('between')) {
      this.next();
      const lo = this.other();
      this.expectKw('and');
      const hi = this.other();
      return { k: 'between', e, lo, hi, not, pos: t.pos };
    }
    if (this.isKw('similar'))
      throw notSupported('SIMILAR TO is not supported by this simulated database', this.peek().pos);
    return e;
  }

  protected other(): Expr {
    let l = this.add();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !OTHER_OPS.has(t.v)) return l;
      this.next();
      if (t.v === '~~' || t.v === '~~*' || t.v === '!~~' || t.v === '!~~*') {
        l = {
          k: 'like',
          e: l,
          pattern: this.add(),
          not: t.v.startsWith('!'),
          ci: t.v.endsWith('*'),
          pos: t.pos,
        };
        continue;
      }
      l = { k: 'bin', op: t.v, l, r: this.add(), pos: t.pos };
    }
  }

  protected add(): Expr {
    let l = this.mul();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next();
      l = { k: 'bin', op: t.v, l, r: this.mul(), pos: t.pos };
    }
    return l;
  }

  protected mul(): Expr {
    let l = this.exp();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const t = this.next();
      l = { k: 'bin', op: t.v, l, r: this.exp(), pos: t.pos };
    }
    return l;
  }

  protected exp(): Expr {
    let l = this.unary();
    while (this.isOp('^')) {
      const t = this.next();
      l = { k: 'bin', op: '^', l, r: this.unary(), pos: t.pos };
    }
    return l;
  }

  protected unary(): Expr {
    if (this.isOp('-')) {
      const pos = this.next().pos;
      const e = this.unary();
      if (
        e.k === 'lit' &&
        e.v !== null &&
        typeof e.v === 'object' &&
        (e.v.t === 'int' || e.v.t === 'num')
      )
        return { ...e, v: { ...e.v, n: -e.v.n }, raw: `-${e.raw}`, pos };
      return { k: 'neg', e, pos };
    }
    if (this.isOp('+')) {
      this.next();
      return this.unary();
    }
    return this.postfix();
  }

  protected postfix(): Expr {
    let e = this.primary();
    for (;;) {
      if (this.isOp('::')) {
        const pos = this.next().pos;
        const { type, typmod } = this.typeName();
        e = { k: 'cast', e, type, typmod, pos };
        continue;
      }
      if (this.isOp('[')) {
        const pos = this.next().pos;
        const idx = this.expr();
        this.expectOp(']');
        e = { k: 'bin', op: '[]', l: e, r: idx, pos };
        continue;
      }
      return e;
    }
  }

  protected typeName(): { type: string; typmod: number[] } {
    const first = this.ident();
    let type = first.v;
    const second: Record<string, string> = { double: 'precision', character: 'varying' };
    const more = second[type];
    if (more !== undefined && this.isKw(more)) {
      this.next();
      type = `${type} ${more}`;
    }
    if ((type === 'timestamp' || type === 'time') && (this.isKw('with') || this.isKw('without'))) {
      const w = this.next().v;
      this.expectKw('time');
      this.expectKw('zone');
      type = `${type} ${w} time zone`;
    }
    const typmod: number[] = [];
    if (this.acceptOp('(')) {
      do {
        const n = this.peek();
        if (n.k !== 'num') this.fail();
        this.next();
        typmod.push(Number(n.v));
      } while (this.acceptOp(','));
      this.expectOp(')');
    }
    if (this.acceptOp('[')) {
      this.expectOp(']');
      type += '[]';
    }
    return { type, typmod };
  }

  protected primary(): Expr {
    const t = this.peek();
    switch (t.k) {
      case 'num': {
        this.next();
        const isInt = /^\d+$/.test(t.v);
        if (isInt && t.v.length < 19)
          return { k: 'lit', v: { t: 'int', n: BigInt(t.v) }, pos: t.pos, raw: t.raw };
        return { k: 'lit', v: numFromString(t.v), pos: t.pos, raw: t.raw };
      }
      case 'str':
        this.next();
        return { k: 'lit', v: text(t.v), pos: t.pos, raw: t.raw };
      case 'param':
        this.next();
        return { k: 'param', name: t.v, pos: t.pos };
      case 'op':
        if (t.v === '(') {
          this.next();
          if (this.isKw('select'))
            throw notSupported(
              'subqueries are not supported by this simulated database',
              this.peek().pos,
            );
          const e = this.expr();
          this.expectOp(')');
          return e;
        }
        return this.fail();
      case 'eof':
        return this.fail();
      case 'ident':
        return this.identExpr(t);
    }
  }

  protected identExpr(t: Extract<Token, { k: 'ident' }>): Expr {
    if (!t.quoted) {
      switch (t.v) {
        case 'null':
          this.next();
          return { k: 'lit', v: null, pos: t.pos, raw: 'NULL' };
        case 'true':
        case 'false':
          this.next();
          return { k: 'lit', v: t.v === 'true', pos: t.pos, raw: t.v };
        case 'case':
          return this.caseExpr();
        case 'exists':
          throw notSupported('subqueries are not supported by this simulated database', t.pos);
        case 'array':
          throw notSupported(
            'ARRAY constructors are not supported by this simulated database',
            t.pos,
          );
        case 'extract':
          if (this.isOp('(', 1)) return this.extract();
          break;
        case 'interval': {
          const s = this.peek(1);
          if (s.k === 'str') {
            this.next();
            this.next();
            const us = intervalIn(s.v);
            if (us === null)
              throw sqlError(`invalid input syntax for type interval: "${s.v}"`, s.pos);
            return { k: 'lit', v: interval(us), pos: t.pos, raw: `interval ${s.raw}` };
          }
          break;
        }
        case 'timestamp':
        case 'timestamptz':
        case 'date': {
          const s = this.peek(1);
          if (s.k === 'str') {
            this.next();
            this.next();
            return {
              k: 'cast',
              e: { k: 'lit', v: text(s.v), pos: s.pos, raw: s.raw },
              type: t.v,
              typmod: [],
              pos: t.pos,
            };
          }
          break;
        }
        case 'current_timestamp':
        case 'localtimestamp':
        case 'current_date':
        case 'current_user':
        case 'session_user':
        case 'current_role':
        case 'user':
          if (!this.isOp('(', 1)) {
            this.next();
            return { k: 'fn', name: t.v, args: [], star: false, distinct: false, pos: t.pos };
          }
          break;
      }
      if (RESERVED.has(t.v) && !this.isOp('(', 1)) this.fail();
    }
    this.next();
    if (this.isOp('.')) {
      this.next();
      const n = this.peek();
      if (n.k !== 'ident') this.fail();
      this.next();
      if (this.isOp('(')) return this.call(n.v, n.pos);
      return { k: 'col', name: n.v, qual: t.v, pos: t.pos };
    }
    if (this.isOp('(')) return this.call(t.v, t.pos);
    return { k: 'col', name: t.v, qual: null, pos: t.pos };
  }

  protected call(name: string, pos: number): Expr {
    this.expectOp('(');
    const e: Extract<Expr, { k: 'fn' }> = {
      k: 'fn',
      name,
      args: [],
      star: false,
      distinct: false,
      pos,
    };
    if (this.acceptOp('*')) e.star = true;
    else if (!this.isOp(')')) {
      if (this.acceptKw('distinct')) e.distinct = true;
      else this.acceptKw('all');
      if (this.isKw('select'))
        throw notSupported(
          'subqueries are not supported by this simulated database',
          this.peek().pos,
        );
      do e.args.push(this.expr());
      while (this.acceptOp(','));
      if (this.isKw('order'))
        throw notSupported(
          'ORDER BY inside an aggregate is not supported by this simulated database',
          this.peek().pos,
        );
    }
    this.expectOp(')');
    if (this.isKw('over'))
      throw notSupported(
        'window functions are not supported by this simulated database',
        this.peek().pos,
      );
    if (this.isKw('filter'))
      throw notSupported(
        'aggregate FILTER is not supported by this simulated database',
        this.peek().pos,
      );
    if (this.isKw('within'))
      throw notSupported(
        'WITHIN GROUP is not supported by this simulated database',
        this.peek().pos,
      );
    return e;
  }

  protected caseExpr(): Expr {
    const pos = this.next().pos;
    const operand = this.isKw('when') ? null : this.expr();
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.acceptKw('when')) {
      const when = this.expr();
      this.expectKw('then');
      whens.push({ when, then: this.expr() });
    }
    if (whens.length === 0) this.fail();
    const elseExpr = this.acceptKw('else') ? this.expr() : null;
    this.expectKw('end');
    return { k: 'case', operand, whens, else: elseExpr, pos };
  }

  protected extract(): Expr {
    const pos = this.next().pos;
    this.expectOp('(');
    const f = this.peek();
    if (f.k !== 'ident' && f.k !== 'str') this.fail();
    this.next();
    this.expectKw('from');
    const e = this.expr();
    this.expectOp(')');
    return { k: 'extract', field: f.v.toLowerCase(), e, pos };
  }

  // ---- other statements -------------------------------------------------------------------------
}
