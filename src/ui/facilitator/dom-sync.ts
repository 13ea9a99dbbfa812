/**
 * Cheap, idempotent DOM updates for views redrawn many times a second: set a text or a flag only
 * when it changes, and bring a list up to date by rebuilding from its first changed item, so
 * appending (the common case) touches nothing already shown and keeps the reader's scroll.
 */
import { getLocale } from '../../i18n/index.ts';

export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

export function setDisabled(
  control: HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  disabled: boolean,
): void {
  if (control.disabled !== disabled) control.disabled = disabled;
}

export function setData(element: HTMLElement, name: string, value: string): void {
  if (element.dataset[name] !== value) element.dataset[name] = value;
}

export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

const itemKeys = new WeakMap<Element, string>();

/**
 * Makes `list`'s children show `items`. `keyOf` names what an item shows (two items with the same
 * key render the same); the current language is part of the key, so a change of language redraws.
 * Returns whether anything changed.
 */
export function syncList<T>(
  list: HTMLElement,
  items: readonly T[],
  keyOf: (item: T) => string,
  render: (item: T, index: number) => HTMLElement,
): boolean {
  const locale = getLocale();
  const keys = items.map((item) => `${locale}\u0000${keyOf(item)}`);
  const children = list.children;
  let same = 0;
  while (
    same < keys.length &&
    same < children.length &&
    itemKeys.get(children[same]!) === keys[same]
  )
    same += 1;
  if (same === keys.length && same === children.length) return false;
  while (list.children.length > same) list.lastElementChild?.remove();
  for (let i = same; i < items.length; i += 1) {
    const element = render(items[i]!, i);
    itemKeys.set(element, keys[i]!);
    list.append(element);
  }
  return true;
}
