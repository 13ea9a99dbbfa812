/** The pager's words: severities, states and counts, in the current locale. */
import { t } from '../../i18n/index.ts';
import type { PlainMessageKey } from '../../i18n/index.ts';
import type { PagerAlert, PagerState } from '../../store/index.ts';
import { targetLabel } from '../incident-format.ts';

const SEVERITY_KEYS: Readonly<Record<string, PlainMessageKey>> = {
  page: 'pager.severity.page',
  warning: 'pager.severity.warning',
  ticket: 'pager.severity.ticket',
};

const STATE_KEYS: Readonly<Record<PagerState, PlainMessageKey>> = {
  triggered: 'pager.state.triggered',
  acknowledged: 'pager.state.acknowledged',
  resolved: 'pager.state.resolved',
};

/** A severity the catalogue does not know (a scenario's own) is shown as written. */
export const severityWord = (severity: string): string => {
  const key = SEVERITY_KEYS[severity];
  return key === undefined ? severity : t(key);
};

export const stateWord = (state: PagerState): string => t(STATE_KEYS[state]);

/** High urgency (`page`) notifies the phone; warnings and tickets only land in the list. */
export const isUrgent = (page: Pick<PagerAlert, 'severity'>): boolean => page.severity === 'page';

export function notifiedText(page: PagerAlert): string {
  if (!isUrgent(page)) return t('pager.lowUrgency');
  return page.notifications === 1
    ? t('pager.notified.one')
    : t('pager.notified.other', { count: page.notifications });
}

export const escalatedText = (teams: readonly string[]): string =>
  t('pager.escalatedTo', { teams: teams.map(targetLabel).join(t('pager.listSeparator')) });

/** The file a runbook id points at, for its button: `runbooks/db-pool.md` → `db-pool.md`. */
export const runbookFile = (runbook: string): string => runbook.slice(runbook.lastIndexOf('/') + 1);
