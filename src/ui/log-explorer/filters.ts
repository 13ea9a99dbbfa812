/**
 * The quick filters: a service, a pod and a minimum level, as native selects (keyboard operable
 * for free). They add label matchers to whatever the query says. The pod list comes from the
 * pods seen in the store and is refreshed as lines arrive.
 */
import { t } from '../../i18n/index.ts';
import type { LabelMatcher } from '../../shared/log-query.ts';
import { h } from '../dom.ts';

export interface QuickFilters {
  readonly element: HTMLElement;
  matchers(): LabelMatcher[];
  /** Offers these pods (a pod picked earlier stays listed while it is picked). */
  setPods(pods: readonly string[]): void;
  relabel(): void;
}

export function createQuickFilters(
  prefix: string,
  services: readonly string[],
  levels: readonly string[],
  onChange: () => void,
): QuickFilters {
  const service = h('select', { className: 'logs-select', id: `${prefix}-service` });
  const level = h('select', { className: 'logs-select', id: `${prefix}-level` });
  const pod = h('select', { className: 'logs-select logs-select-pod', id: `${prefix}-pod` });
  const podLabel = h('label', { className: 'logs-filter-label', attrs: { for: pod.id } });
  let pods: readonly string[] = [];
  const serviceLabel = h('label', { className: 'logs-filter-label', attrs: { for: service.id } });
  const levelLabel = h('label', { className: 'logs-filter-label', attrs: { for: level.id } });
  service.addEventListener('change', onChange);
  level.addEventListener('change', onChange);
  pod.addEventListener('change', onChange);

  const fill = (select: HTMLSelectElement, options: ReadonlyArray<[string, string]>): void => {
    const value = select.value;
    select.replaceChildren(
      ...options.map(([v, text]) => h('option', { text, attrs: { value: v } })),
    );
    select.value = value === '' ? '' : value;
  };

  const fillPods = (): void => {
    const listed = pod.value !== '' && !pods.includes(pod.value) ? [...pods, pod.value] : pods;
    fill(pod, [['', t('logs.filter.allPods')], ...listed.map((p): [string, string] => [p, p])]);
  };

  const setPods = (next: readonly string[]): void => {
    if (next.length === pods.length && next.every((p, i) => p === pods[i])) return;
    pods = next;
    fillPods();
  };

  const relabel = (): void => {
    podLabel.textContent = t('logs.filter.pod');
    fillPods();
    serviceLabel.textContent = t('logs.filter.service');
    levelLabel.textContent = t('logs.filter.level');
    fill(service, [
      ['', t('logs.filter.allServices')],
      ...services.map((s): [string, string] => [s, s]),
    ]);
    fill(level, [
      ['', t('logs.filter.allLevels')],
      ...levels
        .slice(1)
        .map((l): [string, string] => [l, t('logs.filter.levelAtLeast', { level: l })]),
    ]);
  };

  const matchers = (): LabelMatcher[] => {
    const out: LabelMatcher[] = [];
    if (service.value !== '')
      out.push({ label: 'service', op: '=', value: service.value, re: null });
    if (pod.value !== '') out.push({ label: 'pod', op: '=', value: pod.value, re: null });
    const from = levels.indexOf(level.value);
    if (level.value !== '' && from >= 0) {
      const value = levels.slice(from).join('|');
      out.push({ label: 'level', op: '=~', value, re: new RegExp(`^(?:${value})$`) });
    }
    return out;
  };

  const element = h('div', { className: 'logs-filters' }, [
    h('div', { className: 'logs-filter' }, [serviceLabel, service]),
    h('div', { className: 'logs-filter' }, [podLabel, pod]),
    h('div', { className: 'logs-filter' }, [levelLabel, level]),
  ]);
  return { element, matchers, setPods, relabel };
}
