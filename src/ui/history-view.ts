/**
 * The history: the player's attempts per scenario, newest first, with the key scores and, for
 * each attempt whose run record is kept, Debrief, Replay and Export run; and Import a run (a file
 * chosen or dropped). The view only shows and asks: the composition root (src/play.ts) checks
 * imported files, replays runs and builds debriefs. Every text from saved data or a file is set
 * as textContent.
 */
import './incident.css';
import './history.css';
import { CATALOGUES, getLocale, lookup, t } from '../i18n/index.ts';
import type { Attempt } from '../shared/attempts.ts';
import { h } from './dom.ts';
import { formatElapsed } from './incident-format.ts';
import { pulseIcon } from './icons.ts';

export interface HistoryScenario {
  readonly id: string;
  readonly title: string;
}

export type ImportResult =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

/** A row's action: the view marks the button busy until the promise settles. */
type RowAction = (attempt: Attempt) => void | Promise<unknown>;

export interface HistoryViewOptions {
  /** The library's scenarios, in its order; attempts at others are listed after them. */
  readonly scenarios: readonly HistoryScenario[];
  readonly attempts: readonly Attempt[];
  /** Ids of the run records still kept (`Attempt.runId`). */
  readonly runIds: ReadonlySet<string>;
  /** How many finished runs are kept, for the "not kept" note. */
  readonly runsKept: number;
  /** Problems with saved data, already worded. */
  readonly notices?: readonly string[];
  onBack(): void;
  onDebrief: RowAction;
  onReplay: RowAction;
  /** The file of an attempt's run: its name and JSON text. */
  onExport(attempt: Attempt): Promise<{ readonly fileName: string; readonly text: string }>;
  /** Checks a chosen file; when it is fine the owner opens its replay. */
  onImport(text: string, fileName: string): ImportResult | Promise<ImportResult>;
}

export interface HistoryView {
  readonly element: HTMLElement;
  /** Shows a problem as a notice (text only). */
  notice(text: string): void;
  /** Asks before going on: a warning with "Replay anyway" and "Cancel". */
  confirm(text: string, onProceed: () => void): void;
  destroy(): void;
}

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 4_000_000;

/** Wall-clock time in the player's locale and time zone ("26 Nov 2026, 13:14"). */
export function formatWallTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    ms,
  );
}

const word = (prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return Object.hasOwn(CATALOGUES.en, key) ? lookup(key) : value;
};

/** The scores the history shows, and how each is written. */
const SCORE_COLUMNS = [
  { key: 'mitigate', label: 'history.col.mitigate', format: formatElapsed },
  {
    key: 'budget',
    label: 'history.col.budget',
    format: (ratio: number) =>
      new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(
        ratio,
      ),
  },
  { key: 'harmful', label: 'history.col.harmful', format: String },
  { key: 'hints', label: 'history.col.hints', format: String },
] as const;

const newestFirst = (a: Attempt, b: Attempt): number =>
  Date.parse(b.endedAt) - Date.parse(a.endedAt);

let mounts = 0;

export function mountHistoryView(root: HTMLElement, options: HistoryViewOptions): HistoryView {
  const prefix = `oc-history-${++mounts}`;
  const heading = h('h1', {
    className: 'chooser-title',
    id: `${prefix}-heading`,
    text: t('history.title'),
    attrs: { tabindex: '-1' },
  });
  const back = h('button', {
    className: 'chooser-back',
    text: `← ${t('history.back')}`,
    attrs: { type: 'button' },
  });
  back.addEventListener('click', () => options.onBack());
  const notices = h('div', { className: 'history-notices' });
  const addNotice = (text: string): HTMLElement => {
    const notice = h('p', { className: 'chooser-notice', text, attrs: { role: 'alert' } });
    notices.append(notice);
    return notice;
  };
  for (const text of options.notices ?? []) addNotice(text);

  const confirm = (text: string, onProceed: () => void): void => {
    const proceed = h('button', {
      className: 'history-button is-primary',
      text: t('history.warning.proceed'),
      attrs: { type: 'button' },
    });
    const cancel = h('button', {
      className: 'history-button',
      text: t('history.warning.cancel'),
      attrs: { type: 'button' },
    });
    const box = h(
      'div',
      { className: 'chooser-notice history-confirm', attrs: { role: 'alert' } },
      [h('p', { text }), h('div', { className: 'history-confirm-actions' }, [proceed, cancel])],
    );
    proceed.addEventListener('click', () => {
      box.remove();
      onProceed();
    });
    cancel.addEventListener('click', () => box.remove());
    notices.append(box);
    proceed.focus();
  };

  const actions = { onDebrief: options.onDebrief, onReplay: options.onReplay };
  const exportRun = async (attempt: Attempt): Promise<void> => {
    try {
      const file = await options.onExport(attempt);
      downloadText(file.fileName, file.text);
    } catch (error) {
      addNotice(t('history.exportFailed', { detail: messageOf(error) }));
    }
  };

  const element = h('div', { className: 'chooser-screen history-screen' }, [
    h('header', { className: 'topbar' }, [
      h('div', { className: 'topbar-inner' }, [
        h('div', { className: 'brand' }, [h('span', { className: 'brand-mark' }, [pulseIcon()])]),
        back,
      ]),
    ]),
    h('main', { className: 'stage chooser-stage', attrs: { 'aria-labelledby': heading.id } }, [
      h('div', { className: 'chooser-intro' }, [
        h('p', { className: 'eyebrow', text: t('history.eyebrow') }),
        heading,
        h('p', { className: 'chooser-lede', text: t('history.intro') }),
      ]),
      notices,
      importSection(prefix, options.onImport),
      ...groups(options, prefix, { ...actions, onExport: exportRun }),
    ]),
  ]);

  root.replaceChildren(element);
  heading.focus();

  return {
    element,
    notice: (text) => void addNotice(text),
    confirm,
    destroy: () => root.replaceChildren(),
  };
}

interface Actions {
  readonly onDebrief: RowAction;
  readonly onReplay: RowAction;
  readonly onExport: RowAction;
}

/** One section per scenario with attempts: the library's order, then scenarios it lost. */
function groups(options: HistoryViewOptions, prefix: string, actions: Actions): HTMLElement[] {
  if (options.attempts.length === 0) {
    return [h('p', { className: 'chooser-empty', text: t('history.empty') })];
  }
  const byScenario = new Map<string, Attempt[]>();
  for (const attempt of options.attempts) {
    const list = byScenario.get(attempt.scenarioId) ?? [];
    list.push(attempt);
    byScenario.set(attempt.scenarioId, list);
  }
  const known = new Set(options.scenarios.map((s) => s.id));
  const order = [
    ...options.scenarios.filter((s) => byScenario.has(s.id)),
    ...[...byScenario.keys()]
      .filter((id) => !known.has(id))
      .sort()
      .map((id) => ({ id, title: t('history.unknownScenario', { id }) })),
  ];
  return order.map((scenario, i) => {
    const attempts = [...(byScenario.get(scenario.id) ?? [])].sort(newestFirst);
    const id = `${prefix}-s${i}`;
    return h('section', { className: 'history-scenario', attrs: { 'aria-labelledby': id } }, [
      h('h2', { className: 'history-scenario-title', id }, [
        scenario.title,
        h('span', {
          className: 'history-count',
          text:
            attempts.length === 1
              ? t('history.count.one')
              : t('history.count.other', { count: attempts.length }),
        }),
      ]),
      attemptTable(scenario.title, attempts, options, `${id}-a`, actions),
    ]);
  });
}

function attemptTable(
  title: string,
  attempts: readonly Attempt[],
  options: HistoryViewOptions,
  prefix: string,
  actions: Actions,
): HTMLElement {
  const headers = [
    t('history.col.date'),
    t('history.col.mode'),
    t('history.col.outcome'),
    ...SCORE_COLUMNS.map((c) => t(c.label)),
    t('history.col.run'),
  ];
  const rows = attempts.map((attempt, i) => {
    const dateId = `${prefix}${i}`;
    const scores = SCORE_COLUMNS.map((c) => {
      const value = attempt.scores[c.key];
      return h('td', {
        className: 'history-score',
        text: typeof value === 'number' ? c.format(value) : t('history.score.none'),
      });
    });
    return h('tr', {}, [
      h('th', {
        className: 'history-date',
        id: dateId,
        text: formatWallTime(attempt.endedAt),
        attrs: { scope: 'row' },
      }),
      h('td', { text: word('history.mode', attempt.mode) }),
      h('td', {
        className: `history-outcome is-${attempt.outcome}`,
        text: t(`history.outcome.${attempt.outcome}`),
      }),
      ...scores,
      h('td', { className: 'history-run' }, [runCell(attempt, options, dateId, actions)]),
    ]);
  });
  return h('div', { className: 'history-table-wrap' }, [
    h(
      'table',
      { className: 'history-table', attrs: { 'aria-label': t('history.table', { title }) } },
      [
        h('thead', {}, [
          h(
            'tr',
            {},
            headers.map((text) => h('th', { text, attrs: { scope: 'col' } })),
          ),
        ]),
        h('tbody', {}, rows),
      ],
    ),
  ]);
}

function runCell(
  attempt: Attempt,
  options: HistoryViewOptions,
  describedBy: string,
  actions: Actions,
): HTMLElement {
  if (attempt.runId === undefined || !options.runIds.has(attempt.runId)) {
    return h('span', {
      className: 'history-no-run',
      text: t('history.noRun', { count: options.runsKept }),
    });
  }
  const button = (label: string, action: RowAction): HTMLButtonElement => {
    const b = h('button', {
      className: 'history-button',
      text: label,
      attrs: { type: 'button', 'aria-describedby': describedBy },
    });
    b.addEventListener('click', () => {
      if (b.getAttribute('aria-busy') === 'true') return;
      const pending = action(attempt);
      if (!(pending instanceof Promise)) return;
      b.setAttribute('aria-busy', 'true');
      b.textContent = t('history.working');
      void pending.finally(() => {
        b.removeAttribute('aria-busy');
        b.textContent = label;
      });
    });
    return b;
  };
  return h('span', { className: 'history-actions' }, [
    button(t('history.debrief'), actions.onDebrief),
    button(t('history.replay'), actions.onReplay),
    button(t('history.export'), actions.onExport),
  ]);
}

/** The Import control: a file input and a drop zone, with the problems of a refused file. */
function importSection(prefix: string, onImport: HistoryViewOptions['onImport']): HTMLElement {
  const inputId = `${prefix}-import`;
  const input = h('input', {
    className: 'history-file',
    id: inputId,
    attrs: { type: 'file', accept: '.json,application/json' },
  });
  const status = h('div', { className: 'history-import-status', attrs: { 'aria-live': 'polite' } });
  const zone = h('div', { className: 'history-drop' }, [
    h('label', {
      className: 'history-button is-primary',
      text: t('history.import.choose'),
      attrs: { for: inputId },
    }),
    input,
    h('span', { className: 'history-drop-hint', text: t('history.import.drop') }),
  ]);

  const refuse = (name: string, problems: readonly string[]): void => {
    status.replaceChildren(
      h('div', { className: 'history-problems', attrs: { role: 'alert' } }, [
        h('p', { text: t('history.import.problems', { name }) }),
        h(
          'ul',
          {},
          problems.map((p) => h('li', { text: p })),
        ),
      ]),
    );
  };

  const take = async (file: File): Promise<void> => {
    if (file.size > MAX_IMPORT_BYTES) {
      refuse(file.name, [t('history.import.tooLarge', { size: MAX_IMPORT_BYTES / 1_000_000 })]);
      return;
    }
    status.replaceChildren(h('p', { text: t('history.import.reading', { name: file.name }) }));
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(file.name, [t('history.import.unreadable')]);
      return;
    }
    const result = await onImport(text, file.name);
    if (result.ok) status.replaceChildren();
    else refuse(file.name, result.problems);
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void take(file);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    const file = event.dataTransfer?.files[0];
    if (file) void take(file);
  });

  const headingId = `${prefix}-import-heading`;
  return h('section', { className: 'history-import', attrs: { 'aria-labelledby': headingId } }, [
    h('h2', {
      className: 'history-import-title',
      id: headingId,
      text: t('history.import.heading'),
    }),
    h('p', { className: 'history-import-hint', text: t('history.import.hint') }),
    zone,
    status,
  ]);
}

/** Saves text as a file through the browser's download. */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: fileName } });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
