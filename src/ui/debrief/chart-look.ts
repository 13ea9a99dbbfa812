/**
 * How the mini charts look on screen (the dark theme of styles.css; canvas cannot read CSS
 * variables) and on paper (black on white). Each mark also has its own dash pattern, so the
 * printed page tells them apart without colour.
 */
import type { TimelineMark } from '../../postmortem/model.ts';

export interface ChartLook {
  readonly series: string;
  readonly fill: string;
  readonly text: string;
  readonly grid: string;
  readonly axis: string;
  readonly threshold: string;
  readonly labelBackground: string;
  readonly marks: Readonly<Record<TimelineMark, string>>;
}

export const SCREEN_LOOK: ChartLook = {
  series: '#56b4e9',
  fill: 'rgba(86, 180, 233, 0.12)',
  text: '#9ba8be',
  grid: 'rgba(155, 168, 190, 0.12)',
  axis: 'rgba(155, 168, 190, 0.35)',
  threshold: '#ff6b5b',
  labelBackground: 'rgba(14, 21, 36, 0.88)',
  marks: {
    impact: '#ff6b5b',
    detection: '#f5a524',
    declaration: '#cc79a7',
    mitigation: '#8fb3ff',
    resolution: '#4cc9c0',
  },
};

export const PRINT_LOOK: ChartLook = {
  series: '#000000',
  fill: 'rgba(0, 0, 0, 0.06)',
  text: '#000000',
  grid: 'rgba(0, 0, 0, 0.12)',
  axis: 'rgba(0, 0, 0, 0.5)',
  threshold: '#000000',
  labelBackground: 'rgba(255, 255, 255, 0.92)',
  marks: {
    impact: '#000000',
    detection: '#000000',
    declaration: '#000000',
    mitigation: '#000000',
    resolution: '#000000',
  },
};

/** Canvas `setLineDash` patterns, in CSS pixels. */
export const MARK_DASH: Readonly<Record<TimelineMark, readonly number[]>> = {
  impact: [6, 3],
  detection: [2, 2],
  declaration: [1, 3],
  mitigation: [8, 3, 2, 3],
  resolution: [],
};
