/**
 * Command-line parsing the way kubectl's cobra/pflag does it: flags anywhere before `--`,
 * `--flag=value`, `--flag value`, `-n value`, `-nvalue`, combined short booleans (`-it`), and
 * pflag's exact error messages for unknown flags, missing values and bad numbers.
 */

export type FlagKind = 'bool' | 'string' | 'int';

export type FlagDef = {
  long: string;
  short?: string;
  kind: FlagKind;
};

export type ParsedArgs = {
  positionals: string[];
  /** Words after `--`, or null when there was no `--`. */
  dash: string[] | null;
  /** Values by long flag name, in the order given (booleans hold 'true' or 'false'). */
  flags: Map<string, string[]>;
};

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { long: 'namespace', short: 'n', kind: 'string' },
  { long: 'context', kind: 'string' },
  { long: 'cluster', kind: 'string' },
  { long: 'user', kind: 'string' },
  { long: 'kubeconfig', kind: 'string' },
  { long: 'request-timeout', kind: 'string' },
  { long: 'v', short: 'v', kind: 'int' },
  { long: 'help', short: 'h', kind: 'bool' },
];

const BOOL_VALUES: Record<string, string> = {
  '1': 'true',
  t: 'true',
  T: 'true',
  true: 'true',
  TRUE: 'true',
  True: 'true',
  '0': 'false',
  f: 'false',
  F: 'false',
  false: 'false',
  FALSE: 'false',
  False: 'false',
};

const flagLabel = (d: FlagDef): string => (d.short ? `-${d.short}, --${d.long}` : `--${d.long}`);

function checkValue(def: FlagDef, value: string): string | { error: string } {
  if (def.kind === 'bool') {
    const b = BOOL_VALUES[value];
    if (b === undefined)
      return {
        error: `invalid argument "${value}" for "${flagLabel(def)}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
      };
    return b;
  }
  if (def.kind === 'int' && !/^[+-]?\d+$/.test(value))
    return {
      error: `invalid argument "${value}" for "${flagLabel(def)}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`,
    };
  return value;
}

/** Parses `args` against the command's flags plus the global ones. */
export function parseArgs(args: readonly string[], defs: readonly FlagDef[]): ParseResult {
  const all = [...defs, ...GLOBAL_FLAGS];
  const byLong = new Map(all.map((d) => [d.long, d]));
  const byShort = new Map(all.filter((d) => d.short).map((d) => [d.short!, d]));
  const out: ParsedArgs = { positionals: [], dash: null, flags: new Map() };
  const set = (def: FlagDef, value: string): string | null => {
    const v = checkValue(def, value);
    if (typeof v !== 'string') return v.error;
    out.flags.set(def.long, [...(out.flags.get(def.long) ?? []), v]);
    return null;
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.dash = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byLong.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (def.kind === 'bool') value = 'true';
      else if (i + 1 < args.length) value = args[++i]!;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const err = set(def, value);
      if (err) return { ok: false, error: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: booleans combine; the first one that takes a value eats the rest.
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const def = byShort.get(c);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        if (def.kind === 'bool') {
          const err = a[k + 1] === '=' ? set(def, a.slice(k + 2)) : set(def, 'true');
          if (err) return { ok: false, error: err };
          if (a[k + 1] === '=') break;
          continue;
        }
        let value: string;
        if (k + 1 < a.length) value = a[k + 1] === '=' ? a.slice(k + 2) : a.slice(k + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
        const err = set(def, value);
        if (err) return { ok: false, error: err };
        break;
      }
      continue;
    }
    out.positionals.push(a);
  }
  return { ok: true, args: out };
}

/** The last value of a flag, or undefined. */
export const flag = (p: ParsedArgs, long: string): string | undefined => {
  const v = p.flags.get(long);
  return v === undefined ? undefined : v[v.length - 1];
};

export const hasFlag = (p: ParsedArgs, long: string): boolean => flag(p, long) === 'true';

/** Flags that take a value, for completion and for finding the sub-command among the words. */
export function valueFlags(defs: readonly FlagDef[]): Set<string> {
  const s = new Set<string>();
  for (const d of [...defs, ...GLOBAL_FLAGS]) {
    if (d.kind === 'bool') continue;
    s.add(`--${d.long}`);
    if (d.short) s.add(`-${d.short}`);
  }
  return s;
}

/** `--long` names of a command's own flags and `--namespace`, for completion. */
export function flagNames(defs: readonly FlagDef[]): string[] {
  return [...defs.map((d) => `--${d.long}`), '--namespace'];
}
