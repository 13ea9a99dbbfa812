/**
 * The console panel: a terminal-like scrollback and input line in front of a `ConsoleBackend`.
 * It knows keys, focus and layout, nothing of the commands: `main.ts` adapts the console engine
 * (src/actions/console) to the backend interface, since the UI layer may not import it.
 */
import './console.css';
import { onLocaleChange, t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { terminalIcon } from './console/icons.ts';
import { HistoryCursor, formatColumns, tabOutcome } from './console/line-editor.ts';
import { DEFAULT_LIMITS, createScrollback } from './console/scrollback.ts';
import type { BlockData, ScrollbackLimits } from './console/scrollback.ts';
import type { ConsoleBackend, ConsoleOutput } from './console/types.ts';

export type {
  ConsoleBackend,
  ConsoleCompletion,
  ConsoleNote,
  ConsoleOutput,
} from './console/types.ts';
export type { ScrollbackLimits } from './console/scrollback.ts';

export interface ConsolePanel {
  readonly element: HTMLElement;
  focus(): void;
  /** Runs a line as if it had been typed and Enter pressed (a runbook link, say). */
  run(line: string): void;
  /** Clears the scrollback, as `clear` and Ctrl-L do. */
  clear(): void;
  /** Removes the panel and stops listening for locale changes. */
  destroy(): void;
}

export interface ConsolePanelOptions {
  readonly limits?: Partial<ScrollbackLimits>;
}

let mounts = 0;

/**
 * Renders the console into `root` (replacing its children). The root should have a height: the
 * panel fills it and scrolls inside.
 */
export function mountConsolePanel(
  root: HTMLElement,
  backend: ConsoleBackend,
  options: ConsolePanelOptions = {},
): ConsolePanel {
  const prefix = `oc-console-${++mounts}`;
  // Screen readers hear each new output once, in `log`, rather than the whole scrollback again;
  // `status` carries the panel's own feedback (copied, cleared).
  const log = h('div', {
    className: 'visually-hidden',
    attrs: { role: 'log', 'aria-live': 'polite', 'aria-atomic': 'false' },
  });
  const status = h('div', {
    className: 'visually-hidden',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const scrollback = createScrollback({ ...DEFAULT_LIMITS, ...options.limits }, (message) =>
    say(status, message),
  );
  const history = new HistoryCursor(() => backend.history());

  const titleText = h('span', { className: 'console-title-text' });
  const keysText = h('p', { className: 'console-keys' });
  const promptEl = h('span', { className: 'console-prompt', id: `${prefix}-prompt` });
  const inputLabel = h('label', {
    className: 'visually-hidden',
    attrs: { for: `${prefix}-input` },
  });
  const input = h('input', {
    className: 'console-input',
    id: `${prefix}-input`,
    attrs: {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'off',
      autocorrect: 'off',
      spellcheck: 'false',
      enterkeyhint: 'send',
      'aria-describedby': `${prefix}-prompt`,
    },
  });
  const inputRow = h('div', { className: 'console-input-row' }, [promptEl, inputLabel, input]);
  const scroller = h('div', { className: 'console-scroller' }, [scrollback.element, inputRow]);
  const element = h('section', { className: 'console-panel' }, [
    h('header', { className: 'console-header' }, [
      h('p', { className: 'console-title' }, [
        h('span', { className: 'console-title-icon' }, [terminalIcon()]),
        titleText,
      ]),
      keysText,
    ]),
    scroller,
    log,
    status,
  ]);

  let prompt = backend.prompt();
  /** The line as it stood after the last Tab, to tell a second Tab in a row. */
  let afterTab: string | null = null;
  /** Esc, then Tab, leaves the console: Tab must not trap keyboard users. */
  let escapePressed = false;

  const relabel = (): void => {
    element.setAttribute('aria-label', t('console.panel.label'));
    titleText.textContent = t('console.panel.title');
    keysText.textContent = t('console.panel.keys');
    inputLabel.textContent = t('console.input.label');
    scrollback.relabel();
  };

  const setPrompt = (next: string): void => {
    prompt = next;
    promptEl.textContent = next;
  };

  const setValue = (value: string, caret = value.length): void => {
    input.value = value;
    input.setSelectionRange(caret, caret);
  };

  const scrollToEnd = (): void => {
    scroller.scrollTop = scroller.scrollHeight;
  };

  // A terminal keeps its prompt in view when its window changes size (a panel maximised or a
  // split moved), unless the player had scrolled up to read.
  let atBottom = true;
  scroller.addEventListener('scroll', () => {
    atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 4;
  });
  const resizes =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (atBottom) scrollToEnd();
        });
  resizes?.observe(scroller);

  const append = (block: BlockData): void => {
    const announce = scrollback.append(block);
    // Only the newest output stays in the log, so nothing old is read out again.
    log.replaceChildren(...(announce === '' ? [] : [h('p', { text: announce })]));
    scrollToEnd();
  };

  const clearScreen = (): void => {
    scrollback.clear();
    log.replaceChildren();
    say(status, t('console.cleared'));
    scrollToEnd();
  };

  const runLine = (line: string): void => {
    const shownPrompt = prompt;
    let result: ConsoleOutput;
    try {
      result = backend.run(line);
    } catch (error) {
      // A bug in a command must not take the console down with it.
      console.error(error);
      result = {
        echo: shownPrompt + line,
        out: '',
        exit: 1,
        notes: [{ key: 'console.internalError' }],
        clear: false,
        prompt: shownPrompt,
      };
    }
    history.reset();
    afterTab = null;
    setPrompt(result.prompt);
    if (result.clear) {
      clearScreen();
      return;
    }
    const echoPrompt = result.echo.startsWith(shownPrompt) ? shownPrompt : '';
    append({
      prompt: echoPrompt,
      line: result.echo.slice(echoPrompt.length),
      out: result.out,
      notes: result.notes,
      // An empty line repeats the previous status in bash; flag only lines that ran something.
      exit: result.exit !== 0 && line.trim() !== '' ? result.exit : null,
    });
  };

  const submit = (): void => {
    const line = input.value;
    setValue('');
    runLine(line);
  };

  const cancel = (): void => {
    append({ prompt, line: `${input.value}^C`, out: '', notes: [], exit: null });
    setValue('');
    history.reset();
    setPrompt(backend.interrupt());
  };

  const tab = (secondTab: boolean): void => {
    const caret = input.selectionStart ?? input.value.length;
    const completion = backend.complete(input.value.slice(0, caret));
    const outcome = tabOutcome(input.value, caret, completion, secondTab);
    if (outcome.kind === 'insert') setValue(outcome.value, outcome.caret);
    if (outcome.kind === 'list') {
      append({
        prompt,
        line: input.value,
        out: formatColumns(outcome.candidates, columnsAvailable(scroller)),
        notes: [],
        exit: null,
      });
    }
    afterTab = input.value;
  };

  input.addEventListener('keydown', (event) => {
    // Keys confirming an IME composition (Chinese input) belong to the IME.
    if (event.isComposing || event.keyCode === 229) return;
    const secondTab = afterTab !== null && afterTab === input.value;
    const escaped = escapePressed;
    afterTab = null;
    escapePressed = event.key === 'Escape';
    // The first Esc is the console's (Tab then leaves it); a second one goes on to the screen
    // (restoring a maximised panel, say).
    if (escapePressed && !escaped) event.preventDefault();
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    const ctrlOnly = event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;

    if (key === 'Enter' && plain) {
      event.preventDefault();
      submit();
    } else if (key === 'Tab' && plain && !escaped && input.value !== '') {
      event.preventDefault();
      tab(secondTab);
    } else if (key === 'ArrowUp' && plain) {
      event.preventDefault();
      const older = history.up(input.value);
      if (older !== null) setValue(older);
    } else if (key === 'ArrowDown' && plain) {
      event.preventDefault();
      const newer = history.down();
      if (newer !== null) setValue(newer);
    } else if (key === 'c' && ctrlOnly) {
      // With part of the line selected, Ctrl-C copies it, as in most web terminals.
      if (input.selectionStart !== input.selectionEnd) return;
      event.preventDefault();
      cancel();
    } else if (key === 'l' && ctrlOnly) {
      event.preventDefault();
      clearScreen();
    } else if ((key === 'PageUp' || key === 'PageDown') && plain) {
      event.preventDefault();
      const page = Math.max(1, scroller.clientHeight - 40);
      scroller.scrollBy({ top: key === 'PageUp' ? -page : page });
    }
  });
  input.addEventListener('input', () => {
    afterTab = null;
  });

  // A click anywhere focuses the input, unless it ended a text selection or hit a control.
  element.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('button, a, input, textarea, select')) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && selection.toString() !== '') return;
    input.focus({ preventScroll: true });
  });
  // Typing while a copy button has focus goes to the input line.
  element.addEventListener('keydown', (event) => {
    if (event.target === input || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1 && event.key !== ' ') input.focus({ preventScroll: true });
  });

  relabel();
  setPrompt(prompt);
  const unsubscribe = onLocaleChange(relabel);
  root.replaceChildren(element);

  // A resumed run shows what its console said before the reload.
  for (const entry of backend.transcript?.() ?? [])
    scrollback.append({
      prompt,
      line: entry.line,
      out: entry.out,
      notes: [],
      exit: entry.exit !== 0 ? entry.exit : null,
    });
  if (backend.transcript) scrollToEnd();

  return {
    element,
    focus: () => input.focus({ preventScroll: true }),
    run: runLine,
    clear: clearScreen,
    destroy() {
      unsubscribe();
      resizes?.disconnect();
      element.remove();
    },
  };
}

/** Replaces a live region's text, so the same message twice is still announced twice. */
function say(region: HTMLElement, message: string): void {
  region.replaceChildren(h('p', { text: message }));
}

/** Columns of monospace text that fit in the scrollback, for listing completions; 80 if unknown. */
function columnsAvailable(scroller: HTMLElement): number {
  const probe = h('span', { className: 'console-measure', text: '0'.repeat(10) });
  scroller.append(probe);
  const charWidth = probe.getBoundingClientRect().width / 10;
  probe.remove();
  const width = scroller.clientWidth - 32;
  return charWidth > 0 && width > 0 ? Math.max(20, Math.floor(width / charWidth)) : 80;
}
