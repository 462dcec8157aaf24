import { describe, expect, it } from 'vitest';
import {
  LOG_DELIVERY_MESSAGE,
  REGIONS,
  ROLE_ORDER,
  accountFieldOf,
  accountPatch,
  accountRequest,
  accountsOfOrganisationPath,
  actionLabel,
  activeFilterOf,
  canAdminister,
  canEditOrganisation,
  canImportCandidates,
  canManageAccount,
  creatableKinds,
  creatableRoles,
  deliveryMessage,
  draftFromAccount,
  draftFromOrganisation,
  emptyAccountDraft,
  emptyOrganisationDraft,
  formatSiret,
  isValidDepartement,
  isValidSiret,
  logActorName,
  logDetailLines,
  logTargetPath,
  luhnValid,
  needsCollege,
  normaliseSiret,
  organisationFieldOf,
  organisationPatch,
  organisationRequest,
  organisationSummary,
  organisationsForRole,
  parseDepartements,
  regionLabel,
  roleWithCollege,
  statusLabel,
  validateAccountDraft,
  validateOrganisationDraft,
  type OrganisationDraft,
} from './administration';
import type { Account, Organisation } from './adminTypes';
import type { User } from '../../shared/api/types';

const user = (role: string, organisationId = 'org-centre-lyon', organisationName = 'UIMM Lyon'): User => ({
  id: `u-${role}`,
  login: role,
  display_name: role,
  role,
  college: null,
  organisation: { id: organisationId, name: organisationName, kind: 'centre' },
});

const admin = user('admin', 'org-platform', 'Plateforme');
const coordinator = user('centre_coordinator');
const gtpAdmin = user('gtp_admin', 'org-gtp', 'GTP Certifications');

const organisation = (over: Partial<Organisation>): Organisation => ({
  id: 'o',
  kind: 'centre',
  name: 'O',
  active: true,
  region: null,
  departements: [],
  siret: null,
  address: null,
  centre_ids: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...over,
});

const lyon = organisation({ id: 'org-centre-lyon', name: 'UIMM Lyon', region: 'Auvergne-Rhône-Alpes', departements: ['69', '01'] });
const grenoble = organisation({ id: 'org-centre-grenoble', name: 'UIMM Grenoble' });
const closed = organisation({ id: 'org-centre-closed', name: 'Fermé', active: false });
const acier = organisation({ id: 'org-acier', kind: 'company', name: 'Aciéries', siret: '44306184100047', centre_ids: ['org-centre-lyon'] });
const elsewhere = organisation({ id: 'org-other', kind: 'company', name: 'Ailleurs', centre_ids: ['org-centre-grenoble'] });
const gtp = organisation({ id: 'org-gtp', kind: 'gtp', name: 'GTP Certifications' });
const otherGtp = organisation({ id: 'org-gtp-2', kind: 'gtp', name: 'Autre GTP' });
const platform = organisation({ id: 'org-platform', kind: 'platform', name: 'Plateforme' });
const all = [lyon, grenoble, closed, acier, elsewhere, gtp, otherGtp, platform];

const account = (over: Partial<Account>): Account => ({
  id: 'a1',
  login: 'p.girard',
  display_name: 'Patrick Girard',
  email: 'p.girard@exemple.fr',
  role: 'evaluator',
  college: null,
  organisation: { id: 'org-centre-lyon', name: 'UIMM Lyon', kind: 'centre' },
  active: true,
  password_set: false,
  status: 'invited',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...over,
});

describe('who administers what', () => {
  it('opens the administration to the administrator, the coordinators and the GTP administrator', () => {
    expect(canAdminister(admin)).toBe(true);
    expect(canAdminister(coordinator)).toBe(true);
    expect(canAdminister(gtpAdmin)).toBe(true);
    for (const role of ['evaluator', 'jury_member', 'candidate', 'company_tutor', 'gtp_auditor']) {
      expect(canAdminister(user(role)), role).toBe(false);
    }
    expect(canAdminister(null)).toBe(false);
  });

  it('lets only a centre coordinator import candidates', () => {
    expect(canImportCandidates(coordinator)).toBe(true);
    expect(canImportCandidates(admin)).toBe(false);
    expect(canImportCandidates(gtpAdmin)).toBe(false);
    expect(canImportCandidates(null)).toBe(false);
  });

  it('lets only the administrator create centres, the GTP and the platform; a coordinator creates companies', () => {
    expect(creatableKinds(admin)).toEqual(['centre', 'company', 'gtp', 'platform']);
    expect(creatableKinds(coordinator)).toEqual(['company']);
    expect(creatableKinds(gtpAdmin)).toEqual([]);
    expect(creatableKinds(user('evaluator'))).toEqual([]);
  });

  it('lets a coordinator edit the companies working with their centre, not centres', () => {
    expect(canEditOrganisation(admin, lyon)).toBe(true);
    expect(canEditOrganisation(coordinator, acier)).toBe(true);
    expect(canEditOrganisation(coordinator, elsewhere)).toBe(false);
    expect(canEditOrganisation(coordinator, lyon)).toBe(false);
    expect(canEditOrganisation(gtpAdmin, gtp)).toBe(false);
  });

  it('offers every role to the administrator, the centre roles to a coordinator, auditors to the GTP administrator', () => {
    expect(creatableRoles(admin)).toEqual(ROLE_ORDER);
    expect(ROLE_ORDER).toHaveLength(8);
    expect(creatableRoles(coordinator)).toEqual(['evaluator', 'jury_member', 'candidate', 'company_tutor']);
    expect(creatableRoles(gtpAdmin)).toEqual(['gtp_auditor']);
    expect(creatableRoles(user('evaluator'))).toEqual([]);
  });

  it('offers the organisations that fit the role and the user', () => {
    const names = (list: Organisation[]) => list.map((o) => o.name);
    expect(names(organisationsForRole(admin, 'centre_coordinator', all))).toEqual(['UIMM Lyon', 'UIMM Grenoble']);
    expect(names(organisationsForRole(admin, 'company_tutor', all))).toEqual(['Aciéries', 'Ailleurs']);
    expect(names(organisationsForRole(admin, 'gtp_auditor', all))).toEqual(['GTP Certifications', 'Autre GTP']);
    expect(names(organisationsForRole(admin, 'admin', all))).toEqual(['Plateforme']);
    // A coordinator: their own centre, and the companies working with it.
    expect(names(organisationsForRole(coordinator, 'evaluator', all))).toEqual(['UIMM Lyon']);
    expect(names(organisationsForRole(coordinator, 'jury_member', all))).toEqual(['UIMM Lyon']);
    expect(names(organisationsForRole(coordinator, 'candidate', all))).toEqual(['UIMM Lyon']);
    expect(names(organisationsForRole(coordinator, 'company_tutor', all))).toEqual(['Aciéries']);
    expect(organisationsForRole(coordinator, 'centre_coordinator', all)).toEqual([]);
    // The GTP administrator: their own GTP.
    expect(names(organisationsForRole(gtpAdmin, 'gtp_auditor', all))).toEqual(['GTP Certifications']);
    expect(organisationsForRole(gtpAdmin, 'evaluator', all)).toEqual([]);
    expect(organisationsForRole(admin, '', all)).toEqual([]);
  });

  it('offers to manage the accounts the user could have created', () => {
    expect(canManageAccount(admin, account({ role: 'admin' }))).toBe(true);
    expect(canManageAccount(coordinator, account({}))).toBe(true);
    expect(canManageAccount(coordinator, account({ role: 'centre_coordinator' }))).toBe(false);
    expect(canManageAccount(coordinator, account({ organisation: { id: 'org-centre-grenoble', name: 'G' } }))).toBe(false);
    expect(canManageAccount(coordinator, account({ role: 'company_tutor', organisation: { id: 'org-acier', name: 'A', kind: 'company' } }))).toBe(true);
    expect(canManageAccount(gtpAdmin, account({ role: 'gtp_auditor', organisation: { id: 'org-gtp', name: 'GTP' } }))).toBe(true);
    expect(canManageAccount(gtpAdmin, account({}))).toBe(false);
    expect(canManageAccount(user('evaluator'), account({}))).toBe(false);
  });

  it('asks for a college only for jury members and GTP auditors', () => {
    expect(needsCollege('jury_member')).toBe(true);
    expect(needsCollege('gtp_auditor')).toBe(true);
    expect(needsCollege('evaluator')).toBe(false);
    expect(needsCollege('gtp_admin')).toBe(false);
  });
});

describe('territory of a centre', () => {
  it('lists the 18 régions', () => {
    expect(REGIONS).toHaveLength(18);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(18);
    expect(REGIONS.map((r) => r.name)).toContain('Auvergne-Rhône-Alpes');
    expect(REGIONS.map((r) => r.name)).toContain('Mayotte');
  });

  it('names a région given by its name or its INSEE code', () => {
    expect(regionLabel('Auvergne-Rhône-Alpes')).toBe('Auvergne-Rhône-Alpes');
    expect(regionLabel('84')).toBe('Auvergne-Rhône-Alpes');
    expect(regionLabel('Atlantide')).toBe('Atlantide');
    expect(regionLabel(null)).toBeNull();
  });

  it.each([
    ['01', true],
    ['69', true],
    ['95', true],
    ['2A', true],
    ['2B', true],
    ['971', true],
    ['976', true],
    ['00', false],
    ['20', false],
    ['96', false],
    ['977', false],
    ['970', false],
    ['2C', false],
    ['6', false],
    ['690', false],
  ])('département %s valid: %s', (code, valid) => {
    expect(isValidDepartement(code)).toBe(valid);
  });

  it('reads the départements typed with commas, spaces or semicolons', () => {
    expect(parseDepartements('69, 01, 2A, 974')).toEqual({ codes: ['69', '01', '2A', '974'], invalid: [] });
    expect(parseDepartements(' 2a;1  69,69 ')).toEqual({ codes: ['2A', '01', '69'], invalid: [] });
    expect(parseDepartements('69, 20, 99, Rhône')).toEqual({ codes: ['69'], invalid: ['20', '99', 'Rhône'] });
    expect(parseDepartements('  ')).toEqual({ codes: [], invalid: [] });
  });
});

describe('SIRET', () => {
  it('checks the Luhn key', () => {
    expect(luhnValid('44306184100047')).toBe(true);
    expect(luhnValid('44306184100048')).toBe(false);
    expect(luhnValid('4430618410004a')).toBe(false);
  });

  it.each([
    ['44306184100047', true],
    ['443 061 841 00047', true],
    ['443.061.841.00047', true],
    ['44306184100048', false],
    ['4430618410004', false],
    ['443061841000470', false],
    ['', false],
    // La Poste: the sum of the digits is a multiple of 5 (45), though Luhn fails.
    ['35600000049837', true],
    // La Poste: a sum of 29 is refused, whatever Luhn says.
    ['35600000012345', false],
    ['35600000000055', false],
    // La Poste's head office follows Luhn.
    ['35600000000048', true],
  ])('%s valid: %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  it('normalises and formats', () => {
    expect(normaliseSiret(' 443 061 841 00047 ')).toBe('44306184100047');
    expect(formatSiret('44306184100047')).toBe('443 061 841 00047');
    expect(formatSiret('123')).toBe('123');
    expect(formatSiret(null)).toBe('');
  });
});

describe('the organisation form', () => {
  const centreDraft: OrganisationDraft = {
    kind: 'centre',
    name: 'Centre UIMM Test',
    region: 'Auvergne-Rhône-Alpes',
    departements: '69, 01',
    siret: '',
    address: '',
    centre_ids: [],
  };
  const companyDraft: OrganisationDraft = {
    kind: 'company',
    name: 'Mécanique du Rhône',
    region: '',
    departements: '',
    siret: '443 061 841 00047',
    address: '1 rue de la Forge\n69007 Lyon',
    centre_ids: ['org-centre-grenoble'],
  };

  it('starts on the only kind a coordinator may create', () => {
    expect(emptyOrganisationDraft(coordinator).kind).toBe('company');
    expect(emptyOrganisationDraft(admin).kind).toBe('');
  });

  it('accepts a complete centre and a complete company', () => {
    expect(validateOrganisationDraft(centreDraft)).toEqual({});
    expect(validateOrganisationDraft(companyDraft)).toEqual({});
    expect(validateOrganisationDraft({ ...centreDraft, kind: 'gtp', region: '', departements: '' })).toEqual({});
  });

  it('refuses in French what the server would refuse', () => {
    expect(validateOrganisationDraft({ ...centreDraft, kind: '', name: ' ' })).toEqual({
      kind: "Choisissez le type d'organisation.",
      name: "Indiquez le nom de l'organisation.",
    });
    const centre = validateOrganisationDraft({ ...centreDraft, region: '', departements: '69, 99' });
    expect(centre.region).toBe('Choisissez la région du centre dans la liste.');
    expect(centre.departements).toBe(
      'Départements invalides : indiquez des codes séparés par des virgules, par exemple 69, 01, 2A, 974. Non reconnu : 99.',
    );
    expect(validateOrganisationDraft({ ...centreDraft, departements: '' }).departements).toBe(
      'Indiquez au moins un département, par exemple 69, 01.',
    );
    expect(validateOrganisationDraft({ ...companyDraft, siret: '44306184100048' }).siret).toBe(
      'Numéro SIRET invalide (14 chiffres, clé de contrôle).',
    );
  });

  it('sends only the fields of the kind', () => {
    expect(organisationRequest(centreDraft, admin)).toEqual({
      kind: 'centre',
      name: 'Centre UIMM Test',
      region: 'Auvergne-Rhône-Alpes',
      departements: ['69', '01'],
    });
    expect(organisationRequest(companyDraft, admin)).toEqual({
      kind: 'company',
      name: 'Mécanique du Rhône',
      siret: '44306184100047',
      address: '1 rue de la Forge\n69007 Lyon',
      centre_ids: ['org-centre-grenoble'],
    });
    expect(organisationRequest({ ...companyDraft, kind: 'gtp' }, admin)).toEqual({ kind: 'gtp', name: 'Mécanique du Rhône' });
  });

  it("gives a coordinator's company their own centre, whatever the draft says", () => {
    expect(organisationRequest(companyDraft, coordinator).centre_ids).toEqual(['org-centre-lyon']);
  });

  it('patches only what changed; a coordinator never sends the centres', () => {
    expect(organisationPatch(lyon, draftFromOrganisation(lyon), admin)).toEqual({});
    expect(
      organisationPatch(lyon, { ...draftFromOrganisation(lyon), name: ' UIMM Lyon Rhône ', departements: '01, 69, 38' }, admin),
    ).toEqual({ name: 'UIMM Lyon Rhône', departements: ['01', '69', '38'] });
    expect(organisationPatch(lyon, { ...draftFromOrganisation(lyon), departements: '01, 69' }, admin)).toEqual({});
    const edited = { ...draftFromOrganisation(acier), address: '2 rue', centre_ids: ['org-centre-lyon', 'org-centre-grenoble'] };
    expect(organisationPatch(acier, edited, admin)).toEqual({ address: '2 rue', centre_ids: ['org-centre-lyon', 'org-centre-grenoble'] });
    expect(organisationPatch(acier, edited, coordinator)).toEqual({ address: '2 rue' });
    // The SIRET shown with spaces is not a change.
    expect(draftFromOrganisation(acier).siret).toBe('443 061 841 00047');
    expect(organisationPatch(acier, draftFromOrganisation(acier), admin)).toEqual({});
  });

  it('maps the fields the server names to the form', () => {
    expect(organisationFieldOf('siret')).toBe('siret');
    expect(organisationFieldOf('departements[1]')).toBe('departements');
    expect(organisationFieldOf('/centre_ids/0')).toBe('centre_ids');
    expect(organisationFieldOf('centre_ids[0]')).toBe('centre_ids');
    expect(organisationFieldOf('login')).toBeNull();
    expect(organisationFieldOf(null)).toBeNull();
  });

  it('sums an organisation up for the table', () => {
    expect(organisationSummary(lyon)).toBe('Auvergne-Rhône-Alpes · 69, 01');
    expect(organisationSummary(acier)).toBe('SIRET 443 061 841 00047');
    expect(organisationSummary(gtp)).toBe('');
  });

  it('reads the "État" filter', () => {
    expect(activeFilterOf(null)).toBe('true');
    expect(activeFilterOf('desactivees')).toBe('false');
    expect(activeFilterOf('toutes')).toBe('all');
    expect(activeFilterOf('nimporte')).toBe('true');
  });
});

describe('the account form', () => {
  const draft = {
    login: 'c.durand',
    display_name: 'Camille Durand',
    email: 'c.durand@exemple.fr',
    role: 'jury_member',
    college: 'employer' as const,
    organisation_id: 'org-centre-lyon',
  };

  it('accepts a complete account', () => {
    expect(validateAccountDraft(draft, true)).toEqual({});
  });

  it('refuses in French before sending', () => {
    expect(validateAccountDraft(emptyAccountDraft(), true)).toEqual({
      login: "Indiquez l'identifiant du compte.",
      display_name: 'Indiquez le nom affiché du compte (prénom et nom).',
      email: "Indiquez l'adresse e-mail.",
      role: 'Choisissez un rôle de la liste.',
      organisation_id: 'Choisissez, dans la liste, une organisation qui convient au rôle du compte.',
    });
    expect(validateAccountDraft({ ...draft, login: 'c durand', email: 'pas-une-adresse' }, true)).toEqual({
      login: "Cet identifiant n'est pas accepté : sans espace, 200 caractères au plus.",
      email: 'Adresse e-mail invalide.',
    });
    expect(validateAccountDraft({ ...draft, college: '' }, true).college).toBe(
      'Choisissez le collège du compte : Employeur ou Salarié.',
    );
    expect(validateAccountDraft({ ...draft, role: 'evaluator', college: '' }, true)).toEqual({});
    // The login never changes: an edit does not check it.
    expect(validateAccountDraft({ ...draft, login: '' }, false)).toEqual({});
  });

  it('sends the college only for the roles that have one', () => {
    expect(accountRequest(draft)).toEqual({
      login: 'c.durand',
      display_name: 'Camille Durand',
      email: 'c.durand@exemple.fr',
      role: 'jury_member',
      college: 'employer',
      organisation_id: 'org-centre-lyon',
    });
    expect(accountRequest({ ...draft, role: 'evaluator' })).not.toHaveProperty('college');
  });

  it('patches only what changed, clearing a college the new role does not have', () => {
    const original = account({ role: 'jury_member', college: 'employee' });
    expect(accountPatch(original, draftFromAccount(original))).toEqual({});
    expect(accountPatch(original, { ...draftFromAccount(original), college: 'employer' })).toEqual({ college: 'employer' });
    expect(accountPatch(original, { ...draftFromAccount(original), role: 'evaluator' })).toEqual({
      role: 'evaluator',
      college: null,
    });
    expect(
      accountPatch(account({}), { ...draftFromAccount(account({})), display_name: ' Patrick  ', organisation_id: 'o2' }),
    ).toEqual({ display_name: 'Patrick', organisation_id: 'o2' });
  });

  it('maps the fields the server names to the form', () => {
    expect(accountFieldOf('email')).toBe('email');
    expect(accountFieldOf('$.organisation_id')).toBe('organisation_id');
    expect(accountFieldOf('siret')).toBeNull();
  });

  it('names roles, colleges and statuses in French', () => {
    expect(roleWithCollege('jury_member', 'employer')).toBe('Membre du jury (collège employeur)');
    expect(roleWithCollege('gtp_auditor', 'employee')).toBe('Auditeur GTP (collège salarié)');
    expect(roleWithCollege('gtp_admin', null)).toBe('Administrateur GTP');
    expect(statusLabel('active')).toBe('Actif');
    expect(statusLabel('invited')).toBe('Invité');
    expect(statusLabel('inactive')).toBe('Désactivé');
  });

  it('says where the invitation went', () => {
    expect(deliveryMessage('email', 'c.durand@exemple.fr')).toBe('Invitation envoyée par e-mail à c.durand@exemple.fr.');
    expect(deliveryMessage('email')).toBe('Invitation envoyée par e-mail.');
    expect(deliveryMessage('log', 'c.durand@exemple.fr')).toBe(LOG_DELIVERY_MESSAGE);
    expect(LOG_DELIVERY_MESSAGE).toBe(
      "Aucun serveur de messagerie n'est configuré : le lien d'invitation est inscrit dans le journal du serveur.",
    );
  });

  it('links to the accounts of an organisation', () => {
    expect(accountsOfOrganisationPath('org a')).toBe('/administration/comptes?organisation=org%20a');
  });
});

describe('the administration log', () => {
  it('labels every logged act in French', () => {
    const actions = [
      'organisation_created',
      'organisation_updated',
      'organisation_deactivated',
      'organisation_reactivated',
      'user_created',
      'user_updated',
      'role_changed',
      'organisation_changed',
      'invitation_sent',
      'password_reset_requested',
      'password_set',
      'password_changed',
      'user_deactivated',
      'user_reactivated',
      'candidates_imported',
      'file_transfer_proposed',
      'file_transfer_accepted',
      'file_transfer_refused',
      'file_transfer_cancelled',
      'sso_provider_set',
      'sso_provider_removed',
      'retention_documents_purged',
      'retention_identity_erased',
      'personal_data_exported',
      'accrochage_flux_exported',
      'accrochage_csv_exported',
    ];
    for (const action of actions) {
      expect(actionLabel(action), action).not.toBe(action);
      expect(actionLabel(action), action).toMatch(/^[A-ZÉ]/);
    }
    expect(actionLabel('something_new')).toBe('something_new');
  });

  it("links to the act's target", () => {
    expect(logTargetPath({ kind: 'organisation', id: 'o1', label: 'O' })).toBe('/administration/organisations/o1');
    expect(logTargetPath({ kind: 'user', id: 'u1', label: 'U' })).toBe('/administration/comptes/u1');
    expect(logTargetPath({ kind: 'file', id: 'f1', label: 'F' })).toBe('/dossiers/f1');
    expect(logTargetPath({ kind: 'import', id: 'i1', label: 'I' })).toBeNull();
  });

  it('names who acted', () => {
    expect(logActorName({ actor: { id: 'u', login: 'admin', display_name: 'Administrateur' } })).toBe('Administrateur');
    expect(logActorName({ actor: { id: 'u', label: 'admin (Administrateur)' }, actor_label: 'admin (Administrateur)' })).toBe(
      'admin (Administrateur)',
    );
    expect(logActorName({ actor: null, actor_label: 'cqpm admin (ligne de commande)' })).toBe('cqpm admin (ligne de commande)');
    expect(logActorName({ actor: null })).toBe('Système');
  });

  it('says the details in short French lines', () => {
    expect(logDetailLines({ details: {} })).toEqual([]);
    expect(logDetailLines({ details: { from: '2026-01-01', to: '2026-06-30', certifications: 4 } })).toEqual([
      'Période : du 01/01/2026 au 30/06/2026',
      'Certifications : 4',
    ]);
    expect(logDetailLines({ details: { from: 'evaluator', to: 'jury_member' } })).toEqual([
      'Rôle : Évaluateur → Membre du jury',
    ]);
    expect(logDetailLines({ details: { field: 'college', from: 'employer', to: 'employee' } })).toEqual([
      'Collège : Employeur → Salarié',
    ]);
    expect(logDetailLines({ details: { reason: 'Départ en retraite', delivery: 'log' } })).toEqual([
      'Motif : Départ en retraite',
      'Envoi : journal du serveur',
    ]);
    expect(logDetailLines({ details: { count: 3, role: 'candidate', departements: ['69', '01'] } })).toEqual([
      'Nombre : 3',
      'Rôle : Candidat',
      'Départements : 69, 01',
    ]);
    expect(logDetailLines({ details: { organisation: { id: 'o', name: 'UIMM Lyon' }, other: true } })).toEqual([
      'Organisation : UIMM Lyon',
      'other : oui',
    ]);
    // Identifiers are left out; kinds and instants are said in French.
    const lines = logDetailLines({
      details: { kind: 'centre', organisation_id: 'b111', centre_ids: ['c'], expires_at: '2026-12-05T03:48:34Z' },
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Type : Centre de certification');
    expect(lines[1]).toMatch(/^Échéance du lien : 5 décembre 2026 à \d{2}:48$/);
  });
});
