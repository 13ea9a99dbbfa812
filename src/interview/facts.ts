/**
 * What the candidate did, read from the postmortem's timeline and the incident record: the looks
 * (console commands and inspections), levers, hypotheses, updates, and the marked moments. The
 * rubric's rules are written over these facts, and cite the timeline items they come from.
 *
 * Order is the timeline's order (`TimelineItem.id`): it sorts by time, then puts the system's
 * events before the player's in the same second, so "before" means what the timeline shows.
 */
import type {
  Postmortem,
  Score,
  ScoreKey,
  TimelineItem,
  TimelineMark,
} from '../postmortem/model.ts';

/** The parts of the incident record the rubric reads (`IncidentRecord` has them all). */
export interface RubricRecord {
  readonly questions: readonly { readonly t: number; readonly question: string }[];
  readonly notes: readonly { readonly t: number; readonly text: string }[];
  readonly updates: readonly { readonly t: number; readonly audience: string }[];
}

export interface InterviewFacts {
  readonly pm: Postmortem;
  readonly record: RubricRecord;
  /** Console commands and inspections by the candidate. */
  readonly looks: readonly TimelineItem[];
  readonly levers: readonly TimelineItem[];
  readonly hypotheses: readonly TimelineItem[];
  /** The candidate's updates (internal and status page), as the communication score cites them. */
  readonly updates: readonly TimelineItem[];
  /** Updates posted to the status page. */
  readonly statusPosts: readonly TimelineItem[];
  readonly harmful: readonly TimelineItem[];
  readonly firstLever: TimelineItem | null;
  readonly marked: (mark: TimelineMark) => TimelineItem | null;
  readonly score: (key: ScoreKey) => Score | null;
  /** The end of the story, when it ended. */
  readonly end: TimelineItem | null;
}

const byPlayer = (i: TimelineItem): boolean => i.actor === 'player';

export function interviewFacts(pm: Postmortem, record: RubricRecord): InterviewFacts {
  const items = pm.timeline;
  const levers = items.filter((i) => i.kind === 'lever' && byPlayer(i));
  const commScore = pm.scores.find((s) => s.key === 'communication') ?? null;
  const cited = new Set(commScore?.evidence ?? []);
  // The communication score cites the declaration, every update and the ends of the longest
  // silence; of those, the updates are the player's communication items.
  const updates = items.filter((i) => cited.has(i.id) && i.kind === 'communication');
  const statusTimes = new Set(
    record.updates.filter((u) => u.audience === 'statusPage').map((u) => u.t),
  );
  return {
    pm,
    record,
    looks: items.filter((i) => i.kind === 'command' && byPlayer(i)),
    levers,
    hypotheses: items.filter((i) => i.kind === 'hypothesis' && byPlayer(i)),
    updates,
    statusPosts: updates.filter((i) => statusTimes.has(i.t)),
    harmful: levers.filter((i) => i.harmful),
    firstLever: levers[0] ?? null,
    marked: (mark) => items.find((i) => i.marks.includes(mark)) ?? null,
    score: (key) => pm.scores.find((s) => s.key === key) ?? null,
    end: items.find((i) => i.kind === 'end') ?? null,
  };
}

/** Items before `item` in the timeline's order (all of them when `item` is null). */
export const before = (
  items: readonly TimelineItem[],
  item: TimelineItem | null,
): TimelineItem[] => (item === null ? [...items] : items.filter((i) => i.id < item.id));

/** Whether a lever item is of one of these lever types (`restartPostgres`, `failover`...). */
export function leverIsOneOf(item: TimelineItem, types: readonly string[]): boolean {
  return item.kind === 'lever' && item.action !== undefined && types.includes(item.action);
}
