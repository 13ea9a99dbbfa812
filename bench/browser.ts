/**
 * `npm run bench` (second part): the game's figures in headless Chromium, from a production
 * build served locally. Merged into bench-results.json next to the simulation's figures.
 *
 *   initialJsGzipKB        gzip -9 size of the JavaScript the first screen loads (goal <= 500)
 *   firstContentfulPaintMs median first contentful paint of the title screen, cold cache
 *                          (goal <= 300)
 *   timeToInteractiveMs    median time until the title screen's Start button works and the main
 *                          thread has had no long task for 1 s after it (goal <= 1000)
 *   frameP95Ms             95th percentile frame time in an incident with every panel shown
 *                          (pager, channel, map, dashboards, logs) at 10x speed (goal <= 16.7)
 *   longTasksOver50ms      main-thread tasks over 50 ms during one simulated hour played at 10x
 *                          (incidents are played untouched, one after another, until an hour
 *                          of simulated time has passed; goal 0)
 *
 * Chromium runs with --disable-webgl: software WebGL here is 9-21 fps whatever the game does,
 * so the map falls back to Phaser's canvas renderer, as on a machine without a GPU.
 * BENCH_SIM_MINUTES shortens the long-task hour for a quick look (the figure says so).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const ROOT = new URL('..', import.meta.url).pathname;
/** BENCH_DIST serves a build made elsewhere (an older commit's, to compare) instead of building. */
const PREBUILT = process.env['BENCH_DIST'];
const OUT = PREBUILT ?? `${ROOT}node_modules/.cache/bench/dist`;
const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}/`;
const SIM_MINUTES = Number(process.env['BENCH_SIM_MINUTES'] ?? 60);
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function buildGame(): void {
  const result = spawnSync('npx', ['vite', 'build', '--outDir', OUT, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

function waitForServer(deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      http
        .get(BASE, (response) => {
          response.resume();
          resolve();
        })
        .on('error', () => {
          if (Date.now() > deadline) reject(new Error(`nothing answers on ${BASE}`));
          else setTimeout(attempt, 200);
        });
    };
    attempt();
  });
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};

/** Loads the title screen in a fresh context (cold cache) and reads its paint and JS figures. */
async function firstScreen(
  browser: Browser,
): Promise<{ fcp: number; tti: number; jsGzip: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.set(response.url(), response.body());
  });
  await page.addInitScript(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  })()`);
  await page.goto(BASE, { waitUntil: 'load' });
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await start.waitFor();
  const readyAt = await page.evaluate(() => performance.now());
  // Quiet for a second after Start is there: then the page is interactive.
  await page.waitForTimeout(1500);
  const figures = (await page.evaluate(`(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const lastTaskEnd = window.__longTasks.reduce((end, t) => Math.max(end, t.end), 0);
    return { fcp, tti: Math.max(${readyAt}, fcp, lastTaskEnd) };
  })()`)) as { fcp: number; tti: number };
  let jsGzip = 0;
  for (const body of await Promise.all(scripts.values()))
    jsGzip += gzipSync(body, { level: 9 }).length;
  await context.close();
  return { ...figures, jsGzip };
}

/** From the title screen to a live incident at 10x, with the logs tab shown. */
async function openIncident(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('button', { name: 'Take the pager' }).click();
  await page.getByRole('button', { name: '10×' }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
}

/** Simulated seconds on the header's T+ clock. */
async function simSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.clock-elapsed').first().textContent()) ?? '';
  const parts = text.replace(/^T\+/, '').split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

async function frameTimes(browser: Browser): Promise<{ p95: number; frames: number }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(BASE);
  await openIncident(page, /Every database route/);
  await page.waitForTimeout(5000);
  // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + 20000;
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  await page.close();
  return { p95: percentile(deltas.slice(1), 0.95), frames: deltas.length };
}

const FLAGSHIPS = [/Every database route/, /Orders got slow/, /Intermittent 5-second/];

async function longTasks(
  browser: Browser,
): Promise<{ count: number; worstMs: number; simMinutes: number }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  let count = 0;
  let worst = 0;
  let played = 0;
  for (let i = 0; played < SIM_MINUTES * 60; i++) {
    await page.goto(BASE);
    await openIncident(page, FLAGSHIPS[i % FLAGSHIPS.length]!);
    await page.evaluate(`(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    })()`);
    let at: number;
    for (;;) {
      await page.waitForTimeout(2000);
      at = await simSeconds(page);
      const ended = (await page.locator('.incident-screen').getAttribute('data-phase')) === 'ended';
      if (ended || played + at >= SIM_MINUTES * 60) break;
    }
    const tasks = (await page.evaluate('window.__tasks')) as number[];
    count += tasks.filter((d) => d > 50).length;
    worst = Math.max(worst, ...tasks, 0);
    played += at;
  }
  await page.close();
  return { count, worstMs: Math.round(worst), simMinutes: Math.round(played / 60) };
}

export async function measureBrowser(): Promise<Record<string, number>> {
  if (PREBUILT === undefined) buildGame();
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      OUT,
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  let browser: Browser | null = null;
  try {
    await waitForServer(Date.now() + 30_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-webgl', '--disable-gpu'],
    });
    const loads = [];
    for (let i = 0; i < 5; i++) loads.push(await firstScreen(browser));
    const frames = await frameTimes(browser);
    const tasks = await longTasks(browser);
    return {
      initialJsGzipKB: Math.round(loads[0]!.jsGzip / 1024),
      firstContentfulPaintMs: Math.round(median(loads.map((l) => l.fcp))),
      timeToInteractiveMs: Math.round(median(loads.map((l) => l.tti))),
      frameP95Ms: Number(frames.p95.toFixed(1)),
      framesMeasured: frames.frames,
      longTasksOver50ms: tasks.count,
      longestTaskMs: tasks.worstMs,
      longTaskSimMinutes: tasks.simMinutes,
    };
  } finally {
    await browser?.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

const figures = await measureBrowser();
for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(24)} ${v}\n`);
// A comparison run of another build must not overwrite this tree's figures.
if (PREBUILT !== undefined) process.exit(0);
const path = `${ROOT}bench-results.json`;
let results: Record<string, unknown> = {};
try {
  results = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
} catch {
  // No simulation figures yet: write the browser's alone.
}
const goals = (results['goals'] ?? {}) as Record<string, string>;
writeFileSync(
  path,
  `${JSON.stringify(
    {
      ...results,
      ...figures,
      goals: {
        ...goals,
        initialJsGzipKB: '<= 500',
        firstContentfulPaintMs: '<= 300',
        timeToInteractiveMs: '<= 1000',
        frameP95Ms: '<= 16.7',
        longTasksOver50ms: '0',
      },
    },
    null,
    2,
  )}\n`,
);
