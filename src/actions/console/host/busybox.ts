/** BusyBox 1.36 layouts (the API's distroless debug image and the web's Alpine image). */
import type { Machine, Proc } from './machine.ts';

/** `make_human_readable_str`: one decimal with a unit, `0` for nothing. */
export function bbHuman(bytes: number): string {
  if (bytes <= 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? String(Math.round(v)) : `${v.toFixed(1)}${units[i]}`;
}

const vsz = (kib: number): string =>
  kib >= 100_000 ? `${Math.round(kib / 1024)}m` : String(Math.round(kib));

export function busyboxTop(m: Machine, self: Proc): string {
  const procs = [...m.procs, self].sort((a, b) => b.cpu - a.cpu || a.pid - b.pid);
  const mem = m.mem;
  const pct = (v: number): string => `${String(Math.round(v)).padStart(3)}%`;
  const c = m.cpu;
  const lines = [
    `Mem: ${mem.usedKiB + mem.buffKiB + mem.cacheKiB}K used, ${mem.freeKiB}K free, ${mem.sharedKiB}K shrd, ${mem.buffKiB}K buff, ${mem.cacheKiB}K cached`,
    `CPU:${pct(c.us)} usr${pct(c.sy)} sys${pct(c.ni)} nic${pct(c.id)} idle${pct(c.wa)} io${pct(c.hi)} irq${pct(c.si)} sirq`,
    `Load average: ${m.load.map((l) => l.toFixed(2)).join(' ')} ${procs.filter((p) => p.state === 'R').length}/${procs.length * 11 + 380} ${self.pid}`,
    '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND',
  ];
  for (const p of procs) {
    lines.push(
      `${String(p.pid).padStart(5)}${String(p.ppid).padStart(6)} ${p.user.slice(0, 8).padEnd(8)} ${p.state.padEnd(4)} ${vsz(p.vszKiB).padStart(5)} ${`${Math.round((p.vszKiB / mem.totalKiB) * 100)}%`.padStart(4)} ${String(p.pid % m.cpus).padStart(3)} ${`${Math.round(p.cpu / m.cpus)}%`.padStart(4)} ${p.args}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function busyboxPs(m: Machine, self: Proc): string {
  const time = (s: number): string =>
    `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  const lines = ['PID   USER     TIME  COMMAND'];
  for (const p of [...m.procs, self].sort((a, b) => a.pid - b.pid))
    lines.push(
      `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${time(p.cpuSeconds).padStart(5)} ${p.args}`,
    );
  return lines.join('\n') + '\n';
}

export function busyboxFree(m: Machine, unit: 'b' | 'k' | 'm' | 'g' | 'h'): string {
  const fmt = (kib: number): string => {
    if (unit === 'h') return bbHuman(kib * 1024);
    const v =
      unit === 'b' ? kib * 1024 : unit === 'k' ? kib : unit === 'm' ? kib / 1024 : kib / 1024 ** 2;
    return String(Math.floor(v));
  };
  const mem = m.mem;
  const row = (label: string, values: number[]): string =>
    label.padEnd(7) + values.map((v) => fmt(v).padStart(12)).join('');
  return (
    [
      ' '.repeat(7) +
        ['total', 'used', 'free', 'shared', 'buff/cache', 'available']
          .map((h) => h.padStart(12))
          .join(''),
      row('Mem:', [
        mem.totalKiB,
        mem.usedKiB,
        mem.freeKiB,
        mem.sharedKiB,
        mem.buffKiB + mem.cacheKiB,
        mem.availKiB,
      ]),
      row('Swap:', [0, 0, 0]),
    ].join('\n') + '\n'
  );
}

export function busyboxDf(
  m: Machine,
  human: boolean,
  paths: readonly string[],
  pick: (p: string) => Machine['mounts'][number],
): string {
  const mounts = paths.length > 0 ? paths.map(pick) : m.mounts;
  const lines = [
    human
      ? 'Filesystem                Size      Used Available Use% Mounted on'
      : 'Filesystem           1K-blocks      Used Available Use% Mounted on',
  ];
  for (const mt of mounts) {
    const avail = Math.max(0, mt.size - mt.used);
    const pct = mt.size > 0 ? Math.ceil((mt.used * 100) / (mt.used + avail)) : 0;
    const f = (b: number): string => (human ? bbHuman(b) : String(Math.ceil(b / 1024)));
    const src = mt.source.length > 20 ? `${mt.source}\n${' '.repeat(20)}` : mt.source.padEnd(20);
    lines.push(
      `${src} ${f(mt.size).padStart(9)} ${f(mt.used).padStart(9)} ${f(avail).padStart(9)} ${`${pct}%`.padStart(4)} ${mt.target}`,
    );
  }
  return lines.join('\n') + '\n';
}
