/**
 * Y axes: from zero (every series here is a count, a rate, a ratio or a duration) to a round number
 * above the data, at least the panel's soft maximum so a quiet system does not look alarming,
 * never past its hard maximum. Byte axes step in powers of two so ticks land on 256 MiB, not 268 MB.
 */
import type { PanelSpec } from './layout.ts';
import type { DisplayUnit } from './units.ts';

const NICE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] as const;

/** The smallest "round" number at or above `v` (v > 0). */
export function niceCeil(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  for (const m of NICE) if (m * power >= v * (1 - 1e-9)) return m * power;
  return 10 * power;
}

export function yRange(
  spec: Pick<PanelSpec, 'softMax' | 'hardMax'>,
  dataMin: number | null,
  dataMax: number | null,
): [number, number] {
  const lo = Math.min(0, dataMin !== null && Number.isFinite(dataMin) ? dataMin : 0);
  let hi = Math.max(dataMax !== null && Number.isFinite(dataMax) ? dataMax : 0, spec.softMax ?? 0);
  // 5 % headroom so a flat line at the top does not merge with the frame.
  hi = hi > 0 ? niceCeil(hi * 1.05) : 1;
  if (spec.hardMax !== undefined) hi = Math.min(hi, spec.hardMax);
  if (hi <= lo) hi = lo + 1;
  return [lo < 0 ? -niceCeil(-lo * 1.05) : 0, hi];
}

const BINARY_INCRS = Array.from({ length: 51 }, (_, i) => 2 ** i);

/** Whole steps only (1, 2, 5, 10, 20...): a count axis reads 0/2/4/6, never 2.5 rounded to 3. */
const INTEGER_INCRS = Array.from({ length: 16 }, (_, i) =>
  [1, 2, 5].map((m) => m * 10 ** i),
).flat();

/** Tick steps for axes that need other steps than uPlot's decimal 1-2-5 ones. */
export function axisIncrs(unit: DisplayUnit): number[] | undefined {
  if (unit === 'bytes' || unit === 'bytesps') return BINARY_INCRS;
  return unit === 'count' ? INTEGER_INCRS : undefined;
}
