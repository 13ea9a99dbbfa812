/**
 * `kubectl exec [-it] POD -- COMMAND...`: runs the command in the pod's container through the
 * host tools (`runInContainer`); a binary the image lacks fails the way the OCI runtime reports
 * it, and a non-zero exit is announced like kubectl does.
 */
import { runInContainer } from '../host/index.ts';
import { POSTGRES_COMMANDS } from '../postgres/index.ts';
import type { CommandResult } from '../types.ts';
import { failure } from '../types.ts';
import type { FlagDef } from './args.ts';
import { flag, parseArgs } from './args.ts';
import type { Kctx } from './common.ts';
import { flagError, namespaceFlag, usageError } from './common.ts';
import { hex64 } from './ids.ts';
import { resolvePod } from './target.ts';

export const EXEC_FLAGS: readonly FlagDef[] = [
  { long: 'stdin', short: 'i', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'container', short: 'c', kind: 'string' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'pod-running-timeout', kind: 'string' },
];

export function runExec(args: readonly string[], k: Kctx): CommandResult {
  const parsed = parseArgs(args, EXEC_FLAGS);
  if (!parsed.ok) return flagError('exec', parsed.error);
  const p = parsed.args;
  const [ref] = p.positionals;
  if (ref === undefined)
    return usageError('exec', 'pod, type/name or --filename must be specified');
  if (p.dash === null && p.positionals.length > 1)
    return usageError(
      'exec',
      'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
    );
  const argv = p.dash ?? [];
  if (argv.length === 0)
    return usageError('exec', 'you must specify at least one command for the container');

  const c = k.cluster();
  const target = resolvePod(c, ref, namespaceFlag(p));
  if (!target.ok) return failure(target.error);
  const pod = target.pod;
  const container = flag(p, 'container') ?? pod.container.name;
  if (container !== pod.container.name)
    return failure(
      `Error from server (BadRequest): container ${container} is not valid for pod ${pod.name}\n`,
    );
  if (pod.state.kind !== 'running' || pod.terminating)
    return failure(`error: unable to upgrade connection: container not found ("${container}")\n`);

  // The database pod has psql, talking to its own server over the local socket.
  const psql = POSTGRES_COMMANDS.find((c) => c.name === 'psql');
  const r =
    argv[0] === 'psql' && pod.name === 'pg-primary-0' && psql
      ? psql.run(argv.slice(1), k.cmd)
      : runInContainer(pod.name, argv, k.cmd);
  if (r === null) {
    const execId = hex64(`${pod.uid}/${k.cmd.history.length}/${argv.join(' ')}`);
    return failure(
      `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
      126,
    );
  }
  if (r.exit === 0) return r;
  return { ...r, out: `${r.out}command terminated with exit code ${r.exit}\n` };
}
