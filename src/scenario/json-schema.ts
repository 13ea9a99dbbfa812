/**
 * A JSON Schema of the scenario format, generated from the zod schema, so editors can complete
 * and check scenario files (`# yaml-language-server: $schema=./scenario.schema.json`). The
 * vocabulary's params are part of the check the loader does, not of this schema.
 */
import './zod-setup.ts';
import { z } from 'zod';
import { Scenario } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }),
    title: 'On-Call Drill scenario',
    description: 'A scenario file for On-Call Drill; see docs/scenario-format.md.',
  };
}
