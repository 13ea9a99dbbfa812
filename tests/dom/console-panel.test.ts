import { fireEvent, getAllByRole, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { complete } from '../../src/actions/console/complete.ts';
import {
  execute,
  initialConsoleState,
  interrupt,
  promptFor,
} from '../../src/actions/console/interpreter.ts';
import type { ConsoleState } from '../../src/actions/console/interpreter.ts';
import type { ConsoleView } from '../../src/actions/console/types.ts';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import { mountConsolePanel } from '../../src/ui/console-panel.ts';
import type {
  ConsoleBackend,
  ConsoleNote,
  ConsoleOutput,
  ConsolePanel,
  ConsolePanelOptions,
} from '../../src/ui/console-panel.ts';
import { formatColumns, tabOutcome } from '../../src/ui/console/line-editor.ts';
import { viewAt } from '../console/views.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const TABLE =
  'NAME                        READY   STATUS    RESTARTS   AGE\n' +
  'api-7d9c6b5f4-2xk8p         1/1     Running   0          3h12m\n' +
  'api-7d9c6b5f4-9qwtz         0/1     Running   4          3h12m\n';

/** A tiny stand-in for the console engine: a few canned commands and a psql-like mode. */
function fakeBackend() {
  const lines: string[] = [];
  let prompt = 'oncall@bastion:~$ ';
  const calls = { interrupt: 0, complete: [] as string[] };
  const answer = (line: string, o: Partial<ConsoleOutput> = {}): ConsoleOutput => ({
    echo: prompt + line,
    out: '',
    exit: 0,
    notes: [],
    clear: false,
    prompt,
    ...o,
  });
  const backend: ConsoleBackend = {
    run(line) {
      const echo = prompt + line;
      if (line.trim() !== '') lines.push(line);
      const word = line.trim().split(/\s+/)[0] ?? '';
      switch (word) {
        case '':
          return answer(line, { exit: 127 });
        case 'table':
          return answer(line, { out: TABLE });
        case 'echo':
          return answer(line, { out: `${line.slice(5)}\n` });
        case 'seq':
          return answer(line, {
            out: Array.from({ length: Number(line.split(' ')[1]) }, (_, i) => `${i + 1}\n`).join(
              '',
            ),
          });
        case 'man':
          return answer(line, {
            out: 'SYNOPSIS\n       kubectl\n',
            notes: [{ key: 'console.man.description', refs: { summary: 'console.cmd.kubectl' } }],
          });
        case 'oops':
          return answer(line, {
            out: `bash: ${line}: command not found\n`,
            exit: 127,
            notes: [{ key: 'console.note.didYouMean', params: { suggestion: HOSTILE } }],
          });
        case 'psql':
          prompt = 'shop=# ';
          return { ...answer(line), echo, prompt };
        case '\\q':
          prompt = 'oncall@bastion:~$ ';
          return { ...answer(line), echo, prompt };
        case 'clear':
          return answer(line, { clear: true });
        case 'crash':
          throw new Error('boom');
        default:
          return answer(line, { out: `ran ${line}\n` });
      }
    },
    complete(line) {
      calls.complete.push(line);
      const words = ['head', 'help', 'history', 'hostname', 'table'];
      const start = line.lastIndexOf(' ') + 1;
      const word = line.slice(start);
      const candidates = words.filter((w) => w.startsWith(word));
      let prefix = candidates[0] ?? '';
      for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
      const replacement =
        candidates.length === 1 ? `${prefix} ` : prefix.length >= word.length ? prefix : word;
      return { start, candidates, replacement };
    },
    interrupt() {
      calls.interrupt++;
      return prompt;
    },
    prompt: () => prompt,
    history: () => lines,
  };
  return { backend, calls };
}

/** The engine behind the panel, as main.ts wires it. */
function engineBackend(view: ConsoleView): ConsoleBackend {
  let state: ConsoleState = initialConsoleState();
  return {
    run(line) {
      const e = execute(state, line, view);
      state = e.state;
      const output: ConsoleOutput = { ...e, prompt: promptFor(state.mode) };
      return output;
    },
    complete: (line) => complete(line, state.mode, view),
    interrupt() {
      state = interrupt(state);
      return promptFor(state.mode);
    },
    prompt: () => promptFor(state.mode),
    history: () => state.history,
  };
}

let root: HTMLElement;
let panel: ConsolePanel | undefined;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  panel?.destroy();
  panel = undefined;
  root.remove();
  setLocale(DEFAULT_LOCALE);
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function mount(backend: ConsoleBackend, options?: ConsolePanelOptions) {
  panel = mountConsolePanel(root, backend, options);
  const input = getByRole(root, 'textbox', { name: 'Console command' }) as HTMLInputElement;
  const type = (text: string): void => {
    input.value = text;
    input.setSelectionRange(text.length, text.length);
    fireEvent.input(input);
  };
  const press = (key: string, init: KeyboardEventInit = {}): boolean =>
    fireEvent.keyDown(input, { key, ...init });
  const enter = (text: string): void => {
    type(text);
    press('Enter');
  };
  const blocks = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>('.console-block')];
  const last = (): HTMLElement => blocks().at(-1)!;
  const prompt = (): string => root.querySelector('.console-prompt')!.textContent ?? '';
  const log = getByRole(root, 'log');
  return { input, type, press, enter, blocks, last, prompt, log };
}

describe('console panel: structure and accessibility', () => {
  it('names the panel, the input and the live log', () => {
    const c = mount(fakeBackend().backend);
    expect(getByRole(root, 'region', { name: 'Console' })).toBeTruthy();
    expect(c.input.getAttribute('autocomplete')).toBe('off');
    expect(c.input.getAttribute('spellcheck')).toBe('false');
    expect(c.log.getAttribute('aria-live')).toBe('polite');
    expect(getByRole(root, 'status')).toBeTruthy();
    // The prompt is shown before the input and describes it.
    expect(c.prompt()).toBe('oncall@bastion:~$ ');
    expect(document.getElementById(c.input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'oncall@bastion:~$ ',
    );
  });

  it('follows the locale: labels and hints already on screen are translated again', () => {
    const c = mount(fakeBackend().backend);
    c.enter('man kubectl');
    expect(c.last().querySelector('.console-notes')?.textContent).toContain(
      `DESCRIPTION: ${t('console.cmd.kubectl')}`,
    );
    setLocale('zh-CN');
    expect(getByRole(root, 'textbox', { name: '控制台命令' })).toBe(c.input);
    expect(getByRole(root, 'region', { name: '控制台' })).toBeTruthy();
    expect(c.last().querySelector('.console-notes')?.textContent).toContain(
      `说明：${t('console.cmd.kubectl')}`,
    );
    expect(t('console.cmd.kubectl')).toMatch(/Kubernetes 集群/);
    expect(within(c.last()).getByRole('button', { name: '复制输出' })).toBeTruthy();
  });
});

describe('console panel: running lines', () => {
  it('echoes the prompt and line, and shows output verbatim in a pre', () => {
    const c = mount(fakeBackend().backend);
    c.enter('table');
    expect(c.input.value).toBe('');
    const block = c.last();
    expect(block.querySelector('.console-echo')?.textContent).toBe('oncall@bastion:~$ table');
    expect(block.querySelector('.console-echo-prompt')?.textContent).toBe('oncall@bastion:~$ ');
    const pre = block.querySelector('pre');
    expect(pre?.textContent).toBe(TABLE.replace(/\n$/, ''));
    expect(block.querySelector('.console-exit')).toBeNull();
  });

  it('renders notes through the catalogue, apart from the output, with a hint label', () => {
    const c = mount(fakeBackend().backend);
    c.enter('oops');
    const notes = c.last().querySelector('.console-notes')!;
    expect(notes.textContent).toBe(`Hint:Did you mean: ${HOSTILE}`);
    expect(notes.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(c.last().querySelector('pre')?.textContent).toBe('bash: oops: command not found');
  });

  it('marks a failed command with its exit status in words', () => {
    const c = mount(fakeBackend().backend);
    c.enter('oops');
    expect(c.last().querySelector('.console-exit')?.textContent).toBe('exit 127');
    c.enter('table');
    expect(c.last().querySelector('.console-exit')).toBeNull();
  });

  it('Enter on an empty line prints a fresh prompt and nothing else', () => {
    const c = mount(fakeBackend().backend);
    c.enter('');
    expect(c.blocks()).toHaveLength(1);
    expect(c.last().textContent).toBe('oncall@bastion:~$ ');
    expect(c.last().querySelector('.console-exit, pre, button')).toBeNull();
  });

  it('shows the prompt of the mode the backend is in', () => {
    const c = mount(fakeBackend().backend);
    c.enter('psql');
    expect(c.prompt()).toBe('shop=# ');
    c.enter('select 1;');
    expect(c.last().querySelector('.console-echo')?.textContent).toBe('shop=# select 1;');
    c.enter('\\q');
    expect(c.prompt()).toBe('oncall@bastion:~$ ');
  });

  it('puts only the newest output in the live region', () => {
    const c = mount(fakeBackend().backend);
    c.enter('echo first');
    expect(c.log.textContent).toBe('first');
    c.enter('echo second');
    expect(c.log.textContent).toBe('second');
    c.enter('oops');
    expect(c.log.textContent).toBe(
      `bash: oops: command not found\nHint: Did you mean: ${HOSTILE}\nexit 127`,
    );
    expect(c.log.childElementCount).toBe(1);
  });

  it('survives a backend that throws, and says the fault is the game’s', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const c = mount(fakeBackend().backend);
    c.enter('crash');
    expect(error).toHaveBeenCalled();
    expect(c.last().textContent).toContain(t('console.internalError'));
    c.enter('table');
    expect(c.last().querySelector('pre')).toBeTruthy();
  });

  it('run() runs a line as if typed, leaving the input alone', () => {
    const c = mount(fakeBackend().backend);
    c.type('half');
    panel!.run('table');
    expect(c.input.value).toBe('half');
    expect(c.last().querySelector('pre')?.textContent).toContain('READY');
  });
});

describe('console panel: keys', () => {
  it('walks the history with ↑/↓ and keeps the half-typed line', () => {
    const c = mount(fakeBackend().backend);
    c.enter('echo one');
    c.enter('echo two');
    c.type('echo thr');
    expect(c.press('ArrowUp')).toBe(false);
    expect(c.input.value).toBe('echo two');
    c.press('ArrowUp');
    expect(c.input.value).toBe('echo one');
    c.press('ArrowUp');
    expect(c.input.value).toBe('echo one');
    c.press('ArrowDown');
    expect(c.input.value).toBe('echo two');
    c.press('ArrowDown');
    expect(c.input.value).toBe('echo thr');
    c.press('ArrowDown');
    expect(c.input.value).toBe('echo thr');
  });

  it('Tab completes a unique word, then a common prefix, and a second Tab lists', () => {
    const { backend, calls } = fakeBackend();
    const c = mount(backend);
    c.type('hist');
    expect(c.press('Tab')).toBe(false);
    expect(c.input.value).toBe('history ');
    expect(calls.complete).toEqual(['hist']);

    c.type('h');
    c.press('Tab');
    expect(c.input.value).toBe('h');
    expect(c.blocks()).toHaveLength(0);
    c.press('Tab');
    expect(c.blocks()).toHaveLength(1);
    expect(c.last().querySelector('.console-echo')?.textContent).toBe('oncall@bastion:~$ h');
    expect(c.last().querySelector('pre')?.textContent).toBe(
      'head      help      history   hostname',
    );
    expect(c.input.value).toBe('h');
    expect(c.log.textContent).toContain('hostname');
  });

  it('Tab completes the word at the caret, keeping the rest of the line', () => {
    const { backend, calls } = fakeBackend();
    const c = mount(backend);
    c.type('man hostn | less');
    c.input.setSelectionRange(9, 9);
    c.press('Tab');
    expect(calls.complete).toEqual(['man hostn']);
    expect(c.input.value).toBe('man hostname | less');
    expect(c.input.selectionStart).toBe(13);
  });

  it('does not trap keyboard users: Tab on an empty line, Esc then Tab, Shift-Tab all move on', () => {
    const c = mount(fakeBackend().backend);
    expect(c.press('Tab')).toBe(true);
    c.type('hist');
    c.press('Escape');
    expect(c.press('Tab')).toBe(true);
    expect(c.input.value).toBe('hist');
    expect(c.press('Tab', { shiftKey: true })).toBe(true);
    expect(c.press('Tab')).toBe(false);
  });

  it('Ctrl-C prints the line with ^C, clears the input and interrupts', () => {
    const { backend, calls } = fakeBackend();
    const c = mount(backend);
    c.type('kubectl get po');
    expect(c.press('c', { ctrlKey: true })).toBe(false);
    expect(c.input.value).toBe('');
    expect(calls.interrupt).toBe(1);
    expect(c.last().querySelector('.console-echo')?.textContent).toBe(
      'oncall@bastion:~$ kubectl get po^C',
    );
  });

  it('Ctrl-C with part of the line selected is left to the browser (copy)', () => {
    const { backend, calls } = fakeBackend();
    const c = mount(backend);
    c.type('kubectl get pods');
    c.input.setSelectionRange(0, 7);
    expect(c.press('c', { ctrlKey: true })).toBe(true);
    expect(calls.interrupt).toBe(0);
    expect(c.input.value).toBe('kubectl get pods');
  });

  it('Ctrl-L and `clear` empty the scrollback', () => {
    const c = mount(fakeBackend().backend);
    c.enter('table');
    c.enter('table');
    c.type('half');
    expect(c.press('l', { ctrlKey: true })).toBe(false);
    expect(c.blocks()).toHaveLength(0);
    expect(c.input.value).toBe('half');
    expect(getByRole(root, 'status').textContent).toBe('Console cleared');
    c.enter('table');
    c.enter('clear');
    expect(c.blocks()).toHaveLength(0);
    expect(c.log.textContent).toBe('');
  });

  it('leaves Enter alone while an input method is composing (Chinese input)', () => {
    const c = mount(fakeBackend().backend);
    c.type('zhong');
    expect(c.press('Enter', { isComposing: true })).toBe(true);
    expect(c.blocks()).toHaveLength(0);
  });
});

describe('console panel: focus, copy, limits', () => {
  it('a click in the panel focuses the input, unless it ends a selection', () => {
    const c = mount(fakeBackend().backend);
    c.enter('table');
    const pre = c.last().querySelector('pre')!;
    c.input.blur();
    fireEvent.click(pre);
    expect(document.activeElement).toBe(c.input);

    c.input.blur();
    const range = document.createRange();
    range.selectNodeContents(pre);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.click(pre);
    expect(document.activeElement).not.toBe(c.input);
    document.getSelection()!.removeAllRanges();
  });

  it('copies a block’s output with the Clipboard API and says so', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const c = mount(fakeBackend().backend);
    c.enter('table');
    const button = within(c.last()).getByRole('button', { name: 'Copy output' });
    fireEvent.click(button);
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(TABLE.replace(/\n$/, '')));
    await vi.waitFor(() =>
      expect(within(c.last()).getByRole('button', { name: 'Copied' })).toBe(button),
    );
    expect(getByRole(root, 'status').textContent).toBe('Copied');
  });

  it('selects the output instead when there is no clipboard', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    const c = mount(fakeBackend().backend);
    c.enter('table');
    fireEvent.click(within(c.last()).getByRole('button', { name: 'Copy output' }));
    await vi.waitFor(() =>
      expect(getByRole(root, 'status').textContent).toBe(t('console.copySelected')),
    );
    expect(document.getSelection()?.toString()).toBe(TABLE.replace(/\n$/, ''));
  });

  it('keeps at most maxBlocks blocks and says older output was removed', () => {
    const c = mount(fakeBackend().backend, { limits: { maxBlocks: 3 } });
    for (let i = 0; i < 5; i++) c.enter(`echo ${i}`);
    expect(c.blocks().map((b) => b.querySelector('pre')?.textContent)).toEqual(['2', '3', '4']);
    const trimmed = root.querySelector<HTMLElement>('.console-trimmed')!;
    expect(trimmed.hidden).toBe(false);
    expect(trimmed.textContent).toBe(t('console.trimmed'));
    c.press('l', { ctrlKey: true });
    expect(trimmed.hidden).toBe(true);
  });

  it('truncates a long output on screen, but copies all of it', async () => {
    const writeText = vi.fn((_: string) => Promise.resolve());
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const c = mount(fakeBackend().backend, { limits: { maxLines: 10, announceLines: 3 } });
    c.enter('seq 2500');
    expect(c.last().querySelector('pre')?.textContent?.split('\n')).toHaveLength(10);
    expect(c.last().querySelector('.console-truncated')?.textContent).toBe(
      t('console.truncated', { count: '2,490' }),
    );
    expect(c.log.textContent).toBe(`1\n2\n3\n${t('console.truncated', { count: '2,497' })}`);
    fireEvent.click(within(c.last()).getByRole('button', { name: 'Copy output' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(writeText.mock.calls[0]![0].split('\n')).toHaveLength(2500);
  });

  it('drops old blocks when too many lines are on screen', () => {
    const c = mount(fakeBackend().backend, { limits: { maxTotalLines: 100 } });
    c.enter('seq 60');
    c.enter('seq 60');
    expect(c.blocks()).toHaveLength(1);
  });

  it('destroy() removes the panel and stops following the locale', () => {
    mount(fakeBackend().backend);
    panel!.destroy();
    panel = undefined;
    expect(root.childElementCount).toBe(0);
    setLocale('zh-CN');
    expect(root.childElementCount).toBe(0);
  });
});

describe('console panel: nothing typed or printed becomes markup', () => {
  it('shows a hostile command, output and note param as text', () => {
    const parsers = [
      vi.spyOn(Element.prototype, 'innerHTML', 'set'),
      vi.spyOn(Element.prototype, 'outerHTML', 'set'),
      vi.spyOn(Element.prototype, 'insertAdjacentHTML'),
      vi.spyOn(Range.prototype, 'createContextualFragment'),
      vi.spyOn(DOMParser.prototype, 'parseFromString'),
    ];
    const c = mount(fakeBackend().backend);
    c.enter(`echo ${HOSTILE}`);
    c.enter(`oops ${HOSTILE}`);
    c.type(HOSTILE);
    c.press('c', { ctrlKey: true });
    expect(root.querySelector('img')).toBeNull();
    expect(c.blocks()[0]!.querySelector('.console-echo-line')?.textContent).toBe(`echo ${HOSTILE}`);
    expect(c.blocks()[0]!.querySelector('pre')?.textContent).toBe(HOSTILE);
    expect(c.blocks()[1]!.querySelector('.console-note')?.textContent).toBe(
      `Did you mean: ${HOSTILE}`,
    );
    expect(c.last().querySelector('.console-echo-line')?.textContent).toBe(`${HOSTILE}^C`);
    for (const parser of parsers) expect(parser).not.toHaveBeenCalled();
  });
});

describe('console panel: pure helpers', () => {
  it('lists candidates in columns, top to bottom then left to right', () => {
    expect(formatColumns(['a', 'bb', 'ccc', 'd', 'e'], 12)).toBe('a    d\nbb   e\nccc\n');
    expect(formatColumns([], 80)).toBe('');
  });

  it('does nothing on a Tab with no candidates', () => {
    expect(tabOutcome('zz', 2, { start: 0, candidates: [], replacement: 'zz' }, true)).toEqual({
      kind: 'none',
    });
  });
});

describe('console panel wired to the console engine', () => {
  const view = viewAt('pool-exhaustion-leak', 40_000);

  it('runs help, a typo, history, completion, Ctrl-C, Ctrl-L and an empty line', () => {
    const c = mount(engineBackend(view));
    expect(c.prompt()).toBe('oncall@bastion:~$ ');

    c.enter('help');
    const help = c.last();
    expect(help.querySelector('.console-echo')?.textContent).toBe('oncall@bastion:~$ help');
    const helpText = help.querySelector('.console-notes')?.textContent ?? '';
    expect(helpText).toContain(t('console.help.intro'));
    expect(helpText).toMatch(/ {2}history +List the commands typed so far/);
    expect(c.log.textContent).toContain(t('console.help.intro'));

    c.enter('histroy');
    expect(c.last().querySelector('pre')?.textContent).toBe('bash: histroy: command not found');
    expect(c.last().querySelector('.console-note')?.textContent).toBe('Did you mean: history');
    expect(c.last().querySelector('.console-exit')?.textContent).toBe('exit 127');
    expect(c.log.textContent).not.toContain(t('console.help.intro'));
    expect(c.log.textContent).toContain('Did you mean: history');

    c.type('hist');
    c.press('Tab');
    expect(c.input.value).toBe('history ');
    c.press('Enter');
    expect(c.last().querySelector('pre')?.textContent).toBe(
      '    1  help\n    2  histroy\n    3  history',
    );

    c.type('ech');
    c.press('ArrowUp');
    expect(c.input.value).toBe('history');
    c.press('ArrowUp');
    expect(c.input.value).toBe('histroy');
    c.press('ArrowDown');
    c.press('ArrowDown');
    expect(c.input.value).toBe('ech');

    c.type('h');
    c.press('Tab');
    c.press('Tab');
    const listing = c.last().querySelector('pre')?.textContent ?? '';
    for (const name of ['head', 'help', 'history', 'hostname']) expect(listing).toContain(name);

    c.type('date -u');
    c.press('c', { ctrlKey: true });
    expect(c.last().querySelector('.console-echo')?.textContent).toBe(
      'oncall@bastion:~$ date -u^C',
    );
    expect(c.input.value).toBe('');
    expect(c.prompt()).toBe('oncall@bastion:~$ ');

    const before = c.blocks().length;
    c.enter('');
    expect(c.blocks()).toHaveLength(before + 1);
    expect(c.last().textContent).toBe('oncall@bastion:~$ ');
    expect(c.last().querySelector('.console-exit')).toBeNull();

    c.press('l', { ctrlKey: true });
    expect(c.blocks()).toHaveLength(0);
    c.enter('echo still here');
    c.enter('clear');
    expect(c.blocks()).toHaveLength(0);
  });

  it('shows a hostile command line as text', () => {
    const c = mount(engineBackend(view));
    c.enter(`echo ${HOSTILE}`);
    expect(root.querySelector('img')).toBeNull();
    expect(c.last().querySelector('.console-echo')?.textContent).toBe(
      `oncall@bastion:~$ echo ${HOSTILE}`,
    );
    expect(queryByRole(c.last(), 'img')).toBeNull();
    expect(getAllByRole(root, 'textbox')).toHaveLength(1);
  });

  it('the engine’s notes match the panel’s note type', () => {
    const note: ConsoleNote = execute(initialConsoleState(), 'nope', view).notes[0]!;
    expect(note.key).toMatch(/^console\.note\./);
  });
});

describe('console panel: a resumed run', () => {
  it('shows what the console printed before the reload, as text, failures with their status', () => {
    const { backend } = fakeBackend();
    const c = mount({
      ...backend,
      transcript: () => [
        { line: 'kubectl get pods', out: TABLE, exit: 0 },
        { line: 'oops', out: `bash: ${HOSTILE}: command not found\n`, exit: 127 },
      ],
    });
    const blocks = c.blocks();
    expect(blocks).toHaveLength(2);
    expect(blocks[0]!.textContent).toContain('kubectl get pods');
    expect(blocks[0]!.textContent).toContain('api-7d9c6b5f4-2xk8p');
    expect(blocks[1]!.textContent).toContain(HOSTILE);
    expect(blocks[1]!.querySelector('img')).toBeNull();
    expect(blocks[1]!.textContent).toContain('127');
    expect(blocks[0]!.textContent).not.toContain('exit');
    // Nothing old is read out again.
    expect(c.log.textContent).toBe('');
  });
});
