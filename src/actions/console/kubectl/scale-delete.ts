/**
 * `kubectl scale` and `kubectl delete`: the replica-count lever, and deleting pods (the
 * deployment replaces them; the database primary restarts) and batch jobs. Checks what the API
 * server would refuse before anything is pulled.
 */
import type { LeverAction } from '../../vocabulary.ts';
import type { CommandResult, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, hasFlag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { flagError, namespaceFlag, noResources, unsupported, RESTART_POSTGRES } from './common.ts';
import { jobName } from './platform-pods.ts';
import { parseSelector } from './labels.ts';
import type { KPod } from './model.ts';
import { noSuchType, notFound, resolveKind } from './resources.ts';
import { forbidden, workloadRef } from './workload-ref.ts';

export const SCALE_FLAGS: readonly FlagDef[] = [
  { long: 'replicas', kind: 'int' },
  { long: 'current-replicas', kind: 'int' },
  { long: 'timeout', kind: 'string' },
];

export function runScale(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, SCALE_FLAGS);
  if (!parsed.ok) return flagError('scale', parsed.error);
  const p = parsed.args;
  const replicasText = flag(p, 'replicas');
  if (replicasText === undefined) return failure('error: required flag(s) "replicas" not set\n');
  const replicas = Number(replicasText);
  if (replicas < 0)
    return failure(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
  const namespace = namespaceFlag(p);
  const c = k.cluster();
  const ref = workloadRef(c, p.positionals, namespace);
  if (!ref.ok) return failure(ref.error);
  if (ref.kind === 'daemonsets') return failure(noSuchType('daemonsets/scale'));
  if (ref.kind === 'statefulsets')
    return failure(forbidden('statefulsets', ref.s.name, ref.s.namespace, 'patch', '/scale'));
  const d = ref.d;
  const current = flag(p, 'current-replicas');
  if (current !== undefined && Number(current) !== d.replicas)
    return failure(`error: Expected replicas to be ${current}, was ${d.replicas}\n`);
  if (ref.sim === null)
    return failure(forbidden('deployments', d.name, d.namespace, 'patch', '/scale'));
  return result(`deployment.apps/${d.name} scaled\n`, {
    actions: [{ type: 'scale', deployment: ref.sim, replicas }],
  });
}

export const DELETE_FLAGS: readonly FlagDef[] = [
  { long: 'selector', short: 'l', kind: 'string' },
  { long: 'grace-period', kind: 'int' },
  { long: 'force', kind: 'bool' },
  { long: 'now', kind: 'bool' },
  { long: 'wait', kind: 'bool' },
  { long: 'all', kind: 'bool' },
  { long: 'ignore-not-found', kind: 'bool' },
  { long: 'cascade', kind: 'string' },
  { long: 'dry-run', kind: 'string' },
];

/** What deleting a pod does here: the sim's pods are replaced; the primary's pod restarts Postgres. */
function deletePod(pod: KPod): LeverAction | 'forbidden' | null {
  if (pod.sim) return pod.terminating ? null : { type: 'deletePod', pod: pod.name };
  if (pod.name === 'pg-primary-0') return pod.terminating ? null : RESTART_POSTGRES;
  // A Job's pod is simply recreated by the Job; the rest of the platform is not ours to delete.
  if (pod.owner.kind === 'Job') return null;
  return 'forbidden';
}

export function runDelete(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, DELETE_FLAGS);
  if (!parsed.ok) return flagError('delete', parsed.error);
  const p = parsed.args;
  const namespace = namespaceFlag(p);
  let [typeWord, ...names] = p.positionals;
  if (typeWord === undefined)
    return failure(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  if (typeWord.includes('/')) {
    const [t = '', n = ''] = typeWord.split('/');
    typeWord = t;
    names = [n, ...names];
  }
  const kind = resolveKind(typeWord);
  if (!kind) return failure(noSuchType(typeWord));
  const force = hasFlag(p, 'force') && flag(p, 'grace-period') === '0';
  const dry = flag(p, 'dry-run');
  const dryRun = dry !== undefined && dry !== 'none';
  const suffix = force ? 'force deleted' : 'deleted';
  const c = k.cluster();
  const selector = flag(p, 'selector');
  if (names.length === 0 && selector === undefined && !hasFlag(p, 'all'))
    return failure('error: resource(s) were provided, but no name was specified\n');

  let out = force
    ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
    : '';
  const actions: LeverAction[] = [];
  const notes: Note[] = [];
  let exit = 0;

  if (kind === 'pods') {
    let targets: KPod[] = [];
    const inNs = c.pods.filter((x) => x.namespace === namespace);
    if (selector !== undefined || hasFlag(p, 'all')) {
      const sel = parseSelector(selector ?? '');
      if (!sel.ok) return failure(sel.error);
      targets = inNs.filter((x) => sel.matches(x.labels));
      if (targets.length === 0) return result(noResources(namespace));
    }
    for (const n of names) {
      const pod = inNs.find((x) => x.name === n);
      if (pod) targets.push(pod);
      else if (!hasFlag(p, 'ignore-not-found')) {
        out += notFound('pods', n);
        exit = 1;
      }
    }
    for (const pod of targets) {
      const effect = deletePod(pod);
      if (effect === 'forbidden') {
        out += forbidden('pods', pod.name, pod.namespace, 'delete');
        exit = 1;
        continue;
      }
      out += `pod "${pod.name}" ${suffix}${dryRun ? ' (dry run)' : ''}\n`;
      if (effect && !dryRun) actions.push(effect);
    }
    return { out, exit, notes, actions };
  }

  if (kind === 'jobs') {
    for (const n of names) {
      const job = c.jobs.find(
        (j) => j.namespace === namespace && (j.name === n || j.simName === n),
      );
      if (!job) {
        if (!hasFlag(p, 'ignore-not-found')) {
          out += notFound('jobs', n);
          exit = 1;
        }
        continue;
      }
      out += `job.batch "${jobName(job.simName)}" ${suffix}${dryRun ? ' (dry run)' : ''}\n`;
      if (!dryRun) actions.push({ type: 'stopJob', name: job.simName });
    }
    return { out, exit, notes, actions };
  }

  if (
    kind === 'events' ||
    kind === 'namespaces' ||
    kind === 'nodes' ||
    kind === 'persistentvolumeclaims'
  ) {
    notes.push(unsupported('kubectl delete', kind));
  }
  for (const n of names) out += forbidden(kind, n, namespace, 'delete');
  return { out, exit: 1, notes, actions };
}
