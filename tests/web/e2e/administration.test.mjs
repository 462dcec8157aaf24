// End-to-end test of the administration pages against the real server, on a
// fresh install: no --demo, the first administrator created on the command
// line (`cqpm admin create-admin`, the password on stdin) before the server
// starts, and an SMTP sink (smtp_sink.mjs) standing for the mail server.
//
// The administrator logs in, creates a centre (an unknown département is
// refused in French first) and its coordinator's account; the invitation
// e-mail arrives with its link (the server's --public-url); a second account
// with the same login is refused in French; the administration log shows both
// acts. The administrator logs out through the account menu. The coordinator
// opens the link, sees the password rules, is refused a too-short password in
// French, chooses a good one, is told the link cannot serve twice, logs in,
// and creates an evaluator account (only the roles of a centre are offered).
// Then the coordinator creates a company working with the centre and imports
// three candidates from a CSV (« Importer des candidats »): a file with an
// impossible date is refused line by line in French and cannot be imported;
// the corrected file creates the three files, which the dashboard lists.
// Last, the forgotten-password link and the change of password from the
// account menu.
//
// Environment: see harness.mjs.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shot, startServer } from './harness.mjs';
import { linkIn, startSmtpSink } from './smtp_sink.mjs';

const ADMIN_PASSWORD = 'Forge-et-fonderie-2026';
const CENTRE = 'Centre UIMM Test';
const REGION = 'Auvergne-Rhône-Alpes';
const COORDINATOR = { login: 'coord.test', name: 'Camille Durand', email: 'camille.durand@exemple.fr' };
const COORDINATOR_PASSWORD = 'Lyon-Gerland-presse-plieuse';
const EVALUATOR = { login: 'eval.test', name: 'Patrick Girard', email: 'patrick.girard@exemple.fr' };
// A company working with the centre (its SIRET passes the Luhn check), named by the imported employees.
const COMPANY = { name: 'Forges de Gerland', siret: '12345678900015' };
const CANDIDATES = [
  { family: 'Martin', given: 'Léa', birth: '12/04/1998', email: 'lea.martin@exemple.fr', pathway: 'salarie', siret: COMPANY.siret },
  { family: 'Bernard', given: 'Hugo', birth: '03/11/1995', email: 'hugo.bernard@exemple.fr', pathway: 'vae', siret: '' },
  { family: 'Petit', given: 'Inès', birth: '27/01/2000', email: 'ines.petit@exemple.fr', pathway: 'salarie', siret: COMPANY.siret },
];
const IMPORT_HEADER = 'nom;prenom;date_naissance;email;cqpm;parcours;siret_entreprise';
/** The CSV of the import (UTF-8 with a BOM and CRLF, as Excel writes it), one line per candidate. */
const importCsv = (candidates) =>
  '\uFEFF' +
  [IMPORT_HEADER, ...candidates.map((c) => [c.family, c.given, c.birth, c.email, 'qualite', c.pathway, c.siret].join(';'))].join('\r\n') +
  '\r\n';
// The server may keep the départements in the order typed or sorted.
const DEPARTEMENTS = /69, 01|01, 69/;

// The French sentences of web/src/shared/errors/errors.ts, administration.ts and passwordPolicy.ts.
const DEPARTEMENTS_MESSAGE = 'Départements invalides : indiquez des codes séparés par des virgules';
const LOGIN_TAKEN = 'Cet identifiant est déjà pris.';
const SENT_BY_EMAIL = 'Invitation envoyée par e-mail';
const POLICY = 'au moins 12 caractères, différent de votre identifiant, pas un mot de passe courant';
const TOO_SHORT = 'Le mot de passe doit compter au moins 12 caractères.';
const LINK_USED = 'Ce lien a déjà servi';
const RESET_REQUESTED = "Si un compte correspond, un e-mail vient d'être envoyé avec un lien valable 72 heures.";
const WRONG_CURRENT = 'Mot de passe actuel incorrect.';
const NO_SUCH_DATE = /n'existe pas/;

describe('web: a fresh install is administered in the app', { timeout: 240_000 }, () => {
  let sink = null;
  let server = null;
  let page = null;
  let base = '';
  let centreId = '';
  let invitationLink = '';

  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({
      demo: false,
      beforeStart: async ({ dataDir, serverBin }) => {
        const created = spawnSync(
          serverBin,
          ['admin', 'create-admin', '--login', 'admin', '--email', 'admin@exemple.fr', '--data', dataDir],
          { input: `${ADMIN_PASSWORD}\n`, encoding: 'utf8', timeout: 60_000 },
        );
        assert.equal(created.status, 0, `cqpm admin create-admin failed:\n${created.stdout}\n${created.stderr}`);
      },
      args: ({ base: url }) => ['--smtp-host', '127.0.0.1', '--smtp-port', String(sink.port), '--public-url', url],
    });
    ({ page, base } = server);
  });

  after(async () => {
    await server?.close();
    await sink?.close();
  });

  async function login(who, password) {
    await page.goto(`${base}/connexion`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.getByLabel('Identifiant').fill(who);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('current-user').waitFor();
  }

  /** Logs out through the account menu (the header keeps its own « Se déconnecter » button too). */
  async function logoutFromMenu() {
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
  }

  const mailTo = (email, pathPrefix) =>
    sink.waitFor((m) => m.to.includes(email) && linkIn(m, pathPrefix) !== null, 20_000);

  const accountRow = (name) => page.getByTestId('account-row').filter({ hasText: name });
  // The forms' fields, apart from the list filters of the same name (Rôle, Organisation).
  const orgForm = () => page.getByTestId('org-form');
  const accountForm = () => page.getByTestId('account-form');
  const chosen = (select, label) => select.locator('option:checked').filter({ hasText: label }).waitFor({ state: 'attached' });

  async function openAdministration(tab) {
    await page.getByTestId('nav-administration').click();
    await page.getByRole('heading', { name: 'Administration', exact: true }).waitFor();
    await page.getByTestId(tab).click();
  }

  it('lets the first administrator create a centre', async () => {
    await login('admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').filter({ hasText: 'Administrateur' }).waitFor();
    await openAdministration('admin-tab-organisations');
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();

    await page.getByRole('button', { name: 'Nouvelle organisation' }).click();
    await orgForm().getByLabel("Type d'organisation").selectOption({ label: 'Centre de certification' });
    await orgForm().getByLabel('Nom').fill(CENTRE);
    await orgForm().getByLabel('Région').selectOption({ label: REGION });
    // 99 is no département: refused before sending, next to the field.
    await orgForm().getByLabel('Départements').fill('69, 99');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.getByTestId('org-error-departements').filter({ hasText: DEPARTEMENTS_MESSAGE }).waitFor();
    assert.equal(await orgForm().getByLabel('Départements').getAttribute('aria-invalid'), 'true');
    await shot(page, 'admin-centre-refused');

    await orgForm().getByLabel('Départements').fill('69, 01');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.waitForURL(/\/administration\/organisations\/[^/]+$/);
    centreId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('organisation-title').filter({ hasText: CENTRE }).waitFor();
    await page.getByTestId('organisation-notice').filter({ hasText: 'Organisation créée.' }).waitFor();
    await page.getByTestId('organisation-region').filter({ hasText: REGION }).waitFor();
    await page.getByTestId('organisation-departements').filter({ hasText: DEPARTEMENTS }).waitFor();
    await page.getByTestId('organisation-state').filter({ hasText: 'Active' }).waitFor();

    // The list shows it, with its territory.
    await page.getByTestId('admin-tab-organisations').click();
    const row = page.getByTestId('organisation-row').filter({ hasText: CENTRE });
    await row.filter({ hasText: 'Centre de certification' }).filter({ hasText: REGION }).filter({ hasText: DEPARTEMENTS }).waitFor();
    await shot(page, 'admin-organisations');
  });

  it("creates the centre coordinator's account: the invitation arrives by e-mail", async () => {
    await page.getByTestId('organisation-row').filter({ hasText: CENTRE }).getByTestId('organisation-link').click();
    await page.getByTestId('organisation-new-account').click();
    await page.getByRole('heading', { name: 'Nouveau compte' }).waitFor();

    await accountForm().getByLabel('Identifiant').fill(COORDINATOR.login);
    await accountForm().getByLabel('Nom affiché').fill(COORDINATOR.name);
    await accountForm().getByLabel('Adresse e-mail').fill(COORDINATOR.email);
    await accountForm().getByLabel('Rôle').selectOption({ label: 'Coordinateur du centre' });
    // No college for a coordinator.
    assert.equal(await accountForm().getByLabel('Collège').count(), 0);
    const organisation = accountForm().getByLabel('Organisation', { exact: true });
    await organisation.locator('option', { hasText: CENTRE }).waitFor({ state: 'attached' });
    await organisation.selectOption({ label: CENTRE });
    await page.getByRole('button', { name: "Créer le compte et envoyer l'invitation" }).click();

    const created = page.getByTestId('account-created');
    await created.filter({ hasText: COORDINATOR.name }).waitFor();
    await created.getByTestId('invitation-delivery').filter({ hasText: SENT_BY_EMAIL }).waitFor();
    await accountRow(COORDINATOR.name).filter({ hasText: 'Coordinateur du centre' }).filter({ hasText: 'Invité' }).waitFor();
    await shot(page, 'admin-account-created');

    const mail = await mailTo(COORDINATOR.email, '/invitation/');
    invitationLink = linkIn(mail, '/invitation/');
    assert.ok(invitationLink.startsWith(`${base}/invitation/`), `the link names the public URL: ${invitationLink}`);

    // The same login again is refused in French, next to the field.
    await page.getByRole('button', { name: 'Nouveau compte' }).click();
    await accountForm().getByLabel('Identifiant').fill(COORDINATOR.login);
    await accountForm().getByLabel('Nom affiché').fill('Camille Durand (bis)');
    await accountForm().getByLabel('Adresse e-mail').fill('camille.bis@exemple.fr');
    await accountForm().getByLabel('Rôle').selectOption({ label: 'Coordinateur du centre' });
    await accountForm().getByLabel('Organisation', { exact: true }).locator('option', { hasText: CENTRE }).waitFor({ state: 'attached' });
    await accountForm().getByLabel('Organisation', { exact: true }).selectOption({ label: CENTRE });
    await page.getByRole('button', { name: "Créer le compte et envoyer l'invitation" }).click();
    await page.getByTestId('account-error-login').filter({ hasText: LOGIN_TAKEN }).waitFor();
    assert.equal(await accountForm().getByLabel('Identifiant').getAttribute('aria-invalid'), 'true');
    await page.getByRole('button', { name: 'Annuler' }).click();

    // Both acts are in the administration log, newest first.
    await page.getByTestId('admin-tab-log').click();
    await page.getByRole('heading', { name: "Journal d'administration" }).waitFor();
    const log = page.getByTestId('admin-log-row');
    await log.filter({ hasText: 'Organisation créée' }).filter({ hasText: CENTRE }).waitFor();
    // The account is named by its display name or its login.
    const coordinatorNamed = new RegExp(`${COORDINATOR.name}|${COORDINATOR.login.replace('.', '\\.')}`);
    await log.filter({ hasText: 'Compte créé' }).filter({ hasText: coordinatorNamed }).first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Exporter (CSV)' }).getAttribute('href'), '/api/v1/admin/log.csv');
    await shot(page, 'admin-log');

    await logoutFromMenu();
  });

  it('lets the coordinator choose a password from the invitation link', async () => {
    await page.goto(invitationLink);
    await page.getByRole('heading', { name: 'Choisir mon mot de passe' }).waitFor();
    await page.getByTestId('link-account').filter({ hasText: COORDINATOR.name }).filter({ hasText: COORDINATOR.login }).waitFor();
    // The rules are stated before typing.
    await page.getByTestId('password-policy').filter({ hasText: POLICY }).waitFor();

    await page.getByLabel('Nouveau mot de passe').fill('trop-court');
    await page.getByLabel('Confirmation du mot de passe').fill('trop-court');
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.getByTestId('error-new-password').filter({ hasText: TOO_SHORT }).waitFor();
    await shot(page, 'invitation-too-short');

    await page.getByLabel('Nouveau mot de passe').fill(COORDINATOR_PASSWORD);
    await page.getByLabel('Confirmation du mot de passe').fill(COORDINATOR_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.getByTestId('password-set').filter({ hasText: 'Votre mot de passe est enregistré' }).waitFor();

    // A link serves once.
    await page.goto(invitationLink);
    await page.getByTestId('link-error').filter({ hasText: LINK_USED }).waitFor();

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await login(COORDINATOR.login, COORDINATOR_PASSWORD);
    await page.getByTestId('current-user').filter({ hasText: 'Coordinateur du centre' }).filter({ hasText: CENTRE }).waitFor();
  });

  it('lets the coordinator create an evaluator account in their centre', async () => {
    await openAdministration('admin-tab-accounts');
    await page.getByRole('heading', { name: 'Comptes' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau compte' }).click();

    // Only the roles of a centre are offered to its coordinator.
    const roles = await accountForm().getByLabel('Rôle').locator('option').allTextContents();
    assert.deepEqual(roles.slice(1), ['Évaluateur', 'Membre du jury', 'Candidat', 'Tuteur entreprise']);
    // A jury member sits for a college; an evaluator does not.
    await accountForm().getByLabel('Rôle').selectOption({ label: 'Membre du jury' });
    await accountForm().getByLabel('Collège').waitFor();
    await accountForm().getByLabel('Rôle').selectOption({ label: 'Évaluateur' });
    assert.equal(await accountForm().getByLabel('Collège').count(), 0);

    await accountForm().getByLabel('Identifiant').fill(EVALUATOR.login);
    await accountForm().getByLabel('Nom affiché').fill(EVALUATOR.name);
    await accountForm().getByLabel('Adresse e-mail').fill(EVALUATOR.email);
    // The coordinator's own centre is the only choice, and is chosen.
    const organisation = accountForm().getByLabel('Organisation', { exact: true });
    await chosen(organisation, CENTRE);
    assert.equal(await organisation.inputValue(), centreId);
    await page.getByRole('button', { name: "Créer le compte et envoyer l'invitation" }).click();

    await page.getByTestId('account-created').getByTestId('invitation-delivery').filter({ hasText: SENT_BY_EMAIL }).waitFor();
    await accountRow(EVALUATOR.name).filter({ hasText: 'Évaluateur' }).filter({ hasText: 'Invité' }).waitFor();
    await mailTo(EVALUATOR.email, '/invitation/');
    await shot(page, 'coordinator-accounts');
  });

  it('lets the coordinator create a company working with the centre', async () => {
    await page.getByTestId('admin-tab-organisations').click();
    await page.getByRole('heading', { name: 'Organisations' }).waitFor();
    await page.locator('.table-wrap[aria-busy="false"]').getByTestId('organisations-table').waitFor();
    const existing = page.getByTestId('organisation-row').filter({ hasText: COMPANY.name });
    if ((await existing.count()) === 0) {
      await page.getByRole('button', { name: 'Nouvelle organisation' }).click();
      // A coordinator creates companies only: the type is fixed, and the company works with their centre.
      await orgForm().getByTestId('org-kind-fixed').filter({ hasText: 'Entreprise' }).waitFor();
      await orgForm().getByTestId('org-centres-note').filter({ hasText: CENTRE }).waitFor();
      await orgForm().getByLabel('Nom').fill(COMPANY.name);
      await orgForm().getByLabel('SIRET').fill(COMPANY.siret);
      await page.getByRole('button', { name: "Créer l'organisation" }).click();
      await page.getByTestId('organisation-title').filter({ hasText: COMPANY.name }).waitFor();
      await page.getByTestId('organisation-siret').filter({ hasText: '123 456 789 00015' }).waitFor();
    }
  });

  it('lets the coordinator import three candidates from a CSV file', async () => {
    await page.getByTestId('admin-tab-import').click();
    await page.getByRole('heading', { name: 'Importer des candidats' }).waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Télécharger le modèle (CSV)' }).getAttribute('href'),
      '/api/v1/imports/candidates/template',
    );
    const file = page.getByLabel('Fichier des candidats');
    const upload = (name, candidates) =>
      file.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(importCsv(candidates), 'utf8') });

    // 31/02/1990 is no date: the line (3: the header is line 1) is refused in French, and nothing can be imported.
    await upload('candidats-erreur.csv', [CANDIDATES[0], { ...CANDIDATES[1], birth: '31/02/1990' }, CANDIDATES[2]]);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByTestId('import-counts').filter({ hasText: '2 lignes valides, 1 ligne en erreur' }).waitFor();
    const refused = page.getByTestId('import-error-row').filter({ hasText: NO_SUCH_DATE });
    await refused.filter({ hasText: '31/02/1990' }).filter({ hasText: 'date_naissance' }).waitFor();
    assert.equal(await refused.getAttribute('data-line'), '3');
    assert.equal(await refused.locator('th').textContent(), '3');
    assert.ok(await page.getByTestId('import-confirm').isDisabled(), '« Importer » stays disabled while the file has errors');
    await shot(page, 'coordinator-import-refused');

    // The corrected file: checked, shown line by line, then imported at once.
    await upload('candidats.csv', CANDIDATES);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByTestId('import-counts').filter({ hasText: '3 lignes valides, aucune ligne en erreur' }).waitFor();
    const rows = page.getByTestId('import-row');
    assert.equal(await rows.count(), 3);
    await rows.filter({ hasText: 'Martin' }).filter({ hasText: '12/04/1998' }).filter({ hasText: 'Salarié' }).filter({ hasText: COMPANY.name }).waitFor();
    await rows.filter({ hasText: 'Bernard' }).filter({ hasText: 'VAE' }).waitFor();
    const confirm = page.getByRole('button', { name: 'Importer 3 candidats' });
    assert.ok(await confirm.isEnabled());
    await confirm.click();
    await page.getByTestId('import-created-count').filter({ hasText: '3 dossiers créés' }).waitFor();
    assert.equal(await page.getByTestId('import-created-file').count(), 3);
    await shot(page, 'coordinator-import-done');

    // The dashboard lists the three files.
    await page.getByTestId('import-dashboard').click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    for (const c of CANDIDATES) {
      await page.getByTestId('file-row').filter({ hasText: new RegExp(`${c.given}\\s+${c.family}`, 'i') }).waitFor();
    }
  });

  it('changes a password from the account menu, and resets a forgotten one by e-mail', async () => {
    await page.goto(`${base}/`);
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Changer mon mot de passe' }).click();
    await page.getByRole('heading', { name: 'Changer mon mot de passe' }).waitFor();
    const changed = 'Vallee-de-la-chimie-2027';
    await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
    await page.getByLabel('Nouveau mot de passe').fill(changed);
    await page.getByLabel('Confirmation du mot de passe').fill(changed);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByTestId('error-current-password').filter({ hasText: WRONG_CURRENT }).waitFor();
    await page.getByLabel('Mot de passe actuel').fill(COORDINATOR_PASSWORD);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByTestId('password-changed').filter({ hasText: 'Votre mot de passe a été changé.' }).waitFor();
    await logoutFromMenu();

    // Forgotten: the answer never says whether the account exists; the link comes by e-mail.
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await page.getByLabel('Identifiant ou adresse e-mail').fill(COORDINATOR.email);
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.getByTestId('reset-requested').filter({ hasText: RESET_REQUESTED }).waitFor();
    const mail = await mailTo(COORDINATOR.email, '/mot-de-passe/');
    const resetLink = linkIn(mail, '/mot-de-passe/');
    assert.ok(resetLink.startsWith(`${base}/mot-de-passe/`), resetLink);

    const reset = 'Soudure-a-l-arc-2028';
    await page.goto(resetLink);
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await page.getByTestId('link-login').filter({ hasText: COORDINATOR.login }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill(reset);
    await page.getByLabel('Confirmation du mot de passe').fill(reset);
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await page.getByTestId('password-set').waitFor();
    await login(COORDINATOR.login, reset);
    await page.getByTestId('current-user').filter({ hasText: COORDINATOR.name }).waitFor();
  });
});
