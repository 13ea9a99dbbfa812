/** The unit symbols of the current locale, as the dashboards, the debrief and the replay print them. */
import { t } from '../../i18n/index.ts';
import type { UnitSymbols } from './units.ts';

export function unitSymbols(): UnitSymbols {
  return {
    reqps: t('dashboards.unit.reqps'),
    qps: t('dashboards.unit.qps'),
    tps: t('dashboards.unit.tps'),
    ops: t('dashboards.unit.ops'),
    perSec: t('dashboards.unit.perSec'),
    ms: t('dashboards.unit.ms'),
    s: t('dashboards.unit.s'),
    min: t('dashboards.unit.min'),
    h: t('dashboards.unit.h'),
    days: t('dashboards.unit.days'),
    times: t('dashboards.unit.times'),
  };
}
