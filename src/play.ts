/**
 * Practice mode: the library (with an unfinished incident to resume), the incident, its debrief,
 * the replay, and the history of attempts with import and export of runs. Loaded when the player
 * presses Start; the chooser paints at once, and the scenario files, the incident's code and the
 * saved runs load behind it. The debrief, the replay and the postmortem builder load when first
 * opened.
 *
 * Saving: the incident in progress is saved as it moves (src/run-storage.ts), so a reload offers
 * to resume it; when its attempt ends, the attempt goes into the history with its scores and the
 * run is kept for replay, debrief and export. See docs/history.md.
 */
import { loadHistory, recordAttempt } from './attempt-history.ts';
import { t } from './i18n/index.ts';
import type { AttemptResult, Debrief, InterviewRules, startIncident } from './incident.ts';
import type { Postmortem } from './postmortem/model.ts';
import type * as RunStorage from './run-storage.ts';
import type { SetAside, WriteResult } from './saved-data.ts';
import type { CatalogueEntry } from './scenario-catalogue.ts';
import type { RunRecord } from './session/run-record.ts';
import type { SessionInput } from './session/session.ts';
import { summarise } from './shared/attempts.ts';
import type { Attempt } from './shared/attempts.ts';
import { mountHistoryView } from './ui/history-view.ts';
import type { HistoryView, ImportResult } from './ui/history-view.ts';
import { mountScenarioChooser } from './ui/scenario-chooser.ts';
import type { ImportOutcome, ScenarioChooser, ScenarioFileLike } from './ui/scenario-chooser.ts';

export interface PracticeOptions {
  /** The player asked to go back to the title screen; the owner calls the returned function. */
  onExit(): void;
  /**
   * How the picked incident is played (default practice): an interview opens with the
   * architecture and clarifying questions, then runs on the scenario's own seed with no hints,
   * no pause and a countdown, and ends with rubric feedback; a classroom run is led from the
   * facilitator console beside a projector view (docs/interview.md, docs/facilitator.md).
   */
  readonly mode?: 'practice' | 'interview' | 'classroom';
}

type RunStore = typeof RunStorage;
type Start = typeof startIncident;

/** How a run is played: its seed and mode, and where it starts when it is resumed or branched. */
interface PlaySpec {
  readonly seed: number;
  readonly mode: string;
  readonly resume?: { readonly inputs: readonly SessionInput[]; readonly t: number };
  /** Interview: the countdown and the questions asked before the page. */
  readonly interview?: InterviewRules;
}

/**
 * The mode a branch ("what if I had...") plays in: an interview's branch is practice, since it
 * has no countdown or questions of its own and is not another attempt at the round.
 */
const branchMode = (mode: string): string => (mode === 'interview' ? 'practice' : mode);

/** A run's id for the windows that follow it: random, not part of the run (its seed is). */
const newRunId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');

/** `?seed=N` plays another variant of a scenario, reproducibly (an instructor can share it). */
function seedFromUrl(): number | null {
  const value = new URLSearchParams(location.search).get('seed');
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

const setAsideText = (problem: SetAside): string =>
  t('history.unreadable', { detail: problem.detail, key: problem.keptAs });

const saveFailedText = (result: Exclude<WriteResult, { ok: true }>): string =>
  t(`history.saveFailed.${result.reason}`);

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Lets the browser paint (a "working" state) before a replay holds the main thread. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Mounts practice mode into `root`; returns a function that takes it down (safe to call twice). */
export function openPractice(root: HTMLElement, options: PracticeOptions): () => void {
  const MODE = options.mode ?? 'practice';
  let active = true;
  /** Takes the current screen down. */
  let leave: () => void = () => {};
  /** Bumped by every change of screen, so a late promise does not paint over a newer screen. */
  let screen = 0;
  /** Problems met while no notice area was showing (saving during an incident). */
  const pending: string[] = [];

  // The player's imported scenarios join the bundled ones (src/scenario-imports.ts).
  const importStore = import('./scenario-imports.ts');
  /** Imported scenarios set aside by the last read, for the library to report once. */
  const importNotices: string[] = [];
  const loadEntries = (): Promise<CatalogueEntry[]> =>
    Promise.all([import('./scenario-catalogue.ts'), importStore]).then(
      ([{ loadCatalogue }, imports]) =>
        loadCatalogue(undefined, (bundledIds) => {
          const loaded = imports.loadImports(bundledIds);
          if (loaded.problem) importNotices.push(setAsideText(loaded.problem));
          importNotices.push(...loaded.setAside.map(imports.setAsideText));
          return loaded.scenarios;
        }),
    );
  /** The library; read again after an import or a removal. */
  let catalogue = loadEntries();
  // The incident's code and the saved runs load while the player reads the list.
  const incident = import('./incident.ts');
  const storage = import('./run-storage.ts');

  /** Replaces the screen; returns a check that says whether it is still the one showing. */
  const replace = (): (() => boolean) => {
    const mine = ++screen;
    const dispose = leave;
    leave = () => {};
    dispose();
    return () => active && screen === mine;
  };
  const report = (text: string): void => {
    console.warn(`On-Call Drill: ${text}`);
    pending.push(text);
  };
  const takePending = (): string[] => pending.splice(0);
  const failed = (error: unknown): void => console.error(error);
  const entryOf = (entries: readonly CatalogueEntry[], id: string): CatalogueEntry | null =>
    entries.find((e) => e.card.id === id) ?? null;

  // The library ----------------------------------------------------------------------------

  const fail =
    (chooser: ScenarioChooser) =>
    (error: unknown): void => {
      failed(error);
      chooser.fail();
    };

  function library(): void {
    const current = replace();
    const history = loadHistory();
    const chooser = mountScenarioChooser(root, {
      eyebrow: t(`title.mode.${MODE}.name`),
      onBack: options.onExit,
      onPick: (id) => {
        Promise.all([catalogue, incident, storage]).then(([entries, { startIncident }, store]) => {
          const entry = entryOf(entries, id);
          if (!current() || !entry) return;
          // An interview is the same incident for every candidate: the scenario's own seed.
          if (MODE === 'interview') interviewIntro(entry, startIncident, store);
          else play(entry, startIncident, store, { seed: seedFromUrl() ?? entry.seed, mode: MODE });
        }, fail(chooser));
      },
      onHistory: () => showHistory(),
      onImport: (file) => importFile(file, chooser, current),
      onExport: (id) => importStore.then((imports) => imports.exportImport(id)),
      onRemove: async (id) => {
        const result = (await importStore).removeImport(id);
        if (!result.ok) throw new Error(t(`import.notSaved.${result.reason}`));
        await refreshLibrary(chooser, current);
      },
    });
    leave = () => chooser.destroy();
    if (history.problem) {
      chooser.notice(
        t('chooser.history.unreadable', {
          detail: history.problem.detail,
          key: history.problem.keptAs,
        }),
      );
    }
    for (const text of takePending()) chooser.notice(text);

    Promise.all([catalogue, storage]).then(([entries, store]) => {
      if (!current()) return;
      showCards(chooser, entries);
      offerResume(chooser, entries, store, current);
    }, fail(chooser));
  }

  /** The library's cards, with the player's attempts at each; and what the import store set aside. */
  function showCards(chooser: ScenarioChooser, entries: readonly CatalogueEntry[]): void {
    const attempts = loadHistory().attempts;
    chooser.show(entries.map((e) => ({ ...e.card, history: summarise(attempts, e.card.id) })));
    for (const text of importNotices.splice(0)) chooser.notice(text);
  }

  /** Reads the library again (a scenario was imported or removed) and shows it. */
  async function refreshLibrary(chooser: ScenarioChooser, current: () => boolean): Promise<void> {
    catalogue = loadEntries();
    const entries = await catalogue;
    if (current()) showCards(chooser, entries);
  }

  /** Checks a chosen or dropped scenario file by its name and size, then reads and keeps it. */
  async function importFile(
    file: ScenarioFileLike,
    chooser: ScenarioChooser,
    current: () => boolean,
  ): Promise<ImportOutcome> {
    const imports = await importStore;
    const refusal = imports.checkFileMeta(file.name, file.size);
    if (refusal) return { kind: 'refused', problems: imports.refusalProblems(refusal) };
    let text: string;
    try {
      text = await file.text();
    } catch {
      return { kind: 'refused', problems: [{ path: '', message: t('import.refused.unreadable') }] };
    }
    const keep = async (replace: boolean): Promise<ImportOutcome> => {
      const entries = await catalogue;
      const bundledIds = new Set(
        entries.filter((e) => e.card.source !== 'imported').map((e) => e.card.id),
      );
      const result = imports.importScenario(
        { fileName: file.name, text },
        { bundledIds, importedAt: new Date().toISOString(), replace },
      );
      switch (result.kind) {
        case 'refused':
          return { kind: 'refused', problems: imports.refusalProblems(result.refusal) };
        case 'notSaved': {
          const message = t(`import.notSaved.${result.result.reason}`);
          return { kind: 'refused', problems: [{ path: '', message }] };
        }
        case 'replaces':
          return {
            kind: 'replaces',
            id: result.existing.id,
            previousFile: result.existing.fileName,
            previousAt: result.existing.importedAt,
            replace: () => keep(true),
          };
        case 'imported':
          await refreshLibrary(chooser, current);
          return {
            kind: 'imported',
            id: result.scenario.scenario.id,
            title: result.scenario.scenario.title,
            replaced: result.replaced,
          };
      }
    };
    return keep(false);
  }

  /** An incident left in the middle (the page was reloaded): resume it, or record it as left. */
  function offerResume(
    chooser: ScenarioChooser,
    entries: readonly CatalogueEntry[],
    store: RunStore,
    current: () => boolean,
  ): void {
    const { run, problem } = store.loadCurrentRun();
    if (problem) chooser.notice(setAsideText(problem));
    if (!run) return;
    const { record } = run;
    // Reloaded during the briefing: there is nothing to resume.
    if (record.t === 0 && record.inputs.length === 0) {
      store.clearCurrentRun();
      return;
    }
    const entry = entryOf(entries, record.scenarioId);
    // A run of a scenario this library no longer has stays saved, untouched.
    if (!entry) return;
    const version = entry.scenarioFor(record.seed).version;
    chooser.offerResume({
      title: entry.card.title,
      elapsedMs: record.t,
      savedAt: run.savedAt,
      ...(version === record.scenarioVersion
        ? {}
        : {
            warning: t('history.warning.otherVersion', {
              recorded: record.scenarioVersion,
              current: version,
            }),
          }),
      onResume: () => {
        incident.then(({ startIncident }) => {
          if (!current()) return;
          play(entry, startIncident, store, {
            seed: record.seed,
            mode: record.mode,
            resume: { inputs: record.inputs, t: record.t },
            ...interviewOf(record),
          });
        }, fail(chooser));
      },
      onDiscard: () => {
        store.clearCurrentRun();
        keepFinished(store, record, run.savedAt, {
          outcome: 'abandoned',
          playedMs: record.t,
          milestones: {},
          scores: {},
        });
        const attempts = loadHistory().attempts;
        chooser.show(entries.map((e) => ({ ...e.card, history: summarise(attempts, e.card.id) })));
      },
    });
  }

  // The incident ---------------------------------------------------------------------------

  function play(entry: CatalogueEntry, start: Start, store: RunStore, spec: PlaySpec): void {
    const current = replace();
    const scenario = entry.scenarioFor(spec.seed);
    const base = {
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      seed: spec.seed,
      mode: spec.mode,
      ...(spec.interview ? { limitMs: spec.interview.limitMs } : {}),
    };
    const saver = store.createProgressSaver(base, {
      now: () => performance.now(),
      onFail: (result) => report(saveFailedText(result)),
    });
    const flush = (): void => saver.flush();
    const flushWhenHidden = (): void => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flushWhenHidden);
    /** The id of the finished run, once its attempt is recorded (for the debrief's edits). */
    let runId: string | null = null;
    let recorded = false;

    const stop = start(root, {
      scenario,
      seed: spec.seed,
      mode: spec.mode,
      resume: spec.resume,
      interview: spec.interview,
      skipBriefing: spec.interview !== undefined,
      runId: newRunId(),
      onExit: options.onExit,
      onProgress: (progress) => saver.progress(progress),
      onAttempt: (attempt) => {
        recorded = true;
        saver.stop();
        store.clearCurrentRun();
        const record = store.runRecord(base, attempt.inputs, attempt.t);
        runId = keepFinished(store, record, new Date().toISOString(), attempt);
      },
      onDebrief: (debrief) => {
        if (!current()) return;
        if (spec.interview) {
          showFeedback(entry, store, spec, debrief, runId);
          return;
        }
        showDebrief(entry, store, {
          record: store.runRecord(base, debrief.inputs, debrief.t),
          postmortem: debrief.postmortem,
          runId,
          onBack: library,
        });
      },
    });
    leave = () => {
      // Taking the incident down reports an unfinished attempt as left (onAttempt above).
      stop();
      saver.stop();
      // Left before the pager was taken: no attempt, and nothing to resume.
      if (!recorded) store.clearCurrentRun();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flushWhenHidden);
    };
  }

  /** Records a finished (or left) attempt with its scores, and keeps its run; returns the run id. */
  function keepFinished(
    store: RunStore,
    record: RunRecord,
    endedAt: string,
    result: Pick<AttemptResult, 'outcome' | 'playedMs' | 'milestones' | 'scores'>,
  ): string | null {
    const saved = store.saveRun(record);
    if (!saved.result.ok) report(saveFailedText(saved.result));
    const attempt: Attempt = {
      scenarioId: record.scenarioId,
      scenarioVersion: record.scenarioVersion,
      seed: record.seed,
      mode: record.mode,
      endedAt,
      outcome: result.outcome,
      playedMs: result.playedMs,
      milestones: result.milestones,
      scores: result.scores,
      ...(saved.id === null ? {} : { runId: saved.id }),
    };
    const recorded = recordAttempt(attempt);
    if (!recorded.ok) report(saveFailedText(recorded));
    return saved.id;
  }

  // The interview -------------------------------------------------------------------------

  /** A record's interview rules, when it is an interview: its countdown and questions asked. */
  function interviewOf(record: RunRecord): { interview?: InterviewRules } {
    if (record.mode !== 'interview' || record.limitMs === undefined) return {};
    return { interview: { limitMs: record.limitMs, questions: [] } };
  }

  /** Another interview: through the intro again, with its questions and its countdown. */
  function retryInterview(entry: CatalogueEntry, store: RunStore): void {
    const current = replace();
    incident.then(({ startIncident }) => {
      if (current()) interviewIntro(entry, startIncident, store);
    }, failed);
  }

  /** Before the page: the architecture, the rules and the clarifying questions. */
  function interviewIntro(entry: CatalogueEntry, start: Start, store: RunStore): void {
    const current = replace();
    const seed = entry.seed;
    Promise.all([
      import('./ui/interview-intro.ts'),
      import('./interview/questions.ts'),
      import('./session/session.ts'),
    ]).then(([{ mountInterviewIntro }, { clarifyingQuestions }, { IncidentSession }]) => {
      if (!current()) return;
      const scenario = entry.scenarioFor(seed);
      // The system before the page: what the interviewer's answers are read from.
      const state = new IncidentSession(scenario, seed).run.sim.state;
      const asked: string[] = [];
      const intro = mountInterviewIntro(root, {
        info: { title: scenario.title, briefing: scenario.briefing },
        seed,
        questions: clarifyingQuestions(scenario, state),
        onAsk: (id) => asked.push(id),
        onStart: (limitMs) =>
          play(entry, start, store, {
            seed,
            mode: 'interview',
            interview: { limitMs, questions: [...asked] },
          }),
        onBack: library,
      });
      leave = () => intro.destroy();
    }, failed);
  }

  /** The interview's end: feedback on the rubric, then the full debrief if asked. */
  function showFeedback(
    entry: CatalogueEntry,
    store: RunStore,
    spec: PlaySpec,
    debrief: Debrief,
    runId: string | null,
  ): void {
    const current = replace();
    const rules = spec.interview!;
    const record = store.runRecord(
      {
        scenarioId: debrief.postmortem.scenario.id,
        scenarioVersion: debrief.postmortem.scenario.version,
        seed: spec.seed,
        mode: spec.mode,
        limitMs: rules.limitMs,
      },
      debrief.inputs,
      debrief.t,
    );
    Promise.all([import('./ui/interview-feedback.ts'), import('./interview/rubric.ts')]).then(
      ([{ mountInterviewFeedback }, { buildRubric }]) => {
        if (!current()) return;
        const endedBy =
          debrief.endedBy === 'timeUp'
            ? 'timeUp'
            : debrief.endedBy === 'resolved'
              ? 'resolved'
              : debrief.endedBy === null
                ? 'left'
                : 'failed';
        const rubric = buildRubric(debrief.postmortem, debrief.incident, {
          limitMs: rules.limitMs,
          endedBy,
        });
        const feedback = mountInterviewFeedback(root, {
          postmortem: debrief.postmortem,
          rubric,
          record: debrief.incident,
          limitMs: rules.limitMs,
          endedBy,
          onDebrief: () =>
            showDebrief(entry, store, {
              record,
              postmortem: debrief.postmortem,
              runId,
              onBack: () => showFeedback(entry, store, spec, debrief, runId),
            }),
          onRetry: () => retryInterview(entry, store),
          onBack: library,
        });
        leave = () => feedback.destroy();
      },
      failed,
    );
  }

  // The debrief and the replay -------------------------------------------------------------

  interface DebriefSpec {
    readonly record: RunRecord;
    readonly postmortem: Postmortem;
    readonly runId: string | null;
    onBack(): void;
  }

  /** Starts a run of `entry` (retry, or a branch of a record) once the incident's code is here. */
  const playLater = (entry: CatalogueEntry, store: RunStore, spec: PlaySpec): void => {
    const current = replace();
    incident.then(({ startIncident }) => {
      if (current()) play(entry, startIncident, store, spec);
    }, failed);
  };

  function showDebrief(entry: CatalogueEntry, store: RunStore, spec: DebriefSpec): void {
    const current = replace();
    const { record, runId } = spec;
    import('./ui/debrief.ts').then(({ mountDebrief }) => {
      if (!current()) return;
      const saved = runId === null ? null : store.loadEdits(runId);
      if (saved?.problem) report(setAsideText(saved.problem));
      const debrief = mountDebrief(root, {
        postmortem: spec.postmortem,
        ...(saved ? { edits: saved.edits } : {}),
        onEdit: (edits) => {
          if (runId === null) return;
          const result = store.saveEdits(runId, edits);
          if (!result.ok) report(saveFailedText(result));
        },
        onBack: () => spec.onBack(),
        onRetry: () =>
          record.mode === 'interview'
            ? retryInterview(entry, store)
            : playLater(entry, store, { seed: record.seed, mode: record.mode }),
        onReplay: () => showReplay(entry, store, record, () => showDebrief(entry, store, spec)),
        onBranch: (at) =>
          playLater(entry, store, {
            seed: record.seed,
            mode: branchMode(record.mode),
            resume: { inputs: record.inputs.filter((i) => i.at < at), t: at },
          }),
      });
      leave = () => debrief.destroy();
    }, failed);
  }

  function showReplay(
    entry: CatalogueEntry,
    store: RunStore,
    record: RunRecord,
    onBack: () => void,
  ): void {
    const current = replace();
    import('./replay.ts').then(({ openReplay }) => {
      if (!current()) return;
      leave = openReplay(root, {
        scenario: entry.scenarioFor(record.seed),
        seed: record.seed,
        inputs: record.inputs,
        t: record.t,
        onBack,
        onBranch: (inputs, at) =>
          playLater(entry, store, {
            seed: record.seed,
            mode: branchMode(record.mode),
            resume: { inputs, t: at },
          }),
      });
    }, failed);
  }

  // The history ----------------------------------------------------------------------------

  function showHistory(): void {
    const current = replace();
    Promise.all([catalogue, storage]).then(([entries, store]) => {
      if (!current()) return;
      const history = loadHistory();
      const runs = store.loadRuns();
      const notices = [
        ...[history.problem, runs.problem].flatMap((p) => (p ? [setAsideText(p)] : [])),
        ...takePending(),
      ];
      const view: HistoryView = mountHistoryView(root, {
        scenarios: entries.map((e) => ({ id: e.card.id, title: e.card.title })),
        attempts: history.attempts,
        runIds: new Set(runs.runs.map((r) => r.id)),
        runsKept: store.RUNS_KEPT,
        notices,
        onBack: library,
        onDebrief: (attempt) =>
          withRun(attempt, (entry, run) => debriefOf(entry, store, run.record, run.id)),
        onReplay: (attempt) =>
          withRun(attempt, (entry, run) => showReplay(entry, store, run.record, showHistory)),
        onExport: (attempt) => exportRun(store, attempt),
        onImport: (text) => importRun(entries, store, text, view),
      });
      leave = () => view.destroy();

      /** Finds an attempt's kept run and its scenario, warns about a changed scenario, goes on. */
      const withRun = async (
        attempt: Attempt,
        go: (entry: CatalogueEntry, run: RunStorage.SavedRun) => void | Promise<void>,
      ): Promise<void> => {
        const run = attempt.runId === undefined ? null : store.loadRun(attempt.runId);
        const entry = entryOf(entries, attempt.scenarioId);
        if (!run) {
          const detail = t('history.noRun', { count: store.RUNS_KEPT });
          view.notice(t('history.openFailed', { detail }));
          return;
        }
        if (!entry) {
          const detail = t('history.import.unknownScenario', { id: attempt.scenarioId });
          view.notice(t('history.openFailed', { detail }));
          return;
        }
        const goSafely = async (): Promise<void> => {
          try {
            await go(entry, run);
          } catch (error) {
            failed(error);
            if (current()) view.notice(t('history.openFailed', { detail: messageOf(error) }));
          }
        };
        const version = entry.scenarioFor(run.record.seed).version;
        if (version === run.record.scenarioVersion) return goSafely();
        view.confirm(
          t('history.warning.otherVersion', {
            recorded: run.record.scenarioVersion,
            current: version,
          }),
          () => void goSafely(),
        );
      };
    }, failed);
  }

  /** Rebuilds a kept run's debrief: the record replayed, then the postmortem built from it. */
  async function debriefOf(
    entry: CatalogueEntry,
    store: RunStore,
    record: RunRecord,
    runId: string,
  ): Promise<void> {
    const [{ replayRecord }, { buildPostmortem, referencePath }] = await Promise.all([
      import('./session/run-record.ts'),
      import('./postmortem/build.ts'),
    ]);
    await nextTask();
    const scenario = entry.scenarioFor(record.seed);
    const session = replayRecord(scenario, record);
    const postmortem = buildPostmortem(session, {
      mode: record.mode,
      reference: referencePath(scenario, record.seed),
    });
    showDebrief(entry, store, { record, postmortem, runId, onBack: showHistory });
  }

  /** The file of a kept run, with the hash of its final state so an import can check it. */
  async function exportRun(
    store: RunStore,
    attempt: Attempt,
  ): Promise<{ fileName: string; text: string }> {
    const [entries, { replayRecord, serializeRunRecord }] = await Promise.all([
      catalogue,
      import('./session/run-record.ts'),
    ]);
    const run = attempt.runId === undefined ? null : store.loadRun(attempt.runId);
    if (!run) throw new Error(t('history.noRun', { count: store.RUNS_KEPT }));
    const entry = entryOf(entries, run.record.scenarioId);
    let record = run.record;
    if (entry) {
      await nextTask();
      const session = replayRecord(entry.scenarioFor(record.seed), record);
      record = { ...record, finalHash: session.run.sim.hash() };
    }
    const stamp = run.savedAt.slice(0, 19).replace(/[:T]/g, '-');
    return {
      fileName: `on-call-drill-${record.scenarioId}-${stamp}.json`,
      text: serializeRunRecord(record),
    };
  }

  /** Checks an imported file, warns about what may make it play differently, opens its replay. */
  async function importRun(
    entries: readonly CatalogueEntry[],
    store: RunStore,
    text: string,
    view: HistoryView,
  ): Promise<ImportResult> {
    const { parseRunRecord, recordFit, replayRecord, replayMatches } =
      await import('./session/run-record.ts');
    const parsed = parseRunRecord(text);
    if (!parsed.ok) return parsed;
    const { record } = parsed;
    const entry = entryOf(entries, record.scenarioId);
    if (!entry) {
      return {
        ok: false,
        problems: [t('history.import.unknownScenario', { id: record.scenarioId })],
      };
    }
    const scenario = entry.scenarioFor(record.seed);
    const warnings: string[] = [];
    const fit = recordFit(scenario, record);
    if (fit.kind === 'otherVersion') {
      warnings.push(t('history.warning.otherVersion', fit));
    } else if (record.finalHash !== undefined) {
      await nextTask();
      if (replayMatches(replayRecord(scenario, record), record) === 'differs') {
        warnings.push(t('history.import.differs'));
      }
    }
    const open = (): void => showReplay(entry, store, record, showHistory);
    if (warnings.length > 0) view.confirm(warnings.join(' '), open);
    else open();
    return { ok: true };
  }

  library();

  return () => {
    if (!active) return;
    active = false;
    const dispose = leave;
    leave = () => {};
    dispose();
  };
}
