/** Every command the console knows, by name. */
import { BUILTIN_COMMANDS } from './builtins.ts';
import { FILTER_COMMANDS } from './filters.ts';
import { HOST_COMMANDS } from './host/index.ts';
import { KUBECTL_COMMANDS } from './kubectl/index.ts';
import { NETWORK_COMMANDS } from './network/index.ts';
import { POSTGRES_COMMANDS } from './postgres/index.ts';
import type { CommandSpec } from './types.ts';

export const COMMANDS: readonly CommandSpec[] = [
  ...KUBECTL_COMMANDS,
  ...POSTGRES_COMMANDS,
  ...NETWORK_COMMANDS,
  ...HOST_COMMANDS,
  ...FILTER_COMMANDS,
  ...BUILTIN_COMMANDS,
];

const byName = new Map(COMMANDS.map((c) => [c.name, c]));

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

export function findCommand(name: string): CommandSpec | undefined {
  return byName.get(name);
}
