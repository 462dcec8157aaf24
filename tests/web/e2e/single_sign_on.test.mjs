// Logging in through one's organisation: the platform administrator sets the centre's identity provider
// (an OpenID provider this test starts on loopback) on the centre's page, the login page offers
// « Se connecter avec … », the
// coordinator goes to the provider and comes back signed in, and signing out goes through the provider's
// logout (its session ends too) back to the login page; someone whose verified e-mail is no account of
// the centre comes back to the login page, told why in French.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiAs, openPageAs, shot, startServer } from './harness.mjs';
import { startOidcProvider } from './oidc_provider.mjs';

const CENTRE = 'Centre de certification UIMM Rhône-Alpes';

describe('web: single sign-on through the centre’s identity provider', { timeout: 120_000 }, () => {
  let demo;
  let provider;
  let centreId;
  before(async () => {
    provider = await startOidcProvider({ clientId: 'cqpm-e2e', clientSecret: 'e2e secret' });
    demo = await startServer({ args: ({ base }) => ['--public-url', base] });
    const centre = await apiAs(demo.base, 'centre');
    centreId = (await centre('GET', '/me')).organisation.id;
  });
  after(async () => {
    await demo?.close();
    await provider?.close();
  });

  async function startAt(page) {
    await page.goto(`${demo.base}/connexion`);
    await page.getByRole('link', { name: `Se connecter avec ${CENTRE}` }).click();
  }

  it('the platform administrator sets the provider on the centre’s page; a wrong address is refused', async () => {
    const page = await openPageAs(demo.browser, demo.base, 'admin');
    await page.goto(`${demo.base}/administration/organisations/${centreId}`);
    const panel = page.getByTestId('organisation-sso');
    await panel.getByLabel('Adresse du fournisseur (issuer)').fill('http://sso.example.org');
    await panel.getByLabel('Identifiant client').fill('cqpm-e2e');
    await panel.getByLabel('Secret client').fill('e2e secret');
    await panel.getByTestId('organisation-sso-save').click();
    await panel.getByTestId('organisation-sso-action-error').waitFor();
    await panel.getByLabel('Adresse du fournisseur (issuer)').fill(provider.issuer);
    await panel.getByTestId('organisation-sso-save').click();
    await panel.getByTestId('organisation-sso-notice').waitFor();
    await shot(page, 'sso-provider-set');
    assert.match(await panel.getByTestId('organisation-sso-facts').innerText(), /cqpm-e2e/);
    assert.equal(await panel.getByLabel('Secret client').inputValue(), '');  // never shown back
    await page.context().close();
  });

  it('the coordinator comes back from the provider signed in, and signs out at the provider too', async () => {
    const page = await demo.browser.newPage();
    provider.signIn('centre@exemple.fr');
    await startAt(page);
    await page.waitForURL((url) => url.origin === demo.base && !url.pathname.startsWith('/connexion'));
    await page.getByRole('navigation').first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.login, 'centre');

    // The header's button: the whole window goes to the provider's logout, which sends it back to /connexion.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.origin === demo.base && url.pathname === '/connexion');
    assert.deepEqual(provider.logouts, [{ clientId: 'cqpm-e2e', postLogoutRedirectUri: `${demo.base}/connexion` }]);
    const after = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(after, 401);
    await page.close();
  });

  it('an e-mail no account of the centre has is refused on the login page, in French', async () => {
    const page = await demo.browser.newPage();
    provider.signIn('inconnu@exemple.fr');
    await startAt(page);
    await page.waitForURL((url) => url.pathname === '/connexion' && url.searchParams.get('sso') === 'email');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    await shot(page, 'sso-refused');
    assert.match(await alert.innerText(), /Aucun compte actif de votre organisation/);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(me, 401);
    await page.close();
  });
});
