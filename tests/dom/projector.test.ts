/**
 * The projector view: hosts for the map and dashboards, the clock and the paused and link
 * badges, roles, the latest decisions, alerts and feed, the prompt announced once per change,
 * the ended banner, no answer key whatever it is handed, and hostile text kept as text.
 */
import { getByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import type { FacilitatorView, ProjectorView } from '../../src/ui/facilitator/model.ts';
import { mountProjector } from '../../src/ui/projector/view.ts';
import type { Projector } from '../../src/ui/projector/view.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const formatTime = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `T+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function view(overrides: Partial<ProjectorView> = {}): ProjectorView {
  return {
    title: 'Connection pool exhaustion',
    link: 'inSync',
    clock: { utc: '14:07:31', elapsedMs: 750_000, speed: 1, remainingMs: null },
    ended: null,
    roles: { commander: 'Bo', operations: 'Ana' },
    prompt: {
      stage: 'investigating',
      text: 'Which signal would confirm your hypothesis?',
      reachedAt: 200_000,
    },
    decisions: [
      { t: 100_000, text: 'Page the DBA', role: null },
      { t: 150_000, text: 'Declare a SEV2', role: 'commander' },
      { t: 180_000, text: 'Hold the deploy train', role: 'operations' },
      { t: 220_000, text: 'Roll back first', role: 'commander' },
    ],
    feed: Array.from({ length: 6 }, (_, i) => ({
      t: 60_000 * (i + 1),
      actor: 'player' as const,
      text: `feed line ${i}`,
      role: i === 5 ? 'scribe' : null,
      person: i === 5 ? 'Chen' : null,
    })),
    firing: [
      { name: 'ApiLatencyHigh', severity: 'page', summary: 'API p99 above 2 s for 5 minutes' },
    ],
    ...overrides,
  };
}

let root: HTMLElement;
let projector: Projector | null;

function mount(first: ProjectorView = view()): Projector {
  projector = mountProjector(root, { formatTime });
  projector.update(first);
  return projector;
}

const block = (name: string): HTMLElement =>
  root.querySelector<HTMLElement>(`[data-block="${name}"]`)!;
const promptRegion = (): HTMLElement => root.querySelector<HTMLElement>('[aria-live="polite"]')!;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  projector = null;
});

afterEach(() => {
  projector?.destroy();
  root.remove();
  setLocale(DEFAULT_LOCALE);
});

describe('frame', () => {
  it('gives the map and the dashboards their own empty, labelled hosts inside the view', () => {
    const p = mount();
    expect(root.contains(p.hosts.topology)).toBe(true);
    expect(root.contains(p.hosts.dashboards)).toBe(true);
    expect(p.hosts.topology).not.toBe(p.hosts.dashboards);
    expect(p.hosts.topology.childElementCount).toBe(0);
    expect(p.hosts.dashboards.childElementCount).toBe(0);
    expect(p.hosts.topology.getAttribute('aria-label')).toBe('System map');
    expect(p.hosts.dashboards.getAttribute('aria-label')).toBe('Dashboards');
  });

  it('shows the title and the clock, and the paused badge only at speed 0', () => {
    const p = mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('Connection pool exhaustion');
    expect(root.querySelector('.proj-clock')?.textContent).toBe('14:07:31 UTCT+12:30');
    const paused = root.querySelector<HTMLElement>('.proj-paused')!;
    expect(paused.hidden).toBe(true);
    p.update(
      view({ clock: { utc: '14:07:31', elapsedMs: 750_000, speed: 0, remainingMs: 60_000 } }),
    );
    expect(paused.hidden).toBe(false);
    expect(paused.textContent).toBe('Paused');
    expect(root.querySelector('.proj-clock-remaining')?.textContent).toBe('1:00 left');
  });

  it('says the link state only when not in sync', () => {
    const p = mount();
    const link = root.querySelector<HTMLElement>('.proj-link')!;
    expect(link.hidden).toBe(true);
    p.update(view({ link: 'lost' }));
    expect(link.hidden).toBe(false);
    expect(link.textContent).toBe('Link lost');
    p.update(view({ link: 'resyncing' }));
    expect(link.textContent).toBe('Resyncing');
  });

  it('puts up the ended banner with the outcome', () => {
    const p = mount();
    const ended = root.querySelector<HTMLElement>('.proj-ended')!;
    expect(ended.hidden).toBe(true);
    p.update(view({ ended: { outcome: 'resolved' } }));
    expect(ended.hidden).toBe(false);
    expect(ended.textContent).toBe('Incident over: Resolved');
  });
});

describe('strip', () => {
  it('shows each role with its person, or unassigned', () => {
    mount();
    const holder = (role: string): HTMLElement =>
      block('roles').querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    expect(block('roles').textContent).toContain('Incident commander');
    expect(holder('commander').textContent).toBe('Bo');
    expect(holder('operations').textContent).toBe('Ana');
    expect(holder('scribe').textContent).toBe('unassigned');
    expect(holder('scribe').dataset['assigned']).toBe('false');
  });

  it('shows the latest three decisions with time and role', () => {
    mount();
    const items = [...block('decisions').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Declare a SEV2T+2:30Incident commander',
      'Hold the deploy trainT+3:00Operations lead',
      'Roll back firstT+3:40Incident commander',
    ]);
  });

  it('shows the last three feed lines with their credit, and the alerts firing', () => {
    const p = mount();
    const feed = [...block('feed').querySelectorAll('li')];
    expect(feed.map((li) => li.querySelector('.proj-item-text')?.textContent)).toEqual([
      'feed line 3',
      'feed line 4',
      'feed line 5',
    ]);
    expect(feed[2]?.querySelector('.proj-credit')?.textContent).toBe('Scribe · Chen');
    expect(block('alerts').textContent).toContain('ApiLatencyHigh');
    const none = block('alerts').querySelector<HTMLElement>('.proj-ok')!;
    expect(none.hidden).toBe(true);
    p.update(view({ firing: [], feed: [], decisions: [] }));
    expect(none.hidden).toBe(false);
    expect(none.textContent).toBe('No alerts firing');
    expect(block('alerts').querySelectorAll('li')).toHaveLength(0);
    expect(block('feed').textContent).toContain('Quiet so far.');
    expect(block('decisions').textContent).toContain('None yet.');
  });
});

describe('discussion prompt', () => {
  it('is a polite live region that announces a new prompt once', () => {
    const p = mount();
    const region = promptRegion();
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(region.textContent).toContain('Which signal would confirm your hypothesis?');
    const text = region.querySelector('.proj-prompt-text')!;
    const observer = new MutationObserver(() => {});
    observer.observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
    });
    /** What each update changed in the region: the prompt it wrote, or null for nothing. */
    const announced = (next: ProjectorView): string | null => {
      p.update(next);
      return observer.takeRecords().length > 0 ? text.textContent : null;
    };
    const safe = {
      stage: 'mitigated',
      text: 'Is it safe to close the incident?',
      reachedAt: 500_000,
    };
    expect([
      // A clock tick with the same prompt does not touch the region (not even its flash).
      announced(
        view({ clock: { utc: '14:07:32', elapsedMs: 751_000, speed: 1, remainingMs: null } }),
      ),
      announced(view({ prompt: safe })),
      announced(view({ prompt: safe })),
    ]).toEqual([null, 'Is it safe to close the incident?', null]);
    observer.disconnect();
  });

  it('says when there is no prompt', () => {
    mount(view({ prompt: null }));
    expect(promptRegion().textContent).toContain('No discussion prompt right now.');
    expect(promptRegion().dataset['empty']).toBe('true');
  });

  it('never shows the stage name', () => {
    mount(view({ prompt: { stage: 'secretStageName', text: 'Discuss this', reachedAt: 1 } }));
    expect(root.textContent).not.toContain('secretStageName');
  });
});

describe('no answer key', () => {
  it('shows nothing of the answer key even when handed a facilitator view', () => {
    const facilitator: FacilitatorView = {
      title: 'Connection pool exhaustion',
      mode: 'classroom',
      seed: 7,
      link: 'inSync',
      clock: { utc: '14:00:00', elapsedMs: 0, speed: 1, remainingMs: null },
      stage: 'investigatingStage',
      ended: null,
      answerKey: {
        rootCause: 'SECRET ROOT CAUSE',
        trigger: 'SECRET TRIGGER',
        contributingFactors: ['SECRET FACTOR'],
        redHerrings: [{ signal: 'SECRET HERRING', why: 'SECRET WHY' }],
        solution: [{ text: 'SECRET STEP', doneAt: null }],
        wrongFixes: [{ id: 'w', description: 'SECRET WRONG FIX', takenAt: null }],
      },
      milestones: [],
      activity: [],
      hypotheses: [],
      notes: [],
      clues: [{ level: 1, text: 'SECRET CLUE', revealedAt: null }],
      injects: [],
      roles: {},
      decisions: [],
      facilitatorNotes: [{ t: 0, text: 'SECRET NOTE' }],
      prompts: [],
    };
    const both = { ...facilitator, prompt: null, feed: [], firing: [] };
    mount(both);
    const text = root.textContent ?? '';
    for (const secret of ['SECRET', 'investigatingStage']) expect(text).not.toContain(secret);
  });
});

describe('hostile text', () => {
  it('appears as text in every field and creates no element', () => {
    mount(
      view({
        title: HOSTILE,
        clock: { utc: HOSTILE, elapsedMs: 0, speed: 0, remainingMs: null },
        ended: { outcome: HOSTILE },
        roles: { commander: HOSTILE },
        prompt: { stage: null, text: HOSTILE, reachedAt: 0 },
        decisions: [{ t: 0, text: HOSTILE, role: HOSTILE }],
        feed: [{ t: 0, actor: 'team', text: HOSTILE, role: HOSTILE, person: HOSTILE }],
        firing: [{ name: HOSTILE, severity: HOSTILE, summary: HOSTILE }],
      }),
    );
    expect(root.querySelector('img')).toBeNull();
    // Title, utc, outcome, holder, prompt, decision ×2, feed text + credit ×2, alert ×3.
    expect((root.textContent ?? '').split(HOSTILE).length - 1).toBe(13);
  });
});

describe('language and destroy', () => {
  it('relabels in Chinese, and leaves nothing behind when destroyed', () => {
    const p = mount();
    setLocale('zh-CN');
    expect(block('roles').querySelector('[data-role="scribe"]')?.textContent).toBe('未指派');
    expect(root.querySelector('.proj-prompt-title')?.textContent).toBe('讨论');
    p.destroy();
    projector = null;
    expect(root.childElementCount).toBe(0);
    expect(root.classList.contains('proj-root')).toBe(false);
  });
});
