import { describe, expect, it } from 'vitest';
import { CATALOGUES, translateRef } from '../src/i18n/index.ts';
import type { Locale } from '../src/i18n/index.ts';
import { COMPONENT_IDS } from '../src/store/index.ts';
import type { HealthStatus, PodPhase } from '../src/store/index.ts';
import { podEncoding, saturationColour, statusEncoding } from '../src/scenes/topology-palette.ts';
import { PodLives, podGrid, totalRestarts } from '../src/scenes/topology-pods.ts';
import {
  describeComponent,
  edgeLabel,
  metricLine,
  topologyKeys,
} from '../src/scenes/topology-text.ts';
import type { Translate } from '../src/scenes/topology-text.ts';
import { calmSnapshot, crashLoopSnapshot, degradedSnapshot } from './topology-fixtures.ts';

const translateIn =
  (locale: Locale): Translate =>
  (key, params) =>
    translateRef(params === undefined ? { key } : { key, params }, locale);
const en = translateIn('en');

describe('status encodings', () => {
  const statuses: HealthStatus[] = ['ok', 'degraded', 'down'];

  it('tells every status apart by badge shape, glyph and border, not only by colour', () => {
    const shapes = statuses.map((s) => statusEncoding(s));
    expect(new Set(shapes.map((e) => e.badge)).size).toBe(3);
    expect(new Set(shapes.map((e) => e.glyph)).size).toBe(3);
    expect(new Set(shapes.map((e) => e.border)).size).toBe(3);
  });

  it('uses the Okabe–Ito blue, orange and vermillion', () => {
    expect(statuses.map((s) => statusEncoding(s).colour)).toEqual([0x56b4e9, 0xe69f00, 0xd55e00]);
  });

  it('tells every pod phase apart without colour', () => {
    const cases: [PodPhase, boolean][] = [
      ['Pending', false],
      ['ContainerCreating', false],
      ['Running', true],
      ['Running', false],
      ['CrashLoopBackOff', false],
      ['Terminating', false],
    ];
    const looks = cases.map(([phase, ready]) => {
      const { fill, mark, alpha } = podEncoding(phase, ready);
      return `${fill}/${mark}/${alpha}`;
    });
    expect(new Set(looks).size).toBe(cases.length);
    expect(podEncoding('Pending', false).fill).toBe('none');
    expect(podEncoding('ContainerCreating', false).fill).toBe('half');
    expect(podEncoding('Running', true).fill).toBe('full');
    expect(podEncoding('CrashLoopBackOff', false).mark).toBe('cross');
    expect(podEncoding('Terminating', false).alpha).toBeLessThan(1);
  });

  it('colours the saturation ring by level', () => {
    expect(saturationColour(0.3)).toBe(0x56b4e9);
    expect(saturationColour(0.8)).toBe(0xe69f00);
    expect(saturationColour(1)).toBe(0xd55e00);
  });
});

describe('podGrid', () => {
  const band = { x: 10, y: 20, w: 100, h: 20 };

  it('centres a few pods on one row inside the band', () => {
    const grid = podGrid(4, band, 8, 3);
    expect(grid.rows).toBe(1);
    expect(grid.overflow).toBe(0);
    const first = { x: 0, y: 0 };
    const last = { x: 0, y: 0 };
    grid.slot(0, first);
    grid.slot(3, last);
    expect(first.x - band.x).toBeCloseTo(band.x + band.w - (last.x + 8));
    expect(first.y).toBe(20);
  });

  it('wraps onto a second row and sums up the rest as +N', () => {
    const grid = podGrid(40, band, 8, 3);
    expect(grid.cols).toBe(9);
    expect(grid.rows).toBe(2);
    expect(grid.shown + grid.overflow).toBe(40);
    expect(grid.shown).toBe(17);
    const point = { x: 0, y: 0 };
    for (let i = 0; i <= grid.shown; i++) {
      grid.slot(i, point);
      expect(point.x).toBeGreaterThanOrEqual(band.x);
      expect(point.x + 8).toBeLessThanOrEqual(band.x + band.w);
      expect(point.y + 8).toBeLessThanOrEqual(band.y + band.h);
    }
  });
});

describe('PodLives', () => {
  it('takes the first snapshot as already there, then grows new pods in', () => {
    const lives = new PodLives();
    const calm = calmSnapshot();
    lives.update(calm.components, 1000);
    expect(lives.appear('api', calm.components.api.pods[0]!.name, 1000)).toBe(1);
    expect(lives.animating(1000)).toBe(false);
    const crash = crashLoopSnapshot();
    lives.update(crash.components, 2000);
    const newcomer = crash.components.api.pods[5]!.name;
    expect(lives.appear('api', newcomer, 2000)).toBe(0);
    expect(lives.appear('api', newcomer, 2160)).toBeGreaterThan(0.3);
    expect(lives.animating(2100)).toBe(true);
  });

  it('bursts when a pod restarts or falls into CrashLoopBackOff, and fades Terminating pods', () => {
    const lives = new PodLives();
    lives.update(calmSnapshot().components, 0);
    const crash = crashLoopSnapshot();
    lives.update(crash.components, 500);
    const crashing = crash.components.api.pods[1]!.name;
    expect(lives.burst('api', crashing, 600)).toBeGreaterThan(0);
    expect(lives.burst('api', crashing, 5000)).toBe(-1);
    expect(lives.burst('api', crash.components.api.pods[0]!.name, 600)).toBe(-1);
    const leaving = crash.components.api.pods[5]!.name;
    expect(lives.fade('api', leaving, 500)).toBe(1);
    expect(lives.fade('api', leaving, 4000)).toBeLessThan(0.7);
  });

  it('forgets pods that are gone', () => {
    const lives = new PodLives();
    lives.update(crashLoopSnapshot().components, 0);
    const before = lives.size;
    lives.update(calmSnapshot().components, 100);
    expect(lives.size).toBeLessThan(before);
  });
});

describe('words', () => {
  it('has every key the map uses in English and Simplified Chinese', () => {
    for (const key of topologyKeys(COMPONENT_IDS)) {
      expect(CATALOGUES.en, key).toHaveProperty(key);
      expect(CATALOGUES['zh-CN'], key).toHaveProperty(key);
    }
  });

  it('describes a degraded component in words: status, rate, errors, saturation, pods', () => {
    const api = degradedSnapshot().components.api;
    expect(describeComponent(en, 'api', api)).toBe(
      'API (Go) — degraded, 520 requests/s, 12% errors, 93% saturated, 4 of 4 pods ready',
    );
  });

  it('counts pods in trouble and their restarts', () => {
    const api = crashLoopSnapshot().components.api;
    const text = describeComponent(en, 'api', api);
    expect(text).toContain('down');
    expect(text).toContain('1 of 6 pods ready');
    expect(text).toContain('2 in CrashLoopBackOff');
    expect(text).toContain('1 in Pending');
    expect(text).toContain('13 restarts');
    expect(totalRestarts(api.pods)).toBe(13);
  });

  it('speaks Simplified Chinese', () => {
    const zh = translateIn('zh-CN');
    const pool = degradedSnapshot().components.pool;
    expect(describeComponent(zh, 'pool', pool)).toBe(
      'API 数据库连接池——故障，每秒 610 次查询，错误率 12%，饱和度 100%',
    );
  });

  it('writes the card and edge labels with the right unit', () => {
    const snapshot = degradedSnapshot();
    expect(metricLine(en, snapshot.components.api)).toBe('520 rps · 12% err');
    expect(metricLine(en, snapshot.components.redis)).toBe('1.4k ops/s');
    expect(metricLine(en, snapshot.components.postgres)).toBe('700 qps');
    expect(edgeLabel(en, snapshot.edges[0]!)).toBe('420 rps · 9% err');
  });

  it('says when there is no data yet', () => {
    expect(describeComponent(en, 'redis', undefined)).toBe('Redis — no data yet');
  });
});
