/**
 * The part of kubectl's JSONPath that runbooks use: `{.items[*].metadata.name}`, `{.status.podIP}`,
 * `{range .items[*]}{.metadata.name}{"\t"}{.spec.nodeName}{"\n"}{end}`, and custom-columns
 * (`NAME:.metadata.name,NODE:.spec.nodeName`), which evaluate the same paths.
 */
import type { Json } from './yaml.ts';

type Step = { field: string } | { index: number } | { all: true };

function parsePath(path: string): Step[] | null {
  const steps: Step[] = [];
  let rest = path.trim().replace(/^[@$]/, '');
  while (rest.length > 0) {
    let m = /^\.([A-Za-z0-9_-]+)/.exec(rest);
    if (m) {
      steps.push({ field: m[1]! });
      rest = rest.slice(m[0].length);
      continue;
    }
    m = /^\[(\d+)\]/.exec(rest);
    if (m) {
      steps.push({ index: Number(m[1]) });
      rest = rest.slice(m[0].length);
      continue;
    }
    m = /^(\[\*\]|\.\*)/.exec(rest);
    if (m) {
      steps.push({ all: true });
      rest = rest.slice(m[0].length);
      continue;
    }
    m = /^\[['"]([^'"]+)['"]\]/.exec(rest);
    if (m) {
      steps.push({ field: m[1]! });
      rest = rest.slice(m[0].length);
      continue;
    }
    if (rest === '.') break;
    return null;
  }
  return steps;
}

function evaluate(root: Json, steps: readonly Step[]): Json[] {
  let cur: Json[] = [root];
  for (const s of steps) {
    const next: Json[] = [];
    for (const v of cur) {
      if ('field' in s) {
        if (v && typeof v === 'object' && !Array.isArray(v) && s.field in v) next.push(v[s.field]!);
      } else if ('index' in s) {
        if (Array.isArray(v) && s.index < v.length) next.push(v[s.index]!);
      } else if (Array.isArray(v)) next.push(...v);
      else if (v && typeof v === 'object') next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

const show = (v: Json): string =>
  typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);

type Node = { text: string } | { path: Step[] } | { range: Step[]; body: Node[] };

/** Parses a template into nodes; an error text for what kubectl would reject. */
function parseTemplate(template: string): Node[] | { error: string } {
  const stack: Node[][] = [[]];
  const ranges: Step[][] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) return { error: `unclosed action` };
    const expr = template.slice(open + 1, close).trim();
    i = close + 1;
    const lit = /^"((?:[^"\\]|\\.)*)"$/.exec(expr);
    if (lit) {
      stack[stack.length - 1]!.push({ text: lit[1]!.replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
      continue;
    }
    if (expr.startsWith('range ')) {
      const steps = parsePath(expr.slice(6));
      if (!steps) return { error: `unrecognized identifier ${expr.slice(6)}` };
      ranges.push(steps);
      stack.push([]);
      continue;
    }
    if (expr === 'end') {
      const body = stack.pop();
      const range = ranges.pop();
      if (!body || !range || stack.length === 0) return { error: 'not in range, nothing to end' };
      stack[stack.length - 1]!.push({ range, body });
      continue;
    }
    const steps = parsePath(expr);
    if (!steps) return { error: `unrecognized character in action: ${expr}` };
    stack[stack.length - 1]!.push({ path: steps });
  }
  if (stack.length !== 1) return { error: 'unclosed action' };
  return stack[0]!;
}

function render(nodes: readonly Node[], root: Json): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) out += n.text;
    else if ('path' in n) out += evaluate(root, n.path).map(show).join(' ');
    else for (const item of evaluate(root, n.range)) out += render(n.body, item);
  }
  return out;
}

/** `-o jsonpath=TEMPLATE` (kubectl adds no newline at the end). */
export function jsonpath(
  template: string,
  root: Json,
): { ok: true; out: string } | { ok: false; error: string } {
  const t = template.replace(/^'(.*)'$/s, '$1');
  const nodes = parseTemplate(t.includes('{') ? t : `{${t}}`);
  if ('error' in nodes)
    return { ok: false, error: `error: error parsing jsonpath ${template}, ${nodes.error}\n` };
  return { ok: true, out: render(nodes, root) };
}

/** `-o custom-columns=NAME:.metadata.name,...` over a list of objects. */
export function customColumns(
  spec: string,
  items: readonly Json[],
): { ok: true; rows: string[][] } | { ok: false; error: string } {
  const cols: { header: string; steps: Step[] }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    const steps = colon > 0 ? parsePath(part.slice(colon + 1).replace(/^\{(.*)\}$/, '$1')) : null;
    if (colon <= 0 || !steps)
      return {
        ok: false,
        error: `error: custom-columns format specified, but unexpected column spec: ${part}, expected <header>:<json-path-expr>\n`,
      };
    cols.push({ header: part.slice(0, colon), steps });
  }
  const rows = [cols.map((c) => c.header)];
  for (const item of items)
    rows.push(
      cols.map((c) => {
        const v = evaluate(item, c.steps);
        return v.length === 0 ? '<none>' : v.map(show).join(',');
      }),
    );
  return { ok: true, rows };
}
