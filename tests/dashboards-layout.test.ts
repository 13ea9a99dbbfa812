/**
 * The dashboards name the sim's metrics by string (the UI may not import the sim): these tests
 * make a rename, a unit mismatch or an alert without a chart fail loudly.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_RULES, METRICS } from '../src/sim/index.ts';
import type { MetricUnit } from '../src/sim/index.ts';
import { COMPONENT_IDS } from '../src/store/index.ts';
import { en } from '../src/i18n/messages.en.ts';
import { zhCN } from '../src/i18n/messages.zh-CN.ts';
import {
  ALERTS_BELOW,
  FOCUS_TARGETS,
  ROWS,
  allDashboardMetrics,
} from '../src/ui/dashboards/layout.ts';
import type { DisplayUnit } from '../src/ui/dashboards/units.ts';

const byKey = new Map(METRICS.map((m) => [m.key, m]));

/** How each of the sim's units may be printed. */
const PRINTABLE: Readonly<Record<MetricUnit, readonly DisplayUnit[]>> = {
  rps: ['reqps', 'perSec', 'tps', 'ops'],
  qps: ['qps'],
  ratio: ['percent'],
  ms: ['ms'],
  s: ['s'],
  count: ['count', 'times', 'days'],
  bytes: ['bytes'],
  bytesps: ['bytesps'],
  percent: [],
  cores: [],
};

describe('dashboard layout', () => {
  it('plots only metrics the sim records', () => {
    const missing = allDashboardMetrics().filter((key) => !byKey.has(key));
    expect(missing).toEqual([]);
  });

  it('prints every series in a unit that matches what the sim measures', () => {
    for (const row of ROWS) {
      for (const panel of row.panels) {
        for (const s of panel.series) {
          const unit = byKey.get(s.metric)!.unit;
          expect(PRINTABLE[unit], `${panel.id} ${s.metric}`).toContain(panel.unit);
        }
      }
    }
  });

  it('draws every alert threshold on some panel', () => {
    const drawn = new Set(allDashboardMetrics());
    const orphans = ALERT_RULES.filter((r) => r.threshold && !drawn.has(r.threshold.metric)).map(
      (r) => r.name,
    );
    expect(orphans).toEqual([]);
  });

  it('tints below the line exactly the thresholds whose alerts fire below it', () => {
    for (const rule of ALERT_RULES) {
      if (!rule.threshold) continue;
      const below = /<\s*[\d.]+\s*$/.test(rule.expr);
      expect(ALERTS_BELOW.has(rule.threshold.metric), rule.name).toBe(below);
    }
  });

  it('shows most of the catalogue: every group of the sim has a row', () => {
    const groups = new Set(allDashboardMetrics().map((k) => byKey.get(k)!.group));
    for (const group of new Set(METRICS.map((m) => m.group))) expect(groups).toContain(group);
  });

  it('gives panels unique ids and titles and labels that exist in both languages', () => {
    const ids = ROWS.flatMap((r) => r.panels.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ROWS.flatMap((r) => [
      r.title,
      ...r.panels.flatMap((p) => [
        p.title,
        ...p.series.map((s) => (typeof s.label === 'string' ? s.label : s.label.key)),
        ...(p.guides ?? []).map((g) => g.label),
      ]),
    ]);
    for (const key of keys) {
      expect(Object.hasOwn(en, key), key).toBe(true);
      expect(Object.hasOwn(zhCN, key), key).toBe(true);
    }
  });

  it('takes every component of the map to a row that exists (and a panel in it)', () => {
    for (const id of COMPONENT_IDS) {
      const target = FOCUS_TARGETS[id];
      const row = ROWS.find((r) => r.id === target.row);
      expect(row, id).toBeDefined();
      if (target.panel)
        expect(
          row!.panels.map((p) => p.id),
          id,
        ).toContain(target.panel);
    }
  });
});
