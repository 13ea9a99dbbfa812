/**
 * The quick filters: a service, a pod and a minimum level, as native selects (keyboard operable
 * for free). They are a view of the query's label selector, never extra filters beside it: after
 * every query they show what it selects (one value; "Set by query" for several values, a regex
 * or a negation), and a pick rewrites that label's matchers in the query text. The pod list comes
 * from the pods seen in the store and is refreshed as lines arrive.
 */
import { t } from '../../i18n/index.ts';
import type { LabelMatcher, LogQuery } from '../../shared/log-query.ts';
import { h } from '../dom.ts';
import { EMPTY_QUERY } from '../../shared/log-query.ts';
import { matcherFor, pickFor } from './query-labels.ts';
import type { LabelPick } from './query-labels.ts';

export interface QuickFilters {
  readonly element: HTMLElement;
  /** Shows what `query` selects on each filter's label. */
  show(query: LogQuery): void;
  /** Offers these pods (a pod the query names stays listed). */
  setPods(pods: readonly string[]): void;
  relabel(): void;
}

/** The value of the "Set by query" option: no label value starts with a NUL. */
const FROM_QUERY = '\u0000query';
/** Values of an exact pick (`level="warn"`) start so, apart from the "warn and above" option. */
const EXACT = '\u0000=';

type Label = 'service' | 'pod' | 'level';

/** The option a pick selects. */
function optionValue(pick: LabelPick): string {
  if (pick.kind === 'all') return '';
  if (pick.kind === 'query') return FROM_QUERY;
  return pick.kind === 'exact' ? EXACT + pick.value : pick.value;
}

interface Filter {
  readonly label: Label;
  readonly select: HTMLSelectElement;
  readonly title: HTMLLabelElement;
  /** The options offered whatever the query says: [value, text]. */
  base(): ReadonlyArray<readonly [string, string]>;
  pick: LabelPick;
}

export function createQuickFilters(
  prefix: string,
  services: readonly string[],
  levels: readonly string[],
  /** A pick: the label's matchers become this one (null: "all", no matcher). */
  onPick: (label: Label, matcher: LabelMatcher | null) => void,
): QuickFilters {
  let pods: readonly string[] = [];
  let query: LogQuery = EMPTY_QUERY;

  const make = (label: Label, base: Filter['base'], extraClass = ''): Filter => {
    const select = h('select', {
      className: `logs-select${extraClass}`,
      id: `${prefix}-${label}`,
    });
    const title = h('label', { className: 'logs-filter-label', attrs: { for: select.id } });
    const filter: Filter = { label, select, title, base, pick: { kind: 'all' } };
    select.addEventListener('change', () => {
      const value = select.value;
      if (value === FROM_QUERY) return;
      onPick(
        label,
        value.startsWith(EXACT)
          ? { label, op: '=', value: value.slice(EXACT.length), re: null }
          : matcherFor(label, value, levels),
      );
    });
    return filter;
  };

  const service = make('service', () => [
    ['', t('logs.filter.allServices')],
    ...services.map((s): [string, string] => [s, s]),
  ]);
  const pod = make(
    'pod',
    () => [['', t('logs.filter.allPods')], ...pods.map((p): [string, string] => [p, p])],
    ' logs-select-pod',
  );
  const level = make('level', () => [
    ['', t('logs.filter.allLevels')],
    ...levels
      .slice(1)
      .map((l): [string, string] => [l, t('logs.filter.levelAtLeast', { level: l })]),
  ]);
  const filters = [service, pod, level];

  /** Fills a select with its options and the query's pick, selecting what the query says. */
  const draw = (f: Filter): void => {
    const options = f.base();
    f.pick = pickFor(
      query,
      f.label,
      levels,
      options.map(([v]) => v),
    );
    const extra: Array<readonly [string, string]> = [];
    if (f.pick.kind === 'exact')
      extra.push([
        EXACT + f.pick.value,
        f.label === 'level' ? t('logs.filter.levelOnly', { level: f.pick.value }) : f.pick.value,
      ]);
    if (f.pick.kind === 'query') extra.push([FROM_QUERY, t('logs.filter.fromQuery')]);
    f.select.replaceChildren(
      ...[...options, ...extra].map(([v, text]) => h('option', { text, attrs: { value: v } })),
    );
    f.select.value = optionValue(f.pick);
    f.select.dataset['state'] = f.pick.kind === 'query' ? 'query' : 'pick';
    // The matchers behind "Set by query", for the pointer and for assistive technology.
    if (f.pick.kind === 'query') {
      const hint = t('logs.filter.fromQueryHint', { matcher: f.pick.text });
      f.select.title = hint;
      f.select.setAttribute('aria-description', hint);
    } else {
      f.select.removeAttribute('title');
      f.select.removeAttribute('aria-description');
    }
  };

  const show = (next: LogQuery): void => {
    query = next;
    for (const f of filters) draw(f);
  };

  const setPods = (next: readonly string[]): void => {
    if (next.length === pods.length && next.every((p, i) => p === pods[i])) return;
    pods = next;
    draw(pod);
  };

  const relabel = (): void => {
    service.title.textContent = t('logs.filter.service');
    pod.title.textContent = t('logs.filter.pod');
    level.title.textContent = t('logs.filter.level');
    for (const f of filters) draw(f);
  };

  const element = h(
    'div',
    { className: 'logs-filters' },
    filters.map((f) => h('div', { className: 'logs-filter' }, [f.title, f.select])),
  );
  return { element, show, setPods, relabel };
}
