/**
 * A titled panel of the incident screen with a maximise toggle: maximised, it covers the whole
 * workspace until the player restores it (the button again, or Esc). Only one panel is maximised
 * at a time; the workspace tracks which through `PanelGroup`.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { iconPath, outlineIcon } from '../icon.ts';

export interface PanelFrame {
  readonly element: HTMLElement;
  /** Where the panel's content goes. */
  readonly body: HTMLElement;
  /** The title bar's free space, for a panel's own controls (a range picker, a count). */
  readonly tools: HTMLElement;
  readonly maximised: boolean;
  setMaximised(on: boolean): void;
}

export interface PanelGroup {
  frame(id: string, title: string, options?: { readonly className?: string }): PanelFrame;
  /** The frame maximised now, if any. */
  current(): PanelFrame | null;
  restore(): void;
}

const MAXIMISE_ICON = ['M4 9V4h5', 'M20 9V4h-5', 'M4 15v5h5', 'M20 15v5h-5'];
const RESTORE_ICON = ['M9 4v5H4', 'M15 4v5h5', 'M9 20v-5H4', 'M15 20v-5h5'];

/**
 * Frames inside `workspace`; `onChange` hears when a panel is maximised or restored (canvases
 * inside must re-measure).
 */
export function createPanelGroup(
  workspace: HTMLElement,
  prefix: string,
  onChange: (frame: PanelFrame | null) => void = () => {},
): PanelGroup {
  let maximised: PanelFrame | null = null;

  const set = (frame: PanelFrame | null): void => {
    if (maximised === frame) return;
    const previous = maximised;
    maximised = frame;
    previous?.setMaximised(false);
    frame?.setMaximised(true);
    if (frame) workspace.dataset['maximised'] = 'true';
    else delete workspace.dataset['maximised'];
    onChange(frame);
  };

  workspace.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || maximised === null || event.defaultPrevented) return;
    const button = maximised.element.querySelector<HTMLButtonElement>('.panel-maximise');
    set(null);
    button?.focus();
  });

  return {
    frame(id, title, options = {}) {
      const headingId = `${prefix}-panel-${id}-title`;
      const button = h('button', {
        className: 'panel-maximise',
        attrs: {
          type: 'button',
          'aria-pressed': 'false',
          'aria-label': t('panel.maximise', { panel: title }),
        },
      });
      const tools = h('div', { className: 'panel-tools' });
      const body = h('div', { className: 'panel-body' });
      const element = h(
        'section',
        {
          className: `panel panel-${id}${options.className ? ` ${options.className}` : ''}`,
          attrs: { 'aria-labelledby': headingId, 'data-panel': id },
        },
        [
          h('header', { className: 'panel-bar' }, [
            h('h2', { className: 'panel-title', id: headingId, text: title }),
            tools,
            button,
          ]),
          body,
        ],
      );
      let on = false;
      const frame: PanelFrame = {
        element,
        body,
        tools,
        get maximised() {
          return on;
        },
        setMaximised(value) {
          on = value;
          element.classList.toggle('is-maximised', value);
          button.setAttribute('aria-pressed', String(value));
          button.setAttribute(
            'aria-label',
            t(value ? 'panel.restore' : 'panel.maximise', { panel: title }),
          );
          button.title = t(value ? 'panel.restoreHint' : 'panel.maximiseHint');
          button.replaceChildren(
            outlineIcon(
              'panel-maximise-icon',
              (value ? RESTORE_ICON : MAXIMISE_ICON).map(iconPath),
            ),
          );
        },
      };
      frame.setMaximised(false);
      button.addEventListener('click', () => set(on ? null : frame));
      return frame;
    },
    current: () => maximised,
    restore: () => set(null),
  };
}
