/**
 * The height of a log row, from the root font size: the interface grows with the window (the root
 * font size is clamped to the viewport width in styles.css), so rows must too, or a 2560-pixel
 * screen shows 12-pixel log text. Measured once, at mount; rows are placed by arithmetic on it.
 */

/** A row is this many root ems tall (20 px at the default 16 px). */
export const ROW_REM = 1.25;

/** The root font size in CSS pixels (16 when it cannot be read, e.g. without layout). */
export function rootFontPx(doc: Document = document): number {
  const size = parseFloat(doc.defaultView?.getComputedStyle(doc.documentElement).fontSize ?? '');
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/** The row height in whole CSS pixels, so rows never drift by sub-pixels down a long list. */
export function measureRowHeight(doc: Document = document): number {
  return Math.round(ROW_REM * rootFontPx(doc));
}
