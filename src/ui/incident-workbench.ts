/**
 * The right-hand workbench of the incident screen: the console and the log explorer as two tabs
 * (WAI-ARIA tabs: arrow keys move between them). The log explorer is mounted the first time its
 * tab is shown, when it has a size to lay its virtual list out in.
 */
import { t } from '../i18n/index.ts';
import { mountConsolePanel } from './console-panel.ts';
import type { ConsoleBackend, ConsolePanel } from './console-panel.ts';
import { h } from './dom.ts';
import { mountLogExplorer } from './log-explorer.ts';
import type { LogExplorer } from './log-explorer.ts';
import type { LogSource } from './log-explorer/types.ts';

export interface Workbench {
  readonly element: HTMLElement;
  readonly console: ConsolePanel;
  /** New simulated seconds have passed: the log explorer takes in new lines. */
  refresh(): void;
  destroy(): void;
}

type TabId = 'console' | 'logs';

export function createWorkbench(
  prefix: string,
  backend: ConsoleBackend,
  logs: LogSource,
): Workbench {
  const consoleHost = h('div', { className: 'incident-console' });
  const panel = mountConsolePanel(consoleHost, backend);
  const logsHost = h('div', { className: 'incident-logs' });
  let explorer: LogExplorer | null = null;

  const tabs: Record<TabId, { tab: HTMLButtonElement; body: HTMLElement }> = {
    console: { tab: tabButton('console'), body: consoleHost },
    logs: { tab: tabButton('logs'), body: logsHost },
  };
  function tabButton(id: TabId): HTMLButtonElement {
    return h('button', {
      className: 'workbench-tab',
      id: `${prefix}-tab-${id}`,
      text: t(id === 'console' ? 'incident.workbench.console' : 'incident.workbench.logs'),
      attrs: { type: 'button', role: 'tab', 'aria-controls': `${prefix}-panel-${id}` },
    });
  }
  for (const id of ['console', 'logs'] as const) {
    const { body } = tabs[id];
    body.id = `${prefix}-panel-${id}`;
    body.setAttribute('role', 'tabpanel');
    body.setAttribute('aria-labelledby', `${prefix}-tab-${id}`);
  }

  const select = (id: TabId, focus: boolean): void => {
    for (const key of ['console', 'logs'] as const) {
      const on = key === id;
      tabs[key].tab.setAttribute('aria-selected', String(on));
      tabs[key].tab.tabIndex = on ? 0 : -1;
      tabs[key].body.hidden = !on;
    }
    if (id === 'logs') {
      explorer ??= mountLogExplorer(logsHost, logs);
      explorer.update();
      if (focus) explorer.focus();
    } else if (focus) panel.focus();
  };

  const list = h(
    'div',
    {
      className: 'workbench-tabs',
      attrs: { role: 'tablist', 'aria-label': t('incident.workbench.label') },
    },
    [tabs.console.tab, tabs.logs.tab],
  );
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: TabId =
      tabs.console.tab.getAttribute('aria-selected') === 'true' ? 'logs' : 'console';
    select(next, false);
    tabs[next].tab.focus();
  });
  tabs.console.tab.addEventListener('click', () => select('console', true));
  tabs.logs.tab.addEventListener('click', () => select('logs', true));
  select('console', false);

  const element = h('div', { className: 'incident-workbench' }, [list, consoleHost, logsHost]);
  return {
    element,
    console: panel,
    refresh: () => explorer?.update(),
    destroy() {
      explorer?.destroy();
      panel.destroy();
    },
  };
}
