import 'vitest-canvas-mock';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { createIncidentStore, setFocus } from '../../src/store/index.ts';
import type { IncidentStore, MetricReader } from '../../src/store/index.ts';
import { mountDashboards } from '../../src/ui/dashboards.ts';
import type { Dashboards } from '../../src/ui/dashboards.ts';
import { ROWS } from '../../src/ui/dashboards/layout.ts';
import type { RowSpec } from '../../src/ui/dashboards/layout.ts';

const START = Date.UTC(2025, 2, 14, 2, 0, 0);
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A reader of one-second samples (value = 10 + index), counting reads per key. */
function fakeReader(initial = 1200) {
  let written = initial;
  const reads = new Map<string, number[]>();
  const keys = ROWS.flatMap((r) => r.panels.flatMap((p) => p.series.map((s) => s.metric)));
  const reader: MetricReader & { grow(n: number): void; reads: typeof reads } = {
    metrics: keys.map((key) => ({ key, group: 'x', unit: 'count', query: `promql_of_${key}` })),
    written: () => written,
    read(key, n, outTimes, outValues) {
      const list = reads.get(key) ?? [];
      list.push(n);
      reads.set(key, list);
      const count = Math.min(n, written);
      for (let i = 0; i < count; i++) {
        const index = written - count + i;
        outTimes[i] = (START + (index + 1) * 1000) / 1000;
        outValues[i] = 10 + index;
      }
      return count;
    },
    grow(n) {
      written += n;
    },
    reads,
  };
  return reader;
}

type FakeReader = ReturnType<typeof fakeReader>;

/** Draws requested frames only when the test says so. */
function manualFrames() {
  const callbacks: (() => void)[] = [];
  return {
    request(cb: () => void) {
      callbacks.push(cb);
      return callbacks.length;
    },
    cancel() {},
    now: () => 0,
    runAll() {
      while (callbacks.length > 0) callbacks.shift()!();
    },
  };
}

/** An IntersectionObserver the test drives. */
class FakeIntersection {
  static instances: FakeIntersection[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersection.instances.push(this);
  }
  observe(target: Element): void {
    this.targets.push(target);
  }
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
  show(targets: readonly Element[], isIntersecting = true): void {
    this.callback(
      targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
      this as unknown as IntersectionObserver,
    );
  }
}

const TWO_ROWS: readonly RowSpec[] = ROWS.filter((r) => r.id === 'api' || r.id === 'postgres');

let host: HTMLElement;
let reader: FakeReader;
let store: IncidentStore;
let dash: Dashboards | null = null;
let frames: ReturnType<typeof manualFrames>;

function mount(options: Parameters<typeof mountDashboards>[2] = {}): Dashboards {
  dash = mountDashboards(host, store, { rows: TWO_ROWS, frames, ...options });
  return dash;
}

const readsOf = (key: string): number[] => reader.reads.get(key) ?? [];
const panel = (id: string): HTMLElement =>
  host.querySelector<HTMLElement>(`.dash-panel[data-panel="${id}"]`)!;
const tick = (n = 1): void => {
  reader.grow(n);
  store.setState({ metricsVersion: reader.written() });
};

beforeEach(() => {
  // happy-dom's IntersectionObserver never reports: without one, every chart counts as on screen.
  vi.stubGlobal('IntersectionObserver', undefined);
  host = document.createElement('div');
  document.body.append(host);
  reader = fakeReader();
  frames = manualFrames();
  store = createIncidentStore({
    startEpochMs: START,
    metrics: reader,
    thresholds: [
      { metric: 'api_p99', value: 1000, alert: 'APIHighLatencyP99', severity: 'warning' },
    ],
  });
});

afterEach(() => {
  dash?.destroy();
  dash = null;
  host.remove();
  setLocale(DEFAULT_LOCALE);
  vi.unstubAllGlobals();
  FakeIntersection.instances = [];
});

describe('dashboards layout', () => {
  it('shows every row of the full dashboard with its panels, titles and legends', () => {
    mount({ rows: ROWS });
    const rows = host.querySelectorAll('.dash-row');
    expect(rows.length).toBe(ROWS.length);
    expect(
      getByRole(host, 'button', { name: /SLO · availability/ }).getAttribute('aria-expanded'),
    ).toBe('true');
    const latency = panel('api.latency');
    expect(within(latency).getByRole('heading', { name: 'API latency' })).toBeTruthy();
    const legend = within(latency).getAllByRole('button', { pressed: true });
    expect(legend.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^p50/),
      expect.stringMatching(/^p99/),
    ]);
  });

  it('lists each series’ PromQL behind the info button', () => {
    mount();
    const p = panel('api.latency');
    const info = within(p).getByRole('button', { name: 'PromQL of API latency' });
    const queries = p.querySelector<HTMLElement>('.dash-queries')!;
    expect(queries.hidden).toBe(true);
    fireEvent.click(info);
    expect(queries.hidden).toBe(false);
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(queries.textContent).toContain('promql_of_api_p99');
  });

  it('labels the range picker and marks the chosen range', () => {
    mount();
    const group = getByRole(host, 'group', { name: 'Time range' });
    // The short form ("15 min", for narrow panels) is hidden from the accessible name.
    const pressed = within(group).getByRole('button', { pressed: true });
    expect(within(group).getByRole('button', { name: 'Last 15 minutes' })).toBe(pressed);
  });
});

describe('drawing', () => {
  it('draws charts with the range’s samples, and values in the legend', () => {
    const d = mount();
    d.refresh();
    expect(readsOf('api_p99')).toEqual([900]);
    expect(panel('api.latency').querySelector('.uplot')).not.toBeNull();
    // The legend shows the latest value (10 + index of the last sample) with its unit.
    const values = [...panel('api.latency').querySelectorAll('.dash-legend-value')];
    expect(values.map((v) => v.textContent)).toEqual(['1.21 s', '1.21 s']);
  });

  it('redraws when new samples land, not on other store writes', () => {
    const d = mount();
    d.refresh();
    store.setState({ t: 123_000, speed: 10 });
    d.refresh();
    expect(readsOf('api_p99').length).toBe(1);
    tick();
    d.refresh();
    expect(readsOf('api_p99').length).toBe(2);
  });

  it('spreads redraws over animation frames', () => {
    mount();
    expect(readsOf('api_p99').length).toBe(0);
    frames.runAll();
    expect(readsOf('api_p99').length).toBe(1);
    tick();
    frames.runAll();
    expect(readsOf('api_p99').length).toBe(2);
  });

  it('reads an hour, or the whole run, when the range changes', () => {
    const d = mount();
    d.setRange('1h');
    d.refresh();
    d.setRange('all');
    d.refresh();
    expect(readsOf('api_p99')).toEqual([3600, 1200]);
    expect(getByRole(host, 'button', { name: 'Whole incident' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('never draws a collapsed row, and catches up when it opens', () => {
    const d = mount();
    fireEvent.click(getByRole(host, 'button', { name: /PostgreSQL/ }));
    expect(getByRole(host, 'button', { name: /PostgreSQL/ }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    tick();
    d.refresh();
    expect(readsOf('pg_tps')).toEqual([]);
    expect(readsOf('api_p99').length).toBe(1);
    fireEvent.click(getByRole(host, 'button', { name: /PostgreSQL/ }));
    d.refresh();
    expect(readsOf('pg_tps').length).toBe(1);
  });

  it('draws only the charts on screen', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersection);
    const d = mount();
    tick();
    d.refresh();
    expect(reader.reads.size).toBe(0);
    const observer = FakeIntersection.instances[0]!;
    const latencyPlot = panel('api.latency').querySelector('.dash-plot')!;
    expect(observer.targets).toContain(latencyPlot);
    observer.show([latencyPlot]);
    d.refresh();
    expect([...reader.reads.keys()].sort()).toEqual(['api_p50', 'api_p99']);
    // Scrolled away: new samples do not redraw it.
    observer.show([latencyPlot], false);
    tick();
    d.refresh();
    expect(readsOf('api_p99').length).toBe(1);
  });

  it('draws the alert threshold on the panels of its metric, as text too', () => {
    const d = mount();
    d.refresh();
    const labels = (id: string): string[] => {
      const canvas = panel(id).querySelector('canvas')!;
      const ctx = canvas.getContext('2d') as unknown as {
        __getEvents(): { type: string; props: { text?: string } }[];
      };
      return ctx
        .__getEvents()
        .filter((e) => e.type === 'fillText')
        .map((e) => e.props.text ?? '');
    };
    // Two series on the panel: the label names the one the alert watches.
    expect(labels('api.latency')).toContain('APIHighLatencyP99 · p99 > 1.00 s');
    // Never against other series, as if the per-route p99s were alerting.
    expect(labels('api.routeP99').some((l) => l.startsWith('APIHighLatencyP99'))).toBe(false);
    expect(labels('api.errors').some((l) => l.startsWith('APIHighLatencyP99'))).toBe(false);
  });

  it('drops the threshold with its series when the legend hides it', async () => {
    const d = mount();
    d.refresh();
    const canvas = panel('api.latency').querySelector('canvas')!;
    const ctx = canvas.getContext('2d') as unknown as {
      __getEvents(): { type: string; props: { text?: string } }[];
      __clearEvents(): void;
    };
    ctx.__clearEvents();
    fireEvent.click(within(panel('api.latency')).getByRole('button', { name: /^p99/ }));
    // uPlot redraws after a series toggle in a microtask.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const texts = ctx
      .__getEvents()
      .filter((e) => e.type === 'fillText')
      .map((e) => e.props.text ?? '');
    // It did redraw (the axes), just not the hidden series' threshold.
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((l) => l.startsWith('APIHighLatencyP99'))).toBe(false);
  });

  it('draws a chart that scrolls into view at once, without waiting for a frame', () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersection);
    mount();
    const observer = FakeIntersection.instances[0]!;
    const latency = panel('api.latency');
    observer.show([latency.querySelector('.dash-plot')!]);
    // No frame has run and nobody called refresh().
    expect(latency.querySelector('.uplot')).not.toBeNull();
    expect(latency.querySelector('.dash-legend-value')!.textContent).not.toBe('–');
  });
});

describe('interaction', () => {
  it('hides and shows a series from its legend entry', () => {
    const d = mount();
    d.refresh();
    const p99 = within(panel('api.latency')).getByRole('button', { name: /^p99/ });
    fireEvent.click(p99);
    expect(p99.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(p99);
    expect(p99.getAttribute('aria-pressed')).toBe('true');
  });

  it('hands the moment under the keyboard cursor to onPickTime, in simulated ms', () => {
    const picked: number[] = [];
    const d = mount({ onPickTime: (t) => picked.push(t) });
    d.refresh();
    const plot = getByRole(panel('api.latency'), 'group', { name: 'API latency: chart' });
    plot.focus();
    fireEvent.keyDown(plot, { key: 'End' });
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    fireEvent.keyDown(plot, { key: 'Enter' });
    // The last sample is second 1200; one step left is second 1199.
    expect(picked).toEqual([1_199_000]);
  });

  it('shows markers near the cursor in the tooltip, as text', () => {
    store.setState({ markers: [{ t: 1_150_000, kind: 'deploy', label: `api v2 ${HOSTILE}` }] });
    const d = mount();
    d.refresh();
    const plot = getByRole(panel('api.latency'), 'group', { name: 'API latency: chart' });
    plot.focus();
    fireEvent.keyDown(plot, { key: 'End' });
    for (let i = 0; i < 50; i++) fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    const tooltip = panel('api.latency').querySelector<HTMLElement>('.dash-tooltip')!;
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toContain('2025-03-14 02:19:10 UTC');
    expect(tooltip.textContent).toContain('Deploy');
    expect(tooltip.textContent).toContain(HOSTILE);
    expect(tooltip.querySelector('img')).toBeNull();
  });

  it('is one Tab stop per panel, with arrow keys between its buttons, chart and legend', () => {
    const d = mount();
    d.refresh();
    const tabbable = (root: Element): HTMLElement[] =>
      [...root.querySelectorAll<HTMLElement>('button, [tabindex]')].filter(
        (el) => el.tabIndex >= 0,
      );
    for (const p of host.querySelectorAll('.dash-panel')) expect(tabbable(p).length).toBe(1);
    // The whole dashboard: the range picker, one header per row, one stop per panel.
    const panels = TWO_ROWS.reduce((n, r) => n + r.panels.length, 0);
    expect(tabbable(host).length).toBe(3 + TWO_ROWS.length + panels);

    const p = panel('pg.connections');
    const plot = getByRole(p, 'group', { name: 'Connections by state: chart' });
    expect(tabbable(p)).toEqual([plot]);
    plot.focus();
    fireEvent.keyDown(plot, { key: 'ArrowDown' });
    const legend = within(p).getAllByRole('button', { pressed: true });
    expect(document.activeElement).toBe(legend[0]);
    fireEvent.keyDown(legend[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(legend[1]);
    fireEvent.keyDown(legend[1]!, { key: 'End' });
    expect(document.activeElement).toBe(legend[4]);
    // Space or Enter on a legend entry is a normal button press.
    fireEvent.click(legend[4]!);
    expect(legend[4]!.getAttribute('aria-pressed')).toBe('false');
    // The stop follows the last item used.
    expect(tabbable(p)).toEqual([legend[4]]);
    fireEvent.keyDown(legend[4]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(plot);
    fireEvent.keyDown(plot, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(
      within(p).getByRole('button', { name: 'PromQL of Connections by state' }),
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(
      within(p).getByRole('button', { name: 'Open Connections by state large' }),
    );
    expect(tabbable(p).length).toBe(1);
  });

  it('moves between row headers with the arrow keys, skipping their panels', () => {
    mount();
    const api = getByRole(host, 'button', { name: /API · Go service/ });
    const postgres = getByRole(host, 'button', { name: /PostgreSQL/ });
    api.focus();
    fireEvent.keyDown(api, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(postgres);
    fireEvent.keyDown(postgres, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(api);
    fireEvent.keyDown(api, { key: 'End' });
    expect(document.activeElement).toBe(postgres);
    expect(api.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('opens a panel large and closes it with Esc, giving focus back', () => {
    const d = mount();
    d.refresh();
    const open = within(panel('pg.connections')).getByRole('button', {
      name: 'Open Connections by state large',
    });
    open.focus();
    fireEvent.click(open);
    const dialog = getByRole(host, 'dialog', { name: 'Connections by state' });
    expect(dialog.querySelector('.uplot')).not.toBeNull();
    expect(within(dialog).getAllByRole('button', { pressed: true }).length).toBe(5);
    // The large chart follows new samples like the others.
    const before = readsOf('pg_max_connections').length;
    tick();
    d.refresh();
    expect(readsOf('pg_max_connections').length).toBeGreaterThan(before);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('scrolls to and highlights the row of the focused component, opening it', () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    mount();
    const row = host.querySelector<HTMLElement>('.dash-row[data-row="postgres"]')!;
    fireEvent.click(getByRole(host, 'button', { name: /PostgreSQL/ }));
    setFocus(store, 'replica');
    expect(row.classList.contains('is-focused')).toBe(true);
    expect(row.querySelector<HTMLElement>('.dash-row-focused')!.hidden).toBe(false);
    expect(row.querySelector('.dash-row-focused')!.textContent).toBe('Focused');
    expect(getByRole(host, 'button', { name: /PostgreSQL/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(panel('pg.replication').classList.contains('is-focused')).toBe(true);
    expect(scrolled).toEqual([panel('pg.replication')]);
    setFocus(store, 'api');
    expect(row.classList.contains('is-focused')).toBe(false);
    expect(scrolled[1]).toBe(host.querySelector('.dash-row[data-row="api"]'));
    setFocus(store, null);
    expect(host.querySelectorAll('.is-focused').length).toBe(0);
  });

  it('follows the language', () => {
    mount();
    setLocale('zh-CN');
    expect(getByRole(host, 'button', { name: '最近 1 小时' })).toBeTruthy();
    expect(within(panel('api.latency')).getByRole('heading').textContent).toBe('API 延迟');
  });

  it('stops reading the store once destroyed', () => {
    const d = mount();
    d.refresh();
    d.destroy();
    dash = null;
    tick();
    frames.runAll();
    expect(readsOf('api_p99').length).toBe(1);
    expect(host.children.length).toBe(0);
  });
});
