/**
 * The host tools, run on a machine: option parsing and errors worded like procps, coreutils,
 * iproute2 and BusyBox, output from the machine's figures.
 */
import type { PlayerAction } from '../../vocabulary.ts';
import type { CommandResult, ConsoleView, Note } from '../types.ts';
import { failure, result } from '../types.ts';
import { word } from '../network/draw.ts';
import { bbHuman, busyboxDf, busyboxFree, busyboxPs, busyboxTop } from './busybox.ts';
import type { DfMode } from './df.ts';
import { du, gnuDf, mountOf } from './df.ts';
import type { Machine, Proc } from './machine.ts';
import { procpsFree, procpsTop, psAux, psEf, uptimeLine } from './procps.ts';
import { ssSummary } from './ss.ts';

const nowOf = (view: ConsoleView): number => view.state.config.startEpochMs + view.state.t;

const looked = (m: Machine): PlayerAction[] => [
  { type: 'inspect', target: 'host-resources', subject: m.pod ?? m.hostname },
];

/** The process running the tool itself, as it appears in its own listing. */
function selfProc(view: ConsoleView, m: Machine, comm: string, args: string): Proc {
  const pid =
    m.kind === 'bastion'
      ? 20_400 + (word('pid', view.state.t) % 9_000)
      : 40 + (word('pid', view.state.t, m.hostname) % 400);
  const user =
    m.kind === 'bastion'
      ? 'oncall'
      : m.kind === 'api'
        ? 'nonroot'
        : m.kind === 'web'
          ? 'nextjs'
          : 'root';
  return {
    pid,
    ppid: m.kind === 'bastion' ? 20_272 : 0,
    user,
    comm,
    args,
    cpu: m.flavour === 'busybox' ? 0 : 6.2,
    rssKiB: 4_352,
    vszKiB: 11_984,
    shrKiB: 3_456,
    state: 'R',
    startEpochMs: nowOf(view),
    cpuSeconds: 0.01,
    tty: m.kind === 'bastion' ? 'pts/0' : '?',
    nice: 0,
  };
}

/** Splits `-bn1`-style clusters into letters, keeping a value glued to its letter. */
function letters(
  args: readonly string[],
  withValue: string,
): { flags: [string, string | null][]; rest: string[]; bad: string | null } {
  const flags: [string, string | null][] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      flags.push([a, null]);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (withValue.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? null);
        if (v === null) return { flags, rest, bad: c };
        flags.push([c, v]);
        break;
      }
      flags.push([c, null]);
    }
  }
  return { flags, rest, bad: null };
}

const TOP_USAGE = '  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n';

export function top(view: ConsoleView, m: Machine, args: readonly string[]): CommandResult {
  const { flags, rest, bad } = letters(args, 'dnupoUw');
  if (bad) return failure(`top: option requires an argument -- '${bad}'\nUsage:\n${TOP_USAGE}`, 1);
  let full = false;
  for (const [f] of flags) {
    if (f === 'c') full = true;
    else if (f === 'h' || f === 'v') return result(`  procps-ng 4.0.2\nUsage:\n${TOP_USAGE}`);
    else if (!'bdnupoUwEeHiOSs1'.includes(f) || f.length > 1)
      return failure(`top: unknown option '${f.replace(/^-+/, '')}'\nUsage:\n${TOP_USAGE}`, 1);
  }
  if (rest.length > 0) return failure(`top: unknown option '${rest[0]}'\nUsage:\n${TOP_USAGE}`, 1);
  const self = selfProc(view, m, 'top', `top ${args.join(' ')}`.trim());
  const out =
    m.flavour === 'busybox'
      ? busyboxTop(m, self)
      : procpsTop(m, nowOf(view), { fullCommand: full, self });
  return result(out, { actions: looked(m) });
}

export function free(m: Machine, args: readonly string[]): CommandResult {
  let unit: 'b' | 'k' | 'm' | 'g' | 'h' = 'k';
  let total = false;
  let wide = false;
  const long: Record<string, 'b' | 'k' | 'm' | 'g' | 'h'> = {
    '--bytes': 'b',
    '--kibi': 'k',
    '--mebi': 'm',
    '--gibi': 'g',
    '--human': 'h',
  };
  for (const a of args) {
    if (long[a]) unit = long[a];
    else if (a === '--total') total = true;
    else if (a === '--wide') wide = true;
    else if (/^-[bkmghtw]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 't') total = true;
        else if (c === 'w') wide = true;
        else unit = c as typeof unit;
      }
    } else {
      const bad = a.startsWith('--')
        ? a
        : (a.replace(/^-+/, '').replace(/^[bkmghtw]+/, '')[0] ?? a);
      return failure(
        m.flavour === 'busybox'
          ? `free: invalid option -- '${bad}'\nBusyBox v1.36.1 (2023-11-06 11:32:24 UTC) multi-call binary.\n\nUsage: free [-bkmgh]\n`
          : `free: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${bad}'`}\n\nUsage:\n free [options]\n\nFor more details see free(1).\n`,
        1,
      );
    }
  }
  const out = m.flavour === 'busybox' ? busyboxFree(m, unit) : procpsFree(m, unit, total, wide);
  return result(out, { actions: looked(m) });
}

export function df(m: Machine, args: readonly string[]): CommandResult {
  let mode: DfMode = 'k';
  let showType = false;
  const paths: string[] = [];
  for (const a of args) {
    if (a === '--human-readable') mode = 'h';
    else if (a === '--si') mode = 'H';
    else if (a === '--print-type') showType = true;
    else if (/^-[hHkmTlPa]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'h' || c === 'H' || c === 'k' || c === 'm') mode = c;
        else if (c === 'T') showType = true;
      }
    } else if (a.startsWith('-')) {
      return failure(
        a.startsWith('--')
          ? `df: unrecognized option '${a}'\nTry 'df --help' for more information.\n`
          : `df: invalid option -- '${a.replace(/^-+[hHkmTlPa]*/, '')[0] ?? ''}'\nTry 'df --help' for more information.\n`,
        1,
      );
    } else paths.push(a);
  }
  const missing = paths.find((p) => !p.startsWith('/'));
  if (missing !== undefined) return failure(`df: ${missing}: No such file or directory\n`, 1);
  const out =
    m.flavour === 'busybox'
      ? busyboxDf(m, mode === 'h' || mode === 'H', paths, (p) => mountOf(m, p))
      : gnuDf(m, mode, paths, showType);
  return result(out, { actions: looked(m) });
}

export function ss(m: Machine, args: readonly string[]): CommandResult {
  const known = /^-[stualnpxwrei46oH0]+$/;
  for (const a of args) {
    if (a === '--summary') continue;
    if (!known.test(a) && a.startsWith('-'))
      return failure(
        `ss: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\nUsage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n`,
        1,
      );
  }
  if (!args.some((a) => a === '--summary' || (known.test(a) && a.includes('s')))) {
    const note: Note = {
      key: 'console.note.unsupportedFlag',
      params: { command: 'ss', flag: args.join(' ') || 'socket listing' },
    };
    return result('', { notes: [note] });
  }
  return result(ssSummary(m), { actions: looked(m) });
}

export function ps(view: ConsoleView, m: Machine, args: readonly string[]): CommandResult {
  const self = selfProc(view, m, 'ps', `ps ${args.join(' ')}`.trim());
  if (m.flavour === 'busybox') return result(busyboxPs(m, self), { actions: looked(m) });
  const joined = args.join(' ');
  if (/^-?a?ux?$|^aux$|^-aux$|^axu$/.test(joined))
    return result(psAux(m, nowOf(view), self), { actions: looked(m) });
  if (/^-(e|A)?f$|^-ef$|^-fe$/.test(joined))
    return result(psEf(m, nowOf(view), self), { actions: looked(m) });
  if (joined === '' || joined === '-e' || joined === '-A') {
    const hms = (s: number): string => {
      const x = Math.floor(s);
      const p = (n: number): string => String(n).padStart(2, '0');
      return `${p(Math.floor(x / 3600))}:${p(Math.floor(x / 60) % 60)}:${p(x % 60)}`;
    };
    const rows = [...m.procs, self]
      .sort((a, b) => a.pid - b.pid)
      .map((p) => `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} ${hms(p.cpuSeconds)} ${p.comm}`);
    return result(['    PID TTY          TIME CMD', ...rows].join('\n') + '\n', {
      actions: looked(m),
    });
  }
  return result('', {
    notes: [{ key: 'console.note.unsupportedFlag', params: { command: 'ps', flag: joined } }],
  });
}

export function cat(m: Machine, args: readonly string[]): CommandResult {
  let out = '';
  let exit = 0;
  const actions: PlayerAction[] = [];
  for (const p of args.filter((a) => !a.startsWith('-'))) {
    const text = m.files[p];
    if (text === undefined) {
      out += `cat: ${p}: ${p.endsWith('/') ? 'Is a directory' : 'No such file or directory'}\n`;
      exit = 1;
      continue;
    }
    out += text;
    if (p === '/etc/resolv.conf')
      actions.push({ type: 'inspect', target: 'resolv-conf', subject: m.pod ?? m.hostname });
  }
  return result(out, { exit, actions });
}

export function env(m: Machine, args: readonly string[], printenv: boolean): CommandResult {
  const actions: PlayerAction[] = [
    { type: 'inspect', target: 'pod-details', subject: m.pod ?? m.hostname },
  ];
  if (printenv && args.length > 0) {
    const values = args.map((k) => m.env.find(([n]) => n === k)?.[1]);
    const out = values
      .filter((v) => v !== undefined)
      .map((v) => `${v}\n`)
      .join('');
    return result(out, { exit: values.every((v) => v !== undefined) ? 0 : 1, actions });
  }
  return result(m.env.map(([k, v]) => `${k}=${v}\n`).join(''), { actions });
}

export function uptime(view: ConsoleView, m: Machine): CommandResult {
  return result(uptimeLine(m, nowOf(view)), { actions: looked(m) });
}

export function duTool(m: Machine, args: readonly string[]): CommandResult {
  const r = du(m, args, m.flavour === 'busybox' ? bbHuman : undefined);
  return result(r.out, { exit: r.exit, actions: looked(m) });
}
