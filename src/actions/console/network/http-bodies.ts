/**
 * What the origins put in their answers: nginx's error pages, the API's JSON, the web tier's
 * HTML, and the API's routes.
 */
import type { EndpointId, SimState } from '../../../sim/index.ts';
import { word } from './draw.ts';

export const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

/** nginx's built-in error pages (the ingress and the CDN's origin shield run nginx). */
export function nginxPage(status: number, extra = ''): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n${extra}<hr><center>nginx</center>\n</body>\n</html>\n`;
}

export const hex = (salt: string, n: number): string => {
  let out = '';
  for (let i = 0; out.length < n; i++) out += word('hex', salt, i).toString(16).padStart(8, '0');
  return out.slice(0, n);
};

export type Body = { status: number; type: string; body: string };

export const json = (status: number, value: unknown): Body => ({
  status,
  type: 'application/json',
  body: `${JSON.stringify(value)}\n`,
});

/** The route an API path belongs to, or null when the API has no such route. */
export function apiRoute(
  method: string,
  path: string,
): EndpointId | 'healthz' | 'readyz' | Body | null {
  const [p] = path.split('?') as [string];
  if (p === '/healthz') return 'healthz';
  if (p === '/readyz') return 'readyz';
  if (/^\/v1\/products\/[^/]+$/.test(p)) {
    if (!/^\/v1\/products\/\d+$/.test(p)) return json(400, { error: 'invalid product id' });
    return 'products';
  }
  if (p === '/v1/orders') return 'orders';
  if (p === '/v1/search') return 'search';
  if (p === '/v1/checkout')
    return method === 'POST' ? 'checkout' : json(405, { error: 'method not allowed' });
  return null;
}

function param(path: string, name: string): string | null {
  const query = path.split('?')[1] ?? '';
  for (const kv of query.split('&')) {
    const [k, v] = kv.split('=');
    if (k === name) return decodeURIComponentSafe(v ?? '');
  }
  return null;
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

export function successBody(s: SimState, endpoint: EndpointId, path: string, salt: string): Body {
  const n = (k: string, mod: number): number => word(salt, k) % mod;
  switch (endpoint) {
    case 'products': {
      const id = Number.parseInt(path.split('/')[3] ?? '0', 10);
      return json(200, {
        id,
        name: `Product ${id}`,
        price_cents: 499 + (word('price', id) % 20000),
        in_stock: word('stock', id) % 7 !== 0,
        rating: Math.round((3 + (word('rating', id) % 200) / 100) * 10) / 10,
      });
    }
    case 'orders': {
      const customer = Number.parseInt(param(path, 'customer') ?? '', 10);
      const id = Number.isFinite(customer) ? customer : 10_000 + n('customer', 90_000);
      const statuses = ['delivered', 'shipped', 'processing'];
      const orders = [0, 1, 2].map((k) => ({
        id: 90_000_000 + (word('order', id, k) % 9_000_000),
        status: statuses[k]!,
        total_cents: 999 + (word('total', id, k) % 30000),
      }));
      return json(200, {
        customer_id: id,
        orders,
        count: s.config.queries.orders_by_customer.rows,
        next: null,
      });
    }
    case 'search': {
      const q = param(path, 'q') ?? '';
      const hits = [0, 1, 2].map((k) => ({
        id: 1000 + (word('hit', q, k) % 1_199_000),
        name: `${q || 'item'} ${k + 1}`.trim(),
      }));
      return json(200, { query: q, results: hits, total: s.config.queries.search_products.rows });
    }
    case 'checkout':
      return json(200, { order_id: 90_000_000 + n('checkout', 9_000_000), status: 'confirmed' });
    case 'page':
      return {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>Shop</title><link rel="stylesheet" href="/_next/static/css/8f2c1a.css"/></head><body><div id="__next"><main class="grid">…</main></div><script src="/_next/static/chunks/main-4e1f.js" async=""></script></body></html>\n`,
      };
  }
}

export function errorBody(status: number, viaIngress: boolean): Body {
  if (status === 503 || status === 504 || (viaIngress && status === 502))
    return { status, type: 'text/html', body: nginxPage(status) };
  return json(status, { error: status === 502 ? 'bad gateway' : 'internal server error' });
}
