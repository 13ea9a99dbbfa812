/**
 * `npm run drill -- <command>`: the command-line face of the engine, for tests, scenario authors
 * and instructors. Exit codes: 0 success, 1 failure of the thing checked, 2 bad usage.
 */
import { closest } from '../shared/suggest.ts';
import { parseArgs, UsageError } from './args.ts';
import { CHECK_HELP, runCheck } from './check.ts';
import { EXEC_HELP, EXEC_SPEC, runExec } from './exec.ts';
import { formatPlay, PLAY_HELP, PLAY_SPEC, runPlay } from './play.ts';
import { translateRef } from '../i18n/index.ts';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';
import { formatSummary, runSimulate, SIMULATE_HELP, SIMULATE_SPEC } from './simulate.ts';

const COMMANDS = ['simulate', 'check', 'play', 'exec', 'schema', 'help'] as const;

const HELP = `usage: npm run drill -- <command> [options]

commands:
  simulate   run the simulation headless and print a summary (see: simulate --help)
  check      validate scenario files and walk their statecharts (see: check --help)
  play       play a scenario headless, optionally writing its postmortem (see: play --help)
  exec       print what the console shows at a moment of a scenario (see: exec --help)
  schema     print the JSON Schema of scenario files (kept in scenarios/scenario.schema.json)
  help       show this help`;

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  try {
    switch (command) {
      case 'simulate': {
        const args = parseArgs(rest, SIMULATE_SPEC);
        if (args.flags.has('help')) {
          process.stdout.write(`${SIMULATE_HELP}\n`);
          return 0;
        }
        if (args.positional.length > 0)
          throw new UsageError(
            `simulate takes no positional arguments (got "${args.positional[0]}")`,
          );
        const summary = runSimulate(args);
        process.stdout.write(
          args.flags.has('json')
            ? `${JSON.stringify(summary, null, 2)}\n`
            : `${formatSummary(summary)}\n`,
        );
        return 0;
      }
      case 'check': {
        const args = parseArgs(rest, { options: [], flags: ['help'] });
        if (args.flags.has('help')) {
          process.stdout.write(`${CHECK_HELP}\n`);
          return 0;
        }
        const result = runCheck(args.positional);
        process.stdout.write(`${result.lines.join('\n')}\n`);
        return result.ok ? 0 : 1;
      }
      case 'play': {
        const args = parseArgs(rest, PLAY_SPEC);
        if (args.flags.has('help')) {
          process.stdout.write(`${PLAY_HELP}\n`);
          return 0;
        }
        const result = runPlay(args);
        process.stdout.write(
          args.flags.has('json')
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${formatPlay(result)}\n`,
        );
        return 0;
      }
      case 'exec': {
        const args = parseArgs(rest, EXEC_SPEC);
        if (args.flags.has('help')) {
          process.stdout.write(`${EXEC_HELP}\n`);
          return 0;
        }
        const out = runExec(args);
        process.stdout.write(out.stdout);
        for (const note of out.notes) process.stderr.write(`note: ${translateRef(note, 'en')}\n`);
        return 0;
      }
      case 'schema':
        process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      default: {
        const guess = closest(command, COMMANDS);
        process.stderr.write(
          `drill: unknown command "${command}"${guess ? `; did you mean "${guess}"?` : ''}\n${HELP}\n`,
        );
        return 2;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`drill ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
