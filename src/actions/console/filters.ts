/**
 * The text filters players pipe tool output through: `grep`, `head`, `tail`, `wc`, `sort`,
 * `less`/`more` (which just print). They read the previous command's output as stdin.
 */
import { bastionFile } from './host/index.ts';
import type { CommandResult, CommandSpec } from './types.ts';
import { failure, result } from './types.ts';

const splitLines = (text: string): string[] => {
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
};
const joinLines = (ls: readonly string[]): string => (ls.length > 0 ? ls.join('\n') + '\n' : '');

function countFlag(args: readonly string[], fallback: number): number | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '--lines') return Number.parseInt(args[i + 1] ?? '', 10);
    const m = /^-n?(\d+)$/.exec(a) ?? /^--lines=(\d+)$/.exec(a);
    if (m) return Number.parseInt(m[1]!, 10);
  }
  return fallback;
}

/** In a basic regular expression `|` is literal and `\|` alternates: swap the two. */
function basicToExtended(pattern: string): string {
  return pattern
    .split('\\|')
    .map((part) => part.replace(/\|/g, '\\|'))
    .join('|');
}

function grep(args: readonly string[], stdin: string | null): CommandResult {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let extended = false;
  let pattern: string | null = null;
  for (const a of args) {
    if (/^-[ivcEFw]+$/.test(a)) {
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
      count ||= a.includes('c');
      extended ||= a.includes('E');
    } else if (a.startsWith('-') && pattern === null) {
      return failure(
        `grep: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
        2,
      );
    } else if (pattern === null) pattern = a;
  }
  if (pattern === null)
    return failure(
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    );
  let re: RegExp;
  try {
    // Basic regular expressions treat `|` literally and `\|` as alternation; -E is the reverse.
    const source = extended ? pattern : basicToExtended(pattern);
    re = new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return failure('grep: Unmatched ( or \\(\n', 2);
  }
  const matched = splitLines(stdin ?? '').filter((l) => re.test(l) !== invert);
  if (count) return result(`${matched.length}\n`, { exit: matched.length > 0 ? 0 : 1 });
  return result(joinLines(matched), { exit: matched.length > 0 ? 0 : 1 });
}

export const FILTER_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'grep',
    usage: ['grep [-i] [-v] [-c] [-E] PATTERN'],
    summaryKey: 'console.cmd.grep',
    complete: () => ['-i', '-v', '-c', '-E'],
    run: (args, ctx) => grep(args, ctx.stdin),
  },
  {
    name: 'head',
    usage: ['head [-n N]'],
    summaryKey: 'console.cmd.head',
    complete: () => ['-n'],
    run: (args, ctx) => {
      const n = countFlag(args, 10);
      if (n === null || Number.isNaN(n)) return failure('head: invalid number of lines\n');
      return result(joinLines(splitLines(ctx.stdin ?? '').slice(0, n)));
    },
  },
  {
    name: 'tail',
    usage: ['tail [-n N]'],
    summaryKey: 'console.cmd.tail',
    complete: () => ['-n'],
    run: (args, ctx) => {
      const n = countFlag(args, 10);
      if (n === null || Number.isNaN(n)) return failure('tail: invalid number of lines\n');
      const ls = splitLines(ctx.stdin ?? '');
      return result(joinLines(n === 0 ? [] : ls.slice(-n)));
    },
  },
  {
    name: 'wc',
    usage: ['wc -l'],
    summaryKey: 'console.cmd.wc',
    complete: () => ['-l'],
    run: (args, ctx) => {
      const text = ctx.stdin ?? '';
      const n = splitLines(text).length;
      if (args.includes('-l')) return result(`${n}\n`);
      const words = text.split(/\s+/).filter(Boolean).length;
      return result(
        `${String(n).padStart(7)} ${String(words).padStart(7)} ${String(text.length).padStart(7)}\n`,
      );
    },
  },
  {
    name: 'sort',
    usage: ['sort [-r] [-n] [-k N]'],
    summaryKey: 'console.cmd.sort',
    complete: () => ['-r', '-n', '-k'],
    run: (args, ctx) => {
      const reverse = args.some((a) => /^-\w*r/.test(a));
      const numeric = args.some((a) => /^-\w*n/.test(a));
      const ki = args.indexOf('-k');
      const key = ki >= 0 ? Number.parseInt(args[ki + 1] ?? '1', 10) - 1 : -1;
      const field = (l: string): string => (key >= 0 ? (l.trim().split(/\s+/)[key] ?? '') : l);
      const sorted = [...splitLines(ctx.stdin ?? '')].sort((a, b) => {
        const fa = field(a);
        const fb = field(b);
        const c = numeric
          ? Number.parseFloat(fa) - Number.parseFloat(fb) || 0
          : fa < fb
            ? -1
            : fa > fb
              ? 1
              : 0;
        return reverse ? -c : c;
      });
      return result(joinLines(sorted));
    },
  },
  ...['less', 'more', 'cat'].map((name): CommandSpec => ({
    name,
    usage: [`${name} [FILE]`],
    summaryKey: `console.cmd.${name}`,
    run: (args, ctx) => {
      // A file of the bastion itself (its resolv.conf, hosts); containers' files are read
      // through `kubectl exec`.
      if (args.length > 0) {
        const text = bastionFile(ctx.view, args[0]!);
        return text === null
          ? failure(`${name}: ${args[0]}: No such file or directory\n`)
          : result(text);
      }
      return ctx.stdin === null
        ? failure(`${name}: missing input (pipe a command into it)\n`)
        : result(ctx.stdin);
    },
  })),
];
