// End-to-end test of the collaborative file page (issue 5): two evaluators
// on the same file under evaluation, each in their own browser context.
//
// Set-up through the API as the centre: a new "qualite" file of an employee
// of the demo company, registered, modalities planned and agreed, evidence
// submitted, the commission (evaluateur1, evaluateur2) formed, evaluation
// started. Then through the pages: evaluator 1 edits competency 1 and
// evaluator 2's page shows it within about a second without reload; a stale
// edit shows the conflict panel (the other's version next to one's own) and
// re-applies it; the centre uploads a document (and sees a refusal of a
// renamed file in French), which appears in the evaluators' evidence
// pickers live; a comment appears live on the other page; both evaluators
// sign every competency; the file moves to the company opinion, which the
// company tutor fills, signs and corrects. Last, on another file whose
// modalities were agreed with one evaluator planned: the next step under the
// state, the commission form pre-filled from the plan, and the one history
// (live, newest first) filtered by kind from the keyboard.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, openPageAs, shot, startDemo } from './harness.mjs';
import { SMALL_PDF, createFile, fire, planModalities } from './file_steps.mjs';

const CQPM = 'qualite';
const LIVE_MS = 1500; // "within a second", with some slack for a loaded machine
const PDF = SMALL_PDF;
const UNSUPPORTED_TYPE_MESSAGE =
  "Ce type de fichier n'est pas accepté : envoyez un PDF, un document OpenDocument ou Office, ou une image PNG ou JPEG, avec l'extension qui correspond à son contenu.";

/** A new file taken to under_evaluation with the two demo evaluators as its commission. */
async function fileUnderEvaluation(base) {
  const centre = await apiAs(base, 'centre');
  const evaluator = await apiAs(base, 'evaluateur1');
  let file = await createFile(centre, { cqpm: CQPM });
  await fire(centre, file.id, 'register');
  const view = await planModalities(centre, file.id);
  await fire(centre, file.id, 'agree_modalities');
  await fire(centre, file.id, 'submit_evidence');
  await centre('PUT', `/files/${file.id}/commission`, { evaluators: view.evaluators.map((e) => e.id) });
  file = await fire(evaluator, file.id, 'start_evaluation');
  assert.equal(file.state, 'under_evaluation');
  return { file, competencies: view.competencies.map((c) => c.number) };
}

async function openFile(page, base, fileId) {
  await page.goto(`${base}/dossiers/${encodeURIComponent(fileId)}`);
  await page.getByTestId('file-title').waitFor();
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
}

const card = (page, n) => page.locator(`[data-testid="grid-competency"][data-competency="${n}"]`);

/** Waits until `check` holds in the page and returns the time it took. */
async function within(page, check, arg, ms = LIVE_MS) {
  const start = Date.now();
  await page.waitForFunction(check, arg, { timeout: ms * 4 });
  return Date.now() - start;
}

describe('web: collaborative file page', { timeout: 220_000 }, () => {
  let demo = null;
  let base = '';
  let p1 = null; // evaluateur1 (Patrick Girard)
  let p2 = null; // evaluateur2 (Nathalie Roux)
  let p3 = null; // the centre
  let fileId = '';
  let competencies = [];

  before(async () => {
    demo = await startDemo();
    base = demo.base;
    const made = await fileUnderEvaluation(base);
    fileId = made.file.id;
    competencies = made.competencies;
    const browser = demo.page.context().browser();
    p1 = await openPageAs(browser, base, 'evaluateur1');
    p2 = await openPageAs(browser, base, 'evaluateur2');
    await Promise.all([openFile(p1, base, fileId), openFile(p2, base, fileId)]);
  });

  after(async () => {
    await demo?.close();
  });

  it("shows evaluator 1's edit on evaluator 2's page within a second, without reload", async () => {
    for (const page of [p1, p2]) {
      await page.locator('[data-testid="evaluation-grid"][data-editable="true"]').waitFor();
      assert.equal(await page.getByTestId('grid-competency').count(), competencies.length);
    }
    const text = 'Démarche de contrôle maîtrisée, plan de surveillance expliqué.';
    const c1 = card(p1, 1);
    await c1.getByTestId('grid-result').selectOption('acquired');
    await c1.getByTestId('grid-observations-methods').fill(text);
    const [saved] = await Promise.all([
      p1.waitForResponse((r) => r.url().endsWith('/evaluation/1') && r.request().method() === 'PUT'),
      c1.getByTestId('grid-save').click(),
    ]);
    assert.equal(saved.status(), 200, await saved.text());
    assert.ok(saved.request().headers()['if-match'], 'the save carries If-Match');
    const elapsed = await within(
      p2,
      (t) => {
        const el = document.querySelector('[data-testid="grid-competency"][data-competency="1"]');
        return (
          el?.querySelector('[data-testid="grid-result"]')?.value === 'acquired' &&
          el?.querySelector('[data-testid="grid-observations-methods"]')?.value === t
        );
      },
      text,
    );
    assert.ok(elapsed < LIVE_MS, `evaluator 2 saw the change after ${elapsed} ms`);
    await card(p1, 1).getByTestId('grid-message').filter({ hasText: 'Compétence 1 enregistrée' }).waitFor();
    // The activity feed says it in French, live too.
    await p2.getByTestId('history-entry').filter({ hasText: "Patrick Girard a modifié l'évaluation de la compétence 1" }).first().waitFor();
    await shot(p2, 'collab-live-edit');
  });

  it('shows the other version when a stale edit is saved, and re-applies it on request', async () => {
    // Evaluator 2 starts typing on competency 2 ...
    const mine = 'Observation de Nathalie : écarts bien analysés.';
    await card(p2, 2).getByTestId('grid-observations-methods').fill(mine);
    // ... while evaluator 1 saves another version of it.
    const theirs = 'Observation de Patrick : méthode 8D appliquée.';
    const c1 = card(p1, 2);
    await c1.getByTestId('grid-result').selectOption('acquired');
    await c1.getByTestId('grid-observations-methods').fill(theirs);
    await c1.getByTestId('grid-save').click();
    await c1.getByTestId('grid-message').filter({ hasText: 'Compétence 2 enregistrée' }).waitFor();
    // Evaluator 2's page keeps their text and says the competency changed meanwhile.
    await card(p2, 2).getByTestId('grid-changed-meanwhile').waitFor();
    assert.equal(await card(p2, 2).getByTestId('grid-observations-methods').inputValue(), mine);

    const [stale] = await Promise.all([
      p2.waitForResponse((r) => r.url().endsWith('/evaluation/2') && r.request().method() === 'PUT'),
      card(p2, 2).getByTestId('grid-save').click(),
    ]);
    assert.equal(stale.status(), 412, await stale.text());
    const conflict = card(p2, 2).getByTestId('grid-conflict');
    await conflict.waitFor();
    assert.equal((await conflict.getByTestId('grid-conflict-theirs-observations-methods').textContent()).trim(), theirs);
    assert.equal((await conflict.getByTestId('grid-conflict-mine-observations-methods').textContent()).trim(), mine);
    assert.match(await conflict.textContent(), /Patrick Girard a enregistré une autre version/);
    await shot(p2, 'collab-conflict');

    // Nothing was overwritten: evaluator 1 still sees their version.
    assert.equal(await card(p1, 2).getByTestId('grid-observations-methods').inputValue(), theirs);
    // Evaluator 2 re-applies their change on top of the current version.
    const [reapplied] = await Promise.all([
      p2.waitForResponse((r) => r.url().endsWith('/evaluation/2') && r.request().method() === 'PUT'),
      conflict.getByTestId('grid-conflict-reapply').click(),
    ]);
    assert.equal(reapplied.status(), 200, await reapplied.text());
    await card(p2, 2).getByTestId('grid-conflict').waitFor({ state: 'detached' });
    await within(
      p1,
      (t) => document.querySelector('[data-testid="grid-competency"][data-competency="2"] [data-testid="grid-observations-methods"]')?.value === t,
      mine,
    );
  });

  it('uploads a document through the page; it shows live in the evaluators\' evidence', async () => {
    const browser = demo.page.context().browser();
    p3 = await openPageAs(browser, base, 'centre');
    await openFile(p3, base, fileId);
    const form = p3.getByTestId('document-upload-form');

    // A PDF renamed .png: refused in French.
    await form.getByLabel('Nature du document').selectOption('evidence');
    await form.getByLabel('Fichier').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PDF });
    await form.getByTestId('document-submit').click();
    await p3.getByTestId('document-notice').filter({ hasText: UNSUPPORTED_TYPE_MESSAGE }).waitFor();

    await form.getByLabel('Fichier').setInputFiles({ name: 'plan-de-surveillance.pdf', mimeType: 'application/pdf', buffer: PDF });
    const [uploaded] = await Promise.all([
      p3.waitForResponse((r) => r.url().endsWith('/documents') && r.request().method() === 'POST'),
      form.getByTestId('document-submit').click(),
    ]);
    assert.equal(uploaded.status(), 201, await uploaded.text());
    const document = await uploaded.json();
    const row = p3.locator(`[data-testid="document"][data-document-id="${document.id}"]`);
    await row.waitFor();
    assert.match(await row.textContent(), /plan-de-surveillance\.pdf/);
    assert.match(await row.textContent(), /Preuve/);
    assert.match(await row.getByTestId('document-version').first().textContent(), /Claire Moreau/);
    const href = await row.getByTestId('document-download').first().getAttribute('href');
    const content = await p3.request.get(`${base}${href}`);
    assert.equal(content.status(), 200);
    assert.equal(content.headers()['content-type'], 'application/pdf');

    // A new version of it.
    await row.getByTestId('document-new-version').click();
    await row.getByTestId('document-version-file').setInputFiles({ name: 'plan-de-surveillance-v2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.getByTestId('document-version-submit').click();
    await row.locator('[data-testid="document-version"][data-version="2"]').waitFor();
    await shot(p3, 'collab-documents');

    // The evaluators see it among the evidence they may cite, without reload.
    for (const page of [p1, p2]) {
      await card(page, 3).getByTestId('grid-evidence').getByLabel(/plan-de-surveillance-v2\.pdf/).waitFor({ timeout: LIVE_MS * 4 });
    }
    // Evaluator 1 cites it for competency 3.
    const c3 = card(p1, 3);
    await c3.getByTestId('grid-result').selectOption('acquired');
    await c3.getByTestId('grid-evidence').getByLabel(/plan-de-surveillance-v2\.pdf/).check();
    const [cited] = await Promise.all([
      p1.waitForResponse((r) => r.url().endsWith('/evaluation/3') && r.request().method() === 'PUT'),
      c3.getByTestId('grid-save').click(),
    ]);
    assert.equal(cited.status(), 200, await cited.text());
    assert.deepEqual(cited.request().postDataJSON().evidence, [document.id]);
  });

  it('shows a comment on the other page live', async () => {
    const body = 'Prévoir un échange sur les preuves de la compétence 3.';
    const form = p2.getByTestId('comment-form');
    await form.getByLabel('Sujet').selectOption('3');
    await form.getByLabel('Votre commentaire').fill(body);
    await form.getByTestId('comment-submit').click();
    await p2.getByTestId('comment').filter({ hasText: body }).waitFor();
    const elapsed = await within(
      p1,
      (t) => [...document.querySelectorAll('[data-testid="comment-body"]')].some((e) => e.textContent === t),
      body,
    );
    assert.ok(elapsed < LIVE_MS, `evaluator 1 saw the comment after ${elapsed} ms`);
    const comment = p1.getByTestId('comment').filter({ hasText: body });
    assert.equal(await comment.getAttribute('data-competency'), '3');
    assert.match(await comment.textContent(), /Nathalie Roux/);
    await p1.getByTestId('history-entry').filter({ hasText: 'Commentaire sur la compétence 3' }).first().waitFor();
  });

  it('has both evaluators sign every competency through the page', async () => {
    for (const n of competencies) {
      const c1 = card(p1, n);
      if ((await c1.getByTestId('grid-result').inputValue()) !== 'acquired') {
        await c1.getByTestId('grid-result').selectOption('acquired');
        await c1.getByTestId('grid-save').click();
        await c1.getByTestId('grid-message').filter({ hasText: `Compétence ${n} enregistrée` }).waitFor();
      }
      await c1.getByTestId('grid-sign').click();
      await c1.getByTestId('grid-message').filter({ hasText: `Compétence ${n} signée` }).waitFor();
      // Evaluator 2 sees the first signature live.
      await card(p2, n).getByTestId('grid-signature').filter({ hasText: 'Patrick Girard' }).waitFor({ timeout: LIVE_MS * 4 });
    }
    // Evaluator 2 signs every competency read in one go: one signature each, at its own version.
    await p2.getByTestId('grid-sign-all').filter({ hasText: `(${competencies.length})` }).click();
    await p2.getByTestId('grid-sign-all-notice').filter({ hasText: `${competencies.length} compétences signées.` }).waitFor();
    assert.equal(await p2.getByTestId('grid-sign-all').count(), 0);
    for (const n of competencies) {
      await card(p2, n).getByTestId('competency-evaluated').waitFor();
      await card(p1, n).getByTestId('competency-evaluated').waitFor({ timeout: LIVE_MS * 4 });
      assert.equal(await card(p2, n).getAttribute('data-evaluated'), 'true');
    }
    for (const page of [p1, p2]) {
      await page
        .getByTestId('grid-summary')
        .filter({ hasText: `${competencies.length} compétences évaluées sur ${competencies.length}` })
        .waitFor();
    }
    await shot(p1, 'collab-grid-signed');

    // The guard now lets the evaluation end; the other pages follow live.
    await p1.getByTestId('transition-request_company_opinion').click();
    await p1.locator('[data-testid="file-state"][data-state="company_opinion"]').waitFor();
    await p2.locator('[data-testid="file-state"][data-state="company_opinion"]').waitFor({ timeout: LIVE_MS * 4 });
    await p3.locator('[data-testid="file-state"][data-state="company_opinion"]').waitFor({ timeout: LIVE_MS * 4 });
    // The grid is now read-only for everyone.
    await p2.locator('[data-testid="evaluation-grid"][data-editable="false"]').waitFor();
  });

  it('lets the company tutor fill, sign and correct the company opinion', async () => {
    const browser = demo.page.context().browser();
    const tutor = await openPageAs(browser, base, 'entreprise');
    await openFile(tutor, base, fileId);
    const opinion = tutor.getByTestId('company-opinion');
    await opinion.getByTestId('opinion-form').waitFor();
    // Signing with a missing value names it in French.
    await opinion.getByTestId('opinion-sign').click();
    await opinion.getByTestId('opinion-notice').filter({ hasText: /Donnez un avis .* avant de signer/ }).waitFor();
    const values = opinion.getByTestId('opinion-value');
    const count = await values.count();
    for (let i = 0; i < count; i++) await values.nth(i).selectOption('favourable');
    await opinion.getByTestId('opinion-comment').first().fill('Très bonne implication.');
    await opinion.getByLabel('Appréciation générale').fill('Candidate autonome et rigoureuse.');
    await opinion.getByTestId('opinion-sign').click();
    await opinion.getByTestId('opinion-status').filter({ hasText: 'Version 1 signée.' }).waitFor();
    await opinion.getByTestId('opinion-current').waitFor();
    // Signed is not sent: the page says which action presents the file to the jury.
    await opinion.getByTestId('opinion-next-step').filter({ hasText: "« Enregistrer l'avis de l'entreprise »" }).waitFor();

    // A correction is a new version; version 1 stays in the history.
    await opinion.getByTestId('opinion-correct').click();
    await opinion.getByTestId('opinion-value').last().selectOption('reserved');
    await opinion.getByTestId('opinion-sign').click();
    await opinion.getByTestId('opinion-status').filter({ hasText: 'Version 2 signée.' }).waitFor();
    await opinion.getByTestId('opinion-history').locator('summary').click();
    assert.equal(await opinion.getByTestId('opinion-signed-version').count(), 2);
    // The centre's page shows the signed opinion live.
    await p3.getByTestId('opinion-status').filter({ hasText: 'Version 2 signée.' }).waitFor({ timeout: LIVE_MS * 4 });
    await shot(tutor, 'collab-opinion');
  });

  it('says the next step, pre-fills the commission from the plan and filters the history', async () => {
    const centre = await apiAs(base, 'centre');
    const other = await createFile(centre, { cqpm: CQPM });
    await fire(centre, other.id, 'register');
    const evaluators = (await centre('GET', `/files/${other.id}/modalities`)).evaluators;
    assert.ok(evaluators.length >= 2, 'the demo centre has two evaluators');
    const planned = evaluators[1];
    await planModalities(centre, other.id, { evaluators: [planned.id] });
    await fire(centre, other.id, 'agree_modalities');

    const page = p3 ?? (await openPageAs(demo.page.context().browser(), base, 'centre'));
    await openFile(page, base, other.id);
    await page.getByTestId('file-next-step').filter({ hasText: /^Prochaine étape : le candidat/ }).waitFor();

    // The commission is not formed: the evaluator of the plan is ticked, the other is not.
    const commission = page.getByTestId('commission-section');
    await commission.getByTestId('commission-prefilled').waitFor();
    for (const e of evaluators) {
      assert.equal(await commission.locator(`#commission-${e.id}`).isChecked(), e.id === planned.id, e.display_name);
    }
    await commission.getByTestId('commission-save').click();
    await commission.getByTestId('commission-notice').filter({ hasText: "Commission d'évaluation enregistrée." }).waitFor();

    // One history: the commission arrives live, on top; steps hidden from the keyboard, then shown again.
    const history = page.getByTestId('file-history');
    const entries = history.getByTestId('history-entry');
    await history.locator('[data-testid="history-entry"]:first-child[data-transition="commission_assigned"]').waitFor();
    const steps = history.getByLabel('Étapes du dossier');
    await steps.focus();
    await page.keyboard.press('Space');
    assert.equal(await steps.isChecked(), false);
    assert.equal(await history.locator('[data-testid="history-entry"][data-kind="state"]').count(), 0);
    const shown = await entries.evaluateAll((els) => els.map((e) => `${e.dataset.kind}/${e.dataset.transition}`));
    assert.ok(shown.includes('evaluation/commission_assigned') && shown.includes('evaluation/update_modality_plan'), shown.join());
    await page.keyboard.press('Space');
    const transitions = await entries.evaluateAll((els) => els.map((e) => e.dataset.transition));
    for (const t of ['create', 'register', 'update_modality_plan', 'agree_modalities']) assert.ok(transitions.includes(t), t);
    assert.doesNotMatch(await history.innerText(), /\b[a-z]+_[a-z_]+\b/, 'no identifier shown');
    // Sealed: the chain of fingerprints checked by the server (GET /files/{id}/audit), again after the new event.
    await history
      .locator('[data-testid="history-seal"][data-intact="true"]')
      .filter({ hasText: /Historique scellé : les \d+ événements/i })
      .waitFor();
    await shot(page, 'file-history');
  });
});
