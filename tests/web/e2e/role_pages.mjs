// Which pages of web/src/app/App.tsx each demo account can see, with the ids of the demo's records
// read from the API as that account: the file pages of every state it sees (one file per state), the
// juries and each jury session, transfers, the referentials (the catalogue, each CQPM for the centre,
// one CQPM's versions, a version and the diff of its two versions), the proposals and each proposal,
// notifications, the account's password page, the administration tabs and one record of each kind.

/**
 * Every demo account (core/demo/demo_seed.cpp), each once. The second account of a role (`like`)
 * sees the same pages as the first with other records in them: it visits only those its own records
 * change (its landing page, its files, its jury sessions or proposals).
 */
export const DEMO_ACCOUNTS = [
  { login: 'centre' },
  { login: 'centre2', like: 'centre' },
  { login: 'entreprise' },
  { login: 'candidat' },
  { login: 'candidat-vae', like: 'candidat' },
  { login: 'evaluateur1' },
  { login: 'evaluateur2', like: 'evaluateur1' },
  { login: 'jury-employeur' },
  { login: 'jury-salarie', like: 'jury-employeur' },
  { login: 'gtp-employeur' },
  { login: 'gtp-salarie', like: 'gtp-employeur' },
  { login: 'gtp-admin' },
  { login: 'admin' },
];

/** The CQPM whose referential the test takes to a second version, and whose history pages it visits. */
export const VERSIONED_CQPM = 'fabrication-additive';

const GTP_AUDITORS = ['gtp-employeur', 'gtp-salarie'];
const CENTRES = ['centre', 'centre2'];
const ADMINISTRATORS = [...CENTRES, 'admin', 'gtp-admin'];

/** The pages anyone reaches without an account; `code`: a certificate's verification code. */
export function signedOutPages(code) {
  return [
    '/connexion',
    '/mot-de-passe-oublie',
    '/verify',
    ...(code ? [`/verify/${code}`] : []),
    '/verify/AAAA-BBBB-CCCC',
    '/invitation/lien-perime',
    '/mot-de-passe/lien-perime',
    '/rattachement/lien-perime',
  ];
}

const one = (items) => items.slice(0, 1);

/** A step that presses the button of this data-testid, if the page shows it, opening a form. */
const press = (testId) => ({
  name: `${testId} pressed`,
  run: async (page) => {
    const button = page.getByTestId(testId).first();
    if (!(await button.isVisible())) return false;
    await button.click();
    return true;
  },
});

/** The new-file form with a CQPM chosen (its registration fields) and some of its blocs (their boxes). */
const someBlocsOfACqpm = {
  name: 'a CQPM and some of its blocs chosen',
  run: async (page) => {
    const form = page.getByTestId('new-file-form');
    if (!(await form.isVisible())) return false;
    await form.getByLabel('CQPM', { exact: true }).selectOption('maintenance-industrielle');
    await page.getByTestId('new-file-scope-blocs').check();
    return true;
  },
};

/** The withdrawal's dialog (a reason to give), closed with « Annuler » once checked: nothing is fired. */
const withdrawalDialog = {
  name: 'the withdrawal dialog opened',
  run: press('transition-withdraw').run,
  undo: (page) => page.getByTestId('transition-dialog').getByRole('button', { name: 'Annuler' }).click(),
};

/** What the test does on a page after checking it, each step followed by the same checks. */
const STEPS = [
  [/^\/$/, [press('new-file'), someBlocsOfACqpm]],
  [/^\/jurys$/, [press('jury-new')]],
  [
    /^\/dossiers\//,
    [press('correction-open'), press('plan-edit'), press('document-new-version'), withdrawalDialog],
  ],
  [/^\/administration\/organisations$/, [press('org-new')]],
  [/^\/administration\/comptes$/, [press('account-new')]],
];

/**
 * The steps on `path` that open a form or fill part of one: {name, run(page) → whether it applied,
 * and for a modal dialog undo(page), which closes it once checked}.
 */
export function stepsOf(path) {
  return STEPS.filter(([pattern]) => pattern.test(path)).flatMap(([, steps]) => steps);
}

/**
 * The paths the account visits, in order. `api(path)` answers the JSON of GET /api/v1<path> as that
 * account (signed in). The first path is the landing page (after its redirect for the GTP).
 */
export async function pagesOf({ login, like }, api) {
  const gtp = login.startsWith('gtp-');
  const pages = [gtp ? (login === 'gtp-admin' ? '/administration' : '/propositions') : '/'];
  const centre = CENTRES.includes(login);

  if (!gtp || GTP_AUDITORS.includes(login)) {
    const files = (await api('/files?limit=100')).items;
    const oneOfEachState = new Map();
    for (const f of files) if (!oneOfEachState.has(f.state)) oneOfEachState.set(f.state, f.id);
    // A registered file of the CQPM the test takes to a second version: pinned to the first, its page
    // shows its centre the move to the version in force, with the changes.
    const movable = centre ? files.filter((f) => f.state === 'registered' && f.cqpm === VERSIONED_CQPM) : [];
    const ids = new Set([...oneOfEachState.values(), ...movable.map((f) => f.id)]);
    pages.push(...[...ids].map((id) => `/dossiers/${id}`));
  }
  // The GTP's auditors oversee every centre's juries, and read the files put before them.
  if (centre || login.startsWith('jury-') || GTP_AUDITORS.includes(login)) {
    const sessions = (await api('/jury-sessions')).items;
    pages.push('/jurys', ...sessions.map((s) => `/jurys/${s.id}`));
  }
  if (GTP_AUDITORS.includes(login) || login === 'admin') {
    const proposals = (await api('/proposals')).items;
    pages.push('/propositions', ...proposals.map((p) => `/propositions/${p.id}`));
  }
  if (like) return [...new Set(pages)];

  if (centre || login === 'admin') pages.push('/transferts');
  pages.push('/cqpm');
  const cqpms = centre ? (await api('/cqpms')).items.map((c) => c.id) : [VERSIONED_CQPM];
  pages.push(...cqpms.map((id) => `/cqpm/${id}`));
  pages.push(
    `/cqpm/${VERSIONED_CQPM}/versions`,
    `/cqpm/${VERSIONED_CQPM}/versions/2`,
    `/cqpm/${VERSIONED_CQPM}/comparer?de=1&a=2`,
  );
  if (GTP_AUDITORS.includes(login)) pages.push(`/cqpm/${VERSIONED_CQPM}/proposer`);
  if (centre || GTP_AUDITORS.includes(login) || login === 'admin') pages.push('/statistiques');
  pages.push('/notifications', '/mon-compte/mot-de-passe');
  if (ADMINISTRATORS.includes(login)) pages.push(...(await administrationPages(login, api)));
  pages.push('/page-qui-n-existe-pas');
  return [...new Set(pages)];
}

async function administrationPages(login, api) {
  const organisations = (await api('/organisations?limit=5')).items;
  const accounts = (await api('/users?limit=5')).items;
  return [
    '/administration',
    '/administration/organisations',
    ...one(organisations).map((o) => `/administration/organisations/${o.id}`),
    '/administration/comptes',
    ...one(accounts).map((a) => `/administration/comptes/${a.id}`),
    ...(CENTRES.includes(login) ? ['/administration/import'] : []),
    '/administration/journal',
  ];
}
