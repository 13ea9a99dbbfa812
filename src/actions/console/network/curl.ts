/**
 * `curl` (8.5, OpenSSL 3): resolves through the bastion's resolver (so a DNS storm shows in
 * `time_namelookup`), connects, shakes hands, and gets what the origin answers right now.
 * Phases, exit codes, `-v` trace, progress meter and `-w` variables follow the real tool.
 */
import type { CommandResult, ConsoleView, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { Chain } from './cert.ts';
import { chainFor, curlDn, expired, matchesHost } from './cert.ts';
import type { CurlOptions, ParsedUrl } from './curl-args.ts';
import { parseCurl, parseUrl } from './curl-args.ts';
import { draw, secondOf, word } from './draw.ts';
import { endpointAt, plainToTls, respond } from './http.ts';
import type { Times, Transfer } from './curl-output.ts';
import { BASTION_IP, render } from './curl-output.ts';
import type { ResolverConf } from './resolver.ts';
import { bastionResolver, lookupHost } from './resolver.ts';
import { opensslDate } from './stamps.ts';

const zeroTimes = (): Times => ({
  namelookup: 0,
  connect: 0,
  appconnect: 0,
  pretransfer: 0,
  starttransfer: 0,
  total: 0,
  redirect: 0,
});

/** A phase cut short by `-m`/`--connect-timeout`: curl's error 28 wording per phase. */
function timedOut(
  t: Transfer,
  limitMs: number,
  phase: 'resolve' | 'connect' | 'transfer',
): Transfer {
  const after = limitMs + 1 + Math.floor(draw('late', t.url.effective) * 3);
  const times = { ...t.times };
  for (const k of Object.keys(times) as (keyof Times)[]) times[k] = Math.min(times[k], after);
  times.total = after;
  if (phase !== 'transfer') {
    times.starttransfer = 0;
    times.pretransfer = 0;
    if (phase === 'resolve') times.connect = 0;
    times.appconnect = 0;
  }
  const error =
    phase === 'resolve'
      ? `Resolving timed out after ${after} milliseconds`
      : phase === 'connect'
        ? `Failed to connect to ${t.url.host} port ${t.url.port} after ${after} ms: Timeout was reached`
        : `Operation timed out after ${after} milliseconds with 0 bytes received`;
  return {
    ...t,
    code: 28,
    error,
    response: null,
    times,
    trace: [...t.trace, `* ${error}`, '* Closing connection'],
  };
}

function tlsTrace(
  chain: Chain | null,
  host: string,
  verifyOk: boolean,
  insecure: boolean,
  s: ConsoleView['state'],
): string[] {
  const lines = [
    '* ALPN: curl offers h2,http/1.1',
    '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    '*  CAfile: /etc/ssl/certs/ca-certificates.crt',
    '*  CApath: /etc/ssl/certs',
    '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
    '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
    '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
  ];
  if (!verifyOk && !insecure) return lines;
  lines.push(
    '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    '* TLSv1.3 (IN), TLS handshake, Finished (20):',
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):',
    `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / ${chain?.leaf.key === 'EC' ? 'id-ecPublicKey' : 'RSASSA-PSS'}`,
    '* ALPN: server accepted h2',
  );
  if (chain) {
    const leaf = chain.leaf;
    lines.push(
      '* Server certificate:',
      `*  subject: ${curlDn(leaf.subject)}`,
      `*  start date: ${opensslDate(leaf.notBefore)}`,
      `*  expire date: ${opensslDate(leaf.notAfter)}`,
      matchesHost(leaf, host)
        ? `*  subjectAltName: host "${host}" matched cert's "${leaf.sans.find((x) => x === host) ?? leaf.sans[0]}"`
        : `*  subjectAltName does not match ${host}`,
      `*  issuer: ${curlDn(leaf.issuer)}`,
      verifyOk
        ? '*  SSL certificate verify ok.'
        : `*  SSL certificate verify result: ${expired(s, leaf) ? 'certificate has expired (10)' : 'unable to get local issuer certificate (20)'}, continuing anyway.`,
    );
  }
  return lines;
}

/** One request, without redirects. */
function transferOnce(
  view: ConsoleView,
  o: CurlOptions,
  url: ParsedUrl,
  conf: ResolverConf,
  hop: number,
): Transfer {
  const s = view.state;
  const method = methodOf(o);
  const salt = `${secondOf(s.t)}|${method}|${url.effective}|${hop}`;
  const t: Transfer = {
    url,
    method,
    code: 0,
    error: '',
    trace: [],
    response: null,
    times: zeroTimes(),
    remoteIp: '',
    sslVerify: 0,
    hops: [],
  };
  const fail = (code: number, error: string, extraTrace: string[] = []): Transfer => ({
    ...t,
    code,
    error,
    trace: [...t.trace, ...extraTrace, '* Closing connection'],
  });
  const connectLimit = Math.min(o.connectTimeoutMs ?? Infinity, o.maxTimeMs ?? Infinity);

  // Name lookup.
  let ip: string;
  if (url.host === 'localhost') {
    ip = '127.0.0.1';
    t.times.namelookup = 0.021;
    t.trace.push(`* Host localhost:${url.port} was resolved.`, '* IPv6: ::1', '* IPv4: 127.0.0.1');
  } else {
    const lookup = lookupHost(s, conf, url.host, `curl|${salt}`);
    t.times.namelookup = lookup.ms;
    if (lookup.status !== 'ok') {
      if (lookup.ms > connectLimit) return timedOut(t, connectLimit, 'resolve');
      t.times.total = lookup.ms;
      return {
        ...t,
        code: 6,
        error: `Could not resolve host: ${url.host}`,
        trace: [`* Could not resolve host: ${url.host}`, '* Closing connection'],
      };
    }
    if (lookup.ms > connectLimit) return timedOut(t, connectLimit, 'resolve');
    ip = lookup.addresses[0]!;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(url.host))
      t.trace.push(
        `* Host ${url.host}:${url.port} was resolved.`,
        '* IPv6: (none)',
        `* IPv4: ${lookup.addresses.join(', ')}`,
      );
  }
  t.remoteIp = ip;

  // TCP connect.
  const ep = endpointAt(s, ip, url.port);
  const rtt = ep.rttMs * (0.85 + 0.3 * draw('rtt', salt));
  t.trace.push(`*   Trying ${ip}:${url.port}...`);
  if (ep.dest.kind === 'blackhole') {
    // The kernel gives up after its SYN retries (about 130 s) unless curl's own limit is shorter.
    const kernelMs = t.times.namelookup + 130_000 + 4_000 * draw('syn', salt);
    t.times.total = kernelMs;
    if (kernelMs > connectLimit) return timedOut(t, connectLimit, 'connect');
    const msg = `Failed to connect to ${url.host} port ${url.port} after ${Math.round(kernelMs)} ms: Timeout was reached`;
    return fail(28, msg, [`* ${msg}`]);
  }
  if (ep.dest.kind === 'closed') {
    const ms = Math.round(t.times.namelookup + rtt);
    t.times.total = t.times.namelookup + rtt;
    const port = 32768 + (word('port', salt) % 28000);
    const msg = `Failed to connect to ${url.host} port ${url.port} after ${ms} ms: Couldn't connect to server`;
    return fail(7, msg, [
      `* connect to ${ip} port ${url.port} from ${ip === '127.0.0.1' ? '127.0.0.1' : BASTION_IP} port ${port} failed: Connection refused`,
      `* ${msg}`,
    ]);
  }
  t.times.connect = t.times.namelookup + rtt;
  if (t.times.connect > connectLimit) return timedOut(t, connectLimit, 'connect');
  t.trace.push(`* Connected to ${url.host} (${ip}) port ${url.port}`);

  // TLS.
  if (url.scheme === 'https') {
    if (!ep.tls) {
      t.trace.push(
        '* ALPN: curl offers h2,http/1.1',
        '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
      );
      const msg = 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number';
      return fail(35, msg, [`* ${msg}`]);
    }
    const chain: Chain | null =
      ep.dest.kind === 'edge'
        ? chainFor(s, s.config.domain)
        : ep.dest.kind === 'payments'
          ? chainFor(s, s.config.payments.host)
          : null;
    const leaf = chain?.leaf;
    const verifyOk = leaf !== undefined && !expired(s, leaf) && matchesHost(leaf, url.host);
    t.sslVerify = !leaf ? 20 : expired(s, leaf) ? 10 : 0;
    t.trace.push(...tlsTrace(chain, url.host, verifyOk, o.insecure, s));
    t.times.appconnect =
      t.times.connect + rtt + (leaf?.key === 'EC' ? 1.6 : 3.1) * (0.8 + 0.4 * draw('tls', salt));
    if (!verifyOk && !o.insecure) {
      const problem = !leaf
        ? 'SSL certificate problem: unable to get local issuer certificate'
        : expired(s, leaf)
          ? 'SSL certificate problem: certificate has expired'
          : `SSL: no alternative certificate subject name matches target host name '${url.host}'`;
      const alert = !leaf
        ? 'unknown CA (560)'
        : expired(s, leaf)
          ? 'certificate expired (557)'
          : 'bad certificate (554)';
      t.times.total = t.times.appconnect;
      return fail(60, problem, [`* TLSv1.3 (OUT), TLS alert, ${alert}:`, `* ${problem}`]);
    }
    if (t.times.appconnect > connectLimit) return timedOut(t, connectLimit, 'connect');
  }
  t.times.pretransfer = Math.max(t.times.connect, t.times.appconnect) + 0.06;

  // The request.
  if (ep.dest.kind === 'not-http') {
    t.times.total = t.times.pretransfer + rtt;
    return fail(52, 'Empty reply from server', requestTrace(o, url, '1.1'));
  }
  const res =
    !ep.tls || url.scheme === 'https'
      ? respond(
          view,
          ep.dest,
          { method, host: url.host, port: url.port, path: url.path, salt },
          url.scheme === 'https',
        )
      : plainToTls(view, ep.dest);
  const version = url.scheme === 'https' ? res.version : '1.1';
  t.trace.push(...requestTrace(o, url, version));
  t.times.starttransfer = t.times.pretransfer + rtt + res.serverMs;
  const bytes = method === 'HEAD' ? 0 : new TextEncoder().encode(res.body).length;
  t.times.total = t.times.starttransfer + 0.05 + bytes / 40_000;
  const limit = o.maxTimeMs ?? Infinity;
  if (t.times.total > limit) return timedOut(t, limit, 'transfer');
  t.response = { ...res, version, body: method === 'HEAD' ? '' : res.body };
  return t;
}

/** The request method: `-X`, else HEAD for `-I`, POST when there is data, GET. */
const methodOf = (o: CurlOptions): string =>
  o.method ?? (o.head ? 'HEAD' : o.data !== null ? 'POST' : 'GET');

function requestTrace(o: CurlOptions, url: ParsedUrl, version: '2' | '1.1'): string[] {
  const method = methodOf(o);
  const hostHeader = url.effective.replace(/^https?:\/\//, '').split('/')[0]!;
  const lines: string[] = [];
  if (version === '2') {
    lines.push(
      '* using HTTP/2',
      `* [HTTP/2] [1] OPENED stream for ${url.effective}`,
      `* [HTTP/2] [1] [:method: ${method}]`,
      `* [HTTP/2] [1] [:scheme: ${url.scheme}]`,
      `* [HTTP/2] [1] [:authority: ${hostHeader}]`,
      `* [HTTP/2] [1] [:path: ${url.path}]`,
      `* [HTTP/2] [1] [user-agent: ${o.userAgent}]`,
      '* [HTTP/2] [1] [accept: */*]',
    );
  }
  lines.push(
    `> ${method} ${url.path} HTTP/${version}`,
    `> Host: ${hostHeader}`,
    `> User-Agent: ${o.userAgent}`,
    '> Accept: */*',
    ...o.headers.map((h) => `> ${h}`),
  );
  if (o.data !== null)
    lines.push(
      `> Content-Length: ${o.data.length}`,
      '> Content-Type: application/x-www-form-urlencoded',
    );
  lines.push('> ');
  return lines;
}

/** One transfer, following redirects with `-L` (up to curl's default of 50). */
function transfer(view: ConsoleView, o: CurlOptions, url: ParsedUrl, conf: ResolverConf): Transfer {
  let t = transferOnce(view, o, url, conf, 0);
  const hops: Transfer[] = [];
  while (
    o.location &&
    t.response &&
    t.response.status >= 300 &&
    t.response.status < 400 &&
    hops.length < 50
  ) {
    const loc = t.response.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    const next = loc ? parseUrl(loc) : null;
    if (!next || !next.ok) break;
    hops.push(t);
    const before = t.times.total;
    const n = transferOnce(view, o, next.url, conf, hops.length);
    const shift = (x: number): number => (x > 0 ? x + before : 0);
    t = {
      ...n,
      times: {
        namelookup: shift(n.times.namelookup),
        connect: shift(n.times.connect),
        appconnect: shift(n.times.appconnect),
        pretransfer: shift(n.times.pretransfer),
        starttransfer: shift(n.times.starttransfer),
        total: shift(n.times.total),
        redirect: before,
      },
    };
  }
  return { ...t, hops };
}

/** `curl` from the bastion (or, with `conf`, from a pod). */
export function runCurl(
  view: ConsoleView,
  args: readonly string[],
  conf: ResolverConf = bastionResolver(view.state),
): CommandResult {
  const parsed = parseCurl(args);
  if (!parsed.ok) return failure(parsed.out, parsed.exit);
  const o = parsed.opts;
  const notes: Note[] = o.ignored.map((flag) => ({
    key: 'console.note.unsupportedFlag',
    params: { command: 'curl', flag },
  }));
  let out = '';
  let exit = 0;
  const subjects: string[] = [];
  for (const raw of o.urls) {
    const u = parseUrl(raw);
    if (!u.ok) {
      if (!o.silent || o.showError) out += `curl: (${u.code}) ${u.message}\n`;
      exit = u.code;
      continue;
    }
    subjects.push(u.url.effective);
    const r = render(o, transfer(view, o, u.url, conf));
    out += r.out;
    if (r.exit !== 0) exit = r.exit;
  }
  return result(out, {
    exit,
    notes,
    actions: subjects.map((subject) => ({
      type: 'inspect' as const,
      target: 'http-timing' as const,
      subject,
    })),
  });
}
