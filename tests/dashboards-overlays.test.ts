import { describe, expect, it } from 'vitest';
import { placeLabels } from '../src/ui/dashboards/overlays.ts';
import type { LabelSpot } from '../src/ui/dashboards/overlays.ts';

const AREA = { left: 0, top: 0, right: 300, bottom: 150 };
const HEIGHT = 12;

/** The label boxes, to check that none overlaps another. */
const boxes = (spots: LabelSpot[], widths: number[]) =>
  spots.map((s, i) => ({
    x0: s.right - widths[i]!,
    x1: s.right,
    y0: s.baseline - HEIGHT,
    y1: s.baseline,
  }));

const overlapping = (spots: LabelSpot[], widths: number[]): boolean => {
  const b = boxes(spots, widths);
  return b.some((a, i) =>
    b.some((c, j) => i < j && a.x0 < c.x1 && c.x0 < a.x1 && a.y0 < c.y1 && c.y0 < a.y1),
  );
};

describe('threshold labels', () => {
  it('puts a lone label just above its line at the right edge', () => {
    expect(placeLabels([{ y: 80, width: 100 }], AREA, HEIGHT, 2)).toEqual([
      { right: 300, baseline: 78 },
    ]);
  });

  it('never overprints labels of lines close together (burn rates at a 300× scale)', () => {
    // 14.4× and 6× lines two pixels apart near the bottom, labels wider than half the chart.
    const widths = [170, 150];
    const spots = placeLabels(
      [
        { y: 147, width: widths[0]! },
        { y: 149, width: widths[1]! },
      ],
      AREA,
      HEIGHT,
      2,
    );
    expect(overlapping(spots, widths)).toBe(false);
    for (const s of spots) expect(s.baseline - HEIGHT).toBeGreaterThanOrEqual(AREA.top - 2);
  });

  it('sets a second label beside the first when there is room', () => {
    const spots = placeLabels(
      [
        { y: 60, width: 80 },
        { y: 62, width: 80 },
      ],
      { ...AREA, bottom: 62 },
      HEIGHT,
      2,
    );
    expect(overlapping(spots, [80, 80])).toBe(false);
    expect(spots[1]!.baseline).toBe(60);
    expect(spots[1]!.right).toBeLessThan(300 - 80);
  });

  it('keeps many close labels apart', () => {
    const widths = [120, 140, 160, 130];
    const spots = placeLabels(
      widths.map((width, i) => ({ y: 100 + i, width })),
      AREA,
      HEIGHT,
      2,
    );
    expect(overlapping(spots, widths)).toBe(false);
  });
});
