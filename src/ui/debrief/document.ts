/**
 * The blameless postmortem as the player will hand it in: its title and status, every section
 * (each editable, see `editor.ts`), a note when some of the player's wording needs another look,
 * and the export buttons. The exported Markdown is built from the sections as edited.
 */
import { t } from '../../i18n/index.ts';
import {
  postmortemFilename,
  postmortemMarkdown,
  postmortemSections,
} from '../../postmortem/markdown.ts';
import type { Postmortem, PostmortemSection, SectionId } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { buildSectionEditor } from './editor.ts';
import type { SectionEditor } from './editor.ts';
import { buildExport } from './export.ts';

export type SectionEdits = Readonly<Partial<Record<SectionId, string>>>;

export interface DocumentOptions {
  readonly edits?: SectionEdits;
  onEdit?(edits: SectionEdits): void;
  beforePrint?(): void;
}

export interface DebriefDocument {
  readonly element: HTMLElement;
  readonly heading: HTMLElement;
  /** The sections with the player's edits in place. */
  sections(): PostmortemSection[];
  markdown(): string;
}

export function buildDocument(
  pm: Postmortem,
  prefix: string,
  options: DocumentOptions,
): DebriefDocument {
  const edits: Partial<Record<SectionId, string>> = {};
  const notice = h('p', { className: 'debrief-doc-notice', attrs: { role: 'status' } });
  const updateNotice = (): void => {
    const flagged = editors.filter((e) => e.flagged()).length;
    notice.hidden = flagged === 0;
    notice.textContent =
      flagged === 0
        ? ''
        : t(flagged === 1 ? 'debrief.doc.flaggedNotice.one' : 'debrief.doc.flaggedNotice.other', {
            count: flagged,
          });
  };

  const editors: SectionEditor[] = postmortemSections(pm).map((section) => {
    const initial = options.edits?.[section.id];
    const editor = buildSectionEditor(section, initial, `${prefix}-doc-${section.id}`, (text) => {
      if (text === null) delete edits[section.id];
      else edits[section.id] = text;
      updateNotice();
      options.onEdit?.({ ...edits });
    });
    if (editor.text() !== section.markdown) edits[section.id] = editor.text();
    return editor;
  });

  const sections = (): PostmortemSection[] =>
    editors.map((e) => ({ ...e.section, markdown: e.text() }));
  const markdown = (): string => postmortemMarkdown(pm, sections());

  const headingId = `${prefix}-doc-heading`;
  const heading = h('h2', {
    className: 'debrief-doc-title',
    id: headingId,
    text: pm.title,
    attrs: { tabindex: '-1' },
  });
  const element = h(
    'section',
    { className: 'debrief-document', attrs: { 'aria-labelledby': headingId } },
    [
      h('header', { className: 'debrief-doc-head' }, [
        h('p', { className: 'eyebrow', text: t('debrief.doc.eyebrow') }),
        heading,
        h('p', { className: 'debrief-doc-meta' }, [
          h('span', { className: 'debrief-id', text: pm.incidentId }),
          ' · ',
          pm.status,
        ]),
        h('p', { className: 'debrief-doc-intro', text: t('debrief.doc.intro') }),
        buildExport({
          markdown,
          filename: postmortemFilename(pm),
          ...(options.beforePrint ? { beforePrint: options.beforePrint } : {}),
        }),
        notice,
      ]),
      ...editors.map((e) => e.element),
    ],
  );
  updateNotice();
  return { element, heading, sections, markdown };
}
