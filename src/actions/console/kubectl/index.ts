/** The kubectl tools of the console. */
import type { CommandSpec } from '../types.ts';

export const KUBECTL_COMMANDS: readonly CommandSpec[] = [];
