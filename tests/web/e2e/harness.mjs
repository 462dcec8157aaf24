// Shared by the browser tests of tests/web/e2e: starts `cqpm serve --demo`
// on a free port with a fresh data folder and the built pages (web/dist), and
// Debian's chromium through playwright-core. startServer() does the same
// without --demo and with extra arguments (an SMTP server, the public URL),
// after preparing the data folder (e.g. `cqpm admin create-admin`).
//
// Environment: CQPM_BIN (server binary, default <repo>/build/bin/cqpm),
// CQPM_CHROMIUM (default /usr/bin/chromium), CQPM_E2E_SCREENSHOTS (a folder:
// save a screenshot of each page there).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..', '..');
const webDir = path.join(repo, 'web');
const distDir = path.join(webDir, 'dist');
export const serverBin = path.resolve(repo, process.env.CQPM_BIN || 'build/bin/cqpm');
const chromiumPath = process.env.CQPM_CHROMIUM || '/usr/bin/chromium';
const screenshotDir = process.env.CQPM_E2E_SCREENSHOTS || null;

export const referentialOf = (id) =>
  JSON.parse(readFileSync(path.join(repo, 'plugins', id, 'referential.json'), 'utf8'));
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function loadPlaywright() {
  const requireFromWeb = createRequire(path.join(webDir, 'package.json'));
  try {
    return requireFromWeb('playwright-core');
  } catch (err) {
    throw new Error(`playwright-core not found in ${webDir}/node_modules: run "npm ci" in web/ (${err.message})`);
  }
}

function ensureDist() {
  if (existsSync(path.join(distDir, 'index.html'))) return;
  if (!existsSync(path.join(webDir, 'node_modules'))) {
    throw new Error(`${distDir} is missing and web/node_modules too: run "npm ci && npm run build" in web/`);
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: webDir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}

// CQPM_E2E_PORTS=first-last: a free port of that range (for a machine where each user keeps to a range;
// test files run side by side, so each tries the range from a random place); otherwise any free port.
function freePort() {
  const range = /^(\d+)-(\d+)$/.exec(process.env.CQPM_E2E_PORTS ?? '');
  if (range) return freePortIn(Number(range[1]), Number(range[2]));
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function listens(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function freePortIn(first, last) {
  const size = last - first + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = first + ((start + i) % size);
    if (await listens(port)) return port;
  }
  throw new Error(`no free port in ${first}-${last} (CQPM_E2E_PORTS)`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitReady(base, server, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`server exited (${server.exitCode ?? server.signalCode}) before ready:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output.join('')}`);
}

async function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the demo server and a browser page. Returns {base, page, output, close()}:
 * close() stops both and removes the data folder.
 */
export async function startDemo() {
  return startServer();
}

/**
 * Starts the server and a browser page. Options:
 * - demo: seed the demo data (--demo); default true;
 * - args: extra arguments of `cqpm serve`, or a function of {base, port, dataDir}
 *   giving them (e.g. ['--smtp-host', '127.0.0.1', '--public-url', base]);
 * - beforeStart: async ({dataDir, serverBin, base, port}) run once the fresh data
 *   folder exists, before the server starts (e.g. `cqpm admin create-admin`).
 * Returns {base, port, dataDir, browser, context, page, output, close()}: close()
 * stops the browser and the server and removes the data folder.
 */
export async function startServer({ demo = true, args = [], beforeStart = null } = {}) {
  assert.ok(existsSync(serverBin), `server binary not found: ${serverBin} (set CQPM_BIN)`);
  assert.ok(existsSync(chromiumPath), `chromium not found at ${chromiumPath}: apt-get install -y chromium`);
  const { chromium } = loadPlaywright();
  ensureDist();

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cqpm-web-e2e-'));
  const output = [];
  let server = null;
  let browser = null;
  const close = async () => {
    try {
      await browser?.close();
    } finally {
      await stopServer(server);
      await rm(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    if (beforeStart) await beforeStart({ dataDir, serverBin, base, port });
    const extra = typeof args === 'function' ? args({ base, port, dataDir }) : args;
    const serveArgs = ['serve', '--data', dataDir, '--port', String(port), ...(demo ? ['--demo'] : []), '--web', distDir, ...extra];
    server = spawn(serverBin, serveArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout.on('data', (d) => output.push(d.toString()));
    server.stderr.on('data', (d) => output.push(d.toString()));
    await waitReady(base, server, output, 30_000);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { base, port, dataDir, browser, context, page, output, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export async function shot(page, name) {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A page of its own browser context (its own cookies), signed in as `who` (password `demo`). */
export async function openPageAs(browser, base, who) {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Identifiant').fill(who);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  return page;
}

/**
 * An API client signed in as `who` (password `demo`) with a bearer token, for a test's set-up (the pages
 * use their cookie): `await api('POST', '/files', body)` answers the parsed body, and fails the test on a
 * status that is not 2xx, with the answer's text. A FormData body is sent as multipart/form-data.
 */
export async function apiAs(base, who) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: who, password: 'demo' }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  const { token } = JSON.parse(text);
  return async (method, apiPath, body) => {
    // A FormData body goes as multipart (fetch writes its boundary); anything else as JSON.
    const multipart = body instanceof FormData;
    const answer = await fetch(`${base}/api/v1${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(multipart ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined || multipart ? body : JSON.stringify(body),
    });
    const answerText = await answer.text();
    assert.ok(answer.ok, `${who}: ${method} ${apiPath}: ${answer.status} ${answerText}`);
    return answerText ? JSON.parse(answerText) : null;
  };
}
