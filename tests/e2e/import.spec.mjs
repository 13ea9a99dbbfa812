/**
 * Scenario import in the library, in real Chromium: a broken file's problems are listed inline
 * with their paths; a valid file joins the library, survives a reload, exports unchanged and is
 * removed. And the hostile scenario: every text of a valid file holds markup and script payloads;
 * imported, briefed, played (the story's message, the hint, the alert), its runbook read and its
 * debrief opened, nothing runs, no element comes from the text, and the payloads read as text.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { phase, run, until } from './flagships.spec.mjs';
import { open } from './smoke.spec.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const fixture = (name) => path.join(FIXTURES, name);
const SHOTS = '/tmp/shots';
const DRILL_TITLE = 'Checkout drill from the instructor';

async function shoot(page, artifactsDir, name) {
  await mkdir(SHOTS, { recursive: true });
  for (const dir of [artifactsDir, SHOTS]) {
    await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
  }
}

async function library(page) {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose an incident' }).waitFor();
  await page.getByRole('button', { name: 'Every database route is timing out' }).waitFor();
}

const importInput = (page) => page.locator('.import-control input[type=file]');

/** Payloads that would run, or become elements, if any text were parsed as HTML. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    images: [...document.querySelectorAll('img')].map((img) => img.getAttribute('src')),
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute('href')),
    ).length,
  }));
  assert.deepEqual(
    found,
    { pwned: undefined, handlers: 0, images: [], scripts: 0, jsLinks: 0 },
    `nothing from the scenario's text became markup (${where})`,
  );
}

export default [
  {
    name: 'a broken file lists its problems; a valid one joins the library, exports unchanged and is removed',
    timeoutMs: 120_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, { width: 1280, height: 720 });
      await library(page);

      // A YAML syntax error: the file name and the line.
      // The fixture is a .txt on disk, so the formatter leaves it broken.
      await importInput(page).setInputFiles({
        name: 'broken.yaml',
        mimeType: 'application/yaml',
        buffer: await readFile(fixture('broken-yaml.txt')),
      });
      const alert = page.getByRole('alert');
      await alert.getByText('broken.yaml was not imported').waitFor();
      assert.match((await alert.textContent()) ?? '', /YAML syntax error at line 7, column 1/);
      assert.ok(
        await alert.evaluate((el) => el === document.activeElement),
        'the problems have the focus',
      );

      // Schema errors: one row per problem, the path in monospace, then the message.
      await importInput(page).setInputFiles(fixture('schema-error.yaml'));
      await alert.getByText('schema-error.yaml was not imported').waitFor();
      const rows = alert.getByRole('listitem');
      assert.equal(await rows.count(), 2);
      assert.equal(await rows.nth(0).locator('code').textContent(), 'answerKey.solution');
      assert.match((await rows.nth(0).textContent()) ?? '', /missing field/);
      const mono = await rows
        .nth(0)
        .locator('code')
        .evaluate((el) => getComputedStyle(el).fontFamily);
      assert.match(mono, /mono/i, 'paths are set in a monospace font');
      await shoot(page, artifactsDir, 'import-problems-1280x720');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await alert.waitFor({ state: 'detached' });

      // A valid file, through the picker the Import button opens.
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.locator('label', { hasText: 'Import scenario' }).click(),
      ]);
      await chooser.setFiles(fixture('checkout-drill.yaml'));
      const card = page.getByRole('button', { name: DRILL_TITLE });
      await card.waitFor();
      await page.getByText(`Imported “${DRILL_TITLE}” from checkout-drill.yaml.`).waitFor();
      assert.match((await card.textContent()) ?? '', /Imported/);
      assert.ok(
        await card.evaluate((el) => el === document.activeElement),
        'the new card has the focus',
      );
      await shoot(page, artifactsDir, 'import-library-1280x720');

      // A file dragged over the library shows the drop hint; dropped, it is imported.
      const text = await readFile(fixture('json-drill.json'), 'utf8');
      const files = await page.evaluateHandle((json) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([json], 'json-drill.json', { type: 'application/json' }));
        return transfer;
      }, text);
      await page.dispatchEvent('.scenario-list', 'dragenter', { dataTransfer: files });
      await page.getByText('Drop a .yaml, .yml or .json scenario to import it').waitFor();
      await shoot(page, artifactsDir, 'import-drop-1280x720');
      await page.dispatchEvent('.scenario-list', 'drop', { dataTransfer: files });
      await page.getByRole('button', { name: 'A drill written in JSON' }).waitFor();
      assert.ok(
        await page.locator('.import-drop-hint').isHidden(),
        'the hint goes once the file is dropped',
      );

      // Kept across a reload.
      await page.reload({ waitUntil: 'load' });
      await library(page);
      await card.waitFor();

      // Export gives back the very file.
      const item = page.locator('.scenario-item', { has: card });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        item.getByRole('button', { name: 'Export' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'checkout-drill.yaml');
      const saved = path.join(artifactsDir, 'exported-checkout-drill.yaml');
      await download.saveAs(saved);
      assert.equal(
        await readFile(saved, 'utf8'),
        await readFile(fixture('checkout-drill.yaml'), 'utf8'),
      );

      // Removed after a confirmation.
      await item.getByRole('button', { name: 'Remove' }).click();
      await item.getByText('Remove it from the library?').waitFor();
      await shoot(page, artifactsDir, 'import-remove-1280x720');
      await item.getByRole('button', { name: 'Remove' }).click();
      await card.waitFor({ state: 'detached' });
      await page.getByText(`Removed “${DRILL_TITLE}” from the library.`).waitFor();
      await finish();
    },
  },
  {
    name: 'a hostile scenario is inert: briefing, incident, runbooks and debrief show its payloads as text',
    timeoutMs: 300_000,
    async run({ browser, baseUrl, artifactsDir }) {
      const { page, finish } = await open(browser, baseUrl, {
        width: 1280,
        height: 720,
        fakeClock: true,
        reducedMotion: 'reduce',
      });
      // The page's policy forbids inline script and eval: the last line of defence stays shut.
      const csp = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

      await library(page);
      await importInput(page).setInputFiles(fixture('hostile.yaml'));
      const title = 'Hostile <img src=x onerror="window.__pwned=1"> drill';
      const card = page.getByRole('button', { name: title });
      await card.waitFor();
      await page.getByText('Teaser <svg onload="window.__pwned=1"></svg> with an SVG').waitFor();
      await assertInert(page, 'library');
      await shoot(page, artifactsDir, 'import-hostile-library-1280x720');

      // The briefing.
      await card.click();
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      await page.getByText('Situation <img src=x onerror="window.__pwned=1"> as text').waitFor();
      await page.getByText('Role <script>window.__pwned=1</script> on call').waitFor();
      await assertInert(page, 'briefing');

      // The incident: the story speaks after five simulated seconds, with a hint and a page.
      await page.getByRole('button', { name: 'Take the pager' }).click();
      const input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      const said = page.locator('.feed-item[data-kind="message"]', {
        hasText: 'Say <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=1</script>',
      });
      await until(page, () => said.first().isVisible(), 2, 'the story says its message');
      await page
        .locator('.feed-list')
        .getByText('Mallory <img src=x onerror="window.__pwned=1">')
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Show hint' }).first().click();
      await page.getByText('Hint <svg onload="window.__pwned=1"></svg> here').first().waitFor();
      await assertInert(page, 'incident feed');

      // The runbooks: the scenario's note, with a javascript: link and raw HTML in Markdown.
      await page.getByRole('tab', { name: 'Runbooks' }).click();
      await page
        .locator('.runbooks-item', {
          hasText: 'Hostile note <img src=x onerror="window.__pwned=1">',
        })
        .click();
      const reader = page.locator('.runbooks-reader');
      await reader
        .getByRole('heading', { name: 'Hostile note <script>window.__pwned=1</script>' })
        .waitFor();
      const body = (await reader.textContent()) ?? '';
      assert.ok(body.includes('javascript link'), 'the link text is shown');
      assert.ok(
        body.includes('javascript:window.__pwned=1'),
        'the javascript: URL is shown as text',
      );
      // Markdown may read the underscores of __pwned as emphasis; the tags stay text.
      assert.match(
        body,
        /<img src=x onerror="window\._{1,2}pwned=1"> <svg onload=/,
        'raw HTML is text',
      );
      await assertInert(page, 'runbooks');
      await shoot(page, artifactsDir, 'import-hostile-runbook-1280x720');

      // The end and the debrief, where the answer key's texts appear.
      await page.getByRole('tab', { name: 'Console' }).click();
      await run(page, input, 'kubectl rollout undo deployment/api');
      await until(page, async () => (await phase(page)) === 'ended', 5, 'the incident ends');
      await page.getByText('Reason <script>window.__pwned=1</script>').first().waitFor();
      await page.getByRole('button', { name: 'Open the debrief' }).click();
      await page.getByRole('heading', { level: 2, name: 'Scores' }).waitFor();
      await page.getByText('Root cause <img src=x onerror="window.__pwned=1">').first().waitFor();
      await assertInert(page, 'debrief');
      await shoot(page, artifactsDir, 'import-hostile-debrief-1280x720');
      await finish();
    },
  },
];
