/**
 * The list of phrases in the player's text that read as blame (from `findBlame`), each with the
 * reason. While the player edits, a phrase is a button that selects it in the text area, so it can
 * be rewritten from the keyboard.
 */
import { t } from '../../i18n/index.ts';
import type { BlameFlag } from '../../postmortem/blame.ts';
import { h } from '../dom.ts';
import { warnIcon } from './icons.ts';

export interface BlameFlagsView {
  readonly element: HTMLElement;
  /**
   * Shows the flags of `text` (none: `checked` says whether the player's text was checked at
   * all); `select` picks a flag's phrase in the editor, when one is open.
   */
  show(flags: readonly BlameFlag[], checked: boolean, select?: (flag: BlameFlag) => void): void;
}

export function buildBlameFlags(id: string): BlameFlagsView {
  const status = h('p', { className: 'debrief-blame-status', attrs: { role: 'status' } });
  const list = h('ul', { className: 'debrief-blame-list', id: `${id}-list` });
  const element = h('div', { className: 'debrief-blame', attrs: { 'data-flags': '0' } }, [
    status,
    list,
  ]);
  let lastStatus = '';
  return {
    element,
    show(flags, checked, select) {
      element.hidden = !checked;
      element.dataset['flags'] = String(flags.length);
      const text =
        flags.length === 0
          ? t('debrief.blame.clear')
          : t(flags.length === 1 ? 'debrief.blame.found.one' : 'debrief.blame.found.other', {
              count: flags.length,
            });
      // A status region is read on change: keystrokes that change nothing stay silent.
      if (text !== lastStatus) {
        status.replaceChildren(...(flags.length === 0 ? [] : [warnIcon()]), text);
        lastStatus = text;
      }
      list.replaceChildren(
        ...flags.map((flag) => {
          const phrase = select
            ? h('button', {
                className: 'debrief-blame-phrase',
                text: flag.phrase,
                attrs: {
                  type: 'button',
                  'aria-label': t('debrief.blame.select', { phrase: flag.phrase }),
                },
              })
            : h('mark', { className: 'debrief-blame-phrase', text: flag.phrase });
          if (select) phrase.addEventListener('click', () => select(flag));
          return h('li', { className: 'debrief-blame-item' }, [
            phrase,
            h('span', { className: 'debrief-blame-reason', text: flag.reason }),
          ]);
        }),
      );
    },
  };
}
