/** The host tools of the console. */
import type { CommandSpec } from '../types.ts';

export const HOST_COMMANDS: readonly CommandSpec[] = [];
