/**
 * Each flagship scenario played to resolution through the game screen, the way a player does
 * it: read the briefing, take the pager, speed the clock up, acknowledge the page, declare the
 * incident, look at the evidence in the console, mitigate with typed commands, post an update,
 * and wait for the story to call it resolved. Only clicks and keys: no internal calls.
 * Playwright's clock drives the frames, so twenty simulated minutes take moments.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { open } from './smoke.spec.mjs';

/** Picks a scenario from the library and takes the pager; returns the console's input. */
export async function begin(page, title) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: title }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  assert.ok(
    await page.getByText('Service level objectives').isVisible(),
    'the briefing lists SLOs',
  );
  assert.ok(
    await page.getByRole('img', { name: /Architecture/ }).isVisible(),
    'the briefing draws the architecture',
  );
  await page.getByRole('button', { name: 'Take the pager' }).click();
  const input = page.getByRole('textbox', { name: 'Console command' });
  await input.waitFor();
  await page.getByRole('button', { name: '10×', exact: true }).click();
  return input;
}

/** Runs the clock in 5-second slices until `done()` holds (at most `limit` simulated minutes). */
export async function until(page, done, limitMinutes, what) {
  // 10x: five seconds of frames are fifty simulated seconds.
  for (let i = 0; i < (limitMinutes * 60) / 50; i += 1) {
    if (await done()) return;
    await page.clock.runFor(5_000);
  }
  assert.ok(await done(), `${what} within ${limitMinutes} simulated minutes`);
}

/** Types a console line and returns its block's text. */
export async function run(page, input, line) {
  await input.focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const block = page.locator('.console-block', { hasText: line }).last();
  await block.waitFor();
  return (await block.textContent()) ?? '';
}

/** Acknowledges the first page in the pager and checks the feed says so. */
export async function acknowledge(page) {
  const pager = page.getByRole('region', { name: 'Pager' });
  const ack = pager.getByRole('button', { name: 'Acknowledge' }).first();
  await ack.click();
  await page.locator('.feed-item[data-kind="pager"][data-event="acknowledged"]').first().waitFor();
}

export async function declare(page, severity, title) {
  const respond = page.getByRole('region', { name: 'Respond' });
  await respond.getByRole('tab', { name: 'Declare' }).click();
  await respond.getByRole('combobox', { name: 'Severity' }).selectOption(severity);
  await respond.getByRole('textbox', { name: 'Title' }).fill(title);
  await respond.getByRole('button', { name: 'Declare incident' }).click();
  await page.locator('.feed-list').getByText(`You declared ${severity}: ${title}`).waitFor();
}

export async function postUpdate(page, text) {
  const respond = page.getByRole('region', { name: 'Respond' });
  await respond.getByRole('tab', { name: 'Update' }).click();
  await respond.getByRole('textbox', { name: 'Update' }).fill(text);
  await respond.getByRole('button', { name: 'Post update' }).click();
  await page.locator('.feed-item[data-act="postUpdate"]').last().waitFor();
}

export const phase = (page) => page.locator('.incident-screen').getAttribute('data-phase');

/**
 * Waits for the story's end and takes the screenshot at `size`. The incidents are played at
 * 1280x720: every frame is drawn in software here, and fewer pixels keep the run short; the
 * window is resized for the picture.
 */
async function expectResolved(page, artifactsDir, name, size) {
  await until(page, async () => (await phase(page)) === 'ended', 30, 'the incident ends');
  const end = page.locator('.feed-item[data-kind="end"]').last();
  assert.match((await end.textContent()) ?? '', /Resolved/i, 'the story calls it resolved');
  await page.setViewportSize(size);
  await page.clock.runFor(500);
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

export const pageFiring = (page) =>
  page
    .getByRole('region', { name: 'Pager' })
    .getByRole('button', { name: 'Acknowledge' })
    .first()
    .isVisible();

export default [
  {
    name: 'flagship: pool exhaustion, played to resolution through the screen',
    timeoutMs: 300_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
      });
      const input = await begin(page, 'Every database route is timing out');
      await until(page, () => pageFiring(page), 20, 'a page fires');
      await acknowledge(page);
      await declare(page, 'SEV2', 'Checkout and order history failing');
      const census = await run(
        page,
        input,
        'psql -c "SELECT state, count(*) FROM pg_stat_activity GROUP BY state ORDER BY 2 DESC;"',
      );
      assert.match(census, /idle in transaction/);
      await run(
        page,
        input,
        `psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle in transaction';"`,
      );
      await run(
        page,
        input,
        `psql -c "ALTER SYSTEM SET idle_in_transaction_session_timeout = '30s';"`,
      );
      await run(page, input, 'psql -c "SELECT pg_reload_conf();"');
      const undo = await run(page, input, 'kubectl rollout undo deployment/api');
      assert.match(undo, /rolled back/);
      await postUpdate(
        page,
        'Rolled back v2.14.1; leaked sessions terminated. Watching error rate.',
      );
      await expectResolved(page, artifactsDir, 'flagship-pool-exhaustion-1920x1080', {
        width: 1920,
        height: 1080,
      });
      await finish();
    },
  },
  {
    name: 'flagship: latency spike, played to resolution through the screen',
    timeoutMs: 300_000,
    async run({ browser, baseUrl, artifactsDir }) {
      // Played with reduced motion: the map's flows become thick edges and labels, nothing moves.
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
        reducedMotion: 'reduce',
      });
      const input = await begin(page, 'Orders got slow after the afternoon release');
      // No page wakes anyone here: support hears it from customers first.
      const support = page.locator('.feed-item[data-kind="message"]', { hasText: 'order history' });
      await until(
        page,
        () => support.first().isVisible(),
        10,
        'support reports slow order history',
      );
      // The GC warning that fired at the release is a red herring; acknowledge it and move on.
      await acknowledge(page);
      await page.clock.runFor(6_000);
      await declare(page, 'SEV3', 'Order history slow');
      const top = await run(
        page,
        input,
        'psql -c "SELECT queryid, calls, round(mean_exec_time::numeric, 1) AS mean_ms, left(query, 60) AS query FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 5;"',
      );
      assert.match(top, /FROM "orders" WHERE customer_id = \$1 AND status/);
      await run(page, input, 'kubectl rollout history deployment/api');
      await run(page, input, 'kubectl rollout undo deployment/api');
      await postUpdate(page, 'Rolled back the release; order history latency recovering.');
      await expectResolved(page, artifactsDir, 'flagship-latency-spike-1280x720', {
        width: 1280,
        height: 720,
      });
      await finish();
    },
  },
  {
    name: 'flagship: DNS lookup storm, played to resolution through the screen',
    timeoutMs: 300_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
      });
      const input = await begin(page, 'Intermittent 5-second stalls and lookup errors');
      await until(page, () => pageFiring(page), 20, 'an alert reaches the pager');
      await acknowledge(page);
      await declare(page, 'SEV2', 'Intermittent 5 s stalls');
      await run(page, input, 'kubectl -n kube-system top pods');
      const pods = await run(page, input, 'kubectl get pods -l app=api');
      const pod = /(api-[a-z0-9]+-[a-z0-9]+)\s+1\/1\s+Running/.exec(pods)?.[1];
      assert.ok(pod, 'a running API pod to look inside');
      const resolv = await run(page, input, `kubectl exec ${pod} -- cat /etc/resolv.conf`);
      assert.match(resolv, /ndots:5/);
      await run(page, input, 'kubectl -n kube-system scale deployment coredns --replicas=8');
      await run(page, input, 'kubectl rollout undo deployment/api');
      await postUpdate(page, 'CoreDNS scaled out and the release rolled back; lookups recovering.');
      await expectResolved(page, artifactsDir, 'flagship-dns-storm-2560x1440', {
        width: 2560,
        height: 1440,
      });
      await finish();
    },
  },
];
