// « Statistiques »: the centre's coordinator opens the page from the header, sees the charts drawn
// from the demo's files (SVG bars), narrows the period (kept in the address) and downloads a
// chart's CSV in French Excel format.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shot, startDemo } from './harness.mjs';

describe('web: statistics', () => {
  let demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  it('draws the centre charts, keeps the period in the address and exports a CSV', async () => {
    const { page, base } = demo;
    await page.goto(`${base}/`);
    await page.getByLabel('Identifiant').fill('centre');
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: /connecter/i }).click();
    await page.getByTestId('nav-statistics').click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques' }).waitFor();

    // The demo's files were opened today: the monthly chart has bars, and its table the same figures.
    const byState = page.getByTestId('chart-files_by_state');
    await byState.locator('svg .recharts-bar-rectangle path').first().waitFor();
    assert.ok((await byState.locator('svg .recharts-bar-rectangle path').count()) > 0);
    assert.ok((await byState.locator('table tbody tr').count()) > 0);
    assert.match(await byState.getByRole('figure').textContent(), /dossiers ouverts sur la période/);
    // The demo moved its files on as it was seeded: stays of a few seconds, still a row per stage.
    assert.ok((await page.getByTestId('chart-stage_durations').locator('table tbody tr').count()) > 0);

    // A period in the past: applied through the address, the charts have nothing to show.
    await page.getByTestId('statistics-from').fill('2020-01-01');
    await page.getByTestId('statistics-to').fill('2020-12-31');
    await page.getByTestId('statistics-apply').click();
    await page.waitForURL(/\/statistiques\?from=2020-01-01&to=2020-12-31$/);
    await byState.getByText('Aucune donnée sur cette période.').waitFor();
    await page.goBack();
    await byState.locator('svg .recharts-bar-rectangle path').first().waitFor();
    await shot(page, 'statistics-centre');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-files_by_state').click()]);
    assert.match(download.suggestedFilename(), /^statistiques-files_by_state-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFMois;État;Dossiers\r\n'), csv);
    assert.match(csv, /\r\n\d{4}-\d{2};[^;]+;\d+\r\n/);
  });
});
