import { svg } from './dom.ts';
import { iconPath as path, outlineIcon } from './icon.ts';

/** Outline icons on a 24×24 grid, drawn with the current text colour. Always decorative. */

const circle = (cx: number, cy: number, r: number): SVGCircleElement =>
  svg('circle', { cx, cy, r });

/** A heartbeat trace: the brand mark. */
export const pulseIcon = (): SVGSVGElement =>
  outlineIcon('icon-pulse', [path('M2 12h4.5l2-5 4 10 2.5-7 1.5 2H22')]);

/** A target: self-paced practice. */
export const practiceIcon = (): SVGSVGElement =>
  outlineIcon('icon-practice', [circle(12, 12, 9), circle(12, 12, 5), circle(12, 12, 1.25)]);

/** A stopwatch: the timed interview drill. */
export const interviewIcon = (): SVGSVGElement =>
  outlineIcon('icon-interview', [
    circle(12, 13.5, 7.5),
    path('M12 10v3.5l2.5 2'),
    path('M9.5 2.5h5'),
    path('M12 2.5V6'),
    path('M18.5 6.5 20 5'),
  ]);

/** Two people: a group in the classroom. */
export const classroomIcon = (): SVGSVGElement =>
  outlineIcon('icon-classroom', [
    circle(9, 8, 3.25),
    path('M2.75 20c0-3.45 2.8-6.25 6.25-6.25s6.25 2.8 6.25 6.25'),
    circle(17, 9, 2.5),
    path('M16.25 14c2.85.35 5 2.75 5 5.75'),
  ]);

/** A tick for the selected mode card. */
export const checkIcon = (): SVGSVGElement =>
  outlineIcon('icon-check', [path('M5 12.5 10 17.5 19 7')]);
