/**
 * Commands that read a host: `top`, `free`, `df`, `ss`, and the files SREs cat inside containers.
 * On the bastion they describe the bastion; `kubectl exec <pod> -- <command>` runs them in a
 * container through `runInContainer`.
 */
import { runNslookup } from '../network/nslookup.ts';
import { runRedisCli } from '../network/redis-cli.ts';
import type { CommandContext, CommandResult, CommandSpec, ConsoleView } from '../types.ts';
import { result } from '../types.ts';
import type { Machine } from './machine.ts';
import { bastion, podMachine } from './machines.ts';
import { cat, df, duTool, env, free, ps, ss, top, uptime } from './tools.ts';

export { bastion, podMachine } from './machines.ts';
export type { Machine } from './machine.ts';

/** A file of the bastion (for `cat`, which the filters own): null when there is no such file. */
export function bastionFile(view: ConsoleView, path: string): string | null {
  return bastion(view).files[path] ?? null;
}

export const HOST_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'top',
    usage: ['top [-b] [-n 1] [-c]'],
    summaryKey: 'console.cmd.top',
    complete: () => ['-b', '-n', '1', '-c'],
    // Without a terminal to redraw, interactive top shows one batch frame.
    run: (args, ctx) => top(ctx.view, bastion(ctx.view), args),
  },
  {
    name: 'free',
    usage: ['free [-m|-h|-g] [-t] [-w]'],
    summaryKey: 'console.cmd.free',
    complete: () => ['-m', '-h', '-g', '-t', '-w'],
    run: (args, ctx) => free(bastion(ctx.view), args),
  },
  {
    name: 'df',
    usage: ['df [-h] [-T] [PATH...]'],
    summaryKey: 'console.cmd.df',
    complete: () => ['-h', '-T', '/'],
    run: (args, ctx) => df(bastion(ctx.view), args),
  },
  {
    name: 'ss',
    usage: ['ss -s'],
    summaryKey: 'console.cmd.ss',
    complete: () => ['-s'],
    run: (args, ctx) => ss(bastion(ctx.view), args),
  },
];

/** `sh -c "cmd args"`: the shells of the images split the one argument into words. */
function unwrapShell(argv: readonly string[]): readonly string[] | 'interactive' | null {
  const [cmd, flag, script] = argv;
  const name = cmd?.split('/').pop();
  if (name !== 'sh' && name !== 'bash' && name !== 'ash') return null;
  if (flag === undefined) return 'interactive';
  if (flag !== '-c' || script === undefined) return null;
  return script.trim().split(/\s+/).filter(Boolean);
}

function dispatch(m: Machine, argv: readonly string[], ctx: CommandContext): CommandResult | null {
  const [cmd, ...args] = argv;
  const name = cmd?.split('/').pop();
  if (name === undefined || !m.tools.has(name)) return null;
  const view = ctx.view;
  switch (name) {
    case 'top':
      return top(view, m, args);
    case 'free':
      return free(m, args);
    case 'df':
      return df(m, args);
    case 'du':
      return duTool(m, args);
    case 'ss':
      return ss(m, args);
    case 'ps':
      return ps(view, m, args);
    case 'cat':
      return cat(m, args);
    case 'env':
      return env(m, args, false);
    case 'printenv':
      return env(m, args, true);
    case 'hostname':
      return result(`${m.hostname}\n`);
    case 'uptime':
      return uptime(view, m);
    case 'nslookup':
      return runNslookup(view.state, args, { conf: m.resolver, flavour: 'busybox' });
    case 'redis-cli':
      return runRedisCli(view, args, { local: true, conf: m.resolver });
    default:
      return null;
  }
}

/**
 * Runs `argv` inside the container of `pod` (an API, web or CoreDNS pod, or a database or cache
 * pod such as `pg-primary-0`). Returns null when the container has no such command, so kubectl
 * can print the runtime's `executable file not found` error.
 */
export function runInContainer(
  pod: string,
  argv: readonly string[],
  ctx: CommandContext,
): CommandResult | null {
  const m = podMachine(ctx.view, pod);
  if (!m) return null;
  const shell = unwrapShell(argv);
  if (shell === 'interactive') {
    if (!m.tools.has('cat')) return null;
    return result('', {
      notes: [
        {
          key: 'console.note.unsupportedFlag',
          params: { command: 'kubectl exec', flag: 'an interactive shell' },
        },
      ],
    });
  }
  if (shell !== null) {
    if (!m.tools.has('cat')) return null;
    return dispatch(m, shell, ctx) ?? result(`sh: ${shell[0] ?? ''}: not found\n`, { exit: 127 });
  }
  return dispatch(m, argv, ctx);
}
