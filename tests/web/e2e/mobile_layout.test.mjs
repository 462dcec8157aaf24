// On a 390 px phone no page is wider than the screen: tables scroll inside their box, the file page's
// columns stack. Each role signs in and visits its pages (the files of every state the demo has, the
// juries, transfers, referentials, notifications, administration); any page whose document is wider
// than the viewport fails, naming the element that widens it.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shot, startDemo } from './harness.mjs';

const PHONE = { width: 390, height: 844 };

/** The page's width beyond the viewport, and the deepest element whose removal brings it back. */
async function overflowOf(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const excess = () => document.documentElement.scrollWidth - vw;
    if (excess() <= 1) return null;
    let culprit = 'the page itself';
    const walk = (root, depth) => {
      for (const child of root.children) {
        const before = child.style.display;
        child.style.display = 'none';
        const fixed = excess() <= 1;
        child.style.display = before;
        if (fixed) {
          culprit = `${child.tagName.toLowerCase()}.${child.className} ${child.getAttribute('data-testid') ?? ''}`;
          if (depth < 12) walk(child, depth + 1);
          return;
        }
      }
    };
    walk(document.body, 0);
    return `${excess()} px too wide, because of ${culprit}`;
  });
}

describe('web: every page fits a 390 px phone', () => {
  let demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  async function signIn(login) {
    const { page, base, context } = demo;
    await context.clearCookies();
    await page.setViewportSize(PHONE);
    await page.goto(`${base}/`);
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill('demo');
    await page.getByRole('button', { name: /connecter/i }).click();
    await page.getByRole('navigation').first().waitFor();
  }

  async function visit(path) {
    const { page, base } = demo;
    await page.goto(`${base}${path}`);
    await page.locator('main h1, h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const overflow = await overflowOf(page);
    if (overflow) await shot(page, `mobile-overflow-${path.replace(/\W+/g, '-')}`);
    return overflow;
  }

  async function apiItems(path) {
    return demo.page.evaluate(async (p) => (await (await fetch(p, { credentials: 'include' })).json()).items, path);
  }

  async function check(login, paths) {
    await signIn(login);
    const problems = [];
    for (const path of paths) {
      const overflow = await visit(path);
      if (overflow) problems.push(`${login} ${path}: ${overflow}`);
    }
    assert.deepEqual(problems, []);
  }

  it("the centre's dashboard, a file of every state, juries, transfers, referentials, statistics, administration", async () => {
    await signIn('centre');
    const files = await apiItems('/api/v1/files?limit=100');
    const byState = new Map(files.map((f) => [f.state, f.id]));
    const sessions = await apiItems('/api/v1/jury-sessions');
    await check('centre', [
      '/',
      ...[...byState.values()].map((id) => `/dossiers/${id}`),
      '/jurys',
      ...sessions.slice(0, 1).map((s) => `/jurys/${s.id}`),
      '/transferts',
      '/cqpm',
      '/cqpm/qualite',
      '/notifications',
      '/statistiques',
      '/administration/comptes',
      '/administration/import',
    ]);
  });

  it("the other roles' pages", async () => {
    await check('entreprise', ['/', '/notifications']);
    await check('evaluateur1', ['/']);
    await check('jury-employeur', ['/jurys']);
    await check('gtp-employeur', ['/cqpm/fabrication-additive/versions', '/propositions']);
    await check('admin', ['/administration/organisations', '/administration/journal']);
    await check('candidat', ['/']);
  });
});
