/**
 * Practice mode's wiring (src/play.ts): a run is saved as it moves and offered again after a
 * reload; its attempt goes into the history with its scores and its run record; the debrief, the
 * replay and the history open on that record; branching and retrying start the incident again.
 * The incident, debrief and replay screens are stand-ins that record what they were given.
 */
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_KEY, loadHistory } from '../../src/attempt-history.ts';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { AttemptResult, IncidentOptions } from '../../src/incident.ts';
import { openPractice } from '../../src/play.ts';
import type { Postmortem } from '../../src/postmortem/model.ts';
import type { ReplayOptions } from '../../src/replay.ts';
import { CURRENT_RUN_KEY, loadCurrentRun, loadRuns } from '../../src/run-storage.ts';
import type { CatalogueEntry } from '../../src/scenario-catalogue.ts';
import { IncidentSession } from '../../src/session/session.ts';
import type { SessionInput } from '../../src/session/session.ts';
import type { DebriefOptions } from '../../src/ui/debrief.ts';
import { scenario } from '../console/views.ts';

const incidents: IncidentOptions[] = [];
const debriefs: DebriefOptions[] = [];
const replays: ReplayOptions[] = [];

vi.mock('../../src/incident.ts', () => ({
  startIncident: (root: HTMLElement, options: IncidentOptions) => {
    incidents.push(options);
    root.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'incident' }));
    return () => root.replaceChildren();
  },
}));
vi.mock('../../src/ui/debrief.ts', () => ({
  mountDebrief: (root: HTMLElement, options: DebriefOptions) => {
    debriefs.push(options);
    root.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'debrief' }));
    return { element: root.firstChild, destroy: () => root.replaceChildren() };
  },
}));
vi.mock('../../src/replay.ts', () => ({
  openReplay: (root: HTMLElement, options: ReplayOptions) => {
    replays.push(options);
    root.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'replay' }));
    return () => root.replaceChildren();
  },
}));
vi.mock('../../src/scenario-catalogue.ts', () => ({
  loadCatalogue: (): Promise<CatalogueEntry[]> => {
    const s = scenario('pool-exhaustion-leak');
    return Promise.resolve([
      {
        card: {
          id: s.id,
          title: s.title,
          summary: 'summary',
          difficulty: s.difficulty,
          estimatedMinutes: s.estimatedMinutes,
          tags: [],
        },
        seed: s.seed,
        scenarioFor: () => s,
      },
    ]);
  },
}));

const POOL = scenario('pool-exhaustion-leak');
const INPUTS: SessionInput[] = [
  { at: 60_000, kind: 'line', line: 'kubectl get pods' },
  { at: 120_000, kind: 'action', source: 'channel', action: { type: 'hypothesis', text: 'leak' } },
];
const RESULT: AttemptResult = {
  outcome: 'resolved',
  playedMs: 180_000,
  milestones: { mitigated: 150_000 },
  scores: { mitigate: 90_000, budget: 0.01, harmful: 0, hints: 1 },
  inputs: INPUTS,
  t: 180_000,
};

let root: HTMLElement;
let close: () => void = () => {};
let exits = 0;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  localStorage.clear();
  incidents.length = 0;
  debriefs.length = 0;
  replays.length = 0;
  exits = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  close();
  root.remove();
  localStorage.clear();
});

function open(): void {
  close = openPractice(root, { onExit: () => (exits += 1) });
}

const fileInput = () =>
  vi.waitFor(() => {
    const input = root.querySelector<HTMLInputElement>('input[type=file]');
    if (!input) throw new Error('no file input yet');
    return input;
  });

const card = () =>
  vi.waitFor(() => getByRole(root, 'button', { name: POOL.title }), { timeout: 5000 });

async function startPool(): Promise<IncidentOptions> {
  open();
  fireEvent.click(await card());
  await vi.waitFor(() => expect(incidents).toHaveLength(1));
  return incidents[0]!;
}

describe('practice mode', () => {
  it('plays the picked scenario on its seed, in practice mode', async () => {
    const options = await startPool();
    expect(options).toMatchObject({ scenario: POOL, seed: POOL.seed, mode: 'practice' });
    expect(options.resume).toBeUndefined();
  });

  it('saves the run as it moves, and offers to resume it after a reload', async () => {
    const options = await startPool();
    options.onProgress?.({ inputs: INPUTS, t: 150_000, ended: false });
    expect(loadCurrentRun().run?.record).toMatchObject({
      scenarioId: POOL.id,
      seed: POOL.seed,
      mode: 'practice',
      inputs: INPUTS,
      t: 150_000,
    });
    // A reload: the page goes without taking the incident down.
    root.replaceChildren();
    open();
    const region = await vi.waitFor(() =>
      getByRole(root, 'region', { name: t('history.resume.label') }),
    );
    expect(region.textContent).toContain(POOL.title);
    expect(region.textContent).toContain('T+02:30');
    fireEvent.click(within(region).getByRole('button', { name: t('history.resume.resume') }));
    await vi.waitFor(() => expect(incidents).toHaveLength(2));
    expect(incidents[1]).toMatchObject({
      seed: POOL.seed,
      mode: 'practice',
      resume: { inputs: INPUTS, t: 150_000 },
    });
  });

  it('records a finished attempt with its scores and keeps its run', async () => {
    const options = await startPool();
    options.onProgress?.({ inputs: INPUTS, t: 170_000, ended: false });
    options.onAttempt?.(RESULT);
    expect(localStorage.getItem(CURRENT_RUN_KEY)).toBeNull();
    const [attempt] = loadHistory().attempts;
    const [run] = loadRuns().runs;
    expect(attempt).toMatchObject({
      scenarioId: POOL.id,
      outcome: 'resolved',
      scores: RESULT.scores,
      milestones: RESULT.milestones,
      runId: run!.id,
    });
    expect(run!.record).toMatchObject({ inputs: INPUTS, t: 180_000, mode: 'practice' });
    // Progress after the end is not saved as a run to resume.
    options.onProgress?.({ inputs: INPUTS, t: 180_000, ended: false });
    expect(localStorage.getItem(CURRENT_RUN_KEY)).toBeNull();
  });

  it('records an unfinished run the player discards as left, with its run kept', async () => {
    const options = await startPool();
    options.onProgress?.({ inputs: INPUTS, t: 150_000, ended: false });
    root.replaceChildren();
    open();
    const region = await vi.waitFor(() =>
      getByRole(root, 'region', { name: t('history.resume.label') }),
    );
    fireEvent.click(within(region).getByRole('button', { name: t('history.resume.discard') }));
    expect(loadCurrentRun().run).toBeNull();
    expect(loadHistory().attempts).toMatchObject([{ outcome: 'abandoned', playedMs: 150_000 }]);
    expect(loadRuns().runs).toHaveLength(1);
    expect(getByRole(root, 'button', { name: POOL.title }).textContent).toContain(
      t('chooser.history.resolved', { resolved: 0, played: 1 }),
    );
  });

  it('opens the debrief, and from it retries, branches and replays the same run', async () => {
    const options = await startPool();
    options.onAttempt?.(RESULT);
    const postmortem = { title: 'pm' } as unknown as Postmortem;
    const { incident } = new IncidentSession(POOL);
    options.onDebrief?.({ postmortem, inputs: INPUTS, t: 180_000, incident, endedBy: 'resolved' });
    await vi.waitFor(() => expect(debriefs).toHaveLength(1));
    const debrief = debriefs[0]!;
    expect(debrief.postmortem).toBe(postmortem);
    expect(root.textContent).toBe('debrief');

    // Edits are kept by run.
    debrief.onEdit?.({ summary: 'mine' });
    debrief.onBranch?.(100_000);
    await vi.waitFor(() => expect(incidents).toHaveLength(2));
    expect(incidents[1]).toMatchObject({
      seed: POOL.seed,
      mode: 'practice',
      resume: { inputs: [INPUTS[0]], t: 100_000 },
    });

    debrief.onRetry?.();
    await vi.waitFor(() => expect(incidents).toHaveLength(3));
    expect(incidents[2]!.resume).toBeUndefined();

    debrief.onReplay?.();
    await vi.waitFor(() => expect(replays).toHaveLength(1));
    expect(replays[0]).toMatchObject({ seed: POOL.seed, inputs: INPUTS, t: 180_000 });
    // Back from the replay is the same debrief, with its edits.
    replays[0]!.onBack();
    await vi.waitFor(() => expect(debriefs).toHaveLength(2));
    expect(debriefs[1]!.postmortem).toBe(postmortem);
    expect(debriefs[1]!.edits).toEqual({ summary: 'mine' });
    debriefs[1]!.onBack();
    await card();
  });

  it('lists attempts in the history and replays a kept run from there', async () => {
    const options = await startPool();
    options.onAttempt?.(RESULT);
    close();
    open();
    await card();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    const table = await vi.waitFor(() => getByRole(root, 'table'));
    expect(table.textContent).toContain(t('history.outcome.resolved'));
    fireEvent.click(within(table).getByRole('button', { name: t('history.replay') }));
    await vi.waitFor(() => expect(replays).toHaveLength(1));
    expect(replays[0]).toMatchObject({ scenario: POOL, inputs: INPUTS, t: 180_000 });
    replays[0]!.onBranch([INPUTS[0]!], 90_000);
    await vi.waitFor(() => expect(incidents).toHaveLength(2));
    expect(incidents[1]!.resume).toEqual({ inputs: [INPUTS[0]], t: 90_000 });
  });

  it('exports a kept run with its final state hash, and imports the file into the replay', async () => {
    let blob: Blob | null = null;
    URL.createObjectURL = (b: Blob) => {
      blob = b;
      return 'blob:run';
    };
    URL.revokeObjectURL = () => {};
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const options = await startPool();
    options.onAttempt?.(RESULT);
    close();
    open();
    await card();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    fireEvent.click(
      await vi.waitFor(() => getByRole(root, 'button', { name: t('history.export') })),
    );
    await vi.waitFor(() => expect(names).toHaveLength(1), { timeout: 10_000 });
    click.mockRestore();
    expect(names[0]).toMatch(
      /^on-call-drill-pool-exhaustion-leak-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.json$/,
    );
    const text = await blob!.text();
    const exported = JSON.parse(text) as { finalHash?: string; inputs: unknown[] };
    expect(exported.finalHash).toMatch(/^[0-9a-f]{16}$/);
    expect(exported.inputs).toEqual(INPUTS);

    // The same file, imported, opens in the replay.
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', {
      value: [new File([text], 'run.json')],
      configurable: true,
    });
    fireEvent.change(input);
    await vi.waitFor(() => expect(replays).toHaveLength(1), { timeout: 10_000 });
    expect(replays[0]).toMatchObject({ seed: POOL.seed, inputs: INPUTS, t: 180_000 });
  });

  it('warns before replaying an imported file whose replay does not reach its recorded state', async () => {
    open();
    await card();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    const input = await fileInput();
    const record = {
      format: 'on-call-drill/run',
      version: 1,
      scenarioId: POOL.id,
      scenarioVersion: POOL.version,
      seed: POOL.seed,
      mode: 'practice',
      t: 60_000,
      finalHash: '0000000000000000',
      inputs: [],
    };
    Object.defineProperty(input, 'files', {
      value: [new File([JSON.stringify(record)], 'run.json')],
      configurable: true,
    });
    fireEvent.change(input);
    const proceed = await vi.waitFor(
      () => getByRole(root, 'button', { name: t('history.warning.proceed') }),
      { timeout: 10_000 },
    );
    expect(getByRole(root, 'alert').textContent).toContain(t('history.import.differs'));
    expect(replays).toHaveLength(0);
    fireEvent.click(proceed);
    await vi.waitFor(() => expect(replays).toHaveLength(1));
  });

  it('refuses an imported run of a scenario the library does not have, saying why', async () => {
    open();
    await card();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    const input = await fileInput();
    const record = {
      format: 'on-call-drill/run',
      version: 1,
      scenarioId: 'elsewhere',
      scenarioVersion: 1,
      seed: 1,
      mode: 'practice',
      t: 0,
      inputs: [{ at: 0, kind: 'action', source: 'panel', action: { type: 'nope' } }],
    };
    Object.defineProperty(input, 'files', {
      value: [new File([JSON.stringify(record)], 'run.json')],
      configurable: true,
    });
    fireEvent.change(input);
    const alert = await vi.waitFor(() => getByRole(root, 'alert'));
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^inputs\[0\]\.action\.type: /)]);
    record.inputs = [];
    Object.defineProperty(input, 'files', {
      value: [new File([JSON.stringify(record)], 'run.json')],
      configurable: true,
    });
    fireEvent.change(input);
    await vi.waitFor(() =>
      expect(getByRole(root, 'alert').textContent).toContain(
        t('history.import.unknownScenario', { id: 'elsewhere' }),
      ),
    );
  });

  it('rebuilds the debrief of a kept run from the history', async () => {
    const options = await startPool();
    options.onAttempt?.(RESULT);
    close();
    open();
    await card();
    fireEvent.click(getByRole(root, 'button', { name: t('history.open') }));
    fireEvent.click(
      await vi.waitFor(() => getByRole(root, 'button', { name: t('history.debrief') })),
    );
    await vi.waitFor(() => expect(debriefs).toHaveLength(1), { timeout: 20_000 });
    expect(debriefs[0]!.postmortem.scenario).toMatchObject({ id: POOL.id, seed: POOL.seed });
    debriefs[0]!.onBack();
    await vi.waitFor(() => getByRole(root, 'heading', { name: t('history.title') }));
  }, 30_000);

  it('reports saved attempts it could not read, and still plays', async () => {
    localStorage.setItem(HISTORY_KEY, '{"version":');
    open();
    await card();
    expect(getByRole(root, 'alert').textContent).toContain('not valid JSON');
  });
});
