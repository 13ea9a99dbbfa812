/**
 * psql's command line: short options (grouped like `-tAc`), long ones with `=` or a separate
 * value, positional dbname and user, and conninfo strings or URIs in their place.
 */
import { PRIMARY_HOST } from './hosts.ts';

export type PsqlArgs = {
  host: string;
  port: number;
  user: string;
  dbname: string;
  commands: string[];
  expanded: boolean;
  tuplesOnly: boolean;
  unaligned: boolean;
  quiet: boolean;
  list: boolean;
  help: boolean;
  version: boolean;
  /** Flags accepted but not simulated (`-f file`, `-o file`, `--csv`...). */
  unsupported: string[];
};

export const DEFAULTS = { host: PRIMARY_HOST, user: 'postgres', dbname: 'shop', port: 5432 };

const WITH_ARG: Record<string, string> = {
  h: 'host',
  p: 'port',
  U: 'username',
  d: 'dbname',
  c: 'command',
  f: 'file',
  o: 'output',
  v: 'set',
  P: 'pset',
  F: 'field-separator',
  R: 'record-separator',
  T: 'table-attr',
  L: 'log-file',
};
const NO_ARG = new Set([
  'x',
  't',
  'A',
  'q',
  'X',
  'w',
  'W',
  'l',
  'V',
  '?',
  'e',
  'E',
  'a',
  'b',
  'n',
  's',
  'S',
  '1',
  'H',
  'z',
  '0',
]);
const LONG_NO_ARG: Record<string, string> = {
  expanded: 'x',
  'tuples-only': 't',
  'no-align': 'A',
  quiet: 'q',
  'no-psqlrc': 'X',
  'no-password': 'w',
  password: 'W',
  list: 'l',
  version: 'V',
  help: '?',
  'echo-queries': 'e',
  'echo-hidden': 'E',
  'echo-all': 'a',
  'echo-errors': 'b',
  'single-transaction': '1',
  csv: 'csv',
  html: 'H',
};

/** Parses psql's arguments, or returns the error text psql prints. */
export function parseArgs(args: readonly string[]): PsqlArgs | { error: string } {
  const out: PsqlArgs = {
    host: '',
    port: 0,
    user: '',
    dbname: '',
    commands: [],
    expanded: false,
    tuplesOnly: false,
    unaligned: false,
    quiet: false,
    list: false,
    help: false,
    version: false,
    unsupported: [],
  };
  const positional: string[] = [];
  const hint = 'psql: hint: Try "psql --help" for more information.\n';
  const apply = (opt: string, value: string | null): string | null => {
    switch (opt) {
      case 'h':
        out.host = value!;
        return null;
      case 'p': {
        const n = Number(value);
        if (!/^\d+$/.test(value!) || n < 1 || n > 65535)
          return `psql: error: invalid port number: "${value}"\n`;
        out.port = n;
        return null;
      }
      case 'U':
        out.user = value!;
        return null;
      case 'd':
        applyConninfo(value!, out);
        return null;
      case 'c':
        out.commands.push(value!);
        return null;
      case 'f':
      case 'o':
      case 'L':
        out.unsupported.push(`-${opt}`);
        return null;
      case 'P':
        if (value === 'expanded=on' || value === 'x') out.expanded = true;
        return null;
      case 'x':
        out.expanded = true;
        return null;
      case 't':
        out.tuplesOnly = true;
        return null;
      case 'A':
        out.unaligned = true;
        return null;
      case 'q':
        out.quiet = true;
        return null;
      case 'l':
        out.list = true;
        return null;
      case 'V':
        out.version = true;
        return null;
      case '?':
        out.help = true;
        return null;
      case 'csv':
      case 'H':
        out.unsupported.push(opt === 'csv' ? '--csv' : '-H');
        return null;
      default:
        return null;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const short = Object.entries(WITH_ARG).find(([, long]) => long === name)?.[0];
      if (short) {
        const value = inline ?? args[++i];
        if (value === undefined)
          return { error: `psql: option '--${name}' requires an argument\n${hint}` };
        const err = apply(short, value);
        if (err) return { error: err };
        continue;
      }
      const flag = LONG_NO_ARG[name];
      if (flag === undefined) return { error: `psql: unrecognized option '--${name}'\n${hint}` };
      apply(flag, null);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (WITH_ARG[c] !== undefined) {
          const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (value === undefined)
            return { error: `psql: option requires an argument -- '${c}'\n${hint}` };
          const err = apply(c, value);
          if (err) return { error: err };
          break;
        }
        if (!NO_ARG.has(c)) return { error: `psql: invalid option -- '${c}'\n${hint}` };
        apply(c, null);
      }
      continue;
    }
    positional.push(a);
  }
  for (const p of positional) {
    if (/^postgres(ql)?:\/\//.test(p) || p.includes('=')) applyConninfo(p, out);
    else if (!out.dbname) out.dbname = p;
    else if (!out.user) out.user = p;
    else return { error: `psql: warning: extra command-line argument "${p}" ignored\n` };
  }
  return out;
}

/** `host=... dbname=... user=... port=...` or `postgresql://user@host:port/db`. */
function applyConninfo(s: string, out: PsqlArgs): void {
  const uri =
    /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::[^@/]*)?@)?([^:/?]*)(?::(\d+))?(?:\/([^?]*))?/.exec(s);
  if (uri) {
    if (uri[1]) out.user = decodeURIComponent(uri[1]);
    if (uri[2]) out.host = uri[2];
    if (uri[3]) out.port = Number(uri[3]);
    if (uri[4]) out.dbname = decodeURIComponent(uri[4]);
    return;
  }
  if (!s.includes('=')) {
    out.dbname = s;
    return;
  }
  for (const m of s.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g)) {
    const v = m[2]!.replace(/^'(.*)'$/, '$1');
    if (m[1] === 'host' || m[1] === 'hostaddr') out.host = v;
    else if (m[1] === 'port') out.port = Number(v);
    else if (m[1] === 'user') out.user = v;
    else if (m[1] === 'dbname') out.dbname = v;
  }
}
