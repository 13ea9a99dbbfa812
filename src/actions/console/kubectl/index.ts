/**
 * The kubectl tools of the console: routes a sub-command to its module, after global flags such
 * as `-n kube-system` written before it; answers unknown commands like cobra does (with its
 * "Did you mean this?"), and `--help` with the command's usage.
 */
import { closest, editDistance } from '../../../shared/suggest.ts';
import type { CommandResult, CommandSpec } from '../types.ts';
import { failure, result } from '../types.ts';
import { valueFlags } from './args.ts';
import type { Kctx } from './common.ts';
import { makeCtx, unsupported } from './common.ts';
import { completeKubectl, SUBCOMMANDS } from './complete.ts';
import { runDescribe } from './describe.ts';
import { runExec } from './exec.ts';
import { runGet } from './get.ts';
import { runLogs } from './logs.ts';
import {
  apiResources,
  clusterInfo,
  config,
  CONTEXT,
  events,
  nodeOperation,
  version,
} from './misc.ts';
import { runRollout } from './rollout.ts';
import { runDelete, runScale } from './scale-delete.ts';
import { runPatch, runSet } from './set-patch.ts';
import { runTop } from './top.ts';

type Sub = {
  summary: string;
  usage: string;
  run: (args: readonly string[], k: Kctx) => CommandResult;
};

/** Commands a real cluster has that this one answers with advice instead. */
const ADVICE =
  (name: string, out = ''): Sub['run'] =>
  () => ({
    ...failure(out),
    notes: [unsupported('kubectl', name)],
  });

const SUBS: Record<string, Sub> = {
  get: {
    summary: 'Display one or many resources',
    usage:
      'kubectl get TYPE[,TYPE...] [NAME ...] [-n NAMESPACE | -A] [-l SELECTOR] [-o wide|name|yaml|json|jsonpath=...]',
    run: runGet,
  },
  describe: {
    summary: 'Show details of a specific resource or group of resources',
    usage: 'kubectl describe TYPE [NAME_PREFIX | -l SELECTOR] [-n NAMESPACE]',
    run: runDescribe,
  },
  logs: {
    summary: 'Print the logs for a container in a pod',
    usage:
      'kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER] [--tail N] [--since 5m] [-p]',
    run: runLogs,
  },
  exec: {
    summary: 'Execute a command in a container',
    usage: 'kubectl exec [-it] (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [args...]',
    run: runExec,
  },
  top: {
    summary: 'Display resource (CPU/memory) usage',
    usage:
      'kubectl top (pod | node) [NAME | -l SELECTOR] [-n NAMESPACE | -A] [--sort-by cpu|memory]',
    run: runTop,
  },
  rollout: {
    summary: 'Manage the rollout of a resource',
    usage: 'kubectl rollout (status | history | undo | restart) deployment/NAME [--to-revision N]',
    run: runRollout,
  },
  scale: {
    summary: 'Set a new size for a deployment, replica set, or replication controller',
    usage: 'kubectl scale deployment/NAME --replicas=N [-n NAMESPACE]',
    run: runScale,
  },
  delete: {
    summary:
      'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    usage: 'kubectl delete (pod | job) (NAME ... | -l SELECTOR) [-n NAMESPACE]',
    run: runDelete,
  },
  set: {
    summary: 'Set specific features on objects',
    usage:
      'kubectl set (env | resources | image) deployment/NAME (KEY=VALUE | --limits=memory=1Gi | CONTAINER=IMAGE)',
    run: runSet,
  },
  patch: {
    summary: 'Update fields of a resource',
    usage: 'kubectl patch deployment NAME -p \'{"spec":{...}}\'',
    run: runPatch,
  },
  events: {
    summary: 'List events',
    usage: 'kubectl events [-n NAMESPACE | -A] [--for TYPE/NAME] [--types Warning]',
    run: events,
  },
  'cluster-info': {
    summary: 'Display cluster information',
    usage: 'kubectl cluster-info',
    run: () => clusterInfo(),
  },
  config: {
    summary: 'Modify kubeconfig files',
    usage: 'kubectl config (current-context | get-contexts | view)',
    run: (args) => config(args),
  },
  'api-resources': {
    summary: 'Print the supported API resources on the server',
    usage: 'kubectl api-resources',
    run: () => apiResources(),
  },
  version: {
    summary: 'Print the client and server version information',
    usage: 'kubectl version',
    run: () => version(),
  },
  cordon: {
    summary: 'Mark node as unschedulable',
    usage: 'kubectl cordon NODE',
    run: (a, k) => nodeOperation('cordon', a, k),
  },
  uncordon: {
    summary: 'Mark node as schedulable',
    usage: 'kubectl uncordon NODE',
    run: (a, k) => nodeOperation('uncordon', a, k),
  },
  drain: {
    summary: 'Drain node in preparation for maintenance',
    usage: 'kubectl drain NODE',
    run: (a, k) => nodeOperation('drain', a, k),
  },
  edit: {
    summary: 'Edit a resource on the server',
    usage: 'kubectl edit TYPE NAME',
    run: ADVICE('edit', 'Edit cancelled, no changes made.\n'),
  },
  apply: {
    summary: 'Apply a configuration to a resource by file name or stdin',
    usage: 'kubectl apply -f FILENAME',
    run: ADVICE('apply', 'error: must specify one of -f and -k\n'),
  },
  create: {
    summary: 'Create a resource from a file or from stdin',
    usage: 'kubectl create -f FILENAME',
    run: ADVICE('create', 'error: must specify one of -f and -k\n'),
  },
  label: {
    summary: 'Update the labels on a resource',
    usage: 'kubectl label TYPE NAME KEY=VALUE',
    run: ADVICE('label'),
  },
  annotate: {
    summary: 'Update the annotations on a resource',
    usage: 'kubectl annotate TYPE NAME KEY=VALUE',
    run: ADVICE('annotate'),
  },
  'port-forward': {
    summary: 'Forward one or more local ports to a pod',
    usage: 'kubectl port-forward POD PORT',
    run: ADVICE('port-forward'),
  },
  explain: {
    summary: 'Get documentation for a resource',
    usage: 'kubectl explain TYPE',
    run: ADVICE('explain'),
  },
};

const GROUPS: readonly [string, readonly string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale']],
  ['Cluster Management Commands', ['cluster-info', 'top', 'cordon', 'uncordon', 'drain']],
  [
    'Troubleshooting and Debugging Commands',
    ['describe', 'logs', 'exec', 'port-forward', 'events'],
  ],
  ['Advanced Commands', ['apply', 'patch']],
  ['Settings Commands', ['label', 'annotate']],
  ['Other Commands', ['api-resources', 'config', 'version']],
];

function help(): string {
  const blocks = GROUPS.map(
    ([title, names]) =>
      `${title}:\n${names.map((n) => `  ${n.padEnd(16)}${SUBS[n]!.summary}`).join('\n')}`,
  );
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    blocks.join('\n\n') +
    '\n\nUsage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}

/** cobra's suggestions: within two edits, or the typed text as a prefix. */
function suggestions(typed: string): string[] {
  return SUBCOMMANDS.filter(
    (s) => editDistance(typed, s) <= 2 || s.startsWith(typed.toLowerCase()),
  );
}

function run(args: readonly string[], k: Kctx): CommandResult {
  // Global flags may come before the sub-command: `kubectl -n kube-system get pods`.
  const globals = valueFlags([]);
  const before: string[] = [];
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-') && args[i] !== '--') {
    const a = args[i]!;
    before.push(a);
    if (globals.has(a) && i + 1 < args.length) before.push(args[++i]!);
    i++;
  }
  const name = args[i];
  if (name === undefined) {
    if (before.some((a) => a === '-h' || a === '--help') || before.length === 0)
      return result(help());
    return failure(`error: unknown flag: ${before[0]}\nSee 'kubectl --help' for usage.\n`);
  }
  const sub = SUBS[name];
  if (!sub) {
    const found = suggestions(name);
    const guess = closest(name, SUBCOMMANDS);
    return failure(
      `error: unknown command "${name}" for "kubectl"` +
        (found.length > 0
          ? `\n\nDid you mean this?\n${found.map((s) => `\t${s}`).join('\n')}\n`
          : '\n'),
      1,
      guess ? [{ key: 'console.note.didYouMean', params: { suggestion: `kubectl ${guess}` } }] : [],
    );
  }
  // Only one cluster is reachable from this bastion.
  const ctxIdx = args.findIndex((a) => a === '--context' || a.startsWith('--context='));
  if (ctxIdx >= 0) {
    const a = args[ctxIdx]!;
    const wanted = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[ctxIdx + 1];
    if (wanted !== undefined && wanted !== CONTEXT)
      return failure(`error: context "${wanted}" does not exist\n`);
  }
  const rest = args.slice(i + 1);
  const dash = rest.indexOf('--');
  const flagsPart = dash < 0 ? rest : rest.slice(0, dash);
  if (flagsPart.includes('-h') || flagsPart.includes('--help'))
    return result(
      `${sub.summary}.\n\nUsage:\n  ${sub.usage} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`,
    );
  // Global flags go after the sub-command's own words, before any `--`.
  const merged =
    dash < 0 ? [...rest, ...before] : [...rest.slice(0, dash), ...before, ...rest.slice(dash)];
  return sub.run(merged, k);
}

export const KUBECTL_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'kubectl',
    usage: Object.values(SUBS)
      .slice(0, 10)
      .map((s) => s.usage),
    summaryKey: 'console.cmd.kubectl',
    complete: completeKubectl,
    run: (args, ctx) => run(args, makeCtx(ctx)),
  },
];
