/**
 * The windows that follow a run: the facilitator console (`?facilitator=<run>`) and the projector
 * view (`?projector=<run>`). Each keeps its own copy of the run in lockstep with the window that
 * plays it (src/link/), and draws from that copy; the facilitator's commands go back to the
 * playing window. Loaded lazily by main.ts when the URL asks for one of these windows.
 */
import { followedOf, facilitatorViewOf, projectorViewOf } from './facilitator-view.ts';
import type { Followed } from './facilitator-view.ts';
import { t } from './i18n/index.ts';
import { THRESHOLDS, MarkerReader, topologyOf } from './incident-snapshot.ts';
import { mountMapLater } from './incident-map.ts';
import { createMirror } from './link/mirror.ts';
import type { Mirror } from './link/mirror.ts';
import { openChannel } from './link/protocol.ts';
import type { RunMeta } from './link/protocol.ts';
import { createMetricReader } from './metric-reader.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import type { IncidentSession } from './session/session.ts';
import { createIncidentStore } from './store/index.ts';
import type { IncidentStore } from './store/index.ts';
import type { Speed } from './ui/incident-types.ts';
import { h } from './ui/dom.ts';
import { mountFacilitatorConsole } from './ui/facilitator/console.ts';
import type { FacilitatorCommands } from './ui/facilitator/model.ts';
import { mountDashboards } from './ui/dashboards.ts';
import { mountProjector } from './ui/projector/view.ts';
import { formatElapsed } from './ui/incident-format.ts';
import { openFollowerWindow } from './link/windows.ts';
import type { FollowerKind } from './link/windows.ts';

export interface FollowerOptions {
  readonly runId: string;
  readonly kind: FollowerKind;
  onExit(): void;
}

/** The scenario a run plays, from this browser's library (bundled and imported scenarios). */
async function resolveScenario(meta: RunMeta): Promise<ScenarioFile | null> {
  const [{ loadCatalogue }, { loadImports }] = await Promise.all([
    import('./scenario-catalogue.ts'),
    import('./scenario-imports.ts'),
  ]);
  const entries = await loadCatalogue(undefined, (ids) => loadImports(ids).scenarios);
  const entry = entries.find((e) => e.card.id === meta.scenarioId);
  if (!entry) return null;
  const scenario = entry.scenarioFor(meta.seed);
  return scenario.version === meta.scenarioVersion ? scenario : null;
}

const formatTime = (t: number): string => `T+${formatElapsed(t)}`;

/** Mounts a follower window's view into `root`; returns how to take it down. */
export function openFollower(root: HTMLElement, options: FollowerOptions): () => void {
  const channel = openChannel();
  if (!channel) {
    root.replaceChildren(
      h('p', {
        className: 'follower-problem',
        attrs: { role: 'alert' },
        text: t('follower.noChannel'),
      }),
    );
    return () => root.replaceChildren();
  }
  let frame = 0;
  let draw: () => void = () => {};
  const schedule = (): void => {
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  };
  const mirror = createMirror(channel, {
    runId: options.runId,
    resolveScenario,
    onChange: schedule,
    onMissingScenario: (meta) => {
      problem.textContent = t('follower.missingScenario', { id: meta.scenarioId });
      problem.hidden = false;
    },
  });
  const problem = h('p', { className: 'follower-problem', attrs: { role: 'alert' } });
  problem.hidden = true;
  const host = h('div', { className: 'follower-host' });
  root.replaceChildren(problem, host);
  const view =
    options.kind === 'facilitator'
      ? facilitatorWindow(host, mirror, options)
      : projectorWindow(host, mirror);
  draw = view.draw;
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    view.destroy();
    mirror.close();
    root.replaceChildren();
  };
}

interface FollowerView {
  draw(): void;
  destroy(): void;
}

function facilitatorWindow(
  host: HTMLElement,
  mirror: Mirror,
  options: FollowerOptions,
): FollowerView {
  const perform = (action: Record<string, unknown>): void =>
    mirror.send({ type: 'perform', action });
  const commands: FacilitatorCommands = {
    pause: () => mirror.send({ type: 'pause' }),
    resume: () => mirror.send({ type: 'resume' }),
    inject: (event) => perform({ type: 'inject', event }),
    revealClue: (level) => perform({ type: 'revealClue', level }),
    note: (text) => perform({ type: 'facilitatorNote', text }),
    decision: (text, role) => perform({ type: 'decision', text, ...(role ? { role } : {}) }),
    assignRole: (role, person) => perform({ type: 'assignRole', role, person }),
    openProjector: () => void openFollowerWindow('projector', options.runId),
    openPostmortem: () => void showPostmortem(),
  };
  const mountConsole = () =>
    mountFacilitatorConsole(host, commands, { onExit: options.onExit, formatTime });
  let panel: ReturnType<typeof mountConsole> | null = mountConsole();
  let debrief: { destroy(): void } | null = null;

  /** The class postmortem: this window's copy of the run, written up as the player's debrief is. */
  async function showPostmortem(): Promise<void> {
    const run = followedOf(mirror);
    if (!run || debrief) return;
    const [{ buildPostmortem, referencePath }, { mountDebrief }] = await Promise.all([
      import('./postmortem/build.ts'),
      import('./ui/debrief.ts'),
    ]);
    const { session, meta } = run;
    const postmortem = buildPostmortem(session, {
      mode: meta.mode,
      reference: referencePath(session.scenario, meta.seed),
    });
    panel?.destroy();
    panel = null;
    debrief = mountDebrief(host, {
      postmortem,
      onBack: () => {
        debrief?.destroy();
        debrief = null;
        panel = mountConsole();
        draw();
      },
    });
  }

  const draw = (): void => {
    const run = followedOf(mirror);
    if (run && panel) panel.update(facilitatorViewOf(run));
  };
  return {
    draw,
    destroy() {
      panel?.destroy();
      debrief?.destroy();
    },
  };
}

/** The store the projector's dashboards and map read, for one copy of the run. */
interface Stage {
  readonly session: IncidentSession;
  readonly store: IncidentStore;
  readonly markers: MarkerReader;
  destroy(): void;
}

function projectorWindow(host: HTMLElement, mirror: Mirror): FollowerView {
  const projector = mountProjector(host, { formatTime });
  let stage: Stage | null = null;

  /** The mirror rebuilt its copy (joined, or resynced): the charts read the new one. */
  const stageFor = (session: IncidentSession): Stage => {
    stage?.destroy();
    const startEpochMs = session.run.sim.state.config.startEpochMs;
    const store = createIncidentStore({
      startEpochMs,
      metrics: createMetricReader(session.run.sim.recorder.metrics, startEpochMs),
      thresholds: THRESHOLDS,
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    });
    store.setState({ phase: 'live' });
    const dashboards = mountDashboards(projector.hosts.dashboards, store, {});
    const unmountMap = mountMapLater(projector.hosts.topology, store, (error) =>
      console.error(error),
    );
    return {
      session,
      store,
      markers: new MarkerReader(session),
      destroy() {
        unmountMap();
        dashboards.destroy();
      },
    };
  };

  const publish = (run: Followed, s: Stage): void => {
    const { session } = run;
    s.store.setState({
      t: session.t,
      speed: (session.ended ? 0 : run.speed) as Speed,
      phase: session.ended ? 'ended' : 'live',
      metricsVersion: session.run.sim.recorder.metrics.totalWritten,
      markers: s.markers.read(),
      topology: topologyOf(session),
      pager: session.pager.alerts(),
    });
  };

  return {
    draw() {
      const run = followedOf(mirror);
      if (!run) return;
      if (stage?.session !== run.session) stage = stageFor(run.session);
      publish(run, stage);
      projector.update(projectorViewOf(run));
    },
    destroy() {
      stage?.destroy();
      projector.destroy();
    },
  };
}
