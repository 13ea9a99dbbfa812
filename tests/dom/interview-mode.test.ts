/**
 * The interview and classroom modes as openPractice wires them: the interview's opening (the
 * questions asked land on the run), the scenario's own seed whatever the URL says, no briefing,
 * the countdown kept in the saved run for a reload, and the rubric feedback at the end; the
 * classroom plays through the briefing with its mode recorded. The incident itself is faked.
 */
import { fireEvent, getByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import type { IncidentOptions } from '../../src/incident.ts';
import { openPractice } from '../../src/play.ts';
import type { PracticeOptions } from '../../src/play.ts';
import { buildPostmortem } from '../../src/postmortem/build.ts';
import { loadCurrentRun } from '../../src/run-storage.ts';
import type { CatalogueEntry } from '../../src/scenario-catalogue.ts';
import { IncidentSession } from '../../src/session/session.ts';
import type { SessionInput } from '../../src/session/session.ts';
import { scenario } from '../console/views.ts';

const incidents: IncidentOptions[] = [];

vi.mock('../../src/incident.ts', () => ({
  startIncident: (root: HTMLElement, options: IncidentOptions) => {
    incidents.push(options);
    root.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'incident' }));
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
let root: HTMLElement;
let close: () => void = () => {};

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  localStorage.clear();
  incidents.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  close();
  root.remove();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

async function pick(mode: NonNullable<PracticeOptions['mode']>): Promise<void> {
  close = openPractice(root, { mode, onExit: () => {} });
  const card = await vi.waitFor(() => getByRole(root, 'button', { name: POOL.title }), {
    timeout: 5000,
  });
  // The library says which mode it is playing.
  expect(root.querySelector('.chooser-intro .eyebrow')?.textContent).toBe(
    { practice: 'Practice', interview: 'Interview drill', classroom: 'Classroom' }[mode],
  );
  fireEvent.click(card);
}

/** Opens the interview's intro, asks about the SLOs, takes the page with 30 minutes. */
async function startInterview(): Promise<IncidentOptions> {
  await pick('interview');
  await vi.waitFor(() => getByRole(root, 'heading', { level: 1, name: 'Interview drill' }), {
    timeout: 5000,
  });
  fireEvent.click(getByRole(root, 'button', { name: /What are the SLOs/ }));
  fireEvent.click(getByRole(root, 'radio', { name: '30 minutes' }));
  fireEvent.click(getByRole(root, 'button', { name: 'Start — take the page' }));
  await vi.waitFor(() => expect(incidents).toHaveLength(1));
  return incidents[0]!;
}

describe('the interview drill', () => {
  it('plays the scenario’s own seed, straight onto the page, with the questions asked', async () => {
    // An instructor's `?seed=` changes practice runs, never an interview.
    history.replaceState(null, '', '/?seed=77');
    const options = await startInterview();
    expect(options).toMatchObject({
      scenario: POOL,
      seed: POOL.seed,
      mode: 'interview',
      skipBriefing: true,
      interview: { limitMs: 30 * 60_000, questions: ['slos'] },
    });
    expect(options.runId).toMatch(/^[a-z0-9]{6}$/);
  });

  it('keeps the countdown in the saved run, and a resumed interview keeps its clock', async () => {
    const options = await startInterview();
    const inputs: SessionInput[] = [
      {
        at: 0,
        kind: 'action',
        source: 'panel',
        action: { type: 'clarify', question: 'slos' },
      },
    ];
    options.onProgress?.({ inputs, t: 120_000, ended: false });
    expect(loadCurrentRun().run?.record).toMatchObject({ mode: 'interview', limitMs: 1_800_000 });
    // A reload: the page goes without taking the incident down.
    root.replaceChildren();
    incidents.length = 0;
    close = openPractice(root, { mode: 'interview', onExit: () => {} });
    fireEvent.click(await vi.waitFor(() => getByRole(root, 'button', { name: 'Resume' })));
    await vi.waitFor(() => expect(incidents).toHaveLength(1));
    expect(incidents[0]).toMatchObject({
      mode: 'interview',
      resume: { t: 120_000 },
      interview: { limitMs: 1_800_000 },
    });
  });

  it('ends with the rubric feedback, and the full debrief from there', async () => {
    const options = await startInterview();
    const session = new IncidentSession(POOL);
    session.perform({ type: 'clarify', question: 'slos' }, 'panel');
    session.advanceTo(2 * 60_000);
    session.perform({ type: 'note', text: 'Pool first.' }, 'panel');
    session.exec('kubectl rollout undo deployment/api');
    session.advanceTo(20 * 60_000);
    const postmortem = buildPostmortem(session, { mode: 'interview', reference: null });
    options.onDebrief?.({
      postmortem,
      inputs: session.inputs,
      t: session.t,
      incident: session.incident,
      endedBy: 'resolved',
    });
    for (const criterion of [
      'Structured approach',
      'Safety of actions',
      'Communication',
      'Outcome',
    ])
      await vi.waitFor(() => getByRole(root, 'heading', { name: criterion }));
    expect(root.textContent).toContain('Pool first.');
    expect(getByRole(root, 'button', { name: 'Full debrief' })).toBeTruthy();
  });
});

describe('the classroom', () => {
  it('plays through the briefing, recorded as a classroom run that others can follow', async () => {
    await pick('classroom');
    await vi.waitFor(() => expect(incidents).toHaveLength(1));
    expect(incidents[0]).toMatchObject({ mode: 'classroom', seed: POOL.seed });
    expect(incidents[0]!.skipBriefing).toBe(false);
    expect(incidents[0]!.interview).toBeUndefined();
    expect(incidents[0]!.runId).toMatch(/^[a-z0-9]{6}$/);
  });
});
