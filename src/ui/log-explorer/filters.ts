/**
 * The quick filters: a service and a minimum level, as native selects (keyboard operable for
 * free). They add label matchers to whatever the query says.
 */
import { t } from '../../i18n/index.ts';
import type { LabelMatcher } from '../../shared/log-query.ts';
import { h } from '../dom.ts';

export interface QuickFilters {
  readonly element: HTMLElement;
  matchers(): LabelMatcher[];
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
  const serviceLabel = h('label', { className: 'logs-filter-label', attrs: { for: service.id } });
  const levelLabel = h('label', { className: 'logs-filter-label', attrs: { for: level.id } });
  service.addEventListener('change', onChange);
  level.addEventListener('change', onChange);

  const fill = (select: HTMLSelectElement, options: ReadonlyArray<[string, string]>): void => {
    const value = select.value;
    select.replaceChildren(
      ...options.map(([v, text]) => h('option', { text, attrs: { value: v } })),
    );
    select.value = value === '' ? '' : value;
  };

  const relabel = (): void => {
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
    const from = levels.indexOf(level.value);
    if (level.value !== '' && from >= 0) {
      const value = levels.slice(from).join('|');
      out.push({ label: 'level', op: '=~', value, re: new RegExp(`^(?:${value})$`) });
    }
    return out;
  };

  const element = h('div', { className: 'logs-filters' }, [
    h('div', { className: 'logs-filter' }, [serviceLabel, service]),
    h('div', { className: 'logs-filter' }, [levelLabel, level]),
  ]);
  return { element, matchers, relabel };
}
