/**
 * The console's scrollback: one block per line run (the echoed prompt and command, the tool's
 * output verbatim, the game's hints), capped so that a long incident stays fast. Everything a
 * command or the player wrote is set as textContent, never parsed.
 */
import { t, translateRef } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { copiedIcon, copyIcon, hintIcon } from './icons.ts';
import { copyOrSelect } from './clipboard.ts';
import type { ConsoleNote } from './types.ts';

export interface BlockData {
  /** The prompt part of the echoed line, shown but left out of text selections. */
  readonly prompt: string;
  readonly line: string;
  readonly out: string;
  readonly notes: readonly ConsoleNote[];
  /** A failed command's exit status; null shows none. */
  readonly exit: number | null;
}

export interface ScrollbackLimits {
  /** Blocks kept; the oldest go first. */
  readonly maxBlocks: number;
  /** Output lines shown per block; the rest are counted in a "… N more lines" line. */
  readonly maxLines: number;
  /** Lines kept on screen in all, so many long outputs cannot make the page slow either. */
  readonly maxTotalLines: number;
  /** Output lines the copy button copies (hidden lines included, up to this many). */
  readonly copyLines: number;
  /** Output lines read out by the live region. */
  readonly announceLines: number;
}

export const DEFAULT_LIMITS: ScrollbackLimits = {
  maxBlocks: 2000,
  maxLines: 1000,
  maxTotalLines: 40_000,
  copyLines: 20_000,
  announceLines: 40,
};

export interface Scrollback {
  readonly element: HTMLElement;
  /** Adds a block; returns the text the live region should announce for it. */
  append(block: BlockData): string;
  clear(): void;
  /** Re-renders the translated parts after a change of locale. */
  relabel(): void;
  readonly blockCount: number;
}

interface Entry {
  readonly element: HTMLElement;
  readonly lines: number;
  readonly relabel: () => void;
}

/** Lines of a tool's output, without the final newline every line ends with. */
function splitLines(out: string): string[] {
  if (out === '') return [];
  return out.replace(/\n$/, '').split('\n');
}

const countText = (n: number): string => n.toLocaleString(document.documentElement.lang || 'en');

export function createScrollback(
  limits: ScrollbackLimits,
  onStatus: (message: string) => void,
): Scrollback {
  const trimmed = h('p', { className: 'console-trimmed', text: t('console.trimmed') });
  trimmed.hidden = true;
  const list = h('div', { className: 'console-blocks' });
  const element = h('div', { className: 'console-scrollback' }, [trimmed, list]);
  const entries: Entry[] = [];
  let totalLines = 0;

  const renderBlock = (data: BlockData): { entry: Entry; announce: string } => {
    const lines = splitLines(data.out);
    const shown = lines.slice(0, limits.maxLines);
    const hidden = lines.length - shown.length;
    const notes = data.notes.map((note) => translateRef(note));

    const echo = h('div', { className: 'console-echo' }, [
      h('span', { className: 'console-echo-prompt', text: data.prompt }),
      h('span', { className: 'console-echo-line', text: data.line }),
    ]);
    const exitMarker =
      data.exit === null
        ? null
        : h('span', { className: 'console-exit', attrs: { 'data-exit': String(data.exit) } });
    const pre =
      shown.length > 0 ? h('pre', { className: 'console-out', text: shown.join('\n') }) : null;
    const more = hidden > 0 ? h('p', { className: 'console-truncated' }) : null;
    const noteLabel = h('span', { className: 'visually-hidden' });
    const noteParagraphs = data.notes.map(() => h('p', { className: 'console-note' }));
    const notesBox =
      noteParagraphs.length > 0
        ? h('div', { className: 'console-notes' }, [
            h('span', { className: 'console-note-icon' }, [hintIcon()]),
            h('div', { className: 'console-notes-body' }, [noteLabel, ...noteParagraphs]),
          ])
        : null;

    // Copy the tool's output; a block of hints only (help) copies the hints.
    const copyText =
      lines.length > 0 ? lines.slice(0, limits.copyLines).join('\n') : notes.join('\n');
    const copyLabel = h('span', { className: 'visually-hidden' });
    const copyButton =
      copyText === ''
        ? null
        : h('button', { className: 'console-copy', attrs: { type: 'button' } }, [
            copyIcon(),
            copiedIcon(),
            copyLabel,
          ]);
    let copiedTimer: ReturnType<typeof setTimeout> | undefined;
    const setCopyLabel = (copied: boolean): void => {
      if (!copyButton) return;
      const label = copied ? t('console.copied') : t('console.copy');
      copyLabel.textContent = label;
      copyButton.title = label;
      copyButton.classList.toggle('is-copied', copied);
    };
    copyButton?.addEventListener('click', () => {
      void copyOrSelect(copyText, pre ?? notesBox ?? echo).then((how) => {
        if (how === 'copied') {
          setCopyLabel(true);
          onStatus(t('console.copied'));
          clearTimeout(copiedTimer);
          copiedTimer = setTimeout(() => setCopyLabel(false), 1600);
        } else {
          onStatus(t('console.copySelected'));
        }
      });
    });

    const tools =
      exitMarker || copyButton
        ? h('div', { className: 'console-block-tools' }, [exitMarker, copyButton])
        : null;
    const element = h('div', { className: 'console-block' }, [
      h('div', { className: 'console-block-head' }, [echo, tools]),
      pre,
      more,
      notesBox,
    ]);

    const relabel = (): void => {
      if (exitMarker && data.exit !== null)
        exitMarker.textContent = t('console.exitStatus', { code: data.exit });
      if (more) more.textContent = t('console.truncated', { count: countText(hidden) });
      noteLabel.textContent = t('console.note.label');
      data.notes.forEach((note, i) => {
        const p = noteParagraphs[i];
        if (p) p.textContent = translateRef(note);
      });
      setCopyLabel(copyButton?.classList.contains('is-copied') ?? false);
    };
    relabel();

    // What a screen reader hears: the output (its start, if long), the hints, a failure.
    const spoken = lines.slice(0, limits.announceLines);
    const unspoken = lines.length - spoken.length;
    const announce = [
      ...spoken,
      ...(unspoken > 0 ? [t('console.truncated', { count: countText(unspoken) })] : []),
      ...(notes.length > 0 ? [`${t('console.note.label')} ${notes.join('\n')}`] : []),
      ...(data.exit === null ? [] : [t('console.exitStatus', { code: data.exit })]),
    ].join('\n');

    const entry = { element, lines: 1 + shown.length + (more ? 1 : 0) + notes.length, relabel };
    return { entry, announce };
  };

  const dropOldest = (): void => {
    const oldest = entries.shift();
    if (!oldest) return;
    oldest.element.remove();
    totalLines -= oldest.lines;
    trimmed.hidden = false;
  };

  return {
    element,
    append(data) {
      const { entry, announce } = renderBlock(data);
      entries.push(entry);
      totalLines += entry.lines;
      list.append(entry.element);
      while (
        entries.length > 1 &&
        (entries.length > limits.maxBlocks || totalLines > limits.maxTotalLines)
      )
        dropOldest();
      return announce;
    },
    clear() {
      entries.length = 0;
      totalLines = 0;
      list.replaceChildren();
      trimmed.hidden = true;
    },
    relabel() {
      trimmed.textContent = t('console.trimmed');
      for (const entry of entries) entry.relabel();
    },
    get blockCount() {
      return entries.length;
    },
  };
}
