/**
 * Pod-template changes, each of which rolls the deployment: `kubectl set env` (the API's pool
 * size is `DB_MAX_CONNS`), `set resources` (the memory limit), `set image` (a release), and
 * `kubectl patch` for the replica count and the pods' resolver options (`dnsConfig`).
 */
import type { LeverAction } from '../../vocabulary.ts';
import type { CommandResult, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef, ParsedArgs } from './args.ts';
import { flag, hasFlag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { flagError, namespaceFlag, unsupported, usageError } from './common.ts';
import type { KDeployment } from './model.ts';
import { parseCpuMilli, parseMemoryMiB } from './quantity.ts';
import type { WorkloadRef } from './workload-ref.ts';
import { forbidden, workloadRef } from './workload-ref.ts';

export const SET_FLAGS: readonly FlagDef[] = [
  { long: 'env', short: 'e', kind: 'string' },
  { long: 'list', kind: 'bool' },
  { long: 'overwrite', kind: 'bool' },
  { long: 'containers', short: 'c', kind: 'string' },
  { long: 'limits', kind: 'string' },
  { long: 'requests', kind: 'string' },
  { long: 'all', kind: 'bool' },
  { long: 'dry-run', kind: 'string' },
];

export const SET_COMMANDS = ['env', 'image', 'resources'];

type Deploy = { d: KDeployment; sim: 'api' | 'web' | 'coredns' };

/** The team's own deployment, or the error the API server gives for anything else. */
function ownDeployment(ref: WorkloadRef, verb = 'patch'): Deploy | { error: string } {
  if (!ref.ok) return { error: ref.error };
  if (ref.kind === 'deployments' && ref.sim !== null) return { d: ref.d, sim: ref.sim };
  if (ref.kind === 'deployments')
    return { error: forbidden('deployments', ref.d.name, ref.d.namespace, verb) };
  if (ref.kind === 'statefulsets')
    return { error: forbidden('statefulsets', ref.s.name, ref.s.namespace, verb) };
  return { error: forbidden('daemonsets', ref.name, ref.namespace, verb) };
}

function envList(d: KDeployment): string {
  const lines = [`# Deployment ${d.name}, container ${d.container.name}`];
  for (const e of d.container.env)
    lines.push(
      'value' in e ? `${e.name}=${e.value}` : `# ${e.name} from secret ${e.secret}, key ${e.key}`,
    );
  return lines.join('\n') + '\n';
}

function setEnv(k: Kctx, p: ParsedArgs): CommandResult {
  const pairs = [...p.positionals.slice(1), ...(p.flags.get('env') ?? [])].filter(
    (a) => a.includes('=') || a.endsWith('-'),
  );
  const resource = p.positionals.filter((a) => !a.includes('=') && !a.endsWith('-'));
  const target = ownDeployment(workloadRef(k.cluster(), resource, namespaceFlag(p)));
  if ('error' in target) return failure(target.error);
  const { d, sim } = target;
  if (hasFlag(p, 'list')) return result(envList(d));
  if (pairs.length === 0)
    return usageError('set env', 'at least one environment variable must be provided');
  const actions: LeverAction[] = [];
  let changed = false;
  for (const pair of pairs) {
    const [key = '', value] =
      pair.endsWith('-') && !pair.includes('=')
        ? [pair.slice(0, -1), undefined]
        : pair.split(/=(.*)/s);
    const current = d.container.env.find((e) => e.name === key);
    const currentValue = current && 'value' in current ? current.value : undefined;
    if (key === 'DB_MAX_CONNS' && sim === 'api') {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1)
        return failure(
          `Error from server (Forbidden): admission webhook "env-policy.platform.example.com" denied the request: DB_MAX_CONNS must be a positive integer\n`,
        );
      if (value !== currentValue) actions.push({ type: 'setPoolSize', maxConns: n });
      changed ||= value !== currentValue;
      continue;
    }
    // Any other change to the template still rolls the pods.
    if (value !== currentValue) changed = true;
  }
  if (!changed) return result(`deployment.apps/${d.name} env updated\n`);
  if (actions.length === 0) actions.push({ type: 'restartDeployment', deployment: sim });
  return result(`deployment.apps/${d.name} env updated\n`, { actions });
}

function setResources(k: Kctx, p: ParsedArgs): CommandResult {
  const limits = flag(p, 'limits');
  const requests = flag(p, 'requests');
  if (limits === undefined && requests === undefined)
    return failure(
      'error: you must specify an update to requests or limits (in the form of --limits/--requests)\n',
    );
  const target = ownDeployment(workloadRef(k.cluster(), p.positionals, namespaceFlag(p)));
  if ('error' in target) return failure(target.error);
  const { d, sim } = target;
  const notes: Note[] = [];
  let memory: number | null = null;
  for (const [which, text] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    if (text === undefined) continue;
    for (const part of text.split(',')) {
      const [res = '', q = ''] = part.split('=');
      const ok =
        res === 'memory'
          ? parseMemoryMiB(q) !== null
          : res === 'cpu'
            ? parseCpuMilli(q) !== null
            : false;
      if (!ok)
        return failure(
          `error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n`,
        );
      if (which === 'limits' && res === 'memory') memory = Math.round(parseMemoryMiB(q)!);
      else notes.push(unsupported('kubectl set resources', `--${which}=${res}`));
    }
  }
  if (memory !== null && sim !== 'api') {
    notes.push(unsupported('kubectl set resources', `deployment/${d.name}`));
    memory = null;
  }
  if (memory === null) return { ...failure(''), notes };
  return result(`deployment.apps/${d.name} resource requirements updated\n`, {
    notes,
    actions: [{ type: 'setMemoryLimit', mib: Math.max(1, memory) }],
  });
}

function setImage(k: Kctx, p: ParsedArgs): CommandResult {
  const pairs = p.positionals.filter((a) => a.includes('='));
  const resource = p.positionals.filter((a) => !a.includes('='));
  const target = ownDeployment(workloadRef(k.cluster(), resource, namespaceFlag(p)));
  if ('error' in target) return failure(target.error);
  const { d, sim } = target;
  if (pairs.length === 0) return usageError('set image', 'at least one image update is required');
  const actions: LeverAction[] = [];
  for (const pair of pairs) {
    const [container = '', image = ''] = pair.split('=');
    if (container !== d.container.name && container !== '*')
      return failure(`error: unable to find container named "${container}"\n`);
    const colon = image.lastIndexOf(':');
    const version = colon > image.lastIndexOf('/') ? image.slice(colon + 1) : 'latest';
    if (image === d.container.image) continue;
    if (sim === 'coredns') return failure(forbidden('deployments', d.name, d.namespace));
    actions.push({
      type: 'deploy',
      deployment: sim,
      version,
      changeCause: `kubectl set image ${pair}`,
    });
  }
  return result(`deployment.apps/${d.name} image updated\n`, { actions });
}

export function runSet(args: readonly string[], k: Kctx): CommandResult {
  const [what, ...rest] = args;
  if (what === undefined || !SET_COMMANDS.includes(what))
    return what === undefined || what.startsWith('-')
      ? result(
          'Configure application resources.\n\n These commands help you make changes to existing application resources.\n\n' +
            'Available Commands:\n  env              Update environment variables on a pod template\n' +
            '  image            Update the image of a pod template\n' +
            '  resources        Update resource requests/limits on objects with pod templates\n\n' +
            'Usage:\n  kubectl set SUBCOMMAND [options]\n',
        )
      : failure(`error: unknown command "${what}" for "kubectl set"\n`);
  const parsed = parseArgs(rest, SET_FLAGS);
  if (!parsed.ok) return flagError(`set ${what}`, parsed.error);
  const p = parsed.args;
  if (what === 'env') return setEnv(k, p);
  if (what === 'resources') return setResources(k, p);
  return setImage(k, p);
}

export const PATCH_FLAGS: readonly FlagDef[] = [
  { long: 'patch', short: 'p', kind: 'string' },
  { long: 'type', kind: 'string' },
  { long: 'dry-run', kind: 'string' },
];

type Patch = { [key: string]: unknown };
const obj = (v: unknown): Patch | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Patch) : null;

/** Resolver options of a `dnsConfig` patch, as the lever takes them. */
function resolverOptions(patch: Patch): LeverAction | null {
  const options = obj(obj(obj(obj(patch['spec'])?.['template'])?.['spec'])?.['dnsConfig'])?.[
    'options'
  ];
  if (!Array.isArray(options)) return null;
  const out: { type: 'setResolverOptions'; ndots?: number; timeoutMs?: number; attempts?: number } =
    {
      type: 'setResolverOptions',
    };
  for (const o of options) {
    const name = obj(o)?.['name'];
    const value = Number(obj(o)?.['value']);
    if (!Number.isFinite(value)) continue;
    if (name === 'ndots') out.ndots = Math.min(15, Math.max(0, Math.round(value)));
    if (name === 'timeout') out.timeoutMs = Math.max(1, Math.round(value)) * 1000;
    if (name === 'attempts') out.attempts = Math.min(5, Math.max(1, Math.round(value)));
  }
  return out.ndots === undefined && out.timeoutMs === undefined && out.attempts === undefined
    ? null
    : out;
}

export function runPatch(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, PATCH_FLAGS);
  if (!parsed.ok) return flagError('patch', parsed.error);
  const p = parsed.args;
  const text = flag(p, 'patch');
  if (text === undefined)
    return failure(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
  if ((flag(p, 'type') ?? 'strategic') !== 'strategic' && flag(p, 'type') !== 'merge')
    return { ...failure(''), notes: [unsupported('kubectl patch', `--type=${flag(p, 'type')}`)] };
  const target = ownDeployment(workloadRef(k.cluster(), p.positionals, namespaceFlag(p)));
  if ('error' in target) return failure(target.error);
  const { d, sim } = target;
  let patch: Patch | null;
  try {
    patch = obj(JSON.parse(text));
  } catch {
    patch = null;
  }
  if (!patch)
    return failure(`error: unable to parse "${text}": yaml: did not find expected node content\n`);
  const actions: LeverAction[] = [];
  const replicas = obj(patch['spec'])?.['replicas'];
  if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0)
    actions.push({ type: 'scale', deployment: sim, replicas });
  const resolver = resolverOptions(patch);
  if (resolver && sim === 'api') actions.push(resolver);
  const notes: Note[] = [];
  if (actions.length === 0) {
    notes.push(unsupported('kubectl patch', text.length > 60 ? `${text.slice(0, 57)}...` : text));
    return result(`deployment.apps/${d.name} patched (no change)\n`, { notes });
  }
  return result(`deployment.apps/${d.name} patched\n`, { actions });
}
