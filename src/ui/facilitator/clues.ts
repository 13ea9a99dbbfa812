/**
 * The answer key's clues by level, each with "Reveal": the player sees it at once. A clue already
 * shown (by the facilitator, or offered by the story) says when, and cannot be revealed again.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setAttr, setData, setDisabled, setHidden, setText } from './dom-sync.ts';
import type { FacilitatorView } from './model.ts';
import { emptyLine, panelFrame } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';

interface ClueRow {
  readonly element: HTMLElement;
  readonly text: HTMLElement;
  readonly button: HTMLButtonElement;
}

export function buildClues(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, commands, formatTime } = ctx;
  const list = h('ol', { className: 'fac-list fac-clue-list' });
  const none = emptyLine(labels, () => t('facilitator.clues.none'));
  const frame = panelFrame(labels, 'clues', () => t('facilitator.clues.title'), [
    labels.text(h('p', { className: 'fac-intro' }), () => t('facilitator.clues.intro')),
    list,
    none,
  ]);
  // One kept row per level, so revealing never rebuilds the button that was just pressed.
  const rows = new Map<number, ClueRow>();

  const rowFor = (level: number): ClueRow => {
    const existing = rows.get(level);
    if (existing) return existing;
    const button = h('button', {
      className: 'fac-button fac-clue-reveal',
      attrs: { type: 'button', 'data-level': String(level) },
    });
    button.addEventListener('click', () => commands.revealClue(level));
    const text = h('p', { className: 'fac-clue-text' });
    const element = h('li', { className: 'fac-clue', attrs: { 'data-level': String(level) } }, [
      h('div', { className: 'fac-clue-head' }, [
        labels.text(h('span', { className: 'fac-clue-level' }), () =>
          t('facilitator.clues.level', { level }),
        ),
        button,
      ]),
      text,
    ]);
    const row = { element, text, button };
    rows.set(level, row);
    return row;
  };

  return {
    element: frame.element,
    update(view) {
      const blocked = view.ended !== null || view.link !== 'inSync';
      const clues = [...view.clues].sort((a, b) => a.level - b.level);
      clues.forEach((clue, index) => {
        const row = rowFor(clue.level);
        if (list.children[index] !== row.element)
          list.insertBefore(row.element, list.children[index] ?? null);
        setText(row.text, clue.text);
        const revealed = clue.revealedAt !== null;
        setData(row.element, 'revealed', String(revealed));
        if (clue.revealedAt === null) {
          setText(row.button, t('facilitator.clues.reveal'));
          setAttr(
            row.button,
            'aria-label',
            t('facilitator.clues.revealLabel', { level: clue.level }),
          );
        } else {
          const when = t('facilitator.clues.revealed', { time: formatTime(clue.revealedAt) });
          setText(row.button, when);
          setAttr(
            row.button,
            'aria-label',
            `${t('facilitator.clues.level', { level: clue.level })}: ${when}`,
          );
        }
        setDisabled(row.button, revealed || blocked);
      });
      setHidden(none, clues.length > 0);
    },
  };
}
