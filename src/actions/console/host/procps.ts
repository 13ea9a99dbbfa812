/**
 * procps-ng 4 layouts: `top -b -n 1`, `free`, `ps aux`/`ps -ef` and `uptime`, column for column.
 */
import { civilFromEpochMs, MONTHS } from '../../../sim/index.ts';
import { pad2 } from '../format.ts';
import type { Machine, Proc } from './machine.ts';

const clockOf = (epochMs: number): string => {
  const c = civilFromEpochMs(epochMs);
  return `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`;
};

/** `up 12 days,  4:02` / `up  4:02` / `up 35 min`. */
export function uptimeText(m: Machine, nowMs: number): string {
  const mins = Math.floor((nowMs - m.bootEpochMs) / 60_000);
  const days = Math.floor(mins / 1440);
  const h = Math.floor((mins % 1440) / 60);
  const mm = mins % 60;
  const clock = h > 0 ? `${String(h).padStart(2)}:${pad2(mm)}` : `${mm} min`;
  return `up ${days > 0 ? `${days} day${days > 1 ? 's' : ''}, ` : ''}${clock}`;
}

const loadText = (m: Machine): string => m.load.map((l) => l.toFixed(2)).join(', ');

/** `uptime`'s one line. */
export function uptimeLine(m: Machine, nowMs: number): string {
  return ` ${clockOf(nowMs)} ${uptimeText(m, nowMs)},  ${m.users} user${m.users === 1 ? '' : 's'},  load average: ${loadText(m)}\n`;
}

/** KiB in a column of `width`, scaled to m/g/t with one decimal when it does not fit (top). */
function scaleKiB(kib: number, width: number): string {
  const n = String(Math.round(kib));
  if (n.length <= width) return n;
  for (const [unit, div] of [
    ['m', 1024],
    ['g', 1024 ** 2],
    ['t', 1024 ** 3],
  ] as const) {
    const v = `${(kib / div).toFixed(1)}${unit}`;
    if (v.length <= width) return v;
  }
  return n;
}

/** top's TIME+: `0:41.27`, `152:13.55`, and without hundredths when too wide. */
function timePlus(seconds: number): string {
  const cs = Math.floor(seconds * 100);
  const m = Math.floor(cs / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const full = `${m}:${pad2(s)}.${pad2(cs % 100)}`;
  if (full.length <= 9) return full;
  const short = `${m}:${pad2(s)}`;
  return short.length <= 9 ? short : `${Math.floor(m / 60)},${pad2(m % 60)}`;
}

/** Kernel work-queue threads run at nice -20; a few housekeeping threads are niced down. */
function niceOf(p: Proc): number {
  if (p.nice !== 0) return p.nice;
  if (
    /^(rcu_gp|rcu_par_gp|slub_flushwq|netns|mm_percpu_wq|inet_frag_wq|writeback|kblockd|nvme-wq|kintegrityd)$/.test(
      p.comm,
    ) ||
    /^kworker\/.*H/.test(p.comm)
  )
    return -20;
  if (p.comm === 'ksmd') return 5;
  if (p.comm === 'khugepaged') return 19;
  return 0;
}

export type TopOptions = { fullCommand: boolean; self: Proc };

export function procpsTop(m: Machine, nowMs: number, o: TopOptions): string {
  const procs = [...m.procs, o.self].sort((a, b) => b.cpu - a.cpu || a.pid - b.pid);
  const running = procs.filter((p) => p.state === 'R').length;
  const users = `${String(m.users).padStart(2)} user${m.users === 1 ? '' : 's'}`;
  const f5 = (v: number): string => v.toFixed(1).padStart(5);
  const f8 = (kib: number): string => (kib / 1024).toFixed(1).padStart(8);
  const c = m.cpu;
  const buffCache = m.mem.buffKiB + m.mem.cacheKiB;
  const lines = [
    `top - ${clockOf(nowMs)} ${uptimeText(m, nowMs)}, ${users},  load average: ${loadText(m)}`,
    `Tasks: ${String(procs.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(procs.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    `%Cpu(s):${f5(c.us)} us,${f5(c.sy)} sy,${f5(c.ni)} ni,${f5(c.id)} id,${f5(c.wa)} wa,${f5(c.hi)} hi,${f5(c.si)} si,${f5(c.st)} st`,
    `MiB Mem : ${f8(m.mem.totalKiB)} total, ${f8(m.mem.freeKiB)} free, ${f8(m.mem.usedKiB)} used, ${f8(buffCache)} buff/cache`,
    `MiB Swap: ${f8(0)} total, ${f8(0)} free, ${f8(0)} used. ${f8(m.mem.availKiB)} avail Mem`,
    '',
    '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
  ];
  for (const p of procs) {
    const ni = niceOf(p);
    const pr = p.comm.startsWith('migration/') ? 'rt' : String(20 + ni);
    const mem = (p.rssKiB / m.mem.totalKiB) * 100;
    lines.push(
      [
        String(p.pid).padStart(7),
        p.user.slice(0, 8).padEnd(8),
        pr.padStart(3),
        String(ni).padStart(3),
        scaleKiB(p.vszKiB, 7).padStart(7),
        scaleKiB(p.rssKiB, 6).padStart(6),
        scaleKiB(p.shrKiB, 6).padStart(6),
        p.state,
        p.cpu.toFixed(1).padStart(5),
        mem.toFixed(1).padStart(5),
        timePlus(p.cpuSeconds).padStart(9),
        o.fullCommand ? p.args : p.comm,
      ].join(' '),
    );
  }
  return lines.join('\n') + '\n\n';
}

/** procps `free`: 8-column label, 12-column values; `-h` in Ki/Mi/Gi. */
export function procpsFree(
  m: Machine,
  unit: 'b' | 'k' | 'm' | 'g' | 'h',
  total: boolean,
  wide: boolean,
): string {
  const fmt = (kib: number): string => {
    if (unit === 'h') return humanKiB(kib);
    const v =
      unit === 'b' ? kib * 1024 : unit === 'k' ? kib : unit === 'm' ? kib / 1024 : kib / 1024 ** 2;
    return String(Math.floor(v));
  };
  const mem = m.mem;
  const header = wide
    ? ['total', 'used', 'free', 'shared', 'buffers', 'cache', 'available']
    : ['total', 'used', 'free', 'shared', 'buff/cache', 'available'];
  const memRow = wide
    ? [
        mem.totalKiB,
        mem.usedKiB,
        mem.freeKiB,
        mem.sharedKiB,
        mem.buffKiB,
        mem.cacheKiB,
        mem.availKiB,
      ]
    : [
        mem.totalKiB,
        mem.usedKiB,
        mem.freeKiB,
        mem.sharedKiB,
        mem.buffKiB + mem.cacheKiB,
        mem.availKiB,
      ];
  const row = (label: string, values: number[]): string =>
    label.padEnd(8) + values.map((v) => fmt(v).padStart(12)).join('');
  const lines = [
    ' '.repeat(8) + header.map((h) => h.padStart(12)).join(''),
    row('Mem:', memRow),
    row('Swap:', [0, 0, 0]),
  ];
  if (total) lines.push(row('Total:', [mem.totalKiB, mem.usedKiB, mem.freeKiB]));
  return lines.join('\n') + '\n';
}

/** procps' human sizes: `3.8Gi`, `312Mi`, `0B`. */
function humanKiB(kib: number): string {
  if (kib <= 0) return '0B';
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let v = kib;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v < 10 ? `${v.toFixed(1)}${units[i]}` : `${Math.round(v)}${units[i]}`;
}

const startCol = (epochMs: number, nowMs: number): string => {
  const c = civilFromEpochMs(epochMs);
  if (nowMs - epochMs < 86_400_000) return `${pad2(c.hour)}:${pad2(c.minute)}`;
  return `${MONTHS[c.month - 1]}${pad2(c.day)}`;
};

const cpuTime = (seconds: number): string => {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${pad2(s % 60)}`;
};

const hms = (seconds: number): string => {
  const s = Math.floor(seconds);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
};

/** `ps aux` (BSD columns). */
export function psAux(m: Machine, nowMs: number, self: Proc): string {
  const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'];
  for (const p of [...m.procs, self].sort((a, b) => a.pid - b.pid)) {
    const stat = p.state + (p.pid === 1 ? 's' : '') + (niceOf(p) < 0 ? '<' : '');
    lines.push(
      [
        p.user.slice(0, 8).padEnd(8),
        String(p.pid).padStart(7),
        Math.min(99.9, p.cpu).toFixed(1).padStart(4),
        ((p.rssKiB / m.mem.totalKiB) * 100).toFixed(1).padStart(4),
        String(Math.round(p.vszKiB)).padStart(6),
        String(Math.round(p.rssKiB)).padStart(5),
        p.tty.padEnd(8),
        stat.padEnd(4),
        startCol(p.startEpochMs, nowMs).padStart(5),
        cpuTime(p.cpuSeconds).padStart(6),
        p.args,
      ].join(' '),
    );
  }
  return lines.join('\n') + '\n';
}

/** `ps -ef` (System V columns). */
export function psEf(m: Machine, nowMs: number, self: Proc): string {
  const lines = ['UID          PID    PPID  C STIME TTY          TIME CMD'];
  for (const p of [...m.procs, self].sort((a, b) => a.pid - b.pid)) {
    lines.push(
      [
        p.user.slice(0, 8).padEnd(8),
        String(p.pid).padStart(7),
        String(p.ppid).padStart(7),
        String(Math.min(99, Math.floor(p.cpu))).padStart(2),
        startCol(p.startEpochMs, nowMs).padEnd(5),
        p.tty.padEnd(8),
        hms(p.cpuSeconds).padStart(8),
        p.args,
      ].join(' '),
    );
  }
  return lines.join('\n') + '\n';
}
