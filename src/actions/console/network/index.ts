/** The network tools of the console. */
import type { CommandSpec } from '../types.ts';

export const NETWORK_COMMANDS: readonly CommandSpec[] = [];
