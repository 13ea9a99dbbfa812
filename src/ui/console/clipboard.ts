/**
 * Copies text with the async Clipboard API. Where it is missing (an insecure origin, an old
 * browser) or refused, the block's text is selected instead so Ctrl+C still works.
 */
export async function copyOrSelect(text: string, fallback: Node): Promise<'copied' | 'selected'> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return 'copied';
    } catch {
      // Permission refused: fall through to selecting the text.
    }
  }
  const selection = document.getSelection();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(fallback);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  return 'selected';
}
