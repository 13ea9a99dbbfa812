/**
 * `npm run bench`: speed and memory figures of the simulation, printed and written to
 * bench-results.json. Run with --expose-gc (the npm script does) so heap figures are measured
 * after a full collection.
 *
 *   simSpeedX           simulated seconds per wall-clock second, full model with three faults
 *                       active, metrics and logs recorded (goal >= 20,000)
 *   heapGrowth6hOver1h  heap after six simulated hours / heap after one (goal <= 1.2)
 *   consoleP95Ms        95th percentile time to answer a console line, over the commands players
 *                       type most, one hour into a loaded run (goal <= 16: answered within a frame)
 *   logFilter100kMs     median time of a typical log explorer query over >= 100,000 held lines,
 *                       end to end as the panel runs it: parse, then every 512-line chunk
 *                       (goal <= 16); logFilterFirstMs the first query on a new source (it
 *                       also indexes every held line's shape); logTextSearch100kMs the same as
 *                       logFilter100kMs for a bare-text search; logChunkMaxMs the slowest chunk
 *   debriefReadyMs      from the end of an incident to its debrief: the reference solution
 *                       played on the same seed, the postmortem built and written as Markdown,
 *                       for the pool-exhaustion flagship (goal <= 1000); its parts are
 *                       referencePathMs, postmortemBuildMs and postmortemMarkdownMs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as Workload from './workload.ts';

const outfile = new URL('../node_modules/.cache/bench/workload.mjs', import.meta.url).pathname;
mkdirSync(new URL('../node_modules/.cache/bench/', import.meta.url).pathname, { recursive: true });
await build({
  entryPoints: [new URL('./workload.ts', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  platform: 'node',
  // npm packages load as they are (some CommonJS ones cannot be bundled into ESM).
  packages: 'external',
  target: 'es2022',
  outfile,
  logLevel: 'warning',
});
const {
  buildPostmortem,
  loadScenario,
  playForPostmortem,
  postmortemMarkdown,
  referencePath,
  variantFor,
  CONSOLE_LINES,
  createLogSource,
  execute,
  HOUR,
  initialConsoleState,
  LOG_QUERIES,
  MINUTE,
  loadedRun,
  parseLogQuery,
  searchChunks,
} = (await import(pathToFileURL(outfile).href)) as typeof Workload;

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;

/** JS heap plus typed-array memory (ring buffers live outside the JS heap). */
function heapMiB(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

function measureSpeed(): { simSpeedX: number; stepMicros: number } {
  const warm = loadedRun(11);
  warm.advance(10 * MINUTE);
  const run = loadedRun(12);
  run.advance(5 * MINUTE);
  const simulatedMs = 2 * HOUR;
  const start = performance.now();
  run.advance(simulatedMs);
  const wallMs = performance.now() - start;
  return {
    simSpeedX: Math.round(simulatedMs / wallMs),
    stepMicros: Number(((wallMs * 1000) / (simulatedMs / 1000)).toFixed(2)),
  };
}

function measureHeap(): {
  heapAfter1hMiB: number;
  heapAfter6hMiB: number;
  heapGrowth6hOver1h: number;
} {
  const run = loadedRun(13);
  run.advance(HOUR);
  const h1 = heapMiB();
  run.advance(5 * HOUR);
  const h6 = heapMiB();
  return {
    heapAfter1hMiB: Number(h1.toFixed(1)),
    heapAfter6hMiB: Number(h6.toFixed(1)),
    heapGrowth6hOver1h: Number((h6 / h1).toFixed(3)),
  };
}

function measureConsole(): { consoleP95Ms: number; consoleSlowest: string } {
  const run = loadedRun(14);
  run.advance(HOUR);
  const view = { state: run.state, recorder: run.recorder };
  const samples: number[] = [];
  let slowest = { line: '', ms: 0 };
  for (let round = 0; round < 12; round++)
    for (const line of CONSOLE_LINES) {
      const start = performance.now();
      execute(initialConsoleState(), line, view);
      const ms = performance.now() - start;
      // The first rounds warm the JIT up; only later ones count.
      if (round < 2) continue;
      samples.push(ms);
      if (ms > slowest.ms) slowest = { line, ms };
    }
  samples.sort((a, b) => a - b);
  return {
    consoleP95Ms: Number(samples[Math.floor(samples.length * 0.95)]!.toFixed(2)),
    consoleSlowest: `${slowest.line} (${slowest.ms.toFixed(1)} ms)`,
  };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measureLogFilter(): {
  logLines: number;
  logFilter100kMs: number;
  logFilterFirstMs: number;
  logFilterMatches: number;
  logTextSearch100kMs: number;
  logChunkMaxMs: number;
} {
  const run = loadedRun(15);
  while (run.recorder.logs.size < 100_000) run.advance(10 * MINUTE);
  const store = run.recorder.logs;
  const start = run.state.config.startEpochMs;
  let source = createLogSource(store, start);
  /** What the panel does for a new query: parse, then search every chunk (without yielding). */
  const search = (text: string): number => {
    const parsed = parseLogQuery(text, { labels: source.labels });
    if (!parsed.ok) throw new Error(`bench query does not parse: ${text}`);
    const end = source.firstSeq + source.size;
    const { found } = searchChunks(source, parsed.query, source.firstSeq, end, () => false);
    return found.reduce((n, f) => n + f.length, 0);
  };
  // The first query on a new source, with the JIT already warm from another source.
  search(LOG_QUERIES.typical);
  source = createLogSource(store, start);
  const firstStart = performance.now();
  search(LOG_QUERIES.typical);
  const logFilterFirstMs = Number((performance.now() - firstStart).toFixed(2));
  const time = (text: string): { ms: number; matches: number } => {
    const samples: number[] = [];
    let matches = 0;
    for (let i = 0; i < 9; i++) {
      const begin = performance.now();
      matches = search(text);
      // The first two runs warm the JIT up.
      if (i >= 2) samples.push(performance.now() - begin);
    }
    return { ms: Number(median(samples).toFixed(2)), matches };
  };
  const typical = time(LOG_QUERIES.typical);
  const bare = time(LOG_QUERIES.bareText);
  // The explorer yields to the browser after 8 ms: a frame's worst case is 8 ms plus a chunk.
  const parsed = parseLogQuery(LOG_QUERIES.bareText);
  let chunkMax = 0;
  if (parsed.ok)
    for (let from = source.firstSeq; from < source.firstSeq + source.size; from += 512) {
      const begin = performance.now();
      source.search(parsed.query, { fromSeq: from, toSeq: from + 512 });
      chunkMax = Math.max(chunkMax, performance.now() - begin);
    }
  return {
    logLines: source.size,
    logFilter100kMs: typical.ms,
    logFilterFirstMs,
    logFilterMatches: typical.matches,
    logTextSearch100kMs: bare.ms,
    logChunkMaxMs: Number(chunkMax.toFixed(2)),
  };
}

function measureDebrief(): {
  debriefReadyMs: number;
  referencePathMs: number;
  postmortemBuildMs: number;
  postmortemMarkdownMs: number;
} {
  const file = new URL('../scenarios/pool-exhaustion-leak.yaml', import.meta.url).pathname;
  const loaded = loadScenario(file, readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error('the pool-exhaustion flagship does not load');
  const seed = loaded.scenario.seed;
  const scenario = variantFor(loaded, seed);
  const session = playForPostmortem(scenario, seed, scenario.answerKey.solution);
  const reference: number[] = [];
  const built: number[] = [];
  const written: number[] = [];
  // The first round warms the JIT up; the median of the rest counts.
  for (let round = 0; round < 4; round++) {
    let start = performance.now();
    const path = referencePath(scenario, seed);
    reference.push(performance.now() - start);
    start = performance.now();
    const postmortem = buildPostmortem(session, { mode: 'bench', reference: path });
    built.push(performance.now() - start);
    start = performance.now();
    postmortemMarkdown(postmortem);
    written.push(performance.now() - start);
  }
  const ms = (xs: number[]): number => Number(median(xs.slice(1)).toFixed(1));
  return {
    debriefReadyMs: Number((ms(reference) + ms(built) + ms(written)).toFixed(1)),
    referencePathMs: ms(reference),
    postmortemBuildMs: ms(built),
    postmortemMarkdownMs: ms(written),
  };
}

/** `--only logs` runs just the log figures (the full bench takes minutes). */
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
if (only === 'debrief') {
  for (const [k, v] of Object.entries(measureDebrief()))
    process.stdout.write(`${k.padEnd(20)} ${String(v)}\n`);
  process.exit(0);
}
if (only === 'logs') {
  for (const [k, v] of Object.entries(measureLogFilter()))
    process.stdout.write(`${k.padEnd(20)} ${String(v)}\n`);
  process.exit(0);
}

if (!gc)
  process.stderr.write('bench: run with node --expose-gc for heap figures after collection\n');
const speed = measureSpeed();
const heap = measureHeap();
const consoleFigures = measureConsole();
const logFigures = measureLogFilter();
const debriefFigures = measureDebrief();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  ...speed,
  ...heap,
  ...consoleFigures,
  ...logFigures,
  ...debriefFigures,
  goals: {
    simSpeedX: '>= 20000',
    heapGrowth6hOver1h: '<= 1.2',
    consoleP95Ms: '<= 16',
    logFilter100kMs: '<= 16',
    debriefReadyMs: '<= 1000',
  },
};
for (const [k, v] of Object.entries(results))
  if (k !== 'goals') process.stdout.write(`${k.padEnd(20)} ${String(v)}\n`);
writeFileSync(
  new URL('../bench-results.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
