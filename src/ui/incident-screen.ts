/**
 * The incident screen: a header with the clock, then the briefing; once the player takes the
 * pager, the workspace: the pager and the incident channel in a column on the left; on the right
 * the overview (the system map beside the dashboards) above the tools (console, logs, runbooks).
 * Every region is a titled panel that can be maximised, and the splits between them can be
 * dragged or moved from the keyboard. The screen holds no game logic: the composition root
 * (src/incident.ts) feeds it plain data, mounts the heavier panels into its hosts and receives
 * the player's choices through callbacks.
 */
import './incident.css';
import './layout/layout.css';
import { t } from '../i18n/index.ts';
import type { ConsoleBackend } from './console-panel.ts';
import { createWorkbench } from './incident-workbench.ts';
import type { ToolTab, Workbench } from './incident-workbench.ts';
import type { LogSource } from './log-explorer/types.ts';
import { h } from './dom.ts';
import { buildBriefing } from './incident-briefing.ts';
import type { BriefingExtras } from './incident-briefing.ts';
import { createFeed } from './incident-feed.ts';
import { buildHeader } from './incident-header.ts';
import { createRespond } from './incident-respond.ts';
import { createPanelGroup } from './layout/panel-frame.ts';
import type { PanelFrame } from './layout/panel-frame.ts';
import { createSplit } from './layout/split.ts';
import type {
  ClockReading,
  Communication,
  FeedItem,
  IncidentInfo,
  RespondChoices,
  RespondResult,
  Speed,
} from './incident-types.ts';

export type {
  ClockReading,
  Communication,
  FeedItem,
  IncidentInfo,
  RespondChoices,
  RespondResult,
  Speed,
} from './incident-types.ts';
export { SPEEDS } from './incident-types.ts';
export type { ToolTab } from './incident-workbench.ts';

export interface IncidentScreenCallbacks {
  /** The player took the pager: start the clock. */
  onStart(): void;
  onSpeed(speed: Speed): void;
  onExit(): void;
  /** The player sends a communication from the Respond composer. */
  onRespond(communication: Communication): RespondResult;
  /** The runbooks tab was shown (mount its panel lazily). */
  onShowRunbooks?(): void;
  /** A panel was maximised or restored, or a split moved: canvases re-measure. */
  onLayout?(): void;
  /** The player chose to read a hint (the scores count it). */
  onTakeHint?(level: number): void;
  /** After the end: the player asked for the debrief (postmortem and scores). */
  onDebrief?(): void;
  /** The player (an instructor, an interviewer) wants the facilitator console. */
  onFacilitator?(): void;
}

/** Where the composition root mounts the panels the screen does not build itself. */
export interface PanelHosts {
  readonly pager: HTMLElement;
  readonly topology: HTMLElement;
  readonly dashboards: HTMLElement;
  readonly dashboardsTools: HTMLElement;
  readonly runbooks: HTMLElement;
}

export interface IncidentScreen {
  readonly element: HTMLElement;
  readonly hosts: PanelHosts;
  readonly workbench: Workbench;
  setClock(reading: ClockReading): void;
  /** Shows a speed chosen elsewhere (the clock's own changes, say). */
  setSpeed(speed: Speed): void;
  append(items: readonly FeedItem[]): void;
  /** The severity the player declared: a badge in the header. */
  setSeverity(severity: string): void;
  /** Unacknowledged pages: a count on the pager panel's title. */
  setPagerCount(count: number): void;
  /** Goes straight to the incident, as if the pager had been taken (a resumed run). */
  skipBriefing(): void;
  /** The story is over: the header shows the outcome and the speed buttons rest. */
  end(outcome: string): void;
  /** New log lines may have arrived: the log explorer takes them in (cheap, incremental). */
  refreshLogs(): void;
  /** Shows a tool tab (the pager's runbook link opens the runbooks, a chart click the logs). */
  showTool(tab: ToolTab): void;
  /** A lazily loaded panel could not load: say so in its place (the rest plays on). */
  panelFailed(panel: 'topology' | 'dashboards', error: unknown): void;
  destroy(): void;
}

let mounts = 0;

export function mountIncidentScreen(
  root: HTMLElement,
  info: IncidentInfo,
  backend: ConsoleBackend,
  callbacks: IncidentScreenCallbacks,
  choices: RespondChoices,
  logs: LogSource,
  extras: BriefingExtras = {},
): IncidentScreen {
  const prefix = `oc-incident-${++mounts}`;
  const layoutChanged = (): void => callbacks.onLayout?.();
  const header = buildHeader(info, prefix, callbacks);
  const feed = createFeed(info, prefix, (level) => callbacks.onTakeHint?.(level));
  const workbench = createWorkbench(prefix, backend, logs, () => callbacks.onShowRunbooks?.());
  const respond = createRespond(prefix, choices, (c) => callbacks.onRespond(c));

  const workspace = h('div', { className: 'incident-workspace' });
  const panels = createPanelGroup(workspace, prefix, layoutChanged);
  const pager = panels.frame('pager', t('panel.pager'));
  const pagerCount = h('span', { className: 'panel-count', attrs: { 'aria-live': 'off' } });
  pagerCount.hidden = true;
  pager.tools.append(pagerCount);
  const channel = panels.frame('channel', t('panel.channel'));
  channel.body.append(feed.element, respond.element);
  const topology = panels.frame('topology', t('panel.topology'));
  const dashboards = panels.frame('dashboards', t('panel.dashboards'));
  const tools = panels.frame('workbench', t('panel.tools'));
  tools.tools.append(workbench.tabList);
  tools.body.append(workbench.element);

  const column = (className: string, frames: readonly PanelFrame[]): HTMLElement =>
    h(
      'div',
      { className },
      frames.map((f) => f.element),
    );
  const overview = createSplit({
    orientation: 'horizontal',
    first: topology.element,
    second: dashboards.element,
    initial: 38,
    min: 20,
    max: 70,
    label: t('split.mapDashboards'),
    onResize: layoutChanged,
  });
  const right = createSplit({
    orientation: 'vertical',
    first: overview.element,
    second: tools.element,
    // The overview (map and dashboards) gets the larger share: it is what the player reads most.
    initial: 54,
    min: 20,
    max: 80,
    label: t('split.overviewTools'),
    className: 'incident-right',
    onResize: layoutChanged,
  });
  const whole = createSplit({
    orientation: 'horizontal',
    first: column('incident-side', [pager, channel]),
    second: right.element,
    initial: 25,
    min: 18,
    max: 45,
    label: t('split.sideMain'),
    onResize: layoutChanged,
  });
  workspace.append(whole.element);

  const begin = (): void => {
    main.replaceChildren(workspace);
    element.dataset['phase'] = 'live';
    header.setPhase('live');
    callbacks.onStart();
    workbench.console.focus();
    layoutChanged();
  };
  const briefing = buildBriefing(info, prefix, extras, begin);
  const main = h('main', { className: 'incident-main' }, [briefing.element]);
  const element = h('div', { className: 'incident-screen', attrs: { 'data-phase': 'briefing' } }, [
    header.element,
    main,
  ]);

  document.title = `${info.title} · ${t('app.title')}`;
  root.replaceChildren(element);
  briefing.focus();

  return {
    element,
    hosts: {
      pager: pager.body,
      topology: topology.body,
      dashboards: dashboards.body,
      dashboardsTools: dashboards.tools,
      runbooks: workbench.runbooksHost,
    },
    workbench,
    setClock: (reading) => header.setClock(reading),
    setSpeed: (speed) => header.setSpeed(speed),
    append: (items) => feed.append(items),
    refreshLogs: () => workbench.refresh(),
    setSeverity: (severity) => header.setSeverity(severity),
    setPagerCount(count) {
      pagerCount.hidden = count === 0;
      pagerCount.textContent = t('panel.pagerCount', { count });
    },
    showTool: (tab) => workbench.select(tab, true),
    panelFailed(panel, error) {
      console.error(error);
      const host = panel === 'topology' ? topology.body : dashboards.body;
      host.replaceChildren(
        h('p', {
          className: 'panel-status is-error',
          text: t('panel.failed', {
            detail: error instanceof Error ? error.message : String(error),
          }),
          attrs: { role: 'alert' },
        }),
      );
    },
    skipBriefing: () => {
      if (element.dataset['phase'] === 'briefing') begin();
    },
    end(outcome) {
      respond.end();
      element.dataset['phase'] = 'ended';
      header.setPhase('ended', outcome);
    },
    destroy() {
      workbench.destroy();
      root.replaceChildren();
    },
  };
}
