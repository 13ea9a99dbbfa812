/**
 * The history view: attempts per scenario newest first with their key scores, the run actions
 * for kept runs only, export as a download, and import by file or drop with problems listed.
 */
import { fireEvent, getAllByRole, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { Attempt } from '../../src/shared/attempts.ts';
import { MAX_IMPORT_BYTES, formatWallTime, mountHistoryView } from '../../src/ui/history-view.ts';
import type { HistoryView, HistoryViewOptions, ImportResult } from '../../src/ui/history-view.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';

const attempt = (overrides: Partial<Attempt> = {}): Attempt => ({
  scenarioId: 'pool-exhaustion-leak',
  scenarioVersion: 1,
  seed: 4242,
  mode: 'practice',
  endedAt: '2026-11-26T12:00:00.000Z',
  outcome: 'resolved',
  playedMs: 900_000,
  milestones: {},
  scores: {},
  ...overrides,
});

const SCENARIOS = [
  { id: 'latency-spike-missing-index', title: 'Orders got slow' },
  { id: 'pool-exhaustion-leak', title: 'Every database route is timing out' },
];

let root: HTMLElement;
let view: HistoryView | null;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  view = null;
});

afterEach(() => {
  view?.destroy();
  root.remove();
  vi.restoreAllMocks();
});

function mount(overrides: Partial<HistoryViewOptions> = {}) {
  const calls = {
    back: 0,
    debrief: [] as Attempt[],
    replay: [] as Attempt[],
    export: [] as Attempt[],
    imports: [] as [string, string][],
  };
  view = mountHistoryView(root, {
    scenarios: SCENARIOS,
    attempts: [],
    runIds: new Set(),
    runsKept: 20,
    onBack: () => (calls.back += 1),
    onDebrief: (a) => void calls.debrief.push(a),
    onReplay: (a) => void calls.replay.push(a),
    onExport: (a) => {
      calls.export.push(a);
      return Promise.resolve({ fileName: 'run.json', text: '{"format":"on-call-drill/run"}' });
    },
    onImport: (text, name): ImportResult => {
      calls.imports.push([text, name]);
      return { ok: true };
    },
    ...overrides,
  });
  return calls;
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cellTexts = (row: HTMLElement) =>
  [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '');

describe('the history view', () => {
  it('says so when nothing was played, and goes back to the library', () => {
    const calls = mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(t('history.title'));
    expect(root.textContent).toContain(t('history.empty'));
    fireEvent.click(getByRole(root, 'button', { name: `← ${t('history.back')}` }));
    expect(calls.back).toBe(1);
  });

  it('groups attempts per scenario in the library order, newest first, with key scores', () => {
    mount({
      attempts: [
        attempt({
          endedAt: '2026-11-20T09:00:00.000Z',
          outcome: 'failed',
          scores: { mitigate: null, budget: 0.5, harmful: 2, hints: 1 },
        }),
        attempt({ scenarioId: 'latency-spike-missing-index' }),
        attempt({
          endedAt: '2026-11-25T09:00:00.000Z',
          scores: { mitigate: 14 * 60_000 + 5_000, budget: 0.021, harmful: 0, hints: 0 },
        }),
      ],
    });
    const sections = getAllByRole(root, 'region');
    // The import section comes first, then the scenarios in the library's order.
    expect(
      sections.map(
        (s) => s.getAttribute('aria-labelledby') && s.querySelector('h2')?.firstChild?.textContent,
      ),
    ).toEqual([
      t('history.import.heading'),
      'Orders got slow',
      'Every database route is timing out',
    ]);
    const pool = getByRole(root, 'table', {
      name: t('history.table', { title: SCENARIOS[1]!.title }),
    });
    expect(within(sections[2]!).getByText(t('history.count.other', { count: 2 }))).toBeTruthy();
    const [newer, older] = rowsOf(pool).map(cellTexts);
    expect(newer!.slice(0, 7)).toEqual([
      formatWallTime('2026-11-25T09:00:00.000Z'),
      t('history.mode.practice'),
      t('history.outcome.resolved'),
      '14:05',
      '2.1%',
      '0',
      '0',
    ]);
    expect(older!.slice(2, 7)).toEqual([
      t('history.outcome.failed'),
      t('history.score.none'),
      '50%',
      '2',
      '1',
    ]);
  });

  it('shows the date in local wall-clock time, in the current locale', () => {
    const iso = '2026-11-26T12:00:00.000Z';
    const english = formatWallTime(iso);
    expect(english).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
        Date.parse(iso),
      ),
    );
    setLocale('zh-CN');
    expect(formatWallTime(iso)).not.toBe(english);
  });

  it('lists attempts at scenarios the library lost, under their id, as text', () => {
    mount({ attempts: [attempt({ scenarioId: HOSTILE, mode: HOSTILE })] });
    expect(root.textContent).toContain(t('history.unknownScenario', { id: HOSTILE }));
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('offers Debrief, Replay and Export only for attempts whose run is kept', () => {
    const kept = attempt({ runId: 'r1', endedAt: '2026-11-26T12:00:00.000Z' });
    const dropped = attempt({ runId: 'r0', endedAt: '2026-11-01T12:00:00.000Z' });
    const old = attempt({ endedAt: '2026-10-01T12:00:00.000Z' });
    const calls = mount({ attempts: [kept, dropped, old], runIds: new Set(['r1']) });
    const [first, second, third] = rowsOf(getByRole(root, 'table'));
    fireEvent.click(within(first!).getByRole('button', { name: t('history.debrief') }));
    fireEvent.click(within(first!).getByRole('button', { name: t('history.replay') }));
    expect(calls.debrief).toEqual([kept]);
    expect(calls.replay).toEqual([kept]);
    // The row's date describes its buttons, for screen readers.
    const date = document.getElementById(
      within(first!)
        .getByRole('button', { name: t('history.replay') })
        .getAttribute('aria-describedby')!,
    );
    expect(date?.textContent).toBe(formatWallTime(kept.endedAt));
    for (const row of [second!, third!]) {
      expect(queryByRole(row, 'button')).toBeNull();
      expect(row.textContent).toContain(t('history.noRun', { count: 20 }));
    }
  });

  it('marks a button busy while its action works, and once only', async () => {
    let finish: () => void = () => {};
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    mount({ attempts: [attempt({ runId: 'r1' })], runIds: new Set(['r1']), onDebrief: work });
    const button = getByRole(root, 'button', { name: t('history.debrief') });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(work).toHaveBeenCalledTimes(1);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.textContent).toBe(t('history.working'));
    finish();
    await vi.waitFor(() => expect(button.getAttribute('aria-busy')).toBeNull());
    expect(button.textContent).toBe(t('history.debrief'));
  });

  it('exports a run as a downloaded .json file', async () => {
    const created = vi.fn((_: Blob) => 'blob:run');
    URL.createObjectURL = created;
    URL.revokeObjectURL = vi.fn();
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });
    const a = attempt({ runId: 'r1' });
    const calls = mount({ attempts: [a], runIds: new Set(['r1']) });
    fireEvent.click(getByRole(root, 'button', { name: t('history.export') }));
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(calls.export).toEqual([a]);
    expect(clicked[0]).toEqual({ download: 'run.json', href: 'blob:run' });
    expect(await created.mock.calls[0]![0].text()).toBe('{"format":"on-call-drill/run"}');
  });

  it('reports an export that failed', async () => {
    mount({
      attempts: [attempt({ runId: 'r1' })],
      runIds: new Set(['r1']),
      onExport: () => Promise.reject(new Error('gone')),
    });
    fireEvent.click(getByRole(root, 'button', { name: t('history.export') }));
    await vi.waitFor(() =>
      expect(getByRole(root, 'alert').textContent).toBe(
        t('history.exportFailed', { detail: 'gone' }),
      ),
    );
  });

  it('shows problems with saved data as notices, as text', () => {
    mount({ notices: [HOSTILE] });
    expect(getByRole(root, 'alert').textContent).toBe(HOSTILE);
    expect(root.querySelector('img')).toBeNull();
  });

  it('asks before going on, and goes on only when told', () => {
    mount();
    const proceed = vi.fn();
    view!.confirm('It changed.', proceed);
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toContain('It changed.');
    fireEvent.click(within(alert).getByRole('button', { name: t('history.warning.cancel') }));
    expect(proceed).not.toHaveBeenCalled();
    expect(queryByRole(root, 'alert')).toBeNull();
    view!.confirm('It changed.', proceed);
    fireEvent.click(getByRole(root, 'button', { name: t('history.warning.proceed') }));
    expect(proceed).toHaveBeenCalledTimes(1);
  });
});

describe('importing a run', () => {
  const file = (text: string, name = 'run.json') =>
    new File([text], name, { type: 'application/json' });
  const choose = (f: File) => {
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    fireEvent.change(input);
  };

  it('has a labelled file input that takes .json', () => {
    mount();
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toContain('.json');
    expect(root.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      t('history.import.choose'),
    );
  });

  it('hands a chosen file to the owner, and clears the status when it opens', async () => {
    const calls = mount();
    choose(file('{"a":1}', 'mine.json'));
    await vi.waitFor(() => expect(calls.imports).toEqual([['{"a":1}', 'mine.json']]));
    await vi.waitFor(() =>
      expect(root.querySelector('.history-import-status')?.textContent).toBe(''),
    );
  });

  it('lists the problems of a refused file with their paths, as text', async () => {
    mount({
      onImport: () =>
        Promise.resolve({ ok: false, problems: ['inputs[3].action.type: bad', HOSTILE] }),
    });
    choose(file('{}', HOSTILE));
    const alert = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(alert.querySelector('p')?.textContent).toBe(
      t('history.import.problems', { name: HOSTILE }),
    );
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['inputs[3].action.type: bad', HOSTILE]);
    expect(root.querySelector('img')).toBeNull();
  });

  it('takes a dropped file too', async () => {
    const calls = mount();
    const zone = root.querySelector<HTMLElement>('.history-drop')!;
    fireEvent.dragOver(zone);
    expect(zone.classList.contains('is-over')).toBe(true);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file('dropped')] } });
    zone.dispatchEvent(drop);
    expect(zone.classList.contains('is-over')).toBe(false);
    await vi.waitFor(() => expect(calls.imports.map(([text]) => text)).toEqual(['dropped']));
  });

  it('refuses a file too large to be a run before reading it', async () => {
    const calls = mount();
    const big = file('x');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    choose(big);
    const alert = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(alert.textContent).toContain(
      t('history.import.tooLarge', { size: MAX_IMPORT_BYTES / 1_000_000 }),
    );
    expect(calls.imports).toEqual([]);
  });
});
