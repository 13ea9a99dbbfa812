/**
 * The statement parser for the SQL subset SREs type during incidents: single-relation SELECTs
 * with GROUP BY, ORDER BY and LIMIT; EXPLAIN; SHOW / SET / RESET; ALTER SYSTEM and ALTER ROLE ...
 * SET; CREATE INDEX; ANALYZE and VACUUM; transaction control. Grammar errors are PostgreSQL's
 * (`syntax error at or near "x"` with its position); valid SQL outside the subset (joins,
 * subqueries, DML) is reported as not understood, never guessed at.
 */
import type {
  ExplainOptions,
  FromItem,
  IndexColumn,
  OrderItem,
  Select,
  SelectItem,
  SettingValue,
  Statement,
} from './ast.ts';
import { notSupported, sqlError } from './errors.ts';
import type { Token } from './lexer.ts';
import { ExprParser, RESERVED } from './parse-expr.ts';

const UNSIMULATED = new Set([
  'insert',
  'update',
  'delete',
  'drop',
  'truncate',
  'grant',
  'revoke',
  'copy',
  'lock',
  'reindex',
  'cluster',
  'do',
  'call',
  'prepare',
  'execute',
  'deallocate',
  'listen',
  'notify',
  'unlisten',
  'discard',
  'comment',
  'refresh',
  'values',
  'import',
  'load',
  'security',
  'fetch',
  'declare',
  'close',
  'move',
  'savepoint',
  'release',
  'merge',
  'with',
]);

export function parseStatement(sql: string): Statement {
  return new StatementParser(sql).statement();
}

class StatementParser extends ExprParser {
  statement(): Statement {
    const t = this.peek();
    let st: Statement;
    if (t.k === 'eof' || this.isOp(';')) st = { k: 'empty' };
    else if (this.isOp('('))
      throw notSupported(
        'parenthesized queries are not supported by this simulated database',
        t.pos,
      );
    else if (t.k !== 'ident') this.fail();
    else st = this.keywordStatement(t);
    this.acceptOp(';');
    if (this.peek().k !== 'eof') this.fail();
    return st;
  }

  private keywordStatement(t: Extract<Token, { k: 'ident' }>): Statement {
    switch (t.v) {
      case 'select':
        return this.select();
      case 'table': {
        this.next();
        const from = this.fromItem();
        return emptySelect(
          [{ expr: { k: 'star', pos: from.pos }, alias: null, pos: from.pos }],
          from,
        );
      }
      case 'explain':
        return this.explain();
      case 'show':
        return this.show();
      case 'set':
        return this.set();
      case 'reset': {
        this.next();
        const name = this.settingName();
        return { k: 'reset', name: name.v, pos: name.pos };
      }
      case 'alter':
        return this.alter();
      case 'create':
        return this.create();
      case 'analyze':
      case 'analyse':
        this.next();
        this.acceptKw('verbose');
        return { k: 'analyze', tables: this.tableList(), vacuum: false, analyze: true };
      case 'vacuum':
        return this.vacuum();
      case 'begin':
      case 'start':
        this.next();
        if (t.v === 'start') this.expectKw('transaction');
        else if (!this.acceptKw('transaction')) this.acceptKw('work');
        return { k: 'tx', tag: 'BEGIN' };
      case 'commit':
      case 'end':
        this.next();
        if (!this.acceptKw('transaction')) this.acceptKw('work');
        return { k: 'tx', tag: 'COMMIT' };
      case 'rollback':
      case 'abort':
        this.next();
        if (!this.acceptKw('transaction')) this.acceptKw('work');
        return { k: 'tx', tag: 'ROLLBACK' };
      case 'checkpoint':
        this.next();
        return { k: 'checkpoint' };
      default:
        if (!t.quoted && UNSIMULATED.has(t.v))
          throw notSupported(
            `${t.v.toUpperCase()} is not supported by this simulated database`,
            t.pos,
          );
        this.fail(t);
    }
  }

  // ---- SELECT ------------------------------------------------------------------------------

  private select(): Select {
    this.expectKw('select');
    let distinct = false;
    if (this.acceptKw('distinct')) {
      if (this.isKw('on'))
        throw notSupported(
          'DISTINCT ON is not supported by this simulated database',
          this.peek().pos,
        );
      distinct = true;
    } else this.acceptKw('all');
    const items: SelectItem[] = [];
    if (!this.isKw('from') && this.peek().k !== 'eof' && !this.isOp(';')) {
      do items.push(this.selectItem());
      while (this.acceptOp(','));
    } else this.fail();
    const s = emptySelect(items, null);
    s.distinct = distinct;
    if (this.acceptKw('into'))
      throw notSupported(
        'SELECT INTO is not supported by this simulated database',
        this.peek().pos,
      );
    if (this.acceptKw('from')) s.from = this.fromItem();
    if (this.acceptKw('where')) s.where = this.expr();
    if (this.isKw('group')) {
      this.next();
      this.expectKw('by');
      do s.groupBy.push(this.expr());
      while (this.acceptOp(','));
    }
    if (this.acceptKw('having')) s.having = this.expr();
    if (this.isKw('window'))
      throw notSupported(
        'window functions are not supported by this simulated database',
        this.peek().pos,
      );
    for (const word of ['union', 'intersect', 'except'])
      if (this.isKw(word))
        throw notSupported(
          `${word.toUpperCase()} is not supported by this simulated database`,
          this.peek().pos,
        );
    if (this.isKw('order')) {
      this.next();
      this.expectKw('by');
      do s.orderBy.push(this.orderItem());
      while (this.acceptOp(','));
    }
    for (let k = 0; k < 2; k++) {
      if (this.acceptKw('limit')) {
        if (this.acceptKw('all')) s.limit = null;
        else s.limit = this.expr();
      } else if (this.acceptKw('offset')) {
        s.offset = this.expr();
        if (!this.acceptKw('rows')) this.acceptKw('row');
      }
    }
    if (this.isKw('for'))
      throw notSupported(
        'SELECT ... FOR UPDATE is not supported by this simulated database',
        this.peek().pos,
      );
    return s;
  }

  private selectItem(): SelectItem {
    const t = this.peek();
    if (this.isOp('*')) {
      this.next();
      return { expr: { k: 'star', pos: t.pos }, alias: null, pos: t.pos };
    }
    if (t.k === 'ident' && this.isOp('.', 1) && this.isOp('*', 2)) {
      this.next();
      this.next();
      this.next();
      return { expr: { k: 'star', pos: t.pos }, alias: null, pos: t.pos };
    }
    const expr = this.expr();
    let alias: string | null = null;
    if (this.acceptKw('as')) {
      const a = this.peek();
      if (a.k !== 'ident') this.fail();
      this.next();
      alias = a.v;
    } else {
      const a = this.peek();
      if (a.k === 'ident' && (a.quoted || !RESERVED.has(a.v))) {
        this.next();
        alias = a.v;
      }
    }
    return { expr, alias, pos: t.pos };
  }

  private fromItem(): FromItem {
    const t = this.peek();
    if (this.isOp('('))
      throw notSupported('subqueries are not supported by this simulated database', t.pos);
    if (t.k !== 'ident' || (!t.quoted && RESERVED.has(t.v))) this.fail();
    this.next();
    let name = t.v;
    if (this.acceptOp('.')) {
      const n = this.peek();
      if (n.k !== 'ident') this.fail();
      this.next();
      if (['pg_catalog', 'public', 'information_schema'].includes(name)) name = n.v;
      else name = `${name}.${n.v}`;
    }
    if (this.isOp('(')) {
      this.next();
      this.expectOp(')');
      name = `${name}()`;
    }
    let alias: string | null = null;
    if (this.acceptKw('as')) alias = this.ident().v;
    else {
      const a = this.peek();
      if (a.k === 'ident' && (a.quoted || !RESERVED.has(a.v))) {
        this.next();
        alias = a.v;
      }
    }
    const j = this.peek();
    if (
      this.isOp(',') ||
      ['join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'lateral'].some((w) =>
        this.isKw(w),
      )
    )
      throw notSupported(
        'JOIN is not supported by this simulated database; query one view at a time',
        j.pos,
      );
    return { name, alias, pos: t.pos };
  }

  private orderItem(): OrderItem {
    const expr = this.expr();
    let desc = false;
    if (this.acceptKw('desc')) desc = true;
    else this.acceptKw('asc');
    if (this.isKw('using'))
      throw notSupported(
        'ORDER BY ... USING is not supported by this simulated database',
        this.peek().pos,
      );
    let nullsFirst: boolean | null = null;
    if (this.acceptKw('nulls')) {
      if (this.acceptKw('first')) nullsFirst = true;
      else {
        this.expectKw('last');
        nullsFirst = false;
      }
    }
    return { expr, desc, nullsFirst };
  }

  // ---- expressions ------------------------------------------------------------------------------

  private explain(): Statement {
    const pos = this.next().pos;
    const options: ExplainOptions = {
      analyze: false,
      buffers: false,
      verbose: false,
      costs: true,
      timing: true,
      summary: null,
    };
    if (this.acceptOp('(')) {
      do {
        const o = this.ident();
        let value = true;
        const v = this.peek();
        if (o.v === 'format') {
          const f = this.ident();
          if (f.v !== 'text')
            throw notSupported(
              `EXPLAIN (FORMAT ${f.v.toUpperCase()}) is not supported by this simulated database`,
              f.pos,
            );
          continue;
        }
        if (v.k === 'ident' && ['true', 'false', 'on', 'off'].includes(v.v)) {
          this.next();
          value = v.v === 'true' || v.v === 'on';
        } else if (v.k === 'num') {
          this.next();
          value = v.v !== '0';
        }
        switch (o.v) {
          case 'analyze':
          case 'analyse':
            options.analyze = value;
            break;
          case 'buffers':
            options.buffers = value;
            break;
          case 'verbose':
            options.verbose = value;
            break;
          case 'costs':
            options.costs = value;
            break;
          case 'timing':
            options.timing = value;
            break;
          case 'summary':
            options.summary = value;
            break;
          case 'settings':
          case 'wal':
            break;
          default:
            throw sqlError(`unrecognized EXPLAIN option "${o.v}"`, o.pos);
        }
      } while (this.acceptOp(','));
      this.expectOp(')');
    } else {
      if (this.acceptKw('analyze') || this.acceptKw('analyse')) options.analyze = true;
      if (this.acceptKw('verbose')) options.verbose = true;
    }
    if (options.buffers && !options.analyze)
      throw sqlError('EXPLAIN option BUFFERS requires ANALYZE');
    const t = this.peek();
    if (this.isKw('select')) return { k: 'explain', options, query: this.select(), pos };
    if (this.isKw('table')) {
      const st = this.keywordStatement(t as Extract<Token, { k: 'ident' }>);
      if (st.k === 'select') return { k: 'explain', options, query: st, pos };
    }
    if (
      t.k === 'ident' &&
      ['insert', 'update', 'delete', 'merge', 'with', 'values', 'create', 'execute'].includes(t.v)
    )
      throw notSupported(
        `EXPLAIN of ${t.v.toUpperCase()} is not supported by this simulated database`,
        t.pos,
      );
    return this.fail();
  }

  private settingName(): { v: string; pos: number } {
    const first = this.ident();
    let v = first.v;
    while (this.acceptOp('.')) v += `.${this.ident().v}`;
    return { v, pos: first.pos };
  }

  private show(): Statement {
    this.next();
    if (this.isKw('time') && this.isKw('zone', 1)) {
      const pos = this.next().pos;
      this.next();
      return { k: 'show', name: 'timezone', pos };
    }
    if (this.isKw('transaction') && this.isKw('isolation', 1)) {
      const pos = this.next().pos;
      this.next();
      this.expectKw('level');
      return { k: 'show', name: 'transaction_isolation', pos };
    }
    const name = this.settingName();
    return { k: 'show', name: name.v, pos: name.pos };
  }

  private settingValue(): SettingValue {
    const t = this.peek();
    if (this.acceptKw('default')) return { text: '', isDefault: true, pos: t.pos };
    const parts: string[] = [];
    do {
      const v = this.peek();
      if (v.k === 'str' || v.k === 'ident') {
        this.next();
        parts.push(v.v);
      } else if (v.k === 'num') {
        this.next();
        parts.push(v.v);
      } else if (this.isOp('-') && this.peek(1).k === 'num') {
        this.next();
        parts.push(`-${this.next().v}`);
      } else this.fail();
    } while (this.acceptOp(','));
    return { text: parts.join(', '), isDefault: false, pos: t.pos };
  }

  private set(): Statement {
    const pos = this.next().pos;
    if (!this.acceptKw('session')) this.acceptKw('local');
    if (this.isKw('time') && this.isKw('zone', 1)) {
      this.next();
      this.next();
      return { k: 'set', name: 'timezone', value: this.settingValue(), pos };
    }
    const name = this.settingName();
    if (!this.acceptKw('to')) this.expectOp('=');
    return { k: 'set', name: name.v, value: this.settingValue(), pos: name.pos };
  }

  private alter(): Statement {
    this.next();
    const t = this.peek();
    if (this.acceptKw('system')) {
      if (this.acceptKw('reset')) {
        const name = this.acceptKw('all') ? { v: 'all', pos: t.pos } : this.settingName();
        return {
          k: 'alterSystem',
          name: name.v,
          value: { text: '', isDefault: true, pos: name.pos },
          pos: name.pos,
        };
      }
      this.expectKw('set');
      const name = this.settingName();
      if (!this.acceptKw('to')) this.expectOp('=');
      return { k: 'alterSystem', name: name.v, value: this.settingValue(), pos: name.pos };
    }
    if (this.isKw('role') || this.isKw('user') || this.isKw('database')) {
      const kind = this.next().v;
      const role = this.ident();
      if (this.acceptKw('in')) {
        this.expectKw('database');
        this.ident();
      }
      if (!this.isKw('set'))
        throw notSupported(
          `ALTER ${kind.toUpperCase()} is not supported by this simulated database beyond SET`,
          this.peek().pos,
        );
      this.next();
      const name = this.settingName();
      if (!this.acceptKw('to')) this.expectOp('=');
      return {
        k: 'alterRole',
        role: kind === 'database' ? `database:${role.v}` : role.v,
        name: name.v,
        value: this.settingValue(),
        pos: name.pos,
      };
    }
    if (t.k === 'ident')
      throw notSupported(
        `ALTER ${t.v.toUpperCase()} is not supported by this simulated database`,
        t.pos,
      );
    return this.fail();
  }

  private create(): Statement {
    this.next();
    const unique = this.acceptKw('unique');
    if (!this.isKw('index')) {
      const t = this.peek();
      if (t.k === 'ident' && !unique)
        throw notSupported(
          `CREATE ${t.v.toUpperCase()} is not supported by this simulated database`,
          t.pos,
        );
      this.fail();
    }
    this.next();
    const concurrently = this.acceptKw('concurrently');
    let ifNotExists = false;
    if (this.isKw('if')) {
      this.next();
      this.expectKw('not');
      this.expectKw('exists');
      ifNotExists = true;
    }
    let name: string | null = null;
    let namePos = this.peek().pos;
    if (!this.isKw('on')) {
      const n = this.ident();
      name = n.v;
      namePos = n.pos;
    } else if (ifNotExists) this.fail();
    this.expectKw('on');
    this.acceptKw('only');
    const table = this.fromName();
    if (this.acceptKw('using')) {
      const m = this.ident();
      if (m.v !== 'btree')
        throw notSupported(
          `index method "${m.v}" is not supported by this simulated database`,
          m.pos,
        );
    }
    this.expectOp('(');
    const columns: IndexColumn[] = [];
    do {
      const c = this.peek();
      if (this.isOp('('))
        throw notSupported(
          'expression indexes are not supported by this simulated database',
          c.pos,
        );
      const col = this.ident();
      if (this.isOp('('))
        throw notSupported(
          'expression indexes are not supported by this simulated database',
          c.pos,
        );
      let desc = false;
      if (this.acceptKw('desc')) desc = true;
      else this.acceptKw('asc');
      if (this.acceptKw('nulls')) {
        if (!this.acceptKw('first')) this.expectKw('last');
      }
      columns.push({ name: col.v, desc, pos: col.pos });
    } while (this.acceptOp(','));
    this.expectOp(')');
    if (this.acceptKw('include')) {
      this.expectOp('(');
      do this.ident();
      while (this.acceptOp(','));
      this.expectOp(')');
    }
    if (this.acceptKw('where')) this.expr();
    return {
      k: 'createIndex',
      name,
      namePos,
      table: table.v,
      tablePos: table.pos,
      columns,
      concurrently,
      unique,
      ifNotExists,
    };
  }

  private fromName(): { v: string; pos: number } {
    const t = this.ident();
    if (this.acceptOp('.')) {
      const n = this.ident();
      return { v: t.v === 'public' ? n.v : `${t.v}.${n.v}`, pos: t.pos };
    }
    return t;
  }

  private tableList(): { name: string; pos: number }[] {
    const out: { name: string; pos: number }[] = [];
    if (this.peek().k !== 'ident') return out;
    do {
      const t = this.fromName();
      if (this.acceptOp('(')) {
        do this.ident();
        while (this.acceptOp(','));
        this.expectOp(')');
      }
      out.push({ name: t.v, pos: t.pos });
    } while (this.acceptOp(','));
    return out;
  }

  private vacuum(): Statement {
    this.next();
    let analyze = false;
    if (this.acceptOp('(')) {
      do {
        const o = this.ident();
        if (o.v === 'full')
          throw notSupported(
            'VACUUM FULL is not simulated: it would lock the table for the whole rewrite',
            o.pos,
          );
        if (o.v === 'analyze' || o.v === 'analyse') analyze = true;
        if (this.peek().k === 'ident' && ['true', 'false', 'on', 'off'].includes(this.peek().v))
          this.next();
      } while (this.acceptOp(','));
      this.expectOp(')');
    } else {
      for (;;) {
        const t = this.peek();
        if (this.isKw('full'))
          throw notSupported(
            'VACUUM FULL is not simulated: it would lock the table for the whole rewrite',
            t.pos,
          );
        if (this.acceptKw('freeze') || this.acceptKw('verbose')) continue;
        if (this.acceptKw('analyze') || this.acceptKw('analyse')) {
          analyze = true;
          continue;
        }
        break;
      }
    }
    return { k: 'analyze', tables: this.tableList(), vacuum: true, analyze };
  }
}

function emptySelect(items: SelectItem[], from: FromItem | null): Select {
  return {
    k: 'select',
    distinct: false,
    items,
    from,
    where: null,
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
    offset: null,
  };
}
