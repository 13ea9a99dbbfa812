/** The statements and expressions the simulated server parses. Positions are statement offsets. */
import type { Val } from './values.ts';

export type Expr =
  | { k: 'lit'; v: Val; pos: number; raw: string }
  | { k: 'param'; name: string; pos: number }
  | { k: 'col'; name: string; qual: string | null; pos: number }
  | { k: 'star'; pos: number }
  | {
      k: 'fn';
      name: string;
      args: Expr[];
      star: boolean;
      distinct: boolean;
      pos: number;
    }
  | { k: 'bin'; op: string; l: Expr; r: Expr; pos: number }
  | { k: 'not'; e: Expr; pos: number }
  | { k: 'neg'; e: Expr; pos: number }
  | { k: 'cast'; e: Expr; type: string; typmod: number[]; pos: number }
  | { k: 'isnull'; e: Expr; not: boolean; pos: number }
  | { k: 'istrue'; e: Expr; value: boolean; not: boolean; pos: number }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean; pos: number }
  | { k: 'like'; e: Expr; pattern: Expr; not: boolean; ci: boolean; pos: number }
  | { k: 'between'; e: Expr; lo: Expr; hi: Expr; not: boolean; pos: number }
  | {
      k: 'case';
      operand: Expr | null;
      whens: { when: Expr; then: Expr }[];
      else: Expr | null;
      pos: number;
    }
  | { k: 'extract'; field: string; e: Expr; pos: number };

export type SelectItem = { expr: Expr; alias: string | null; pos: number };

export type OrderItem = { expr: Expr; desc: boolean; nullsFirst: boolean | null };

export type FromItem = { name: string; alias: string | null; pos: number };

export type Select = {
  k: 'select';
  distinct: boolean;
  items: SelectItem[];
  from: FromItem | null;
  where: Expr | null;
  groupBy: Expr[];
  having: Expr | null;
  orderBy: OrderItem[];
  limit: Expr | null;
  offset: Expr | null;
};

export type ExplainOptions = {
  analyze: boolean;
  buffers: boolean;
  verbose: boolean;
  costs: boolean;
  timing: boolean;
  summary: boolean | null;
};

export type SettingValue = { text: string; isDefault: boolean; pos: number };

export type IndexColumn = { name: string; desc: boolean; pos: number };

export type Statement =
  | Select
  | { k: 'explain'; options: ExplainOptions; query: Select; pos: number }
  | { k: 'show'; name: string; pos: number }
  | { k: 'set'; name: string; value: SettingValue; pos: number }
  | { k: 'reset'; name: string; pos: number }
  | { k: 'alterSystem'; name: string; value: SettingValue; pos: number }
  | { k: 'alterRole'; role: string; name: string; value: SettingValue; pos: number }
  | {
      k: 'createIndex';
      name: string | null;
      namePos: number;
      table: string;
      tablePos: number;
      columns: IndexColumn[];
      concurrently: boolean;
      unique: boolean;
      ifNotExists: boolean;
    }
  | { k: 'analyze'; tables: { name: string; pos: number }[]; vacuum: boolean; analyze: boolean }
  | { k: 'tx'; tag: 'BEGIN' | 'COMMIT' | 'ROLLBACK' }
  | { k: 'checkpoint' }
  | { k: 'empty' };

/** The column name psql shows for a select-list expression without an alias. */
export function outputName(e: Expr): string {
  switch (e.k) {
    case 'col':
      return e.name;
    case 'fn':
      return e.name;
    case 'cast':
      if (e.e.k === 'lit') return e.type === 'interval' ? 'interval' : '?column?';
      return outputName(e.e);
    case 'case':
      return 'case';
    case 'extract':
      return 'extract';
    case 'lit':
      return '?column?';
    default:
      return '?column?';
  }
}

/** A canonical text of an expression, to compare GROUP BY items with select items. */
export function exprKey(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return `lit:${e.raw}`;
    case 'param':
      return e.name;
    case 'col':
      return `col:${e.name}`;
    case 'star':
      return '*';
    case 'fn':
      return `${e.name}(${e.distinct ? 'distinct ' : ''}${e.star ? '*' : e.args.map(exprKey).join(',')})`;
    case 'bin':
      return `(${exprKey(e.l)} ${e.op} ${exprKey(e.r)})`;
    case 'not':
      return `not ${exprKey(e.e)}`;
    case 'neg':
      return `-${exprKey(e.e)}`;
    case 'cast':
      return `${exprKey(e.e)}::${e.type}`;
    case 'isnull':
      return `${exprKey(e.e)} is${e.not ? ' not' : ''} null`;
    case 'istrue':
      return `${exprKey(e.e)} is${e.not ? ' not' : ''} ${e.value}`;
    case 'in':
      return `${exprKey(e.e)}${e.not ? ' not' : ''} in (${e.list.map(exprKey).join(',')})`;
    case 'like':
      return `${exprKey(e.e)}${e.not ? ' not' : ''} ${e.ci ? 'ilike' : 'like'} ${exprKey(e.pattern)}`;
    case 'between':
      return `${exprKey(e.e)} between ${exprKey(e.lo)} and ${exprKey(e.hi)}`;
    case 'case':
      return `case ${e.operand ? exprKey(e.operand) : ''} ${e.whens.map((w) => `${exprKey(w.when)}:${exprKey(w.then)}`).join(';')} ${e.else ? exprKey(e.else) : ''}`;
    case 'extract':
      return `extract(${e.field} from ${exprKey(e.e)})`;
  }
}

/** Children of an expression, for walks. */
export function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'fn':
      return e.args;
    case 'bin':
      return [e.l, e.r];
    case 'not':
    case 'neg':
    case 'cast':
    case 'isnull':
    case 'istrue':
    case 'extract':
      return [e.e];
    case 'in':
      return [e.e, ...e.list];
    case 'like':
      return [e.e, e.pattern];
    case 'between':
      return [e.e, e.lo, e.hi];
    case 'case':
      return [
        ...(e.operand ? [e.operand] : []),
        ...e.whens.flatMap((w) => [w.when, w.then]),
        ...(e.else ? [e.else] : []),
      ];
    default:
      return [];
  }
}
