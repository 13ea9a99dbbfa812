/**
 * curl's command line: short flags that combine (`-sSo /dev/null`), long options with values,
 * and curl's own wording for options it does not know.
 */

export const CURL_VERSION = '8.5.0';

export type CurlOptions = {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  insecure: boolean;
  location: boolean;
  fail: boolean;
  output: string | null;
  writeOut: string | null;
  maxTimeMs: number | null;
  connectTimeoutMs: number | null;
  method: string | null;
  data: string | null;
  headers: string[];
  userAgent: string;
  /** `--no-progress-meter`: errors still shown, no meter. */
  noMeter: boolean;
  /** Real curl options this console accepts but does not simulate. */
  ignored: string[];
};

export type CurlParse = { ok: true; opts: CurlOptions } | { ok: false; out: string; exit: number };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Long option → short letter, for options that behave like their short form. */
const LONG: Record<string, string> = {
  silent: 's',
  'show-error': 'S',
  verbose: 'v',
  head: 'I',
  include: 'i',
  insecure: 'k',
  location: 'L',
  fail: 'f',
  output: 'o',
  'write-out': 'w',
  'max-time': 'm',
  request: 'X',
  data: 'd',
  'data-raw': 'd',
  'data-binary': 'd',
  'data-ascii': 'd',
  header: 'H',
  'user-agent': 'A',
  ipv4: '4',
  ipv6: '6',
};
const WITH_VALUE = new Set([
  'o',
  'w',
  'm',
  'X',
  'd',
  'H',
  'A',
  'u',
  'x',
  'e',
  'b',
  'c',
  'r',
  'T',
  'E',
]);
const BOOLEAN = new Set([
  's',
  'S',
  'v',
  'I',
  'i',
  'k',
  'L',
  'f',
  '4',
  '6',
  'N',
  'q',
  'g',
  'G',
  'j',
  'O',
  'J',
  'n',
  'Z',
  'R',
  'B',
  'l',
  'a',
  'p',
]);
/** Long options accepted without effect: `name` → takes a value. */
const IGNORED_LONG: Record<string, boolean> = {
  'connect-timeout': true,
  compressed: false,
  http1_1: false,
  'http1.1': false,
  http2: false,
  'http2-prior-knowledge': false,
  'no-progress-meter': false,
  resolve: true,
  cacert: true,
  cert: true,
  key: true,
  proxy: true,
  noproxy: true,
  user: true,
  cookie: true,
  retry: true,
  'retry-delay': true,
  'retry-max-time': true,
  'fail-with-body': false,
  'tlsv1.2': false,
  'tlsv1.3': false,
  'no-keepalive': false,
  'keepalive-time': true,
  'limit-rate': true,
  trace: true,
  'trace-ascii': true,
  'trace-time': false,
  'dump-header': true,
  url: true,
};

/** Accepted silently: they change nothing a player could see here. */
const QUIET_LONG = new Set(['compressed', 'http1.1', 'http1_1', 'http2', 'fail-with-body']);

const seconds = (v: string): number | null => {
  const n = Number(v);
  return /^\d+(\.\d+)?$/.test(v) && Number.isFinite(n) ? Math.round(n * 1000) : null;
};

export function parseCurl(args: readonly string[]): CurlParse {
  const o: CurlOptions = {
    urls: [],
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    insecure: false,
    location: false,
    fail: false,
    output: null,
    writeOut: null,
    maxTimeMs: null,
    connectTimeoutMs: null,
    method: null,
    data: null,
    headers: [],
    userAgent: `curl/${CURL_VERSION}`,
    noMeter: false,
    ignored: [],
  };
  const unknown = (opt: string): CurlParse => ({
    ok: false,
    out: `curl: option ${opt}: is unknown\n${TRY}`,
    exit: 2,
  });
  const missing = (opt: string): CurlParse => ({
    ok: false,
    out: `curl: option ${opt}: requires parameter\n${TRY}`,
    exit: 2,
  });
  const apply = (letter: string, value: string | undefined, shown: string): CurlParse | null => {
    switch (letter) {
      case 's':
        o.silent = true;
        break;
      case 'S':
        o.showError = true;
        break;
      case 'v':
        o.verbose = true;
        break;
      case 'I':
        o.head = true;
        break;
      case 'i':
        o.include = true;
        break;
      case 'k':
        o.insecure = true;
        break;
      case 'L':
        o.location = true;
        break;
      case 'f':
        o.fail = true;
        break;
      case 'o':
        o.output = value ?? null;
        break;
      case 'w':
        o.writeOut = value ?? '';
        break;
      case 'X':
        o.method = value ?? null;
        break;
      case 'd':
        o.data = value ?? '';
        break;
      case 'H':
        o.headers.push(value ?? '');
        break;
      case 'A':
        o.userAgent = value ?? '';
        break;
      case 'm': {
        const ms = seconds(value ?? '');
        if (ms === null)
          return {
            ok: false,
            out: `curl: option ${shown}: expected a proper numerical parameter\n${TRY}`,
            exit: 2,
          };
        o.maxTimeMs = ms;
        break;
      }
      default:
        o.ignored.push(shown);
    }
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name0, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const name =
        name0.startsWith('no-') && LONG[name0.slice(3)] !== undefined ? name0.slice(3) : name0;
      const letter = LONG[name];
      if (letter !== undefined) {
        let value: string | undefined;
        if (WITH_VALUE.has(letter)) {
          value = inline ?? args[++i];
          if (value === undefined) return missing(`--${name}`);
        }
        const err = apply(letter, value, `--${name}`);
        if (err) return err;
      } else if (name in IGNORED_LONG) {
        if (IGNORED_LONG[name]) {
          const value = inline ?? args[++i];
          if (value === undefined) return missing(`--${name}`);
          if (name === 'connect-timeout') {
            const ms = seconds(value);
            if (ms === null)
              return {
                ok: false,
                out: `curl: option --connect-timeout: expected a proper numerical parameter\n${TRY}`,
                exit: 2,
              };
            o.connectTimeoutMs = ms;
            continue;
          }
          if (name === 'url') {
            o.urls.push(value);
            continue;
          }
        }
        if (name === 'no-progress-meter') o.noMeter = true;
        else if (!QUIET_LONG.has(name)) o.ignored.push(`--${name}`);
      } else {
        return unknown(`--${name}`);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const letter = a[j]!;
        if (WITH_VALUE.has(letter)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return missing(`-${letter}`);
          const err = apply(letter, value, `-${letter}`);
          if (err) return err;
          break;
        }
        if (!BOOLEAN.has(letter)) return unknown(`-${letter}`);
        const err = apply(letter, undefined, `-${letter}`);
        if (err) return err;
      }
    } else {
      o.urls.push(a);
    }
  }
  if (o.urls.length === 0) return { ok: false, out: `curl: no URL specified!\n${TRY}`, exit: 2 };
  return { ok: true, opts: o };
}

export type ParsedUrl = {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
  /** The URL with scheme and path filled in, as `%{url_effective}` shows it. */
  effective: string;
};

export type UrlParse = { ok: true; url: ParsedUrl } | { ok: false; code: number; message: string };

/** curl's URL handling: `http://` when no scheme is given, default ports, `/` when no path. */
export function parseUrl(raw: string): UrlParse {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:@\s]*)(?::([^/?#]*))?([^#\s]*)/.exec(raw);
  const bad = {
    ok: false as const,
    code: 3,
    message: 'URL using bad/illegal format or missing URL',
  };
  if (!m || raw.trim() === '') return bad;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return { ok: false, code: 1, message: `Protocol "${scheme}" not supported` };
  const host = (m[2] ?? '').toLowerCase();
  if (host === '' || /[^a-z0-9.-]/.test(host)) return bad;
  let port = scheme === 'https' ? 443 : 80;
  if (m[3] !== undefined && m[3] !== '') {
    if (!/^\d{1,5}$/.test(m[3]) || Number(m[3]) > 65535) return bad;
    port = Number(m[3]);
  }
  let path = m[4] ?? '';
  if (path === '' || path.startsWith('?')) path = `/${path}`;
  if (/\s/.test(raw)) return bad;
  const defaultPort = (scheme === 'https' ? 443 : 80) === port;
  return {
    ok: true,
    url: {
      scheme,
      host,
      port,
      path,
      effective: `${scheme}://${host}${defaultPort && m[3] === undefined ? '' : `:${port}`}${path}`,
    },
  };
}
