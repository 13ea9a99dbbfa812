/**
 * The interview drill and the classroom as openPractice (src/play.ts) wires them, end to end
 * around a faked incident: the library opens the interview's intro, the questions asked and the
 * chosen limit reach startIncident with the scenario's own seed (never the URL's), the saved run
 * keeps the countdown so a reload resumes it, and the end shows the rubric feedback (built from a
 * real postmortem) before the full debrief. A classroom plays through the briefing.
 */
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadHistory } from '../../src/attempt-history.ts';
import { DEFAULT_LOCALE, setLocale, t } from '../../src/i18n/index.ts';
import type { IncidentOptions } from '../../src/incident.ts';
import { openPractice } from '../../src/play.ts';
import type { PracticeOptions } from '../../src/play.ts';
import { buildPostmortem } from '../../src/postmortem/build.ts';
import type { Postmortem } from '../../src/postmortem/model.ts';
import { loadCurrentRun, loadRuns } from '../../src/run-storage.ts';
import type { CatalogueEntry } from '../../src/scenario-catalogue.ts';
import { IncidentSession } from '../../src/session/session.ts';
import type { SessionInput } from '../../src/session/session.ts';
import type { DebriefOptions } from '../../src/ui/debrief.ts';
import { scenario } from '../console/views.ts';
import { reference } from '../postmortem/drive.ts';

const incidents: IncidentOptions[] = [];
const debriefs: DebriefOptions[] = [];
/** The seeds the library was asked to fill the scenario's variant for. */
const variantSeeds: number[] = [];

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
        scenarioFor: (seed: number) => {
          variantSeeds.push(seed);
          return s;
        },
      },
    ]);
  },
}));

const POOL = scenario('pool-exhaustion-leak');
const MIN = 60_000;
const WAIT = { timeout: 10_000 };

let root: HTMLElement;
/** Every openPractice of a test: a "reload" opens a new one without closing the old. */
const closers: (() => void)[] = [];

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  localStorage.clear();
  incidents.length = 0;
  debriefs.length = 0;
  variantSeeds.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
  root.remove();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

function open(mode: NonNullable<PracticeOptions['mode']>): void {
  closers.push(openPractice(root, { mode, onExit: () => {} }));
}

async function pickPool(mode: NonNullable<PracticeOptions['mode']>): Promise<void> {
  open(mode);
  const card = await vi.waitFor(() => getByRole(root, 'button', { name: POOL.title }), WAIT);
  // The library says which mode it plays.
  expect(root.querySelector('.chooser-intro .eyebrow')?.textContent).toBe(
    { practice: 'Practice', interview: 'Interview drill', classroom: 'Classroom' }[mode],
  );
  fireEvent.click(card);
}

const introHeading = () => getByRole(root, 'heading', { level: 1, name: 'Interview drill' });
const question = (text: RegExp) => getByRole(root, 'button', { name: text });

/** The intro: ask about the SLOs and recent changes, choose 30 minutes, take the page. */
async function startInterview(): Promise<IncidentOptions> {
  await pickPool('interview');
  await vi.waitFor(introHeading, WAIT);
  expect(incidents).toHaveLength(0);
  fireEvent.click(question(/What are the SLOs/));
  fireEvent.click(question(/What changed recently/));
  // Folding an answer away and opening it again does not ask twice.
  fireEvent.click(question(/What are the SLOs/));
  fireEvent.click(question(/What are the SLOs/));
  fireEvent.click(getByRole(root, 'radio', { name: '30 minutes' }));
  fireEvent.click(getByRole(root, 'button', { name: 'Start — take the page' }));
  await vi.waitFor(() => expect(incidents).toHaveLength(1), WAIT);
  return incidents[0]!;
}

/** A short real run, worked as a candidate would, and its postmortem. */
function finishedRun(): { session: IncidentSession; postmortem: Postmortem } {
  const session = new IncidentSession(POOL);
  session.perform({ type: 'clarify', question: 'slos' }, 'panel');
  session.advanceTo(2 * MIN);
  session.perform({ type: 'note', text: 'Release just shipped: check the pools.' }, 'panel');
  session.exec('kubectl rollout undo deployment/api');
  session.advanceTo(25 * MIN);
  expect(session.run.ended?.outcome).toBe('resolved');
  const postmortem = buildPostmortem(session, {
    mode: 'interview',
    reference: reference(POOL.id),
  });
  return { session, postmortem };
}

const CRITERIA = ['Structured approach', 'Safety of actions', 'Communication', 'Outcome'];

describe('the interview drill', () => {
  it('opens with the interview’s intro, not the incident or its briefing', async () => {
    await pickPool('interview');
    await vi.waitFor(introHeading, WAIT);
    expect(root.textContent).toContain(POOL.briefing.role);
    expect(incidents).toHaveLength(0);
    fireEvent.click(question(/What are the SLOs/));
    expect(question(/What are the SLOs/).getAttribute('aria-expanded')).toBe('true');
  });

  it('starts on the scenario’s own seed, straight onto the page, with the questions asked', async () => {
    // An instructor's `?seed=` changes a practice run; an interview is the same for everyone.
    history.replaceState(null, '', '/?seed=77');
    const options = await startInterview();
    expect(options).toMatchObject({
      scenario: POOL,
      seed: POOL.seed,
      mode: 'interview',
      skipBriefing: true,
      interview: { limitMs: 1_800_000, questions: ['slos', 'changes'] },
    });
    expect(options.resume).toBeUndefined();
    expect(options.runId).toEqual(expect.stringMatching(/^[a-z0-9]+$/));
    expect(variantSeeds.length).toBeGreaterThan(0);
    expect(variantSeeds.every((seed) => seed === POOL.seed)).toBe(true);
  });

  it('would take the URL’s seed in practice (so the interview’s check means something)', async () => {
    history.replaceState(null, '', '/?seed=77');
    await pickPool('practice');
    await vi.waitFor(() => expect(incidents).toHaveLength(1), WAIT);
    expect(incidents[0]).toMatchObject({ seed: 77, mode: 'practice' });
    expect(incidents[0]!.interview).toBeUndefined();
  });

  it('gives each interview its own run id', async () => {
    const first = await startInterview();
    for (const close of closers.splice(0)) close();
    incidents.length = 0;
    const second = await startInterview();
    expect(first.runId).toBeTruthy();
    expect(second.runId).toBeTruthy();
    expect(second.runId).not.toBe(first.runId);
  });

  it('offers 45 minutes unless the candidate picks 30', async () => {
    await pickPool('interview');
    await vi.waitFor(introHeading, WAIT);
    expect(getByRole<HTMLInputElement>(root, 'radio', { name: '45 minutes' }).checked).toBe(true);
    fireEvent.click(getByRole(root, 'button', { name: 'Start — take the page' }));
    await vi.waitFor(() => expect(incidents).toHaveLength(1), WAIT);
    expect(incidents[0]!.interview).toEqual({ limitMs: 45 * MIN, questions: [] });
  });

  it('saves the countdown with the run, and a reload resumes it with the same limit', async () => {
    const options = await startInterview();
    const inputs: SessionInput[] = [
      { at: 0, kind: 'action', source: 'panel', action: { type: 'clarify', question: 'slos' } },
      { at: 0, kind: 'action', source: 'panel', action: { type: 'clarify', question: 'changes' } },
      { at: 90_000, kind: 'line', line: 'kubectl get pods' },
    ];
    options.onProgress?.({ inputs, t: 150_000, ended: false });
    expect(loadCurrentRun().run?.record).toMatchObject({
      scenarioId: POOL.id,
      seed: POOL.seed,
      mode: 'interview',
      limitMs: 1_800_000,
      inputs,
      t: 150_000,
    });

    // A reload: the page goes without taking the incident down, and opens the library again.
    root.replaceChildren();
    incidents.length = 0;
    open('interview');
    const region = await vi.waitFor(
      () => getByRole(root, 'region', { name: t('history.resume.label') }),
      WAIT,
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Resume' }));
    await vi.waitFor(() => expect(incidents).toHaveLength(1), WAIT);
    const resumed = incidents[0]!;
    expect(resumed).toMatchObject({
      seed: POOL.seed,
      mode: 'interview',
      skipBriefing: true,
      resume: { inputs, t: 150_000 },
      interview: { limitMs: 1_800_000 },
    });
    // The questions are in the inputs already: not asked a second time.
    expect(resumed.interview!.questions).toEqual([]);
  });

  it('ends with the rubric feedback, not the debrief; the full debrief is one click away', async () => {
    const options = await startInterview();
    const { session, postmortem } = finishedRun();
    options.onAttempt?.({
      outcome: 'resolved',
      playedMs: session.t,
      milestones: {},
      scores: {},
      inputs: session.inputs,
      t: session.t,
    });
    expect(loadHistory().attempts).toMatchObject([{ mode: 'interview', outcome: 'resolved' }]);
    expect(loadRuns().runs[0]?.record).toMatchObject({ mode: 'interview', limitMs: 1_800_000 });
    options.onDebrief?.({
      postmortem,
      inputs: session.inputs,
      t: session.t,
      incident: session.incident,
      endedBy: 'resolved',
    });
    for (const name of CRITERIA) await vi.waitFor(() => getByRole(root, 'heading', { name }), WAIT);
    expect(debriefs).toHaveLength(0);
    expect(root.textContent).toContain('Release just shipped: check the pools.');

    fireEvent.click(getByRole(root, 'button', { name: 'Full debrief' }));
    await vi.waitFor(() => expect(debriefs).toHaveLength(1), WAIT);
    expect(debriefs[0]!.postmortem).toBe(postmortem);
    // A branch from the debrief is a what-if in practice, not another interview attempt.
    debriefs[0]!.onBranch?.(60_000);
    await vi.waitFor(() => expect(incidents).toHaveLength(2), WAIT);
    expect(incidents[1]).toMatchObject({ mode: 'practice', resume: { t: 60_000 } });
    expect(incidents[1]!.interview).toBeUndefined();
  });

  it('retries from the full debrief through the intro, with the interview’s rules', async () => {
    const options = await startInterview();
    const { session, postmortem } = finishedRun();
    options.onDebrief?.({
      postmortem,
      inputs: session.inputs,
      t: session.t,
      incident: session.incident,
      endedBy: 'resolved',
    });
    fireEvent.click(
      await vi.waitFor(() => getByRole(root, 'button', { name: 'Full debrief' }), WAIT),
    );
    await vi.waitFor(() => expect(debriefs).toHaveLength(1), WAIT);
    // Back from the debrief is back to the feedback.
    debriefs[0]!.onBack();
    for (const name of CRITERIA) await vi.waitFor(() => getByRole(root, 'heading', { name }), WAIT);
    fireEvent.click(getByRole(root, 'button', { name: 'Full debrief' }));
    await vi.waitFor(() => expect(debriefs).toHaveLength(2), WAIT);
    debriefs[1]!.onRetry?.();
    await vi.waitFor(introHeading, WAIT);
    expect(incidents).toHaveLength(1);
  });

  it('tries again through the intro, for new questions and a new limit', async () => {
    const options = await startInterview();
    const { session, postmortem } = finishedRun();
    options.onDebrief?.({
      postmortem,
      inputs: session.inputs,
      t: session.t,
      incident: session.incident,
      endedBy: 'resolved',
    });
    fireEvent.click(await vi.waitFor(() => getByRole(root, 'button', { name: 'Try again' }), WAIT));
    await vi.waitFor(introHeading, WAIT);
    expect(incidents).toHaveLength(1);
    expect(question(/What are the SLOs/).getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the classroom', () => {
  it('starts the incident in classroom mode with its briefing and no countdown', async () => {
    await pickPool('classroom');
    await vi.waitFor(() => expect(incidents).toHaveLength(1), WAIT);
    expect(queryByRole(root, 'heading', { name: 'Interview drill' })).toBeNull();
    const options = incidents[0]!;
    expect(options).toMatchObject({ scenario: POOL, seed: POOL.seed, mode: 'classroom' });
    expect(options.skipBriefing).toBe(false);
    expect(options.interview).toBeUndefined();
    expect(options.runId).toEqual(expect.stringMatching(/^[a-z0-9]+$/));
    options.onProgress?.({ inputs: [], t: 30_000, ended: false });
    const record = loadCurrentRun().run?.record;
    expect(record).toMatchObject({ mode: 'classroom', seed: POOL.seed, t: 30_000 });
    expect(record && 'limitMs' in record).toBe(false);
  });
});
