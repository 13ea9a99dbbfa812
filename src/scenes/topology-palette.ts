/**
 * Colours and shapes of the topology map. Okabe–Ito hues (safe for the common colour-vision
 * deficiencies) on the game's dark surfaces, and every state carries a shape or a glyph as well
 * as a colour, so nothing reads by red versus green alone. Pure data: no Phaser here.
 */
import type { HealthStatus, PodPhase } from '../store/index.ts';

/** Okabe–Ito sky blue, orange and vermillion, plus the interface's neutral inks. */
export const COLOURS = {
  flow: 0x56b4e9,
  warn: 0xe69f00,
  error: 0xd55e00,
  background: 0x090e18,
  surface: 0x111a2b,
  surfaceHover: 0x152035,
  surfaceFocus: 0x1a2843,
  border: 0x33425f,
  edge: 0x3b4d6e,
  track: 0x223049,
  text: 0xe8edf6,
  muted: 0x9ba8be,
  faint: 0x6d7a92,
} as const;

/** `#rrggbb`, for Text styles and the DOM. */
export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

export type BadgeShape = 'circle' | 'triangle' | 'square';
export type BadgeGlyph = 'check' | 'exclamation' | 'cross';
export type BorderStyle = 'solid' | 'dashed' | 'double';

/** How a component's status is drawn: a badge (shape + glyph) and the box border, plus colour. */
export interface StatusEncoding {
  readonly colour: number;
  readonly badge: BadgeShape;
  readonly glyph: BadgeGlyph;
  readonly border: BorderStyle;
}

const STATUS: Readonly<Record<HealthStatus, StatusEncoding>> = {
  ok: { colour: COLOURS.flow, badge: 'circle', glyph: 'check', border: 'solid' },
  degraded: { colour: COLOURS.warn, badge: 'triangle', glyph: 'exclamation', border: 'dashed' },
  down: { colour: COLOURS.error, badge: 'square', glyph: 'cross', border: 'double' },
};

export function statusEncoding(status: HealthStatus): StatusEncoding {
  return STATUS[status];
}

/** How much of the pod square is filled. */
export type PodFill = 'none' | 'half' | 'full' | 'dot';
export type PodMark = 'none' | 'cross';

export interface PodEncoding {
  readonly colour: number;
  readonly fill: PodFill;
  readonly mark: PodMark;
  /** Opacity; Terminating pods fade (further, over time, when motion is allowed). */
  readonly alpha: number;
}

/**
 * Pending is hollow, ContainerCreating half full, Running full (an outline with a dot while not
 * ready), CrashLoopBackOff crossed out, Terminating faded: distinct by fill and mark, not hue.
 */
export function podEncoding(phase: PodPhase, ready: boolean): PodEncoding {
  switch (phase) {
    case 'Pending':
      return { colour: COLOURS.muted, fill: 'none', mark: 'none', alpha: 1 };
    case 'ContainerCreating':
      return { colour: COLOURS.flow, fill: 'half', mark: 'none', alpha: 1 };
    case 'Running':
      return ready
        ? { colour: COLOURS.flow, fill: 'full', mark: 'none', alpha: 1 }
        : { colour: COLOURS.warn, fill: 'dot', mark: 'none', alpha: 1 };
    case 'CrashLoopBackOff':
      return { colour: COLOURS.error, fill: 'none', mark: 'cross', alpha: 1 };
    case 'Terminating':
      return { colour: COLOURS.muted, fill: 'full', mark: 'none', alpha: 0.4 };
  }
}

/** Saturation ring colour: calm below 70 %, warning to 90 %, then alarm (the ring's length says how much). */
export function saturationColour(saturation: number): number {
  if (saturation >= 0.9) return COLOURS.error;
  if (saturation >= 0.7) return COLOURS.warn;
  return COLOURS.flow;
}
