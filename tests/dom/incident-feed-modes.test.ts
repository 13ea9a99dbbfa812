/**
 * Hints in the incident feed by mode (src/incident-events.ts): an interview's FeedReader is built
 * with `storyHints = false` and must not hand out the hints the story offers, while a clue a
 * facilitator reveals still reaches the candidate, already open. Practice hands out both. Real
 * sessions of the pool flagship: its story offers a level-1 hint eight minutes into the outage.
 */
import { describe, expect, it } from 'vitest';
import { FeedReader } from '../../src/incident-events.ts';
import { IncidentSession } from '../../src/session/session.ts';
import type { FeedItem } from '../../src/ui/incident-types.ts';
import { scenario } from '../console/views.ts';

const POOL = scenario('pool-exhaustion-leak');
const MIN = 60_000;

type HintItem = Extract<FeedItem, { kind: 'hint' }>;
const hintsOf = (items: readonly FeedItem[]): HintItem[] =>
  items.filter((i): i is HintItem => i.kind === 'hint');

/** The story's own hint: the `hint` action of its machine, not the answer key's clue. */
function storyHintEntry(s: IncidentSession) {
  const entry = s.run.timeline.find((e) => e.kind === 'hint' && e.by === undefined);
  expect(entry, 'the story offered a hint').toBeDefined();
  return entry as Extract<typeof entry, { kind: 'hint' }>;
}

/**
 * A run past the story's hint: the outage starts near 9m20s and the story offers its hint eight
 * minutes later. A facilitator reveals the level-2 clue at 12 minutes.
 */
function runWithHintAndClue(): IncidentSession {
  const s = new IncidentSession(POOL);
  s.advanceTo(12 * MIN);
  expect(s.run.timeline.some((e) => e.kind === 'hint')).toBe(false);
  expect(s.perform({ type: 'revealClue', level: 2 }, 'facilitator')).toEqual({ ok: true });
  s.advanceTo(20 * MIN);
  const offered = storyHintEntry(s);
  expect(offered.t).toBeGreaterThan(16 * MIN);
  return s;
}

const CLUE_2 = POOL.answerKey.hints.find((h) => h.level === 2)!;
const clueItem: HintItem & { by: 'facilitator' } = {
  t: 12 * MIN,
  kind: 'hint',
  level: 2,
  text: CLUE_2.text,
  by: 'facilitator',
  taken: true,
};

describe('an interview’s feed (storyHints = false)', () => {
  it('leaves out the story’s hint but hands out the facilitator’s clue, open', () => {
    const s = runWithHintAndClue();
    const items = new FeedReader(s, true, false).take();
    expect(hintsOf(items)).toEqual([clueItem]);
    expect(items.map((i) => i.kind)).toContain('alert');
  });

  it('never hands out the story’s hint as the run moves, read a frame at a time', () => {
    const s = new IncidentSession(POOL);
    const reader = new FeedReader(s, false, false);
    const seen: FeedItem[] = [];
    for (let at = 30_000; at <= 20 * MIN; at += 30_000) {
      s.advanceTo(at);
      if (at === 12 * MIN) s.perform({ type: 'revealClue', level: 2 }, 'facilitator');
      seen.push(...reader.take());
    }
    storyHintEntry(s);
    expect(hintsOf(seen)).toEqual([clueItem]);
  });

  it('shows a clue of the same level as the story’s hint, and only that one', () => {
    const s = new IncidentSession(POOL);
    s.advanceTo(20 * MIN);
    const offered = storyHintEntry(s);
    expect(s.perform({ type: 'revealClue', level: offered.level }, 'facilitator')).toEqual({
      ok: true,
    });
    const clue = POOL.answerKey.hints.find((h) => h.level === offered.level)!;
    expect(hintsOf(new FeedReader(s, true, false).take())).toEqual([
      {
        t: 20 * MIN,
        kind: 'hint',
        level: offered.level,
        text: clue.text,
        by: 'facilitator',
        taken: true,
      },
    ]);
  });

  it('hands out everything else exactly as practice does', () => {
    const s = runWithHintAndClue();
    const withoutStoryHints = (items: readonly FeedItem[]) =>
      items.filter((i) => i.kind !== 'hint' || ('by' in i && i.by === 'facilitator'));
    const practice = new FeedReader(s, true).take();
    const interview = new FeedReader(s, true, false).take();
    expect(interview).toEqual(withoutStoryHints(practice));
    expect(interview.length).toBe(practice.length - 1);
  });
});

describe('a practice feed (default)', () => {
  it('hands out the story’s hint, offered, and the facilitator’s clue, open', () => {
    const s = runWithHintAndClue();
    const offered = storyHintEntry(s);
    const hints = hintsOf(new FeedReader(s, true).take());
    expect(hints).toEqual([
      clueItem,
      { t: offered.t, kind: 'hint', level: offered.level, text: offered.text },
    ]);
    expect(hints[1]!.taken).toBeUndefined();
  });

  it('shows the story’s hint open once the player has taken it (a resumed run)', () => {
    const s = runWithHintAndClue();
    const offered = storyHintEntry(s);
    expect(s.perform({ type: 'takeHint', level: offered.level }, 'panel')).toEqual({ ok: true });
    const hints = hintsOf(new FeedReader(s, true).take());
    expect(hints.find((h) => h.level === offered.level)).toMatchObject({
      text: offered.text,
      taken: true,
    });
  });

  it('hands out the story’s hint once, when it is offered', () => {
    const s = new IncidentSession(POOL);
    const reader = new FeedReader(s);
    const seen: HintItem[] = [];
    for (let at = 60_000; at <= 20 * MIN; at += 60_000) {
      s.advanceTo(at);
      seen.push(...hintsOf(reader.take()));
    }
    const offered = storyHintEntry(s);
    expect(seen).toEqual([
      { t: offered.t, kind: 'hint', level: offered.level, text: offered.text },
    ]);
  });
});
