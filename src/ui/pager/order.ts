/** Which pages come first, and how many still ring: shared by the list and the screen header. */
import type { PagerAlert, PagerState } from '../../store/index.ts';

const STATE_RANK: Readonly<Record<PagerState, number>> = {
  triggered: 0,
  acknowledged: 1,
  resolved: 2,
};

/** Pages that wake someone up come before warnings, and warnings before tickets. */
const SEVERITY_RANK: Readonly<Record<string, number>> = { page: 0, warning: 1, ticket: 2 };
const severityRank = (p: PagerAlert): number => SEVERITY_RANK[p.severity] ?? 1;

/**
 * Triggered pages first, then acknowledged, then resolved; within each, high urgency first, then
 * newest first.
 */
export function sortPages(pages: readonly PagerAlert[]): PagerAlert[] {
  return [...pages].sort(
    (a, b) =>
      STATE_RANK[a.state] - STATE_RANK[b.state] ||
      severityRank(a) - severityRank(b) ||
      b.firedAt - a.firedAt ||
      a.name.localeCompare(b.name),
  );
}

/** Pages nobody has acknowledged yet, of any severity (as PagerDuty counts "triggered"). */
export function unacknowledgedCount(pages: readonly PagerAlert[]): number {
  return pages.filter((p) => p.state === 'triggered').length;
}

/** A page's identity in the list: an alert that fires again is a new page. */
export const pageKey = (page: PagerAlert): string => `${page.name}@${page.firedAt}`;
