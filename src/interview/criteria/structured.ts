/**
 * Structured approach: observe, hypothesise, test, act, in that order. Each step is a finding:
 *
 * - observe: at least one look (a console command or inspection) before the first lever, or at
 *   all when no lever was pulled;
 * - hypothesise: a hypothesis recorded before the first lever (or at all without a lever);
 * - test: a look after a hypothesis and before the next lever that follows it;
 * - act: a lever pulled.
 *
 * Context counts too: clarifying questions asked before the page and notes written while working
 * (thinking aloud). Strong needs all four steps and some context; mixed two or three steps (or all
 * four without context); weak one; not shown when the candidate neither looked, hypothesised nor
 * acted.
 */
import type { TimelineItem } from '../../postmortem/model.ts';
import { before } from '../facts.ts';
import type { InterviewFacts } from '../facts.ts';
import type { Criterion, Finding, Rating } from '../model.ts';
import { criterion, finding, ref } from './shape.ts';

function observe(f: InterviewFacts): Finding {
  const first = f.firstLever;
  const looks = before(f.looks, first);
  if (looks.length > 0)
    return finding(
      'observedFirst',
      true,
      first
        ? ref('interview.finding.observedFirst.ok', { count: looks.length })
        : ref('interview.finding.observedFirst.noLever', { count: looks.length }),
      looks,
    );
  return first
    ? finding(
        'observedFirst',
        false,
        ref('interview.finding.observedFirst.changedFirst', { lever: first.text }),
        [first],
      )
    : finding('observedFirst', false, ref('interview.finding.observedFirst.none'));
}

function hypothesise(f: InterviewFacts): Finding {
  const first = f.firstLever;
  const early = before(f.hypotheses, first);
  if (early.length > 0)
    return finding(
      'hypothesisFirst',
      true,
      ref('interview.finding.hypothesisFirst.ok', { count: f.hypotheses.length }),
      [...early, first],
    );
  if (f.hypotheses.length > 0)
    return finding(
      'hypothesisFirst',
      false,
      ref('interview.finding.hypothesisFirst.late', { lever: first?.text ?? '' }),
      [first, f.hypotheses[0]],
    );
  return finding('hypothesisFirst', false, ref('interview.finding.hypothesisFirst.none'));
}

/** The first hypothesis followed by a look before the next lever, and that look. */
function testOf(f: InterviewFacts): [TimelineItem, TimelineItem] | null {
  for (const h of f.hypotheses) {
    const nextLever = f.levers.find((l) => l.id > h.id);
    const look = f.looks.find((l) => l.id > h.id && (!nextLever || l.id < nextLever.id));
    if (look) return [h, look];
  }
  return null;
}

function test(f: InterviewFacts): Finding {
  const tested = testOf(f);
  if (tested) return finding('tested', true, ref('interview.finding.tested.ok'), tested);
  if (f.hypotheses.length === 0)
    return finding('tested', false, ref('interview.finding.tested.nothing'));
  const h = f.hypotheses[0]!;
  const acted = f.levers.find((l) => l.id > h.id);
  return acted
    ? finding('tested', false, ref('interview.finding.tested.actedUnchecked'), [h, acted])
    : finding('tested', false, ref('interview.finding.tested.never'), [h]);
}

function act(f: InterviewFacts): Finding {
  const first = f.firstLever;
  return first
    ? finding(
        'acted',
        true,
        ref('interview.finding.acted.ok', { count: f.levers.length, lever: first.text }),
        f.levers,
      )
    : finding('acted', false, ref('interview.finding.acted.none'));
}

function context(f: InterviewFacts): Finding[] {
  const asked = f.record.questions.length;
  const notes = f.record.notes.length;
  return [
    finding(
      'askedQuestions',
      asked > 0,
      asked > 0
        ? ref('interview.finding.askedQuestions.ok', { count: asked })
        : ref('interview.finding.askedQuestions.none'),
    ),
    finding(
      'thinkingAloud',
      notes > 0,
      notes > 0
        ? ref('interview.finding.thinkingAloud.ok', { count: notes })
        : ref('interview.finding.thinkingAloud.none'),
    ),
  ];
}

export function structuredApproach(f: InterviewFacts): Criterion {
  const steps = [observe(f), hypothesise(f), test(f), act(f)];
  const extra = context(f);
  const shown = steps.filter((s) => s.ok).length;
  const withContext = extra.some((s) => s.ok);
  const didNothing = f.looks.length === 0 && f.levers.length === 0 && f.hypotheses.length === 0;
  const rating: Rating = didNothing
    ? 'notShown'
    : shown === 4 && withContext
      ? 'strong'
      : shown >= 2
        ? 'mixed'
        : 'weak';
  return criterion('structuredApproach', rating, [...steps, ...extra]);
}
