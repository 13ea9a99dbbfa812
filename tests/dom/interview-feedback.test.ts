/**
 * The interview feedback screen: how it ended, the overall call, the four criteria with their
 * rating (a word and a shape), findings and every moment as "T+mm:ss — text", the notes and
 * hypotheses with times, the questions asked, the tips, the buttons, and hostile text as text.
 * The rubric is the real one, built from the debrief's fixture model.
 */
import { fireEvent, getByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale, translateRef } from '../../src/i18n/index.ts';
import type { InterviewEnd, Rubric } from '../../src/interview/model.ts';
import { buildRubric } from '../../src/interview/rubric.ts';
import type { Postmortem } from '../../src/postmortem/model.ts';
import { formatElapsed } from '../../src/ui/incident-format.ts';
import { mountInterviewFeedback } from '../../src/ui/interview-feedback.ts';
import type {
  FeedbackRecord,
  InterviewFeedback,
  InterviewFeedbackOptions,
} from '../../src/ui/interview-feedback.ts';
import { HOSTILE, debriefModel, hostileDebrief } from './debrief-fixture.ts';

const MIN = 60_000;

let root: HTMLElement;
let screen: InterviewFeedback | null;

const RECORD: FeedbackRecord = {
  questions: [
    { t: 0, question: 'slos' },
    { t: 0, question: 'changes' },
  ],
  notes: [
    { t: 0, text: 'Watch the budget and the releases.' },
    { t: 14 * MIN, text: 'Pool looks full.' },
  ],
  hypotheses: [{ t: 12 * MIN, text: 'connections leak' }],
};

function rubricFor(pm: Postmortem, record: FeedbackRecord, endedBy: InterviewEnd): Rubric {
  return buildRubric(pm, { ...record, updates: [] }, { limitMs: 45 * MIN, endedBy });
}

function mount(options: Partial<InterviewFeedbackOptions> = {}): InterviewFeedback {
  const pm = options.postmortem ?? debriefModel();
  const record = options.record ?? RECORD;
  const endedBy = options.endedBy ?? 'resolved';
  screen = mountInterviewFeedback(root, {
    postmortem: pm,
    record,
    rubric: rubricFor(pm, record, endedBy),
    limitMs: 45 * MIN,
    endedBy,
    onDebrief: () => {},
    onRetry: () => {},
    onBack: () => {},
    ...options,
  });
  return screen;
}

const card = (key: string): HTMLElement =>
  root.querySelector<HTMLElement>(`.interview-criterion[data-criterion="${key}"]`)!;

beforeEach(() => {
  setLocale(DEFAULT_LOCALE);
  root = document.createElement('div');
  document.body.append(root);
  screen = null;
});

afterEach(() => {
  screen?.destroy();
  root.remove();
  setLocale(DEFAULT_LOCALE);
  vi.restoreAllMocks();
});

describe('interview feedback', () => {
  it('names the incident, says how it ended and gives the overall call', () => {
    mount();
    const title = getByRole(root, 'heading', { level: 1 });
    expect(title.textContent).toBe('Connection pool exhaustion');
    expect(document.activeElement).toBe(title);
    // The time of the item marked `resolution`.
    const resolution = debriefModel().timeline.find((i) => i.marks.includes('resolution'))!;
    expect(resolution.t).toBe(27 * MIN);
    expect(root.querySelector('.interview-outcome')!.textContent).toContain(
      'Resolved at T+27:00 of your 45 minutes.',
    );
    const overall = root.querySelector<HTMLElement>('.interview-overall')!;
    const rubric = rubricFor(debriefModel(), RECORD, 'resolved');
    expect(overall.dataset['recommendation']).toBe(rubric.recommendation);
    expect(overall.querySelector('.interview-recommendation svg')).not.toBeNull();
    expect(overall.textContent).toContain(translateRef(rubric.recommendationReason));
  });

  it.each([
    ['timeUp', 'Time ran out at 45 minutes before the incident was resolved.'],
    ['left', 'You left the interview at T+40:00.'],
    ['failed', 'The incident failed at T+40:00: Resolved'],
  ] as const)('says how it ended: %s', (endedBy, line) => {
    mount({ endedBy });
    expect(root.querySelector('.interview-outcome')!.textContent).toContain(line);
  });

  it('shows every criterion with its rating as a word and a shape, its findings and every moment', () => {
    const pm = debriefModel();
    const rubric = rubricFor(pm, RECORD, 'resolved');
    mount({ postmortem: pm, rubric });
    const cards = [...root.querySelectorAll<HTMLElement>('.interview-criterion')];
    expect(cards.map((c) => c.dataset['criterion'])).toEqual([
      'structuredApproach',
      'safety',
      'communication',
      'outcome',
    ]);
    let cited = 0;
    for (const c of rubric.criteria) {
      const el = card(c.key);
      expect(el.dataset['rating']).toBe(c.rating);
      const rating = el.querySelector('.interview-rating')!;
      expect(rating.textContent).toBe(
        { strong: 'Strong', mixed: 'Mixed', weak: 'Weak', notShown: 'Not shown' }[c.rating],
      );
      expect(rating.querySelector('svg.icon-verdict')).not.toBeNull();
      expect(el.textContent).toContain(translateRef(c.explanation));
      const findings = [...el.querySelectorAll<HTMLElement>('.interview-finding')];
      expect(findings.map((f) => f.dataset['check'])).toEqual(c.findings.map((f) => f.check));
      findings.forEach((f, i) => {
        expect(f.dataset['ok']).toBe(String(c.findings[i]!.ok));
        expect(f.textContent).toContain(c.findings[i]!.ok ? 'Shown:' : 'Missing:');
      });
      const moments = [...el.querySelectorAll<HTMLElement>('.interview-moment')];
      expect(moments.map((m) => Number(m.dataset['item']))).toEqual([...c.moments]);
      moments.forEach((m) => {
        const item = pm.timeline.find((i) => i.id === Number(m.dataset['item']))!;
        expect(m.textContent).toBe(`T+${formatElapsed(item.t)} — ${item.text}`);
      });
      cited += moments.length;
    }
    expect(cited).toBeGreaterThan(0);
    // The harmful lever of the fixture is behind the safety card.
    expect(card('safety').textContent).toContain('T+13:00 — Raised the pool size to 20');
  });

  it('lists notes and hypotheses in time order with their times, and the questions asked', () => {
    mount();
    const thoughts = [...root.querySelectorAll<HTMLElement>('.interview-thought')];
    expect(thoughts.map((x) => x.dataset['kind'])).toEqual(['note', 'hypothesis', 'note']);
    expect(thoughts[1]!.textContent).toBe('T+12:00Hypothesisconnections leak');
    expect(thoughts[2]!.querySelector('.interview-thought-time')!.textContent).toBe('T+14:00');
    const asked = [...root.querySelectorAll('.interview-asked-list li')].map(
      (li) => li.textContent,
    );
    expect(asked).toEqual([
      'What are the SLOs, and how much error budget is left?',
      'What changed recently, and how do releases ship?',
    ]);
  });

  it('says so when nothing was written or asked', () => {
    mount({ record: { questions: [], notes: [], hypotheses: [] } });
    expect(root.textContent).toContain('You wrote no notes or hypotheses.');
    expect(root.textContent).toContain('You asked no clarifying questions.');
  });

  it('gives two to four tips for next time', () => {
    const rubric = rubricFor(debriefModel(), RECORD, 'resolved');
    mount({ rubric });
    const tips = [...root.querySelectorAll('.interview-tip-list li')].map((li) => li.textContent);
    expect(tips).toEqual(rubric.tips.map((tip) => translateRef(tip)));
    expect(tips.length).toBeGreaterThanOrEqual(2);
    expect(tips.length).toBeLessThanOrEqual(4);
  });

  it('offers the full debrief, another try and the library', () => {
    const onDebrief = vi.fn();
    const onRetry = vi.fn();
    const onBack = vi.fn();
    mount({ onDebrief, onRetry, onBack });
    fireEvent.click(getByRole(root, 'button', { name: 'Full debrief' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Try again' }));
    fireEvent.click(getByRole(root, 'button', { name: 'Back to library' }));
    expect(onDebrief).toHaveBeenCalledTimes(1);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('renders hostile scenario, timeline and note text as text', () => {
    const hostile: FeedbackRecord = {
      questions: [{ t: 0, question: HOSTILE }],
      notes: [{ t: 0, text: HOSTILE }],
      hypotheses: [{ t: MIN, text: HOSTILE }],
    };
    mount({ postmortem: hostileDebrief(), record: hostile });
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe(
      hostileDebrief().scenario.title,
    );
    const texts = [...root.querySelectorAll('.interview-thought-text')].map((x) => x.textContent);
    expect(texts).toEqual([HOSTILE, HOSTILE]);
    expect(root.querySelector('.interview-asked-list li')!.textContent).toBe(HOSTILE);
    expect(root.querySelector('.interview-moment-list')!.textContent).toContain(HOSTILE);
  });

  it('follows the locale', () => {
    setLocale('zh-CN');
    mount();
    expect(root.textContent).toContain('评分标准');
    expect(getByRole(root, 'button', { name: '完整复盘' })).toBeDefined();
  });
});
