#!/usr/bin/env node
/**
 * A tiny end-to-end runner.
 *
 * 1. Builds dist/ with `vite build` if dist/index.html is missing.
 * 2. Serves it with `vite preview` on 127.0.0.1:4173 and waits until the port answers.
 * 3. Launches Chromium (CHROMIUM_PATH or /usr/bin/chromium) through playwright-core.
 * 4. Runs every tests/e2e/*.spec.mjs. A spec's default export is either
 *      async function ({ browser, baseUrl, artifactsDir }) {}
 *    or an array of tests, each `{ name, run, timeoutMs? }` or a named async function taking the
 *    same argument. A test may ask for more than the default minute (E2E_TEST_TIMEOUT_MS) with
 *    `timeoutMs`: playing an incident to its end runs thousands of frames.
 * 5. Prints `ok - name` / `not ok - name` per test and `N passed, M failed` at the end; exits
 *    non-zero on any failure. The preview server is always stopped, including on errors and signals.
 *
 * Usage: node tests/e2e/run.mjs [substring ...]   (only tests whose name contains a substring)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specDir = path.join(root, 'tests/e2e');
const artifactsDir = path.join(root, 'test-results/e2e');
const host = '127.0.0.1';
const port = 4173;
const baseUrl = `http://${host}:${port}/`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const testTimeoutMs = Number(process.env.E2E_TEST_TIMEOUT_MS || 60_000);
const filters = process.argv.slice(2);

let server;
let browser;
let passed = 0;
let failed = 0;
let aborting = false;

function log(message) {
  process.stdout.write(`${message}\n`);
}

/** Resolves with the HTTP status if something answers on baseUrl, or null if nothing does. */
function probe() {
  return new Promise((resolve) => {
    const request = http.get(baseUrl, { timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

async function startServer() {
  if ((await probe()) !== null) {
    throw new Error(`Something is already listening on ${baseUrl}; stop it and run again.`);
  }
  // detached: the server gets its own process group, so we can stop npx and vite together.
  server = spawn(
    'npx',
    ['vite', 'preview', '--host', host, '--port', String(port), '--strictPort'],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const status = await probe();
    if (status !== null) {
      if (status !== 200) throw new Error(`Preview server answered ${status} for ${baseUrl}`);
      return;
    }
    const code = await Promise.race([
      exited,
      new Promise((r) => setTimeout(() => r(undefined), 200)),
    ]);
    if (code !== undefined) {
      throw new Error(`vite preview exited early (code ${code}):\n${output}`);
    }
  }
  throw new Error(`vite preview did not answer on ${baseUrl} within 30 s:\n${output}`);
}

function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

async function cleanup() {
  if (browser) {
    const closing = browser;
    browser = undefined;
    await closing.close().catch(() => {});
  }
  stopServer();
}

process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (aborting) return;
    aborting = true;
    log(`# interrupted by ${signal}`);
    void cleanup().finally(() => {
      log(`${passed} passed, ${failed} failed`);
      process.exit(128 + os.constants.signals[signal]);
    });
  });
}

async function loadTests() {
  const files = (await readdir(specDir)).filter((f) => f.endsWith('.spec.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(specDir, file)).href);
    const spec = file.replace(/\.spec\.mjs$/, '');
    const entries = Array.isArray(mod.default) ? mod.default : [mod.default];
    for (const [index, entry] of entries.entries()) {
      if (typeof entry === 'function') {
        const name = entries.length === 1 && !entry.name ? spec : entry.name || `#${index + 1}`;
        tests.push({ name: name === spec ? spec : `${spec} › ${name}`, run: entry });
      } else if (entry && typeof entry.run === 'function' && typeof entry.name === 'string') {
        tests.push({ name: `${spec} › ${entry.name}`, run: entry.run, timeoutMs: entry.timeoutMs });
      } else {
        throw new Error(`${file}: export default a function or an array of { name, run }`);
      }
    }
  }
  return filters.length === 0
    ? tests
    : tests.filter((test) => filters.some((filter) => test.name.includes(filter)));
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

async function main() {
  if (!existsSync(path.join(root, 'dist/index.html'))) {
    log('# dist/index.html is missing: running vite build');
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
  }
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
  }
  await mkdir(artifactsDir, { recursive: true });
  const tests = await loadTests();

  await startServer();
  log(`# serving ${baseUrl}`);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // This runner handles signals itself, so it can stop the server and print a summary.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  log(`# chromium ${browser.version()}`);

  for (const test of tests) {
    if (aborting) break;
    const started = Date.now();
    try {
      await withTimeout(
        Promise.resolve().then(() => test.run({ browser, baseUrl, artifactsDir })),
        test.timeoutMs ?? testTimeoutMs,
        test.name,
      );
      passed += 1;
      log(`ok - ${test.name} (${Math.round((Date.now() - started) / 1000)} s)`);
    } catch (error) {
      if (aborting) break;
      failed += 1;
      log(`not ok - ${test.name}`);
      log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    }
  }
  if (tests.length === 0) log('# no tests matched');
  return failed === 0 && tests.length > 0 ? 0 : 1;
}

/** While a signal handler is stopping everything, wait for it: it reports and exits. */
const waitForSignalHandler = () => new Promise(() => setInterval(() => {}, 1000));

let exitCode;
try {
  exitCode = await main();
} catch (error) {
  if (aborting) await waitForSignalHandler();
  failed += 1;
  log('not ok - e2e runner');
  log(indent(error instanceof Error ? (error.stack ?? error.message) : String(error)));
  exitCode = 1;
} finally {
  if (!aborting) await cleanup();
}
if (aborting) await waitForSignalHandler();
log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
