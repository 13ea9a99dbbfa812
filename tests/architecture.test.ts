/**
 * Enforces the layer rules of docs/architecture.md: which folder of src/ may import which, which
 * npm packages each layer may use, and that the deterministic layers never read the wall clock or
 * an unseeded random source. It reads the source text, so it fails before a bad import ships.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SRC = join(ROOT, 'src');

type Layer =
  | 'shared'
  | 'sim'
  | 'scenario'
  | 'actions'
  | 'session'
  | 'store'
  | 'i18n'
  | 'ui'
  | 'scenes'
  | 'postmortem'
  | 'interview'
  | 'link'
  | 'cli'
  | 'main';

/** Internal layers each layer may import (itself always allowed). Keep in step with docs/architecture.md. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  shared: [],
  sim: ['shared'],
  scenario: ['sim', 'shared'],
  actions: ['sim', 'scenario', 'shared'],
  session: ['sim', 'scenario', 'actions', 'shared'],
  postmortem: ['sim', 'scenario', 'session', 'shared', 'i18n'],
  interview: ['sim', 'scenario', 'actions', 'session', 'postmortem', 'shared', 'i18n'],
  link: ['scenario', 'session', 'shared'],
  store: ['session', 'shared'],
  i18n: ['shared'],
  ui: ['store', 'i18n', 'shared', 'postmortem', 'interview'],
  scenes: ['store', 'shared'],
  cli: ['sim', 'scenario', 'actions', 'session', 'postmortem', 'shared', 'i18n'],
  main: [
    'sim',
    'scenario',
    'actions',
    'session',
    'store',
    'i18n',
    'ui',
    'scenes',
    'postmortem',
    'interview',
    'link',
    'shared',
  ],
};

/** Layers whose code must replay byte for byte: no wall clock, no unseeded randomness, no DOM. */
const DETERMINISTIC: readonly Layer[] = [
  'sim',
  'scenario',
  'actions',
  'session',
  'postmortem',
  'interview',
];

/** npm packages (and node: builtins) each layer may import. */
const PACKAGES: Record<Layer, readonly string[]> = {
  shared: [],
  sim: [],
  scenario: ['xstate', 'zod', 'yaml'],
  actions: ['zod'],
  session: ['xstate'],
  postmortem: [],
  interview: [],
  link: [],
  store: ['zustand'],
  i18n: [],
  ui: ['uplot', '@tanstack/virtual-core'],
  scenes: ['phaser'],
  cli: ['node:'],
  main: [],
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|mts|js)$/.test(name) ? [path] : [];
  });
}

function layerOf(file: string): Layer {
  const rel = relative(SRC, file).split(sep);
  if (rel.length === 1) return 'main';
  const layer = rel[0] as Layer;
  if (!(layer in ALLOWED))
    throw new Error(
      `${relative(ROOT, file)} is in an unknown layer "${rel[0]}": add it to docs/architecture.md and this test`,
    );
  return layer;
}

/** Module specifiers of static imports, re-exports and dynamic imports (comments stripped). */
export function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const code = stripComments(source);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const re =
    /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of code.matchAll(re)) {
    if (m[4] !== undefined) out.push({ spec: m[4], typeOnly: false });
    else if (m[3] !== undefined && !(m[1] === 'export' && !/from/.test(m[0])))
      out.push({ spec: m[3], typeOnly: m[2] !== undefined });
  }
  return out;
}

export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = walk(SRC);

describe('layer boundaries (docs/architecture.md)', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const layer = layerOf(file);
    const source = readFileSync(file, 'utf8');
    it(`${relative(ROOT, file)} imports only what the ${layer} layer may`, () => {
      const problems: string[] = [];
      for (const { spec } of importsOf(source)) {
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (!target.startsWith(SRC + sep)) {
            problems.push(`${spec}: reaches outside src/`);
            continue;
          }
          const targetLayer = layerOf(target);
          if (targetLayer !== layer && !ALLOWED[layer].includes(targetLayer))
            problems.push(`${spec}: ${layer} may not import ${targetLayer}`);
        } else {
          const allowed = PACKAGES[layer].some((p) =>
            p.endsWith(':') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`),
          );
          if (!allowed)
            problems.push(
              `${spec}: package not allowed in ${layer} (allowed: ${PACKAGES[layer].join(', ') || 'none'})`,
            );
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('determinism of the replayable layers', () => {
  const banned: [RegExp, string][] = [
    [/\bMath\.random\b/, 'Math.random'],
    [/\bDate\.now\b/, 'Date.now'],
    [/\bperformance\.now\b/, 'performance.now'],
    [/\bnew\s+Date\s*\(/, 'new Date('],
    [/\b(window|document|localStorage|requestAnimationFrame)\b/, 'a browser global'],
    [/\bsetTimeout|setInterval\b/, 'a wall-clock timer'],
  ];
  for (const file of files.filter((f) => DETERMINISTIC.includes(layerOf(f)))) {
    it(`${relative(ROOT, file)} uses no wall clock, unseeded randomness or DOM`, () => {
      const code = stripComments(readFileSync(file, 'utf8')).replace(
        /(['"`])(?:\\.|(?!\1).)*\1/g,
        '""',
      );
      const found = banned.filter(([re]) => re.test(code)).map(([, name]) => name);
      expect(found).toEqual([]);
    });
  }
});

describe('the repository stands alone', () => {
  it('no project file reads the workplace folders outside the repository', () => {
    const projectFiles = [
      ...walk(SRC),
      ...walk(join(ROOT, 'tests')),
      ...walk(join(ROOT, 'bench')),
      join(ROOT, 'vite.config.ts'),
      join(ROOT, 'package.json'),
    ];
    const offenders = projectFiles.filter(
      (f) =>
        /(\.\.\/)+shared\/(reference|DESIGN)|\/work\/shared|\.library/.test(
          readFileSync(f, 'utf8'),
        ) && !f.endsWith('architecture.test.ts'),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('sees static, type-only, re-export and dynamic imports', () => {
    const found = importsOf(
      `import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nconst d = await import('./d.ts');\n// import x from './commented.ts';`,
    );
    expect(found).toEqual([
      { spec: './a.ts', typeOnly: false },
      { spec: '../b.ts', typeOnly: true },
      { spec: './c.ts', typeOnly: false },
      { spec: './d.ts', typeOnly: false },
    ]);
  });
});
