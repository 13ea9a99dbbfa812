/**
 * `dig` (BIND 9.18): one query per name to cluster DNS, no search list unless `+search`, retried
 * `+tries` times when CoreDNS drops it. Layout, tab stops and message sizes follow the real tool.
 */
import type { SimState } from '../../../sim/index.ts';
import type { CommandResult } from '../types.ts';
import { failure, result } from '../types.ts';
import { word } from './draw.ts';
import type { Fate, ResolverConf } from './resolver.ts';
import { bastionResolver, queryFate, searchCandidates } from './resolver.ts';
import { digWhen } from './stamps.ts';
import { messageSize } from './wire.ts';
import type { Rr, RrType } from './zone.ts';
import { clusterServices, isIpv4, reverseName, RR_TYPES, serviceFqdn } from './zone.ts';

export const DIG_VERSION = '9.18.24';

const USAGE =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n' +
  '            {global-d-opt} host [@local-server] {local-d-opt}\n' +
  '            [ host [@local-server] {local-d-opt} [...]]\n';
const USAGE_ERROR = `${USAGE}\nUse "dig -h" (or "dig -h | more") for complete list of options\n`;

type Display = {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
};

export type DigOptions = {
  server: string | null;
  queries: { name: string; type: RrType }[];
  short: boolean;
  tries: number;
  /** Seconds dig waits for each try (`+time`). */
  timeSec: number;
  search: boolean;
  tcp: boolean;
  recurse: boolean;
  display: Display;
};

type Parsed = { ok: true; opts: DigOptions } | { ok: false; out: string; exit: number };

const ALL_ON: Display = {
  cmd: true,
  comments: true,
  question: true,
  answer: true,
  authority: true,
  additional: true,
  stats: true,
};

/** `+[no]keyword[=value]` options dig accepts; display ones toggle sections. */
const DISPLAY_KEYS: readonly (keyof Display)[] = [
  'cmd',
  'comments',
  'question',
  'answer',
  'authority',
  'additional',
  'stats',
];
/** Accepted and without visible effect here (transport and EDNS details). */
const QUIET_KEYS = new Set([
  'cookie',
  'edns',
  'ednsnegotiation',
  'adflag',
  'cdflag',
  'dnssec',
  'ttlid',
  'class',
  'rrcomments',
  'multiline',
  'identify',
  'ignore',
  'keepopen',
  'besteffort',
  'crypto',
  'nsid',
  'qr',
  'ttlunits',
  'showsearch',
  'split',
  'bufsize',
  'ndots',
  'subnet',
  'expandaaaa',
]);

function plusOption(raw: string, o: DigOptions): boolean {
  const body = raw.slice(1);
  const [key0, value] = body.split('=', 2) as [string, string | undefined];
  const no = key0.startsWith('no') && key0 !== 'nsid';
  const key = no ? key0.slice(2) : key0;
  const numeric = (v: string | undefined): number | null =>
    v !== undefined && /^\d+$/.test(v) ? Number.parseInt(v, 10) : null;
  if ((DISPLAY_KEYS as readonly string[]).includes(key)) {
    o.display[key as keyof Display] = !no;
    return true;
  }
  switch (key) {
    case 'all':
      for (const k of DISPLAY_KEYS) o.display[k] = !no;
      return true;
    case 'short':
      o.short = !no;
      return true;
    case 'search':
    case 'defname':
      o.search = !no;
      return true;
    case 'tcp':
    case 'vc':
      o.tcp = !no;
      return true;
    case 'recurse':
    case 'rdflag':
      o.recurse = !no;
      return true;
    case 'tries': {
      const n = numeric(value);
      if (n === null || no) return false;
      o.tries = Math.max(1, n);
      return true;
    }
    case 'time':
    case 'timeout': {
      const n = numeric(value);
      if (n === null || no) return false;
      o.timeSec = Math.max(1, n);
      return true;
    }
    case 'retry': {
      const n = numeric(value);
      if (n === null || no) return false;
      o.tries = n + 1;
      return true;
    }
    default:
      if (!QUIET_KEYS.has(key)) return false;
      if (key === 'ndots' && numeric(value) === null) return false;
      return true;
  }
}

export function parseDig(args: readonly string[]): Parsed {
  const o: DigOptions = {
    server: null,
    queries: [],
    short: false,
    tries: 3,
    timeSec: 5,
    search: false,
    tcp: false,
    recurse: true,
    display: { ...ALL_ON },
  };
  let pendingType: RrType | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('@')) {
      o.server = a.slice(1);
    } else if (a.startsWith('+')) {
      if (!plusOption(a, o))
        return { ok: false, out: `Invalid option: ${a}\n${USAGE_ERROR}`, exit: 1 };
    } else if (a.startsWith('-') && a.length > 1) {
      const flag = a[1]!;
      if (flag === 'h') return { ok: false, out: USAGE, exit: 0 };
      if (flag === 'v') return { ok: false, out: `DiG ${DIG_VERSION}\n`, exit: 0 };
      if ('46rmu'.includes(flag) && a.length === 2) continue;
      if (!'tpqxcbfky'.includes(flag))
        return { ok: false, out: `Invalid option: ${a}\n${USAGE_ERROR}`, exit: 1 };
      const value = a.length > 2 ? a.slice(2) : args[++i];
      if (value === undefined) return { ok: false, out: USAGE_ERROR, exit: 1 };
      if (flag === 't') {
        const t = value.toUpperCase() as RrType;
        if (RR_TYPES.includes(t)) {
          if (o.queries.length > 0) o.queries[o.queries.length - 1]!.type = t;
          else pendingType = t;
        }
      } else if (flag === 'q') {
        o.queries.push({ name: value, type: pendingType ?? 'A' });
      } else if (flag === 'x') {
        if (!isIpv4(value))
          return { ok: false, out: `Invalid IP address ${value}\n${USAGE_ERROR}`, exit: 1 };
        o.queries.push({ name: reverseName(value), type: 'PTR' });
      }
      // -p, -c, -b, -f, -k, -y: accepted, no effect on what the cluster answers.
    } else if (RR_TYPES.includes(a.toUpperCase() as RrType)) {
      const t = a.toUpperCase() as RrType;
      if (o.queries.length > 0) o.queries[o.queries.length - 1]!.type = t;
      else pendingType = t;
    } else if (/^(IN|CH|HS)$/i.test(a)) {
      // The class: IN is the only one the cluster has.
    } else {
      o.queries.push({ name: a, type: pendingType ?? 'A' });
      pendingType = null;
    }
  }
  // `dig` alone asks for the root name servers.
  if (o.queries.length === 0) o.queries.push({ name: '.', type: pendingType ?? 'NS' });
  return { ok: true, opts: o };
}

/** A presentation-format name check like dig's: empty labels and over-long labels are refused. */
function illegalName(name: string): string | null {
  if (name === '.') return null;
  const body = name.endsWith('.') ? name.slice(0, -1) : name;
  if (body.length > 253) return 'name too long';
  for (const label of body.split('.')) {
    if (label.length === 0) return 'empty label';
    if (label.length > 63) return 'label too long';
  }
  return null;
}

/**
 * BIND's tab stops (masterdump.c `indent`): tabs to the next 8-column stop, then spaces, and at
 * least one character, counting columns as the terminal shows them.
 */
function visible(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

function pad(line: string, column: number): string {
  const width = visible(line).length;
  const to = Math.max(column, width + 1);
  const tabs = Math.floor(to / 8) - Math.floor(width / 8);
  if (tabs > 0) return line + '\t'.repeat(tabs) + ' '.repeat(to - Math.floor(to / 8) * 8);
  return line + ' '.repeat(to - width);
}

export function rrLine(rr: Rr): string {
  let line = rr.owner;
  line = pad(line, 24) + String(rr.ttl);
  line = pad(line, 32) + 'IN';
  line = pad(line, 40) + rr.type;
  return pad(line, 48) + rr.data;
}

function questionLine(name: string, type: RrType): string {
  return pad(pad(`;${name}`, 32) + 'IN', 40) + type;
}

const absolute = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

type Exchange = {
  name: string;
  type: RrType;
  /** Lines printed to stderr before the answer (timeouts, refusals). */
  errors: string[];
  fate: Fate;
};

/** Sends one query up to `tries` times; stops at the first reply. */
function exchange(
  s: SimState,
  server: string,
  name: string,
  type: RrType,
  tries: number,
  version: string,
): Exchange {
  const errors: string[] = [];
  let fate: Fate = { kind: 'timeout' };
  for (let attempt = 0; attempt < tries; attempt++) {
    fate = queryFate(s, server, name, type, attempt, version);
    if (fate.kind === 'timeout') errors.push(`;; communications error to ${server}#53: timed out`);
    else if (fate.kind === 'refused')
      errors.push(`;; communications error to ${server}#53: connection refused`);
    else break;
  }
  return { name, type, errors, fate };
}

/** Runs `+search`: the search list until a name that exists (NOERROR). */
function searchExchange(
  s: SimState,
  server: string,
  conf: ResolverConf,
  name: string,
  type: RrType,
  tries: number,
): Exchange {
  const candidates = searchCandidates(name, conf);
  let last: Exchange | null = null;
  const errors: string[] = [];
  for (const c of candidates) {
    last = exchange(s, server, c, type, tries, conf.version);
    errors.push(...last.errors);
    if (last.fate.kind !== 'answer' || last.fate.zone.rcode !== 'NXDOMAIN') break;
  }
  return { ...last!, errors };
}

function resolveServer(s: SimState, server: string | null): string | null {
  if (server === null) return bastionResolver(s).nameserver;
  if (isIpv4(server)) return server;
  const name = server.replace(/\.$/, '').toLowerCase();
  const svc = clusterServices(s).find(
    (x) => serviceFqdn(x) === name || `${x.name}.${x.namespace}` === name,
  );
  return svc ? svc.addresses[0]! : null;
}

function render(
  s: SimState,
  o: DigOptions,
  ex: Exchange,
  server: string,
  servname: string,
  first: boolean,
  argsEcho: string,
): string {
  const out: string[] = [...ex.errors];
  const d = o.display;
  if (!o.short) {
    // The blank line and the banner belong to +cmd; with +noall only records remain.
    if (d.cmd && (ex.errors.length > 0 || first)) out.push('');
    if (d.cmd) {
      out.push(`; <<>> DiG ${DIG_VERSION} <<>>${argsEcho}`);
      if (first) out.push(';; global options: +cmd');
    }
  }
  const fate = ex.fate;
  if (fate.kind === 'timeout' || fate.kind === 'refused') {
    out.push(';; no servers could be reached');
    return out.join('\n') + '\n';
  }
  const zone =
    fate.kind === 'answer'
      ? fate.zone
      : {
          rcode: 'SERVFAIL' as const,
          authoritative: false,
          answer: [],
          authority: [],
          additional: [],
        };
  if (o.short) {
    for (const rr of zone.answer) out.push(rr.data);
    return out.length > 0 ? out.join('\n') + '\n' : '';
  }
  const id = word('dig-id', s.t, ex.name, ex.type) & 0xffff;
  const flags = [
    'qr',
    zone.authoritative ? 'aa' : '',
    o.recurse ? 'rd' : '',
    zone.authoritative ? '' : 'ra',
  ]
    .filter(Boolean)
    .join(' ');
  const qname = absolute(ex.name);
  if (d.comments) {
    out.push(';; Got answer:');
    out.push(`;; ->>HEADER<<- opcode: QUERY, status: ${zone.rcode}, id: ${id}`);
    out.push(
      `;; flags: ${flags}; QUERY: 1, ANSWER: ${zone.answer.length}, AUTHORITY: ${zone.authority.length}, ADDITIONAL: ${zone.additional.length + 1}`,
    );
    if (zone.authoritative && o.recurse)
      out.push(';; WARNING: recursion requested but not available');
    out.push('');
    out.push(';; OPT PSEUDOSECTION:');
    out.push('; EDNS: version: 0, flags:; udp: 1232');
  }
  if (d.question) {
    if (d.comments) out.push(';; QUESTION SECTION:');
    out.push(questionLine(qname, ex.type));
    if (d.comments) out.push('');
  }
  const section = (title: string, on: boolean, rrs: readonly Rr[]): void => {
    if (!on || rrs.length === 0) return;
    if (d.comments) out.push(`;; ${title} SECTION:`);
    for (const rr of rrs) out.push(rrLine(rr));
    if (d.comments) out.push('');
  };
  section('ANSWER', d.answer, zone.answer);
  section('AUTHORITY', d.authority, zone.authority);
  section('ADDITIONAL', d.additional, zone.additional);
  if (d.stats) {
    const ms = Math.floor(fate.ms);
    const size = messageSize(qname, [...zone.answer, ...zone.authority, ...zone.additional]);
    out.push(`;; Query time: ${ms} msec`);
    out.push(`;; SERVER: ${server}#53(${servname}) (${o.tcp ? 'TCP' : 'UDP'})`);
    // The answer arrives after the tries that timed out.
    const waited = ex.errors.length * o.timeSec * 1000;
    out.push(`;; WHEN: ${digWhen(s.config.startEpochMs + s.t + waited + ms)}`);
    out.push(`;; MSG SIZE  rcvd: ${size}`);
    out.push('');
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

/** `dig` from the bastion, or from a pod with that pod's resolver (for `+search`). */
export function runDig(
  s: SimState,
  args: readonly string[],
  conf: ResolverConf = bastionResolver(s),
): CommandResult {
  const parsed = parseDig(args);
  if (!parsed.ok) return parsed.exit === 0 ? result(parsed.out) : failure(parsed.out, parsed.exit);
  const o = parsed.opts;
  const serverName = o.server ?? conf.nameserver;
  const server = o.server === null ? conf.nameserver : resolveServer(s, o.server);
  if (server === null)
    return failure(`dig: couldn't get address for '${serverName}': not found\n`, 10);
  const argsEcho = args.map((a) => ` ${a}`).join('');
  let out = '';
  let reached = false;
  for (const [i, q] of o.queries.entries()) {
    const problem = illegalName(q.name);
    if (problem !== null)
      return failure(out + `dig: '${q.name}' is not a legal name (${problem})\n`, 10);
    const ex =
      o.search && !q.name.endsWith('.')
        ? searchExchange(s, server, conf, q.name.replace(/\.$/, ''), q.type, o.tries)
        : exchange(s, server, absolute(q.name), q.type, o.tries, conf.version);
    if (ex.fate.kind !== 'timeout' && ex.fate.kind !== 'refused') reached = true;
    out += render(s, o, ex, server, serverName, i === 0, argsEcho);
  }
  const subject = o.queries.map((q) => q.name).join(' ');
  return result(out, {
    exit: reached ? 0 : 9,
    actions: [{ type: 'inspect', target: 'dns-lookup', subject }],
  });
}
