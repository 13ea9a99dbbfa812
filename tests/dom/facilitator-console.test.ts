/**
 * The facilitator console: each control sends the right command, injects and clues wait for the
 * link, the forms survive updates while someone types, lists grow without being rebuilt, the
 * answer key collapses, prompts follow the story, and hostile text stays text.
 */
import { fireEvent, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import { mountFacilitatorConsole } from '../../src/ui/facilitator/console.ts';
import type { FacilitatorConsole } from '../../src/ui/facilitator/console.ts';
import type {
  FacilitatorCommands,
  FacilitatorView,
  LinkState,
} from '../../src/ui/facilitator/model.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const formatTime = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `T+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function view(overrides: Partial<FacilitatorView> = {}): FacilitatorView {
  return {
    title: 'Connection pool exhaustion',
    mode: 'classroom',
    seed: 4242,
    link: 'inSync',
    clock: { utc: '14:07:31', elapsedMs: 750_000, speed: 1, remainingMs: null },
    stage: 'investigating',
    ended: null,
    answerKey: {
      rootCause: 'A leaked transaction per request exhausts the API pool',
      trigger: 'Deploy api v2.14 at T+2:00',
      contributingFactors: ['No idle-in-transaction timeout', 'Pool size 20 per pod'],
      redHerrings: [{ signal: 'Redis latency blip', why: 'It recovers by itself within a minute' }],
      solution: [
        { text: 'Roll back deployment/api', doneAt: 240_000 },
        { text: 'Set idle_in_transaction_session_timeout', doneAt: null },
      ],
      wrongFixes: [
        { id: 'scaleDb', description: 'Scale the database up', takenAt: 300_000 },
        { id: 'restartRedis', description: 'Restart Redis', takenAt: null },
      ],
    },
    milestones: [
      { name: 'detected', at: 60_000 },
      { name: 'diagnosed', at: 200_000 },
      { name: 'mitigated', at: null },
      { name: 'resolved', at: null },
    ],
    activity: [
      { t: 61_000, actor: 'player', text: 'Acknowledged ApiLatencyHigh', role: null, person: null },
      {
        t: 90_000,
        actor: 'player',
        text: 'kubectl get pods',
        role: 'operations',
        person: 'Ana',
      },
    ],
    hypotheses: [{ t: 120_000, text: 'The pool is leaking connections' }],
    notes: [{ t: 130_000, text: 'Checked pg_stat_activity first' }],
    clues: [
      { level: 1, text: 'Look at what the database connections are doing', revealedAt: 180_000 },
      { level: 2, text: 'Many sessions are idle in transaction', revealedAt: null },
    ],
    injects: [
      { id: 'partnerReport', sent: 0 },
      { id: 'executiveEta', sent: 2 },
      { id: 'teammateOffline', sent: 0 },
      { id: 'secondAlert', sent: 1 },
    ],
    roles: { commander: 'Bo', operations: 'Ana' },
    decisions: [{ t: 220_000, text: 'Roll back before digging further', role: 'commander' }],
    facilitatorNotes: [{ t: 230_000, text: 'Good call on the rollback' }],
    prompts: [
      { stage: 'paged', text: 'What do you look at first?', reachedAt: 0 },
      {
        stage: 'investigating',
        text: 'Which signal would confirm your hypothesis?',
        reachedAt: 200_000,
      },
      { stage: 'mitigated', text: 'Is it safe to close the incident?', reachedAt: null },
      { stage: null, text: 'What would have caught this before customers did?', reachedAt: null },
    ],
    ...overrides,
  };
}

type Spies = { [K in keyof FacilitatorCommands]: ReturnType<typeof vi.fn> };

let root: HTMLElement;
let screen: FacilitatorConsole | null;
let commands: Spies;
let onExit: ReturnType<typeof vi.fn>;

function mount(first: FacilitatorView = view()): FacilitatorConsole {
  screen = mountFacilitatorConsole(root, commands as unknown as FacilitatorCommands, {
    onExit: onExit as unknown as () => void,
    formatTime,
  });
  screen.update(first);
  return screen;
}

const panel = (name: string): HTMLElement =>
  root.querySelector<HTMLElement>(`[data-panel="${name}"]`)!;
const button = (scope: HTMLElement, name: string | RegExp): HTMLButtonElement =>
  getByRole<HTMLButtonElement>(scope, 'button', { name });
const roleInput = (role: string): HTMLInputElement =>
  root.querySelector<HTMLInputElement>(`input[data-role="${role}"]`)!;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  screen = null;
  commands = {
    pause: vi.fn(),
    resume: vi.fn(),
    inject: vi.fn(),
    revealClue: vi.fn(),
    note: vi.fn(),
    decision: vi.fn(),
    assignRole: vi.fn(),
    openProjector: vi.fn(),
  };
  onExit = vi.fn();
});

afterEach(() => {
  screen?.destroy();
  root.remove();
  setLocale(DEFAULT_LOCALE);
});

describe('header', () => {
  it('names the run, its mode and seed, the link state in words and the clock', () => {
    mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('Connection pool exhaustion');
    const header = root.querySelector<HTMLElement>('.fac-header')!;
    expect(header.textContent).toContain('Classroom · seed 4242');
    expect(header.querySelector('.fac-link')?.textContent).toBe('In sync');
    expect(header.querySelector('.fac-clock-utc')?.textContent).toBe('14:07:31 UTC');
    expect(header.querySelector('.fac-clock-elapsed')?.textContent).toBe('T+12:30');
    expect(header.querySelector<HTMLElement>('.fac-clock-remaining')?.hidden).toBe(true);
    expect(header.querySelector<HTMLElement>('.fac-ended')?.hidden).toBe(true);
  });

  it.each<[LinkState, string]>([
    ['waiting', 'Waiting for the player'],
    ['resyncing', 'Resyncing'],
    ['lost', 'Link lost'],
  ])('writes the link state %s out', (link, text) => {
    mount(view({ link }));
    const badge = root.querySelector<HTMLElement>('.fac-link')!;
    expect(badge.textContent).toBe(text);
    expect(badge.dataset['link']).toBe(link);
  });

  it('shows the interview countdown when there is one, and how the run ended', () => {
    const s = mount();
    s.update(
      view({
        clock: { utc: '14:10:00', elapsedMs: 900_000, speed: 1, remainingMs: 725_400 },
        ended: { outcome: 'timedOut' },
      }),
    );
    const remaining = root.querySelector<HTMLElement>('.fac-clock-remaining')!;
    expect(remaining.hidden).toBe(false);
    expect(remaining.textContent).toBe('12:06 left');
    expect(root.querySelector('.fac-ended')?.textContent).toBe('Ended: Timed out');
  });

  it('pauses a running clock and resumes a paused one', () => {
    const s = mount();
    fireEvent.click(button(root, 'Pause'));
    expect(commands.pause).toHaveBeenCalledTimes(1);
    expect(commands.resume).not.toHaveBeenCalled();
    s.update(view({ clock: { utc: '14:07:31', elapsedMs: 750_000, speed: 0, remainingMs: null } }));
    fireEvent.click(button(root, 'Resume'));
    expect(commands.resume).toHaveBeenCalledTimes(1);
    expect(commands.pause).toHaveBeenCalledTimes(1);
  });

  it('opens the projector view and exits', () => {
    mount(view({ mode: 'interview' }));
    fireEvent.click(button(root, 'Open projector view'));
    expect(commands.openProjector).toHaveBeenCalledTimes(1);
    fireEvent.click(button(root, 'Exit'));
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('offers the class postmortem once the run has ended', () => {
    const openPostmortem = vi.fn();
    screen = mountFacilitatorConsole(
      root,
      { ...(commands as unknown as FacilitatorCommands), openPostmortem },
      { onExit: onExit as unknown as () => void, formatTime },
    );
    screen.update(view());
    expect(queryByRole(root, 'button', { name: 'Class postmortem' })).toBeNull();
    screen.update(view({ ended: { outcome: 'resolved' } }));
    fireEvent.click(button(root, 'Class postmortem'));
    expect(openPostmortem).toHaveBeenCalledTimes(1);
  });

  it('has no class postmortem where there is nowhere to show it', () => {
    mount(view({ ended: { outcome: 'resolved' } }));
    expect(queryByRole(root, 'button', { name: 'Class postmortem' })).toBeNull();
  });
});

describe('injects', () => {
  it('has one button per inject, each sending its own event, with how often it was sent', () => {
    mount();
    const injects = panel('injects');
    const expected = [
      ['Another team reports in', 'partnerReport'],
      ['An executive asks for an ETA', 'executiveEta'],
      ['A teammate goes offline', 'teammateOffline'],
      ['A second alert fires', 'secondAlert'],
    ] as const;
    for (const [label, id] of expected) {
      fireEvent.click(button(injects, label));
      expect(commands.inject).toHaveBeenLastCalledWith(id);
    }
    expect(commands.inject).toHaveBeenCalledTimes(4);
    const row = (id: string): HTMLElement =>
      injects.querySelector<HTMLElement>(`li[data-inject="${id}"]`)!;
    expect(row('executiveEta').textContent).toContain('Sent 2×');
    expect(row('partnerReport').textContent).toContain('Not sent yet');
    expect(row('secondAlert').textContent).toContain('unrelated disk-space alert');
  });

  it.each<LinkState>(['waiting', 'resyncing', 'lost'])(
    'disables every inject while the link is %s, and says why',
    (link) => {
      mount(view({ link }));
      const buttons = [...panel('injects').querySelectorAll<HTMLButtonElement>('button')];
      expect(buttons).toHaveLength(4);
      expect(buttons.every((b) => b.disabled)).toBe(true);
      expect(panel('injects').textContent).toContain("while the player's window is in sync");
    },
  );

  it('disables them once the run has ended, and enables them again when in sync', () => {
    const s = mount(view({ ended: { outcome: 'resolved' } }));
    const first = button(panel('injects'), 'Another team reports in');
    expect(first.disabled).toBe(true);
    expect(panel('injects').textContent).toContain('The run has ended');
    s.update(view());
    expect(button(panel('injects'), 'Another team reports in')).toBe(first);
    expect(first.disabled).toBe(false);
  });
});

describe('clues', () => {
  it('reveals a clue by its level, and marks one already revealed with its time', () => {
    const s = mount();
    const clues = panel('clues');
    const reveal = button(clues, 'Reveal clue 2');
    fireEvent.click(reveal);
    expect(commands.revealClue).toHaveBeenCalledWith(2);
    const shown = clues.querySelector<HTMLButtonElement>('button[data-level="1"]')!;
    expect(shown.disabled).toBe(true);
    expect(shown.textContent).toBe('Revealed T+3:00');
    s.update(view({ clues: [view().clues[0]!, { ...view().clues[1]!, revealedAt: 400_000 }] }));
    expect(reveal.disabled).toBe(true);
    expect(reveal.textContent).toBe('Revealed T+6:40');
    expect(clues.textContent).toContain('Many sessions are idle in transaction');
  });

  it('cannot reveal while the link is not in sync', () => {
    mount(view({ link: 'resyncing' }));
    expect(button(panel('clues'), 'Reveal clue 2').disabled).toBe(true);
  });
});

describe('roles', () => {
  it('shows who holds each role and hands a role to the person typed', () => {
    mount();
    const roles = panel('roles');
    expect(roles.querySelector('[data-holder="commander"]')?.textContent).toBe('Now: Bo');
    expect(roles.querySelector('[data-holder="scribe"]')?.textContent).toBe('Unassigned');
    const input = within(roles).getByLabelText('Scribe');
    expect(input).toBe(roleInput('scribe'));
    fireEvent.input(input, { target: { value: '  Chen  ' } });
    fireEvent.click(button(roles, 'Assign Scribe'));
    expect(commands.assignRole).toHaveBeenCalledWith('scribe', 'Chen');
    expect(roleInput('scribe').value).toBe('');
  });

  it('sends nothing for an empty name', () => {
    mount();
    fireEvent.input(roleInput('commander'), { target: { value: '   ' } });
    fireEvent.submit(roleInput('commander').form!);
    expect(commands.assignRole).not.toHaveBeenCalled();
  });
});

describe('decisions', () => {
  it('records a decision with the chosen role, or with none', () => {
    mount();
    const decisions = panel('decisions');
    const text = within(decisions).getByLabelText<HTMLInputElement>('Decision');
    const role = within(decisions).getByLabelText<HTMLSelectElement>('Decided by');
    expect([...role.options].map((o) => o.textContent)).toEqual([
      'No role',
      'Incident commander',
      'Operations lead',
      'Communications lead',
      'Scribe',
    ]);
    fireEvent.input(text, { target: { value: 'Fail over to the replica' } });
    fireEvent.change(role, { target: { value: 'operations' } });
    fireEvent.click(button(decisions, 'Record decision'));
    expect(commands.decision).toHaveBeenLastCalledWith('Fail over to the replica', 'operations');
    expect(text.value).toBe('');
    fireEvent.input(text, { target: { value: 'Post a status update' } });
    fireEvent.change(role, { target: { value: '' } });
    fireEvent.click(button(decisions, 'Record decision'));
    expect(commands.decision).toHaveBeenLastCalledWith('Post a status update', null);
    fireEvent.click(button(decisions, 'Record decision'));
    expect(commands.decision).toHaveBeenCalledTimes(2);
  });

  it('lists the decisions with their time and role', () => {
    mount();
    const item = panel('decisions').querySelector('li')!;
    expect(item.textContent).toContain('T+3:40');
    expect(item.textContent).toContain('Roll back before digging further');
    expect(item.textContent).toContain('Incident commander');
  });
});

describe('notes', () => {
  it('adds a note with the button or Ctrl+Enter, and lists the notes', () => {
    mount();
    const notes = panel('notes');
    const text = within(notes).getByLabelText<HTMLTextAreaElement>('Note');
    fireEvent.input(text, { target: { value: 'They skipped the runbook' } });
    fireEvent.click(button(notes, 'Add note'));
    expect(commands.note).toHaveBeenLastCalledWith('They skipped the runbook');
    expect(text.value).toBe('');
    fireEvent.input(text, { target: { value: 'Asked the DBA early' } });
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(commands.note).toHaveBeenLastCalledWith('Asked the DBA early');
    fireEvent.keyDown(text, { key: 'Enter', ctrlKey: true });
    expect(commands.note).toHaveBeenCalledTimes(2);
    expect(notes.querySelector('li')?.textContent).toBe('T+3:50Good call on the rollback');
  });
});

describe('updates', () => {
  it('keep what the facilitator is typing, and its focus, in every field', () => {
    const s = mount();
    const fields = [
      within(panel('notes')).getByLabelText<HTMLTextAreaElement>('Note'),
      within(panel('decisions')).getByLabelText<HTMLInputElement>('Decision'),
      roleInput('communications'),
    ];
    for (const [i, field] of fields.entries()) {
      field.focus();
      fireEvent.input(field, { target: { value: `draft ${i}` } });
      s.update(
        view({
          clock: { utc: '14:08:00', elapsedMs: 780_000 + i, speed: 1, remainingMs: null },
          roles: { commander: 'Bo', operations: 'Ana', communications: 'Dee' },
          activity: [
            ...view().activity,
            { t: 780_000, actor: 'team', text: `reply ${i}`, role: null, person: null },
          ],
          facilitatorNotes: [...view().facilitatorNotes, { t: 780_000, text: `note ${i}` }],
        }),
      );
      expect(document.activeElement).toBe(field);
      expect(field.value).toBe(`draft ${i}`);
      expect(field.isConnected).toBe(true);
    }
    expect(root.querySelector('[data-holder="communications"]')?.textContent).toBe('Now: Dee');
  });

  it('append new activity without rebuilding the lines already shown', () => {
    const s = mount();
    const list = root.querySelector<HTMLElement>('.fac-activity-list')!;
    const first = list.firstElementChild;
    s.update(
      view({
        activity: [
          ...view().activity,
          {
            t: 95_000,
            actor: 'facilitator',
            text: 'Injected: executive ETA',
            role: null,
            person: null,
          },
        ],
      }),
    );
    expect(list.children).toHaveLength(3);
    expect(list.firstElementChild).toBe(first);
    expect(list.lastElementChild?.textContent).toContain('Injected: executive ETA');
  });

  it('follow new activity at the bottom, unless the facilitator scrolled up to read', () => {
    const s = mount();
    const list = root.querySelector<HTMLElement>('.fac-activity-list')!;
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => 1000 });
    Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => 200 });
    const more = (n: number): FacilitatorView =>
      view({
        activity: [
          ...view().activity,
          ...Array.from({ length: n }, (_, i) => ({
            t: 100_000 + i,
            actor: 'player' as const,
            text: `line ${i}`,
            role: null,
            person: null,
          })),
        ],
      });
    list.scrollTop = 300;
    fireEvent.scroll(list);
    s.update(more(1));
    expect(list.scrollTop).toBe(300);
    list.scrollTop = 800;
    fireEvent.scroll(list);
    s.update(more(2));
    expect(list.scrollTop).toBe(1000);
  });
});

describe('answer key', () => {
  it('shows what broke, the red herrings, the solution with times, wrong fixes and milestones', () => {
    mount();
    const key = panel('answer-key');
    expect(key.querySelector('.fac-root-cause')?.textContent).toBe(
      'A leaked transaction per request exhausts the API pool',
    );
    expect(key.querySelector('.fac-trigger')?.textContent).toBe('Deploy api v2.14 at T+2:00');
    expect(key.querySelector('.fac-stage')?.textContent).toBe('investigating');
    expect(key.querySelectorAll('.fac-factors li')).toHaveLength(2);
    expect(key.querySelector('.fac-herring')?.textContent).toContain('It recovers by itself');
    expect(key.querySelector('.fac-progress')?.textContent).toBe('1 of 2 steps done');
    const steps = [...key.querySelectorAll<HTMLElement>('.fac-solution li')];
    expect(steps.map((li) => li.dataset['done'])).toEqual(['true', 'false']);
    expect(steps[0]?.textContent).toContain('done T+4:00');
    expect(steps[1]?.textContent).toContain('Not yet');
    const wrong = [...key.querySelectorAll<HTMLElement>('.fac-wrong-fixes li')];
    expect(wrong[0]?.dataset['done']).toBe('true');
    expect(wrong[0]?.textContent).toContain('Taken T+5:00');
    expect(wrong[1]?.textContent).toContain('Not taken');
    const milestones = [...key.querySelectorAll<HTMLElement>('.fac-milestone')];
    expect(milestones.map((m) => m.textContent)).toEqual([
      'DetectedT+1:00',
      'DiagnosedT+3:20',
      'Mitigatednot yet',
      'Resolvednot yet',
    ]);
  });

  it('collapses for screen sharing and opens again', () => {
    mount();
    const key = panel('answer-key');
    const toggle = button(key, 'Hide');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(body.contains(key.querySelector('.fac-root-cause'))).toBe(true);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Show');
    expect(body.hidden).toBe(true);
    expect(key.textContent).toContain('Hidden, for screen sharing');
    fireEvent.click(toggle);
    expect(body.hidden).toBe(false);
  });
});

describe('discussion prompts', () => {
  const prompts = (): HTMLElement[] => [...panel('prompts').querySelectorAll<HTMLElement>('li')];

  it('lists the prompts reached with the latest marked current, and no end prompt before the end', () => {
    mount();
    expect(prompts().map((li) => li.querySelector('.fac-prompt-text')?.textContent)).toEqual([
      'What do you look at first?',
      'Which signal would confirm your hypothesis?',
    ]);
    expect(prompts().map((li) => li.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(prompts()[1]?.textContent).toContain('Now');
  });

  it('moves the mark when the story reaches a new stage, and shows the end prompts at the end', () => {
    const s = mount();
    const next = view().prompts.map((p) =>
      p.stage === 'mitigated' ? { ...p, reachedAt: 500_000 } : p,
    );
    s.update(view({ prompts: next }));
    expect(prompts().at(-1)?.getAttribute('aria-current')).toBe('true');
    expect(prompts().at(-1)?.textContent).toContain('Is it safe to close the incident?');
    s.update(view({ prompts: next, ended: { outcome: 'resolved' } }));
    const last = prompts().at(-1)!;
    expect(last.textContent).toContain('What would have caught this before customers did?');
    expect(last.textContent).toContain('At the end');
    expect(prompts().filter((li) => li.getAttribute('aria-current') === 'true')).toEqual([last]);
  });
});

describe('activity', () => {
  it('credits the role and person, and lists hypotheses and interview notes', () => {
    mount();
    const activity = panel('activity');
    const lines = [...activity.querySelectorAll<HTMLElement>('.fac-activity-list li')];
    expect(lines[1]?.textContent).toContain('kubectl get pods');
    expect(lines[1]?.querySelector('.fac-credit')?.textContent).toBe('Operations lead · Ana');
    expect(lines[0]?.querySelector('.fac-credit')).toBeNull();
    expect(activity.querySelector('.fac-hypotheses')?.textContent).toContain(
      'The pool is leaking connections',
    );
    expect(activity.querySelector('.fac-player-notes')?.textContent).toContain(
      'Checked pg_stat_activity first',
    );
  });
});

describe('hostile text', () => {
  it('appears as text in every field and creates no element', () => {
    const s = mount();
    const base = view();
    s.update({
      ...base,
      title: HOSTILE,
      mode: HOSTILE,
      stage: HOSTILE,
      clock: { ...base.clock, utc: HOSTILE },
      ended: { outcome: HOSTILE },
      answerKey: {
        rootCause: HOSTILE,
        trigger: HOSTILE,
        contributingFactors: [HOSTILE],
        redHerrings: [{ signal: HOSTILE, why: HOSTILE }],
        solution: [{ text: HOSTILE, doneAt: 1000 }],
        wrongFixes: [{ id: HOSTILE, description: HOSTILE, takenAt: 1000 }],
      },
      activity: [{ t: 1000, actor: 'player', text: HOSTILE, role: HOSTILE, person: HOSTILE }],
      hypotheses: [{ t: 1000, text: HOSTILE }],
      notes: [{ t: 1000, text: HOSTILE }],
      clues: [{ level: 1, text: HOSTILE, revealedAt: null }],
      roles: { commander: HOSTILE },
      decisions: [{ t: 1000, text: HOSTILE, role: HOSTILE }],
      facilitatorNotes: [{ t: 1000, text: HOSTILE }],
      prompts: [
        { stage: HOSTILE, text: HOSTILE, reachedAt: 1000 },
        { stage: null, text: HOSTILE, reachedAt: null },
      ],
    });
    expect(root.querySelector('img')).toBeNull();
    const count = root.textContent!.split(HOSTILE).length - 1;
    // Title, mode, utc, outcome, stage, root cause, trigger, factor, herring ×2, step, wrong fix,
    // activity text, credit ×2, hypothesis, note, clue, holder, decision ×2, facilitator note,
    // prompt stage + text, end prompt.
    expect(count).toBeGreaterThanOrEqual(24);
    expect(getByText(root, HOSTILE, { selector: 'h1' })).toBeTruthy();
  });
});

describe('language', () => {
  it('relabels the console in Chinese and keeps what is typed', () => {
    mount();
    const note = within(panel('notes')).getByLabelText<HTMLTextAreaElement>('Note');
    fireEvent.input(note, { target: { value: '草稿' } });
    setLocale('zh-CN');
    expect(button(root, '暂停')).toBeTruthy();
    expect(button(root, '打开投影视图')).toBeTruthy();
    expect(panel('roles').querySelector('[data-holder="scribe"]')?.textContent).toBe('未指派');
    expect(panel('activity').querySelector('.fac-credit')?.textContent).toBe('运维负责人 · Ana');
    expect(note.value).toBe('草稿');
    expect(note.isConnected).toBe(true);
  });
});

describe('destroy', () => {
  it('empties the mount point and stops following the language', () => {
    const s = mount();
    s.destroy();
    screen = null;
    expect(root.childElementCount).toBe(0);
    expect(root.classList.contains('fac-root')).toBe(false);
    setLocale('zh-CN');
    expect(root.childElementCount).toBe(0);
  });
});
