// End-to-end test of the web pages against the real CQPM Hub server.
//
// Starts `cqpm serve --demo` on a free port with a fresh data folder and the
// built pages (web/dist) (harness.mjs), drives Debian's chromium through playwright-core:
// logs in as the demo centre coordinator, opens a file in state "draft" or
// "registered" from the dashboard, fires a transition and checks the timeline;
// opens a CQPM's referential from the header and checks it against
// plugins/<id>/referential.json; creates a file with the CQPM's registration
// fields, registers it, fills the modality plan editor (a refusal of the
// CQPM's rules shows next to its competency), saves it and agrees the
// modalities; then checks that a stale page reports a version conflict, and
// that the new-file form shows the server's refusal in French next to the field.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeRegExp, referentialOf, shot, startDemo } from './harness.mjs';

// The French sentences of web/src/shared/errors/errors.ts (the server's messages are English).
const conflictMessage = (version) =>
  `Le dossier a été modifié par quelqu'un d'autre (version ${version}). La page a été rechargée.`;
const WRONG_PASSWORD_MESSAGE = 'Identifiant ou mot de passe incorrect.';
const BIRTH_DATE_MESSAGE = 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.';

// The CQPM whose referential and modality plan the test walks through: its
// plugin asks for registration fields and plan fields (competency 4).
const PLAN_CQPM = 'maintenance-industrielle';
/** The history's entries of the workflow's steps (the history lists them newest first). */
const STEP_ENTRY = '[data-testid="history-entry"][data-kind="state"]';

describe('web: file page transition', { timeout: 150_000 }, () => {
  let demo = null;
  let page = null;
  let base = '';
  let workflow = null;

  before(async () => {
    demo = await startDemo();
    ({ page, base } = demo);
  });

  after(async () => {
    await demo?.close();
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
    // A draft file goes forward with "Inscrire le candidat"; a registered one
    // needs a modality plan first (the plan test below), so draft comes first.
    let chosen = null;
    for (const state of ['draft', 'registered']) {
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
    await page.locator(STEP_ENTRY).first().waitFor();
    await page.locator(`[data-testid="workflow-diagram"] [aria-current="step"][data-state="${chosen}"]`).waitFor();
    const before = await page.locator(STEP_ENTRY).count();
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
      (n) => document.querySelectorAll('[data-testid="history-entry"][data-kind="state"]').length === n,
      before + 1,
    );
    const last = page.locator(STEP_ENTRY).first(); // newest first
    assert.equal(await last.getAttribute('data-to'), target);
    assert.match(await last.textContent(), new RegExp(label(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const me = (await page.locator('.app-header__name').textContent()).trim();
    assert.equal((await last.locator('.timeline__actor').textContent()).trim(), me, 'the actor is shown');
    await page.locator(`[data-testid="file-state"][data-state="${target}"]`).waitFor();
    await shot(page, 'file-after-transition');
  });

  it("shows a CQPM's referential from the header, as its plugin transcribes it", async () => {
    assert.ok(workflow, 'the first test did not get this far');
    const referential = referentialOf(PLAN_CQPM);
    await page.getByTestId('nav-cqpm').click();
    await page.waitForURL(/\/cqpm$/);
    await page.getByRole('heading', { name: 'Référentiels CQPM' }).waitFor();
    // Every CQPM of the catalogue; a bloc without a code says so.
    const productive = referentialOf('maintenance-productive');
    const missing = productive.blocs.filter((b) => b.code === null).length;
    const productiveCard = page.locator('[data-testid="cqpm-card"][data-cqpm="maintenance-productive"]');
    // The catalogue loads after the heading: wait for the card before counting in it.
    await productiveCard.waitFor();
    if (missing > 0) await productiveCard.locator('.code--missing').first().waitFor();
    assert.equal(await productiveCard.locator('.code--missing').count(), missing);
    if (missing > 0) assert.match(await productiveCard.textContent(), /Code non attribué/);
    await shot(page, 'cqpm-catalogue');

    await page.getByRole('link', { name: referential.title, exact: true }).click();
    await page.waitForURL(new RegExp(`/cqpm/${PLAN_CQPM}$`));
    await page.getByTestId('cqpm-title').filter({ hasText: referential.title }).waitFor();

    // A bloc code, a competency title and one of its criteria, as in referential.json.
    const blocIndex = referential.blocs.findIndex((b) => b.code && b.competencies.some((c) => c.criteria.methods.length > 0));
    const bloc = referential.blocs[blocIndex];
    const competency = bloc.competencies.find((c) => c.criteria.methods.length > 0);
    const blocSection = page.locator(`#bloc-${blocIndex + 1}`);
    assert.equal((await blocSection.getByTestId('bloc-code').textContent()).trim(), bloc.code);
    const article = page.locator(`#competence-${competency.number}`);
    assert.equal((await article.getByTestId('competency-title').textContent()).trim(), competency.title);
    const methods = article.getByTestId('criteria-methods');
    assert.match(await methods.locator('h5').textContent(), /Méthodes utilisées/);
    assert.equal((await methods.locator('li').first().textContent()).trim(), competency.criteria.methods[0]);
    for (const heading of ['Moyens utilisés', 'Liens professionnels', "Contraintes liées au milieu et à l'environnement de travail"]) {
      await article.locator('h5', { hasText: heading }).waitFor();
    }
    assert.equal(
      (await article.getByTestId('expected-results').locator('li').first().textContent()).trim(),
      competency.expected_results[0],
    );
    // The modalities, with "hors VAE" where the VAE pathway is excluded.
    const opinion = referential.modalities.find((m) => (m.excluded_pathways ?? []).includes('vae'));
    if (opinion) {
      assert.match(await page.locator(`[data-testid="modality"][data-modality="${opinion.id}"]`).textContent(), /hors VAE/);
    }
    // The table of contents leads to the competency.
    await page.getByTestId('referential-toc').getByRole('link', { name: `${competency.number}. ${competency.title}` }).click();
    await page.waitForURL(new RegExp(`#competence-${competency.number}$`));
    await shot(page, 'cqpm-referential');
  });

  it('creates a file with the CQPM registration fields, plans its evaluation and agrees the modalities', async () => {
    assert.ok(workflow, 'the first test did not get this far');
    const label = (state) => workflow.states.find((s) => s.id === state)?.label ?? state;
    const cqpm = await (await page.request.get(`${base}/api/v1/cqpms/${PLAN_CQPM}`)).json();
    const required = cqpm.registration_fields.filter((f) => f.required);
    assert.ok(required.length > 0, `${PLAN_CQPM} asks for no required registration field`);

    // The new-file form shows the CQPM's registration fields and asks for the required ones.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('new-file').click();
    const form = page.getByTestId('new-file-form');
    await form.locator('#nf-cqpm').selectOption(PLAN_CQPM);
    await form.getByTestId('registration-fields').waitFor();
    await form.locator('#nf-pathway').selectOption('employee');
    await form.locator('#nf-company').selectOption({ index: 1 });
    // A name in Vietnamese and Polish letters (issue 17), typed decomposed as some keyboards send it.
    await form.getByLabel('Prénom').fill('Thị Hương');
    await form.getByLabel('Nom', { exact: true }).fill('Trần-Łukasiewicz'.normalize('NFD'));
    await form.getByLabel('Adresse e-mail').fill('huong.tran@example.org');
    await form.getByLabel('Date de naissance').fill('1995-04-12');
    await form.getByRole('button', { name: 'Créer le dossier' }).click();
    const first = required[0];
    await form.getByTestId(`error-registration.${first.id}`).filter({ hasText: first.label }).waitFor();

    const sent = {};
    for (const field of cqpm.registration_fields) {
      const block = form.getByTestId(`registration-${field.id}`);
      if (field.type === 'choice') {
        await block.locator('select').selectOption(field.choices[0].id);
        sent[field.id] = field.choices[0].id;
      } else if (field.type === 'credential_list') {
        // A typed habilitation: its symbol, who issued it, until when it is valid (after every planned date).
        await block.getByTestId('credential-add').click();
        const row = block.getByTestId('credential-row').first();
        if (field.closed) await row.getByTestId('credential-symbol').selectOption(field.symbols[0]);
        else await row.getByTestId('credential-symbol').fill(field.symbols[0]);
        await row.getByTestId('credential-issuer').fill('Mécanique de Précision du Rhône SAS');
        await row.getByTestId('credential-valid-until').fill('2030-12-31');
        sent[field.id] = [{ symbol: field.symbols[0], issuer: 'Mécanique de Précision du Rhône SAS', valid_until: '2030-12-31' }];
      } else if (field.suggestions?.length) {
        await block.getByRole('button', { name: `Ajouter ${field.suggestions[0]}` }).click();
        sent[field.id] = [field.suggestions[0]];
      } else {
        await block.locator('textarea').fill('Habilitation interne');
        sent[field.id] = ['Habilitation interne'];
      }
    }
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Créer le dossier' }).click(),
    ]);
    assert.equal(created.status(), 201, await created.text());
    assert.deepEqual(created.request().postDataJSON().registration, sent);
    await page.waitForURL(/\/dossiers\/[^/]+$/);
    const fileId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    // The name comes back composed (NFC) and exactly as typed, as the certificate prints it.
    assert.equal(await page.getByTestId('file-title').textContent(), 'Thị Hương Trần-Łukasiewicz');
    const stored = await (await page.request.get(`${base}/api/v1/files/${encodeURIComponent(fileId)}`)).json();
    assert.equal(stored.candidate.family_name, 'Trần-Łukasiewicz'.normalize('NFC'));

    // Register it: the CQPM's registration fields are accepted.
    await page.getByTestId('transition-register').click();
    await page.locator('[data-testid="file-state"][data-state="registered"]').waitFor();
    // Registration pins the referential in force: the page says which version, with a link to it.
    const pinned = (await (await page.request.get(`${base}/api/v1/cqpms/${PLAN_CQPM}`)).json()).referential_version;
    const pinnedLink = page.getByTestId('file-referential-link');
    await pinnedLink.filter({ hasText: `version ${pinned}` }).waitFor();
    assert.match(await page.getByTestId('file-referential').textContent(), new RegExp(`Référentiel : version ${pinned}`));
    assert.equal(await pinnedLink.getAttribute('href'), `/cqpm/${PLAN_CQPM}/versions/${pinned}`);
    assert.equal(await page.getByTestId('transition-agree_modalities').count(), 0, 'no plan yet: the modalities cannot be agreed');

    // The plan editor: one entry per competency of the referential.
    const view = await (await page.request.get(`${base}/api/v1/files/${encodeURIComponent(fileId)}/modalities`)).json();
    assert.equal(view.editable, true);
    await page.getByTestId('plan-editor').waitFor();
    const entries = page.getByTestId('plan-entry');
    assert.equal(await entries.count(), view.competencies.length);
    const evaluator = view.evaluators[0].display_name;
    for (const [i, competency] of view.competencies.entries()) {
      const entry = page.locator(`[data-testid="plan-entry"][data-competency="${competency.number}"]`);
      const allowed = view.allowed_modalities[String(competency.number)];
      const modality = view.modalities.find((m) => allowed.includes(m.id) && !m.exceptional);
      await entry.getByLabel("Modalité d'évaluation").selectOption(modality.id);
      await entry.getByLabel('Date prévue').fill(`2027-03-${String(10 + i).padStart(2, '0')}`);
      await entry.getByLabel('Lieu').fill("Atelier de maintenance de l'entreprise");
      await entry.getByTestId('plan-evaluators').getByLabel(evaluator).check();
      // The CQPM's own fields: every "choices" field gets its minimum; "choice" fields stay empty for now.
      for (const field of view.plan_fields[String(competency.number)] ?? []) {
        if (field.type === 'choices') {
          for (const choice of field.choices.slice(0, field.min ?? 1)) {
            await entry.getByTestId(`plan-field-${field.id}`).getByLabel(choice.label).check();
          }
        } else if (field.type === 'text_list') {
          await entry.getByTestId(`plan-field-${field.id}`).locator('textarea').fill('Équipement A\nÉquipement B');
        } else if (field.type === 'boolean') {
          await entry.getByTestId(`plan-field-${field.id}`).getByRole('checkbox').check();
        }
      }
    }
    await shot(page, 'plan-editor');

    // A "choice" field left empty: the CQPM's rules refuse the plan, in French, next to the competency.
    const choiceFields = view.competencies.flatMap((c) =>
      (view.plan_fields[String(c.number)] ?? []).filter((f) => f.type === 'choice').map((field) => ({ competency: c.number, field })),
    );
    let version = view.file_version;
    if (choiceFields.length > 0) {
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/modalities') && r.request().method() === 'PUT'),
        page.getByTestId('plan-save').click(),
      ]);
      assert.equal(refused.status(), 422, await refused.text());
      const body = await refused.json();
      assert.equal(body.error.code, 'guard_failed');
      const { competency, message_fr: messageFr } = body.error.details;
      assert.ok(messageFr, 'the plugin gives a French sentence');
      const target = choiceFields.find((c) => c.competency === competency);
      assert.ok(target, `refusal on competency ${competency}, which has no choice field`);
      const error = page.getByTestId(`plan-error-${competency}-details.${target.field.id}`);
      await error.filter({ hasText: messageFr }).waitFor();
      assert.equal((await error.textContent()).trim(), messageFr);
      assert.ok(!(await page.getByTestId('plan-editor').textContent()).includes(body.error.message), 'the English message is not shown');
      await page.getByTestId('plan-form-error').filter({ hasText: `compétence ${competency}` }).waitFor();
      await shot(page, 'plan-refused');
      for (const { competency: n, field } of choiceFields) {
        await page
          .locator(`[data-testid="plan-entry"][data-competency="${n}"]`)
          .getByTestId(`plan-field-${field.id}`)
          .locator('select')
          .selectOption(field.choices[0].id);
      }
    }

    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/modalities') && r.request().method() === 'PUT'),
      page.getByTestId('plan-save').click(),
    ]);
    assert.equal(saved.status(), 200, await saved.text());
    const request = saved.request().postDataJSON();
    assert.equal(request.expected_version, version);
    assert.deepEqual(
      request.competencies.map((c) => c.competency),
      view.competencies.map((c) => c.number),
    );
    version = (await saved.json()).file_version;
    assert.equal(version, view.file_version + 1);
    await page.getByTestId('plan-table').waitFor();
    assert.equal(await page.getByTestId('plan-row').count(), view.competencies.length);
    await page.locator(`[data-testid="file-state"][data-version="${version}"]`).waitFor();

    // The page reloaded the file: the modalities can now be agreed.
    const entriesBefore = await page.locator(STEP_ENTRY).count();
    const agree = page.getByRole('button', { name: "Valider les modalités d'évaluation" });
    await agree.waitFor();
    await shot(page, 'plan-saved');
    await agree.click();
    await page.locator('[data-testid="file-state"][data-state="modalities_agreed"]').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="history-entry"][data-kind="state"]').length === n,
      entriesBefore + 1,
    );
    const last = page.locator(STEP_ENTRY).first(); // newest first
    assert.equal(await last.getAttribute('data-to'), 'modalities_agreed');
    assert.match(await last.textContent(), new RegExp(escapeRegExp(label('modalities_agreed'))));
    // The plan stays, read-only.
    await page.getByTestId('plan-table').waitFor();
    assert.equal(await page.getByTestId('plan-edit').count(), 0);
    await shot(page, 'plan-agreed');
  });

  it('reports a version conflict when the file changed behind the page', async () => {
    assert.ok(workflow, 'the first test did not get this far');
    const fileId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    // A page that no longer follows the file live (its event stream is cut): the change stays behind it.
    await page.route('**/stream*', (route) => route.abort());
    await page.reload();
    await page.locator(STEP_ENTRY).first().waitFor();
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

    const entries = await page.locator(STEP_ENTRY).count();
    await buttons.first().click();
    const notice = page.getByTestId('file-notice');
    await notice.filter({ hasText: conflictMessage(changed.version) }).waitFor();
    assert.equal((await notice.textContent()).trim(), conflictMessage(changed.version));
    // The page reloaded the file: new state, and the other person's event in the timeline.
    await page.locator(`[data-testid="file-state"][data-state="${changed.state}"]`).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="history-entry"][data-kind="state"]').length === n,
      entries + 1,
    );
    await shot(page, 'file-conflict');
    await page.unroute('**/stream*');
  });

  it("shows the server's refusal of a new file in French, next to the field", async () => {
    assert.ok(workflow, 'the first test did not get this far');
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('new-file').click();
    const form = page.getByTestId('new-file-form');
    await form.waitFor();
    // A CQPM without registration fields of its own: the refusal is the candidate's birth date.
    await form.locator('#nf-cqpm').selectOption('qualite');
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
