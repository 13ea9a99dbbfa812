/**
 * What every kubectl sub-command shares: its context (the view and a lazily built cluster),
 * kubectl's two kinds of usage errors, the namespace flags, and the inspect action a read-only
 * command reports.
 */
import type { InspectTarget } from '../../../scenario/vocabulary.ts';
import type { LeverAction, PlayerAction } from '../../vocabulary.ts';
import type { CommandContext, CommandResult, ConsoleView, Note } from '../types.ts';
import { failure } from '../types.ts';
import type { ParsedArgs } from './args.ts';
import { flag, hasFlag } from './args.ts';
import { clusterOf } from './cluster.ts';
import type { Cluster } from './model.ts';

export const DEFAULT_NAMESPACE = 'prod';

export type Kctx = {
  view: ConsoleView;
  cmd: CommandContext;
  /** Built on first use: a pure error path never pays for it. */
  cluster: () => Cluster;
};

export function makeCtx(cmd: CommandContext): Kctx {
  let cached: Cluster | null = null;
  return {
    view: cmd.view,
    cmd,
    cluster: () => (cached ??= clusterOf(cmd.view)),
  };
}

/** A flag pflag rejected: `error: unknown flag: --foo` and where to look. */
export const flagError = (sub: string, error: string): CommandResult =>
  failure(`error: ${error}\nSee 'kubectl ${sub} --help' for usage.\n`);

/** cobra's UsageErrorf: the message and the `-h` hint. */
export const usageError = (sub: string, message: string): CommandResult =>
  failure(`error: ${message}\nSee 'kubectl ${sub} -h' for help and examples\n`);

export const namespaceFlag = (p: ParsedArgs): string => flag(p, 'namespace') ?? DEFAULT_NAMESPACE;

export const allNamespaces = (p: ParsedArgs): boolean => hasFlag(p, 'all-namespaces');

export function inspect(target: InspectTarget, subject?: string): PlayerAction {
  return subject === undefined ? { type: 'inspect', target } : { type: 'inspect', target, subject };
}

/** Advice that a flag is accepted but not simulated (`--watch`, `--follow`). */
export const unsupported = (command: string, flagName: string): Note => ({
  key: 'console.note.unsupportedFlag',
  params: { command, flag: flagName },
});

/** `No resources found in prod namespace.` (or cluster-wide). */
export const noResources = (namespace: string | null): string =>
  namespace === null ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;

/**
 * The Postgres restart lever. `Variant<'restartPostgres'>` intersects with zod's
 * `Record<string, never>` for an empty object schema, which no literal satisfies: hence the cast.
 */
export const RESTART_POSTGRES: LeverAction = { type: 'restartPostgres' };
