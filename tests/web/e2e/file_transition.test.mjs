// End-to-end test of the web pages against the real CQPM Hub server.
//
// Starts `cqpm serve --demo` on a free port with a fresh data folder and the
// built pages (web/dist), drives Debian's chromium through playwright-core:
// logs in as the demo centre coordinator, opens a file in state "registered"
// or "draft" from the dashboard, fires a transition and checks the timeline;
// then checks that a stale page reports a version conflict, and that the
// new-file form shows the server's refusal in French next to the field.
//
// Environment: CQPM_BIN (server binary, default <repo>/build/bin/cqpm),
// CQPM_CHROMIUM (default /usr/bin/chromium), CQPM_E2E_SCREENSHOTS (a folder:
// save a screenshot of each page there).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const webDir = path.join(repo, 'web');
const distDir = path.join(webDir, 'dist');
const serverBin = path.resolve(repo, process.env.CQPM_BIN || 'build/bin/cqpm');
const chromiumPath = process.env.CQPM_CHROMIUM || '/usr/bin/chromium';
const screenshotDir = process.env.CQPM_E2E_SCREENSHOTS || null;

// The French sentences of web/src/errors.ts (the server's messages are English).
const conflictMessage = (version) =>
  `Le dossier a été modifié par quelqu'un d'autre (version ${version}). La page a été rechargée.`;
const WRONG_PASSWORD_MESSAGE = 'Identifiant ou mot de passe incorrect.';
const BIRTH_DATE_MESSAGE = 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.';

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

function freePort() {
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

async function shot(page, name) {
  if (!screenshotDir) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

describe('web: file page transition', { timeout: 150_000 }, () => {
  let server = null;
  let dataDir = null;
  let browser = null;
  let page = null;
  let base = '';
  const output = [];
  let workflow = null;

  before(async () => {
    assert.ok(existsSync(serverBin), `server binary not found: ${serverBin} (set CQPM_BIN)`);
    assert.ok(existsSync(chromiumPath), `chromium not found at ${chromiumPath}: apt-get install -y chromium`);
    const { chromium } = loadPlaywright();
    ensureDist();

    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cqpm-web-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(serverBin, ['serve', '--data', dataDir, '--port', String(port), '--demo', '--web', distDir], {
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
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  after(async () => {
    try {
      await browser?.close();
    } finally {
      await stopServer(server);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('logs in, opens a registered or draft file and fires a transition', async () => {
    // An unknown session lands on the login page.
    await page.goto(`${base}/`);
    await page.waitForURL(/\/connexion$/);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await shot(page, 'login');

    // A wrong password is refused in French.
    await page.getByLabel('Identifiant').fill('centre');
    await page.getByLabel('Mot de passe').fill('wrong-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('login-error').filter({ hasText: WRONG_PASSWORD_MESSAGE }).waitFor();

    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const header = page.getByTestId('current-user');
    await header.filter({ hasText: 'Coordinateur du centre' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Se déconnecter' }).isVisible());

    const wf = await page.request.get(`${base}/api/v1/workflows/candidate-file`);
    assert.equal(wf.status(), 200);
    workflow = await wf.json();
    const label = (state) => workflow.states.find((s) => s.id === state)?.label ?? state;

    // Pick the state through the dashboard's counts, as a person would.
    await page.getByTestId('file-row').first().waitFor();
    await shot(page, 'dashboard');
    let chosen = null;
    for (const state of ['registered', 'draft']) {
      const stat = page.getByTestId(`stat-${state}`);
      await stat.locator('.stat__count').filter({ hasText: /^\d+$/ }).waitFor();
      const count = Number(await stat.locator('.stat__count').textContent());
      if (count > 0) {
        chosen = state;
        await stat.click();
        break;
      }
    }
    assert.ok(chosen, 'the demo has no file in state registered or draft');
    await page.waitForURL(new RegExp(`etat=${chosen}`));
    await page.waitForFunction(
      (state) => {
        const rows = [...document.querySelectorAll('[data-testid="file-row"]')];
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-state') === state);
      },
      chosen,
    );
    await page.getByTestId('file-link').first().click();
    await page.waitForURL(/\/dossiers\/[^/]+$/);

    // The file page: state, timeline, the workflow drawing.
    await page.locator(`[data-testid="file-state"][data-state="${chosen}"]`).waitFor();
    await page.getByTestId('timeline-entry').first().waitFor();
    await page.locator(`[data-testid="workflow-diagram"] [aria-current="step"][data-state="${chosen}"]`).waitFor();
    const before = await page.getByTestId('timeline-entry').count();
    await shot(page, 'file');

    // Fire the first transition that needs no input; withdraw (with a reason) otherwise.
    const buttons = page.getByTestId('transitions').locator('button');
    const count = await buttons.count();
    assert.ok(count > 0, 'no transition available to the centre coordinator');
    let button = null;
    for (let i = 0; i < count; i++) {
      const b = buttons.nth(i);
      if ((await b.getAttribute('aria-haspopup')) === null) {
        button = b;
        break;
      }
    }
    let target;
    if (button) {
      target = await button.getAttribute('data-to');
      await button.click();
    } else {
      const withdraw = page.getByTestId('transition-withdraw');
      target = await withdraw.getAttribute('data-to');
      await withdraw.click();
      await page.getByTestId('transition-dialog').waitFor();
      await page.getByLabel('Motif').fill('Le candidat a quitté la région.');
      await page.getByTestId('transition-confirm').click();
    }

    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="timeline-entry"]').length === n,
      before + 1,
    );
    const last = page.getByTestId('timeline-entry').last();
    assert.equal(await last.getAttribute('data-to'), target);
    assert.match(await last.textContent(), new RegExp(label(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const me = (await page.locator('.app-header__name').textContent()).trim();
    assert.equal((await last.locator('.timeline__actor').textContent()).trim(), me, 'the actor is shown');
    await page.locator(`[data-testid="file-state"][data-state="${target}"]`).waitFor();
    await shot(page, 'file-after-transition');
  });

  it('reports a version conflict when the file changed behind the page', async () => {
    assert.ok(workflow, 'the first test did not get this far');
    const fileId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    const buttons = page.getByTestId('transitions').locator('button:not([aria-haspopup])');
    if ((await buttons.count()) === 0) return; // nothing to race with from this state
    const transition = await buttons.first().getAttribute('data-transition');

    // Someone else fires the same transition first (same session, through the API).
    const current = await (await page.request.get(`${base}/api/v1/files/${encodeURIComponent(fileId)}`)).json();
    const res = await page.request.post(`${base}/api/v1/files/${encodeURIComponent(fileId)}/transitions`, {
      headers: { 'X-CQPM-CSRF': '1', 'Content-Type': 'application/json' },
      data: { transition, expected_version: current.version, payload: {} },
    });
    assert.equal(res.status(), 200, await res.text());
    const changed = await res.json();

    const entries = await page.getByTestId('timeline-entry').count();
    await buttons.first().click();
    const notice = page.getByTestId('file-notice');
    await notice.filter({ hasText: conflictMessage(changed.version) }).waitFor();
    assert.equal((await notice.textContent()).trim(), conflictMessage(changed.version));
    // The page reloaded the file: new state, and the other person's event in the timeline.
    await page.locator(`[data-testid="file-state"][data-state="${changed.state}"]`).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="timeline-entry"]').length === n,
      entries + 1,
    );
    await shot(page, 'file-conflict');
  });

  it("shows the server's refusal of a new file in French, next to the field", async () => {
    assert.ok(workflow, 'the first test did not get this far');
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('new-file').click();
    const form = page.getByTestId('new-file-form');
    await form.waitFor();
    await form.locator('#nf-cqpm').selectOption({ index: 1 });
    await form.locator('#nf-pathway').selectOption('vae');
    await form.getByLabel('Prénom').fill('Zoé');
    await form.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await form.getByLabel('Adresse e-mail').fill('zoe.lefevre@example.org');
    // Well formed, so the page sends it; the server refuses a birth date before 1900.
    await form.getByLabel('Date de naissance').fill('1850-01-01');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Créer le dossier' }).click(),
    ]);
    assert.equal(response.status(), 400);
    const body = await response.json();
    assert.equal(body.error.code, 'invalid_field');
    assert.equal(body.error.field, 'candidate.birth_date');

    const error = page.getByTestId('error-candidate.birth_date');
    await error.filter({ hasText: BIRTH_DATE_MESSAGE }).waitFor();
    assert.equal((await error.textContent()).trim(), BIRTH_DATE_MESSAGE);
    assert.equal(await form.getByLabel('Date de naissance').getAttribute('aria-invalid'), 'true');
    assert.ok(!(await form.textContent()).includes(body.error.message), 'the English message is not shown');
    assert.equal(await page.getByTestId('new-file-error').count(), 0, 'no form-level alert for a field error');
    await shot(page, 'new-file-error');
  });
});
