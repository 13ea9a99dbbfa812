/**
 * The debrief: what the player sees when an incident ends. The header says which incident and
 * how it ended; then the scores against the reference solution, the player's path beside the
 * expert's, small charts of the key metrics with the incident's marks, and the blameless
 * postmortem, every section editable before export. The timeline runs beside it all, so every
 * number can show the entries behind it. Printing leaves the postmortem and its charts only.
 *
 * Everything shown comes from the `Postmortem` model (built in src/postmortem); scenario and
 * player text is set as text, never parsed as HTML.
 */
import './debrief.css';
// The Markdown preview shares the runbooks' look (.md).
import './runbooks.css';
import { t } from '../i18n/index.ts';
import type { Postmortem, SectionId } from '../postmortem/model.ts';
import { buildCharts } from './debrief/charts.ts';
import { buildDocument } from './debrief/document.ts';
import { buildHeader } from './debrief/header.ts';
import { buildPaths } from './debrief/paths.ts';
import { buildScores } from './debrief/scores.ts';
import { buildTimeline, evidenceSummary } from './debrief/timeline.ts';
import { h } from './dom.ts';

export interface DebriefOptions {
  readonly postmortem: Postmortem;
  /** Sections the player edited before (restored from storage), by section id. */
  readonly edits?: Readonly<Partial<Record<SectionId, string>>>;
  /** Called whenever the player saves or resets a section, with every edit, to store them. */
  onEdit?(edits: Readonly<Partial<Record<SectionId, string>>>): void;
  /** Back to the library. */
  onBack(): void;
  /** Play the same scenario again. */
  onRetry?(): void;
  /** Open the replay view of this run. */
  onReplay?(): void;
  /** "Try another action from here", from a decision point (`TimelineItem.decision`). */
  onBranch?(t: number): void;
}

export interface DebriefScreen {
  readonly element: HTMLElement;
  destroy(): void;
}

/** The class the mount point gets: the print stylesheet hides everything beside it. */
export const DEBRIEF_ROOT_CLASS = 'debrief-root';

let mounts = 0;

export function mountDebrief(root: HTMLElement, options: DebriefOptions): DebriefScreen {
  const pm = options.postmortem;
  const prefix = `oc-debrief-${++mounts}`;
  const announcer = h('p', { className: 'visually-hidden', attrs: { role: 'status' } });

  const timeline = buildTimeline(pm, prefix);
  const show = (ids: readonly number[], label: string): void => {
    const count = timeline.showEvidence(ids, label);
    announcer.textContent = evidenceSummary(label, count);
  };

  const charts = buildCharts(pm, prefix);
  const printing = (on: boolean): void => charts.setPrint(on);
  const document_ = buildDocument(pm, prefix, {
    ...(options.edits ? { edits: options.edits } : {}),
    onEdit: (edits) => options.onEdit?.(edits),
    beforePrint: () => printing(true),
  });

  const part = (
    key: string,
    title: string,
    intro: string | null,
    body: HTMLElement,
  ): { element: HTMLElement; heading: HTMLElement } => {
    const id = `${prefix}-${key}`;
    const heading = h('h2', {
      className: 'debrief-section-title',
      id,
      text: title,
      attrs: { tabindex: '-1' },
    });
    const element = h(
      'section',
      { className: `debrief-part debrief-part-${key}`, attrs: { 'aria-labelledby': id } },
      [
        heading,
        intro === null ? null : h('p', { className: 'debrief-part-intro', text: intro }),
        body,
      ],
    );
    return { element, heading };
  };
  const scores = part(
    'scores',
    t('debrief.scores.title'),
    pm.reference === null ? t('debrief.scores.introNoReference') : t('debrief.scores.intro'),
    buildScores(pm.scores, `${prefix}-score`, (score) => show(score.evidence, score.label)),
  );
  const paths = part(
    'paths',
    t('debrief.paths.title'),
    t('debrief.paths.intro'),
    buildPaths(pm, timeline.anchor, show, options.onBranch),
  );
  const metrics = part('charts', t('debrief.charts.title'), null, charts.element);

  const header = buildHeader(pm, `${prefix}-title`, options, [
    { label: t('debrief.jump.scores'), heading: scores.heading },
    { label: t('debrief.jump.paths'), heading: paths.heading },
    { label: t('debrief.jump.charts'), heading: metrics.heading },
    { label: t('debrief.jump.document'), heading: document_.heading },
    { label: t('debrief.jump.timeline'), heading: timeline.heading },
  ]);

  const element = h('div', { className: 'debrief-screen' }, [
    header.element,
    h('main', { className: 'debrief-body', attrs: { 'aria-labelledby': `${prefix}-title` } }, [
      h('div', { className: 'debrief-main' }, [
        scores.element,
        paths.element,
        metrics.element,
        document_.element,
      ]),
      h('div', { className: 'debrief-side' }, [timeline.element]),
    ]),
    announcer,
  ]);

  // Ctrl+P prints too: the charts go black on white for the paper and come back after.
  const before = (): void => printing(true);
  const after = (): void => printing(false);
  globalThis.addEventListener('beforeprint', before);
  globalThis.addEventListener('afterprint', after);

  root.classList.add(DEBRIEF_ROOT_CLASS);
  root.replaceChildren(element);
  document.title = `${t('debrief.docTitle', { title: pm.scenario.title })} · ${t('app.title')}`;
  charts.draw();
  header.heading.focus();

  return {
    element,
    destroy() {
      globalThis.removeEventListener('beforeprint', before);
      globalThis.removeEventListener('afterprint', after);
      charts.destroy();
      root.classList.remove(DEBRIEF_ROOT_CLASS);
      root.replaceChildren();
    },
  };
}
