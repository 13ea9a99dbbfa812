/**
 * The shop database's schema: tables with their columns, row counts (the sim's where it has them),
 * on-disk pages, and indexes with their state (valid, being built CONCURRENTLY, invalid). The sim
 * keeps index names and states; definitions come from the config, builds in progress, faults, the
 * index-done log line, and finally the naming convention.
 */
import type { SimState } from '../../../sim/index.ts';
import type { ConsoleView } from '../types.ts';

export type ColumnDef = { name: string; type: string; notNull: boolean; default: string | null };

export type TableDef = {
  name: string;
  oid: number;
  columns: readonly ColumnDef[];
  /** Average row width in bytes, as EXPLAIN shows it. */
  width: number;
  /** Rows when the sim's config does not list the table. */
  rows: number;
};

const col = (name: string, type: string, notNull = true, def: string | null = null): ColumnDef => ({
  name,
  type,
  notNull,
  default: def,
});

const serial = (table: string): string => `nextval('${table}_id_seq'::regclass)`;

export const TABLES: readonly TableDef[] = [
  {
    name: 'customers',
    oid: 16_396,
    width: 86,
    rows: 2_400_000,
    columns: [
      col('id', 'bigint', true, serial('customers')),
      col('email', 'text'),
      col('name', 'text'),
      col('created_at', 'timestamp with time zone', true, 'now()'),
    ],
  },
  {
    name: 'inventory',
    oid: 16_421,
    width: 48,
    rows: 300_000,
    columns: [
      col('sku', 'text'),
      col('product_id', 'bigint'),
      col('quantity', 'integer', true, '0'),
      col('reserved', 'integer', true, '0'),
      col('updated_at', 'timestamp with time zone', true, 'now()'),
    ],
  },
  {
    name: 'order_items',
    oid: 16_411,
    width: 40,
    rows: 52_000_000,
    columns: [
      col('id', 'bigint', true, serial('order_items')),
      col('order_id', 'bigint'),
      col('product_id', 'bigint'),
      col('quantity', 'integer'),
      col('price_cents', 'integer'),
    ],
  },
  {
    name: 'orders',
    oid: 16_402,
    width: 97,
    rows: 20_000_000,
    columns: [
      col('id', 'bigint', true, serial('orders')),
      col('customer_id', 'bigint'),
      col('status', 'text', true, "'pending'::text"),
      col('total_cents', 'integer'),
      col('created_at', 'timestamp with time zone', true, 'now()'),
      col('updated_at', 'timestamp with time zone', true, 'now()'),
    ],
  },
  {
    name: 'products',
    oid: 16_387,
    width: 312,
    rows: 1_200_000,
    columns: [
      col('id', 'bigint', true, serial('products')),
      col('name', 'text'),
      col('description', 'text', false),
      col('price', 'numeric(10,2)'),
      col('search_vector', 'tsvector', false),
      col('updated_at', 'timestamp with time zone', true, 'now()'),
    ],
  },
  {
    name: 'reviews',
    oid: 16_431,
    width: 180,
    rows: 3_100_000,
    columns: [
      col('id', 'bigint', true, serial('reviews')),
      col('product_id', 'bigint'),
      col('customer_id', 'bigint'),
      col('rating', 'smallint'),
      col('body', 'text', false),
      col('created_at', 'timestamp with time zone', true, 'now()'),
    ],
  },
];

export const findTable = (name: string): TableDef | undefined =>
  TABLES.find((t) => t.name === name);

export function tableRows(s: SimState, name: string): number {
  return s.config.postgres.tableRows[name] ?? findTable(name)?.rows ?? 0;
}

/** Heap pages: rows times (width + tuple header) over 8 kB pages filled to about 90%. */
export function tablePages(s: SimState, name: string): number {
  const t = findTable(name);
  return Math.ceil((tableRows(s, name) * ((t?.width ?? 100) + 28)) / 7_370);
}

export type IndexDef = {
  name: string;
  table: string;
  columns: string;
  method: 'btree' | 'gin';
  primary: boolean;
  unique: boolean;
  state: 'valid' | 'building' | 'invalid';
  /** A plain (not CONCURRENTLY) build in progress is invisible to other sessions. */
  visible: boolean;
};

/** Indexes every real schema of this shop has, beyond the ones the sim's queries use. */
const SCHEMA_INDEXES: readonly Omit<IndexDef, 'state' | 'visible'>[] = [
  {
    name: 'customers_pkey',
    table: 'customers',
    columns: 'id',
    method: 'btree',
    primary: true,
    unique: true,
  },
  {
    name: 'customers_email_key',
    table: 'customers',
    columns: 'email',
    method: 'btree',
    primary: false,
    unique: true,
  },
  {
    name: 'order_items_pkey',
    table: 'order_items',
    columns: 'id',
    method: 'btree',
    primary: true,
    unique: true,
  },
  {
    name: 'order_items_order_id_idx',
    table: 'order_items',
    columns: 'order_id',
    method: 'btree',
    primary: false,
    unique: false,
  },
  {
    name: 'orders_pkey',
    table: 'orders',
    columns: 'id',
    method: 'btree',
    primary: true,
    unique: true,
  },
  {
    name: 'reviews_pkey',
    table: 'reviews',
    columns: 'id',
    method: 'btree',
    primary: true,
    unique: true,
  },
  {
    name: 'reviews_product_id_idx',
    table: 'reviews',
    columns: 'product_id',
    method: 'btree',
    primary: false,
    unique: false,
  },
];

const CREATE_INDEX_LINE = /^CREATE INDEX (?:CONCURRENTLY )?(\S+) ON (\S+) \((.*)\);$/;

/** Definitions of indexes built during the run, read back from the index-done log statement. */
function builtDefinitions(view: ConsoleView): Map<string, { table: string; columns: string }> {
  const out = new Map<string, { table: string; columns: string }>();
  const logs = view.recorder.logs;
  for (let id = 0; id < 20_000; id++) {
    const s = logs.string(id);
    if (s === '') break;
    const m = CREATE_INDEX_LINE.exec(s);
    if (m) out.set(m[1]!, { table: m[2]!, columns: m[3]! });
  }
  return out;
}

/** Splits `orders_customer_id_status_idx` into known columns of its table, if it follows the convention. */
function guessColumns(name: string): { table: string; columns: string } | null {
  for (const t of TABLES) {
    if (!name.startsWith(`${t.name}_`)) continue;
    let rest = name.slice(t.name.length + 1).replace(/_(idx|key|pkey)$/, '');
    const cols: string[] = [];
    while (rest !== '') {
      const c = [...t.columns]
        .sort((a, b) => b.name.length - a.name.length)
        .find((x) => rest === x.name || rest.startsWith(`${x.name}_`));
      if (!c) return null;
      cols.push(c.name);
      rest = rest.slice(c.name.length).replace(/^_/, '');
    }
    if (cols.length > 0) return { table: t.name, columns: cols.join(', ') };
  }
  return null;
}

/** Per sim state (a new object every step), since lock rows and EXPLAIN ask many times. */
const cache = new WeakMap<SimState, IndexDef[]>();

export function indexes(view: ConsoleView): IndexDef[] {
  const cached = cache.get(view.state);
  if (cached) return cached;
  const list = computeIndexes(view);
  cache.set(view.state, list);
  return list;
}

function computeIndexes(view: ConsoleView): IndexDef[] {
  const s = view.state;
  const db = s.db;
  const out = new Map<string, IndexDef>();
  for (const d of SCHEMA_INDEXES) out.set(d.name, { ...d, state: 'valid', visible: true });
  const defs = new Map<string, { table: string; columns: string }>();
  for (const q of Object.values(s.config.queries))
    if (q.index) defs.set(q.index.name, { table: q.table, columns: q.index.columns });
  for (const f of s.faults)
    if (f.spec.kind === 'planRegression' && f.spec.index)
      defs.set(f.spec.index.name, {
        table: s.config.queries[f.spec.query].table,
        columns: f.spec.index.columns,
      });
  let built: Map<string, { table: string; columns: string }> | null = null;
  for (const [name, state] of Object.entries(db.indexes)) {
    const build = db.indexBuilds.find((b) => b.name === name);
    let def = build ? { table: build.table, columns: build.columns } : defs.get(name);
    if (!def) {
      built ??= builtDefinitions(view);
      def = built.get(name) ?? guessColumns(name) ?? undefined;
    }
    if (!def) continue;
    out.set(name, {
      name,
      table: def.table,
      columns: def.columns,
      method: /search_vector/.test(def.columns) ? 'gin' : 'btree',
      primary: name.endsWith('_pkey'),
      unique: name.endsWith('_pkey') || name.endsWith('_key'),
      state,
      visible: state !== 'building' || build?.concurrently !== false,
    });
  }
  return [...out.values()];
}

export const indexesOf = (view: ConsoleView, table: string): IndexDef[] =>
  indexes(view)
    .filter((i) => i.table === table && i.visible)
    .sort((a, b) => (a.primary === b.primary ? a.name.localeCompare(b.name) : a.primary ? -1 : 1));

/** Leading column names of an index definition (`customer_id, created_at DESC` -> [customer_id, created_at]). */
export const indexColumns = (columns: string): string[] =>
  columns.split(',').map((c) => c.trim().split(/\s+/)[0]!.toLowerCase());
