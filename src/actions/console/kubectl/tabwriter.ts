/**
 * Go's `text/tabwriter`, which `kubectl describe` writes through (padding 2): a tab ends a cell,
 * and a column is aligned only over a run of consecutive lines that have a cell in it. That rule
 * is why `Name:` and `Controlled By:` line up differently in the same describe output.
 */

type Line = string[];

/** Aligns tab-separated text like `tabwriter.NewWriter(out, 0, 8, padding, ' ', 0)`. */
export function tabwrite(text: string, padding = 2): string {
  const raw = text.split('\n');
  const trailingNewline = raw[raw.length - 1] === '';
  if (trailingNewline) raw.pop();
  const lines: Line[] = raw.map((l) => l.split('\t'));
  const out: string[] = new Array<string>(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      out[i] = cells
        .map((c, j) => (j < widths.length && j < cells.length - 1 ? c.padEnd(widths[j]!) : c))
        .join('')
        .trimEnd();
    }
  };

  // Go's recursive formatter: a block of lines with a cell in column `widths.length`.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(start, i);
      let width = 0;
      let j = i;
      for (; j < line1; j++) {
        const cells = lines[j]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, cells[column]!.length + padding);
      }
      widths.push(width);
      format(i, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
