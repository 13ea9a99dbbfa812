/**
 * The quick filters as a view of the query's label selector: what a select shows for the matchers
 * the query has on its label, and the query with one label's matchers replaced by a pick. Pure
 * functions over parsed queries, so the query text stays the one source of truth.
 */
import { formatLogQuery } from '../../shared/log-query.ts';
import type { LabelMatcher, LogQuery } from '../../shared/log-query.ts';

/** What a quick filter shows for its label. */
export type LabelPick =
  /** No matcher on the label: "All …". */
  | { readonly kind: 'all' }
  /** One matcher a pick of the select would write (`service="api"`; for level, "X and above"). */
  | { readonly kind: 'value'; readonly value: string }
  /** One plain `label="x"` the select has no option for (a level alone, a pod not seen yet). */
  | { readonly kind: 'exact'; readonly value: string }
  /** Several matchers, a regex or a negation: the select shows "Set by query". */
  | { readonly kind: 'query'; readonly text: string };

/** The matcher the level filter writes for "`level` and above". */
export function levelAtLeast(levels: readonly string[], level: string): LabelMatcher | null {
  const from = levels.indexOf(level);
  if (from < 0) return null;
  const value = levels.slice(from).join('|');
  return { label: 'level', op: '=~', value, re: new RegExp(`^(?:${value})$`) };
}

/** The matcher a select writes for a picked option ('' is "all": no matcher). */
export function matcherFor(
  label: string,
  value: string,
  levels: readonly string[],
): LabelMatcher | null {
  if (value === '') return null;
  if (label === 'level') return levelAtLeast(levels, value);
  return { label, op: '=', value, re: null };
}

/** What the select for `label` shows, given the query's matchers. */
export function pickFor(
  query: LogQuery,
  label: string,
  levels: readonly string[],
  options: readonly string[],
): LabelPick {
  const own = query.matchers.filter((m) => m.label === label);
  if (own.length === 0) return { kind: 'all' };
  const m = own[0]!;
  if (own.length === 1) {
    if (label === 'level') {
      // "X and above" is written as level=~"X|…|fatal"; the top level alone also fits it.
      const from = levels.findIndex((_, i) => i > 0 && m.value === levels.slice(i).join('|'));
      if (from > 0 && (m.op === '=~' || (m.op === '=' && from === levels.length - 1)))
        return { kind: 'value', value: levels[from]! };
      if (m.op === '=' && levels.includes(m.value)) return { kind: 'exact', value: m.value };
    } else if (m.op === '=') {
      return options.includes(m.value)
        ? { kind: 'value', value: m.value }
        : { kind: 'exact', value: m.value };
    }
  }
  return { kind: 'query', text: formatLogQuery({ matchers: own, filters: [] }) };
}

/**
 * The query with every matcher on `label` replaced by `matcher` (or removed, for null), put where
 * the first of them was; a new service matcher goes first, as `withService` puts it.
 */
export function withLabel(query: LogQuery, label: string, matcher: LabelMatcher | null): LogQuery {
  const at = query.matchers.findIndex((m) => m.label === label);
  const rest = query.matchers.filter((m) => m.label !== label);
  if (matcher !== null) {
    const index = at >= 0 ? at : label === 'service' ? 0 : rest.length;
    rest.splice(index, 0, matcher);
  }
  return { matchers: rest, filters: query.filters };
}
