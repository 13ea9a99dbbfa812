/**
 * Faults on the command line: `kind[@start][:param=value,...]`, for example
 * `planRegression@5m:share=0.1,query=search_products` or `trafficSurge:endpoints=page|products`.
 * Values are numbers, `true`/`false`, lists separated by `|`, or strings.
 */
import type { FaultKind, FaultSpec } from '../sim/index.ts';
import { FAULT_DEFAULTS, FAULT_KINDS, makeFault, parseDuration } from '../sim/index.ts';
import { closest } from '../shared/suggest.ts';
import { UsageError } from './args.ts';

export type FaultArg = { at: number; fault: FaultSpec };

function parseValue(raw: string, example: unknown): unknown {
  if (Array.isArray(example) || raw.includes('|')) return raw.split('|').filter((x) => x !== '');
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (typeof example === 'number') {
    const dur = /[a-z]$/i.test(raw) ? parseDuration(raw) : null;
    const n = dur ?? Number(raw);
    if (!Number.isFinite(n)) throw new UsageError(`expected a number, got "${raw}"`);
    return n;
  }
  return raw;
}

export function parseFaultArg(text: string): FaultArg {
  const m = /^([A-Za-z]+)(?:@([0-9a-z.]+))?(?::(.*))?$/.exec(text.trim());
  if (!m)
    throw new UsageError(`cannot read fault "${text}": expected kind[@start][:param=value,...]`);
  const kind = m[1]!;
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    const guess = closest(kind, FAULT_KINDS);
    throw new UsageError(
      `unknown fault "${kind}"${guess ? ` (did you mean "${guess}"?)` : ''}; known faults: ${FAULT_KINDS.join(', ')}`,
    );
  }
  const k = kind as FaultKind;
  const at = m[2] === undefined ? 0 : parseDuration(m[2]);
  if (at === null)
    throw new UsageError(`bad start time "${m[2]}" in fault "${text}" (write 90s, 5m, 1h)`);
  const defaults = FAULT_DEFAULTS[k] as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  if (m[3]) {
    for (const pair of m[3].split(',')) {
      const [key, value] = pair.split('=', 2) as [string, string | undefined];
      const known = [...Object.keys(defaults), 'version', 'flag'];
      if (!known.includes(key)) {
        const guess = closest(key, known);
        throw new UsageError(
          `fault ${kind} has no parameter "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}; parameters: ${known.join(', ')}`,
        );
      }
      if (value === undefined)
        throw new UsageError(`parameter "${key}" of fault ${kind} needs a value`);
      try {
        params[key] = parseValue(value, defaults[key]);
      } catch (e) {
        throw new UsageError(`parameter "${key}" of fault ${kind}: ${(e as Error).message}`);
      }
    }
  }
  return {
    at,
    fault: makeFault(k, params as Partial<Omit<Extract<FaultSpec, { kind: typeof k }>, 'kind'>>),
  };
}
