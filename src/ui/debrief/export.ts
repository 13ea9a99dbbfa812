/**
 * Getting the postmortem out: download the Markdown as a file, copy it (with a visible
 * confirmation, and the text laid out selected when the browser refuses), or print, where the
 * print stylesheet leaves only the document and its charts and the browser makes the PDF.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { copyIcon, downloadIcon, printIcon } from './icons.ts';

export interface ExportOptions {
  /** The document as it stands (with the player's edits). */
  markdown(): string;
  readonly filename: string;
  /** Called just before the browser's print dialog (the charts switch to black on white). */
  beforePrint?(): void;
}

/** Saves `text` as a file through a temporary link; the object URL is released afterwards. */
export function downloadText(text: string, filename: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h('a', { attrs: { href: url, download: filename }, className: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function buildExport(options: ExportOptions): HTMLElement {
  const status = h('p', { className: 'debrief-export-status', attrs: { role: 'status' } });
  const fallback = h('pre', {
    className: 'debrief-export-fallback',
    attrs: { tabindex: '0', 'aria-label': t('debrief.export.fallbackLabel') },
  });
  fallback.hidden = true;
  const say = (text: string): void => {
    status.textContent = text;
  };

  const button = (icon: SVGSVGElement, label: string, onClick: () => void): HTMLButtonElement => {
    const b = h('button', { className: 'debrief-button', attrs: { type: 'button' } }, [
      h('span', { className: 'debrief-button-icon' }, [icon]),
      label,
    ]);
    b.addEventListener('click', onClick);
    return b;
  };

  const download = button(downloadIcon(), t('debrief.export.download'), () => {
    downloadText(options.markdown(), options.filename);
    say(t('debrief.export.downloaded', { filename: options.filename }));
  });
  const copy = button(copyIcon(), t('debrief.export.copy'), () => {
    const text = options.markdown();
    fallback.hidden = true;
    void copyToClipboard(text).then((copied) => {
      if (copied) {
        say(t('debrief.export.copied'));
        return;
      }
      // Refused: the text is laid out and selected, so Ctrl+C still works.
      fallback.textContent = text;
      fallback.hidden = false;
      fallback.focus();
      selectContents(fallback);
      say(t('debrief.export.copyRefused'));
    });
  });
  const print = button(printIcon(), t('debrief.export.print'), () => {
    options.beforePrint?.();
    globalThis.print();
  });

  return h('div', { className: 'debrief-export' }, [
    h('div', { className: 'debrief-export-buttons' }, [download, copy, print]),
    status,
    fallback,
  ]);
}

async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard;
  if (clipboard === undefined || typeof clipboard.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function selectContents(node: Node): void {
  const selection = document.getSelection();
  if (!selection) return;
  const range = document.createRange();
  range.selectNodeContents(node);
  selection.removeAllRanges();
  selection.addRange(range);
}
