/**
 * The first playable loop against the production build: pick an incident, take the pager, let
 * the clock run until the first alert, work the console with the keyboard, and leave again.
 * Playwright's clock drives the game's animation frames, so ten simulated minutes take moments.
 * Screenshots go to test-results/e2e/.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { open } from './smoke.spec.mjs';

const SCENARIO = 'Every database route is timing out';

/** Title → chooser → briefing → take the pager; returns the console's input line. */
async function takeThePager(page) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose an incident' }).waitFor();
  const cards = page.locator('.scenario-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 3, 'three scenarios to choose from');
  for (const card of await cards.all()) {
    const text = (await card.textContent()) ?? '';
    assert.match(text, /About \d+ min/, 'each card says how long it takes');
    assert.match(text, /Intro|Intermediate|Advanced/, 'each card says how hard it is');
  }
  await page.getByRole('button', { name: SCENARIO }).click();

  await page.getByRole('heading', { level: 2, name: SCENARIO }).waitFor();
  assert.ok(await page.getByText('What normal looks like').isVisible());
  const speed = page.getByRole('group', { name: 'Simulation speed' });
  assert.ok(
    await speed.getByRole('button', { name: '10×', exact: true }).isDisabled(),
    'no clock before the pager',
  );
  await page.getByRole('button', { name: 'Take the pager' }).click();

  const input = page.getByRole('textbox', { name: 'Console command' });
  await input.waitFor();
  assert.ok(await input.evaluate((el) => el === document.activeElement), 'the console has focus');
  return input;
}

/** Types a line with the keyboard and waits for its block in the scrollback. */
async function run(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const block = page.locator('.console-block', { hasText: line }).last();
  await block.waitFor();
  return (await block.textContent()) ?? '';
}

async function expectFits(page) {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
  assert.ok(size.scrollWidth <= size.innerWidth, `no horizontal overflow: ${JSON.stringify(size)}`);
  assert.ok(size.scrollHeight <= size.innerHeight, `no page scrolling: ${JSON.stringify(size)}`);
}

export default [
  {
    name: 'pick an incident, take the pager, work the console by keyboard',
    timeoutMs: 180_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
      });
      const input = await takeThePager(page);
      const header = page.getByRole('banner');
      assert.match((await header.textContent()) ?? '', /T\+00:0\d/);

      // The speed buttons work from the keyboard.
      const ten = page.getByRole('button', { name: '10×', exact: true });
      await ten.focus();
      await page.keyboard.press('Enter');
      assert.equal(await ten.getAttribute('aria-pressed'), 'true');
      assert.equal(
        await page.getByRole('button', { name: '1×', exact: true }).getAttribute('aria-pressed'),
        'false',
      );

      // At 10x the first alert (about 9 simulated minutes in) is under a minute of frames away.
      const alert = page.locator('.feed-item[data-kind="alert"]').first();
      for (let i = 0; i < 24 && !(await alert.isVisible()); i += 1) await page.clock.runFor(5_000);
      assert.ok(await alert.isVisible(), 'an alert reached the feed');
      const alertText = (await alert.textContent()) ?? '';
      assert.match(alertText, /Alert firing/);
      assert.match(alertText, /Page|Warning|Ticket/, 'severity is written out, not only coloured');
      assert.match((await header.textContent()) ?? '', /T\+0?9:\d\d|T\+1\d:\d\d/);
      assert.match((await header.textContent()) ?? '', /\d\d:\d\d:\d\d UTC/);

      // Pause holds the clock still.
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const elapsed = page.locator('.clock-elapsed');
      const before = await elapsed.textContent();
      await page.clock.runFor(3_000);
      assert.equal(await elapsed.textContent(), before, 'paused: the clock stands still');
      assert.match((await header.textContent()) ?? '', /Paused/);

      await input.focus();
      const pods = await run(page, 'kubectl get pods');
      assert.match(pods, /NAME\s+READY\s+STATUS/);
      assert.match(pods, /api-\S+\s+\d\/\d\s+Running/);

      const census = await run(
        page,
        'psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state;"',
      );
      assert.match(census, /idle in transaction/);

      const typo = await run(page, 'kubctl get pods');
      assert.match(typo, /command not found/);
      assert.match(typo, /Did you mean/);

      await page.keyboard.type('kubec');
      await page.keyboard.press('Tab');
      assert.equal(await input.inputValue(), 'kubectl ', 'Tab completes the command name');
      await page.keyboard.press('Control+c');
      assert.equal(await input.inputValue(), '');

      await page.keyboard.press('ArrowUp');
      assert.equal(await input.inputValue(), 'kubctl get pods', '↑ recalls the last line');
      await page.keyboard.press('ArrowUp');
      assert.match(await input.inputValue(), /^psql -c/);
      await page.keyboard.press('Escape');
      await input.fill('');

      await page.getByRole('button', { name: '1×', exact: true }).click();
      await page.clock.runFor(1_000);
      await expectFits(page);
      await page.screenshot({
        path: path.join(artifactsDir, 'incident-1280x720.png'),
        animations: 'disabled',
      });
      for (const [width, height] of [
        [1920, 1080],
        [2560, 1440],
      ]) {
        await page.setViewportSize({ width, height });
        await expectFits(page);
        await page.screenshot({
          path: path.join(artifactsDir, `incident-${width}x${height}.png`),
          animations: 'disabled',
        });
      }

      // The logs tab: a LogQL-like query over the sim's log store, rendered as text.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole('tab', { name: 'Logs' }).click();
      const query = page.getByRole('textbox', { name: 'Log query' });
      await query.fill('{service="api", level="error"} |= "deadline"');
      await page.clock.runFor(1_000);
      const logs = page.getByRole('tabpanel', { name: 'Logs' });
      await logs
        .getByText(/context deadline exceeded/)
        .first()
        .waitFor();
      await expectFits(page);
      await page.screenshot({
        path: path.join(artifactsDir, 'incident-logs-1280x720.png'),
        animations: 'disabled',
      });
      await page.getByRole('tab', { name: 'Console' }).click();

      // Leaving asks first while the incident is live, then goes back to the title screen.
      await page.getByRole('button', { name: 'Exit to the title screen' }).click();
      await page.getByRole('button', { name: 'Stay' }).waitFor();
      await page.getByRole('button', { name: 'Leave' }).click();
      await page.getByRole('heading', { level: 1, name: 'On-Call Drill' }).waitFor();
      assert.ok(
        await page
          .getByRole('button', { name: 'Start' })
          .evaluate((el) => el === document.activeElement),
        'focus returns to Start',
      );
      await finish();
    },
  },
  {
    name: 'the incident screen honours prefers-reduced-motion',
    async run({ browser, baseUrl }) {
      const { page, finish } = await open(browser, baseUrl, {
        reducedMotion: 'reduce',
        fakeClock: true,
      });
      await takeThePager(page);
      await page.getByRole('button', { name: '10×', exact: true }).click();
      const alert = page.locator('.feed-item[data-kind="alert"]').first();
      for (let i = 0; i < 24 && !(await alert.isVisible()); i += 1) await page.clock.runFor(5_000);
      assert.equal(await alert.evaluate((el) => getComputedStyle(el).animationName), 'none');
      const pulse = await page
        .locator('.incident-status .status-dot')
        .evaluate((el) => getComputedStyle(el, '::after').animationName);
      assert.equal(pulse, 'none');
      await finish();
    },
  },
  {
    name: 'respond: declare SEV2, page the DBA, read the reply',
    timeoutMs: 180_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
      });
      await takeThePager(page);
      const respond = page.getByRole('region', { name: 'Respond' });
      const feed = page.locator('.feed-list');

      // Declare, by keyboard: the first tab is Declare; Enter in the title sends.
      await respond.getByRole('tab', { name: 'Declare' }).focus();
      await respond.getByRole('combobox', { name: 'Severity' }).selectOption('SEV2');
      await respond.getByRole('textbox', { name: 'Title' }).fill('Checkout failing');
      await respond.getByRole('textbox', { name: 'Title' }).press('Enter');
      await feed.getByText('You declared SEV2: Checkout failing').waitFor();
      assert.equal(await respond.getByRole('textbox', { name: 'Title' }).inputValue(), '');
      const badge = page.getByRole('banner').locator('.incident-severity');
      assert.match((await badge.textContent()) ?? '', /SEV2/, 'the header shows the severity');

      // Page the DBA: arrow key to the Page tab.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowRight');
      const pageTab = respond.getByRole('tab', { name: 'Page', exact: true });
      assert.equal(await pageTab.getAttribute('aria-selected'), 'true', 'arrow keys change tabs');
      await respond.getByRole('combobox', { name: 'Who' }).selectOption('dba');
      await respond
        .getByRole('textbox', { name: 'Message (optional)' })
        .fill('Connections to the primary look exhausted. Can you check who holds them?');
      await respond.getByRole('button', { name: 'Page', exact: true }).click();
      await feed.getByText('You paged Mei (DBA on-call)').waitFor();

      // The DBA answers about six simulated minutes later.
      await page.getByRole('button', { name: '10×', exact: true }).click();
      const reply = page.locator('.feed-item[data-kind="reply"]').first();
      for (let i = 0; i < 16 && !(await reply.isVisible()); i += 1) await page.clock.runFor(5_000);
      assert.ok(await reply.isVisible(), "the DBA's reply reached the feed");
      assert.match((await reply.textContent()) ?? '', /Mei \(DBA on-call\)/);

      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await respond.getByRole('tab', { name: 'Hypothesis' }).click();
      await respond
        .getByRole('textbox', { name: 'Hypothesis' })
        .fill('Something since the last deploy leaks connections');
      await expectFits(page);
      await page.screenshot({
        path: path.join(artifactsDir, 'incident-respond-1280x720.png'),
        animations: 'disabled',
      });
      await finish();
    },
  },
  {
    name: 'chooser and briefing at 1280x720 and 1920x1080',
    async run({ browser, baseUrl, artifactsDir }) {
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ]) {
        const { page, finish } = await open(browser, baseUrl, { width, height });
        await page.getByRole('button', { name: 'Start' }).click();
        await page.locator('.scenario-card').first().waitFor();
        await expectFits(page);
        await page.screenshot({
          path: path.join(artifactsDir, `chooser-${width}x${height}.png`),
          animations: 'disabled',
        });
        await page.getByRole('button', { name: SCENARIO }).click();
        await page.getByRole('button', { name: 'Take the pager' }).waitFor();
        await expectFits(page);
        await page.screenshot({
          path: path.join(artifactsDir, `briefing-${width}x${height}.png`),
          animations: 'disabled',
        });
        await finish();
      }
    },
  },
];
