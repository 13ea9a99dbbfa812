/** A small, strict command-line parser: `--name value`, `--flag`, and positional arguments. */
import { closest } from '../shared/suggest.ts';

export type ParsedArgs = {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
};

export class UsageError extends Error {}

export function parseArgs(
  argv: readonly string[],
  spec: { options: readonly string[]; flags: readonly string[] },
): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags.includes(name)) {
      out.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      out.options.set(name, [...(out.options.get(name) ?? []), value]);
    } else {
      const guess = closest(name, [...spec.options, ...spec.flags]);
      throw new UsageError(`unknown option --${name}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
  }
  return out;
}

export function intOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name)?.at(-1);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !Number.isInteger(n))
    throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return n;
}

export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name)?.at(-1);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  return n;
}
