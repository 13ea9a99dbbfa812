/** The pager's state icons, drawn like src/ui/icons.ts: outline, current colour, decorative. */
import { svg } from '../dom.ts';
import { iconPath as path, outlineIcon } from '../icon.ts';
import type { PagerState } from '../../store/index.ts';

/** A circle with an exclamation mark: triggered, waiting for someone. */
const triggeredIcon = (): SVGSVGElement =>
  outlineIcon('icon-triggered', [
    svg('circle', { cx: 12, cy: 12, r: 9 }),
    path('M12 7.5v5.5'),
    path('M12 16.5h.01'),
  ]);

/** A person with a tick: someone has it. */
const acknowledgedIcon = (): SVGSVGElement =>
  outlineIcon('icon-acknowledged', [
    svg('circle', { cx: 9, cy: 8, r: 3.5 }),
    path('M2.5 20c0-3.6 2.9-6.5 6.5-6.5 1.5 0 2.9.5 4 1.4'),
    path('m15 17.5 2.25 2.25L21.5 15'),
  ]);

/** A circled tick: closed. */
const closedIcon = (): SVGSVGElement =>
  outlineIcon('icon-closed', [
    svg('circle', { cx: 12, cy: 12, r: 9 }),
    path('m8 12.5 2.75 2.75L16 10'),
  ]);

export const STATE_ICONS: Readonly<Record<PagerState, () => SVGSVGElement>> = {
  triggered: triggeredIcon,
  acknowledged: acknowledgedIcon,
  resolved: closedIcon,
};

/** A ringing bell: a high-urgency page. */
const bellIcon = (): SVGSVGElement =>
  outlineIcon('icon-bell', [
    path('M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9'),
    path('M10.3 21a1.94 1.94 0 0 0 3.4 0'),
    path('M2.5 6.5A9 9 0 0 1 5 3'),
    path('M21.5 6.5A9 9 0 0 0 19 3'),
  ]);

/** A warning triangle. */
const triangleIcon = (): SVGSVGElement =>
  outlineIcon('icon-triangle', [
    path('M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z'),
    path('M12 9v4'),
    path('M12 17h.01'),
  ]);

/** A ticket stub. */
const stubIcon = (): SVGSVGElement =>
  outlineIcon('icon-stub', [
    path(
      'M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2a3 3 0 0 0 0 6v2a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-2a3 3 0 0 0 0-6Z',
    ),
    path('M13 5v2'),
    path('M13 11v2'),
    path('M13 17v2'),
  ]);

/** Severity icons match the incident feed's; an unknown severity gets the triangle. */
export const severityIcon = (severity: string): SVGSVGElement =>
  severity === 'page' ? bellIcon() : severity === 'ticket' ? stubIcon() : triangleIcon();

/** A book: the runbook. */
export const bookIcon = (): SVGSVGElement =>
  outlineIcon('icon-book', [
    path('M4 19.5A2.5 2.5 0 0 1 6.5 17H20'),
    path('M6.5 2H20v20H6.5A2.5 2.5 0 0 1 4 19.5v-15A2.5 2.5 0 0 1 6.5 2Z'),
  ]);
