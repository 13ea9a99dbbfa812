/**
 * The HTTP side of the world as seen from the bastion: which address answers on which port, who
 * speaks TLS, and what each origin sends back (the shop through its CDN and ingress, the API and
 * web Services inside the cluster, the payment provider, the Kubernetes API).
 */
import { clusterNames } from '../../../sim/index.ts';
import type { SimState } from '../../../sim/index.ts';
import { isPrimaryAccepting } from '../../../sim/requests.ts';
import type { ConsoleView } from '../types.ts';
import { draw, word } from './draw.ts';
import type { Body } from './http-bodies.ts';
import { apiRoute, errorBody, hex, json, nginxPage, successBody } from './http-bodies.ts';
import { sampleEndpoint } from './latency.ts';
import { httpDate } from './stamps.ts';
import { EDGE_ADDRESSES, PAYMENTS_ADDRESSES, PLATFORM_PODS, serviceByAddress } from './zone.ts';

export type Destination =
  | { kind: 'edge' }
  | { kind: 'api'; viaService: boolean }
  | { kind: 'web' }
  | { kind: 'payments' }
  | { kind: 'kube-api' }
  /** A TCP service that is not HTTP (Redis, PostgreSQL, PgBouncer, DNS over TCP). */
  | { kind: 'not-http' }
  | { kind: 'closed' }
  /** Nothing answers: packets are dropped (egress firewall, stale address). */
  | { kind: 'blackhole' };

export type Endpoint = { dest: Destination; tls: boolean; rttMs: number };

const ready = (s: SimState, deployment: 'api' | 'web'): number =>
  s.pods.filter((p) => p.deployment === deployment && p.ready).length;

/** Where a connection to `ip:port` lands. */
export function endpointAt(s: SimState, ip: string, port: number): Endpoint {
  const closed: Endpoint = { dest: { kind: 'closed' }, tls: false, rttMs: 0.3 };
  if (ip === '127.0.0.1') return { ...closed, rttMs: 0.05 };
  if (EDGE_ADDRESSES.includes(ip)) {
    if (port === 443) return { dest: { kind: 'edge' }, tls: true, rttMs: 3.4 };
    if (port === 80) return { dest: { kind: 'edge' }, tls: false, rttMs: 3.4 };
    return { dest: { kind: 'blackhole' }, tls: false, rttMs: 3.4 };
  }
  if (PAYMENTS_ADDRESSES.includes(ip)) {
    if (port === 443 || port === 80)
      return { dest: { kind: 'payments' }, tls: port === 443, rttMs: 31 };
    return { dest: { kind: 'blackhole' }, tls: false, rttMs: 31 };
  }
  const svc = serviceByAddress(s, ip);
  if (svc) {
    if (!svc.ports.some((p) => p.port === port)) return closed;
    if (svc.name === 'kubernetes') return { dest: { kind: 'kube-api' }, tls: true, rttMs: 0.6 };
    if (svc.name === 'api') {
      // A Service without ready endpoints: kube-proxy rejects the connection.
      if (ready(s, 'api') === 0) return closed;
      return { dest: { kind: 'api', viaService: true }, tls: false, rttMs: 0.35 };
    }
    if (svc.name === 'web') {
      if (ready(s, 'web') === 0) return closed;
      return { dest: { kind: 'web' }, tls: false, rttMs: 0.35 };
    }
    if (svc.name === 'ingress-nginx-controller')
      return { dest: { kind: 'edge' }, tls: port === 443, rttMs: 0.4 };
    return { dest: { kind: 'not-http' }, tls: false, rttMs: 0.4 };
  }
  const platform = Object.values(PLATFORM_PODS).find((p) => p.ip === ip);
  if (platform) return { dest: { kind: 'not-http' }, tls: false, rttMs: 0.3 };
  const pod = s.pods.find((p) => clusterNames.podIp(p.uid) === ip);
  if (pod) {
    if (pod.deployment === 'api' && port === 8080 && pod.phase === 'Running')
      return { dest: { kind: 'api', viaService: false }, tls: false, rttMs: 0.3 };
    if (pod.deployment === 'web' && port === 3000 && pod.phase === 'Running')
      return { dest: { kind: 'web' }, tls: false, rttMs: 0.3 };
    if (pod.deployment === 'coredns' && port === 53)
      return { dest: { kind: 'not-http' }, tls: false, rttMs: 0.3 };
    return closed;
  }
  if (ip.startsWith('10.')) return closed;
  return { dest: { kind: 'blackhole' }, tls: false, rttMs: 20 };
}

export type HttpResponse = {
  status: number;
  version: '2' | '1.1';
  headers: [string, string][];
  body: string;
  /** From the request leaving to the first byte of the answer, ms. */
  serverMs: number;
};

export type HttpRequest = {
  method: string;
  host: string;
  port: number;
  path: string;
  /** A salt that identifies this request (URL, method, the second it is sent). */
  salt: string;
};

/** What the API answers (behind the ingress or straight through its Service). */
function apiResponse(
  view: ConsoleView,
  req: HttpRequest,
  viaIngress: boolean,
): Body & { ms: number } {
  const s = view.state;
  const route = apiRoute(req.method, req.path);
  const quick = 0.2 + 0.3 * draw('quick', req.salt);
  if (route === null)
    return {
      status: 404,
      type: 'text/plain; charset=utf-8',
      body: '404 page not found\n',
      ms: quick,
    };
  if (typeof route === 'object') return { ...route, ms: quick };
  if (route === 'healthz')
    return { status: 200, type: 'text/plain; charset=utf-8', body: 'ok\n', ms: quick };
  if (route === 'readyz')
    return isPrimaryAccepting(s)
      ? { status: 200, type: 'text/plain; charset=utf-8', body: 'ok\n', ms: quick + 1 }
      : {
          status: 503,
          type: 'text/plain; charset=utf-8',
          body: 'database: not ready\n',
          ms: quick + 3,
        };
  const sample = sampleEndpoint(view, route, req.salt, viaIngress);
  const body =
    sample.status === 200
      ? successBody(s, route, req.path, req.salt)
      : errorBody(sample.status, viaIngress);
  return { ...body, ms: sample.ms };
}

function webResponse(
  view: ConsoleView,
  req: HttpRequest,
  viaIngress: boolean,
): Body & { ms: number } {
  const [p] = req.path.split('?') as [string];
  if (p === '/' || p.startsWith('/products') || p.startsWith('/category')) {
    const sample = sampleEndpoint(view, 'page', req.salt, viaIngress);
    const body =
      sample.status === 200
        ? successBody(view.state, 'page', req.path, req.salt)
        : errorBody(sample.status, viaIngress);
    return { ...body, ms: sample.ms };
  }
  return {
    status: 404,
    type: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>404: This page could not be found.</title></head><body><h1>404</h1><h2>This page could not be found.</h2></body></html>\n',
    ms: 4 + 3 * draw('404', req.salt),
  };
}

const STATIC = /^\/(_next\/static\/|static\/|favicon\.ico$|robots\.txt$)/;

/** The public site: CDN, then the ingress, which sends /v1 and the probes to the API. */
function edgeResponse(view: ConsoleView, req: HttpRequest, tls: boolean): HttpResponse {
  const s = view.state;
  const date = httpDate(s.config.startEpochMs + s.t);
  if (!tls) {
    const location = `https://${s.config.domain}${req.path}`;
    const body = nginxPage(301);
    return {
      status: 301,
      version: '1.1',
      headers: [
        ['Date', date],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(body.length)],
        ['Connection', 'keep-alive'],
        ['Location', location],
      ],
      body,
      serverMs: 0.6,
    };
  }
  const [p] = req.path.split('?') as [string];
  let b: Body & { ms: number };
  let cache = 'MISS';
  if (STATIC.test(p)) {
    b = {
      status: 200,
      type: p.endsWith('.css') ? 'text/css' : 'application/octet-stream',
      body: '',
      ms: 0.8,
    };
    cache = 'HIT';
  } else if (p.startsWith('/v1/') || p === '/healthz' || p === '/readyz') {
    b = apiResponse(view, req, true);
    b = { ...b, ms: b.ms + 1.2 };
  } else {
    b = webResponse(view, req, true);
    b = { ...b, ms: b.ms + 1.2 };
  }
  const headers: [string, string][] = [
    ['date', date],
    ['content-type', b.type],
    ['content-length', String(new TextEncoder().encode(b.body).length)],
  ];
  if (cache === 'HIT') headers.push(['age', String(60 + (word('age', p) % 3000))]);
  headers.push(
    ['x-request-id', hex(req.salt, 32)],
    ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
    ['x-cache', cache],
  );
  return { status: b.status, version: '2', headers, body: b.body, serverMs: b.ms };
}

/** Go's net/http: handler headers sorted, then Date and Content-Length. */
function goResponse(view: ConsoleView, b: Body & { ms: number }, salt: string): HttpResponse {
  const s = view.state;
  return {
    status: b.status,
    version: '1.1',
    headers: [
      ['Content-Type', b.type],
      ['X-Request-Id', hex(salt, 32)],
      ['Date', httpDate(s.config.startEpochMs + s.t)],
      ['Content-Length', String(new TextEncoder().encode(b.body).length)],
    ],
    body: b.body,
    serverMs: b.ms,
  };
}

/** The payment provider: public health endpoint, everything else wants an API key. */
function paymentsResponse(view: ConsoleView, req: HttpRequest): HttpResponse {
  const s = view.state;
  let extra = 0;
  let errorRatio = 0;
  for (const f of s.faults)
    if (f.spec.kind === 'slowDependency') {
      extra = Math.max(extra, f.spec.extraLatencyMs);
      errorRatio = Math.max(errorRatio, f.spec.errorRatio);
    }
  const u = draw('payments', req.salt);
  const ms = s.config.payments.latencyMs * (0.3 + 0.5 * u) + extra * (0.6 + 0.8 * u);
  const [p] = req.path.split('?') as [string];
  let b: Body;
  if (draw('payments-fail', req.salt) < errorRatio)
    b = json(503, { error: { type: 'api_error', message: 'Service temporarily unavailable.' } });
  else if (p === '/v1/health' || p === '/health') b = json(200, { status: 'ok' });
  else b = json(401, { error: { type: 'authentication_error', message: 'No API key provided.' } });
  return {
    status: b.status,
    version: '2',
    headers: [
      ['date', httpDate(s.config.startEpochMs + s.t)],
      ['content-type', b.type],
      ['content-length', String(b.body.length)],
      ['request-id', `req_${hex(req.salt, 14)}`],
    ],
    body: b.body,
    serverMs: ms,
  };
}

function kubeApiResponse(view: ConsoleView, req: HttpRequest): HttpResponse {
  const [p] = req.path.split('?') as [string];
  const body = `${JSON.stringify(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `forbidden: User "system:anonymous" cannot get path "${p}"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    },
    null,
    2,
  )}\n`;
  return {
    status: 403,
    version: '2',
    headers: [
      ['audit-id', hex(req.salt, 8) + '-' + hex(req.salt + 'a', 4)],
      ['cache-control', 'no-cache, private'],
      ['content-type', 'application/json'],
      ['x-content-type-options', 'nosniff'],
      ['content-length', String(body.length)],
      ['date', httpDate(view.state.config.startEpochMs + view.state.t)],
    ],
    body,
    serverMs: 1.1,
  };
}

/** The answer of the origin behind `dest` (the caller has connected and, if TLS, shaken hands). */
export function respond(
  view: ConsoleView,
  dest: Destination,
  req: HttpRequest,
  tls: boolean,
): HttpResponse {
  switch (dest.kind) {
    case 'edge':
      return edgeResponse(view, req, tls);
    case 'api':
      return goResponse(view, apiResponse(view, req, false), req.salt);
    case 'web': {
      const b = webResponse(view, req, false);
      const s = view.state;
      return {
        status: b.status,
        version: '1.1',
        headers: [
          ['Content-Type', b.type],
          ['X-Powered-By', 'Next.js'],
          ['Date', httpDate(s.config.startEpochMs + s.t)],
          ['Connection', 'keep-alive'],
          ['Content-Length', String(new TextEncoder().encode(b.body).length)],
        ],
        body: b.body,
        serverMs: b.ms,
      };
    }
    case 'payments':
      return paymentsResponse(view, req);
    case 'kube-api':
      return kubeApiResponse(view, req);
    default:
      return { status: 0, version: '1.1', headers: [], body: '', serverMs: 0 };
  }
}

/** What a plain-HTTP request to a TLS port gets back. */
export function plainToTls(view: ConsoleView, dest: Destination): HttpResponse {
  const body =
    dest.kind === 'kube-api'
      ? 'Client sent an HTTP request to an HTTPS server.\n'
      : nginxPage(400, '<center>The plain HTTP request was sent to HTTPS port</center>\n');
  return {
    status: 400,
    version: '1.1',
    headers: [
      ['Date', httpDate(view.state.config.startEpochMs + view.state.t)],
      ['Content-Type', dest.kind === 'kube-api' ? 'text/plain; charset=utf-8' : 'text/html'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ],
    body,
    serverMs: 0.5,
  };
}

/** Known HTTP(S) URLs, for completion. */
export function knownUrls(s: SimState): string[] {
  const site = `https://${s.config.domain}`;
  const api = `http://${clusterNames.API_SERVICE}:8080`;
  return [
    `${site}/`,
    `${site}/v1/orders`,
    `${site}/v1/products/1042`,
    `${site}/v1/search?q=lamp`,
    `${site}/healthz`,
    `${site}/readyz`,
    `${api}/healthz`,
    `${api}/readyz`,
    `${api}/v1/orders`,
    `${api}/v1/products/1042`,
    `https://${s.config.payments.host}/v1/health`,
  ];
}
