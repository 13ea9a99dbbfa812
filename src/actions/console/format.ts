/**
 * Output layouts shared by the tools: kubectl's space-aligned columns, psql's aligned tables, and
 * the duration and size notations each tool prints.
 */

/** kubectl's table printer: columns left-aligned, separated by three spaces, no trailing space. */
export function columns(rows: readonly (readonly string[])[], gap = 3): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + gap)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

export type PsqlValue = string | number | boolean | null;

/** psql's aligned output: centred headers, numbers right-aligned, a `(N rows)` footer. */
export function psqlTable(
  headers: readonly string[],
  rows: readonly (readonly PsqlValue[])[],
): string {
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'),
  );
  const text = rows.map((r) => r.map(psqlCell));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const centre = (h: string, w: number): string => {
    const left = Math.floor((w - h.length) / 2);
    return (' '.repeat(left) + h).padEnd(w);
  };
  const line = (cells: string[]): string => (' ' + cells.join(' | ') + ' ').trimEnd();
  const out = [
    line(headers.map((h, i) => centre(h, widths[i]!))),
    widths.map((w) => '-'.repeat(w + 2)).join('+'),
    ...text.map((r) =>
      line(r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))),
    ),
    `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`,
  ];
  return out.join('\n') + '\n';
}

/** psql's expanded display (`\x`): one block per row. */
export function psqlExpanded(
  headers: readonly string[],
  rows: readonly (readonly PsqlValue[])[],
): string {
  if (rows.length === 0) return '(0 rows)\n';
  const w = Math.max(...headers.map((h) => h.length));
  return (
    rows
      .map((r, n) =>
        [
          `-[ RECORD ${n + 1} ]${'-'.repeat(Math.max(1, w - 10))}+${'-'.repeat(10)}`,
          ...headers.map((h, i) => `${h.padEnd(w)} | ${psqlCell(r[i] ?? null)}`.trimEnd()),
        ].join('\n'),
      )
      .join('\n') + '\n'
  );
}

function psqlCell(v: PsqlValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return String(v);
}

/** A PostgreSQL interval as psql prints it: `00:41:12.88103`, `1 day 02:00:00`. */
export function pgInterval(ms: number): string {
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = (rest % 60_000) / 1000;
  const secs = s.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  const [whole, frac] = secs.split('.');
  const clock = `${pad2(h)}:${pad2(m)}:${whole!.padStart(2, '0')}${frac ? `.${frac}` : ''}`;
  return `${neg ? '-' : ''}${days > 0 ? `${days} day${days > 1 ? 's' : ''} ` : ''}${clock}`;
}

/** `pg_size_pretty`: bytes, kB, MB, GB, TB with PostgreSQL's rounding (switch at 10240 units). */
export function pgSizePretty(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let v = Math.round(bytes);
  let i = 0;
  while (Math.abs(v) >= 10 * 1024 && i < units.length - 1) {
    v = Math.round(v / 1024);
    i++;
  }
  return `${v} ${units[i]}`;
}

/** A byte count in powers of 1024: the value and its unit letter (B, K, M, G, T, P). */
export function in1024s(bytes: number): { value: number; unit: string } {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return { value: v, unit: units[i]! };
}

/** `df -h` / `free -h` human sizes: `500G`, `3.1G`, `412M`. */
export function humanSize(bytes: number): string {
  const { value: v, unit } = in1024s(bytes);
  if (unit === 'B') return `${Math.round(v)}`;
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${unit}` : `${Math.ceil(v)}${unit}`;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Keeps lines of the form `text` and joins them with a final newline. */
export const lines = (...parts: readonly string[]): string => parts.join('\n') + '\n';
