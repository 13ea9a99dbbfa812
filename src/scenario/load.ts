/**
 * Reads a scenario file (YAML or JSON) and checks it completely: syntax, structure, the effect
 * and guard vocabulary, fault parameters, metrics, actions, services, durations and transition
 * targets. It never throws: a broken file gives a list of errors, each naming the file, the path
 * to the field, what is wrong and, for a misspelt name, the closest valid one.
 */
import './zod-setup.ts';
import { jsonErrorOffset } from './json-error.ts';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { FAULT_DEFAULTS, parseDuration, SIM_ACTION_TYPES } from '../sim/index.ts';
import type { FaultKind } from '../sim/index.ts';
import { closest } from '../shared/suggest.ts';
import { checkOverrides } from './config.ts';
import { Scenario } from './schema.ts';
import type { ScenarioFile, StateNodeConfig } from './schema.ts';
import {
  DEPLOYMENTS,
  EFFECT_NAMES,
  EFFECTS,
  GUARD_NAMES,
  GUARDS,
  INSPECT_TARGETS,
  PLAYER_EVENT_TYPES,
} from './vocabulary.ts';

/** What `playerDid` may name: a lever, or something a player does that changes nothing. */
const ACTION_NAMES: readonly string[] = [...SIM_ACTION_TYPES, ...PLAYER_EVENT_TYPES];

export type ScenarioError = { file: string; path: string; message: string; suggestion?: string };

/** A loaded scenario; `variants` holds one checked expansion per variant (the file itself when it has none). */
export type LoadResult =
  | { ok: true; scenario: ScenarioFile; variants: ScenarioFile[] }
  | { ok: false; errors: ScenarioError[] };

/** `file: path: message (did you mean "x"?)` */
export function formatError(e: ScenarioError): string {
  return `${e.file}: ${e.path === '' ? '' : `${e.path}: `}${e.message}${e.suggestion ? ` (did you mean "${e.suggestion}"?)` : ''}`;
}

/** `machine.states.triage.on.rollback[0].actions[1].params.service` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function parseText(file: string, text: string, errors: ScenarioError[]): unknown {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // Where: the engine's own position when it gives one, else where the grammar breaks.
      const pos = /position (\d+)/.exec(message);
      const offset = pos ? Number(pos[1]) : (jsonErrorOffset(text) ?? undefined);
      let where = '';
      if (offset !== undefined) {
        const { line, column } = lineAndColumn(text, offset);
        where = ` at line ${line}, column ${column}`;
      }
      errors.push({
        file,
        path: '',
        message: `JSON syntax error${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      });
      return undefined;
    }
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const { line, column } = lineAndColumn(text, err.pos[0]);
        errors.push({
          file,
          path: '',
          message: `YAML syntax error at line ${line}, column ${column}: ${err.message.split('\n')[0]}`,
        });
      }
      return undefined;
    }
    return doc.toJS() as unknown;
  }
  errors.push({ file, path: '', message: 'a scenario file must end in .yaml, .yml or .json' });
  return undefined;
}

type ZodIssue = z.core.$ZodIssue;

function fromZod(
  file: string,
  issue: ZodIssue,
  basePath: readonly PropertyKey[] = [],
): ScenarioError[] {
  const path = [...basePath, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      path: formatPath([...path, key]),
      message: 'unknown field',
    }));
  }
  if (
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value')
  ) {
    const expected =
      issue.code === 'invalid_type'
        ? `a ${issue.expected}`
        : `one of ${issue.values.map(String).join(', ')}`;
    return [{ file, path: formatPath(path), message: `missing field (expected ${expected})` }];
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const got = valueAt(issue.input);
    const suggestion = got === null ? null : closest(got, allowed);
    return [
      {
        file,
        path: formatPath(path),
        message: `"${got ?? '?'}" is not one of ${allowed.slice(0, 12).join(', ')}${allowed.length > 12 ? ', ...' : ''}`,
        ...(suggestion ? { suggestion } : {}),
      },
    ];
  }
  return [{ file, path: formatPath(path), message: issue.message }];
}

function valueAt(input: unknown): string | null {
  return typeof input === 'string' || typeof input === 'number' ? String(input) : null;
}

const FAULT_PARAMS = (kind: FaultKind): string[] => [
  ...Object.keys(FAULT_DEFAULTS[kind]),
  'version',
  'flag',
];

/** Checks the statechart against the vocabulary and its own structure. */
function checkMachine(file: string, s: ScenarioFile, errors: ScenarioError[]): void {
  const states = s.machine.states;
  const names = Object.keys(states);
  const base = ['machine', 'states'];
  if (!(s.machine.initial in states)) {
    errors.push({
      file,
      path: 'machine.initial',
      message: `no state named "${s.machine.initial}"`,
      ...suggest(s.machine.initial, names),
    });
  }
  for (const [name, node] of Object.entries(states) as [string, StateNodeConfig][]) {
    const at = [...base, name];
    node.entry?.forEach((eff, i) => checkEffect(file, eff, [...at, 'entry', i], errors));
    node.exit?.forEach((eff, i) => checkEffect(file, eff, [...at, 'exit', i], errors));
    const visit = (t: unknown, path: PropertyKey[]): void => {
      const list = Array.isArray(t) ? t : [t];
      list.forEach((tr: unknown, i) => {
        const p = Array.isArray(t) ? [...path, i] : path;
        if (typeof tr === 'string') return checkTarget(file, tr, p, names, errors);
        const trn = tr as {
          target?: string;
          guard?: { type: string; params?: unknown };
          actions?: { type: string; params?: unknown }[];
        };
        if (trn.target !== undefined)
          checkTarget(file, trn.target, [...p, 'target'], names, errors);
        if (trn.guard) checkGuard(file, trn.guard, [...p, 'guard'], errors);
        trn.actions?.forEach((eff, j) => checkEffect(file, eff, [...p, 'actions', j], errors));
      });
    };
    for (const [event, t] of Object.entries(node.on ?? {})) visit(t, [...at, 'on', event]);
    for (const [delay, t] of Object.entries(node.after ?? {})) {
      if (parseDuration(delay) === null)
        errors.push({
          file,
          path: formatPath([...at, 'after', delay]),
          message: `"${delay}" is not a duration (write 90s, 5m or 1h30m)`,
        });
      visit(t, [...at, 'after', delay]);
    }
    if (node.always !== undefined) visit(node.always, [...at, 'always']);
  }
}

function suggest(input: string, candidates: readonly string[]): { suggestion?: string } {
  const s = closest(input, candidates);
  return s ? { suggestion: s } : {};
}

function checkTarget(
  file: string,
  target: string,
  path: PropertyKey[],
  names: string[],
  errors: ScenarioError[],
): void {
  if (!names.includes(target))
    errors.push({
      file,
      path: formatPath(path),
      message: `transition to a missing state "${target}"`,
      ...suggest(target, names),
    });
}

function checkEffect(
  file: string,
  eff: { type: string; params?: unknown },
  path: PropertyKey[],
  errors: ScenarioError[],
): void {
  if (!(EFFECT_NAMES as string[]).includes(eff.type)) {
    errors.push({
      file,
      path: formatPath([...path, 'type']),
      message: `unknown effect "${eff.type}"; effects are ${EFFECT_NAMES.join(', ')}`,
      ...suggest(eff.type, EFFECT_NAMES),
    });
    return;
  }
  const schema = EFFECTS[eff.type as keyof typeof EFFECTS];
  const r = schema.safeParse(eff.params ?? {}, { reportInput: true });
  if (!r.success) {
    for (const issue of r.error.issues) errors.push(...fromZod(file, issue, [...path, 'params']));
    return;
  }
  if (eff.type === 'injectFault') {
    const p = r.data as unknown as { kind: string; params?: Record<string, unknown> };
    const allowed = FAULT_PARAMS(p.kind as FaultKind);
    for (const key of Object.keys(p.params ?? {})) {
      if (!allowed.includes(key))
        errors.push({
          file,
          path: formatPath([...path, 'params', 'params', key]),
          message: `fault ${p.kind} has no parameter "${key}"; it has ${allowed.join(', ')}`,
          ...suggest(key, allowed),
        });
    }
  }
}

function checkGuard(
  file: string,
  guard: { type: string; params?: unknown },
  path: PropertyKey[],
  errors: ScenarioError[],
): void {
  if (!(GUARD_NAMES as string[]).includes(guard.type)) {
    errors.push({
      file,
      path: formatPath([...path, 'type']),
      message: `unknown guard "${guard.type}"; guards are ${GUARD_NAMES.join(', ')}`,
      ...suggest(guard.type, GUARD_NAMES),
    });
    return;
  }
  const r = GUARDS[guard.type as keyof typeof GUARDS].safeParse(guard.params ?? {}, {
    reportInput: true,
  });
  if (!r.success) {
    for (const issue of r.error.issues) errors.push(...fromZod(file, issue, [...path, 'params']));
    return;
  }
  if (guard.type === 'playerDid') {
    const p = r.data as { action: string; params?: Record<string, unknown> };
    checkAction(file, p.action, p.params, path, errors);
  }
}

/** An action named by a guard or the answer key: a known lever, with a known service. */
function checkAction(
  file: string,
  action: string,
  params: Record<string, unknown> | undefined,
  path: PropertyKey[],
  errors: ScenarioError[],
): void {
  if (!(ACTION_NAMES as readonly string[]).includes(action)) {
    errors.push({
      file,
      path: formatPath([...path, 'params', 'action']),
      message: `unknown action "${action}"`,
      ...suggest(action, ACTION_NAMES),
    });
  }
  const target = params?.['target'];
  if (
    action === 'inspect' &&
    target !== undefined &&
    !(INSPECT_TARGETS as readonly unknown[]).includes(target)
  ) {
    errors.push({
      file,
      path: formatPath([...path, 'params', 'params', 'target']),
      message: `unknown inspect target ${JSON.stringify(target)}`,
      ...(typeof target === 'string' ? suggest(target, INSPECT_TARGETS) : {}),
    });
  }
  const service = params?.['deployment'] ?? params?.['service'];
  if (typeof service === 'string' && !(DEPLOYMENTS as readonly string[]).includes(service)) {
    const key = params?.['deployment'] !== undefined ? 'deployment' : 'service';
    errors.push({
      file,
      path: formatPath([...path, 'params', 'params', key]),
      message: `unknown service "${service}"; services are ${DEPLOYMENTS.join(', ')}`,
      ...suggest(service, DEPLOYMENTS),
    });
  }
}

/** Loads and checks one scenario file. Never throws. */
export function loadScenario(file: string, text: string): LoadResult {
  const errors: ScenarioError[] = [];
  try {
    const data = parseText(file, text, errors);
    if (errors.length > 0) return { ok: false, errors };
    const raw = data as { variants?: unknown } | null;
    if (raw && typeof raw === 'object' && Array.isArray(raw.variants) && raw.variants.length > 0) {
      const variants: ScenarioFile[] = [];
      raw.variants.forEach((values: unknown, i: number) => {
        const missing = new Set<string>();
        const vals = (values && typeof values === 'object' ? values : {}) as Record<
          string,
          string | number
        >;
        const body = expand({ ...raw, variants: undefined }, vals, missing) as Record<
          string,
          unknown
        >;
        for (const name of missing) {
          errors.push({
            file,
            path: `variants[${i}]`,
            message: `no value for placeholder {{${name}}}`,
            ...suggest(name, Object.keys(vals)),
          });
        }
        const r = checkExpanded(file, { ...body, variants: raw.variants });
        if (r.ok) variants.push(r.scenario);
        else
          errors.push(
            ...r.errors.map((e) => ({ ...e, message: `${e.message} (in variant ${i})` })),
          );
      });
      return errors.length > 0
        ? { ok: false, errors }
        : { ok: true, scenario: variants[0]!, variants };
    }
    const single = checkExpanded(file, data);
    return single.ok
      ? { ok: true, scenario: single.scenario, variants: [single.scenario] }
      : single;
  } catch (e) {
    // A checker bug must not crash the game or the CLI: report it as an error of this file.
    errors.push({
      file,
      path: '',
      message: `could not be checked: ${e instanceof Error ? e.message : String(e)}`,
    });
    return { ok: false, errors };
  }
}

/** Checks one fully expanded scenario. */
function checkExpanded(
  file: string,
  data: unknown,
): { ok: true; scenario: ScenarioFile } | { ok: false; errors: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  const r = Scenario.safeParse(data, { reportInput: true });
  if (!r.success) {
    for (const issue of r.error.issues) errors.push(...fromZod(file, issue));
    return { ok: false, errors };
  }
  checkMachine(file, r.data, errors);
  checkPromptStages(file, r.data, errors);
  errors.push(...checkOverrides(file, r.data.system.overrides));
  r.data.answerKey.solution.forEach((a, i) => {
    const service = a.params?.['deployment'];
    if (typeof service === 'string' && !(DEPLOYMENTS as readonly string[]).includes(service)) {
      errors.push({
        file,
        path: formatPath(['answerKey', 'solution', i, 'params', 'deployment']),
        message: `unknown service "${service}"; services are ${DEPLOYMENTS.join(', ')}`,
        ...suggest(service, DEPLOYMENTS),
      });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: r.data };
}

/** A discussion prompt tied to a stage must name a state of the machine. */
function checkPromptStages(file: string, s: ScenarioFile, errors: ScenarioError[]): void {
  const names = Object.keys(s.machine.states);
  s.answerKey.discussionPrompts.forEach((prompt, i) => {
    if (typeof prompt === 'string' || names.includes(prompt.stage)) return;
    errors.push({
      file,
      path: formatPath(['answerKey', 'discussionPrompts', i, 'stage']),
      message: `no state named "${prompt.stage}"`,
      ...suggest(prompt.stage, names),
    });
  });
}

/** The variant a seed plays (seed modulo the number of variants). */
export function variantFor(
  result: { variants: readonly ScenarioFile[] },
  seed: number,
): ScenarioFile {
  return result.variants[Math.abs(Math.trunc(seed)) % result.variants.length]!;
}

/** Replaces `{{name}}` placeholders; a value that is only a placeholder keeps the variant's type. */
function expand(
  data: unknown,
  values: Record<string, string | number>,
  missing: Set<string>,
): unknown {
  if (typeof data === 'string') {
    const whole = /^\{\{\s*([A-Za-z]\w*)\s*\}\}$/.exec(data);
    if (whole) {
      const v = values[whole[1]!];
      if (v === undefined) missing.add(whole[1]!);
      return v ?? data;
    }
    return data.replace(/\{\{\s*([A-Za-z]\w*)\s*\}\}/g, (m, name: string) => {
      const v = values[name];
      if (v === undefined) missing.add(name);
      return v === undefined ? m : String(v);
    });
  }
  if (Array.isArray(data)) return data.map((d) => expand(d, values, missing));
  if (data && typeof data === 'object') {
    return Object.fromEntries(
      Object.entries(data).map(([k, v]) => [
        expand(k, values, missing) as string,
        expand(v, values, missing),
      ]),
    );
  }
  return data;
}
