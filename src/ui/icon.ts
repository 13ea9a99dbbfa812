/** The one way icons are drawn: outline on a 24×24 grid, in the current text colour, decorative. */
import { svg } from './dom.ts';

export function outlineIcon(
  className: string,
  shapes: readonly SVGElement[],
  strokeWidth = 1.75,
): SVGSVGElement {
  return svg(
    'svg',
    {
      class: `icon ${className}`,
      viewBox: '0 0 24 24',
      width: 24,
      height: 24,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': strokeWidth,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    shapes,
  );
}

export const iconPath = (d: string): SVGPathElement => svg('path', { d });
