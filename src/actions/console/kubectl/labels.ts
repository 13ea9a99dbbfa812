/**
 * Label selectors as `-l` takes them: `app=api`, `app==api`, `tier!=db`, `app`, `!canary`,
 * `app in (api,web)`, `app notin (web)`, comma-separated and ANDed.
 */

export type Labels = Readonly<Record<string, string>>;

type Requirement = (labels: Labels) => boolean;

export type Selector =
  { ok: true; matches: (labels: Labels) => boolean } | { ok: false; error: string };

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;

/** Splits on commas that are not inside a `( ... )` set. */
function terms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function requirement(term: string): Requirement | null {
  let m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m as unknown as [string, string, string, string];
    if (!KEY.test(key)) return null;
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (m) {
    const [, key, op, list] = m as unknown as [string, string, string, string];
    const values = list.split(',').map((v) => v.trim());
    return op === 'in'
      ? (l) => l[key] !== undefined && values.includes(l[key])
      : (l) => l[key] === undefined || !values.includes(l[key]);
  }
  if (term.startsWith('!') && KEY.test(term.slice(1))) return (l) => l[term.slice(1)] === undefined;
  if (KEY.test(term)) return (l) => l[term] !== undefined;
  return null;
}

export function parseSelector(text: string): Selector {
  const reqs: Requirement[] = [];
  for (const term of terms(text)) {
    if (term === '') continue;
    const r = requirement(term);
    if (!r)
      return {
        ok: false,
        error: `error: unable to parse requirement: found '${term}', expected: identifier\n`,
      };
    reqs.push(r);
  }
  return { ok: true, matches: (labels) => reqs.every((r) => r(labels)) };
}

/** `app=api,pod-template-hash=7d9c6b8f5`: labels as `--show-labels` and describe print them. */
export const labelString = (labels: Labels): string => {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
};
