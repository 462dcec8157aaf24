// Each role's « À faire » on its landing page follows the files as they move (issue 15, item 1).
//
// A new file is moved on through the API, one step at a time; after each step the pages of the people
// concerned (each in its own browser context) are loaded again and must show the item now waiting on
// them, and no longer the one just done: the centre (register, agree the modalities, form the
// commission), the company (its report), the evaluator (open the evaluation, then evaluate), the
// candidate (their report, then their next step). Then a jury member is convened to a session and a
// referential proposal waits on the GTP's other college, then on its publication. The centre's overdue
// filter and an item's link to its page are used through the page.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, openPageAs, shot, startDemo } from './harness.mjs';
import { createFile, fire, planModalities, uploadPdf } from './file_steps.mjs';

/** The to-do items shown on the page at `path` (all of them: « Tout afficher » is pressed). */
async function todoOf(page, base, path = '/') {
  await page.goto(`${base}${path}`);
  const panel = page.locator('[data-testid="todo-panel"][data-total]');
  await panel.waitFor();
  const more = page.getByTestId('todo-show-all');
  if (await more.count()) await more.click();
  return page.getByTestId('todo-item').evaluateAll((items) =>
    items.map((li) => ({
      kind: li.dataset.kind,
      file: li.dataset.fileId ?? null,
      text: li.textContent,
      href: li.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
}

/** The kinds of the items about `fileId`, sorted. */
const kindsFor = (items, fileId) =>
  items
    .filter((item) => item.file === fileId)
    .map((item) => item.kind)
    .sort();

describe('web: each role’s « À faire » follows the file', { timeout: 170_000 }, () => {
  let demo = null;
  const pages = {};
  const as = (who) => pages[who];

  before(async () => {
    demo = await startDemo();
    const browser = demo.page.context().browser();
    for (const who of ['centre', 'entreprise', 'evaluateur1', 'candidat', 'jury-employeur', 'gtp-salarie', 'gtp-employeur']) {
      pages[who] = await openPageAs(browser, demo.base, who);
    }
  });
  after(async () => {
    await demo?.close();
  });

  it('the centre, the company, the evaluator and the candidate as a new file moves', async () => {
    const { base } = demo;
    const centre = await apiAs(base, 'centre');
    const company = await apiAs(base, 'entreprise');
    const file = await createFile(centre, { givenName: 'Inès', familyName: 'Garcia' });

    let todo = await todoOf(as('centre'), base);
    assert.deepEqual(kindsFor(todo, file.id), ['register_file']);
    const item = todo.find((i) => i.file === file.id);
    assert.match(item.text, /^Inscrire Inès Garcia/);
    assert.deepEqual(kindsFor(await todoOf(as('entreprise'), base), file.id), []);
    await shot(as('centre'), 'todo-centre');

    await fire(centre, file.id, 'register');
    assert.deepEqual(kindsFor(await todoOf(as('centre'), base), file.id), ['agree_modalities']);

    const plan = await planModalities(centre, file.id);
    await fire(centre, file.id, 'agree_modalities');
    assert.deepEqual(kindsFor(await todoOf(as('centre'), base), file.id), []);
    // The company's report is on its list once the centre has said by when it is due.
    assert.deepEqual(kindsFor(await todoOf(as('entreprise'), base), file.id), []);
    await centre('PUT', `/files/${file.id}/deadlines/report`, { due: '2027-02-01' });
    todo = await todoOf(as('entreprise'), base);
    assert.deepEqual(kindsFor(todo, file.id), ['upload_report']);
    assert.equal(todo.find((i) => i.file === file.id).text, 'Déposer le rapport de Inès Garciapour le 1er février 2027');

    await fire(company, file.id, 'submit_evidence');
    assert.deepEqual(kindsFor(await todoOf(as('entreprise'), base), file.id), []);
    assert.deepEqual(kindsFor(await todoOf(as('centre'), base), file.id), ['form_commission']);
    assert.deepEqual(kindsFor(await todoOf(as('evaluateur1'), base), file.id), []);

    await centre('PUT', `/files/${file.id}/commission`, { evaluators: plan.evaluators.map((e) => e.id) });
    assert.deepEqual(kindsFor(await todoOf(as('evaluateur1'), base), file.id), ['start_evaluation']);

    await fire(await apiAs(base, 'evaluateur1'), file.id, 'start_evaluation');
    todo = await todoOf(as('evaluateur1'), base);
    assert.deepEqual(kindsFor(todo, file.id), ['evaluate_competencies']);
    const n = plan.competencies.length;
    assert.match(todo.find((i) => i.file === file.id).text, new RegExp(`${n} sur ${n} à remplir ou signer`));
    assert.deepEqual(kindsFor(await todoOf(as('centre'), base), file.id), []);

    // The candidate's report, then (once the company has submitted it) their next step.
    todo = await todoOf(as('candidat'), base);
    const report = todo.find((i) => i.kind === 'upload_report');
    assert.ok(report, JSON.stringify(todo));
    assert.match(report.text, /^Déposer votre rapport pour le CQPM /);
    await uploadPdf(company, report.file, 'report', 'rapport.pdf');
    await fire(company, report.file, 'submit_evidence');
    todo = await todoOf(as('candidat'), base);
    assert.deepEqual(kindsFor(todo, report.file), ['next_step']);
    assert.match(todo.find((i) => i.file === report.file).text, /prochaine étape : ouvrir l’évaluation/);
  });

  it("the centre's overdue filter, an item leads to its page, which prints the complete file", async () => {
    const { base } = demo;
    const page = as('centre');
    const all = await todoOf(page, base);
    const overdue = all.filter((i) => /en retard depuis le /.test(i.text));
    assert.ok(overdue.length > 0 && overdue.length < all.length, JSON.stringify(all));
    await page.getByTestId('todo-overdue-only').click();
    await page.locator('[data-testid="todo-overdue-only"][aria-pressed="true"]').waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="todo-item"]').length === count, overdue.length);
    assert.equal(await page.locator('.todo__item--overdue').count(), overdue.length);

    await page.getByTestId('todo-item').first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname === overdue[0].href);
    await page.getByTestId('file-title').waitFor();

    // The centre prints the complete file from its page.
    const archive = page.getByTestId('file-archive');
    assert.equal(await archive.textContent(), 'Imprimer le dossier complet (PDF)');
    const pdf = await page.request.get(`${base}${await archive.getAttribute('href')}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    // And takes it away as a signed zip for an auditor.
    const bundle = page.getByTestId('file-audit-bundle');
    assert.equal(await bundle.textContent(), "Dossier d'audit signé (ZIP)");
    const zip = await page.request.get(`${base}${await bundle.getAttribute('href')}`);
    assert.equal(zip.status(), 200);
    assert.equal(zip.headers()['content-type'], 'application/zip');
    assert.equal((await zip.body()).subarray(0, 2).toString(), 'PK');
  });

  it('a jury member once convened, the other GTP college, then the publication', async () => {
    const { base } = demo;
    const centre = await apiAs(base, 'centre');
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const session = await centre('POST', '/jury-sessions', { date: day, time: '09:30', place: 'Lyon' });
    const sessionOf = (items) => items.filter((i) => i.kind === 'attend_jury_session' && i.href === `/jurys/${session.id}`);
    assert.equal(sessionOf(await todoOf(as('jury-employeur'), base)).length, 0);
    const members = await centre('GET', '/users?role=jury_member');
    const member = members.items.find((u) => u.login === 'jury-employeur');
    await centre('POST', `/jury-sessions/${session.id}/members`, { user_id: member.id });
    const convened = sessionOf(await todoOf(as('jury-employeur'), base));
    assert.equal(convened.length, 1);
    assert.match(convened[0].text, /^Siéger au jury du .* à 9 h 30 \(Lyon\)$/);

    const employer = await apiAs(base, 'gtp-employeur');
    const current = await employer('GET', '/cqpms/fabrication-additive');
    const changed = structuredClone(current.referential);
    changed.blocs[1].code = 'BDC0199';
    const proposal = await employer('POST', '/cqpms/fabrication-additive/proposals', { referential: changed, reason: 'Code attribué par le GTP.' });
    const about = (items, kind) => items.filter((i) => i.kind === kind && i.href === `/propositions/${proposal.id}`);
    assert.equal(about(await todoOf(as('gtp-employeur'), base, '/propositions'), 'approve_proposal').length, 0);
    assert.equal(about(await todoOf(as('gtp-salarie'), base, '/propositions'), 'approve_proposal').length, 1);
    await shot(as('gtp-salarie'), 'todo-gtp');

    await (await apiAs(base, 'gtp-salarie'))('POST', `/proposals/${proposal.id}/approve`, {});
    assert.equal(about(await todoOf(as('gtp-salarie'), base, '/propositions'), 'approve_proposal').length, 0);
    assert.equal(about(await todoOf(as('gtp-employeur'), base, '/propositions'), 'publish_proposal').length, 1);
  });
});
