/** The console's small icons, drawn like src/ui/icons.ts: outline, current colour, decorative. */
import { svg } from '../dom.ts';
import { iconPath as path, outlineIcon } from '../icon.ts';

/** A terminal window with a chevron: the panel's title. */
export const terminalIcon = (): SVGSVGElement =>
  strokeIcon('icon-terminal', [
    svg('rect', { x: 3, y: 4, width: 18, height: 16, rx: 2.5 }),
    path('m7.5 9.5 3 2.5-3 2.5'),
    path('M12.5 15h4'),
  ]);

/** A light bulb: the game's own hints, told apart from tool output by shape, not colour only. */
export const hintIcon = (): SVGSVGElement =>
  strokeIcon('icon-hint', [
    path('M9 18h6'),
    path('M10 21h4'),
    path('M12 3a6 6 0 0 0-3.6 10.8c.7.55 1.1 1.3 1.1 2.2h5c0-.9.4-1.65 1.1-2.2A6 6 0 0 0 12 3Z'),
  ]);

export const copyIcon = (): SVGSVGElement =>
  strokeIcon('icon-copy', [
    svg('rect', { x: 8.5, y: 8.5, width: 12, height: 12, rx: 2 }),
    path('M15.5 8.5V5.5a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h3'),
  ]);

export const copiedIcon = (): SVGSVGElement =>
  strokeIcon('icon-copied', [path('M5 12.5 10 17.5 19 7')]);

/** These icons sit in small text, so their strokes are a little heavier. */
function strokeIcon(className: string, shapes: readonly SVGElement[]): SVGSVGElement {
  return outlineIcon(className, shapes, 2);
}
