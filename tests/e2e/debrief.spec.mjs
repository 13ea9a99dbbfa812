/**
 * After the incident: a reload in the middle resumes the run where it was, the end opens the
 * debrief (scores with their evidence, the expert's path, the postmortem to edit and export),
 * and the history keeps the attempt, whose replay can branch into a new live incident. Only
 * clicks and keys, in real Chromium, with Playwright's clock driving the frames.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  acknowledge,
  begin,
  declare,
  pageFiring,
  phase,
  postUpdate,
  run,
  until,
} from './flagships.spec.mjs';
import { open } from './smoke.spec.mjs';

const TITLE = 'Every database route is timing out';

async function shoot(page, artifactsDir, name, size) {
  if (size) await page.setViewportSize(size);
  await page.clock.runFor(300);
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

export default [
  {
    name: 'a reload resumes the incident; the debrief scores it, and its postmortem is edited and exported',
    timeoutMs: 420_000,
    async run({ browser, baseUrl, artifactsDir }) {
      // Reduced motion: the map idles, so the simulated minutes pass quickly under the fake clock.
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
        reducedMotion: 'reduce',
      });
      const workers = [];
      page.on('worker', (worker) => workers.push(worker.url()));
      let input = await begin(page, TITLE);
      await until(page, () => pageFiring(page), 20, 'a page fires');
      await acknowledge(page);
      await declare(page, 'SEV2', 'Checkout and order history failing');
      const census = await run(
        page,
        input,
        'psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"',
      );
      assert.match(census, /idle in transaction/);
      // Let the save land (at most one a second of wall time), then reload mid-incident.
      await page.clock.runFor(2_000);
      await page.reload({ waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Start' }).click();
      const resume = page.getByRole('button', { name: 'Resume' });
      await resume.waitFor();
      await resume.click();
      input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      assert.equal(await phase(page), 'live', 'the resumed run skips the briefing');
      // What happened before the reload is still there.
      await page
        .locator('.feed-list')
        .getByText('You declared SEV2: Checkout and order history failing')
        .waitFor();
      // And so is what the console printed.
      await page.locator('.console-block', { hasText: 'GROUP BY state' }).first().waitFor();
      await page.getByRole('button', { name: '10×', exact: true }).click();
      await run(
        page,
        input,
        `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';"`,
      );
      await run(page, input, 'kubectl rollout undo deployment/api');
      await postUpdate(page, 'Rolled back v2.14.1; leaked sessions terminated. Watching.');
      await until(page, async () => (await phase(page)) === 'ended', 30, 'the incident ends');

      // The reference solution was played off the main thread.
      assert.ok(
        workers.some((url) => url.includes('reference-worker')),
        `a reference worker ran (${workers.join(', ') || 'none'})`,
      );
      await page.getByRole('button', { name: 'Open the debrief' }).click();
      await page.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
      for (const label of ['Time to acknowledge', 'Time to mitigate', 'Time to resolve'])
        assert.ok(await page.getByText(label).first().isVisible(), `${label} is shown`);
      // Each number links to the timeline entries behind it.
      await page
        .getByRole('button', { name: /Show the timeline entries behind Time to mitigate/ })
        .click();
      assert.ok(
        (await page.locator('.debrief-timeline .is-evidence').count()) > 0,
        'evidence is highlighted on the timeline',
      );
      await shoot(page, artifactsDir, 'debrief-1280x720');

      // An edit with blame in it is flagged, and still exported.
      await page
        .getByRole('button', { name: /^Edit the section/ })
        .first()
        .click();
      const text = page.getByRole('textbox', { name: /^Markdown of/ }).first();
      await text.fill('The on-call engineer should have checked the database sooner. Human error.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .locator('.debrief-badge.is-flagged:visible', { hasText: 'Needs rewording' })
        .first()
        .waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download Markdown' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^postmortem-INC-\d{8}-\d+\.md$/);
      const file = path.join(artifactsDir, download.suggestedFilename());
      await download.saveAs(file);
      const markdown = await readFile(file, 'utf8');
      for (const heading of ['## Impact', '## Timeline', '## Action items'])
        assert.ok(markdown.includes(heading), `the Markdown has ${heading}`);
      assert.ok(markdown.includes('should have checked the database'), 'the edit is exported');
      await shoot(page, artifactsDir, 'debrief-1920x1080', { width: 1920, height: 1080 });
      await page.setViewportSize({ width: 1280, height: 720 });

      // The history keeps the attempt; its replay branches into a live incident.
      await page.getByRole('button', { name: 'Back to library' }).click();
      await page.getByRole('button', { name: 'History' }).click();
      const row = page.getByRole('row', { name: /Resolved/ }).first();
      await row.waitFor();
      await shoot(page, artifactsDir, 'history-1280x720');
      await row.getByRole('button', { name: 'Replay' }).click();
      await page.getByRole('slider', { name: 'Time in the run' }).waitFor();
      await shoot(page, artifactsDir, 'replay-1280x720');
      await page
        .getByRole('button', { name: /^Branch at T\+/ })
        .first()
        .click();
      input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      assert.equal(await phase(page), 'live', 'the branch is a live incident');
      await finish();
    },
  },
];
