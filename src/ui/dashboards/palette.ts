/**
 * Series colours and dash patterns. The colours are Okabe–Ito's colour-blind-safe set, reordered
 * so the first ones read well on the dark theme; each series also gets its own dash pattern, so
 * two series never differ by hue alone. Canvas cannot read CSS variables, so the theme colours the
 * charts need are repeated here from styles.css.
 */

export const SERIES_COLOURS = [
  '#56b4e9', // sky blue
  '#e69f00', // orange
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#f0e442', // yellow
  '#d55e00', // vermillion
  '#7fb2e5', // blue, lightened from #0072b2 to stay visible on the dark background
] as const;

/** Solid, dashed, dotted, dash-dot, long dash... in canvas `setLineDash` form. */
export const SERIES_DASHES: readonly (readonly number[])[] = [
  [],
  [7, 3],
  [2, 2],
  [8, 3, 2, 3],
  [12, 4],
  [4, 2, 1, 2, 1, 2],
  [1, 4],
];

export interface SeriesLook {
  readonly colour: string;
  readonly dash: readonly number[];
}

/** A limit (max_connections, desired replicas): grey and dashed, drawn behind the data. */
export const LIMIT_LOOK: SeriesLook = { colour: '#9ba8be', dash: [5, 5] };

export function seriesLook(index: number): SeriesLook {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
    dash: SERIES_DASHES[index % SERIES_DASHES.length]!,
  };
}

/** Theme colours the canvas needs (from styles.css). */
export const THEME = {
  text: '#e8edf6',
  textMuted: '#9ba8be',
  grid: 'rgba(155, 168, 190, 0.12)',
  axis: 'rgba(155, 168, 190, 0.35)',
  alarm: '#ff6b5b',
  alarmFill: 'rgba(255, 107, 91, 0.07)',
  ok: '#4cc9c0',
  accent: '#f5a524',
  deploy: '#8fb3ff',
  cursor: 'rgba(232, 237, 246, 0.55)',
} as const;

/** Marker colours and shapes: the shape tells the kind, not the colour. */
export const MARKER_LOOK = {
  deploy: { colour: THEME.deploy, shape: 'triangle', dash: [4, 3] },
  action: { colour: THEME.accent, shape: 'circle', dash: [] },
  alert: { colour: THEME.alarm, shape: 'diamond', dash: [2, 2] },
  resolved: { colour: THEME.ok, shape: 'square', dash: [2, 2] },
} as const satisfies Record<string, { colour: string; shape: string; dash: readonly number[] }>;

export type MarkerShape = (typeof MARKER_LOOK)[keyof typeof MARKER_LOOK]['shape'];
