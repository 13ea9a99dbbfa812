/** GNU coreutils `df` and `du`: minimum column widths 14/5/5/5/4, sizes rounded up. */
import { humanSize } from '../format.ts';
import type { Machine, Mount } from './machine.ts';

/** The mount a path lives on: the longest mount point that prefixes it. */
export function mountOf(m: Machine, path: string): Mount {
  let best = m.mounts.find((x) => x.target === '/') ?? m.mounts[0]!;
  for (const mt of m.mounts) {
    const under =
      path === mt.target || path.startsWith(mt.target.endsWith('/') ? mt.target : `${mt.target}/`);
    if (under && mt.target.length > best.target.length) best = mt;
  }
  return best;
}

export type DfMode = 'k' | 'h' | 'H' | 'm';

export function gnuDf(
  m: Machine,
  mode: DfMode,
  paths: readonly string[],
  showType: boolean,
): string {
  const mounts = paths.length > 0 ? paths.map((p) => mountOf(m, p)) : m.mounts;
  const size = (b: number): string =>
    mode === 'h'
      ? humanSize(b)
      : mode === 'H'
        ? siSize(b)
        : mode === 'm'
          ? String(Math.ceil(b / 1024 ** 2))
          : String(Math.ceil(b / 1024));
  const header = [
    'Filesystem',
    ...(showType ? ['Type'] : []),
    mode === 'h' || mode === 'H' ? 'Size' : mode === 'm' ? '1M-blocks' : '1K-blocks',
    'Used',
    mode === 'h' || mode === 'H' ? 'Avail' : 'Available',
    'Use%',
    'Mounted on',
  ];
  const rows = mounts.map((mt) => {
    const avail = Math.max(0, mt.size - mt.used);
    const pct = mt.size > 0 ? `${Math.ceil((mt.used * 100) / Math.max(1, mt.used + avail))}%` : '-';
    const type =
      mt.source === 'overlay'
        ? 'overlay'
        : mt.source.startsWith('/dev/')
          ? mt.target === '/boot/efi'
            ? 'vfat'
            : 'ext4'
          : 'tmpfs';
    return [
      mt.source,
      ...(showType ? [type] : []),
      size(mt.size),
      size(mt.used),
      size(avail),
      pct,
      mt.target,
    ];
  });
  const mins = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0];
  const widths = header.map((h, i) =>
    Math.max(mins[i]!, h.length, ...rows.map((r) => r[i]!.length)),
  );
  const left = (i: number): boolean => i === 0 || (showType && i === 1) || i === header.length - 1;
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) =>
        i === cells.length - 1 ? c : left(i) ? c.padEnd(widths[i]!) : c.padStart(widths[i]!),
      )
      .join(' ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `-H`: powers of 1000. */
function siSize(bytes: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  if (i === 0) return String(Math.round(v));
  return v < 10
    ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}`
    : `${Math.ceil(v)}${units[i]}`;
}

/** `du -s[h] PATH…` from the sizes the machine knows. */
export function du(
  m: Machine,
  args: readonly string[],
  human: (b: number) => string = humanSize,
): { out: string; exit: number } {
  const h = args.some((a) => /^-\w*h/.test(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  let out = '';
  let exit = 0;
  for (const p of paths.length > 0 ? paths : ['.']) {
    const key = p.replace(/\/+$/, '') || '/';
    const bytes = m.dirs[key];
    if (bytes === undefined) {
      out += `du: cannot access '${p}': No such file or directory\n`;
      exit = 1;
      continue;
    }
    out += `${h ? human(bytes) : String(Math.ceil(bytes / 1024))}\t${p}\n`;
  }
  return { out, exit };
}
