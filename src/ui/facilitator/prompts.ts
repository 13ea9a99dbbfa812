/**
 * The scenario's discussion prompts as the story reaches them: each stage's prompt appears when
 * the stage begins, the current one is marked, and the end prompts (stage null) appear once the
 * run has ended. The facilitator reads them out, or the projector shows the current one.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { setHidden, syncList } from './dom-sync.ts';
import type { FacilitatorView, PromptView } from './model.ts';
import { emptyLine, panelFrame } from './panel.ts';
import type { Panel, PanelContext } from './panel.ts';

export interface ShownPrompt {
  readonly prompt: PromptView;
  readonly current: boolean;
}

/**
 * The prompts to show, in the model's order: those reached (the latest is current) and, once the
 * run has ended, the end prompts, which are then the current ones.
 */
export function shownPrompts(
  prompts: readonly PromptView[],
  ended: boolean,
): readonly ShownPrompt[] {
  const reached = prompts.filter((p) => p.stage !== null && p.reachedAt !== null);
  let latest: PromptView | null = null;
  for (const p of reached) if (latest === null || p.reachedAt! >= latest.reachedAt!) latest = p;
  const endPrompts = ended ? prompts.filter((p) => p.stage === null) : [];
  return prompts
    .filter((p) => reached.includes(p) || endPrompts.includes(p))
    .map((prompt) => ({
      prompt,
      current: endPrompts.length > 0 ? prompt.stage === null : prompt === latest,
    }));
}

export function buildPrompts(ctx: PanelContext): Panel<FacilitatorView> {
  const { labels, formatTime } = ctx;
  const list = h('ol', { className: 'fac-list fac-prompt-list' });
  const none = emptyLine(labels, () => t('facilitator.prompts.none'));
  const frame = panelFrame(labels, 'prompts', () => t('facilitator.prompts.title'), [list, none]);

  return {
    element: frame.element,
    update(view) {
      const shown = shownPrompts(view.prompts, view.ended !== null);
      syncList(
        list,
        shown,
        ({ prompt, current }) =>
          `${String(current)}\u0000${prompt.stage ?? ''}\u0000${prompt.reachedAt ?? ''}\u0000${prompt.text}`,
        ({ prompt, current }) =>
          h(
            'li',
            {
              className: 'fac-prompt',
              attrs: current ? { 'aria-current': 'true', 'data-current': 'true' } : {},
            },
            [
              h('div', { className: 'fac-prompt-meta' }, [
                current
                  ? h('span', { className: 'fac-tag', text: t('facilitator.prompts.now') })
                  : null,
                h('span', {
                  className: 'fac-time',
                  text:
                    prompt.stage === null
                      ? t('facilitator.prompts.end')
                      : t('facilitator.prompts.reached', {
                          time: formatTime(prompt.reachedAt ?? 0),
                        }),
                }),
                prompt.stage === null
                  ? null
                  : h('span', { className: 'fac-prompt-stage', text: prompt.stage }),
              ]),
              h('p', { className: 'fac-prompt-text', text: prompt.text }),
            ],
          ),
      );
      setHidden(none, shown.length > 0);
    },
  };
}
