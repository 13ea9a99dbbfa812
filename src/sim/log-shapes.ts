/**
 * Shapes of the busiest log templates (see shared/log-shape.ts), so a text filter can decide for
 * a whole family of lines without formatting them. A template's lines are grouped into variants
 * by the arguments that change their fixed text (the endpoint, the error kind, an interned
 * string); `shape(variant)` rebuilds that text with holes for what varies within the variant.
 * tests/log-shapes.test.ts checks every line of real runs against its shape, so a template
 * changed without its shape fails there. Templates without a shape are formatted and tested.
 */
import { ENDPOINT_IDS } from './config.ts';
import type { EndpointId } from './config.ts';
import type { ShapeHole, ShapePart } from '../shared/log-shape.ts';
import {
  API_ERRORS,
  endpointAt,
  LOG_TEMPLATES,
  method,
  ROUTE,
  SEARCH_TERMS,
  USER_AGENTS,
} from './log-templates.ts';
import { DB_NAME, DB_USER, PG_PRIMARY_SERVICE_IP } from './names.ts';

/** A record's raw columns, read in place (string arguments are interned ids). */
export interface RecordArgs {
  n(i: number): number;
  s(i: number): string;
  traced(): boolean;
  sourceId(): number;
}

export interface TemplateShape {
  /** The record's variant, a non-negative number; -1 when it has no known shape. */
  variant(r: RecordArgs): number;
  /** The fixed text and holes every line of the variant has. */
  shape(variant: number, string: (id: number) => string): ShapePart[];
}

const DIGITS: ShapeHole = { chars: '0123456789' };
/** A formatted number: integers, toFixed decimals, the odd negative. */
const NUM: ShapeHole = { chars: '0123456789.-' };
const HEX: ShapeHole = { chars: '0123456789abcdef' };
const IP: ShapeHole = { chars: '0123456789.' };
const MONTH: ShapeHole = { chars: 'JanFebMrApyulgSOctNovDe' };

const ISO_TS: ShapePart[] = [DIGITS, '-', DIGITS, '-', DIGITS, 'T', DIGITS, ':', DIGITS, ':'];
ISO_TS.push(DIGITS, '.', DIGITS, 'Z');
const PG_TS: ShapePart[] = [DIGITS, '-', DIGITS, '-', DIGITS, ' ', DIGITS, ':', DIGITS, ':'];
PG_TS.push(DIGITS, '.', DIGITS, ' UTC');
const SLASH_TS: ShapePart[] = [DIGITS, '/', DIGITS, '/', DIGITS, ' ', DIGITS, ':', DIGITS, ':'];
SLASH_TS.push(DIGITS);
const CLF_TS: ShapePart[] = [DIGITS, '/', MONTH, '/', DIGITS, ':', DIGITS, ':', DIGITS, ':'];
CLF_TS.push(DIGITS, ' +0000');

/** Interned ids fit in 21 bits, so two of them and a few flags pack into a safe integer. */
const ID = 2 ** 21;
const idOk = (id: number): boolean => Number.isInteger(id) && id >= 0 && id < ID;
const bit = (b: boolean): number => (b ? 1 : 0);
const isIndex = (n: number): boolean => Number.isInteger(n) && n >= 0;

function endpointIndex(n: number): number {
  return ENDPOINT_IDS.indexOf(endpointAt(n));
}

/** Replaces the first `marker` in the literal parts with `by`, as String#replace would. */
function replaceFirst(parts: ShapePart[], marker: string, by: ShapePart): ShapePart[] {
  const at = parts.findIndex((p) => typeof p === 'string' && p.includes(marker));
  if (at < 0) return parts;
  const text = parts[at] as string;
  const i = text.indexOf(marker);
  return [
    ...parts.slice(0, at),
    text.slice(0, i),
    by,
    text.slice(i + marker.length),
    ...parts.slice(at + 1),
  ];
}

/** A request path: the numeric ids are holes, the search term is fixed by the variant. */
function requestPath(e: EndpointId, client20: number): ShapePart[] {
  if (e === 'products') return ['/v1/products/', NUM];
  if (e === 'orders') return ['/v1/orders?customer=', NUM];
  if (e === 'search') return [`/v1/search?q=${SEARCH_TERMS[client20 % 5]}`];
  return [e === 'page' ? '/' : '/v1/checkout'];
}

function slog(level: string, fields: ShapePart[], traced: boolean): ShapePart[] {
  return [
    '{"time":"',
    ...ISO_TS,
    `","level":"${level}",`,
    ...fields,
    ...(traced ? [',"trace_id":"', HEX, '"'] : []),
    '}',
  ];
}

function pgbClient(host: string): ShapePart[] {
  return ['C-0x55d7c1b2', HEX, `: ${DB_NAME}/${DB_USER}@${host}:`, NUM];
}

const pgLine = (text: string): TemplateShape => ({
  variant: () => 0,
  shape: () => [...PG_TS, ' [', NUM, `] ${text}`],
});

/** Ingress lines: endpoint, the client number mod 20 (user agent, search term), flags. */
function ingressVariant(r: RecordArgs, ipArg: number, extra: number): number {
  const client = r.n(4);
  if (!isIndex(client)) return -1;
  return endpointIndex(r.n(0)) + 5 * (client % 20) + 100 * bit(r.s(ipArg) === '') + 200 * extra;
}

function ingressError(what: string, pagePort: boolean): TemplateShape {
  return {
    variant: (r) => ingressVariant(r, 1, 0),
    shape: (v) => {
      const e = ENDPOINT_IDS[v % 5]!;
      const client20 = Math.floor(v / 5) % 20;
      const noIp = Math.floor(v / 100) % 2 === 1;
      const path = requestPath(e, client20);
      const port = pagePort && e === 'page' ? 3000 : 8080;
      return [
        ...SLASH_TS,
        ' [error] ',
        NUM,
        '#',
        NUM,
        ': *',
        NUM,
        ` ${what} while reading response header from upstream, client: `,
        IP,
        `, server: shop.example.com, request: "${method(e)} `,
        ...path,
        ' HTTP/2.0", upstream: "http://',
        ...(noIp ? [] : [IP]),
        `:${port}`,
        ...path,
        '", host: "shop.example.com"',
      ];
    },
  };
}

const SHAPES: Readonly<Record<string, TemplateShape>> = {
  ingress_access: {
    variant: (r) => ingressVariant(r, 5, bit(r.n(1) === 503) + 2 * bit(r.traced())),
    shape: (v) => {
      const e = ENDPOINT_IDS[v % 5]!;
      const client20 = Math.floor(v / 5) % 20;
      const noIp = Math.floor(v / 100) % 2 === 1;
      const s503 = Math.floor(v / 200) % 2 === 1;
      const traced = Math.floor(v / 400) % 2 === 1;
      const port = e === 'page' ? 3000 : 8080;
      const dash = s503 && noIp;
      const status: ShapePart = s503 ? '503' : NUM;
      return [
        IP,
        ' - - [',
        ...CLF_TS,
        `] "${method(e)} `,
        ...requestPath(e, client20),
        ' HTTP/2.0" ',
        status,
        ' ',
        NUM,
        ` "-" "${USER_AGENTS[client20 % USER_AGENTS.length]}" ${e === 'checkout' ? 612 : 287} `,
        NUM,
        ` [${e === 'page' ? 'prod-web-3000' : 'prod-api-8080'}] [] `,
        ...(dash ? ['-'] : noIp ? [`:${port}`] : [IP, `:${port}`]),
        ' ',
        NUM,
        ' ',
        dash ? '-' : NUM,
        ' ',
        dash ? '-' : status,
        ' ',
        ...(traced ? [HEX] : []),
      ];
    },
  },
  ingress_upstream_timeout: ingressError('upstream timed out (110: Connection timed out)', true),
  ingress_upstream_closed: ingressError('upstream prematurely closed connection', false),
  ingress_no_endpoints: {
    variant: () => 0,
    shape: () => [
      'W',
      DIGITS,
      ' ',
      DIGITS,
      ':',
      DIGITS,
      ':',
      DIGITS,
      '.',
      DIGITS,
      '       7 controller.go:1216] Service "prod/api" does not have any active Endpoint.',
    ],
  },
  web_api_error: {
    variant: () => 0,
    shape: () => [
      ' ⨯ Error: GET http://api.prod.svc.cluster.local:8080/v1/products/',
      NUM,
      ' responded ',
      NUM,
      "\n    at fetchProduct (.next/server/chunks/612.js:1:4821)\n    at async ProductGrid (.next/server/app/page.js:1:11342) {\n  digest: '",
      NUM,
      "'\n}",
    ],
  },
  // Endpoint, error kind, trace, whether the pod IP is empty, and the host the error names.
  api_request_error: {
    variant: (r) => {
      const kind = r.n(2);
      const host = r.n(4);
      if (!idOk(host)) return -1;
      const k = isIndex(kind) && kind < API_ERRORS.length ? kind : 31;
      const flags = bit(r.traced()) + 2 * bit(r.s(5) === '');
      return endpointIndex(r.n(0)) + 5 * k + 160 * flags + 640 * host;
    },
    shape: (v, string) => {
      const e = ENDPOINT_IDS[v % 5]!;
      const kind = Math.floor(v / 5) % 32;
      const traced = Math.floor(v / 160) % 2 === 1;
      const noIp = Math.floor(v / 320) % 2 === 1;
      const host = string(Math.floor(v / 640));
      const text = (API_ERRORS[kind] ?? 'unknown error').replaceAll('{host}', host);
      const err = replaceFirst(replaceFirst([text], '{ip}', noIp ? '' : IP), '{port}', NUM).map(
        // JSON escapes character by character, so escaping the pieces escapes the whole.
        (p) => (typeof p === 'string' ? JSON.stringify(p).slice(1, -1) : p),
      );
      const fields: ShapePart[] = [
        `"msg":"request failed","method":"${method(e)}","route":"${ROUTE[e]}","status":`,
        NUM,
        ',"duration_ms":',
        NUM,
        ',"err":"',
        ...err,
        '"',
      ];
      return slog('ERROR', fields, traced);
    },
  },
  api_request: {
    variant: (r) => endpointIndex(r.n(0)) + 5 * bit(r.traced()),
    shape: (v) => {
      const e = ENDPOINT_IDS[v % 5]!;
      const fields: ShapePart[] = [
        `"msg":"request","method":"${method(e)}","route":"${ROUTE[e]}","status":`,
        NUM,
        ',"duration_ms":',
        NUM,
      ];
      return slog('INFO', fields, v >= 5);
    },
  },
  // The SQL text and the call site.
  api_gorm_slow: {
    variant: (r) => (idOk(r.n(0)) && idOk(r.n(1)) ? r.n(0) + ID * r.n(1) : -1),
    shape: (v, string) => {
      const sql = replaceFirst(replaceFirst([string(v % ID)], '$1', NUM), '$2', '1');
      const site = string(Math.floor(v / ID));
      return [...SLASH_TS, ` ${site} SLOW SQL >= 200ms\n[`, NUM, 'ms] [rows:', NUM, '] ', ...sql];
    },
  },
  pg_duration: {
    variant: (r) => (idOk(r.n(3)) ? r.n(3) : -1),
    shape: (v, string) => [
      ...PG_TS,
      ' [',
      NUM,
      '] LOG:  duration: ',
      NUM,
      ' ms  execute stmtcache_',
      HEX,
      `: ${string(v)}\n`,
      ...PG_TS,
      ' [',
      NUM,
      "] DETAIL:  parameters: $1 = '",
      NUM,
      "'",
    ],
  },
  pg_too_many_clients: pgLine('FATAL:  sorry, too many clients already'),
  pg_idle_tx_timeout: pgLine('FATAL:  terminating connection due to idle-in-transaction timeout'),
  pg_admin_terminate: pgLine('FATAL:  terminating connection due to administrator command'),
  pg_recovery_mode: pgLine('FATAL:  the database system is in recovery mode'),
  pg_statement_timeout: {
    variant: (r) => (idOk(r.n(1)) ? r.n(1) : -1),
    shape: (v, string) => [
      ...PG_TS,
      ' [',
      NUM,
      '] ERROR:  canceling statement due to statement timeout\n',
      ...PG_TS,
      ' [',
      NUM,
      `] STATEMENT:  ${string(v)}`,
    ],
  },
  pg_checkpoint_start: {
    variant: () => 0,
    shape: () => [...PG_TS, ' [27] LOG:  checkpoint starting: time'],
  },
  pg_checkpoint_complete: {
    variant: () => 0,
    shape: () => [
      ...PG_TS,
      ' [27] LOG:  checkpoint complete: wrote ',
      NUM,
      ' buffers (',
      NUM,
      '%); 0 WAL file(s) added, ',
      NUM,
      ' removed, ',
      NUM,
      ' recycled; write=',
      NUM,
      ' s, sync=0.004 s, total=',
      NUM,
      ' s; sync files=42, longest=0.002 s, average=0.001 s; distance=',
      NUM,
      ' kB, estimate=',
      NUM,
      ' kB',
    ],
  },
  pgb_stats: {
    variant: () => 0,
    shape: () => [
      ...PG_TS,
      ' [1] LOG stats: ',
      NUM,
      ' xacts/s, ',
      NUM,
      ' queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, ',
      NUM,
      ' client logins/s, in ',
      NUM,
      ' B/s, out ',
      NUM,
      ' B/s, xact ',
      NUM,
      ' us, query ',
      NUM,
      ' us, wait ',
      NUM,
      ' us',
    ],
  },
  pgb_login_failed: {
    variant: () => 0,
    shape: () => [
      ...PG_TS,
      ' [1] WARNING S-0x55d7c1c0',
      HEX,
      `: ${DB_NAME}/${DB_USER}@${PG_PRIMARY_SERVICE_IP}:5432 server login failed: FATAL sorry, too many clients already`,
    ],
  },
  pgb_max_client_conn: {
    variant: (r) => (idOk(r.n(1)) ? r.n(1) : -1),
    shape: (v, string) => [
      ...PG_TS,
      ' [1] WARNING ',
      ...pgbClient(string(v)),
      ' pooler error: no more connections allowed (max_client_conn)',
    ],
  },
  pgb_query_wait_timeout: {
    variant: (r) => (idOk(r.n(1)) ? r.n(1) : -1),
    shape: (v, string) => [
      ...PG_TS,
      ' [1] LOG ',
      ...pgbClient(string(v)),
      ' closing because: query_wait_timeout (age=120s)\n',
      ...PG_TS,
      ' [1] WARNING ',
      ...pgbClient(string(v)),
      ' pooler error: query_wait_timeout',
    ],
  },
  // Client IP (a hole, or empty), query name and rcode, and the record type.
  coredns_query: {
    variant: (r) => {
      if (!idOk(r.n(1)) || !idOk(r.n(2))) return -1;
      return (r.n(5) & 1) + 2 * bit(r.s(0) === '') + 4 * r.n(2) + 4 * ID * r.n(1);
    },
    shape: (v, string) => {
      const qname = string(Math.floor(v / (4 * ID)));
      const rcode = string(Math.floor(v / 4) % ID);
      return [
        '[INFO] ',
        ...(Math.floor(v / 2) % 2 === 1 ? [] : [IP]),
        ':',
        NUM,
        ' - ',
        NUM,
        ` "${v % 2 === 1 ? 'AAAA' : 'A'} IN ${qname} udp ${qname.length + 23} false 1232" ${rcode} ${rcode === 'NXDOMAIN' ? 'qr,aa,rd' : 'qr,rd,ra'} `,
        NUM,
        ' ',
        NUM,
        's',
      ];
    },
  },
  coredns_upstream_timeout: {
    variant: (r) =>
      idOk(r.n(0)) ? bit(Boolean(r.n(1))) + 2 * bit(r.s(2) === '') + 4 * r.n(0) : -1,
    shape: (v, string) => [
      `[ERROR] plugin/errors: 2 ${string(Math.floor(v / 4))} ${v % 2 === 1 ? 'AAAA' : 'A'}: read udp `,
      ...(Math.floor(v / 2) % 2 === 1 ? [] : [IP]),
      ':',
      NUM,
      '->10.0.0.2:53: i/o timeout',
    ],
  },
  coredns_health_slow: {
    variant: () => 0,
    shape: () => [
      '[WARNING] plugin/health: Local health request to "http://:8080/health" took more than 1s: ',
      NUM,
      's',
    ],
  },
  k8s_unhealthy: {
    variant: (r) => r.sourceId(),
    shape: (v, string) => [
      `Warning  Unhealthy          pod/${string(v)}   Readiness probe failed: HTTP probe failed with statuscode: 503`,
    ],
  },
};

/** Shapes by template id; undefined where a template has none. */
export const LOG_SHAPES: ReadonlyArray<TemplateShape | undefined> = LOG_TEMPLATES.map(
  (def) => SHAPES[def.key],
);

/** Template keys that have a shape (for tests and docs). */
export const SHAPED_TEMPLATES: readonly string[] = Object.keys(SHAPES);
