/**
 * Commands that read a host: `top`, `free`, `df`, `ss`, and the files SREs cat inside containers.
 * On the bastion they describe the bastion; `kubectl exec <pod> -- <command>` runs them in a
 * container through `runInContainer`.
 */
import type { CommandContext, CommandResult, CommandSpec } from '../types.ts';

export const HOST_COMMANDS: readonly CommandSpec[] = [];

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
  void pod;
  void argv;
  void ctx;
  return null;
}
