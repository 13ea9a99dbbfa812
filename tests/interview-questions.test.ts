/**
 * The clarifying questions: nine of them, answered in both locales from the system's real
 * configuration, and never with the cause: no answer of a flagship names what its answer key
 * says went wrong.
 */
import { describe, expect, it } from 'vitest';
import { translateRef } from '../src/i18n/index.ts';
import type { Locale } from '../src/i18n/index.ts';
import { clarifyingQuestions, isQuestionId, KEY_QUESTIONS } from '../src/interview/questions.ts';
import { QUESTION_IDS } from '../src/interview/model.ts';
import type { ClarifyingQuestion } from '../src/interview/model.ts';
import { IncidentSession } from '../src/session/session.ts';
import { FLAGSHIPS, scenario } from './console/views.ts';

function questionsOf(id: string): ClarifyingQuestion[] {
  const session = new IncidentSession(scenario(id));
  return clarifyingQuestions(session.scenario, session.run.sim.state);
}

const answerText = (q: ClarifyingQuestion, locale: Locale = 'en'): string =>
  q.answer.map((line) => translateRef(line, locale)).join('\n');

describe('clarifying questions', () => {
  it('lists the nine questions in order, the key ones among them', () => {
    const qs = questionsOf('pool-exhaustion-leak');
    expect(qs.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(qs).toHaveLength(9);
    for (const k of KEY_QUESTIONS) expect(isQuestionId(k)).toBe(true);
    expect(isQuestionId('rootCause')).toBe(false);
  });

  it.each(['en', 'zh-CN'] as const)('resolves every question and answer line in %s', (locale) => {
    for (const q of questionsOf('dns-lookup-storm')) {
      expect(translateRef(q.question, locale)).not.toBe(q.question.key);
      expect(q.answer.length).toBeGreaterThan(0);
      for (const line of q.answer) {
        const text = translateRef(line, locale);
        expect(text).not.toBe(line.key);
        // Every placeholder filled, and every referenced key found.
        expect(text, line.key).not.toMatch(/\{[A-Za-z]+\}/);
        for (const key of Object.values(line.refs ?? {})) expect(text).not.toContain(key);
      }
    }
  });

  it('answers from the configuration the simulation runs with', () => {
    const session = new IncidentSession(scenario('pool-exhaustion-leak'));
    const c = session.run.sim.state.config;
    const qs = clarifyingQuestions(session.scenario, session.run.sim.state);
    const text = (id: string): string => answerText(qs.find((q) => q.id === id)!);
    expect(text('architecture')).toContain(`${c.api.replicas} pods, version ${c.api.version}`);
    expect(text('capacity')).toContain(`max_connections ${c.postgres.maxConnections}`);
    expect(text('capacity')).toContain(
      `up to ${c.api.replicas * c.api.pool.maxConns} client connections`,
    );
    expect(text('slos')).toContain(
      'Availability: 99.9% of requests succeed, over a rolling 30 days',
    );
    expect(text('slos')).toContain('ErrorBudgetBurnFast');
    expect(text('traffic')).toContain(session.scenario.briefing.normal!);
    expect(text('changes')).toContain(c.api.previousVersion);
    expect(text('oncall')).toContain('Mei (DBA on-call)');
    expect(text('tools')).toContain('kubectl: Inspect and change the Kubernetes cluster');
    expect(text('tools')).not.toContain('grep:');
  });

  it('follows the locale when shown, not when built', () => {
    const slos = questionsOf('pool-exhaustion-leak').find((q) => q.id === 'slos')!;
    expect(answerText(slos, 'en')).toContain('Error budget');
    expect(answerText(slos, 'zh-CN')).toContain('错误预算');
  });

  it.each(FLAGSHIPS)('never gives away the cause of %s', (id) => {
    const file = scenario(id);
    const lines = questionsOf(id).flatMap((q) =>
      q.answer.map((line) => translateRef(line, 'en').toLowerCase()),
    );
    // The answer key's hypothesis keywords name the cause: no answer line may hold a full set.
    for (const words of file.answerKey.hypothesisKeywords ?? [])
      for (const line of lines)
        expect(
          words.every((w) => line.includes(w.toLowerCase())),
          `${id}: ${words.join(' + ')} in "${line}"`,
        ).toBe(false);
    // Nor the version the story is about to ship, nor the leak's symptom.
    const all = lines.join('\n');
    expect(all).not.toContain('v2.14.1');
    expect(all).not.toContain('idle in transaction');
  });
});
