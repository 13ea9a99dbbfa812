/** The incident screen's icons, drawn like src/ui/icons.ts: outline, current colour, decorative. */
import { svg } from './dom.ts';
import { iconPath as path, outlineIcon } from './icon.ts';

/** A ringing bell: an alert that pages. */
export const pageIcon = (): SVGSVGElement =>
  strokeIcon('icon-page', [
    path('M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9'),
    path('M10.3 21a1.94 1.94 0 0 0 3.4 0'),
    path('M2.5 6.5A9 9 0 0 1 5 3'),
    path('M21.5 6.5A9 9 0 0 0 19 3'),
  ]);

/** A warning triangle. */
export const warningIcon = (): SVGSVGElement =>
  strokeIcon('icon-warning', [
    path('M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z'),
    path('M12 9v4'),
    path('M12 17h.01'),
  ]);

/** A ticket stub: an alert that files a ticket. */
export const ticketIcon = (): SVGSVGElement =>
  strokeIcon('icon-ticket', [
    path(
      'M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2a3 3 0 0 0 0 6v2a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2a3 3 0 0 0 0-6Z',
    ),
    path('M13 5v2'),
    path('M13 11v2'),
    path('M13 17v2'),
  ]);

/** A circled tick: an alert resolved. */
export const resolvedIcon = (): SVGSVGElement =>
  strokeIcon('icon-resolved', [
    svg('circle', { cx: 12, cy: 12, r: 9 }),
    path('m8 12.5 2.75 2.75L16 10'),
  ]);

/** A speech bubble: someone writes to you. */
export const messageIcon = (): SVGSVGElement =>
  strokeIcon('icon-message', [
    path('M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2Z'),
  ]);

/** A reply arrow: a paged team answers. */
export const replyIcon = (): SVGSVGElement =>
  strokeIcon('icon-reply', [path('M9 17 4 12l5-5'), path('M20 18v-2a4 4 0 0 0-4-4H4')]);

/** A paper plane: something the player sent. */
export const ownIcon = (): SVGSVGElement =>
  strokeIcon('icon-own', [path('m22 2-7 20-4-9-9-4Z'), path('M22 2 11 13')]);

/** A light bulb: a hint. */
export const hintIcon = (): SVGSVGElement =>
  strokeIcon('icon-hint', [
    path('M9 18h6'),
    path('M10 21h4'),
    path('M12 3a6 6 0 0 0-3.6 10.8c.7.55 1.1 1.3 1.1 2.2h5c0-.9.4-1.65 1.1-2.2A6 6 0 0 0 12 3Z'),
  ]);

/** A flag: a milestone reached. */
export const milestoneIcon = (): SVGSVGElement =>
  strokeIcon('icon-milestone', [path('M4 22V4'), path('M4 4h13l-2 4 2 4H4')]);

/** A finish flag: the end of the story. */
export const endIcon = (): SVGSVGElement =>
  strokeIcon('icon-end', [
    path('M4 22V4'),
    path('M4 4h16v10H4'),
    path('M8 4v10'),
    path('M12 4v10'),
    path('M16 4v10'),
  ]);

/** Two bars: pause. */
export const pauseIcon = (): SVGSVGElement =>
  strokeIcon('icon-pause', [path('M9 5v14'), path('M15 5v14')]);

/** An arrow out of a door: leave the incident. */
export const exitIcon = (): SVGSVGElement =>
  strokeIcon('icon-exit', [
    path('M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4'),
    path('m16 17 5-5-5-5'),
    path('M21 12H9'),
  ]);

/** An arrow pointing down: jump to the newest entries. */
export const downIcon = (): SVGSVGElement =>
  strokeIcon('icon-down', [path('M12 5v14'), path('m19 12-7 7-7-7')]);

/** A pager: take the pager. */
export const pagerIcon = (): SVGSVGElement =>
  strokeIcon('icon-pager', [
    svg('rect', { x: 3, y: 6, width: 18, height: 12, rx: 2 }),
    path('M7 10h6'),
    path('M7 14h3'),
    path('M17 10v4'),
  ]);

/** These icons sit in small text, so their strokes are a little heavier. */
function strokeIcon(className: string, shapes: readonly SVGElement[]): SVGSVGElement {
  return outlineIcon(className, shapes, 2);
}
