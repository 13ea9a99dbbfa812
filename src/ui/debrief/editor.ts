/**
 * One section of the postmortem: rendered with the safe Markdown renderer, with an Edit button
 * that turns it into a text area holding its Markdown (Save, Cancel, Reset to generated). The
 * player's own text is checked for blame-style wording as they type and after they save: the
 * phrases are listed under the text and marked in the preview, and the section says it needs
 * rewording until they are gone. The generated text is the model's and is not checked.
 */
import { t } from '../../i18n/index.ts';
import { findBlame } from '../../postmortem/blame.ts';
import type { BlameFlag } from '../../postmortem/blame.ts';
import type { PostmortemSection } from '../../postmortem/model.ts';
import { h } from '../dom.ts';
import { renderMarkdown } from '../runbooks/markdown.ts';
import { buildBlameFlags } from './blame-flags.ts';
import { editIcon, warnIcon } from './icons.ts';

export interface SectionEditor {
  readonly element: HTMLElement;
  readonly section: PostmortemSection;
  /** The section's Markdown as it stands (the generated text until the player saves an edit). */
  text(): string;
  /** Whether the player's saved text has wording flagged as blame. */
  flagged(): boolean;
}

/** Whether two Markdown texts say the same (line endings and outer blank lines aside). */
const same = (a: string, b: string): boolean =>
  a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/** Blame flags of the player's text; the generated text is not theirs to fix. */
const flagsOf = (text: string, generated: string): BlameFlag[] =>
  same(text, generated) ? [] : findBlame(text);

export function buildSectionEditor(
  section: PostmortemSection,
  initial: string | undefined,
  id: string,
  /** The saved text, or null when the section is back to the generated text. */
  onSave: (text: string | null) => void,
): SectionEditor {
  const generated = section.markdown;
  let saved = initial !== undefined && !same(initial, generated) ? initial : generated;
  let savedFlags = flagsOf(saved, generated);

  const titleId = `${id}-title`;
  const edited = h('span', { className: 'debrief-badge is-edited', text: t('debrief.doc.edited') });
  const needsWork = h('span', { className: 'debrief-badge is-flagged' }, [
    warnIcon(),
    t('debrief.doc.needsRewording'),
  ]);
  const edit = h(
    'button',
    {
      className: 'debrief-button debrief-edit',
      attrs: { type: 'button', 'aria-label': t('debrief.doc.editLabel', { title: section.title }) },
    },
    [h('span', { className: 'debrief-button-icon' }, [editIcon()]), t('debrief.doc.edit')],
  );
  const preview = h('div', { className: 'debrief-doc-preview' });
  const flags = buildBlameFlags(id);

  const textarea = h('textarea', {
    className: 'debrief-doc-textarea',
    id: `${id}-text`,
    attrs: { spellcheck: 'true', 'aria-describedby': `${id}-help` },
  });
  const save = h('button', {
    className: 'debrief-button is-primary',
    text: t('debrief.doc.save'),
    attrs: { type: 'submit' },
  });
  const cancel = h('button', {
    className: 'debrief-button',
    text: t('debrief.doc.cancel'),
    attrs: { type: 'button' },
  });
  const reset = h('button', {
    className: 'debrief-button',
    text: t('debrief.doc.reset'),
    attrs: { type: 'button' },
  });
  const form = h('form', { className: 'debrief-doc-form' }, [
    h('label', {
      className: 'debrief-doc-label',
      text: t('debrief.doc.textLabel', { title: section.title }),
      attrs: { for: textarea.id },
    }),
    textarea,
    h('p', { className: 'debrief-doc-help', id: `${id}-help`, text: t('debrief.doc.help') }),
    h('div', { className: 'debrief-doc-buttons' }, [save, cancel, reset]),
  ]);
  form.hidden = true;

  const element = h(
    'section',
    {
      className: 'debrief-doc-section',
      attrs: { 'aria-labelledby': titleId, 'data-section': section.id },
    },
    [
      h('div', { className: 'debrief-doc-section-head' }, [
        h('h3', { className: 'debrief-doc-section-title', id: titleId, text: section.title }),
        edited,
        needsWork,
        edit,
      ]),
      preview,
      flags.element,
      form,
    ],
  );

  const renderSaved = (): void => {
    const isEdited = saved !== generated;
    edited.hidden = !isEdited;
    needsWork.hidden = savedFlags.length === 0;
    element.dataset['state'] =
      savedFlags.length > 0 ? 'flagged' : isEdited ? 'edited' : 'generated';
    preview.replaceChildren(
      renderMarkdown(saved, {
        docId: 'postmortem.md',
        known: () => false,
        terms: savedFlags.map((f) => f.phrase.toLowerCase()),
      }),
    );
    element.append(flags.element);
    flags.show(savedFlags, isEdited);
  };

  const select = (flag: BlameFlag): void => {
    textarea.focus();
    textarea.setSelectionRange(flag.start, flag.end);
  };
  const checkDraft = (): void => {
    flags.show(flagsOf(textarea.value, generated), !same(textarea.value, generated), select);
    reset.disabled = same(textarea.value, generated);
  };

  const open = (): void => {
    textarea.value = saved;
    textarea.rows = Math.min(28, Math.max(6, saved.split('\n').length + 2));
    form.hidden = false;
    preview.hidden = true;
    edit.hidden = true;
    // The list sits right under the text while editing.
    textarea.after(flags.element);
    checkDraft();
    textarea.focus();
  };
  const close = (): void => {
    form.hidden = true;
    preview.hidden = false;
    edit.hidden = false;
    renderSaved();
    edit.focus();
  };

  edit.addEventListener('click', open);
  textarea.addEventListener('input', checkDraft);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textarea.value;
    saved = same(text, generated) ? generated : text;
    savedFlags = flagsOf(saved, generated);
    close();
    onSave(saved === generated ? null : saved);
  });
  cancel.addEventListener('click', close);
  reset.addEventListener('click', () => {
    textarea.value = generated;
    checkDraft();
    textarea.focus();
  });

  renderSaved();
  return {
    element,
    section,
    text: () => saved,
    flagged: () => savedFlags.length > 0,
  };
}
