/**
 * `kubectl get`: one or more types (`pods,svc`, `all`, `deploy/api`), namespaces (`-n`, `-A`),
 * selectors (`-l`, `--field-selector`), sorting, and the output formats SREs use: the table,
 * `-o wide`, `name`, `yaml`, `json`, `jsonpath` and `custom-columns`.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import { columns } from '../format.ts';
import type { CommandResult, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, hasFlag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import {
  allNamespaces,
  flagError,
  inspect,
  namespaceFlag,
  noResources,
  unsupported,
} from './common.ts';
import { customColumns, jsonpath } from './jsonpath.ts';
import { labelString, parseSelector } from './labels.ts';
import { genericManifest, listOf, manifestOf } from './manifest.ts';
import type { Kind } from './resources.ts';
import {
  ALL_KINDS,
  kindInfo,
  nameKind,
  noSuchType,
  notFound,
  resolveKind,
  UNMODELLED_TYPES,
} from './resources.ts';
import type { Row, Table } from './tables.ts';
import { EVENT_WIDE_HEADERS, tableOf } from './tables.ts';
import type { Json } from './yaml.ts';
import { toJson, toYaml } from './yaml.ts';

export const GET_FLAGS: readonly FlagDef[] = [
  { long: 'output', short: 'o', kind: 'string' },
  { long: 'selector', short: 'l', kind: 'string' },
  { long: 'all-namespaces', short: 'A', kind: 'bool' },
  { long: 'watch', short: 'w', kind: 'bool' },
  { long: 'show-labels', kind: 'bool' },
  { long: 'no-headers', kind: 'bool' },
  { long: 'sort-by', kind: 'string' },
  { long: 'field-selector', kind: 'string' },
  { long: 'show-kind', kind: 'bool' },
  { long: 'chunk-size', kind: 'int' },
  { long: 'ignore-not-found', kind: 'bool' },
];

export const OUTPUT_FORMATS = ['wide', 'name', 'yaml', 'json', 'jsonpath=', 'custom-columns='];

const TARGET: Partial<Record<Kind, Parameters<typeof inspect>[0]>> = {
  pods: 'pods',
  jobs: 'pods',
  deployments: 'deployments',
  replicasets: 'deployments',
  statefulsets: 'deployments',
  daemonsets: 'deployments',
  services: 'services',
  endpoints: 'services',
  ingresses: 'services',
  events: 'events',
  nodes: 'resource-usage',
  persistentvolumeclaims: 'resource-usage',
};

type Request = { kind: Kind; names: string[] };

/** Reads `pods,svc a b` or `pod/a svc/b` into requests; an error text for an unknown type. */
function requests(
  positionals: readonly string[],
): Request[] | { error: string; unmodelled?: string } {
  if (positionals.some((p) => p.includes('/'))) {
    const out: Request[] = [];
    for (const p of positionals) {
      const [type = '', name = ''] = p.split('/');
      if (name === '')
        return {
          error: `error: arguments in resource/name form must have a single resource and name\n`,
        };
      const kind = resolveKind(type);
      if (!kind) return { error: noSuchType(type) };
      const existing = out.find((r) => r.kind === kind);
      if (existing) existing.names.push(name);
      else out.push({ kind, names: [name] });
    }
    return out;
  }
  const [types = '', ...names] = positionals;
  const out: Request[] = [];
  for (const t of types.split(',')) {
    if (t === 'all') {
      out.push(...ALL_KINDS.map((kind) => ({ kind, names })));
      continue;
    }
    const kind = resolveKind(t);
    if (!kind) {
      if (UNMODELLED_TYPES.includes(t.toLowerCase())) return { error: '', unmodelled: t };
      return { error: noSuchType(t) };
    }
    out.push({ kind, names: [...names] });
  }
  return out;
}

type FieldTest = (row: Row) => boolean;

function fieldSelector(text: string): FieldTest[] | { error: string } {
  const tests: FieldTest[] = [];
  for (const term of text.split(',')) {
    if (term.trim() === '') continue;
    const m = /^([^=!]+)(==|!=|=)(.*)$/.exec(term.trim());
    if (!m) return { error: `invalid selector: '${term}'; can't understand '${term}'` };
    const [, key, op, value] = m as unknown as [string, string, string, string];
    tests.push((row) => {
      const v = row.fields[key];
      if (v === undefined) return false;
      return op === '!=' ? v !== value : v === value;
    });
  }
  return tests;
}

const sortKey = (text: string): string => text.replace(/^\{(.*)\}$/, '$1').replace(/^\./, '');

function compareBy(key: string): (a: Row, b: Row) => number {
  return (a, b) => {
    const x = a.sort[key]!;
    const y = b.sort[key]!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

export function runGet(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, GET_FLAGS);
  if (!parsed.ok) return flagError('get', parsed.error);
  const p = parsed.args;
  if (p.positionals.length === 0)
    return failure(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    );
  const all = allNamespaces(p);
  const namespace = namespaceFlag(p);
  const reqs = requests(p.positionals);
  if ('error' in reqs) {
    if (reqs.unmodelled)
      return result(noResources(all ? null : namespace), {
        notes: [unsupported('kubectl get', reqs.unmodelled)],
      });
    return failure(reqs.error);
  }
  const output = flag(p, 'output') ?? '';
  const format = output.split('=')[0]!;
  if (!['', 'wide', 'name', 'yaml', 'json', 'jsonpath', 'custom-columns'].includes(format))
    return failure(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`,
    );

  let labelTest: (row: Row) => boolean = () => true;
  const sel = flag(p, 'selector');
  if (sel !== undefined) {
    const s = parseSelector(sel);
    if (!s.ok) return failure(s.error);
    labelTest = (row) => s.matches(row.labels);
  }
  let fieldTests: FieldTest[] = [];
  const fsel = flag(p, 'field-selector');
  if (fsel !== undefined) {
    const f = fieldSelector(fsel);
    if ('error' in f) return failure(`Error from server (BadRequest): ${f.error}\n`);
    fieldTests = f;
  }
  const sortBy = flag(p, 'sort-by');

  const c = k.cluster();
  const errors: string[] = [];
  const sections: { kind: Kind; rows: Row[]; table: Table }[] = [];
  for (const req of reqs) {
    const info = kindInfo(req.kind);
    const table = tableOf(k.view, c, req.kind);
    let rows = table.rows.filter((r) => !info.namespaced || all || r.namespace === namespace);
    if (fsel !== undefined) {
      const keys = fsel.split(',').map((t) => t.split(/!=|==|=/)[0]!.trim());
      const bad = keys.find((key) => key !== '' && !table.rows.some((r) => key in r.fields));
      if (bad !== undefined && table.rows.length > 0)
        return failure(`Error from server (BadRequest): field label not supported: ${bad}\n`);
    }
    if (req.names.length > 0) {
      const named: Row[] = [];
      for (const n of req.names) {
        const row = rows.find((r) => r.name === n);
        if (row) named.push(row);
        else if (!hasFlag(p, 'ignore-not-found')) errors.push(notFound(req.kind, n));
      }
      rows = named;
    }
    rows = rows.filter((r) => labelTest(r) && fieldTests.every((t) => t(r)));
    if (all)
      rows.sort((a, b) =>
        (a.namespace ?? '') < (b.namespace ?? '')
          ? -1
          : (a.namespace ?? '') > (b.namespace ?? '')
            ? 1
            : 0,
      );
    if (sortBy !== undefined) {
      const key = sortKey(sortBy);
      if (rows.length > 0 && !(key in rows[0]!.sort))
        return failure(
          `error: couldn't find any field with path "{.${key}}" in the list of objects\n`,
        );
      rows.sort(compareBy(key));
    }
    sections.push({ kind: req.kind, rows, table });
  }

  const actions: PlayerAction[] = [];
  const clusterScoped = reqs.every((r) => !kindInfo(r.kind).namespaced);
  const subject = reqs.some((r) => r.names.length > 0)
    ? reqs.flatMap((r) => r.names).join(',')
    : (sel ?? (clusterScoped ? reqs.map((r) => r.kind).join(',') : all ? 'all' : namespace));
  for (const r of reqs) {
    const target = TARGET[r.kind];
    if (target && !actions.some((a) => a.type === 'inspect' && a.target === target))
      actions.push(inspect(target, subject));
  }
  const notes: Note[] = [];
  if (hasFlag(p, 'watch')) notes.push(unsupported('kubectl get', '--watch'));
  const errText = errors.join('');
  const exit = errors.length > 0 ? 1 : 0;
  const total = sections.reduce((n, s) => n + s.rows.length, 0);

  if (
    format === 'yaml' ||
    format === 'json' ||
    format === 'jsonpath' ||
    format === 'custom-columns'
  ) {
    const objects: Json[] = [];
    for (const s of sections)
      for (const r of s.rows)
        objects.push(
          manifestOf(c, s.kind, r.namespace, r.name) ??
            genericManifest(c, s.kind, {
              name: r.name,
              namespace: r.namespace,
              labels: { ...r.labels },
              createdAt: Number(r.sort['metadata.creationTimestamp'] ?? 0),
            }),
        );
    const single = reqs.length === 1 && reqs[0]!.names.length === 1 && objects.length === 1;
    if (objects.length === 0 && !single && format !== 'yaml' && format !== 'json')
      return result(errText || noResources(all ? null : namespace), { exit, actions, notes });
    const root: Json = single ? objects[0]! : listOf(objects as { [key: string]: Json }[]);
    if (format === 'yaml') return result(toYaml(root) + errText, { exit, actions, notes });
    if (format === 'json') return result(toJson(root) + errText, { exit, actions, notes });
    if (format === 'jsonpath') {
      const jp = jsonpath(output.slice('jsonpath='.length), root);
      if (!jp.ok) return failure(jp.error);
      return result(jp.out + errText, { exit, actions, notes });
    }
    const cc = customColumns(output.slice('custom-columns='.length), objects);
    if (!cc.ok) return failure(cc.error);
    const rows = hasFlag(p, 'no-headers') ? cc.rows.slice(1) : cc.rows;
    return result(columns(rows) + '\n' + errText, { exit, actions, notes });
  }

  if (total === 0) {
    if (errors.length > 0) return result(errText, { exit, actions, notes });
    return result(noResources(all || clusterScoped ? null : namespace), { actions, notes });
  }

  if (format === 'name') {
    const lines = sections.flatMap((s) => s.rows.map((r) => `${nameKind(s.kind)}/${r.name}`));
    return result(lines.join('\n') + '\n' + errText, { exit, actions, notes });
  }

  const multi = sections.length > 1 || hasFlag(p, 'show-kind');
  const blocks: string[] = [];
  for (const s of sections) {
    if (s.rows.length === 0) continue;
    const table = s.table;
    const wide = format === 'wide';
    const nsCol = all && kindInfo(s.kind).namespaced;
    const eventsWide = wide && s.kind === 'events';
    let header = eventsWide
      ? [...EVENT_WIDE_HEADERS]
      : [...table.headers, ...(wide ? table.wideHeaders : [])];
    if (nsCol) header = ['NAMESPACE', ...header];
    if (hasFlag(p, 'show-labels')) header.push('LABELS');
    const body = s.rows.map((r) => {
      let cells = eventsWide ? [...r.wide] : [...r.cells, ...(wide ? r.wide : [])];
      if (multi && s.kind !== 'events') cells[0] = `${nameKind(s.kind)}/${cells[0]}`;
      if (nsCol) cells = [r.namespace ?? '', ...cells];
      if (hasFlag(p, 'show-labels')) cells.push(labelString(r.labels));
      return cells;
    });
    blocks.push(columns(hasFlag(p, 'no-headers') ? body : [header, ...body]));
  }
  return result(blocks.join('\n\n') + '\n' + errText, { exit, actions, notes });
}
