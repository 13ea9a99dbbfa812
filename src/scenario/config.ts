/**
 * A scenario's system: the preset with the file's overrides applied. Overrides are a partial
 * copy of the config's shape (`{ api: { replicas: 8 } }`); a key the config does not have is an
 * error with the closest valid key, so a typo cannot silently do nothing.
 */
import { defaultConfig } from '../sim/index.ts';
import type { SystemConfig } from '../sim/index.ts';
import { closest } from '../shared/suggest.ts';
import type { ScenarioError } from './load.ts';
import { formatPath } from './load.ts';
import type { ScenarioFile } from './schema.ts';

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Problems with the overrides: unknown keys, or a value of another type than the preset's. */
export function checkOverrides(file: string, overrides: Tree | undefined): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const walk = (base: unknown, over: Tree, path: string[]): void => {
    if (!isTree(base)) return;
    for (const [key, value] of Object.entries(over)) {
      const p = [...path, key];
      if (!(key in base)) {
        const s = closest(key, Object.keys(base));
        errors.push({
          file,
          path: formatPath(p),
          message: 'the system config has no such setting',
          ...(s ? { suggestion: s } : {}),
        });
        continue;
      }
      const current = base[key];
      if (isTree(current)) {
        if (isTree(value)) walk(current, value, p);
        else errors.push({ file, path: formatPath(p), message: 'expected a group of settings' });
      } else if (
        typeof current !== typeof value ||
        Array.isArray(current) !== Array.isArray(value)
      ) {
        errors.push({
          file,
          path: formatPath(p),
          message: `expected a ${Array.isArray(current) ? 'list' : typeof current}`,
        });
      }
    }
  };
  if (overrides) walk(defaultConfig(), overrides, ['system', 'overrides']);
  return errors;
}

/** The preset with the overrides merged in (the file has been checked). */
export function configFor(scenario: ScenarioFile): SystemConfig {
  const merge = (base: Tree, over: Tree): Tree => {
    const out: Tree = { ...base };
    for (const [k, v] of Object.entries(over))
      out[k] = isTree(v) && isTree(base[k]) ? merge(base[k] as Tree, v) : v;
    return out;
  };
  const base = defaultConfig();
  const overrides = scenario.system.overrides as Tree | undefined;
  const config = (overrides
    ? merge(base as unknown as Tree, overrides)
    : base) as unknown as SystemConfig;
  if (scenario.slos) {
    config.slo = {
      ...config.slo,
      availabilityTarget: scenario.slos.availability,
      latencyTarget: scenario.slos.latencyTarget,
      latencyThresholdMs: scenario.slos.latencyMs,
    };
  }
  return config;
}
