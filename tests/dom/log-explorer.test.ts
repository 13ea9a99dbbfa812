import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import { matchLabels, matchLine } from '../../src/shared/log-query.ts';
import { mountLogExplorer } from '../../src/ui/log-explorer.ts';
import type { LogExplorer, LogLine, LogSource } from '../../src/ui/log-explorer.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SERVICES = ['ingress', 'api', 'postgres'];
const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'];

/** 100,000 synthetic lines, one every 100 ms; `grow` appends more, `size` caps the ring. */
function fakeSource(initial = 100_000, capacity = 200_000) {
  let appended = initial;
  const make = (seq: number): LogLine => ({
    seq,
    t: seq * 100,
    clock: `00:00:${String(Math.floor(seq / 10) % 60).padStart(2, '0')}`,
    service: SERVICES[seq % 3]!,
    level: LEVELS[seq % 5]!,
    source: `${SERVICES[seq % 3]}-${seq % 4}`,
    text:
      seq === 99_990
        ? `payload ${HOSTILE} timeout`
        : `GET /v1/orders/${seq} ${seq % 7 === 0 ? '504 upstream timeout' : '200 ok'}`,
  });
  const source: LogSource & { grow(n: number): void } = {
    services: SERVICES,
    levels: LEVELS,
    labels: ['service', 'level', 'pod'],
    get size() {
      return Math.min(appended, capacity);
    },
    get firstSeq() {
      return appended - Math.min(appended, capacity);
    },
    lineAt: (seq) => (seq >= source.firstSeq && seq < appended ? make(seq) : null),
    pods: () => ['api-0', 'api-1', 'ingress-0'],
    timeOf: (seq) => seq * 100,
    search(query, range = {}) {
      const out: number[] = [];
      const from = Math.max(source.firstSeq, range.fromSeq ?? 0);
      const to = Math.min(appended, range.toSeq ?? Infinity);
      for (let seq = from; seq < to; seq++) {
        const l = make(seq);
        const labels: Record<string, string> = {
          service: l.service,
          level: l.level,
          pod: l.source,
        };
        if (matchLabels(query, (n) => labels[n] ?? '') && matchLine(query, l.text)) out.push(seq);
      }
      return Int32Array.from(out);
    },
    grow(n) {
      appended += n;
    },
  };
  return source;
}

let root: HTMLElement;
let panel: LogExplorer;
let source: ReturnType<typeof fakeSource>;

const rows = () => [...root.querySelectorAll<HTMLElement>('.logs-row')];
const seqs = () => rows().map((r) => Number(r.dataset['seq']));
const queryBox = () => getByRole(root, 'textbox', { name: t('logs.query.label') });
const list = () => getByRole(root, 'listbox', { name: t('logs.list.label') });
const status = () => root.querySelector('.logs-count')!.textContent;

function type(text: string): void {
  const box = queryBox() as HTMLInputElement;
  box.value = text;
  fireEvent.keyDown(box, { key: 'Enter' });
}

function scrollTo(top: number): void {
  list().scrollTop = top;
  fireEvent.scroll(list());
}

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  source = fakeSource();
  panel = mountLogExplorer(root, source, {
    fallbackSize: { width: 800, height: 400 },
    sliceMs: Infinity,
  });
});

afterEach(() => {
  panel.destroy();
  root.remove();
});

describe('log explorer', () => {
  it('renders only a window of 100,000 lines, tailing the newest', () => {
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(60);
    expect(Math.max(...seqs())).toBe(99_999);
    expect(status()).toBe(t('logs.count', { shown: '100,000', total: '100,000' }));
    expect(within(root).getByText(t('logs.tail.following'))).toBeTruthy();
  });

  it('shows the level as a word, not colour alone', () => {
    const row = rows().find((r) => r.dataset['level'] === 'error')!;
    expect(row.querySelector('.logs-level')!.textContent).toBe('ERROR');
  });

  it('filters by query and quick filters, and highlights matches', () => {
    type('{service="api"} |= "timeout"');
    const shown = seqs();
    expect(shown.length).toBeGreaterThan(0);
    for (const seq of shown) expect([seq % 3, seq % 7]).toEqual([1, 0]);
    const marks = [...root.querySelectorAll('.logs-row mark')].map((m) => m.textContent);
    expect(marks.length).toBe(shown.length);
    expect(new Set(marks)).toEqual(new Set(['timeout']));

    const level = getByRole(root, 'combobox', { name: t('logs.filter.level') });
    fireEvent.change(level, { target: { value: 'error' } });
    for (const seq of seqs()) expect(['error', 'fatal']).toContain(LEVELS[seq % 5]);
    const expected = Array.from({ length: 100_000 }, (_, i) => i).filter(
      (i) => i % 3 === 1 && i % 7 === 0 && i % 5 >= 3,
    ).length;
    expect(status()).toBe(
      t('logs.count', { shown: expected.toLocaleString('en'), total: '100,000' }),
    );
  });

  it('shows parse errors inline and keeps the last results', () => {
    type('{service="api"} |= "timeout"');
    const before = seqs();
    type('{service="api" |= "x"');
    const box = queryBox();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const alert = getByRole(root, 'alert');
    expect(alert.textContent).toBe(
      t('logs.error.at', { column: 16, message: t('logs.error.expectedCommaOrBrace') }),
    );
    expect(box.getAttribute('aria-describedby')).toContain(alert.id);
    expect(seqs()).toEqual(before);
    type('{level=~"(oops"}');
    expect(getByRole(root, 'alert').textContent).toContain('Column 9');
    type('');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(root.querySelector('.logs-error')!.hasAttribute('hidden')).toBe(true);
  });

  it('keeps HTML in log text as text', () => {
    type('onerror');
    const row = rows()[0]!;
    expect(row.querySelector('img')).toBeNull();
    expect(row.textContent).toContain(HOSTILE);
    expect(row.querySelector('mark')!.textContent).toBe('onerror');
  });

  it('lays the rows out once per update while following the tail', () => {
    const inner = root.querySelector('.logs-inner')!;
    const spy = vi.spyOn(inner, 'replaceChildren');
    source.grow(40);
    panel.update();
    // Scroll events the tail itself caused arrive later; they must not draw again.
    list().dispatchEvent(new Event('scroll'));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(Math.max(...seqs())).toBe(100_039);
    // Nothing new: nothing drawn.
    panel.update();
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('pauses the tail when scrolled up, counts new lines, and resumes', () => {
    scrollTo(1000);
    expect(within(root).getByText(t('logs.tail.paused'))).toBeTruthy();
    const before = seqs();
    source.grow(25);
    panel.update();
    expect(seqs()).toEqual(before);
    const resume = getByRole(root, 'button', { name: t('logs.tail.resume.other', { count: 25 }) });
    fireEvent.click(resume);
    expect(Math.max(...seqs())).toBe(100_024);
    expect(resume.hidden).toBe(true);
    source.grow(5);
    panel.update();
    expect(Math.max(...seqs())).toBe(100_029);
  });

  it('resumes the tail when scrolled back to the bottom, and with End', () => {
    scrollTo(0);
    expect(seqs()[0]).toBe(0);
    fireEvent.keyDown(list(), { key: 'End' });
    expect(Math.max(...seqs())).toBe(99_999);
    scrollTo(0);
    scrollTo(list().scrollTop + 100_000 * 20);
    expect(within(root).getByText(t('logs.tail.following'))).toBeTruthy();
  });

  it('drops lines the store overwrote', () => {
    const small = fakeSource(1000, 1000);
    panel.destroy();
    panel = mountLogExplorer(root, small, { sliceMs: Infinity });
    small.grow(10);
    panel.update();
    expect(status()).toBe(t('logs.count', { shown: '1,000', total: '1,000' }));
    expect(Math.min(...seqs())).toBeGreaterThanOrEqual(10);
  });

  it('jumps to the first shown line at a time', () => {
    panel.jumpTo(5_000_050);
    expect(seqs()).toContain(50_001);
    expect(list().scrollTop).toBe(50_001 * 20);
    expect(within(root).getByText(t('logs.tail.paused'))).toBeTruthy();
    type('|= "timeout"');
    panel.jumpTo(100);
    // The first timeout line at or after 100 ms is seq 7.
    expect(list().scrollTop).toBe(1 * 20);
    expect(seqs()).toContain(7);
  });

  it('runs the query after typing stops', async () => {
    panel.destroy();
    panel = mountLogExplorer(root, source, { debounceMs: 5, sliceMs: Infinity });
    fireEvent.input(Object.assign(queryBox(), { value: '{service="postgres"}' }));
    await new Promise((r) => setTimeout(r, 20));
    for (const seq of seqs()) expect(seq % 3).toBe(2);
  });

  it('searches in slices, yielding between them, without losing lines', async () => {
    panel.destroy();
    const sliced = fakeSource(10_000);
    panel = mountLogExplorer(root, sliced, { sliceMs: 0 });
    const searching = root.querySelector<HTMLElement>('.logs-searching')!;
    expect(searching.hidden).toBe(false);
    expect(searching.textContent).toBe(t('logs.searching'));
    sliced.grow(3000);
    panel.update();
    for (let i = 0; i < 500 && !searching.hidden; i++) await new Promise((r) => setTimeout(r, 0));
    expect(searching.hidden).toBe(true);
    expect(status()).toBe(t('logs.count', { shown: '13,000', total: '13,000' }));
    expect(Math.max(...seqs())).toBe(12_999);
    // Lines there when the query ran are results, not new lines.
    expect(root.querySelector<HTMLElement>('.logs-resume')!.hidden).toBe(true);
  });

  it('relabels when the locale changes', () => {
    setLocale('zh-CN');
    expect(getByRole(root, 'textbox', { name: t('logs.query.label') })).toBeTruthy();
    expect(status()).toContain('100,000');
  });

  it('moves through lines with the arrow keys and opens one with Enter; Esc closes it', () => {
    type('{service="api"} |= "timeout"');
    const box = list();
    box.focus();
    fireEvent.keyDown(box, { key: 'Home' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const activeId = box.getAttribute('aria-activedescendant')!;
    const active = document.getElementById(activeId)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    const seq = Number(active.dataset['seq']);
    expect(seq).toBe(Number(rows()[2]!.dataset['seq']));
    expect(within(root).getByText(t('logs.tail.paused'))).toBeTruthy();

    fireEvent.keyDown(box, { key: 'Enter' });
    const dialog = getByRole(root, 'dialog', { name: t('logs.detail.title') });
    const line = source.lineAt(seq)!;
    expect(dialog.querySelector('pre')!.textContent).toBe(line.text);
    expect(dialog.querySelector('mark')!.textContent).toBe('timeout');
    for (const label of [line.service, line.source, line.level.toUpperCase()])
      expect(within(dialog).getByText(label)).toBeTruthy();

    fireEvent.keyDown(getByRole(dialog, 'button', { name: t('logs.detail.close') }), {
      key: 'Escape',
    });
    expect(dialog.hidden).toBe(true);
    expect(document.activeElement).toBe(box);
  });

  it('opens a clicked line, pretty-prints JSON and copies the line as written', async () => {
    const json =
      '{"time":"2026-01-01T00:00:00.000Z","level":"ERROR","msg":"request failed","err":"i/o timeout"}';
    const one: LogSource = {
      ...fakeSource(3),
      lineAt: (seq) => ({
        seq,
        t: 0,
        clock: '00:00:00',
        utc: '2026-01-01T00:00:00.000Z',
        service: 'api',
        level: 'error',
        source: 'api-0',
        text: json,
      }),
      search: () => Int32Array.from([0]),
    };
    panel.destroy();
    panel = mountLogExplorer(root, one, {
      fallbackSize: { width: 800, height: 400 },
      sliceMs: Infinity,
    });
    type('|= "i/o timeout"');
    let written = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => ((written = text), Promise.resolve()) },
    });
    fireEvent.click(rows()[0]!.querySelector('.logs-text')!);
    const dialog = getByRole(root, 'dialog', { name: t('logs.detail.title') });
    expect(dialog.querySelector('pre')!.textContent).toBe(
      JSON.stringify(JSON.parse(json), null, 2),
    );
    expect(dialog.querySelector('mark')!.textContent).toBe('i/o timeout');
    expect(within(dialog).getByText('2026-01-01T00:00:00.000Z')).toBeTruthy();
    fireEvent.click(getByRole(dialog, 'button', { name: t('logs.detail.copy') }));
    await Promise.resolve();
    await Promise.resolve();
    expect(written).toBe(json);
    expect(within(dialog).getByText(t('logs.detail.copied'))).toBeTruthy();
  });

  it('shows a far match after a leading ellipsis', () => {
    const far = `${'x'.repeat(300)} needle tail`;
    const one: LogSource = {
      ...fakeSource(1),
      lineAt: (seq) => ({
        seq,
        t: 0,
        clock: '00:00:00',
        service: 'api',
        level: 'info',
        source: 'api-0',
        text: far,
      }),
      search: () => Int32Array.from([0]),
    };
    panel.destroy();
    panel = mountLogExplorer(root, one, {
      fallbackSize: { width: 800, height: 400 },
      sliceMs: Infinity,
    });
    type('|= "needle"');
    const text = rows()[0]!.querySelector('.logs-text')!;
    expect(text.textContent!.startsWith('…')).toBe(true);
    expect(text.textContent!.indexOf('needle')).toBeLessThan(40);
    expect(text.querySelector('mark')!.textContent).toBe('needle');
  });

  it('filters by pod from a picker of the pods seen', () => {
    const pod = getByRole(root, 'combobox', { name: t('logs.filter.pod') }) as HTMLSelectElement;
    expect([...pod.options].map((o) => o.value)).toEqual(['', 'api-0', 'api-1', 'ingress-0']);
    pod.value = 'api-1';
    fireEvent.change(pod);
    expect(rows().length).toBeGreaterThan(0);
    for (const r of rows()) expect(r.querySelector('.logs-source')!.textContent).toBe('api-1');
  });

  it('focuses a service, keeping the rest of the query', () => {
    type('{level="error", service="postgres"} |= "timeout"');
    panel.focusService('api');
    const box = queryBox() as HTMLInputElement;
    expect(box.value).toBe('{service="api", level="error"} |= `timeout`');
    for (const r of rows()) expect(r.querySelector('.logs-source')!.textContent).toMatch(/^api-/);
    panel.focusService(null);
    expect(box.value).toBe('{level="error"} |= `timeout`');
  });

  it('shows in the quick filters what the query selects', () => {
    const select = (name: string) =>
      getByRole(root, 'combobox', { name: t(name as 'logs.filter.service') }) as HTMLSelectElement;
    const shown = (name: string) => select(name).selectedOptions[0]!.textContent;
    panel.focusService('api');
    expect(select('logs.filter.service').value).toBe('api');
    expect(shown('logs.filter.service')).toBe('api');
    type('{service=~"api|postgres", level=~"error|fatal", pod="api-9"}');
    expect(shown('logs.filter.service')).toBe(t('logs.filter.fromQuery'));
    expect(select('logs.filter.service').getAttribute('aria-description')).toBe(
      t('logs.filter.fromQueryHint', { matcher: '{service=~"api|postgres"}' }),
    );
    expect(shown('logs.filter.level')).toBe(t('logs.filter.levelAtLeast', { level: 'error' }));
    // A pod the store has not listed yet is still shown as the query's pick.
    expect(shown('logs.filter.pod')).toBe('api-9');
    type('{service="api", service!="postgres", level="warn"}');
    expect(shown('logs.filter.service')).toBe(t('logs.filter.fromQuery'));
    expect(shown('logs.filter.level')).toBe(t('logs.filter.levelOnly', { level: 'warn' }));
    type('timeout');
    for (const name of ['logs.filter.service', 'logs.filter.pod', 'logs.filter.level'])
      expect(select(name).value).toBe('');
  });

  it('edits the query when a quick filter changes', () => {
    const box = queryBox() as HTMLInputElement;
    type('{level="error"} |= "timeout"');
    const service = getByRole(root, 'combobox', {
      name: t('logs.filter.service'),
    }) as HTMLSelectElement;
    fireEvent.change(Object.assign(service, { value: 'postgres' }));
    expect(box.value).toBe('{service="postgres", level="error"} |= `timeout`');
    for (const seq of seqs()) expect(seq % 3).toBe(2);
    const level = getByRole(root, 'combobox', {
      name: t('logs.filter.level'),
    }) as HTMLSelectElement;
    fireEvent.change(Object.assign(level, { value: 'warn' }));
    expect(box.value).toBe('{service="postgres", level=~"warn|error|fatal"} |= `timeout`');
    expect(level.value).toBe('warn');
    fireEvent.change(Object.assign(service, { value: '' }));
    expect(box.value).toBe('{level=~"warn|error|fatal"} |= `timeout`');
    // From "Set by query", a pick replaces every matcher on the label.
    type('{service!="api", service!="ingress"}');
    fireEvent.change(Object.assign(service, { value: 'api' }));
    expect(box.value).toBe('{service="api"}');
  });

  it('words the resume button by count, and never says 0', () => {
    scrollTo(1000);
    const resume = root.querySelector<HTMLButtonElement>('.logs-resume')!;
    expect(resume.hidden).toBe(false);
    expect(resume.textContent).toBe('Resume tail');
    source.grow(1);
    panel.update();
    expect(resume.textContent).toBe('1 new line — resume tail');
    source.grow(1);
    panel.update();
    expect(resume.textContent).toBe('2 new lines — resume tail');
    setLocale('zh-CN');
    expect(resume.textContent).toBe('2 条新日志 —— 恢复跟踪');
  });

  it('sizes rows from the root font size, measured at mount', () => {
    panel.destroy();
    document.documentElement.style.fontSize = '24px';
    try {
      panel = mountLogExplorer(root, source, {
        fallbackSize: { width: 800, height: 400 },
        sliceMs: Infinity,
      });
      // 1.25rem at 24 px.
      expect(rows()[0]!.style.height).toBe('30px');
      expect(
        root.querySelector<HTMLElement>('.logs-panel')!.style.getPropertyValue('--logs-row'),
      ).toBe('30px');
      panel.jumpTo(5_000_050);
      expect(list().scrollTop).toBe(50_001 * 30);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('opens the detail beside the list, not over it', () => {
    const body = root.querySelector<HTMLElement>('.logs-body')!;
    fireEvent.click(rows().at(-1)!.querySelector('.logs-text')!);
    const dialog = getByRole(root, 'dialog', { name: t('logs.detail.title') });
    expect(body.dataset['detail']).toBe('open');
    // Its own grid cell: a sibling of the list, not inside it.
    expect(dialog.parentElement).toBe(body);
    expect(list().closest('.logs-list')!.parentElement).toBe(body);
    expect(list().contains(dialog)).toBe(false);
    fireEvent.click(getByRole(dialog, 'button', { name: t('logs.detail.close') }));
    expect(body.dataset['detail']).toBeUndefined();
  });
});
