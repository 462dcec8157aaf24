// End-to-end test of the GTP's referential pages against the real server
// (harness.mjs starts `cqpm serve --demo` and chromium).
//
// As gtp-employeur (collège employeur): propose filling the missing code of
// bloc 2 of fabrication-additive (a malformed code and a missing reason are
// refused in French first), then read the proposal: its diff and the files in
// progress it concerns. As gtp-salarie (collège salarié): approve and publish;
// version 2 is in the versions list with both approvers, the diff view shows
// the change, the referential page shows the new code and, with the blame
// turned on, which version changed what. A second proposal (a reworded
// criterion) is rejected through the reason dialog. As the centre
// coordinator, a file shows the referential version it was registered under,
// and a file registered before the publication shows the changes to version 2
// and moves to it on confirmation.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, escapeRegExp, referentialOf, shot, startDemo } from './harness.mjs';
import { createFile, fire } from './file_steps.mjs';

const CQPM = 'fabrication-additive';
const NEW_CODE = 'BDC0199';
const REASON = 'Code RNCP du bloc 2 attribué par France compétences.';

// The French sentences of web/src/shared/errors/errors.ts.
const REASON_MESSAGE = 'Indiquez un motif.';
const blocCodeMessage = (bloc) =>
  `Le code du bloc ${bloc} doit s'écrire BDC suivi de quatre chiffres (par exemple BDC0199) et différer des codes des autres blocs.`;

describe('web: the GTP proposes, reviews and publishes a referential change', { timeout: 150_000 }, () => {
  let demo = null;
  let page = null;
  let base = '';
  let proposalId = null;
  let pinnedFileId = null; // registered under version 1, before the publication

  before(async () => {
    demo = await startDemo();
    ({ page, base } = demo);
    const centre = await apiAs(base, 'centre');
    const file = await createFile(centre, {
      cqpm: CQPM,
      givenName: 'Léa',
      familyName: 'Petit',
      registration: { material_family: 'polymer_powder' },
    });
    pinnedFileId = (await fire(centre, file.id, 'register')).id;
  });

  after(async () => {
    await demo?.close();
  });

  async function login(login) {
    await page.goto(`${base}/connexion`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('current-user').waitFor();
  }

  async function logout() {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
  }

  const api = async (path) => {
    const res = await page.request.get(`${base}/api/v1${path}`);
    assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
    return res.json();
  };

  it('lets gtp-employeur propose the missing bloc code, with a reason', async () => {
    assert.equal(referentialOf(CQPM).blocs[1].code, null, 'bloc 2 of fabrication-additive has a code already');

    // The GTP's home is the proposals; the header leads there and to the referentials.
    await login('gtp-employeur');
    await page.waitForURL(/\/propositions$/);
    await page.getByRole('heading', { name: 'Propositions de modification' }).waitFor();
    await page.getByTestId('current-user').filter({ hasText: 'collège employeur' }).waitFor();
    assert.equal(await page.getByTestId('nav-proposals').count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Tableau de bord' }).count(), 0);

    // From the catalogue to the form.
    await page.getByTestId('nav-cqpm').click();
    const card = page.locator(`[data-testid="cqpm-card"][data-cqpm="${CQPM}"]`);
    await card.getByTestId('catalogue-version').filter({ hasText: 'Version 1 du référentiel' }).waitFor();
    await card.getByTestId('catalogue-propose').click();
    await page.waitForURL(new RegExp(`/cqpm/${CQPM}/proposer$`));
    await page.getByRole('heading', { name: 'Proposer une modification du référentiel' }).waitFor();

    const { referential } = await api(`/cqpms/${CQPM}`);
    const code = page.getByLabel('Code du bloc 2', { exact: true });
    assert.equal(await code.inputValue(), '');
    assert.equal(await page.getByTestId('propose-submit').isDisabled(), true, 'nothing to propose yet');

    // A malformed code and a missing reason are refused before sending, in French.
    await code.fill('BDC19');
    await page.getByTestId('draft-changes').filter({ hasText: 'Bloc 2 · code' }).waitFor();
    let posted = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`/cqpms/${CQPM}/proposals`)) posted++;
    });
    await page.getByTestId('propose-submit').click();
    await page.getByTestId('error-referential.blocs[1].code').filter({ hasText: blocCodeMessage(2) }).waitFor();
    await page.getByTestId('error-reason').filter({ hasText: REASON_MESSAGE }).waitFor();
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
    assert.equal(posted, 0, 'nothing was sent');
    await shot(page, 'gtp-propose-refused');

    await code.fill(NEW_CODE.toLowerCase()); // typed in lower case: the form writes it in capitals
    assert.equal(await code.inputValue(), NEW_CODE);
    await page.getByTestId('propose-reason').fill(REASON);
    assert.equal(await page.getByTestId('draft-changes').getAttribute('data-count'), '1');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/cqpms/${CQPM}/proposals`) && r.request().method() === 'POST'),
      page.getByTestId('propose-submit').click(),
    ]);
    assert.equal(created.status(), 201, await created.text());
    const sent = created.request().postDataJSON();
    assert.equal(sent.reason, REASON);
    // The whole document, with only the code of bloc 2 changed.
    assert.deepEqual(sent.referential, { ...referential, blocs: [referential.blocs[0], { ...referential.blocs[1], code: NEW_CODE }] });
    proposalId = (await created.json()).id;
    await page.waitForURL(new RegExp(`/propositions/${proposalId}$`));
  });

  it('shows the proposal: reason, proposer, diff, impact on the files in progress, approvals', async () => {
    assert.ok(proposalId, 'the proposal was not created');
    const proposal = await api(`/proposals/${proposalId}`);
    assert.equal(proposal.state, 'open');

    await page.getByTestId('proposal-title').filter({ hasText: `Proposition n° ${proposalId}` }).waitFor();
    await page.getByTestId('proposal-notice').waitFor();
    assert.equal(await page.getByTestId('proposal-state').getAttribute('data-state'), 'open');
    assert.equal((await page.getByTestId('proposal-reason').textContent()).trim(), REASON);
    assert.equal((await page.getByTestId('proposal-proposer').textContent()).trim(), proposal.proposer.display_name);

    // The diff: one change, the code of bloc 2 filled, side by side.
    const changes = page.getByTestId('diff-change');
    assert.equal(await changes.count(), 1);
    const change = changes.first();
    assert.equal(await change.getAttribute('data-kind'), 'bloc_code');
    assert.equal(await change.getAttribute('data-action'), 'filled');
    assert.equal((await change.getByTestId('diff-new').textContent()).trim(), NEW_CODE);
    assert.equal((await change.getByTestId('diff-old').textContent()).trim(), '—');
    assert.match(await change.textContent(), /Code attribué/);
    assert.match(await page.getByTestId('diff-group').first().locator('h2').textContent(), /^Bloc 2/);

    // The impact: the open files pinned to version 1, by centre and state.
    const impact = page.getByTestId('impact');
    assert.ok(proposal.impact.total > 0, 'the demo has no fabrication-additive file pinned to version 1');
    const count = (await impact.getByTestId('impact-count').textContent()).trim();
    assert.equal(count, `${proposal.impact.total} dossier${proposal.impact.total > 1 ? 's' : ''}`);
    const centres = new Set(proposal.impact.by_centre_and_state.map((r) => r.centre));
    assert.equal(await impact.getByTestId('impact-row').count(), centres.size);
    for (const row of proposal.impact.by_centre_and_state) {
      const cell = impact.locator(`[data-testid="impact-row"][data-centre="${row.centre}"] td[data-state="${row.state}"]`);
      assert.equal((await cell.textContent()).trim(), String(row.count));
    }

    // Approvals: the proposer's college has approved by proposing; the other is awaited.
    const approval = (college) => page.locator(`[data-testid="approval"][data-college="${college}"]`);
    assert.equal(await approval('employer').getAttribute('data-approved'), 'true');
    assert.equal(await approval('employee').getAttribute('data-approved'), 'false');
    assert.equal(await page.getByTestId('proposal-approve').count(), 0, 'the proposer cannot approve again');
    assert.equal(await page.getByTestId('proposal-publish').count(), 0, 'not approved yet');
    assert.equal(await page.getByTestId('proposal-reject').count(), 1);
    await page.getByTestId('review-note').filter({ hasText: 'collège salarié' }).waitFor();
    await shot(page, 'gtp-proposal-open');
  });

  it('lets gtp-salarie approve and publish; version 2 is in the history and the diff view', async () => {
    assert.ok(proposalId, 'the proposal was not created');
    await logout();
    await login('gtp-salarie');
    await page.waitForURL(/\/propositions$/);
    const row = page.locator(`[data-testid="proposal-row"][data-proposal="${proposalId}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-state'), 'open');
    await row.getByTestId('proposal-link').click();
    await page.waitForURL(new RegExp(`/propositions/${proposalId}$`));

    await page.getByTestId('proposal-approve').click();
    await page.locator('[data-testid="proposal-state"][data-state="approved"]').waitFor();
    await page.locator('[data-testid="approval"][data-college="employee"][data-approved="true"]').waitFor();
    await page.getByTestId('proposal-notice').filter({ hasText: 'les deux collèges' }).waitFor();
    const publish = page.getByTestId('proposal-publish');
    assert.match(await publish.textContent(), /Publier la version 2/);
    await shot(page, 'gtp-proposal-approved');

    await publish.click();
    await page.locator('[data-testid="proposal-state"][data-state="published"]').waitFor();
    await page.getByTestId('proposal-notice').filter({ hasText: 'La version 2 du référentiel est publiée' }).waitFor();
    assert.equal(await page.getByTestId('review-actions').count(), 0, 'nothing left to do');
    await shot(page, 'gtp-proposal-published');

    // The versions list: version 2 on top, with its reason, author and both colleges.
    await page.getByTestId('notice-versions').click();
    await page.waitForURL(new RegExp(`/cqpm/${CQPM}/versions$`));
    const rows = page.getByTestId('version-row');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    const v2 = page.locator('[data-testid="version-row"][data-version="2"]');
    assert.equal((await v2.getByTestId('version-reason').textContent()).trim(), REASON);
    assert.match(await v2.getByTestId('version-author').textContent(), /Hélène Petit|gtp-salarie/);
    const approvers = await v2.getByTestId('version-approvers').textContent();
    assert.match(approvers, /collège employeur/);
    assert.match(approvers, /collège salarié/);
    assert.match(await v2.textContent(), /en vigueur/);
    // Files pinned to each version, with a link to them.
    const pinned = await api(`/cqpms/${CQPM}/versions/1/files`);
    const v1Files = page.locator('[data-testid="version-row"][data-version="1"]').getByTestId('version-files');
    await v1Files.waitFor();
    assert.equal(await v1Files.getAttribute('data-total'), String(pinned.total));
    await shot(page, 'gtp-versions');

    // The diff view of version 2: the code, old and new side by side.
    await v2.getByTestId('version-diff').click();
    await page.waitForURL(new RegExp(`/cqpm/${CQPM}/comparer\\?de=1&a=2$`));
    await page.locator('[data-testid="diff-from"][data-version="1"]').waitFor();
    await page.locator('[data-testid="diff-to"][data-version="2"]').waitFor();
    const change = page.locator('[data-testid="diff-change"][data-kind="bloc_code"][data-action="filled"]');
    await change.waitFor();
    assert.equal(await page.getByTestId('diff-change').count(), 1);
    assert.equal((await change.getByTestId('diff-new').textContent()).trim(), NEW_CODE);
    assert.equal(await page.getByTestId('compare-to').inputValue(), '2');
    await shot(page, 'gtp-diff');

    // The other way round, picked in the form: the code is removed.
    await page.getByTestId('compare-from').selectOption('2');
    await page.getByTestId('compare-to').selectOption('1');
    await page.getByTestId('compare-submit').click();
    await page.waitForURL(/de=2&a=1$/);
    const reverse = page.locator('[data-testid="diff-change"][data-kind="bloc_code"][data-action="removed"]');
    await reverse.waitFor();
    assert.equal((await reverse.getByTestId('diff-old').textContent()).trim(), NEW_CODE);
  });

  it('shows the new code on the referential page, and with the blame the version of each element', async () => {
    await page.goto(`${base}/cqpm/${CQPM}`);
    await page.getByTestId('referential-version').filter({ hasText: 'Version 2 du référentiel' }).waitFor();
    assert.equal((await page.locator('#bloc-2').getByTestId('bloc-code').textContent()).trim(), NEW_CODE);
    assert.equal(await page.getByTestId('blame').count(), 0, 'no blame until asked');

    await page.getByTestId('blame-toggle').click();
    await page.getByTestId('blame-legend').waitFor();
    const codeBlame = page.locator('[data-testid="blame"][data-path="blocs[1].code"]');
    await codeBlame.waitFor();
    assert.equal(await codeBlame.getAttribute('data-version'), '2');
    assert.equal(await codeBlame.getAttribute('href'), `/cqpm/${CQPM}/versions/2`);
    // Every competency and criterion carries the version that last changed it: 1 here.
    const referential = referentialOf(CQPM);
    const competencies = referential.blocs.flatMap((b) => b.competencies);
    const criteria = competencies.reduce(
      (n, c) => n + Object.values(c.criteria).reduce((m, list) => m + list.length, 0),
      0,
    );
    const paths = await page.getByTestId('blame').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-path')));
    assert.equal(paths.filter((p) => /^competencies\.\d+$/.test(p)).length, competencies.length);
    assert.equal(paths.filter((p) => /^competencies\.\d+\.criteria\.[a-z]+\[\d+\]$/.test(p)).length, criteria);
    const first = competencies[0];
    const criterion = page.locator(`[data-testid="blame"][data-path="competencies.${first.number}.criteria.methods[0]"]`);
    assert.equal(await criterion.getAttribute('data-version'), '1');
    await shot(page, 'gtp-blame');

    await page.getByTestId('blame-toggle').click();
    await page.getByTestId('blame-legend').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('blame').count(), 0);
  });

  it('rejects a proposal through the reason dialog', async () => {
    // A second proposal, through the API: a criterion of competency 1 reworded.
    const current = await api(`/cqpms/${CQPM}`);
    const referential = structuredClone(current.referential);
    const before = referential.blocs[0].competencies[0].criteria.methods[0];
    const after = before.replace(/^La conformité/, 'La conformité documentée');
    assert.notEqual(after, before);
    referential.blocs[0].competencies[0].criteria.methods[0] = after;
    const res = await page.request.post(`${base}/api/v1/cqpms/${CQPM}/proposals`, {
      headers: { 'X-CQPM-CSRF': '1' },
      data: { referential, reason: 'Préciser la vérification de conformité.' },
    });
    assert.equal(res.status(), 201, await res.text());
    const second = (await res.json()).id;

    await page.goto(`${base}/propositions/${second}`);
    const change = page.locator('[data-testid="diff-change"][data-kind="criterion"][data-action="reworded"]');
    await change.waitFor();
    // Both sides, the added words marked on the new one.
    assert.equal((await change.getByTestId('diff-old').textContent()).trim(), before);
    assert.equal((await change.getByTestId('diff-new').textContent()).trim(), after);
    assert.match(await change.getByTestId('diff-new').locator('ins').first().textContent(), /documentée/);
    assert.match(await change.textContent(), new RegExp(escapeRegExp('Méthodes utilisées')));

    await page.getByTestId('proposal-reject').click();
    const dialog = page.getByTestId('reject-dialog');
    await dialog.waitFor();
    await page.getByTestId('reject-dialog-confirm').click();
    await dialog.getByRole('alert').filter({ hasText: REASON_MESSAGE }).waitFor();
    await page.getByTestId('reject-dialog-reason').fill('Formulation déjà couverte par le critère suivant.');
    await page.getByTestId('reject-dialog-confirm').click();
    await page.locator('[data-testid="proposal-state"][data-state="rejected"]').waitFor();
    await page.getByTestId('proposal-rejection').filter({ hasText: 'Formulation déjà couverte' }).waitFor();
    assert.equal(await page.getByTestId('review-actions').count(), 0);
    await shot(page, 'gtp-proposal-rejected');

    // Only the published version counts: still version 2.
    assert.equal((await api(`/cqpms/${CQPM}`)).referential_version, 2);
  });

  it("shows a file's pinned referential version, with a link to it", async () => {
    await logout();
    await login('centre');
    const files = await api('/files?limit=100');
    const file = files.items.find((f) => f.referential);
    assert.ok(file, 'no registered file in the centre coordinator scope');
    await page.goto(`${base}/dossiers/${encodeURIComponent(file.id)}`);
    const line = page.getByTestId('file-referential');
    await line.filter({ hasText: `Référentiel : version ${file.referential.version}` }).waitFor();
    await page.getByTestId('file-referential-link').click();
    await page.waitForURL(new RegExp(`/cqpm/${file.cqpm}/versions/${file.referential.version}$`));
    await page.locator(`[data-testid="referential-version-page"][data-version="${file.referential.version}"]`).waitFor();
    // Counts of files by centre are for the GTP's auditors, not for a centre.
    assert.equal(await page.getByTestId('pinned-files').count(), 0);
    await shot(page, 'file-pinned-version');
  });

  it('moves a registered file to the version in force, after showing what changes', async () => {
    // Signed in as the centre by the previous test.
    await page.goto(`${base}/dossiers/${encodeURIComponent(pinnedFileId)}`);
    const section = page.getByTestId('referential-move');
    await section
      .getByTestId('referential-move-text')
      .filter({ hasText: 'Ce dossier suit la version 1 du référentiel ; la version 2 est en vigueur.' })
      .waitFor();
    await section.getByTestId('diff').filter({ hasText: NEW_CODE }).waitFor();
    await shot(page, 'file-referential-move');
    await section.getByTestId('referential-move-confirm').click();
    await page.getByTestId('file-notice').filter({ hasText: 'Le dossier suit maintenant la version 2 du référentiel.' }).waitFor();
    await page.getByTestId('file-referential').filter({ hasText: 'Référentiel : version 2' }).waitFor();
    await page.locator('[data-testid="history-entry"][data-transition="move_referential"]').waitFor();
    assert.equal(await section.count(), 0, 'nothing more to move');
    // The registration answers are changed from their own « Modifier », in the correction form.
    await page.getByTestId('registration-edit').click();
    await page.getByTestId('correction-registration').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'correction-registration');
    // The answers alone: the identity is not offered for change from there.
    await page.getByTestId('correction-form').getByRole('heading', { name: "Modifier les informations d'inscription" }).waitFor();
    assert.equal(await page.getByTestId('correction-given-name').count(), 0);
  });
});
