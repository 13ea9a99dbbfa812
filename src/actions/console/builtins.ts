/**
 * Shell built-ins of the bastion: `help`, `man`, `history`, `clear`, `echo`, `date`, `whoami`,
 * `hostname`, `pwd`, `exit`. `help` and `man` are generated from the command table, so they
 * cannot drift from what the console actually accepts.
 */
import { closest } from '../../shared/suggest.ts';
import { civilFromTime } from './time.ts';
import type { CommandSpec } from './types.ts';
import { failure, result } from './types.ts';

/** Filled in by the registry, which imports this module (avoids an import cycle). */
let commandTable: () => readonly CommandSpec[] = () => [];
export function bindCommandTable(table: () => readonly CommandSpec[]): void {
  commandTable = table;
}

export const BUILTIN_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'help',
    usage: ['help'],
    summaryKey: 'console.cmd.help',
    run: () => {
      const table = commandTable();
      const width = Math.max(...table.map((c) => c.name.length)) + 2;
      return result('', {
        notes: [
          { key: 'console.help.intro' },
          ...table.map((c) => ({
            key: 'console.help.line',
            params: { command: c.name.padEnd(width) },
            refs: { summary: c.summaryKey },
          })),
          { key: 'console.help.outro' },
        ],
      });
    },
  },
  {
    name: 'man',
    usage: ['man COMMAND'],
    summaryKey: 'console.cmd.man',
    complete: () => commandTable().map((c) => c.name),
    run: (args) => {
      const name = args[0];
      if (name === undefined)
        return failure("What manual page do you want?\nFor example, try 'man kubectl'.\n");
      const spec = commandTable().find((c) => c.name === name);
      if (!spec) {
        const guess = closest(
          name,
          commandTable().map((c) => c.name),
        );
        return failure(
          `No manual entry for ${name}\n`,
          16,
          guess ? [{ key: 'console.note.didYouMean', params: { suggestion: `man ${guess}` } }] : [],
        );
      }
      return result(`SYNOPSIS\n${spec.usage.map((u) => `       ${u}`).join('\n')}\n`, {
        notes: [{ key: 'console.man.description', refs: { summary: spec.summaryKey } }],
      });
    },
  },
  {
    name: 'history',
    usage: ['history [N]'],
    summaryKey: 'console.cmd.history',
    run: (args, ctx) => {
      const n = args[0] === undefined ? ctx.history.length : Number.parseInt(args[0], 10);
      if (Number.isNaN(n)) return failure(`bash: history: ${args[0]}: numeric argument required\n`);
      const start = Math.max(0, ctx.history.length - n);
      return result(
        ctx.history
          .slice(start)
          .map((h, i) => `${String(start + i + 1).padStart(5)}  ${h}\n`)
          .join(''),
      );
    },
  },
  {
    name: 'clear',
    usage: ['clear'],
    summaryKey: 'console.cmd.clear',
    run: () => result('', { clear: true }),
  },
  {
    name: 'echo',
    usage: ['echo [TEXT]...'],
    summaryKey: 'console.cmd.echo',
    run: (args) => result(`${args.join(' ')}\n`),
  },
  {
    name: 'date',
    usage: ['date [-u]'],
    summaryKey: 'console.cmd.date',
    run: (_, ctx) => {
      const c = civilFromTime(ctx.view.state);
      return result(
        `${c.weekday} ${c.monthName} ${String(c.day).padStart(2)} ${c.clock} UTC ${c.year}\n`,
      );
    },
  },
  {
    name: 'whoami',
    usage: ['whoami'],
    summaryKey: 'console.cmd.whoami',
    run: () => result('oncall\n'),
  },
  {
    name: 'hostname',
    usage: ['hostname'],
    summaryKey: 'console.cmd.hostname',
    run: () => result('bastion\n'),
  },
  {
    name: 'pwd',
    usage: ['pwd'],
    summaryKey: 'console.cmd.pwd',
    run: () => result('/home/oncall\n'),
  },
  {
    name: 'exit',
    usage: ['exit'],
    summaryKey: 'console.cmd.exit',
    run: () => result('', { notes: [{ key: 'console.note.stayOnCall' }] }),
  },
];
