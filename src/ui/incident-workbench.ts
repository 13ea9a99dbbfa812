/**
 * The tools of the incident screen as tabs (WAI-ARIA tabs: arrow keys move between them): the
 * console, the log explorer and the runbooks. A tab's content is mounted the first time it is
 * shown, when it has a size to lay out in (the log explorer's virtual list needs one).
 */
import { t } from '../i18n/index.ts';
import type { PlainMessageKey } from '../i18n/index.ts';
import { mountConsolePanel } from './console-panel.ts';
import type { ConsoleBackend, ConsolePanel } from './console-panel.ts';
import { h } from './dom.ts';
import { mountLogExplorer } from './log-explorer.ts';
import type { LogExplorer } from './log-explorer.ts';
import type { LogSource } from './log-explorer/types.ts';

export type ToolTab = 'console' | 'logs' | 'runbooks';
const TABS: readonly ToolTab[] = ['console', 'logs', 'runbooks'];
const LABELS: Record<ToolTab, PlainMessageKey> = {
  console: 'incident.workbench.console',
  logs: 'incident.workbench.logs',
  runbooks: 'incident.workbench.runbooks',
};

export interface Workbench {
  readonly element: HTMLElement;
  readonly tabList: HTMLElement;
  readonly console: ConsolePanel;
  /** The log explorer, mounted on first use (a chart click or the topology may need it early). */
  logs(): LogExplorer;
  /** Where the runbooks panel is mounted by the composition root. */
  readonly runbooksHost: HTMLElement;
  select(tab: ToolTab, focus?: boolean): void;
  /** New simulated seconds have passed: the log explorer takes in new lines. */
  refresh(): void;
  destroy(): void;
}

export function createWorkbench(
  prefix: string,
  backend: ConsoleBackend,
  logSource: LogSource,
  onShowRunbooks: () => void = () => {},
): Workbench {
  const bodies: Record<ToolTab, HTMLElement> = {
    console: h('div', { className: 'incident-console' }),
    logs: h('div', { className: 'incident-logs' }),
    runbooks: h('div', { className: 'incident-runbooks' }),
  };
  const panel = mountConsolePanel(bodies.console, backend);
  let explorer: LogExplorer | null = null;
  const logs = (): LogExplorer => (explorer ??= mountLogExplorer(bodies.logs, logSource));

  const tabs = {} as Record<ToolTab, HTMLButtonElement>;
  for (const id of TABS) {
    tabs[id] = h('button', {
      className: 'workbench-tab',
      id: `${prefix}-tab-${id}`,
      text: t(LABELS[id]),
      attrs: { type: 'button', role: 'tab', 'aria-controls': `${prefix}-tool-${id}` },
    });
    const body = bodies[id];
    body.id = `${prefix}-tool-${id}`;
    body.setAttribute('role', 'tabpanel');
    body.setAttribute('aria-labelledby', `${prefix}-tab-${id}`);
  }

  let selected: ToolTab = 'console';
  const select = (id: ToolTab, focus = false): void => {
    selected = id;
    for (const key of TABS) {
      const on = key === id;
      tabs[key].setAttribute('aria-selected', String(on));
      tabs[key].tabIndex = on ? 0 : -1;
      bodies[key].hidden = !on;
    }
    if (id === 'logs') {
      const list = logs();
      list.update();
      if (focus) list.focus();
    } else if (id === 'runbooks') {
      onShowRunbooks();
    } else if (focus) panel.focus();
  };

  const tabList = h(
    'div',
    {
      className: 'workbench-tabs',
      attrs: { role: 'tablist', 'aria-label': t('incident.workbench.label') },
    },
    TABS.map((id) => tabs[id]),
  );
  tabList.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const at = TABS.indexOf(selected);
    const next = TABS[(at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    select(next, false);
    tabs[next].focus();
  });
  for (const id of TABS) tabs[id].addEventListener('click', () => select(id, true));
  select('console');

  const element = h('div', { className: 'incident-workbench' }, [
    bodies.console,
    bodies.logs,
    bodies.runbooks,
  ]);
  return {
    element,
    tabList,
    console: panel,
    logs,
    runbooksHost: bodies.runbooks,
    select,
    refresh: () => {
      if (selected === 'logs') explorer?.update();
    },
    destroy() {
      explorer?.destroy();
      panel.destroy();
    },
  };
}
