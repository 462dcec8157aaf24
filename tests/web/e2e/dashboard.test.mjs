// The coordinator's dashboard: sorted by a column heading (kept in the address, said by aria-sort), the
// late files counted then listed, the list exported as a French Excel CSV with its filters and sort, and two
// ticked files added to a planned jury session, the one refused named with its reason.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { apiAs, shot, startDemo } from './harness.mjs';

describe('web: dashboard', () => {
  let demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  const namesOf = async (page) => page.locator('[data-testid="file-row"] [data-testid="file-link"]').allTextContents();

  it('sorts, counts the late files, exports the CSV and adds ticked files to a jury session', async () => {
    const { page, base } = demo;
    const centre = await apiAs(base, 'centre');
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const session = await centre('POST', '/jury-sessions', { date: day, time: '14:00', place: 'Salle Rhône' });

    await page.goto(`${base}/connexion`);
    await page.getByLabel('Identifiant').fill('centre');
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('file-row').first().waitFor();

    // By candidate: ascending, then descending on a second click; the address and aria-sort follow.
    const nameHeader = page.locator('th', { has: page.getByTestId('sort-name') });
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'none');
    await page.getByTestId('sort-name').click();
    await page.waitForURL(/tri=nom&ordre=asc/);
    await page.locator('th[aria-sort="ascending"]', { has: page.getByTestId('sort-name') }).waitFor();
    await page.getByTestId('file-row').first().filter({ hasText: 'Camille Rousseau' }).waitFor();
    const ascending = await namesOf(page);
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a.localeCompare(b, 'fr')));
    await page.getByTestId('sort-name').click();
    await page.waitForURL(/tri=nom&ordre=desc/);
    await page.getByTestId('file-row').first().filter({ hasText: 'Thomas Blanc' }).waitFor();
    assert.deepEqual(await namesOf(page), [...ascending].reverse());
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');

    // By report deadline: the late one first (red and said « en retard »), files without one last.
    await page.getByTestId('sort-report_due_at').click();
    await page.waitForURL(/tri=echeance&ordre=asc/);
    const first = page.getByTestId('file-row').first();
    await first.filter({ hasText: 'Hugo Bonnet' }).waitFor();
    assert.equal(await first.getByTestId('file-overdue').textContent(), 'en retard');
    // The demo sets it three days before the day the server started (Paris): read, not written here.
    const bonnetFile = (await centre('GET', '/files?q=Bonnet')).items[0];
    const [year, month, dayOfMonth] = (await centre('GET', `/files/${bonnetFile.id}/deadlines`)).items[0].due.split('-');
    const bonnetDue = `${dayOfMonth}/${month}/${year}`;
    assert.equal(await first.getByTestId('file-deadline').locator('time').textContent(), bonnetDue);
    assert.equal(await page.getByTestId('file-row').last().getByTestId('file-deadline').textContent(), '—');

    // The counter of late files applies the filter.
    const counter = page.getByTestId('overdue-counter');
    await counter.filter({ hasText: '1 dossier en retard' }).waitFor();
    await counter.click();
    await page.waitForURL(/retard=oui/);
    assert.equal(await counter.getAttribute('aria-pressed'), 'true');
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).waitFor({ state: 'detached' });
    assert.deepEqual(await namesOf(page), ['Hugo Bonnet']);

    // The CSV holds the files of the filter, in the list's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    assert.match(download.suggestedFilename(), /^dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFNom;Prénom;Courriel;CQPM;Parcours;État;'), csv);
    const lines = csv.split('\r\n').filter(Boolean);
    assert.equal(lines.length, 2, csv);
    assert.ok(lines[1].startsWith('Bonnet;Hugo;') && lines[1].includes(`;${bonnetDue};Oui;`), lines[1]);
    await counter.click();
    await page.waitForURL((url) => !url.search.includes('retard'));
    await page.locator('[data-testid="file-row"]').filter({ hasText: 'Lucas Martin' }).waitFor();

    // Two files ticked: the one ready for the jury is added, the draft is refused and named.
    const tick = (name) => page.getByLabel(`Sélectionner le dossier ${name}`).check();
    await tick('Camille Rousseau');
    await tick('Emma Lefèvre');
    const bar = page.getByTestId('bulk-bar');
    await bar.getByRole('heading', { name: '2 dossiers sélectionnés' }).waitFor();
    await bar.getByLabel('Session de jury planifiée').selectOption({ value: session.id });
    await bar.getByTestId('bulk-add').click();
    const result = page.getByTestId('bulk-result');
    await result.waitFor();
    assert.match(await result.textContent(), /^1 ajouté, 1 refusé : Emma Lefèvre \(.+\)\.$/);
    assert.equal(await result.getAttribute('role'), 'alert');
    await shot(page, 'dashboard-bulk');
    const convened = await centre('GET', `/jury-sessions/${session.id}`);
    const rousseau = (await centre('GET', '/files?q=Rousseau')).items[0];
    assert.deepEqual(
      convened.files.map((f) => f.id),
      [rousseau.id],
    );

    // Emma Lefèvre stays ticked; with Hugo Bonnet, both get the same commission in one go.
    await tick('Hugo Bonnet');
    const commissionBar = page.getByTestId('bulk-commission');
    const evaluators = commissionBar.getByTestId('bulk-commission-evaluator');
    await evaluators.first().check();
    await commissionBar.getByTestId('bulk-commission-submit').click();
    const formed = page.getByTestId('bulk-commission-result');
    await formed.filter({ hasText: '2 commissions formées, 0 refusé.' }).waitFor();
    const bonnet = (await centre('GET', '/files?q=Bonnet')).items[0];
    const lefevre = (await centre('GET', '/files?q=Lefevre')).items[0];
    const formedIds = (await centre('GET', `/files/${bonnet.id}/commission`)).evaluators.map((e) => e.id);
    assert.equal(formedIds.length, 1);
    assert.deepEqual((await centre('GET', `/files/${lefevre.id}/commission`)).evaluators.map((e) => e.id), formedIds);
    // Another evaluator in bulk never replaces a commission already formed: both refused, both kept.
    await evaluators.first().uncheck();
    await evaluators.last().check();
    await commissionBar.getByTestId('bulk-commission-submit').click();
    await formed.filter({ hasText: /^0 commission formée, 2 refusés : / }).waitFor();
    assert.deepEqual((await centre('GET', `/files/${bonnet.id}/commission`)).evaluators.map((e) => e.id), formedIds);
  });
});
