/**
 * One incident being played in the browser: owns the session and its clock, adapts the session
 * to the console panel, and hands the incident screen plain data. A composition-root module,
 * loaded lazily (it brings the session, xstate and the console's tools) like live-preview.ts.
 */
import { FeedReader } from './incident-events.ts';
import { startClock } from './incident-clock.ts';
import type { GameClock } from './incident-clock.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import { INCIDENT_ROLES, PAGE_TARGETS, SEVERITIES } from './scenario/vocabulary.ts';
import { IncidentSession } from './session/session.ts';
import type { IncidentRecord, SessionInput } from './session/session.ts';
import { createLinkHost } from './link/host.ts';
import type { LinkHost } from './link/host.ts';
import { openChannel } from './link/protocol.ts';
import { openFollowerWindow } from './link/windows.ts';
import type { Postmortem, ScoreKey } from './postmortem/model.ts';
import { formatClock, STEP_MS } from './sim/index.ts';
import { MarkerReader, THRESHOLDS, topologyOf } from './incident-snapshot.ts';
import { createMetricReader } from './metric-reader.ts';
import { createIncidentStore, watch } from './store/index.ts';
import type { ConsoleBackend } from './ui/console-panel.ts';
import { createLogSource } from './log-source.ts';
import { mountIncidentScreen } from './ui/incident-screen.ts';
import { mountDashboards } from './ui/dashboards.ts';
import { mountPager, unacknowledgedCount } from './ui/pager.ts';
import { mountRunbooks } from './ui/runbooks.ts';
import type { RunbooksPanel } from './ui/runbooks.ts';
import { runbooksFor } from './runbook-catalogue.ts';
import type { ClockReading, Speed } from './ui/incident-screen.ts';
import { t } from './i18n/index.ts';
import { LOG_SERVICE, peopleOf, slosOf } from './incident-facts.ts';
import { mountMapLater } from './incident-map.ts';
import { createDebriefBuilder } from './incident-debrief.ts';

export interface IncidentOptions {
  /** The scenario with its variant filled in (`variantFor`). */
  readonly scenario: ScenarioFile;
  readonly seed: number;
  /** The game mode, for the postmortem and the history (default `practice`). */
  readonly mode?: string | undefined;
  onExit(): void;
  /** Start from this point of an earlier run (reload, branch): its inputs replayed, then paused. */
  readonly resume?: { readonly inputs: readonly SessionInput[]; readonly t: number } | undefined;
  /** The run moved: after every input and every 10 simulated seconds (to save it for a reload). */
  onProgress?(progress: RunProgress): void;
  /** The player asked for the debrief after the end. */
  onDebrief?(debrief: Debrief): void;
  /** The attempt is over (resolved, failed, or left mid-incident): for the player's history. */
  onAttempt?(attempt: AttemptResult): void;
  /** Interview mode: no hints offered, no pause, a countdown of this many simulated ms. */
  readonly interview?: InterviewRules | undefined;
  /** Go straight to the live incident (the interview's own opening stood for the briefing). */
  readonly skipBriefing?: boolean | undefined;
  /** The link's id: other windows (facilitator, projector) follow this run by it. */
  readonly runId?: string | undefined;
}

export interface InterviewRules {
  readonly limitMs: number;
  /** The clarifying questions asked before the page (ids), recorded at the start of the run. */
  readonly questions: readonly string[];
}

export interface RunProgress {
  readonly inputs: readonly SessionInput[];
  /** Simulated ms reached. */
  readonly t: number;
  readonly ended: boolean;
}

export interface Debrief {
  readonly postmortem: Postmortem;
  readonly inputs: readonly SessionInput[];
  readonly t: number;
  /** The incident's own record (notes, hypotheses, questions): for the interview's feedback. */
  readonly incident: IncidentRecord;
  /** How the run ended: the story's outcome, `timeUp` (interview), or null if it has not. */
  readonly endedBy: string | null;
}

export interface AttemptResult {
  readonly outcome: 'resolved' | 'failed' | 'abandoned';
  readonly playedMs: number;
  /** Simulated milliseconds to each milestone reached (first time). */
  readonly milestones: Readonly<Record<string, number>>;
  /** The debrief's figures (see src/postmortem/model.ts), null where never reached. */
  readonly scores: Readonly<Partial<Record<ScoreKey, number | null>>>;
  /** The run record's inputs and the simulated ms reached: the run can be replayed. */
  readonly inputs: readonly SessionInput[];
  readonly t: number;
}

/** Mounts the incident screen into `root`; returns a function that stops and removes it. */
export function startIncident(root: HTMLElement, options: IncidentOptions): () => void {
  const { scenario } = options;
  const { resume } = options;
  // A resumed or branched run is its record replayed: the same seed and inputs give the same run.
  const session = resume
    ? IncidentSession.replay(scenario, options.seed, resume.inputs, resume.t)
    : new IncidentSession(scenario, options.seed);
  const { interview } = options;
  // The questions asked before the page are the run's first inputs (the feedback counts them).
  if (interview && !resume)
    for (const question of interview.questions)
      session.perform({ type: 'clarify', question }, 'panel');
  const startEpochMs = session.run.sim.state.config.startEpochMs;
  const reader = new FeedReader(session, resume !== undefined, interview === undefined);
  /** Interview: the countdown ran out (the story did not end by itself). */
  const timeUp = (): boolean => interview !== undefined && session.t >= interview.limitMs;
  const metrics = session.run.sim.recorder.metrics;
  const store = createIncidentStore({
    startEpochMs,
    metrics: createMetricReader(metrics, startEpochMs),
    thresholds: THRESHOLDS,
    reducedMotion: prefersReducedMotion(),
  });
  const markers = new MarkerReader(session);
  let published = -1;
  let pagerVersion = -1;
  let clock: GameClock | null = null;
  let over = false;
  let started = false;
  let reported = false;
  const debrief = createDebriefBuilder(session, options.mode ?? 'practice');
  /** How the story ended, once it has: leaving afterwards is not abandoning. */
  let endedAs: AttemptResult['outcome'] | null = null;
  const report = (outcome: AttemptResult['outcome']): void => {
    if (reported || !started) return;
    reported = true;
    const milestones: Record<string, number> = {};
    for (const m of session.incident.milestones) milestones[m.name] ??= m.t;
    options.onAttempt?.({
      outcome,
      playedMs: session.t,
      milestones,
      scores: debrief.scoresNow(),
      inputs: session.inputs,
      t: session.t,
    });
  };
  let severity: string | null = null;
  /** How the run ended, for the interview's feedback. */
  let endedBy: string | null = null;

  /** Saves the run for a reload: after each input, and every 10 simulated seconds. */
  let progressAt = -Infinity;
  let inputsSeen = session.inputs.length;
  const progress = (): void => {
    if (!options.onProgress) return;
    const moved = session.inputs.length !== inputsSeen || session.t - progressAt >= 10_000;
    if (!moved && !session.ended) return;
    inputsSeen = session.inputs.length;
    progressAt = session.t;
    options.onProgress({ inputs: session.inputs, t: session.t, ended: session.ended });
  };

  const reading = (): ClockReading => ({
    utc: formatClock(startEpochMs + session.t),
    elapsedMs: session.t,
    ...(interview ? { remainingMs: Math.max(0, interview.limitMs - session.t) } : {}),
  });

  /** Writes what the views draw into the store, when the sim moved (or a command changed it). */
  const publish = (force = false): boolean => {
    if (session.pager.version !== pagerVersion) {
      pagerVersion = session.pager.version;
      const pager = session.pager.alerts();
      store.setState({ pager });
      screen.setPagerCount(unacknowledgedCount(pager));
    }
    if (!force && published === session.t) return false;
    published = session.t;
    store.setState({
      t: session.t,
      metricsVersion: metrics.totalWritten,
      markers: markers.read(),
      topology: topologyOf(session),
    });
    return true;
  };

  /** Shows what the last steps or the last command changed. */
  const show = (force = false): void => {
    // Nothing moved since the last frame: the sim steps ten times a second at 10x, not sixty.
    if (!publish(force)) return;
    if (started) progress();
    screen.append(reader.take());
    screen.refreshLogs();
    screen.setClock(reading());
    if (session.incident.severity !== severity) {
      severity = session.incident.severity;
      if (severity !== null) screen.setSeverity(severity);
    }
    link?.sync();
    if ((session.ended || timeUp()) && !over) {
      over = true;
      clock?.stop();
      store.setState({ phase: 'ended', speed: 0 });
      const outcome = session.run.ended?.outcome ?? 'timedOut';
      endedBy = session.ended ? outcome : 'timeUp';
      endedAs = outcome === 'resolved' ? 'resolved' : 'failed';
      const ended = endedAs;
      screen.end(outcome);
      progress();
      // The attempt is recorded with its scores once the postmortem is built (off this frame).
      void debrief.postmortem().then(
        () => report(ended),
        (error: unknown) => {
          console.error(error);
          report(ended);
        },
      );
    }
  };

  const backend: ConsoleBackend = {
    run(line) {
      const e = session.exec(line);
      // A look at the decisive evidence can reach a milestone at once.
      show(true);
      return {
        echo: e.echo,
        out: e.out,
        exit: e.exit,
        notes: e.notes,
        clear: e.clear,
        prompt: session.prompt,
      };
    },
    complete: (line) => session.complete(line),
    interrupt() {
      session.interrupt();
      return session.prompt;
    },
    prompt: () => session.prompt,
    history: () => session.history,
    transcript: () => (resume ? transcriptOf(session) : []),
  };

  const screen = mountIncidentScreen(
    root,
    {
      title: scenario.title,
      briefing: scenario.briefing,
      ...(interview ? { speedLocked: true, countdown: true } : {}),
    },
    backend,
    {
      onStart() {
        started = true;
        // A resumed run waits, paused, for the player to look around and press play.
        const speed = resume ? 0 : 1;
        clock = startClock({
          stepMs: STEP_MS,
          speed,
          step: () => {
            session.step();
            return !session.ended && !timeUp();
          },
          frame: () => show(),
        });
        screen.setSpeed(speed);
        store.setState({ phase: 'live', speed });
        show(true);
      },
      onSpeed(speed) {
        clock?.setSpeed(speed);
        store.setState({ speed });
        link?.sync();
      },
      onExit: () => options.onExit(),
      // The header offers the debrief only when there is somewhere to show it.
      ...(options.onDebrief
        ? {
            onDebrief() {
              void debrief.postmortem().then(
                (postmortem) =>
                  options.onDebrief?.({
                    postmortem,
                    inputs: session.inputs,
                    t: session.t,
                    incident: session.incident,
                    endedBy,
                  }),
                (error: unknown) => console.error(error),
              );
            },
          }
        : {}),
      onTakeHint(level) {
        if (session.perform({ type: 'takeHint', level }, 'panel').ok) show(true);
      },
      ...(options.runId === undefined
        ? {}
        : {
            onFacilitator() {
              const runId = options.runId!;
              if (!openFollowerWindow('facilitator', runId))
                console.warn(t('incident.facilitator.blocked', { url: `?facilitator=${runId}` }));
            },
          }),
      onShowRunbooks: () => void runbooks(),
      onRespond(communication) {
        // Validated by the session like any action arriving as data; refused ones record nothing.
        const result = session.perform({ ...communication }, 'channel');
        if (result.ok) show(true);
        return result;
      },
    },
    {
      severities: SEVERITIES,
      targets: PAGE_TARGETS,
      roles: INCIDENT_ROLES,
      people: peopleOf(scenario),
    },
    createLogSource(session.run.sim.recorder.logs, session.run.sim.state.config.startEpochMs),
    { slos: slosOf(session) },
  );
  screen.setClock(reading());

  /** The runbooks panel, mounted the first time its tab opens (its documents load lazily). */
  let runbookPanel: RunbooksPanel | null = null;
  const runbooks = (): RunbooksPanel =>
    (runbookPanel ??= mountRunbooks(screen.hosts.runbooks, { load: () => runbooksFor(scenario) }));
  const openRunbook = (id: string): void => runbooks().open(id);

  /** A pager button's action, taken like any other action from a panel. */
  const pagerAct = (action: Record<string, string>) => {
    const result = session.perform(action, 'panel');
    if (result.ok) show(true);
    return result;
  };
  const pager = mountPager(screen.hosts.pager, store, {
    onAcknowledge: (alert) => pagerAct({ type: 'acknowledgeAlert', alert }),
    onEscalate: (alert, target) => pagerAct({ type: 'escalateAlert', alert, target }),
    onResolve: (alert) => pagerAct({ type: 'resolveAlert', alert }),
    onOpenRunbook: (id) => {
      screen.showTool('runbooks');
      openRunbook(id);
    },
    formatTime: (t) => formatClock(startEpochMs + t),
    targets: PAGE_TARGETS,
  });

  // A click on a chart shows the logs of that moment.
  const dashboards = mountDashboards(screen.hosts.dashboards, store, {
    onPickTime: (t) => {
      screen.showTool('logs');
      screen.workbench.logs().jumpTo(t);
    },
  });

  // Focusing a component on the map narrows the logs to its service.
  const stopFocus = watch(
    store,
    (state) => state.focus,
    (focus) => screen.workbench.logs().focusService(focus === null ? null : LOG_SERVICE[focus]),
  );

  const unmountMap = mountMapLater(screen.hosts.topology, store, (error) =>
    screen.panelFailed('topology', error),
  );

  // Other windows may follow this run (facilitator, projector): they play it from its inputs.
  const channel = options.runId === undefined ? null : openChannel();
  const link: LinkHost | null =
    channel && options.runId !== undefined
      ? createLinkHost(channel, {
          meta: {
            runId: options.runId,
            scenarioId: scenario.id,
            scenarioVersion: scenario.version,
            seed: options.seed,
            mode: options.mode ?? 'practice',
            limitMs: interview?.limitMs ?? null,
            title: scenario.title,
          },
          inputs: () => session.inputs,
          t: () => session.t,
          speed: () => store.getState().speed,
          ended: () => over,
          hash: () => session.run.sim.hash(),
          setSpeed(speed) {
            // Before the pager is taken there is no clock; after the end nothing to steer.
            if (!clock || over) return;
            const next = speed === 0 ? 0 : (speed as Speed);
            clock.setSpeed(next);
            store.setState({ speed: next });
            screen.setSpeed(next);
          },
          perform(action) {
            const result = session.perform(action, 'facilitator');
            if (result.ok) show(true);
            return result;
          },
        })
      : null;

  // Every panel is in place: a resumed run goes straight to the incident, paused.
  if (resume || options.skipBriefing) screen.skipBriefing();

  return () => {
    stopFocus();
    unmountMap();
    dashboards.destroy();
    pager.destroy();
    runbookPanel?.destroy();
    clock?.stop();
    report(endedAs ?? 'abandoned');
    link?.close();
    debrief.dispose();
    screen.destroy();
  };
}

/** The console lines of the run so far and what they printed, once each, from the timeline. */
function transcriptOf(session: IncidentSession): { line: string; out: string; exit: number }[] {
  const out: { line: string; out: string; exit: number }[] = [];
  let last: unknown = null;
  for (const entry of session.run.timeline) {
    const via = entry.kind === 'command' || entry.kind === 'action' ? entry.via : undefined;
    // A line that did several things is on the timeline once per action, with the same evidence.
    if (via === undefined || via === last) continue;
    last = via;
    out.push({ line: via.line, out: via.output, exit: via.exit });
  }
  return out;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
