/**
 * The scenario file format: metadata, the story as an xstate machine config in plain data, and
 * the answer key. Every effect's and guard's params are checked against the vocabulary.
 */
import './zod-setup.ts';
import { z } from 'zod';
import { SIM_ACTION_TYPES } from '../sim/index.ts';
import { Duration, METRIC_KEYS } from './vocabulary.ts';

const Effect = z.strictObject({ type: z.string(), params: z.unknown().optional() });
const GuardRef = z.strictObject({ type: z.string(), params: z.unknown().optional() });

const Transition = z.strictObject({
  target: z.string().optional(),
  guard: GuardRef.optional(),
  actions: z.array(Effect).optional(),
  description: z.string().optional(),
});
const Transitions = z.union([z.string(), Transition, z.array(Transition)]);

export type StateNodeConfig = {
  type?: 'final' | undefined;
  description?: string | undefined;
  entry?: z.infer<typeof Effect>[] | undefined;
  exit?: z.infer<typeof Effect>[] | undefined;
  on?: Record<string, z.infer<typeof Transitions>> | undefined;
  after?: Record<string, z.infer<typeof Transitions>> | undefined;
  always?: z.infer<typeof Transitions> | undefined;
};

export const StateNode: z.ZodType<StateNodeConfig> = z.strictObject({
  type: z.literal('final').optional(),
  description: z.string().optional(),
  entry: z.array(Effect).optional(),
  exit: z.array(Effect).optional(),
  on: z.record(z.string(), Transitions).optional(),
  after: z.record(z.string(), Transitions).optional(),
  always: Transitions.optional(),
});

export const Machine = z.strictObject({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'a camelCase id'),
  initial: z.string(),
  states: z.record(z.string(), StateNode),
});

const TimedAction = z.strictObject({
  at: Duration,
  action: z.enum(SIM_ACTION_TYPES),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by dashes'),
  version: z.number().int().positive(),
  title: z.string().min(1),
  /** For authors and instructors: what happens, cause included. Never shown before play. */
  summary: z.string().min(1),
  /** What the library shows a player: the symptoms, never the cause. */
  teaser: z.string().min(1).optional(),
  difficulty: z.enum(['intro', 'intermediate', 'advanced']),
  tags: z.array(z.string().min(1)),
  estimatedMinutes: z.number().int().positive(),
  briefing: z.strictObject({
    role: z.string().min(1),
    situation: z.string().min(1),
    normal: z.string().optional(),
  }),
  system: z.strictObject({
    preset: z.literal('standard'),
    overrides: z.record(z.string(), z.unknown()).optional(),
  }),
  slos: z
    .strictObject({
      availability: z.number().gt(0).lt(1),
      latencyMs: z.number().positive(),
      latencyTarget: z.number().gt(0).lt(1),
    })
    .optional(),
  seed: z.number().int().nonnegative(),
  /**
   * Seeded variation: the seed picks one entry (seed modulo the count), whose values replace
   * `{{name}}` placeholders anywhere in the file. Every variant is checked and must be solvable.
   */
  variants: z
    .array(z.record(z.string(), z.union([z.string(), z.number()])))
    .min(1)
    .optional(),
  /**
   * Runbooks and notes of this scenario, shown beside the standard ones; one with the id of a
   * standard runbook (`runbooks/db-pool.md`) replaces it. `body` is Markdown.
   */
  runbooks: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.md$/,
            'a path such as "runbooks/db-pool.md"',
          ),
        title: z.string().min(1).max(200),
        body: z.string().min(1).max(100_000),
      }),
    )
    .refine((list) => new Set(list.map((r) => r.id)).size === list.length, {
      message: 'runbook ids must be unique',
    })
    .optional(),
  machine: Machine,
  answerKey: z.strictObject({
    rootCause: z.string().min(1),
    trigger: z.string().min(1),
    contributingFactors: z.array(z.string().min(1)),
    /**
     * How to tell a player's recorded hypothesis names the cause: it does when it contains every
     * word of one group (case-insensitive). Without it, only the story's `diagnosed` milestone counts.
     */
    hypothesisKeywords: z
      .array(z.array(z.string().min(1)).min(1))
      .min(1)
      .optional(),
    redHerrings: z
      .array(z.strictObject({ signal: z.string().min(1), why: z.string().min(1) }))
      .min(1),
    solution: z.array(TimedAction).min(1),
    wrongFixes: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          actions: z.array(TimedAction).min(1),
          /** What goes wrong, and a metric whose peak after the fix shows it. */
          harm: z.strictObject({
            description: z.string().min(1),
            metric: z.enum(METRIC_KEYS as [string, ...string[]]),
            peakAbove: z.number(),
          }),
        }),
      )
      .min(1),
    actionItems: z.array(
      z.strictObject({
        text: z.string().min(1),
        type: z.enum(['mitigate', 'prevent', 'detect', 'process']),
        ownerRole: z.string().min(1),
        priority: z.enum(['P1', 'P2', 'P3']),
      }),
    ),
    /**
     * Questions for a class or a debrief. A plain string is for the end; `{ stage, text }` comes up
     * when the story enters that state of the machine (the classroom's projector shows it).
     */
    discussionPrompts: z.array(
      z.union([
        z.string().min(1),
        z.strictObject({ stage: z.string().min(1), text: z.string().min(1) }),
      ]),
    ),
    hints: z.array(
      z.strictObject({
        level: z.number().int().min(1).max(3),
        text: z.string().min(1),
        after: Duration.optional(),
      }),
    ),
  }),
});

export type ScenarioFile = z.infer<typeof Scenario>;
