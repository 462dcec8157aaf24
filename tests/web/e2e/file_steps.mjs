// A candidate file moved on through the API, step by step, for the browser tests' set-up: the pages
// under test then show what each step changed. Each function takes an `apiAs` client (harness.mjs).

export const DEMO_COMPANY = 'Mécanique de Précision du Rhône SAS'; // the demo tutor "entreprise" belongs to it

/** A new draft file of an employee of the demo company, created by the centre (with the CQPM's `registration` answers). */
export async function createFile(centre, { cqpm = 'qualite', givenName = 'Inès', familyName = 'Garcia', registration } = {}) {
  const companies = await centre('GET', '/organisations?kind=company');
  const company = companies.items.find((c) => c.name === DEMO_COMPANY) ?? companies.items[0];
  return centre('POST', '/files', {
    cqpm,
    pathway: 'employee',
    company_id: company.id,
    candidate: {
      given_name: givenName,
      family_name: familyName,
      email: `${givenName}.${familyName}@example.org`.normalize('NFD').replace(/[^\x20-\x7e]/g, '').toLowerCase(),
      birth_date: '1994-05-02',
    },
    ...(registration ? { registration } : {}),
  });
}

/** Fires `transition` on the file at its current version; answers the file as it became. */
export async function fire(api, fileId, transition) {
  const current = await api('GET', `/files/${fileId}`);
  return api('POST', `/files/${fileId}/transitions`, { transition, expected_version: current.version, payload: {} });
}

/**
 * Plans every competency of a registered file (its first ordinary modality, one day each from 10 March
 * 2027, every evaluator of the centre or the ids in `evaluators`); answers the modalities view (its
 * competencies and evaluators).
 */
export async function planModalities(centre, fileId, { evaluators: only = null } = {}) {
  const view = await centre('GET', `/files/${fileId}/modalities`);
  const evaluators = only ?? view.evaluators.map((e) => e.id);
  await centre('PUT', `/files/${fileId}/modalities`, {
    expected_version: view.file_version,
    competencies: view.competencies.map((c, i) => ({
      competency: c.number,
      modality: view.modalities.find((m) => view.allowed_modalities[String(c.number)].includes(m.id) && !m.exceptional).id,
      planned_date: `2027-03-${String(10 + i).padStart(2, '0')}`,
      place: 'Laboratoire de métrologie',
      evaluators,
      details: {},
    })),
  });
  return view;
}

/** The smallest PDF the upload checks accept. */
export const SMALL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Uploads a small PDF as the file's document of `kind` (report, evidence, attestation, other). */
export async function uploadPdf(api, fileId, kind, name = `${kind}.pdf`) {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', new Blob([SMALL_PDF], { type: 'application/pdf' }), name);
  return api('POST', `/files/${fileId}/documents`, form);
}
