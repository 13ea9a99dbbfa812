/** The postgres tools of the console. */
import type { CommandSpec } from '../types.ts';

export const POSTGRES_COMMANDS: readonly CommandSpec[] = [];
