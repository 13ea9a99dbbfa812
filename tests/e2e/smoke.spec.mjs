/**
 * Smoke tests for the title screen against the production build (vite preview).
 * Screenshots go to test-results/e2e/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';

const MODES = ['Practice', 'Interview drill', 'Classroom'];

/**
 * Opens the page in a fresh context and records everything that should never happen: console
 * errors, uncaught exceptions, failed requests, HTTP errors and Content-Security-Policy violations.
 * With `fakeClock`, Playwright's clock drives timers and animation frames, so a test can run
 * minutes of the game in moments (`page.clock.runFor`). Also used by console.spec.mjs.
 */
export async function open(
  browser,
  url,
  { width = 1280, height = 720, reducedMotion = 'no-preference', fakeClock = false } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    reducedMotion,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Init scripts are injected by the browser, so they run even under the page's strict CSP.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  if (fakeClock) await page.clock.install();
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1 }).waitFor();

  return {
    page,
    async finish() {
      const violations = await page.evaluate(() => window.__cspViolations);
      await context.close();
      const all = [...problems, ...violations.map((v) => `CSP violation: ${v}`)];
      assert.deepEqual(all, [], `the page reported problems:\n${all.join('\n')}`);
    },
  };
}

async function expectEnglishTitleScreen(page) {
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'On-Call Drill');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'On-Call Drill — practise production incidents');
  assert.equal(await page.getByRole('main').count(), 1);

  const group = page.getByRole('group', { name: 'Choose a mode' });
  assert.equal(await group.getByRole('radio').count(), 3);
  assert.equal(await page.locator('.mode-card').count(), 3);
  for (const name of MODES) {
    const radio = group.getByRole('radio', { name, exact: true });
    assert.equal(await radio.count(), 1, `mode card "${name}"`);
    const card = page.locator('.mode-card', {
      has: page.getByRole('radio', { name, exact: true }),
    });
    assert.ok(await card.isVisible(), `mode card "${name}" is visible`);
    const description = (await card.locator('.mode-description').textContent()) ?? '';
    assert.ok(description.length > 20, `mode card "${name}" has a description`);
  }
  assert.ok(await group.getByRole('radio', { name: 'Practice' }).isChecked());

  const start = page.getByRole('button', { name: 'Start' });
  assert.ok(await start.isEnabled(), 'Start is enabled for Practice');
  assert.ok(await page.getByText('Next: choose an incident and read its briefing.').isVisible());
}

/** Nothing may spill sideways, and at the supported sizes everything fits without scrolling. */
async function expectFitsViewport(page) {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
  assert.ok(size.scrollWidth <= size.innerWidth, `no horizontal overflow: ${JSON.stringify(size)}`);
  assert.ok(
    size.scrollHeight <= size.innerHeight,
    `no vertical scrolling: ${JSON.stringify(size)}`,
  );
}

function atSize(width, height) {
  return {
    name: `title screen at ${width}x${height}`,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, { width, height });
      await expectEnglishTitleScreen(page);
      await expectFitsViewport(page);
      await page.screenshot({
        path: path.join(artifactsDir, `title-${width}x${height}.png`),
        animations: 'disabled',
      });
      await finish();
    },
  };
}

export default [
  {
    name: 'the live card runs the real simulation in the browser',
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, { width: 1280, height: 720 });
      const card = page.getByTestId('live-monitor');
      await page.waitForFunction(
        () =>
          !document
            .querySelector('[data-testid="live-monitor"]')
            ?.classList.contains('is-starting'),
        null,
        { timeout: 10_000 },
      );
      const clock = async () => (await card.locator('.pager-time').textContent()) ?? '';
      const first = await clock();
      assert.match(first, /\d\d:\d\d:\d\d/);
      await page.waitForTimeout(700);
      const second = await clock();
      assert.notEqual(second, first, 'the simulated clock advances');
      const points = await card.locator('polyline').getAttribute('points');
      assert.ok(
        (points ?? '').split(' ').length >= 60,
        'the chart holds at least a minute of samples',
      );
      await page.screenshot({
        path: path.join(artifactsDir, 'title-live.png'),
        animations: 'disabled',
      });
      await finish();
    },
  },
  atSize(1280, 720),
  atSize(1920, 1080),
  atSize(2560, 1440),
  {
    name: 'language toggle switches to Chinese and back',
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, { width: 1280, height: 720 });
      const toChinese = page.getByRole('button', { name: '简体中文' });
      assert.equal(await toChinese.getAttribute('aria-pressed'), 'false');
      await toChinese.click();

      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '值班演练');
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.equal(
        await page.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed'),
        'true',
      );
      assert.ok(await page.getByRole('radio', { name: '面试演练' }).isVisible());
      assert.ok(await page.getByRole('button', { name: '开始' }).isEnabled());
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-locale')),
        'zh-CN',
        'focus stays on the language button after re-rendering',
      );
      await expectFitsViewport(page);
      await page.screenshot({
        path: path.join(artifactsDir, 'title-1280x720-zh-CN.png'),
        animations: 'disabled',
      });

      await page.getByRole('button', { name: 'English' }).click();
      await expectEnglishTitleScreen(page);
      await finish();
    },
  },
  {
    name: '?lang=zh-CN opens in Chinese',
    async run({ browser, baseUrl }) {
      const { page, finish } = await open(browser, `${baseUrl}?lang=zh-CN`);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '值班演练');
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      await finish();
    },
  },
  {
    name: 'keyboard selects a mode with a visible focus ring',
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, { width: 1280, height: 720 });
      const practice = page.getByRole('radio', { name: 'Practice' });
      await practice.focus();
      await page.keyboard.press('ArrowRight');
      const interview = page.getByRole('radio', { name: 'Interview drill' });
      assert.ok(await interview.isChecked(), 'ArrowRight selects the next mode');
      assert.ok(await interview.evaluate((el) => el === document.activeElement));
      assert.ok(
        await page.getByRole('button', { name: 'Start' }).isEnabled(),
        'every mode can start',
      );
      assert.ok(
        await page
          .getByText(
            'Next: choose an incident, see the architecture and ask your clarifying questions.',
          )
          .isVisible(),
      );
      const card = page.locator('.mode-card', { has: interview });
      const outline = await card.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, 'solid', 'the focused card shows an outline');
      await page.screenshot({
        path: path.join(artifactsDir, 'title-1280x720-keyboard.png'),
        animations: 'disabled',
      });
      await finish();
    },
  },
  {
    name: 'honours prefers-reduced-motion',
    async run({ browser, baseUrl }) {
      const { page, finish } = await open(browser, baseUrl, { reducedMotion: 'reduce' });
      const animation = await page
        .locator('.status-pill .status-dot')
        .evaluate((el) => getComputedStyle(el, '::after').animationName);
      assert.equal(animation, 'none');
      await finish();
    },
  },
];
