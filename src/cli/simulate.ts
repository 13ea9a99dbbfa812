/** `drill simulate`: run the sim with no UI and print what happened. */
import type { RunSummary } from '../sim/index.ts';
import { MINUTE, SimRun, summarizeRun } from '../sim/index.ts';
import type { ParsedArgs } from './args.ts';
import { intOption, numberOption, UsageError } from './args.ts';
import { parseFaultArg } from './fault-arg.ts';

export const SIMULATE_SPEC = {
  options: ['seed', 'minutes', 'fault'],
  flags: ['json', 'help'],
} as const;

export const SIMULATE_HELP = `usage: npm run drill -- simulate [--seed N] [--minutes M] [--fault SPEC]... [--json]

Runs the production-system simulation headless and prints a summary: the final state hash
(equal for equal seeds and faults), request totals, peaks, alerts and log volume.

  --seed N        PRNG seed (default 1)
  --minutes M     simulated minutes (default 30)
  --fault SPEC    inject a fault: kind[@start][:param=value,...], repeatable
                  e.g. planRegression@5m:share=0.1  connectionLeak:leakRatio=0.02
  --json          print the summary as JSON`;

export function runSimulate(args: ParsedArgs): RunSummary {
  const seed = intOption(args, 'seed', 1);
  const minutes = numberOption(args, 'minutes', 30);
  if (!(minutes > 0) || minutes > 7 * 24 * 60)
    throw new UsageError('--minutes must be between 0 and 10080');
  const run = new SimRun(seed);
  (args.options.get('fault') ?? []).forEach((text, i) => {
    const { at, fault } = parseFaultArg(text);
    run.schedule({ type: 'injectFault', id: `cli-${i + 1}`, fault }, at);
  });
  run.advance(Math.round(minutes * MINUTE));
  return summarizeRun(run);
}

export function formatSummary(s: RunSummary): string {
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  const lines = [
    `seed ${s.seed}, ${s.simulatedSeconds / 60} simulated minutes, final hash ${s.finalHash}`,
    `requests ${s.requests.arrived} (failed ${s.requests.failed}, ${pct(s.requests.errorRatio)}; slower than SLO ${pct(s.requests.slowRatio)})`,
    ...Object.entries(s.endpoints).map(
      ([e, v]) =>
        `  ${e.padEnd(9)} ${String(v.arrived).padStart(9)} req  ${pct(v.errorRatio).padStart(7)} errors  peak p99 ${v.peakP99Ms.toFixed(0)} ms`,
    ),
    `peaks: api errors ${pct(s.peaks.apiErrorRatio)}, postgres cpu ${pct(s.peaks.pgCpu)}, pool in use ${s.peaks.poolInUse}, dns drops ${s.peaks.dnsDroppedQps}/s, replica lag ${s.peaks.replicaLagSeconds}s, disk ${pct(s.peaks.diskUsedRatio)}`,
    `error budget remaining ${pct(s.errorBudgetRemaining)}`,
    `alerts: ${s.alerts.length === 0 ? 'none' : s.alerts.map((a) => `${a.name} (${a.severity}) at ${a.firstFiredAtSeconds}s`).join(', ')}`,
    `log lines ${s.logLines}`,
  ];
  return lines.join('\n');
}
