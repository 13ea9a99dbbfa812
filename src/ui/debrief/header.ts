/**
 * The debrief's header: which incident this was (scenario, incident id, outcome in a word and
 * an icon, time played, severity declared), the ways on (library, retry, replay: only those the
 * caller offers) and a line of links to the page's parts.
 */
import { t } from '../../i18n/index.ts';
import type { Postmortem } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { formatElapsed, severityLabel } from '../incident-format.ts';
import { pulseIcon } from '../icons.ts';
import { outcomeWord } from './format.ts';
import { backIcon, replayIcon, retryIcon, verdictIcon } from './icons.ts';

export interface HeaderActions {
  onBack(): void;
  onRetry?(): void;
  onReplay?(): void;
}

export interface JumpTarget {
  readonly label: string;
  /** The section's heading, focused after the scroll so keyboard users land there. */
  readonly heading: HTMLElement;
}

export function buildHeader(
  pm: Postmortem,
  headingId: string,
  actions: HeaderActions,
  jumps: readonly JumpTarget[],
): { element: HTMLElement; heading: HTMLElement } {
  const resolved = pm.outcome === 'resolved';
  const heading = h('h1', {
    className: 'debrief-title',
    id: headingId,
    text: pm.scenario.title,
    attrs: { tabindex: '-1' },
  });

  const meta = h('dl', { className: 'debrief-meta' }, [
    fact(t('debrief.header.incident'), h('span', { className: 'debrief-id', text: pm.incidentId })),
    fact(
      t('debrief.header.outcome'),
      h(
        'span',
        {
          className: 'debrief-outcome',
          attrs: { 'data-outcome': resolved ? 'resolved' : 'unresolved' },
        },
        [verdictIcon(resolved ? 'good' : 'missed'), outcomeWord(pm.outcome)],
      ),
    ),
    fact(t('debrief.header.played'), formatElapsed(pm.endedAt)),
    fact(
      t('debrief.header.severity'),
      pm.severity === null ? t('debrief.header.notDeclared') : severityLabel(pm.severity),
    ),
  ]);

  const button = (
    className: string,
    icon: SVGSVGElement,
    label: string,
    onClick: () => void,
  ): HTMLButtonElement => {
    const b = h('button', { className, attrs: { type: 'button' } }, [
      h('span', { className: 'debrief-button-icon' }, [icon]),
      label,
    ]);
    b.addEventListener('click', onClick);
    return b;
  };
  const { onRetry, onReplay } = actions;
  const buttons = h('div', { className: 'debrief-actions' }, [
    onReplay &&
      button('debrief-button', replayIcon(), t('debrief.header.replay'), () => onReplay()),
    onRetry && button('debrief-button', retryIcon(), t('debrief.header.retry'), () => onRetry()),
    button('debrief-button', backIcon(), t('debrief.header.back'), () => actions.onBack()),
  ]);

  const jumpLinks = jumps.map((jump) => {
    const link = h('a', {
      className: 'debrief-jump-link',
      text: jump.label,
      attrs: { href: `#${jump.heading.id}` },
    });
    // Scrolls without touching the address: the app's screens are not routed by hash.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      jump.heading.scrollIntoView?.({ block: 'start' });
      jump.heading.focus({ preventScroll: true });
    });
    return h('li', {}, [link]);
  });

  const element = h('header', { className: 'debrief-header' }, [
    h('div', { className: 'debrief-header-inner' }, [
      h('span', { className: 'brand-mark debrief-mark' }, [pulseIcon()]),
      h('div', { className: 'debrief-heading' }, [
        h('p', { className: 'eyebrow', text: t('debrief.eyebrow') }),
        heading,
        meta,
      ]),
      buttons,
    ]),
    h('nav', { className: 'debrief-jump', attrs: { 'aria-label': t('debrief.jump.label') } }, [
      h('ul', {}, jumpLinks),
    ]),
  ]);
  return { element, heading };
}

function fact(term: string, value: Node | string): HTMLElement {
  return h('div', { className: 'debrief-fact' }, [h('dt', { text: term }), h('dd', {}, [value])]);
}
