/**
 * The debrief's icons, drawn like src/ui/icons.ts (outline, current colour, decorative). Each
 * verdict has its own shape, so a score reads without its colour.
 */
import type { Verdict } from '../../postmortem/model.ts';
import { svg } from '../dom.ts';
import { iconPath as path, outlineIcon } from '../icon.ts';

const ring = (): SVGCircleElement => svg('circle', { cx: 12, cy: 12, r: 9 });

const VERDICT_SHAPES: Readonly<Record<Verdict, () => SVGElement[]>> = {
  // A circled tick.
  good: () => [ring(), path('m8 12.5 2.75 2.75L16 10')],
  // A circle with a level line: acceptable, room to improve.
  fair: () => [ring(), path('M8 12h8')],
  // A triangle with a mark: it went badly.
  poor: () => [
    path('M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z'),
    path('M12 9v4'),
    path('M12 17h.01'),
  ],
  // A crossed circle: never reached.
  missed: () => [ring(), path('m9 9 6 6'), path('m15 9-6 6')],
};

export const verdictIcon = (verdict: Verdict): SVGSVGElement =>
  outlineIcon(`icon-verdict icon-${verdict}`, VERDICT_SHAPES[verdict](), 2);

/** An arrow back: to the library. */
export const backIcon = (): SVGSVGElement =>
  outlineIcon('icon-back', [path('M19 12H5'), path('m12 19-7-7 7-7')], 2);

/** A circular arrow: play again. */
export const retryIcon = (): SVGSVGElement =>
  outlineIcon('icon-retry', [path('M3 12a9 9 0 1 0 3-6.7L3 8'), path('M3 3v5h5')], 2);

/** A play triangle in a frame: watch the replay. */
export const replayIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-replay',
    [svg('rect', { x: 3, y: 4, width: 18, height: 16, rx: 2 }), path('m10 9 5 3-5 3Z')],
    2,
  );

/** A fork: try another action from a decision. */
export const branchIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-branch',
    [
      svg('circle', { cx: 6, cy: 5, r: 2 }),
      svg('circle', { cx: 6, cy: 19, r: 2 }),
      svg('circle', { cx: 18, cy: 7, r: 2 }),
      path('M6 7v10'),
      path('M18 9c0 5-12 3-12 8'),
    ],
    2,
  );

/** A tray with an arrow: download. */
export const downloadIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-download',
    [path('M12 3v12'), path('m7 10 5 5 5-5'), path('M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2')],
    2,
  );

/** Two sheets: copy. */
export const copyIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-copy',
    [
      svg('rect', { x: 9, y: 9, width: 12, height: 12, rx: 2 }),
      path('M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1'),
    ],
    2,
  );

/** A printer. */
export const printIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-print',
    [
      path('M6 9V3h12v6'),
      path('M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2'),
      svg('rect', { x: 6, y: 14, width: 12, height: 7 }),
    ],
    2,
  );

/** A pencil: edit a section. */
export const editIcon = (): SVGSVGElement =>
  outlineIcon(
    'icon-edit',
    [path('M12 20h9'), path('M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z')],
    2,
  );

/** A warning triangle: harmful action, wording to review. */
export const warnIcon = (): SVGSVGElement => outlineIcon('icon-warn', VERDICT_SHAPES.poor(), 2);
