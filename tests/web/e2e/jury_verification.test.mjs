// End-to-end test of the jury, verification, notification and deadline pages
// against the real server (harness.mjs starts `cqpm serve --demo` and chromium).
//
// The demo leaves Camille Rousseau's file (qualite, VAE: no company opinion)
// ready for the jury, its grid signed by two evaluators. As the centre
// coordinator: a new jury session (refused in French while the form is empty),
// both demo jury members invited and marked present (the deliberation is
// refused while the employee college is missing), the file added, the
// deliberation opened. As jury-employeur: the proposal is confirmed, competency
// by competency (a verdict departing from the commission without its written
// reason is refused first; the derived result shows live); the decision is only
// recorded (« elle prendra effet à la publication des résultats », no
// certificate yet); the minutes download as a PDF. The session then ends: the
// centre designates Bernard Fontaine president (and records an erratum), he
// closes the session and signs the minutes; the centre cannot publish while the
// employee college has not signed; jury-salarie signs; the centre publishes the
// results: the file is certified, and its certificate downloads as a PDF from
// the file page, with its verification code, and Camille herself (candidat-vae)
// downloads it from her own file page. In a fresh, logged-out browser
// context, /verify/<code> says « Certificat valide » with the holder's name, and
// an unknown code « Code inconnu ». The centre revokes the decision with a
// reason (after downloading the results CSV): the verification then says
// « Décision révoquée ».
// Also: the notification bell and list, a report deadline set then extended on
// a file page, and the dashboard's « en retard » flag. Last, the centre corrects
// Emma Lefèvre's family name with a reason and proposes her file to the Lille
// centre, which accepts it from its « Transferts » page and opens the file.
// Then Thomas Blanc, who holds the industrialisation CQPM from the demo, comes
// back for blocs 1 and 2 only: the centre carries bloc 1 over from the earlier
// decision, and only bloc 2's competencies are left to plan.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shot, startDemo } from './harness.mjs';

// YYYY-MM-DD of today in Paris (the sessions' time zone).
const TODAY_IN_PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const HOLDER = 'Camille Rousseau';
const SESSION_PLACE = 'Lyon, salle du jury paritaire';

describe('web: a paritary jury decides, the certificate is verified', { timeout: 260_000 }, () => {
  let demo = null;
  let page = null;
  let base = '';
  let fileId = '';
  let sessionUrl = '';
  let code = '';

  before(async () => {
    demo = await startDemo();
    ({ page, base } = demo);
    // Set up through the API: the demo file that is ready for the jury.
    const token = await apiLogin('centre');
    const list = await apiGet('/files?state=ready_for_jury&q=Rousseau', token);
    const file = list.items.find((f) => f.candidate.family_name === 'Rousseau');
    assert.ok(file, `the demo has no file of ${HOLDER} ready for the jury: ${JSON.stringify(list)}`);
    fileId = file.id;
  });

  after(async () => {
    await demo?.close();
  });

  async function apiLogin(login) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password: 'demo' }),
    });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    return JSON.parse(text).token;
  }

  async function apiGet(path, token) {
    const res = await fetch(`${base}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const text = await res.text();
    assert.equal(res.status, 200, `${path}: ${text}`);
    return JSON.parse(text);
  }

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

  const member = (name) => page.getByTestId('jury-member').filter({ hasText: name });
  const notice = () => page.getByTestId('jury-notice');

  it('lets the centre convene a session, invite both colleges and open the deliberation', async () => {
    await login('centre');
    await page.getByTestId('nav-juries').click();
    await page.getByRole('heading', { name: 'Jurys paritaires' }).waitFor();
    await page.getByTestId('jury-new').click();

    // An empty form is refused before sending, in French.
    await page.getByTestId('jury-new-submit').click();
    await page.getByTestId('jury-new-error-date').filter({ hasText: 'Indiquez la date de la session' }).waitFor();
    await page.getByTestId('jury-new-error-place').filter({ hasText: 'Indiquez le lieu de la session.' }).waitFor();

    // The deliberation opens on the session's day, Paris time: the session is today.
    await page.getByLabel('Date de la session').fill(TODAY_IN_PARIS);
    await page.getByLabel('Heure (heure de Paris)').fill('09:30');
    await page.getByLabel('Lieu').fill(SESSION_PLACE);
    await page.getByTestId('jury-new-submit').click();
    await page.waitForURL(/\/jurys\/[0-9a-f-]{36}$/);
    sessionUrl = page.url();
    await page.getByTestId('jury-session-title').filter({ hasText: 'à 9 h 30' }).waitFor();
    await page.getByTestId('jury-session-state').filter({ hasText: 'En préparation' }).waitFor();

    // Both demo jury members, each with their college.
    const picker = page.getByLabel('Membre du jury');
    await picker.selectOption({ label: 'Bernard Fontaine (collège employeurs)' });
    await page.getByTestId('jury-invite-submit').click();
    await member('Bernard Fontaine').filter({ hasText: 'collège employeurs' }).waitFor();
    await picker.selectOption({ label: 'Isabelle Garnier (collège salariés)' });
    await page.getByTestId('jury-invite-submit').click();
    await member('Isabelle Garnier').filter({ hasText: 'collège salariés' }).waitFor();
    // Every jury member of the centre is invited: the form says so, no free-text identifier.
    await page.getByTestId('jury-invite-none').filter({ hasText: 'Tous les membres du jury' }).waitFor();
    assert.equal(await page.locator('input#jury-invite-member').count(), 0);

    // Only the employer college present: the deliberation is refused, in French, naming the college.
    await member('Bernard Fontaine').getByTestId('jury-member-present').check();
    await page.locator('[data-testid="jury-member"][data-present="true"]').filter({ hasText: 'Bernard Fontaine' }).waitFor();
    await page.getByTestId('jury-quorum-hint').filter({ hasText: 'collège salariés' }).waitFor();
    await page.getByTestId('jury-open').click();
    await notice().filter({ hasText: 'Quorum non atteint' }).filter({ hasText: 'collège salarié' }).waitFor();
    await shot(page, 'jury-quorum-refused');

    await member('Isabelle Garnier').getByTestId('jury-member-present').check();
    await page.locator('[data-testid="jury-member"][data-present="true"]').filter({ hasText: 'Isabelle Garnier' }).waitFor();

    // The file ready for the jury, then the deliberation.
    await page.getByLabel('Dossier prêt pour le jury').selectOption(fileId);
    await page.getByTestId('jury-add-file-submit').click();
    const card = page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"]`);
    await card.filter({ hasText: HOLDER }).waitFor();
    assert.equal(await card.getAttribute('data-state'), 'ready_for_jury');

    await page.getByTestId('jury-open').click();
    await page.getByTestId('jury-session-state').filter({ hasText: 'Délibération ouverte' }).waitFor();
    // Opened, the session holds: no more invitations nor attendance changes.
    await page.getByTestId('jury-members-frozen').waitFor();
    assert.equal(await page.getByTestId('jury-member-present').count(), 0);
    assert.equal(await page.getByTestId('jury-invite-submit').count(), 0);
    await page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"][data-state="in_deliberation"]`).waitFor();
    // The proposal from the grid: every competency acquired, the whole CQPM.
    await card.getByTestId('jury-proposal-outcome').filter({ hasText: 'CQPM délivré' }).waitFor();
    await shot(page, 'jury-open');
    await logout();
  });

  it('lets a present jury member confirm the proposal; the decision is recorded, to take effect at publication', async () => {
    await login('jury-employeur');
    await page.getByTestId('nav-juries').click();
    await page.getByRole('heading', { name: 'Jurys paritaires' }).waitFor();
    const sessionId = sessionUrl.split('/').pop();
    await page.locator(`[data-testid="jury-session-row"][data-session-id="${sessionId}"]`).getByTestId('jury-session-link').click();
    await page.waitForURL(sessionUrl);

    const card = page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"]`);
    const form = card.getByTestId('decision-form');
    await form.waitFor();
    const derived = (outcome) => form.locator(`[data-testid="decision-derived-outcome"][data-outcome="${outcome}"]`);
    const first = form.locator('[data-testid="decision-competency"][data-number="1"]');
    // Every competency starts as the commission signed it (acquired): the whole CQPM.
    await derived('certified').filter({ hasText: 'Résultat : CQPM délivré' }).waitFor();
    await first.getByTestId('decision-competency-commission').filter({ hasText: 'acquise' }).waitFor();

    // A verdict departing from the commission needs its written reason: refused before sending.
    // The seed's referential says nothing of the RNCP: no bloc can be awarded, so the CQPM is not.
    await form.getByText("n'indique pas que ce CQPM est inscrit au RNCP").waitFor();
    await first.getByTestId('decision-competency-validated').uncheck();
    await derived('not_certified').filter({ hasText: 'CQPM non délivré' }).waitFor();
    await first.getByTestId('decision-competency-reason').waitFor();
    await form.getByTestId('decision-submit').click();
    await first.getByTestId('decision-competency-error').filter({ hasText: 'motif' }).waitFor();

    // Validated again, as the commission said: the proposal is confirmed, no verdict departs.
    await first.getByTestId('decision-competency-validated').check();
    await derived('certified').filter({ hasText: 'CQPM délivré' }).waitFor();
    assert.equal(await first.getByTestId('decision-competency-error').count(), 0);
    await card.getByRole('button', { name: 'Confirmer la proposition' }).waitFor();
    const [decided] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/files/${fileId}/decision`) && r.request().method() === 'POST'),
      card.getByTestId('decision-submit').click(),
    ]);
    assert.equal(decided.status(), 201, await decided.text());
    assert.deepEqual(decided.request().postDataJSON(), { competencies: [] });
    // Only recorded: no certificate until the results are published.
    assert.deepEqual((await decided.json()).awards, []);

    await card.getByTestId('jury-decision-outcome').filter({ hasText: 'CQPM délivré' }).waitFor();
    await card.getByTestId('jury-decision-validation').filter({ hasText: 'Toutes les compétences validées' }).waitFor();
    await card
      .getByTestId('jury-decision-pending')
      .filter({ hasText: 'Décision enregistrée : elle prendra effet à la publication des résultats' })
      .waitFor();
    assert.equal(await card.getAttribute('data-state'), 'in_deliberation');
    assert.equal(await card.getByTestId('jury-award').count(), 0, 'no certificate before the publication');
    // Not the president (none designated yet): the session cannot be closed from here.
    assert.equal(await page.getByTestId('jury-close').count(), 0);
    await shot(page, 'jury-decided');

    const minutesHref = await page.getByTestId('jury-minutes').getAttribute('href');
    const minutes = await page.request.get(`${base}${minutesHref}`);
    assert.equal(minutes.status(), 200);
    assert.match(minutes.headers()['content-type'], /^application\/pdf/);
    await logout();
  });

  const sessionState = (label) => page.getByTestId('jury-session-state').filter({ hasText: label });
  const signature = (name) => page.getByTestId('jury-signature').filter({ hasText: name });

  async function openSession() {
    await page.goto(sessionUrl);
    await page.getByTestId('jury-session-title').waitFor();
  }

  it('lets the centre designate the president, who closes the session and signs the minutes', async () => {
    await login('centre');
    await openSession();
    await sessionState('Délibération ouverte').waitFor();
    // No publication while the deliberation is open.
    assert.equal(await page.getByTestId('jury-publish').count(), 0);

    await page.getByTestId('jury-president-select').selectOption({ label: 'Bernard Fontaine (collège employeurs)' });
    await page.getByTestId('jury-president-submit').click();
    await page.getByTestId('jury-president').filter({ hasText: 'Bernard Fontaine' }).waitFor();

    // An erratum: its text is required (refused in French before sending), then listed.
    await page.getByTestId('jury-erratum-submit').click();
    await page.getByTestId('jury-erratum-error').filter({ hasText: "Indiquez le texte de l'erratum." }).waitFor();
    await page.getByTestId('jury-erratum-text').fill('Lire « salle du jury paritaire, 2e étage ».');
    await page.getByTestId('jury-erratum-submit').click();
    await page.getByTestId('jury-erratum').filter({ hasText: '2e étage' }).filter({ hasText: 'Claire Moreau' }).waitFor();
    await logout();

    // The president closes the session (confirmed in a dialog), then signs its minutes.
    await login('jury-employeur');
    await openSession();
    await page.getByTestId('jury-close').click();
    const [closed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST'),
      page.getByTestId('jury-close-dialog').getByTestId('jury-close-dialog-confirm').click(),
    ]);
    assert.equal(closed.status(), 200, await closed.text());
    await sessionState('Session close').waitFor();
    assert.equal(await page.getByTestId('jury-close').count(), 0);
    const card = page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"]`);
    await card.getByTestId('jury-decision-pending').waitFor();

    await page.getByTestId('jury-sign').click();
    await signature('Bernard Fontaine').filter({ hasText: 'collège employeurs' }).waitFor();
    assert.equal(await page.getByTestId('jury-sign').count(), 0, 'one signature each');
    await shot(page, 'jury-closed');
    await logout();
  });

  it('publishes the results once both colleges signed; the certificate downloads from the file page', async () => {
    // Only the employer college has signed: the centre cannot publish yet, and is told why.
    await login('centre');
    await openSession();
    await sessionState('Session close').waitFor();
    await page.getByTestId('jury-publish-hint').filter({ hasText: 'collège salariés' }).waitFor();
    assert.equal(await page.getByTestId('jury-publish').isDisabled(), true);
    await logout();

    await login('jury-salarie');
    await openSession();
    await page.getByTestId('jury-sign').click();
    await signature('Isabelle Garnier').filter({ hasText: 'collège salariés' }).waitFor();
    assert.equal(await page.getByTestId('jury-signature').count(), 2);
    await logout();

    // The centre publishes: the decision takes effect, the file is certified, the certificate issued.
    await login('centre');
    await openSession();
    await page.locator('[data-testid="jury-publish"]:not([disabled])').click();
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/publication') && r.request().method() === 'POST'),
      page.getByTestId('jury-publish-dialog').getByTestId('jury-publish-dialog-confirm').click(),
    ]);
    assert.equal(published.status(), 200, await published.text());
    await sessionState('Résultats publiés').waitFor();
    const card = page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"]`);
    await page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"][data-state="certified"]`).waitFor();
    await card.getByTestId('jury-award').filter({ hasText: 'Certificat' }).waitFor();
    assert.equal(await card.getByTestId('jury-decision-pending').count(), 0);
    await shot(page, 'jury-published');

    // The file page: « Décision du jury », the certificate to download and its verification code.
    await card.getByRole('heading', { level: 3 }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/dossiers/${fileId}$`));
    const decision = page.getByTestId('file-decision');
    await decision.filter({ hasText: 'CQPM délivré' }).waitFor();
    code = ((await decision.getByTestId('file-award-code').first().textContent()) ?? '').trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const download = decision.getByTestId('file-award-download').filter({ hasText: 'Télécharger le certificat' });
    const pdfHref = await download.getAttribute('href');
    const pdf = await page.request.get(`${base}${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'], /^application\/pdf/);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    await shot(page, 'file-decision');
    await logout();

    // The holder, Camille Rousseau, sees the decision on her own file page and downloads her certificate.
    await login('candidat-vae');
    await page.goto(`${base}/dossiers/${fileId}`);
    const own = page.getByTestId('file-decision');
    await own.filter({ hasText: 'CQPM délivré' }).waitFor();
    assert.equal(((await own.getByTestId('file-award-code').first().textContent()) ?? '').trim(), code);
    const ownHref = await own.getByTestId('file-award-download').filter({ hasText: 'Télécharger le certificat' }).getAttribute('href');
    const ownPdf = await page.request.get(`${base}${ownHref}`);
    assert.equal(ownPdf.status(), 200);
    assert.equal((await ownPdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    // And keeps it as a signed digital badge (Open Badges 3.0, a JWT: three base64url parts).
    const credentialHref = await own.getByTestId('file-award-credential').first().getAttribute('href');
    const credential = await page.request.get(`${base}${credentialHref}`);
    assert.equal(credential.status(), 200);
    assert.equal(credential.headers()['content-type'], 'application/jwt');
    assert.match((await credential.body()).toString('latin1'), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    await shot(page, 'file-decision-holder');
    await logout();

    // The GTP, which oversees the juries, reads the decided file and takes its signed audit bundle, but
    // writes nothing on it: the comments are shown without their form.
    await login('gtp-employeur');
    await page.goto(`${base}/dossiers/${fileId}`);
    await page.getByTestId('file-decision').filter({ hasText: 'CQPM délivré' }).waitFor();
    const bundleHref = await page.getByTestId('file-audit-bundle').getAttribute('href');
    const bundle = await page.request.get(`${base}${bundleHref}`);
    assert.equal(bundle.status(), 200);
    assert.equal(bundle.headers()['content-type'], 'application/zip');
    await page.getByTestId('comments-section').waitFor();
    assert.equal(await page.getByTestId('comment-form').count(), 0);
    await shot(page, 'file-decision-gtp');

    // The auditor reads the file as it stood at a past instant: the current minute (Paris time) shows the
    // events by then; a day years before the file existed is refused in French before anything is asked.
    const section = page.getByTestId('file-as-of');
    await section.getByTestId('file-as-of-show').click();
    const result = section.getByTestId('file-as-of-result');
    await result.waitFor();
    assert.match(await result.getByRole('heading').first().textContent(), /^Dossier au \d{2}\/\d{2}\/\d{4} à \d{1,2} h \d{2}$/);
    assert.notEqual((await section.getByTestId('file-as-of-state').textContent()).trim(), '');
    const events = await page.request.get(`${base}/api/v1/files/${fileId}/events`);
    const shown = Number(await section.getByTestId('file-as-of-events').getAttribute('data-count'));
    assert.ok(shown >= 1 && shown <= (await events.json()).items.length, `events shown: ${shown}`);
    await section.getByTestId('file-as-of-input').fill('2020-01-01T10:00');
    await section.getByTestId('file-as-of-show').click();
    await section.getByTestId('file-as-of-error').filter({ hasText: /avant|n'existait/ }).waitFor();
    await shot(page, 'file-as-of-gtp');
    await logout();
  });

  async function verifyInFreshContext(path) {
    const context = await page.context().browser().newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const visitor = await context.newPage();
    visitor.setDefaultTimeout(15_000);
    await visitor.goto(`${base}${path}`);
    return { visitor, close: () => context.close() };
  }

  it('shows anyone, logged out, that the certificate is valid, and an unknown code as unknown', async () => {
    assert.ok(code, 'no award code: the publication step failed');
    const { visitor, close } = await verifyInFreshContext(`/verify/${code}`);
    try {
      await visitor.getByRole('heading', { name: 'Vérifier un certificat' }).waitFor();
      await visitor.getByTestId('verify-verdict').filter({ hasText: 'Certificat valide' }).waitFor();
      assert.equal(await visitor.getByTestId('verify-holder').textContent(), HOLDER);
      await visitor.getByTestId('verify-cqpm').filter({ hasText: 'Technicien de la qualité' }).waitFor();
      await visitor.getByTestId('verify-referential').filter({ hasText: 'Version 1' }).waitFor();
      assert.match((await visitor.getByTestId('verify-seal').textContent()) ?? '', /^[0-9a-f]{64}$/);
      assert.equal(await visitor.getByTestId('current-user').count(), 0, 'the page needs no account');
      await shot(visitor, 'verify-valid');

      // A code typed in the form, lower case and without dashes: unknown.
      await visitor.getByLabel('Code de vérification').fill('zzzz zzzz zzzz');
      await visitor.getByTestId('verify-submit').click();
      await visitor.waitForURL(/\/verify\/ZZZZ-ZZZZ-ZZZZ$/);
      await visitor.getByTestId('verify-verdict').filter({ hasText: 'Code inconnu' }).waitFor();
      assert.equal(await visitor.getByTestId('verify-holder').count(), 0);
      await shot(visitor, 'verify-unknown');
    } finally {
      await close();
    }
  });

  it('lets the centre complete the certified file for the Caisse des Dépôts, then lists its holder to declare', async () => {
    await login('centre');
    await page.goto(`${base}/dossiers/${fileId}`);
    await page.getByTestId('correction-open').click();
    const form = page.getByTestId('correction-form');
    await form.getByTestId('correction-civil-status-note').waitFor();
    assert.equal(await form.getByTestId('correction-family-name').count(), 0, 'a closed file keeps its name');
    await form.getByTestId('correction-sex').selectOption('F');
    await form.getByTestId('correction-birth-insee-code').fill('69123');
    await form.getByTestId('correction-reason').fill('Demandé pour la déclaration à la Caisse des Dépôts');
    const [corrected] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/corrections') && r.request().method() === 'POST'),
      form.getByTestId('correction-submit').click(),
    ]);
    assert.equal(corrected.status(), 200, await corrected.text());
    assert.deepEqual(corrected.request().postDataJSON().candidate, { sex: 'F', birth_insee_code: '69123' });

    // The holder is listed; what still lacks is the RNCP number the demo's referential does not record.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Titulaires à déclarer' }).click();
    const row = page.locator(`[data-testid="holders-row"][data-file-id="${fileId}"]`);
    await row.getByTestId('holders-status').filter({ hasText: 'code RNCP' }).waitFor();
    assert.doesNotMatch(await row.getByTestId('holders-status').textContent(), /sexe|INSEE/);
    await page.getByTestId('holders-csv').waitFor();
    await shot(page, 'holders-to-declare');
    await logout();
  });

  it('lets the centre revoke the decision with a reason; the verification then says revoked', async () => {
    await login('centre');
    await page.goto(sessionUrl);
    // The results for French Excel: UTF-8 with its BOM, semicolons.
    const csvHref = await page.getByTestId('jury-results-csv').getAttribute('href');
    const csv = await page.request.get(`${base}${csvHref}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    const csvText = (await csv.body()).toString('utf8');
    assert.ok(csvText.startsWith('\uFEFF'), 'the CSV starts with the UTF-8 BOM');
    assert.match(csvText, /Rousseau;/);

    const card = page.locator(`[data-testid="jury-file"][data-file-id="${fileId}"]`);
    await card.getByTestId('decision-revoke').click();
    const dialog = page.getByTestId('revoke-dialog');
    await dialog.getByTestId('revoke-dialog-confirm').click();
    await dialog.getByText('Indiquez un motif.').waitFor(); // refused before sending
    await dialog.getByTestId('revoke-dialog-reason').fill('Fraude constatée après la délibération.');
    await dialog.getByTestId('revoke-dialog-confirm').click();
    await card.getByTestId('jury-decision-revoked').filter({ hasText: 'Fraude constatée' }).waitFor();
    assert.equal(await card.getByTestId('jury-award-pdf').count(), 0, 'a revoked certificate is no longer offered');

    const { visitor, close } = await verifyInFreshContext(`/verify/${code}`);
    try {
      await visitor.getByTestId('verify-verdict').filter({ hasText: 'Décision révoquée' }).waitFor();
      assert.equal(await visitor.getByTestId('verify-holder').textContent(), HOLDER);
    } finally {
      await close();
    }
  });

  it('shows the notifications with their unread count, and marks them read', async () => {
    // Still the centre: the demo's files ready for the jury, decisions and late reports notified it.
    const bell = page.getByTestId('notification-bell');
    await page.getByTestId('notification-count').waitFor();
    assert.ok(Number(await bell.getAttribute('data-unread')) > 0);
    await bell.click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByTestId('notification').filter({ hasText: 'Dossier prêt pour le jury' }).first().waitFor();
    await page.getByTestId('notifications-read-all').click();
    await page.getByTestId('notifications-unread').filter({ hasText: 'Aucune notification non lue.' }).waitFor();
    await page.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
    assert.equal(await page.getByTestId('notification-count').count(), 0);
  });

  it('lets each user choose how their e-mails go out, and keeps the choice', async () => {
    // Still the centre, on « Notifications »: « Recevoir les e-mails : immédiatement / un résumé par jour / jamais ».
    const settings = page.getByTestId('email-settings');
    await settings.getByRole('group', { name: 'Recevoir les e-mails' }).waitFor();
    assert.equal(await settings.getByLabel('immédiatement').isChecked(), true);
    await settings.getByLabel('un résumé par jour').check();
    await page.getByTestId('email-settings-saved').filter({ hasText: 'un résumé par jour' }).waitFor();
    await page.reload();
    await page.getByTestId('email-settings').waitFor();
    assert.equal(await page.getByTestId('email-settings').getByLabel('un résumé par jour').isChecked(), true);
    await page.getByTestId('email-settings').getByLabel('immédiatement').check();
    await page.getByTestId('email-settings-saved').filter({ hasText: 'à chaque notification' }).waitFor();
  });

  it('flags late files on the dashboard and lets the centre set then extend a report deadline', async () => {
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    const late = page.locator('[data-testid="file-row"]').filter({ hasText: 'Hugo Bonnet' });
    await late.getByTestId('file-overdue').filter({ hasText: 'en retard' }).waitFor();
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).waitFor();
    assert.equal(
      await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).getByTestId('file-overdue').count(),
      0,
    );
    // The filter keeps the late files only, and says so in the address (shareable).
    await page.getByLabel('Échéance du rapport').selectOption({ label: 'Rapport en retard' });
    await page.waitForURL(/retard=oui/);
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).waitFor({ state: 'detached' });
    await late.waitFor();
    const rows = page.locator('[data-testid="file-row"]');
    for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).getByTestId('file-overdue').waitFor();
    await page.getByLabel('Échéance du rapport').selectOption({ label: 'Toutes les échéances' });
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).waitFor();

    // Lucas Martin's report is due in three weeks (demo): shown, not late.
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).getByTestId('file-link').click();
    await page.getByTestId('deadline-due').filter({ hasText: 'Rapport attendu au plus tard le' }).waitFor();
    assert.equal(await page.getByTestId('deadline-due').getAttribute('data-passed'), 'false');

    // Emma Lefèvre's file has no deadline yet.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Emma Lefèvre' }).getByTestId('file-link').click();
    const section = page.getByTestId('deadline-section');
    await section.waitFor();
    await section.getByText('Aucune échéance fixée pour le rapport.').waitFor();
    await section.getByLabel('Rapport attendu au plus tard le').fill('2030-06-15');
    await section.getByTestId('deadline-set-submit').click();
    await section.getByTestId('deadline-due').filter({ hasText: 'au plus tard le 15 juin 2030' }).waitFor();

    // An extension needs a later day and a reason (refused in French before sending).
    await section.getByLabel('Nouvelle échéance').fill('2030-06-10');
    await section.getByTestId('deadline-extend-submit').click();
    await section.getByText("La nouvelle échéance doit être postérieure à l'échéance en vigueur (15 juin 2030).").waitFor();
    await section.getByText('Indiquez le motif de la prolongation.').waitFor();
    await section.getByLabel('Nouvelle échéance').fill('2030-07-01');
    await section.getByLabel('Motif de la prolongation').fill('Arrêt maladie du candidat');
    await section.getByTestId('deadline-extend-submit').click();
    await section.getByTestId('deadline-due').filter({ hasText: 'au plus tard le 1er juillet 2030' }).waitFor();
    await section.getByTestId('deadline-extensions').filter({ hasText: 'Arrêt maladie du candidat' }).waitFor();
    await shot(page, 'deadline-extended');
  });

  it('lets the centre correct a file and propose it to another centre, which accepts it', async () => {
    // Still the centre: Emma Lefèvre's draft file.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Emma Lefèvre' }).getByTestId('file-link').click();
    await page.getByTestId('file-title').filter({ hasText: 'Emma Lefèvre' }).waitFor();
    const fileUrl = page.url();

    // The correction: the family name only, with its reason (refused in French before sending without one).
    await page.getByTestId('correction-open').click();
    const form = page.getByTestId('correction-form');
    await form.getByTestId('correction-family-name').fill('Lefèvre-Morel');
    await form.getByTestId('correction-submit').click();
    await form.getByTestId('correction-error-reason').filter({ hasText: 'Indiquez le motif de la correction.' }).waitFor();
    await form.getByTestId('correction-reason').fill("Nom d'usage omis à l'inscription");
    const [corrected] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/corrections') && r.request().method() === 'POST'),
      form.getByTestId('correction-submit').click(),
    ]);
    assert.equal(corrected.status(), 200, await corrected.text());
    assert.deepEqual(corrected.request().postDataJSON().candidate, { family_name: 'Lefèvre-Morel' });
    await page.getByTestId('file-title').filter({ hasText: 'Emma Lefèvre-Morel' }).waitFor();
    await page.locator('[data-testid="history-entry"][data-transition="file_corrected"]').waitFor();

    // The transfer to the Lille centre: a centre, a reason, then the confirmation.
    const section = page.getByTestId('transfer-section');
    await section.getByTestId('transfer-open').click();
    await section
      .getByTestId('transfer-centre')
      .selectOption({ label: 'Centre de certification UIMM Hauts-de-France (Hauts-de-France)' });
    await section.getByTestId('transfer-reason').fill('La candidate a déménagé à Lille');
    await section.getByTestId('transfer-submit').click();
    const [proposed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/transfer') && r.request().method() === 'POST'),
      page.getByTestId('transfer-confirm').getByTestId('transfer-confirm-confirm').click(),
    ]);
    assert.equal(proposed.status(), 201, await proposed.text());
    await section
      .getByTestId('transfer-pending')
      .filter({ hasText: 'Transfert proposé à Centre de certification UIMM Hauts-de-France le' })
      .filter({ hasText: 'en attente de réponse' })
      .waitFor();
    await section.getByTestId('transfer-cancel').waitFor();
    await shot(page, 'transfer-proposed');
    await logout();

    // The Lille centre accepts it from its « Transferts » page, then opens the file.
    await login('centre2');
    await page.getByTestId('nav-transfers').click();
    await page.getByRole('heading', { name: 'Transferts', level: 1 }).waitFor();
    const row = page.getByTestId('transfers-incoming').getByTestId('transfer-row').filter({ hasText: 'Emma Lefèvre-Morel' });
    await row.getByTestId('transfer-state').filter({ hasText: 'Proposé' }).waitFor();
    await row.getByTestId('transfer-accept').click();
    const dialog = page.getByTestId('accept-dialog');
    await dialog.getByTestId('accept-dialog-reason').fill('Bienvenue à Lille');
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/acceptance') && r.request().method() === 'POST'),
      dialog.getByTestId('accept-dialog-confirm').click(),
    ]);
    assert.equal(accepted.status(), 200, await accepted.text());
    await row.getByTestId('transfer-state').filter({ hasText: 'Accepté' }).waitFor();
    await shot(page, 'transfer-accepted');
    await page.getByTestId('transfer-open-file').click();
    await page.waitForURL(fileUrl);
    await page.getByTestId('file-title').filter({ hasText: 'Emma Lefèvre-Morel' }).waitFor();
    await page.getByTestId('file-centre').filter({ hasText: 'Centre de certification UIMM Hauts-de-France' }).waitFor();
    await logout();
  });

  it('registers a candidate for some blocs, and carries over a bloc an earlier decision awarded', async () => {
    // Thomas Blanc holds the industrialisation CQPM from the demo's published session; he comes back.
    await login('centre');
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('new-file').click();
    const form = page.getByTestId('new-file-form');
    await form.locator('#nf-cqpm').selectOption('industrialisation');
    await form.getByTestId('new-file-scope-blocs').check();
    await form.getByRole('button', { name: 'Créer le dossier' }).click();
    await form.getByTestId('error-blocs').filter({ hasText: 'Choisissez au moins un bloc.' }).waitFor();
    await form.locator('[data-testid="new-file-bloc"][data-bloc-index="1"]').check();
    await form.locator('[data-testid="new-file-bloc"][data-bloc-index="2"]').check();
    await form.locator('#nf-pathway').selectOption('employee');
    await form.locator('#nf-company').selectOption({ label: 'Mécanique de Précision du Rhône SAS' });
    await form.getByLabel('Prénom').fill('Thomas');
    await form.getByLabel('Nom', { exact: true }).fill('Blanc');
    await form.getByLabel('Adresse e-mail').fill('thomas.blanc@exemple.fr');
    await form.getByLabel('Date de naissance').fill('1990-07-08');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/files') && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Créer le dossier' }).click(),
    ]);
    assert.equal(created.status(), 201, await created.text());
    assert.deepEqual(created.request().postDataJSON().blocs, [1, 2]);
    await page.waitForURL(/\/dossiers\/[^/]+$/);
    await page.getByTestId('file-bloc-scope').filter({ hasText: 'Inscription : blocs' }).filter({ hasText: 'BDC0171' }).waitFor();

    await page.getByTestId('transition-register').click();
    await page.locator('[data-testid="file-state"][data-state="registered"]').waitFor();
    // Both blocs were awarded by the earlier decision: the centre carries the first over.
    const section = page.getByTestId('carry-over');
    await section.locator('[data-testid="carry-over-bloc"][data-bloc-index="2"]').waitFor();
    await section.locator('[data-testid="carry-over-bloc"][data-bloc-index="1"]').getByTestId('carry-over-check').check();
    const [confirmed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/carry-over') && r.request().method() === 'PUT'),
      section.getByTestId('carry-over-submit').click(),
    ]);
    assert.equal(confirmed.status(), 200, await confirmed.text());
    assert.deepEqual(confirmed.request().postDataJSON().blocs, [1]);
    await section.locator('[data-testid="carry-over-bloc"][data-bloc-index="1"][data-confirmed="true"]').waitFor();
    await page.getByTestId('file-bloc-scope-carried').filter({ hasText: 'BDC0170' }).waitFor();
    // Only bloc 2's competencies (3 and 4) are left to plan.
    // The plan reloads once the file's version changed: until then it still shows bloc 1's competencies.
    await page.locator('[data-testid="plan-entry"][data-competency="1"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="plan-entry"][data-competency="3"]').waitFor();
    assert.equal(await page.getByTestId('plan-entry').count(), 2);
    await shot(page, 'carry-over');
    await logout();
  });
});
