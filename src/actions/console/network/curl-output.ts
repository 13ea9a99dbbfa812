/**
 * What curl prints once a transfer is over: the `-v` trace and headers, the progress meter, the
 * body, the error line, and the `-w` write-out, in the order the terminal shows them.
 */
import { BASTION_IP } from '../addresses.ts';
import type { CurlOptions, ParsedUrl } from './curl-args.ts';
import type { HttpResponse } from './http.ts';
import { REASONS } from './http-bodies.ts';

/** The bastion's address in the VPC. */
export { BASTION_IP };

const SSL_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';

/** Cumulative phase times in ms, as curl's `time_*` variables report them. */
export type Times = {
  namelookup: number;
  connect: number;
  appconnect: number;
  pretransfer: number;
  starttransfer: number;
  total: number;
  redirect: number;
};

export type Transfer = {
  url: ParsedUrl;
  method: string;
  code: number;
  error: string;
  /** Lines of `-v` output (stderr), in order. */
  trace: string[];
  response: HttpResponse | null;
  times: Times;
  remoteIp: string;
  sslVerify: number;
  /** Responses before the last one, when following redirects. */
  hops: Transfer[];
};

function statusLine(res: HttpResponse): string {
  return res.version === '2'
    ? `HTTP/2 ${res.status}`
    : `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`.trimEnd();
}

export function headerBlock(res: HttpResponse): string {
  return [statusLine(res), ...res.headers.map(([k, v]) => `${k}: ${v}`), ''].join('\n') + '\n';
}

const secs = (ms: number): string => (ms / 1000).toFixed(6);

/** `-w`: `%{variable}` and backslash escapes; unknown variables are reported and skipped. */
function writeOut(format: string, t: Transfer, warnings: string[]): string {
  const res = t.response;
  const bytes = res ? new TextEncoder().encode(res.body).length : 0;
  const headerBytes = res ? headerBlock(res).length : 0;
  const vars: Record<string, string> = {
    http_code: String(res?.status ?? 0).padStart(3, '0'),
    response_code: String(res?.status ?? 0).padStart(3, '0'),
    time_namelookup: secs(t.times.namelookup),
    time_connect: secs(t.times.connect),
    time_appconnect: secs(t.times.appconnect),
    time_pretransfer: secs(t.times.pretransfer),
    time_starttransfer: secs(t.times.starttransfer),
    time_redirect: secs(t.times.redirect),
    time_total: secs(t.times.total),
    size_download: String(bytes),
    size_header: String(headerBytes),
    size_request: String(78 + t.url.path.length + t.url.host.length),
    speed_download: String(t.times.total > 0 ? Math.round(bytes / (t.times.total / 1000)) : 0),
    remote_ip: t.remoteIp,
    remote_port: t.remoteIp ? String(t.url.port) : '0',
    local_ip: t.remoteIp ? BASTION_IP : '',
    http_version: res ? res.version : '0',
    num_connects: String(t.times.connect > 0 ? 1 + t.hops.length : 0),
    num_redirects: String(t.hops.length),
    url_effective: t.url.effective,
    url: t.url.effective,
    content_type: res?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    redirect_url: res?.headers.find(([k]) => k.toLowerCase() === 'location')?.[1] ?? '',
    ssl_verify_result: String(t.url.scheme === 'https' ? t.sslVerify : 0),
    exitcode: String(t.code),
    errormsg: t.error,
    method: t.method,
    scheme: t.url.scheme,
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '\\' && i + 1 < format.length) {
      const n = format[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : `\\${n}`;
    } else if (c === '%' && format[i + 1] === '%') {
      out += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        out += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, end);
      const v = vars[name];
      if (v === undefined) warnings.push(`curl: unknown --write-out variable: '${name}'`);
      else out += v;
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

/** curl's size columns: bytes up to 99999, then k, M. */
function size5(n: number): string {
  if (n < 100_000) return String(Math.round(n)).padStart(5);
  if (n < 10_000 * 1024) return `${Math.round(n / 1024)}k`.padStart(5);
  return `${(n / 1024 / 1024).toFixed(1)}M`.padStart(5);
}

function clock8(ms: number): string {
  if (ms < 1000) return '--:--:--';
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 3600)).padStart(2)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The final state of the progress meter (curl prints it to stderr when output goes to a file). */
function meter(t: Transfer): string {
  const bytes = t.response ? new TextEncoder().encode(t.response.body).length : 0;
  const pct = bytes > 0 || t.response ? 100 : 0;
  const speed = t.times.total > 0 ? bytes / (t.times.total / 1000) : 0;
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${String(pct).padStart(3)} ${size5(bytes)}  ${String(pct).padStart(3)} ${size5(bytes)}    0     0 ${size5(speed)}      0 ${clock8(t.times.total)} ${clock8(t.times.total)} --:--:-- ${size5(speed)}\n`
  );
}

export function render(o: CurlOptions, t: Transfer): { out: string; exit: number } {
  let out = '';
  const showErrors = !o.silent || o.showError;
  const res = t.response;
  const intact = (hop: Transfer): string => `* Connection #0 to host ${hop.url.host} left intact\n`;
  for (const hop of [...t.hops, t]) {
    if (o.verbose) {
      out += hop.trace.join('\n') + '\n';
      if (hop.response) {
        out += headerBlock(hop.response).replace(/^/gm, '< ').replace(/< $/, '');
        if (hop.response.body && (o.output !== null || hop !== t))
          out += `{ [${new TextEncoder().encode(hop.response.body).length} bytes data]\n`;
        if (hop !== t) out += intact(hop);
      }
    } else if ((o.include || o.head) && hop.response) {
      out += headerBlock(hop.response);
    }
  }
  let code = t.code;
  let error = t.error;
  if (code === 0 && o.fail && res && res.status >= 400) {
    code = 22;
    error = `The requested URL returned error: ${res.status}`;
  }
  if (!o.silent && !o.noMeter && o.output !== null && !o.verbose) out = meter(t) + out;
  if (res && code === 0 && o.output === null && !o.head) out += res.body;
  if (o.verbose && res) out += intact(t);
  if (code !== 0 && showErrors) {
    out += `curl: (${code}) ${error}\n`;
    if (code === 60) out += SSL_HELP;
  }
  if (o.writeOut !== null) {
    const warnings: string[] = [];
    const w = writeOut(o.writeOut, { ...t, code, error }, warnings);
    out += warnings.map((x) => `${x}\n`).join('') + w;
  }
  return { out, exit: code };
}
