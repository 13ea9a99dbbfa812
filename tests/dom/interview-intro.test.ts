/**
 * The interview intro: the rules, the time limit passed to onStart, the opening and the
 * architecture, clarifying questions that reveal their answer and are reported once, and scenario
 * text that stays text.
 */
import { fireEvent, getByRole, getByText } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, setLocale } from '../../src/i18n/index.ts';
import type { ClarifyingQuestion } from '../../src/interview/model.ts';
import { clarifyingQuestions } from '../../src/interview/questions.ts';
import { IncidentSession } from '../../src/session/session.ts';
import { mountInterviewIntro } from '../../src/ui/interview-intro.ts';
import type { InterviewIntro, InterviewIntroOptions } from '../../src/ui/interview-intro.ts';
import { scenario } from '../console/views.ts';

const HOSTILE = '<img src=x onerror="globalThis.__pwned = true">';

let root: HTMLElement;
let screen: InterviewIntro | null;

const realQuestions = (): ClarifyingQuestion[] => {
  const s = new IncidentSession(scenario('pool-exhaustion-leak'));
  return clarifyingQuestions(s.scenario, s.run.sim.state);
};

function mount(options: Partial<InterviewIntroOptions> = {}): InterviewIntro {
  screen = mountInterviewIntro(root, {
    info: {
      title: 'Every database route is timing out',
      briefing: { role: 'You are on call for the API.', situation: 'It is mid-afternoon.' },
    },
    seed: 4242,
    questions: realQuestions(),
    onAsk: () => {},
    onStart: () => {},
    onBack: () => {},
    ...options,
  });
  return screen;
}

const question = (id: string): HTMLButtonElement =>
  root.querySelector<HTMLButtonElement>(`.interview-question[data-question="${id}"]`)!;
const answerOf = (id: string): HTMLElement =>
  document.getElementById(question(id).getAttribute('aria-controls')!)!;

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

describe('interview intro', () => {
  it('titles the screen, states the rules and shows the opening with the architecture', () => {
    mount();
    const title = getByRole(root, 'heading', { level: 1 });
    expect(title.textContent).toBe('Interview drill');
    expect(document.activeElement).toBe(title);
    const text = root.textContent!;
    expect(text).toContain('the same seed (4242) every time');
    expect(text).toContain('No hints.');
    expect(text).toContain('No pause');
    expect(text).toContain('countdown');
    expect(text).toContain('The incident: Every database route is timing out');
    expect(text).toContain('You are on call for the API.');
    expect(text).toContain('It is mid-afternoon.');
    expect(root.querySelector('.interview-section-opening .arch-diagram')).not.toBeNull();
  });

  it('lists every question as a button with its answer hidden until asked', () => {
    mount();
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.interview-question')];
    expect(buttons).toHaveLength(9);
    for (const b of buttons) {
      expect(b.getAttribute('aria-expanded')).toBe('false');
      expect(answerOf(b.dataset['question']!).hidden).toBe(true);
    }
    expect(root.querySelector('.interview-asked-count')!.textContent).toBe('Asked 0 of 9');
  });

  it('asking a question reveals its answer under it and calls onAsk once', () => {
    const onAsk = vi.fn();
    mount({ onAsk });
    const slos = question('slos');
    fireEvent.click(slos);
    expect(onAsk).toHaveBeenCalledTimes(1);
    expect(onAsk).toHaveBeenCalledWith('slos');
    expect(slos.getAttribute('aria-expanded')).toBe('true');
    const answer = answerOf('slos');
    expect(answer.hidden).toBe(false);
    expect(answer.textContent).toContain('Availability: 99.9% of requests succeed');
    expect(slos.closest('li')!.contains(answer)).toBe(true);
    expect(slos.textContent).toContain('Asked');
    expect(root.querySelector('.interview-asked-count')!.textContent).toBe('Asked 1 of 9');
    // Again: folds and unfolds the answer, and is not asked twice.
    fireEvent.click(slos);
    expect(answer.hidden).toBe(true);
    fireEvent.click(slos);
    expect(answer.hidden).toBe(false);
    expect(onAsk).toHaveBeenCalledTimes(1);
    // Another question is its own.
    fireEvent.click(question('changes'));
    expect(onAsk).toHaveBeenLastCalledWith('changes');
    expect(onAsk).toHaveBeenCalledTimes(2);
  });

  it('shows questions asked before a reload as answered, without asking again', () => {
    const onAsk = vi.fn();
    mount({ onAsk, asked: ['tools'] });
    expect(answerOf('tools').hidden).toBe(false);
    expect(root.querySelector('.interview-asked-count')!.textContent).toBe('Asked 1 of 9');
    fireEvent.click(question('tools'));
    expect(onAsk).not.toHaveBeenCalled();
  });

  it('passes the chosen time limit to onStart: 45 minutes unless 30 is picked', () => {
    const onStart = vi.fn();
    mount({ onStart });
    const radio30 = getByRole(root, 'radio', { name: '30 minutes' }) as HTMLInputElement;
    const radio45 = getByRole(root, 'radio', { name: '45 minutes' }) as HTMLInputElement;
    expect(radio45.checked).toBe(true);
    fireEvent.click(radio30);
    fireEvent.click(getByRole(root, 'button', { name: 'Start — take the page' }));
    expect(onStart).toHaveBeenCalledExactlyOnceWith(30 * 60_000);
  });

  it('starts with the default limit, once, and goes back', () => {
    const onStart = vi.fn();
    const onBack = vi.fn();
    mount({ onStart, onBack });
    const start = getByRole(root, 'button', { name: 'Start — take the page' });
    fireEvent.click(start);
    fireEvent.click(start);
    expect(onStart).toHaveBeenCalledExactlyOnceWith(45 * 60_000);
    fireEvent.click(getByText(root, /Back to the library/));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('renders hostile scenario text and answers as text', () => {
    mount({
      info: { title: HOSTILE, briefing: { role: HOSTILE, situation: HOSTILE } },
      questions: [
        {
          id: 'changes',
          question: { key: 'interview.question.changes' },
          answer: [{ key: 'interview.answer.changes.process', params: { situation: HOSTILE } }],
        },
      ],
    });
    fireEvent.click(question('changes'));
    expect(root.querySelector('img')).toBeNull();
    expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
    expect(root.textContent).toContain(`From the team: ${HOSTILE}`);
    expect(root.textContent).toContain(`The incident: ${HOSTILE}`);
  });

  it('follows the locale: Chinese labels and answers', () => {
    setLocale('zh-CN');
    mount();
    expect(getByRole(root, 'heading', { level: 1 }).textContent).toBe('面试演练');
    fireEvent.click(question('slos'));
    expect(answerOf('slos').textContent).toContain('错误预算');
  });

  it('destroy empties the root', () => {
    mount().destroy();
    screen = null;
    expect(root.childElementCount).toBe(0);
  });
});
