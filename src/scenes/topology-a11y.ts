/**
 * The map for keyboards and screen readers: a canvas says nothing, so beside it sits a visually
 * hidden toolbar with one toggle button per component, named with its status in words. Arrow keys
 * move between buttons as between the cards on screen (one tab stop), Enter or Space focuses the dashboards and logs on the
 * component, Escape clears the focus. While a button has keyboard focus, a caption under the map
 * shows its text and the scene outlines the component, so the focus is visible too.
 */
import { COMPONENT_IDS } from '../store/index.ts';
import type { ComponentId, TopologySnapshot } from '../store/index.ts';
import { moveInGrid } from './topology-keys.ts';
import type { LayoutKind } from './topology-layout.ts';
import { describeComponent } from './topology-text.ts';
import type { Translate } from './topology-text.ts';

export interface ComponentList {
  /** The toolbar and its live region; also the caption, which the host should show. */
  readonly element: HTMLElement;
  readonly caption: HTMLElement;
  /** Rewrites the buttons for a snapshot and the store's focus (cheap when nothing changed). */
  update(topology: TopologySnapshot | null, focus: ComponentId | null): void;
  /** Re-reads every text (the locale changed). */
  relabel(): void;
  /** The component whose button has keyboard focus, if any. */
  keyboardFocus(): ComponentId | null;
  destroy(): void;
}

export interface ComponentListOptions {
  readonly translate: Translate;
  /** The player chose a component (or null to clear): the caller writes the store. */
  readonly onChoose: (id: ComponentId | null) => void;
  /** Keyboard focus moved onto a button (or left the list). */
  readonly onKeyboardFocus?: (id: ComponentId | null) => void;
  /** The arrangement on screen, so Up and Down go to the card above and below. */
  readonly arrangement?: () => LayoutKind;
}

export function createComponentList(options: ComponentListOptions): ComponentList {
  const { translate, onChoose } = options;
  const element = document.createElement('div');
  element.className = 'topology-a11y';
  const hint = document.createElement('p');
  hint.className = 'visually-hidden';
  hint.id = `topology-hint-${++lists}`;
  const toolbar = document.createElement('div');
  toolbar.className = 'topology-a11y-list visually-hidden';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-orientation', 'horizontal');
  toolbar.setAttribute('aria-describedby', hint.id);
  const live = document.createElement('p');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  const caption = document.createElement('p');
  caption.className = 'topology-caption';
  // The caption repeats the focused button for sighted keyboard users; readers hear the button.
  caption.setAttribute('aria-hidden', 'true');
  caption.hidden = true;

  const buttons = new Map<ComponentId, HTMLButtonElement>();
  for (const [index, id] of COMPONENT_IDS.entries()) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset['component'] = id;
    button.tabIndex = index === 0 ? 0 : -1;
    button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', () => {
      onChoose(current.focus === id ? null : id);
    });
    button.addEventListener('focus', () => {
      for (const other of buttons.values()) other.tabIndex = other === button ? 0 : -1;
      keyboard = id;
      showCaption();
      options.onKeyboardFocus?.(id);
    });
    button.addEventListener('blur', () => {
      if (keyboard !== id) return;
      keyboard = null;
      showCaption();
      options.onKeyboardFocus?.(null);
    });
    toolbar.append(button);
    buttons.set(id, button);
  }
  toolbar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (current.focus === null) return;
      event.preventDefault();
      onChoose(null);
      return;
    }
    const next = moveInGrid(options.arrangement?.() ?? 'wide', keyboard, event.key);
    if (next === null) return;
    event.preventDefault();
    buttons.get(next)?.focus();
  });
  element.append(hint, toolbar, live);

  let keyboard: ComponentId | null = null;
  const current: { topology: TopologySnapshot | null; focus: ComponentId | null } = {
    topology: null,
    focus: null,
  };
  let announcedFocus: ComponentId | null = null;
  let primed = false;

  function showCaption(): void {
    const button = keyboard === null ? undefined : buttons.get(keyboard);
    caption.hidden = button === undefined;
    caption.textContent = button?.textContent ?? '';
  }

  function writeTexts(): void {
    for (const [id, button] of buttons) {
      const text = describeComponent(translate, id, current.topology?.components[id]);
      if (button.textContent !== text) button.textContent = text;
    }
    showCaption();
  }

  function writeFocus(focus: ComponentId | null): void {
    for (const [id, button] of buttons) button.setAttribute('aria-pressed', String(id === focus));
    // Announce changes, not the initial state.
    if (primed && focus !== announcedFocus) {
      live.textContent =
        focus === null
          ? translate('topology.a11y.cleared')
          : translate('topology.a11y.focused', { name: translate(`topology.name.${focus}`) });
    }
    announcedFocus = focus;
  }

  function relabel(): void {
    hint.textContent = translate('topology.a11y.hint');
    toolbar.setAttribute('aria-label', translate('topology.a11y.label'));
    writeTexts();
  }

  relabel();
  writeFocus(null);
  primed = true;

  return {
    element,
    caption,
    update(topology, focus) {
      const changedTopology =
        topology !== current.topology && (topology === null || topology.t !== current.topology?.t);
      current.topology = topology;
      if (changedTopology) writeTexts();
      if (focus !== current.focus) {
        current.focus = focus;
        writeFocus(focus);
      }
    },
    relabel,
    keyboardFocus: () => keyboard,
    destroy() {
      element.remove();
      caption.remove();
    },
  };
}

let lists = 0;
