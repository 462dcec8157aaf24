// Every page fits a 390 px phone and has no serious accessibility violation. Signed out, then as each
// of the demo's thirteen accounts, the browser visits every page of web/src/app/App.tsx that the
// account can see (role_pages.mjs lists them: the files of every state, juries and each session (one
// planned, one closed), transfers, referentials with a published second version and its diff, a
// registered file offered the move to that version, open, published and rejected proposals,
// notifications, the password page, the administration, the 404 page) once each, at 390 × 844; on
// some it then opens a form (new file, plan, correction, jury, organisation, account, the withdrawal
// dialog). Each time it checks (page_checks.mjs): the document is no wider than the screen, every
// checkbox and radio sits beside its label's first line, and axe-core finds no violation of impact
// serious or critical; on each page as it loads, the document is no wider than a 1280 px desktop
// screen either. A failure names the account, the page, the rule and the elements at fault.
//
// Only the first page after a sign-in is loaded; the others are reached inside the app, as its links
// do (page_settle.mjs), so that neither the app nor axe-core is loaded again on every page.
//
// Environment: see harness.mjs; CQPM_E2E_SCREENSHOTS also keeps a screenshot of each failing page.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { referentialOf, shot, startDemo } from './harness.mjs';
import { axeViolations, misalignedChoices, overflowOf } from './page_checks.mjs';
import { followRequests, navigateInApp } from './page_settle.mjs';
import { DEMO_ACCOUNTS, VERSIONED_CQPM, pagesOf, stepsOf, signedOutPages } from './role_pages.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('web: every page fits a phone and has no serious accessibility violation', { timeout: 600_000 }, () => {
  let demo;
  let certificateCode = null;
  let visited = 0;
  let opened = 0;
  let moveSections = 0;
  before(async () => {
    const started = await startDemo();
    // A phone-sized context of its own, where the server's CSP lets the test inject axe-core's script.
    const context = await started.browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: PHONE,
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    demo = { ...started, context, page, settled: followRequests(page) };
    await seedProposals();
    await seedPlannedJury();
    certificateCode = await aCertificateCode();
  });
  after(async () => {
    console.log(`visited ${visited} pages at ${PHONE.width} px, and ${opened} of them again with a form opened`);
    await demo?.close();
  });

  async function signIn(login) {
    const { page, base, context } = demo;
    await context.clearCookies();
    await page.goto(`${base}/connexion`);
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: /connecter/i }).click();
    await page.getByRole('navigation').first().waitFor();
  }

  async function call(method, path, body) {
    return demo.page.evaluate(
      async ({ method, path, body }) => {
        const res = await fetch(`/api/v1${path}`, {
          method,
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'X-CQPM-CSRF': '1' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
        return text ? JSON.parse(text) : null;
      },
      { method, path, body },
    );
  }
  const api = (path) => call('GET', path);

  /** A published second version of VERSIONED_CQPM, one proposal left open and one rejected. */
  async function seedProposals() {
    const referential = referentialOf(VERSIONED_CQPM);
    const withCode = structuredClone(referential);
    withCode.blocs[1].code = 'BDC0199';
    const retitled = (suffix) => {
      const r = structuredClone(withCode);
      r.blocs[0].competencies[0].title += suffix;
      return r;
    };
    const propose = async (doc, reason) =>
      (await call('POST', `/cqpms/${VERSIONED_CQPM}/proposals`, { referential: doc, reason })).id;

    await signIn('gtp-employeur');
    const published = await propose(withCode, 'Code RNCP du bloc 2 attribué par France compétences.');
    await signIn('gtp-salarie');
    await call('POST', `/proposals/${published}/approve`);
    await call('POST', `/proposals/${published}/publish`);
    await signIn('gtp-employeur');
    const rejected = await propose(retitled(' (version longue)'), 'Intitulé plus explicite.');
    await propose(retitled(' (révisé)'), 'Intitulé aligné sur la fiche RNCP.');
    await signIn('gtp-salarie');
    await call('POST', `/proposals/${rejected}/reject`, { reason: 'Intitulé trop long.' });
  }

  /** A jury session still planned (the demo's is closed), a member invited: its forms are on its page. */
  async function seedPlannedJury() {
    await signIn('centre');
    const planned = { date: '2027-03-18', time: '09:30', place: 'Lyon, salle du jury' };
    const session = await call('POST', '/jury-sessions', planned);
    const accounts = (await api('/users?limit=100')).items;
    const member = accounts.find((a) => a.login === 'jury-employeur');
    await call('POST', `/jury-sessions/${session.id}/members`, { user_id: member.id, company_id: null });
    const ready = (await api('/files?state=ready_for_jury&limit=1')).items[0];
    if (ready) await call('POST', `/jury-sessions/${session.id}/files`, { file_id: ready.id });
  }

  /** The verification code of the demo's certificate, for the public verification page. */
  async function aCertificateCode() {
    await signIn('centre');
    const certified = (await api('/files?state=certified&limit=1')).items[0];
    if (!certified) return null;
    const decisions = JSON.stringify(await api(`/files/${certified.id}/decisions`));
    return decisions.match(/"verification_code":"([^"]+)"/)?.[1] ?? null;
  }

  /** The page's problems as it stands: overflow, checkboxes or radios beside no label, axe violations. */
  async function problemsHere(what) {
    const { page } = demo;
    const problems = [];
    const overflow = await overflowOf(page);
    if (overflow) problems.push(`overflow: ${overflow}`);
    problems.push(...(await misalignedChoices(page)));
    problems.push(...(await axeViolations(page)));
    if (problems.length) await shot(page, `a11y-${what.replace(/\W+/g, '-')}`);
    return problems.map((p) => `${what}: ${p}`);
  }

  /**
   * Visits the page once and answers its problems, then after each step of stepsOf (a form opened).
   * The first page after a sign-in is loaded, the others reached inside the app as its links do, so
   * that axe stays loaded.
   */
  async function problemsOf(who, path, { load }) {
    const { page, base, settled } = demo;
    if (load) await page.goto(`${base}${path}`);
    else await navigateInApp(page, path);
    await page.locator('h1').first().waitFor();
    await settled();
    if (await page.getByTestId('referential-move').isVisible()) moveSections += 1;
    const problems = await problemsHere(`${who} ${path}`);
    // A desktop screen too, for overflow only (axe's findings do not depend on the width).
    await page.setViewportSize(DESKTOP);
    const wide = await overflowOf(page);
    await page.setViewportSize(PHONE);
    if (wide) problems.push(`${who} ${path}: overflow at ${DESKTOP.width} px: ${wide}`);
    for (const step of stepsOf(path)) {
      if (!(await step.run(page))) continue;
      await settled();
      opened += 1;
      problems.push(...(await problemsHere(`${who} ${path} (${step.name})`)));
      await step.undo?.(page);
    }
    return problems;
  }

  async function checkAll(who, paths) {
    const problems = [];
    for (const [i, path] of paths.entries()) problems.push(...(await problemsOf(who, path, { load: i === 0 })));
    visited += paths.length;
    assert.equal(problems.length, 0, `\n${problems.join('\n')}`);
  }

  it('signed out: the login page, the verification page, the one-time link pages', async () => {
    await demo.context.clearCookies();
    await checkAll('signed-out', signedOutPages(certificateCode));
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.login}: every page the account can see`, async () => {
      await signIn(account.login);
      await checkAll(account.login, await pagesOf(account, api));
    });
  }

  it('the move of a file to the referential version in force was among the pages checked', () => {
    assert.ok(moveSections > 0, `no page showed the referential move (${VERSIONED_CQPM}, registered)`);
  });
});
