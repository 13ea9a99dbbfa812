/**
 * Scenario import in the library: the Import button (a file picker), the whole screen as a drop
 * target, the problems of a refused file listed inline (path, then message), the question before
 * an import replaces an earlier one, and the Export and Remove controls of an imported card. The
 * view only shows and asks; the composition root (src/play.ts) checks and keeps the files. Every
 * text from a file is set as textContent.
 */
import './scenario-import.css';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';
import { formatWallTime } from './history-view.ts';

/** What the view needs of a chosen or dropped file (a `File` is one). */
export interface ScenarioFileLike {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** One problem: the path to the field ('' for the whole file) and what is wrong, worded. */
export interface ImportProblem {
  readonly path: string;
  readonly message: string;
}

export type ImportOutcome =
  | {
      readonly kind: 'imported';
      readonly id: string;
      readonly title: string;
      readonly replaced: boolean;
    }
  | { readonly kind: 'refused'; readonly problems: readonly ImportProblem[] }
  /** An earlier import has the same id: asked before `replace()` keeps the new file. */
  | {
      readonly kind: 'replaces';
      readonly id: string;
      readonly previousFile: string;
      /** Wall-clock ISO time of the earlier import. */
      readonly previousAt: string;
      replace(): Promise<ImportOutcome>;
    };

/** The file of an imported scenario, exactly as it was imported. */
export interface ExportedFile {
  readonly fileName: string;
  readonly text: string;
}

/** Problems listed before "… and N more": a broken file can have hundreds. */
const PROBLEMS_SHOWN = 50;

export interface ImportControl {
  /** The Import button, its hint, and the area its notices and problems appear in. */
  readonly element: HTMLElement;
  /** Imports a file (chosen or dropped). */
  take(file: ScenarioFileLike): Promise<void>;
  /** Says something in the notice area (a removal, a failed export). */
  say(text: string): void;
}

export function mountImportControl(
  prefix: string,
  options: {
    onImport(file: ScenarioFileLike): Promise<ImportOutcome>;
    /** A file joined the library: the owner has shown the new cards by now. */
    onImported(id: string): void;
  },
): ImportControl {
  const inputId = `${prefix}-import`;
  const input = h('input', {
    className: 'import-file',
    id: inputId,
    attrs: { type: 'file', accept: '.yaml,.yml,.json' },
  });
  const hintId = `${prefix}-import-hint`;
  input.setAttribute('aria-describedby', hintId);
  // A live region that stays in the page, so what it says later is announced.
  const status = h('div', { className: 'import-status', attrs: { 'aria-live': 'polite' } });
  const problems = h('div', { className: 'import-problems-area' });
  const element = h(
    'section',
    { className: 'import-control', attrs: { 'aria-label': t('import.choose') } },
    [
      h('div', { className: 'import-row' }, [
        h('label', {
          className: 'history-button import-button',
          text: t('import.choose'),
          attrs: { for: inputId },
        }),
        input,
        h('span', { className: 'import-hint', id: hintId, text: t('import.hint') }),
      ]),
      problems,
      status,
    ],
  );

  const say = (text: string): void => {
    status.replaceChildren(h('p', { className: 'import-notice', text }));
  };
  const clear = (): void => {
    status.replaceChildren();
    problems.replaceChildren();
  };

  const refuse = (fileName: string, list: readonly ImportProblem[]): void => {
    status.replaceChildren();
    const panel = problemPanel(fileName, list, () => {
      problems.replaceChildren();
      input.focus();
    });
    problems.replaceChildren(panel);
    panel.focus();
  };

  const settle = async (fileName: string, outcome: ImportOutcome): Promise<void> => {
    if (outcome.kind === 'refused') return refuse(fileName, outcome.problems);
    if (outcome.kind === 'imported') {
      clear();
      options.onImported(outcome.id);
      say(
        outcome.replaced
          ? t('import.replaced', { title: outcome.title, file: fileName })
          : t('import.imported', { title: outcome.title, file: fileName }),
      );
      return;
    }
    status.replaceChildren();
    problems.replaceChildren(
      replaceQuestion(fileName, outcome, {
        onReplace: () => {
          problems.replaceChildren();
          void outcome.replace().then((next) => settle(fileName, next));
        },
        onCancel: () => {
          problems.replaceChildren();
          say(t('import.replace.cancelled', { file: fileName }));
          input.focus();
        },
      }),
    );
  };

  const take = async (file: ScenarioFileLike): Promise<void> => {
    problems.replaceChildren();
    say(t('import.reading', { file: file.name }));
    let outcome: ImportOutcome;
    try {
      outcome = await options.onImport(file);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      outcome = {
        kind: 'refused',
        problems: [{ path: '', message: t('import.refused.failed', { detail }) }],
      };
    }
    await settle(file.name, outcome);
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (file) void take(file);
  });

  return { element, take, say };
}

/** The refused file's problems: its name, then one row per problem, path first. */
function problemPanel(
  fileName: string,
  list: readonly ImportProblem[],
  onDismiss: () => void,
): HTMLElement {
  const dismiss = h('button', {
    className: 'history-button',
    text: t('import.dismiss'),
    attrs: { type: 'button' },
  });
  dismiss.addEventListener('click', onDismiss);
  const shown = list.slice(0, PROBLEMS_SHOWN);
  const rows = shown.map((p) =>
    h('li', { className: 'import-problem' }, [
      h('code', {
        className: p.path === '' ? 'import-path is-file' : 'import-path',
        text: p.path === '' ? t('import.problems.file') : p.path,
      }),
      h('span', { className: 'import-message', text: p.message }),
    ]),
  );
  if (list.length > shown.length) {
    rows.push(
      h('li', {
        className: 'import-problem is-more',
        text: t('import.problems.more', { count: list.length - shown.length }),
      }),
    );
  }
  return h('div', { className: 'import-problems', attrs: { role: 'alert', tabindex: '-1' } }, [
    h('div', { className: 'import-problems-head' }, [
      h('p', { className: 'import-problems-title' }, [
        h('strong', { text: t('import.problems.title', { file: fileName }) }),
      ]),
      dismiss,
    ]),
    h('p', {
      className: 'import-problems-count',
      text:
        list.length === 1
          ? t('import.problems.count.one')
          : t('import.problems.count.other', { count: list.length }),
    }),
    // It scrolls when long: focusable, so the keyboard can scroll it too.
    h(
      'ul',
      {
        className: 'import-problem-list',
        attrs: { tabindex: '0', 'aria-label': t('import.problems.title', { file: fileName }) },
      },
      rows,
    ),
  ]);
}

function replaceQuestion(
  fileName: string,
  outcome: Extract<ImportOutcome, { kind: 'replaces' }>,
  on: { onReplace(): void; onCancel(): void },
): HTMLElement {
  const replace = h('button', {
    className: 'history-button is-primary',
    text: t('import.replace.confirm'),
    attrs: { type: 'button' },
  });
  const cancel = h('button', {
    className: 'history-button',
    text: t('import.replace.cancel'),
    attrs: { type: 'button' },
  });
  replace.addEventListener('click', () => on.onReplace());
  cancel.addEventListener('click', () => on.onCancel());
  const box = h('div', { className: 'import-question', attrs: { role: 'alert' } }, [
    h('p', {
      text: t('import.replace.text', {
        id: outcome.id,
        file: outcome.previousFile,
        when: formatWallTime(outcome.previousAt),
        newFile: fileName,
      }),
    }),
    h('div', { className: 'import-question-actions' }, [replace, cancel]),
  ]);
  // Asked, not assumed: the safe choice has the focus.
  queueMicrotask(() => cancel.focus());
  return box;
}

/**
 * The Export and Remove controls under an imported card. Remove asks first, in place; the card
 * is gone once the owner shows the library again.
 */
export function importedCardActions(
  card: { readonly id: string; readonly title: string; readonly fileName?: string },
  titleId: string,
  on: {
    onExport(id: string): Promise<ExportedFile | null>;
    onRemove(id: string): void;
    /** Something to tell the player (an export that failed). */
    say(text: string): void;
  },
): HTMLElement {
  const button = (label: string, primary = false): HTMLButtonElement =>
    h('button', {
      className: primary ? 'history-button is-primary' : 'history-button',
      text: label,
      attrs: { type: 'button', 'aria-describedby': titleId },
    });
  const exportButton = button(t('import.export'));
  const removeButton = button(t('import.remove'));
  const bar = h(
    'div',
    {
      className: 'import-card-actions',
      attrs: { role: 'group', 'aria-label': t('import.actions', { title: card.title }) },
    },
    [],
  );
  const idle = (): void => {
    bar.replaceChildren(
      h('span', { className: 'import-source', text: card.fileName ?? '' }),
      h('span', { className: 'import-card-buttons' }, [exportButton, removeButton]),
    );
  };
  exportButton.addEventListener('click', () => {
    void on.onExport(card.id).then(
      (file) => (file ? downloadText(file.fileName, file.text) : on.say(t('import.exportFailed'))),
      () => on.say(t('import.exportFailed')),
    );
  });
  removeButton.addEventListener('click', () => {
    const yes = button(t('import.remove.confirm'), true);
    const no = button(t('import.remove.cancel'));
    yes.addEventListener('click', () => on.onRemove(card.id));
    no.addEventListener('click', () => {
      idle();
      removeButton.focus();
    });
    bar.replaceChildren(
      h('span', { className: 'import-remove-ask', text: t('import.remove.ask') }),
      h('span', { className: 'import-card-buttons' }, [yes, no]),
    );
    no.focus();
  });
  idle();
  return bar;
}

/**
 * Makes `screen` a drop target for files: a hint covers it while a file is dragged over, and a
 * dropped file goes to `onFile`. Dragged text or links are left alone.
 */
export function fileDropTarget(
  screen: HTMLElement,
  onFile: (file: ScenarioFileLike) => void,
): void {
  const hint = h('div', { className: 'import-drop-hint', attrs: { 'aria-hidden': 'true' } }, [
    h('p', { text: t('import.drop') }),
  ]);
  hint.hidden = true;
  screen.append(hint);
  // dragenter and dragleave fire for every child crossed: count them to know when it left.
  let depth = 0;
  const carriesFiles = (event: DragEvent): boolean =>
    [...(event.dataTransfer?.types ?? [])].includes('Files');
  const show = (on: boolean): void => {
    hint.hidden = !on;
    screen.classList.toggle('is-dropping', on);
  };
  screen.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    show(true);
  });
  screen.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    // Without this the browser opens the file instead of dropping it here.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  screen.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) show(false);
  });
  screen.addEventListener('drop', (event) => {
    depth = 0;
    show(false);
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    onFile(file);
  });
}

/** Saves text as a file through the browser's download. */
function downloadText(fileName: string, text: string): void {
  const type = /\.json$/i.test(fileName) ? 'application/json' : 'application/yaml';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { attrs: { href: url, download: fileName } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
