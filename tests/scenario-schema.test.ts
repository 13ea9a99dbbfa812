import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/scenario/json-schema.ts';

describe('the JSON Schema for editors', () => {
  it('is committed up to date (regenerate with: npm run -s drill -- schema > scenarios/scenario.schema.json)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('describes the required top-level fields', () => {
    const schema = scenarioJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'title', 'machine', 'answerKey', 'seed']),
    );
  });
});
