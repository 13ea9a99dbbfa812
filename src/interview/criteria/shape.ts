/** Building blocks of a criterion: findings with their moments, and a time as the feedback shows it. */
import type { MessageParams, MessageRef } from '../../i18n/index.ts';
import { formatDuration } from '../../postmortem/format.ts';
import type { TimelineItem } from '../../postmortem/model.ts';
import type { Criterion, CriterionKey, Finding, Rating } from '../model.ts';
import { MOMENTS_PER_FINDING } from '../norms.ts';

export const ref = (key: string, params?: MessageParams): MessageRef =>
  params ? { key, params } : { key };

/** A finding citing at most the first few of its items, in timeline order. */
export function finding(
  check: string,
  ok: boolean,
  text: MessageRef,
  items: readonly (TimelineItem | null | undefined)[] = [],
): Finding {
  const ids = [...new Set(items.filter((i): i is TimelineItem => !!i).map((i) => i.id))];
  ids.sort((a, b) => a - b);
  return { check, ok, text, moments: ids.slice(0, MOMENTS_PER_FINDING) };
}

export function criterion(
  key: CriterionKey,
  rating: Rating,
  findings: readonly Finding[],
): Criterion {
  const moments = [...new Set(findings.flatMap((f) => f.moments))].sort((a, b) => a - b);
  return {
    key,
    rating,
    explanation: ref(`interview.rubric.${key}.${rating}`),
    findings,
    moments,
  };
}

/** `07:05` (or `1:02:03` past an hour): a moment of the run, read after `T+`. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/**
 * A span of time in words (`2 min 31 s`), in the locale current at build time like the
 * postmortem's own texts: build the rubric again after a change of locale.
 */
export const span = (ms: number): string => formatDuration(ms);

/** Item texts joined into one param ("Restarted deployment/api; Deleted pod api-1"). */
export const texts = (items: readonly TimelineItem[]): string =>
  items.map((i) => i.text).join('; ');
