/**
 * Fixed labels that follow the language: each is set now and again after every change of locale,
 * so a view builds its frame once and never rebuilds an input to translate it.
 */
import { onLocaleChange } from '../../i18n/index.ts';

export interface Labels {
  /** Sets `element`'s text to `render()` now and after each change of language. */
  text<E extends Element>(element: E, render: () => string): E;
  /** Sets the attribute `name` to `render()` now and after each change of language. */
  attr<E extends Element>(element: E, name: string, render: () => string): E;
  destroy(): void;
}

/** `afterChange` runs after the labels are redone, to redraw what depends on the view. */
export function createLabels(afterChange: () => void): Labels {
  const apply: (() => void)[] = [];
  const register = (fn: () => void): void => {
    fn();
    apply.push(fn);
  };
  const unsubscribe = onLocaleChange(() => {
    for (const fn of apply) fn();
    afterChange();
  });
  return {
    text(element, render) {
      register(() => {
        element.textContent = render();
      });
      return element;
    },
    attr(element, name, render) {
      register(() => element.setAttribute(name, render()));
      return element;
    },
    destroy() {
      unsubscribe();
      apply.length = 0;
    },
  };
}
