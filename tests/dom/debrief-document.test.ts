/**
 * The debrief's postmortem: sections rendered and editable, edits saved through onEdit and
 * restored, blame-style wording flagged and cleared, and export (download, copy, print) of the
 * edited Markdown.
 */
import 'vitest-canvas-mock';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import {
  postmortemFilename,
  postmortemMarkdown,
  postmortemSections,
} from '../../src/postmortem/markdown.ts';
import type { SectionId } from '../../src/postmortem/model.ts';
import { mountDebrief } from '../../src/ui/debrief.ts';
import type { DebriefOptions, DebriefScreen } from '../../src/ui/debrief.ts';
import { HOSTILE, debriefModel } from './debrief-fixture.ts';

let root: HTMLElement;
let screen: DebriefScreen | null;

function mount(options: Partial<DebriefOptions> = {}): DebriefScreen {
  screen = mountDebrief(root, { postmortem: debriefModel(), onBack: () => {}, ...options });
  return screen;
}

const section = (id: SectionId): HTMLElement =>
  root.querySelector<HTMLElement>(`.debrief-doc-section[data-section="${id}"]`)!;
const textarea = (id: SectionId): HTMLTextAreaElement =>
  section(id).querySelector<HTMLTextAreaElement>('textarea')!;
const edit = (id: SectionId): void => {
  fireEvent.click(within(section(id)).getByRole('button', { name: /^Edit the section/ }));
};
const type = (id: SectionId, text: string): void => {
  textarea(id).value = text;
  fireEvent.input(textarea(id));
};
const save = (id: SectionId): void => {
  fireEvent.click(within(section(id)).getByRole('button', { name: 'Save' }));
};
const flags = (id: SectionId): string[] =>
  [...section(id).querySelectorAll('.debrief-blame-phrase')].map((el) => el.textContent ?? '');

/** Lets promise callbacks (the clipboard's) run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  screen = null;
});

afterEach(() => {
  screen?.destroy();
  root.remove();
  setLocale(DEFAULT_LOCALE);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('sections', () => {
  it('shows every section of the document, rendered, with its title', () => {
    mount();
    const generated = postmortemSections(debriefModel());
    const shown = [...root.querySelectorAll('.debrief-doc-section')];
    expect(shown.map((s) => s.querySelector('h3')?.textContent)).toEqual(
      generated.map((s) => s.title),
    );
    // The impact section's tables render as tables, not as pipes.
    expect(section('impact').querySelector('.debrief-doc-preview table')).not.toBeNull();
    expect(section('impact').querySelector('.debrief-doc-preview')?.textContent).not.toContain(
      '| ---',
    );
  });

  it('edit, then save: the preview changes and onEdit gets every edit', () => {
    const onEdit = vi.fn();
    mount({ onEdit });
    edit('summary');
    const area = textarea('summary');
    expect(area.value).toBe(postmortemSections(debriefModel())[0]!.markdown);
    expect(document.activeElement).toBe(area);
    type('summary', 'The release **leaked** connections until the rollback.');
    save('summary');
    const preview = section('summary').querySelector('.debrief-doc-preview')!;
    expect(preview.textContent).toBe('The release leaked connections until the rollback.');
    expect(preview.querySelector('strong')?.textContent).toBe('leaked');
    expect(section('summary').querySelector<HTMLElement>('form')!.hidden).toBe(true);
    expect(section('summary').querySelector<HTMLElement>('.is-edited')!.hidden).toBe(false);
    expect(onEdit).toHaveBeenLastCalledWith({
      summary: 'The release **leaked** connections until the rollback.',
    });
  });

  it('cancel keeps the saved text; reset brings back the generated text', () => {
    const onEdit = vi.fn();
    const generated = postmortemSections(debriefModel())[0]!.markdown;
    mount({ onEdit, edits: { summary: 'Restored from storage.' } });
    const preview = (): string =>
      section('summary').querySelector('.debrief-doc-preview')!.textContent ?? '';
    expect(preview()).toBe('Restored from storage.');
    edit('summary');
    type('summary', 'A draft I drop.');
    fireEvent.click(within(section('summary')).getByRole('button', { name: 'Cancel' }));
    expect(preview()).toBe('Restored from storage.');
    expect(onEdit).not.toHaveBeenCalled();

    edit('summary');
    fireEvent.click(within(section('summary')).getByRole('button', { name: 'Reset to generated' }));
    expect(textarea('summary').value).toBe(generated);
    save('summary');
    expect(onEdit).toHaveBeenLastCalledWith({});
    expect(section('summary').querySelector<HTMLElement>('.is-edited')!.hidden).toBe(true);
  });

  it('flags blame-style wording while editing and after saving, until it is rewritten', () => {
    mount();
    edit('lessons');
    type('lessons', 'The outage was caused by human error: Alice should have checked the pool.');
    expect(flags('lessons')).toEqual(['human error', 'Alice should have']);
    const status = section('lessons').querySelector('.debrief-blame-status')!;
    expect(status.textContent).toBe('2 phrases read as blame:');
    // A flag is a button that selects its phrase in the text.
    fireEvent.click(
      within(section('lessons')).getByRole('button', { name: /Select “human error”/ }),
    );
    const area = textarea('lessons');
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('human error');

    save('lessons');
    expect(section('lessons').querySelector<HTMLElement>('.is-flagged')!.hidden).toBe(false);
    expect(section('lessons').querySelector('.is-flagged')?.textContent).toBe('Needs rewording');
    expect(section('lessons').dataset['state']).toBe('flagged');
    expect(flags('lessons')).toEqual(['human error', 'Alice should have']);
    expect(
      [...section('lessons').querySelectorAll('.debrief-doc-preview mark')].map(
        (m) => m.textContent,
      ),
    ).toEqual(['human error', 'Alice should have']);
    expect(root.querySelector('.debrief-doc-notice')?.textContent).toContain(
      '1 section has wording that reads as blame',
    );

    edit('lessons');
    type(
      'lessons',
      'The pool check was not part of the deploy checklist, so nobody was prompted to run it.',
    );
    expect(flags('lessons')).toEqual([]);
    expect(section('lessons').querySelector('.debrief-blame-status')?.textContent).toBe(
      'No blame-style wording found.',
    );
    save('lessons');
    expect(section('lessons').querySelector<HTMLElement>('.is-flagged')!.hidden).toBe(true);
    expect(section('lessons').dataset['state']).toBe('edited');
    expect(root.querySelector<HTMLElement>('.debrief-doc-notice')!.hidden).toBe(true);
  });

  it('does not flag the generated text', () => {
    mount();
    expect(root.querySelectorAll('.debrief-blame-item')).toHaveLength(0);
    expect(root.querySelectorAll('[data-state="flagged"]')).toHaveLength(0);
  });

  it('keeps markup the player types as text', () => {
    mount();
    edit('summary');
    type('summary', `${HOSTILE}\n\n| a | ${HOSTILE} |\n|---|---|\n| <script>x</script> | y |`);
    save('summary');
    const preview = section('summary').querySelector('.debrief-doc-preview')!;
    expect(preview.querySelector('img, script')).toBeNull();
    expect(preview.textContent).toContain(HOSTILE);
    expect(preview.querySelector('td')?.textContent).toBe('<script>x</script>');
  });
});

describe('export', () => {
  it('downloads the edited Markdown under the document’s filename', async () => {
    const blobs: Blob[] = [];
    // Object URLs are stubbed: the test reads the Blob the page made.
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:debrief-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({
        href: this.getAttribute('href') ?? '',
        download: this.getAttribute('download') ?? '',
        attached: this.isConnected,
      });
    });
    mount();
    edit('summary');
    type('summary', 'Edited summary for export.');
    save('summary');
    fireEvent.click(getByRole(root, 'button', { name: 'Download Markdown' }));

    const pm = debriefModel();
    expect(clicked).toEqual([
      { href: 'blob:debrief-test', download: postmortemFilename(pm), attached: true },
    ]);
    const sections = postmortemSections(pm).map((s) =>
      s.id === 'summary' ? { ...s, markdown: 'Edited summary for export.' } : s,
    );
    const text = await blobs[0]!.text();
    expect(text).toBe(postmortemMarkdown(pm, sections));
    expect(text).toContain('## Summary\n\nEdited summary for export.\n');
    expect(root.querySelector('.debrief-export-status')?.textContent).toBe(
      `Saved as ${postmortemFilename(pm)}.`,
    );
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('copies the Markdown to the clipboard and says so', async () => {
    const writes: string[] = [];
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: (s: string) => (writes.push(s), Promise.resolve()) },
    });
    mount();
    fireEvent.click(getByRole(root, 'button', { name: 'Copy Markdown' }));
    await settle();
    expect(writes).toEqual([postmortemMarkdown(debriefModel())]);
    const status = root.querySelector('.debrief-export-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('Copied the Markdown to the clipboard.');
  });

  it('lays the Markdown out selected when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: () => Promise.reject(new Error('denied')) },
    });
    mount();
    fireEvent.click(getByRole(root, 'button', { name: 'Copy Markdown' }));
    await settle();
    const fallback = root.querySelector<HTMLElement>('.debrief-export-fallback')!;
    expect(fallback.hidden).toBe(false);
    expect(fallback.textContent).toBe(postmortemMarkdown(debriefModel()));
    expect(document.activeElement).toBe(fallback);
    expect(root.querySelector('.debrief-export-status')?.textContent).toContain(
      'press Ctrl+C to copy it',
    );
  });

  it('prints through the browser, with the charts in black on white', () => {
    const print = vi.fn(() => {
      // The charts were redrawn for paper before the dialog opened.
      expect(root.querySelector('.debrief-chart canvas')).not.toBe(screenCanvas);
    });
    vi.stubGlobal('print', print);
    mount();
    const screenCanvas = root.querySelector('.debrief-chart canvas');
    fireEvent.click(getByRole(root, 'button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
