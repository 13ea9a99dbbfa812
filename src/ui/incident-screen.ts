/**
 * The incident screen: a header with the clock, then the briefing; once the player takes the
 * pager, the incident feed (narrow, left) beside the docked console (wide, full height). The
 * screen holds no game logic: the composition root (src/incident.ts) feeds it plain data and
 * receives the player's choices through callbacks.
 */
import './incident.css';
import { t } from '../i18n/index.ts';
import type { ConsoleBackend } from './console-panel.ts';
import { createWorkbench } from './incident-workbench.ts';
import type { LogSource } from './log-explorer/types.ts';
import { h } from './dom.ts';
import { buildBriefing } from './incident-briefing.ts';
import { createFeed } from './incident-feed.ts';
import { buildHeader } from './incident-header.ts';
import { createRespond } from './incident-respond.ts';
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

export interface IncidentScreenCallbacks {
  /** The player took the pager: start the clock. */
  onStart(): void;
  onSpeed(speed: Speed): void;
  onExit(): void;
  /** The player sends a communication from the Respond composer. */
  onRespond(communication: Communication): RespondResult;
}

export interface IncidentScreen {
  readonly element: HTMLElement;
  setClock(reading: ClockReading): void;
  /** Shows a speed chosen elsewhere (the clock's own changes, say). */
  setSpeed(speed: Speed): void;
  append(items: readonly FeedItem[]): void;
  /** The severity the player declared: a badge in the header. */
  setSeverity(severity: string): void;
  /** The story is over: the header shows the outcome and the speed buttons rest. */
  end(outcome: string): void;
  /** New log lines may have arrived: the log explorer takes them in (cheap, incremental). */
  refreshLogs(): void;
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
): IncidentScreen {
  const prefix = `oc-incident-${++mounts}`;
  const header = buildHeader(info, prefix, callbacks);
  const feed = createFeed(info, prefix);
  const workbench = createWorkbench(prefix, backend, logs);
  const panel = workbench.console;
  const respond = createRespond(prefix, choices, (c) => callbacks.onRespond(c));
  const side = h('div', { className: 'incident-side' }, [feed.element, respond.element]);
  const workspace = h('div', { className: 'incident-workspace' }, [side, workbench.element]);
  const briefing = buildBriefing(info, prefix, () => {
    main.replaceChildren(workspace);
    element.dataset['phase'] = 'live';
    header.setPhase('live');
    callbacks.onStart();
    panel.focus();
  });
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
    setClock: (reading) => header.setClock(reading),
    setSpeed: (speed) => header.setSpeed(speed),
    append: (items) => feed.append(items),
    refreshLogs: () => workbench.refresh(),
    setSeverity: (severity) => header.setSeverity(severity),
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
