/**
 * The briefing: who you are, what is going on, what normal looks like. Shown before the clock
 * starts, with the button that starts it, and folded at the top of the feed afterwards.
 */
import { t } from '../i18n/index.ts';
import { architectureDiagram } from './architecture-diagram.ts';
import { h } from './dom.ts';
import { pagerIcon } from './incident-icons.ts';
import type { IncidentInfo } from './incident-types.ts';

/** The three parts of the briefing, each a heading and the scenario's text. */
export function briefingSections(info: IncidentInfo, heading: 'h3' | 'h4'): HTMLElement[] {
  const parts = [
    ['role', t('incident.briefing.role'), info.briefing.role],
    ['situation', t('incident.briefing.situation'), info.briefing.situation],
    ['normal', t('incident.briefing.normal'), info.briefing.normal ?? ''],
  ] as const;
  return parts
    .filter(([, , body]) => body !== '')
    .map(([part, label, body]) =>
      h('section', { className: `briefing-part briefing-${part}` }, [
        h(heading, { className: 'briefing-label', text: label }),
        h('p', { className: 'briefing-text', text: body }),
      ]),
    );
}

/** The service level objectives the player defends, as the sim is configured for the scenario. */
export interface BriefingSlos {
  /** Share of requests that must succeed, 0..1. */
  readonly availability: number;
  /** Share of requests that must be faster than `latencyMs`, 0..1. */
  readonly latencyTarget: number;
  readonly latencyMs: number;
  readonly windowDays: number;
}

export interface BriefingExtras {
  readonly slos?: BriefingSlos;
}

const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

function sloSection(slos: BriefingSlos, heading: 'h3' | 'h4'): HTMLElement {
  return h('section', { className: 'briefing-part briefing-slos' }, [
    h(heading, { className: 'briefing-label', text: t('incident.briefing.slos') }),
    h('ul', { className: 'briefing-slo-list' }, [
      h('li', {
        text: t('incident.briefing.sloAvailability', {
          target: percent(slos.availability),
          days: slos.windowDays,
        }),
      }),
      h('li', {
        text: t('incident.briefing.sloLatency', {
          target: percent(slos.latencyTarget),
          ms: slos.latencyMs,
          days: slos.windowDays,
        }),
      }),
      h('li', {
        text: t('incident.briefing.sloBudget', {
          share: percent(1 - slos.availability),
          minutes: Math.round((1 - slos.availability) * slos.windowDays * 24 * 60),
        }),
      }),
    ]),
  ]);
}

export interface BriefingView {
  readonly element: HTMLElement;
  /** Moves focus to the briefing's heading (after a screen change). */
  focus(): void;
}

export function buildBriefing(
  info: IncidentInfo,
  prefix: string,
  extras: BriefingExtras,
  onStart: () => void,
): BriefingView {
  const headingId = `${prefix}-briefing-heading`;
  const noteId = `${prefix}-briefing-note`;
  const heading = h('h2', {
    className: 'briefing-heading',
    id: headingId,
    text: info.title,
    attrs: { tabindex: '-1' },
  });
  const start = h(
    'button',
    {
      className: 'button-primary briefing-start',
      attrs: { type: 'button', 'aria-describedby': noteId },
    },
    [h('span', { className: 'briefing-start-icon' }, [pagerIcon()]), t('incident.briefing.start')],
  );
  start.addEventListener('click', onStart, { once: true });
  const element = h('section', { className: 'briefing', attrs: { 'aria-labelledby': headingId } }, [
    h('div', { className: 'briefing-card' }, [
      h('p', { className: 'eyebrow', text: t('incident.briefing.heading') }),
      heading,
      h('div', { className: 'briefing-columns' }, [
        h('div', { className: 'briefing-parts' }, [
          ...briefingSections(info, 'h3'),
          extras.slos ? sloSection(extras.slos, 'h3') : null,
        ]),
        h('div', { className: 'briefing-system' }, [
          h('h3', { className: 'briefing-label', text: t('incident.briefing.system') }),
          architectureDiagram(),
        ]),
      ]),
      h('div', { className: 'briefing-actions' }, [
        start,
        h('p', { className: 'briefing-note', id: noteId, text: t('incident.briefing.note') }),
      ]),
    ]),
  ]);
  return { element, focus: () => heading.focus() };
}
