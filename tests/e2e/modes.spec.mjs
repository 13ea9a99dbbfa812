/**
 * The interview drill and the classroom, in real Chromium with real windows: the facilitator
 * console and the projector view are pop-ups of the playing window, kept in lockstep through a
 * BroadcastChannel. Only clicks and keys; Playwright's clock drives every window's frames.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { phase, run } from './flagships.spec.mjs';
import { open } from './smoke.spec.mjs';

const TITLE = 'Every database route is timing out';

/** Runs every window's clock in slices until `done()` holds. */
async function advance(page, done, sliceMs, slices, what) {
  for (let i = 0; i < slices; i += 1) {
    if (await done()) return;
    await page.clock.runFor(sliceMs);
  }
  assert.ok(await done(), what);
}

/** Until the story (or the countdown) ends the run. */
const untilEnded = (page, sliceMs, slices, what) =>
  advance(page, async () => (await phase(page)) === 'ended', sliceMs, slices, what);

/** The playing window at 1280x720, reduced motion (the map idles), Playwright's clock. */
const openGame = (browser, baseUrl) =>
  open(browser, baseUrl, { width: 1280, height: 720, fakeClock: true, reducedMotion: 'reduce' });

async function chooseMode(page, mode) {
  await page.locator(`label.mode-card[data-mode="${mode}"]`).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: TITLE }).click();
}

/** Opens a pop-up from `opener` by clicking `button`; returns its page. */
async function popup(opener, button) {
  const [page] = await Promise.all([opener.context().waitForEvent('page'), button.click()]);
  await page.waitForLoadState('load');
  return page;
}

const inSync = (fac) => fac.locator('.fac-link', { hasText: 'In sync' }).first().isVisible();

async function shoot(page, artifactsDir, name) {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

/** Downloads the debrief's Markdown and returns it. */
async function downloadMarkdown(page, artifactsDir) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const file = path.join(artifactsDir, `modes-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return readFile(file, 'utf8');
}

export default [
  {
    name: 'an interview: questions before the page, no pause, a countdown, an interviewer in a second window, rubric feedback',
    timeoutMs: 420_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await openGame(browser, baseUrl);
      await chooseMode(page, 'interview');

      // It opens like the real round: the architecture and the clarifying questions.
      await page.getByRole('heading', { level: 1, name: 'Interview drill' }).waitFor();
      assert.ok(await page.getByRole('img', { name: /Architecture/ }).isVisible());
      await page.getByRole('button', { name: /What changed recently/ }).click();
      await page.getByText(/The API runs v2\.14\.0/).waitFor();
      await page.getByText('30 minutes').click();
      await page.getByRole('button', { name: 'Start — take the page' }).click();

      // Live at once: a countdown, and no way to pause or speed up.
      const input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      assert.equal(await phase(page), 'live');
      await page.clock.runFor(2_000);
      assert.match(await page.getByRole('timer').textContent(), /^29:5\d left$/);
      assert.equal(await page.locator('.speed-control').isVisible(), false, 'no speed buttons');
      assert.ok(await page.getByText('No pause in an interview').isVisible());

      // The interviewer's window follows the run.
      const fac = await popup(page, page.getByRole('button', { name: 'Facilitator' }));
      await advance(page, () => inSync(fac), 500, 20, 'the facilitator console is in sync');
      await fac.getByText('v2.14.1 returns early on an error').waitFor();
      await fac.getByText('Asked before the page: “What changed recently').waitFor();

      // The interviewer injects, reveals a clue, notes, pauses: the candidate's window shows it.
      await fac.getByRole('button', { name: 'An executive asks for an ETA' }).click();
      await page.locator('.feed-list').getByText('I need an ETA').waitFor();
      await fac.getByRole('button', { name: 'Reveal clue 1' }).click();
      await page.locator('.feed-list').getByText('who holds the connections?').waitFor();
      await fac.getByRole('textbox', { name: 'Note' }).fill('Asked about recent changes first.');
      await fac.getByRole('button', { name: 'Add note' }).click();
      await fac.getByRole('button', { name: 'Pause' }).click();
      await advance(
        page,
        async () =>
          (await page.locator('.incident-status').getAttribute('data-state')) === 'paused',
        200,
        20,
        'the interviewer paused the run',
      );
      const pausedAt = await page.locator('.clock-elapsed').textContent();
      await page.clock.runFor(5_000);
      assert.equal(
        await page.locator('.clock-elapsed').textContent(),
        pausedAt,
        'the clock stopped',
      );
      await fac.getByRole('button', { name: 'Resume' }).click();

      // The candidate thinks aloud, looks, forms a hypothesis and acts.
      const respond = page.getByRole('region', { name: 'Respond' });
      await respond.getByRole('tab', { name: 'Notes' }).click();
      await respond
        .getByRole('textbox', { name: 'Thinking aloud' })
        .fill('Checking the pool first.');
      await respond.getByRole('button', { name: 'Add note' }).click();
      await page.locator('.feed-item[data-act="note"]').waitFor();
      await page.clock.runFor(150_000);
      const census = await run(
        page,
        input,
        'psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"',
      );
      assert.match(census, /idle in transaction/);
      await respond.getByRole('tab', { name: 'Hypothesis' }).click();
      await respond
        .getByRole('textbox', { name: 'Hypothesis' })
        .fill('v2.14.1 leaks connections idle in transaction');
      await respond.getByRole('button', { name: 'Note hypothesis' }).click();
      await run(page, input, 'kubectl rollout undo deployment/api');
      await advance(
        page,
        () => fac.getByText('Checking the pool first.').first().isVisible(),
        500,
        20,
        'the note reaches the interviewer',
      );
      await shoot(fac, artifactsDir, 'modes-interviewer-1280x860');

      await untilEnded(page, 30_000, 40, 'the incident ends within twenty simulated minutes');
      await page.getByRole('button', { name: 'Open the debrief' }).click();

      // Interview-style feedback on the rubric, with the moments behind each criterion.
      await page.getByRole('heading', { name: 'Structured approach' }).waitFor();
      for (const criterion of ['Safety of actions', 'Communication', 'Outcome'])
        assert.ok(await page.getByRole('heading', { name: criterion }).isVisible(), criterion);
      assert.ok((await page.locator('.interview-moment').count()) > 0, 'moments are listed');
      await page.getByText('Checking the pool first.').first().waitFor();
      await shoot(page, artifactsDir, 'modes-interview-feedback-1280x720');

      // The interviewer's note is in the postmortem.
      await page.getByRole('button', { name: 'Full debrief' }).click();
      await page.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
      const markdown = await downloadMarkdown(page, artifactsDir);
      assert.ok(markdown.includes('## Facilitation, roles and decisions'));
      assert.ok(markdown.includes('Asked about recent changes first.'));
      assert.ok(markdown.includes('Checking the pool first.'));
      await fac.close();
      await finish();
    },
  },
  {
    name: 'an interview whose countdown runs out ends there, and says so in its feedback',
    timeoutMs: 420_000,
    async run({ browser, baseUrl }) {
      const { page, finish } = await openGame(browser, baseUrl);
      await chooseMode(page, 'interview');
      await page.getByText('30 minutes').click();
      await page.getByRole('button', { name: 'Start — take the page' }).click();
      await page.getByRole('textbox', { name: 'Console command' }).waitFor();
      // Nothing is done: thirty simulated minutes at real time.
      await untilEnded(page, 120_000, 20, 'the interview ends when its thirty minutes are up');
      assert.equal(await page.getByRole('timer').textContent(), 'Time is up');
      assert.equal(await page.locator('.clock-elapsed').textContent(), 'T+30:00');
      await page.getByRole('button', { name: 'Open the debrief' }).click();
      await page
        .getByText('Time ran out at 30 minutes before the incident was resolved.')
        .first()
        .waitFor();
      assert.ok(await page.getByText('Not yet').first().isVisible(), 'the overall call');
      await finish();
    },
  },
  {
    name: 'a classroom: the facilitator drives a projector view, credits roles, records decisions; the class postmortem has them',
    timeoutMs: 420_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await openGame(browser, baseUrl);
      await chooseMode(page, 'classroom');
      await page.getByRole('button', { name: 'Take the pager' }).click();
      const input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      await page.getByRole('button', { name: '10×', exact: true }).click();

      const fac = await popup(page, page.getByRole('button', { name: 'Facilitator' }));
      await advance(page, () => inSync(fac), 500, 20, 'the facilitator console is in sync');
      const projector = await popup(fac, fac.getByRole('button', { name: 'Open projector view' }));
      await projector.setViewportSize({ width: 1920, height: 1080 });
      await advance(
        page,
        () => projector.locator('.proj-roles-list').isVisible(),
        500,
        20,
        'the projector view shows the run',
      );
      // No answer key on the projector.
      assert.equal(await projector.getByText('returns early on an error').count(), 0);

      // Roles, set by the facilitator, on the projector.
      for (const [role, person] of [
        ['commander', 'Ana'],
        ['operations', 'Ben'],
        ['communications', 'Chloé'],
      ]) {
        await fac.locator(`form.fac-role[data-role="${role}"] input`).fill(person);
        await fac.locator(`form.fac-role[data-role="${role}"] button`).click();
      }
      await advance(
        page,
        () => projector.getByText('Chloé').isVisible(),
        500,
        20,
        'roles reach the projector',
      );

      // The class works the incident; its decision is recorded and shown.
      await page.clock.runFor(10_000);
      await run(
        page,
        input,
        'psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"',
      );
      await fac.getByRole('textbox', { name: 'Decision' }).fill('Roll back v2.14.1 now');
      await fac.getByRole('combobox', { name: 'Decided by' }).selectOption('commander');
      await fac.getByRole('button', { name: 'Record decision' }).click();
      await advance(
        page,
        () => projector.getByText('Roll back v2.14.1 now', { exact: true }).isVisible(),
        500,
        20,
        'the decision reaches the projector',
      );
      await run(page, input, 'kubectl rollout undo deployment/api');

      // The story's stage change brings its discussion prompt up on the projector.
      await advance(
        page,
        () => projector.getByText('safe to roll back').isVisible(),
        2_000,
        30,
        'the recovering stage’s prompt is shown',
      );
      await shoot(projector, artifactsDir, 'modes-projector-1920x1080');
      await shoot(fac, artifactsDir, 'modes-facilitator-1280x860');

      await untilEnded(page, 5_000, 40, 'the incident ends');
      // The class postmortem, in the facilitator's window: roles, decisions, and each action
      // credited to its role. The playing window has its debrief as usual.
      await advance(
        page,
        () => fac.getByRole('button', { name: 'Class postmortem' }).isVisible(),
        500,
        20,
        'the facilitator is offered the class postmortem',
      );
      await fac.getByRole('button', { name: 'Class postmortem' }).click();
      await fac.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
      const markdown = await downloadMarkdown(fac, artifactsDir);
      assert.ok(markdown.includes('## Facilitation, roles and decisions'));
      assert.ok(markdown.includes('Roll back v2.14.1 now'));
      assert.match(markdown, /Rolled back deployment\/api · operations lead: Ben/);
      assert.match(markdown, /\| Incident commander \| Ana \|/);
      await page.getByRole('button', { name: 'Open the debrief' }).click();
      await page.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
      await projector.close();
      await fac.close();
      await finish();
    },
  },
];
