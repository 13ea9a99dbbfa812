/**
 * psql's printers, to the character: aligned tables (border 1, centred headers that keep their
 * trailing space, numbers right-aligned by column type, `+` on continued multi-line cells), the
 * expanded display of `\x`, and the unaligned and tuples-only forms of `-A` / `-t`. The shared
 * `psqlTable` in format.ts aligns by value, not by column type, so psql's own rules live here.
 */
import type { ColType } from './values.ts';
import { RIGHT_ALIGNED } from './values.ts';

export type ResultSet = {
  columns: readonly string[];
  types: readonly ColType[];
  /** Cells as psql prints them ('' for NULL). */
  rows: readonly (readonly string[])[];
};

export type PrintOptions = {
  expanded: boolean;
  tuplesOnly: boolean;
  unaligned: boolean;
};

export const DEFAULT_PRINT: PrintOptions = { expanded: false, tuplesOnly: false, unaligned: false };

const rowCount = (n: number): string => `(${n} ${n === 1 ? 'row' : 'rows'})`;

/** A result the way psql prints it after a query, blank line included. */
export function printResult(rs: ResultSet, opts: PrintOptions = DEFAULT_PRINT): string {
  if (opts.unaligned) return printUnaligned(rs, opts.tuplesOnly);
  if (opts.expanded) return printExpanded(rs, opts.tuplesOnly);
  return printAligned(rs, { footers: opts.tuplesOnly ? [] : [rowCount(rs.rows.length)] }, opts);
}

export type Decorations = { title?: string; footers: readonly string[] };

export function printAligned(
  rs: ResultSet,
  deco: Decorations,
  opts: PrintOptions = DEFAULT_PRINT,
): string {
  const n = rs.columns.length;
  const split = rs.rows.map((r) => r.map((c) => c.split('\n')));
  const widths = rs.columns.map((h, i) =>
    Math.max(h.length, ...split.map((r) => Math.max(...r[i]!.map((l) => l.length)))),
  );
  const right = rs.types.map((t) => RIGHT_ALIGNED.has(t));
  const out: string[] = [];
  const total = widths.reduce((a, w) => a + w, 0) + n * 3 - 1;
  if (deco.title !== undefined && !opts.tuplesOnly) {
    const t = deco.title;
    out.push(t.length >= total ? t : ' '.repeat(Math.floor((total - t.length) / 2)) + t);
  }
  if (!opts.tuplesOnly) {
    out.push(
      rs.columns
        .map((h, i) => {
          const space = widths[i]! - h.length;
          return (
            ' ' + ' '.repeat(Math.floor(space / 2)) + h + ' '.repeat(Math.ceil(space / 2)) + ' '
          );
        })
        .join('|'),
    );
    out.push(widths.map((w) => '-'.repeat(w + 2)).join('+'));
  }
  for (const cells of split) {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      let s = '';
      for (let j = 0; j < n; j++) {
        const lines = cells[j]!;
        const last = j === n - 1;
        const cell = lines[line];
        s += ' ';
        if (cell !== undefined) {
          const pad = widths[j]! - cell.length;
          s += right[j] ? ' '.repeat(pad) + cell : cell;
          const continues = line < lines.length - 1;
          if (!right[j] && (!last || continues)) s += ' '.repeat(pad);
          if (continues) s += '+';
          else if (!last) s += ' ';
        } else if (!last) {
          s += ' '.repeat(widths[j]!) + ' ';
        }
        if (!last) s += '|';
      }
      out.push(s);
    }
  }
  for (const f of deco.footers) out.push(f);
  return out.join('\n') + '\n\n';
}

/** `\x`: one block per record; psql prints no row count in this mode. */
export function printExpanded(rs: ResultSet, tuplesOnly = false): string {
  if (rs.rows.length === 0) return tuplesOnly ? '\n' : '(0 rows)\n\n';
  const hwidth = Math.max(...rs.columns.map((h) => h.length));
  const dwidth = Math.max(
    0,
    ...rs.rows.flatMap((r) => r.flatMap((c) => c.split('\n').map((l) => l.length))),
  );
  const out: string[] = [];
  rs.rows.forEach((row, k) => {
    if (!tuplesOnly) out.push(recordLine(k + 1, hwidth, dwidth));
    else if (k > 0) out.push('-'.repeat(hwidth + 1) + '+' + '-'.repeat(dwidth + 1));
    rs.columns.forEach((h, i) => {
      const lines = row[i]!.split('\n');
      lines.forEach((l, j) => {
        const head = j === 0 ? h.padEnd(hwidth) : ' '.repeat(hwidth);
        const mark = j === 0 ? '|' : ':';
        out.push(`${head} ${mark} ${l}`);
      });
    });
  });
  return out.join('\n') + '\n\n';
}

/** psql's `-[ RECORD n ]---+---` rule, as print_aligned_vertical_line draws it for border 1. */
function recordLine(record: number, hwidth: number, dwidth: number): string {
  const label = `[ RECORD ${record} ]`;
  let s = '-' + label;
  let reclen = label.length + 1;
  for (let i = reclen; i < hwidth; i++) s += '-';
  reclen -= hwidth;
  if (reclen-- <= 0) s += '-';
  if (reclen-- <= 0) s += '+';
  if (reclen-- <= 0) s += '-';
  if (reclen < 0) reclen = 0;
  for (let i = reclen; i < Math.max(dwidth, reclen); i++) s += '-';
  return s;
}

function printUnaligned(rs: ResultSet, tuplesOnly: boolean): string {
  const out: string[] = [];
  if (!tuplesOnly) out.push(rs.columns.join('|'));
  for (const r of rs.rows) out.push(r.join('|'));
  if (!tuplesOnly) out.push(rowCount(rs.rows.length));
  return out.join('\n') + '\n';
}
