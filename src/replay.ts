/**
 * The replay of a run: its record (scenario, seed, timestamped inputs) is played once to the
 * end, and the view gets the whole run as plain data — the decisions with what they printed and
 * caused, the feed, the console transcript, the key metrics second by second, the pages and the
 * story's states — and reads any moment from it without simulating again. Only a branch needs a
 * fresh session, and the live incident makes it from the inputs this module hands to `onBranch`.
 * A composition-root module, loaded lazily like incident.ts (it brings the session).
 */
import { FeedReader, feedItemOf } from './incident-events.ts';
import { t } from './i18n/index.ts';
import type { TimelineEntry } from './scenario/runner.ts';
import type { ScenarioFile } from './scenario/schema.ts';
import { IncidentSession } from './session/session.ts';
import type { SessionInput } from './session/session.ts';
import { M, METRICS } from './sim/index.ts';
import type { MetricUnit } from './sim/index.ts';
import type { DisplayUnit } from './ui/dashboards/units.ts';
import { h } from './ui/dom.ts';
import type { FeedItem } from './ui/incident-types.ts';
import { mountReplayView } from './ui/replay-view.ts';
import type {
  DecisionKind,
  ReplayDecision,
  ReplayRecord,
  ReplaySeries,
  SeriesRole,
  TakenAction,
  TranscriptEntry,
} from './ui/replay-view/types.ts';

export interface ReplayOptions {
  /** The scenario with its variant for the seed filled in (`variantFor`). */
  readonly scenario: ScenarioFile;
  readonly seed: number;
  readonly inputs: readonly SessionInput[];
  /** Simulated ms at which the record ends. */
  readonly t: number;
  onBack(): void;
  /** Start a live incident from these inputs, paused at `t` (see `inputsBefore`, `inputsUpTo`). */
  onBranch(inputs: readonly SessionInput[], t: number): void;
}

/**
 * The inputs to replay to try something else instead of input `index`: every input before it,
 * including those stamped at the same time but taken earlier. Replayed to that input's time they
 * give the state the player was in just before taking it.
 */
export function inputsBefore(
  inputs: readonly SessionInput[],
  index: number,
): readonly SessionInput[] {
  return inputs.slice(0, Math.max(0, index));
}

/**
 * The inputs to replay to take over at `t`: every input stamped at or before `t`. An input stamped
 * `t` was applied before the clock stepped past `t`, so the moment `t` as the replay shows it
 * (its transcript, its timeline) already includes it.
 */
export function inputsUpTo(inputs: readonly SessionInput[], t: number): readonly SessionInput[] {
  let n = 0;
  while (n < inputs.length && inputs[n]!.at <= t) n += 1;
  return inputs.slice(0, n);
}

/** How the dashboards print each unit of the simulation. */
const DISPLAY: Readonly<Record<MetricUnit, DisplayUnit>> = {
  rps: 'reqps',
  qps: 'qps',
  ratio: 'percent',
  ms: 'ms',
  s: 's',
  count: 'count',
  bytes: 'bytes',
  bytesps: 'bytesps',
  percent: 'count',
  cores: 'count',
};

/** What every replay charts: the API's error ratio and tail latency. */
const KEY_METRICS: readonly { key: string; role: SeriesRole }[] = [
  { key: 'api_error_ratio', role: 'errors' },
  { key: 'api_p99', role: 'latency' },
];

/** The metrics the story's guards watch (`metricAbove`/`metricBelow`), with their values. */
export function guardedMetrics(scenario: ScenarioFile): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const params = record['params'] as Record<string, unknown> | undefined;
    if (
      (record['type'] === 'metricAbove' || record['type'] === 'metricBelow') &&
      typeof params?.['metric'] === 'string' &&
      typeof params['value'] === 'number'
    ) {
      const values = out.get(params['metric']) ?? [];
      if (!values.includes(params['value'])) values.push(params['value']);
      out.set(params['metric'], values);
    }
    Object.values(record).forEach(visit);
  };
  visit(scenario.machine);
  return out;
}

const RANK: Readonly<Record<DecisionKind, number>> = {
  command: 0,
  look: 1,
  communication: 2,
  lever: 3,
};

/** The decision an input was, from the timeline entries it added; null if it added none. */
function decisionOf(
  input: SessionInput,
  at: number,
  added: readonly TimelineEntry[],
): ReplayDecision | null {
  if (input.kind === 'interrupt' || added.length === 0) return null;
  const actions: TakenAction[] = [];
  const effects: FeedItem[] = [];
  let kind: DecisionKind = 'command';
  let via: { output: string; exit: number } | null = null;
  for (const entry of added) {
    if (entry.kind === 'action' || entry.kind === 'command') {
      if (entry.via) via ??= entry.via;
      if (entry.kind === 'command') continue;
      actions.push({ action: entry.action, lever: entry.lever });
      const k: DecisionKind = entry.lever
        ? 'lever'
        : entry.action.type === 'inspect'
          ? 'look'
          : 'communication';
      if (RANK[k] > RANK[kind]) kind = k;
      continue;
    }
    // The story's answer to this input: a milestone, a message, the end.
    const item = feedItemOf(entry);
    if (item) effects.push(item);
  }
  return {
    t: at,
    kind,
    line: input.kind === 'line' ? input.line : null,
    actions,
    output: via?.output ?? null,
    exit: via?.exit ?? null,
    effects,
  };
}

/** Every console line on the timeline with what it printed, once per line. */
function transcriptOf(timeline: readonly TimelineEntry[]): TranscriptEntry[] {
  const out: TranscriptEntry[] = [];
  let last: unknown = null;
  for (const entry of timeline) {
    if (entry.kind !== 'action' && entry.kind !== 'command') continue;
    // A line that pulled several levers puts one entry per lever, all with the same evidence.
    if (!entry.via || entry.via === last) continue;
    last = entry.via;
    out.push({ t: entry.t, line: entry.via.line, output: entry.via.output, exit: entry.via.exit });
  }
  return out;
}

function seriesOf(session: IncidentSession, scenario: ScenarioFile): ReplaySeries[] {
  const metrics = session.run.sim.recorder.metrics;
  const times = metrics.timesArray();
  const guards = guardedMetrics(scenario);
  const wanted: { key: string; role: SeriesRole }[] = [...KEY_METRICS];
  for (const key of guards.keys())
    if (!wanted.some((w) => w.key === key)) wanted.push({ key, role: 'guard' });
  return wanted.flatMap(({ key, role }) => {
    const column = M[key];
    const def = METRICS.find((d) => d.key === key);
    if (column === undefined || def === undefined) return [];
    return [
      {
        key,
        role,
        unit: DISPLAY[def.unit],
        times,
        values: metrics.values(column),
        thresholds: guards.get(key) ?? [],
      },
    ];
  });
}

export interface RecordedRun {
  readonly record: ReplayRecord;
  /** For each decision of the record, the index of its input in the run record. */
  readonly inputIndex: readonly number[];
  /** The session at the end of the record. */
  readonly session: IncidentSession;
}

/**
 * Replays a run record to `end` as `IncidentSession.replay` does, input by input, and notes what
 * each input added to the timeline and the story's state after every step.
 */
export function recordReplay(
  scenario: ScenarioFile,
  seed: number,
  inputs: readonly SessionInput[],
  end: number,
): RecordedRun {
  const session = new IncidentSession(scenario, seed);
  const story: { t: number; state: string }[] = [{ t: 0, state: session.run.state }];
  const noteStory = (): void => {
    const state = session.run.state;
    // Several changes within one moment are all kept: the moment shows the last.
    if (story.at(-1)!.state !== state) story.push({ t: session.t, state });
  };
  const stepTo = (t: number): void => {
    while (session.t < t && !session.ended) {
      session.step();
      noteStory();
    }
  };
  const decisions: ReplayDecision[] = [];
  const inputIndex: number[] = [];
  inputs.forEach((input, index) => {
    stepTo(input.at);
    const before = session.run.timeline.length;
    if (input.kind === 'line') session.exec(input.line);
    else if (input.kind === 'interrupt') session.interrupt();
    else session.perform(input.action, input.source === 'console' ? 'panel' : input.source);
    noteStory();
    const decision = decisionOf(input, session.t, session.run.timeline.slice(before));
    if (decision) {
      decisions.push(decision);
      inputIndex.push(index);
    }
  });
  stepTo(end);

  const record: ReplayRecord = {
    title: scenario.title,
    seed,
    endMs: session.t,
    startEpochMs: session.run.sim.state.config.startEpochMs,
    outcome: session.run.ended?.outcome ?? null,
    decisions,
    feed: new FeedReader(session, true).take(),
    transcript: transcriptOf(session.run.timeline),
    series: seriesOf(session, scenario),
    pages: session.pager.alerts().map((p) => ({
      id: p.id,
      name: p.name,
      severity: p.severity,
      summary: p.summary,
      firedAt: p.firedAt,
      acknowledgedAt: p.acknowledgedAt,
      resolvedAt: p.resolvedAt,
    })),
    story,
  };
  return { record, inputIndex, session };
}

/** Mounts the replay of a run into `root`; returns a function that takes it down. */
export function openReplay(root: HTMLElement, options: ReplayOptions): () => void {
  const waiting = h('p', { className: 'replay-loading', text: t('replay.loading') });
  root.replaceChildren(waiting);
  let dispose = (): void => root.replaceChildren();
  // The replay takes a moment (about half a second for half an hour): paint the notice first.
  const timer = setTimeout(() => {
    let run: RecordedRun;
    try {
      run = recordReplay(options.scenario, options.seed, options.inputs, options.t);
    } catch (error) {
      console.error(error);
      waiting.textContent = t('replay.failed', { reason: String(error) });
      return;
    }
    const view = mountReplayView(root, {
      record: run.record,
      onBack: () => options.onBack(),
      onBranchDecision: (index) => {
        const at = run.record.decisions[index]?.t;
        const input = run.inputIndex[index];
        if (at === undefined || input === undefined) return;
        options.onBranch(inputsBefore(options.inputs, input), at);
      },
      onBranchMoment: (at) => options.onBranch(inputsUpTo(options.inputs, at), at),
    });
    dispose = () => view.destroy();
  }, 0);
  return () => {
    clearTimeout(timer);
    dispose();
  };
}
