// The logic of the administration pages: who may create what, the territory
// of a centre (région, départements), the SIRET of a company, the forms'
// checks and requests, and the French labels of statuses and logged acts.
// The server decides (403 forbidden); the pages only offer what it would accept.

import type {
  Account,
  AccountPatch,
  AdminLogEntry,
  College,
  NewAccount,
  NewOrganisation,
  Organisation,
  OrganisationKind,
  OrganisationPatch,
} from './adminTypes';
import {
  COLLEGE_REQUIRED_MESSAGE,
  DEPARTEMENTS_MESSAGE,
  DEPARTEMENTS_REQUIRED_MESSAGE,
  KIND_MESSAGE,
  ORGANISATION_MESSAGE,
  REGION_MESSAGE,
  ROLE_MESSAGE,
  SIRET_MESSAGE,
  frenchErrorMessage,
  listFieldOf,
} from '../../shared/errors/errors';
import { formatCalendarDate, formatDateTime } from '../../shared/format/format';
import { roleLabel } from '../../shared/format/labels';
import type { User } from '../../shared/api/types';

// ---- Paths ---------------------------------------------------------------------

export const ADMINISTRATION_PATH = '/administration';
export const ORGANISATIONS_PATH = '/administration/organisations';
export const ACCOUNTS_PATH = '/administration/comptes';
export const ADMIN_LOG_PATH = '/administration/journal';
export const IMPORT_PATH = '/administration/import';
export const LOGIN_PAGE_PATH = '/connexion';
export const FORGOT_PASSWORD_PATH = '/mot-de-passe-oublie';
export const CHANGE_PASSWORD_PATH = '/mon-compte/mot-de-passe';

/** The answer to "Mot de passe oublié", whether an account matched or not. */
export const RESET_REQUESTED_MESSAGE =
  "Si un compte correspond, un e-mail vient d'être envoyé avec un lien valable 72 heures.";

export const organisationPath = (id: string) => `${ORGANISATIONS_PATH}/${encodeURIComponent(id)}`;
export const accountPath = (id: string) => `${ACCOUNTS_PATH}/${encodeURIComponent(id)}`;
/** The accounts list filtered on one organisation (the query parameter the accounts page reads). */
export const accountsOfOrganisationPath = (id: string) => `${ACCOUNTS_PATH}?organisation=${encodeURIComponent(id)}`;
/** The accounts page with the new-account form open, on one organisation. */
export const newAccountInOrganisationPath = (id: string) =>
  `${ACCOUNTS_PATH}?organisation=${encodeURIComponent(id)}&nouveau=1`;

type Actor = Pick<User, 'id' | 'role' | 'organisation'> | null | undefined;

/** The roles that administer something: the platform's administrator, a centre's coordinator, the GTP's administrator. */
export const ADMINISTRATOR_ROLES: readonly string[] = ['admin', 'centre_coordinator', 'gtp_admin'];

export function canAdminister(user: Actor): boolean {
  return !!user && ADMINISTRATOR_ROLES.includes(user.role);
}

/** Only a centre's coordinator imports candidates, into their own centre. */
export function canImportCandidates(user: Actor): boolean {
  return user?.role === 'centre_coordinator';
}

// ---- Régions and départements ------------------------------------------------------

/** The 18 régions of France (13 in metropolitan France, 5 overseas), with their INSEE code. */
export const REGIONS: ReadonlyArray<{ code: string; name: string }> = [
  { code: '84', name: 'Auvergne-Rhône-Alpes' },
  { code: '27', name: 'Bourgogne-Franche-Comté' },
  { code: '53', name: 'Bretagne' },
  { code: '24', name: 'Centre-Val de Loire' },
  { code: '94', name: 'Corse' },
  { code: '44', name: 'Grand Est' },
  { code: '32', name: 'Hauts-de-France' },
  { code: '11', name: 'Île-de-France' },
  { code: '28', name: 'Normandie' },
  { code: '75', name: 'Nouvelle-Aquitaine' },
  { code: '76', name: 'Occitanie' },
  { code: '52', name: 'Pays de la Loire' },
  { code: '93', name: "Provence-Alpes-Côte d'Azur" },
  { code: '01', name: 'Guadeloupe' },
  { code: '02', name: 'Martinique' },
  { code: '03', name: 'Guyane' },
  { code: '04', name: 'La Réunion' },
  { code: '06', name: 'Mayotte' },
];

/** The région's name, whether the server gave its name or its INSEE code; null when none. */
export function regionLabel(region: string | null | undefined): string | null {
  if (!region) return null;
  const found = REGIONS.find((r) => r.name === region || r.code === region);
  return found ? found.name : region;
}

/** "2A" from " 2a ", "01" from "1"; other text trimmed and upper-cased. */
export function normaliseDepartement(raw: string): string {
  const code = raw.trim().toUpperCase();
  return /^\d$/.test(code) ? `0${code}` : code;
}

/** A département code: 01 to 95 (no 20: Corse is 2A and 2B), or overseas 971 to 976. */
export function isValidDepartement(code: string): boolean {
  if (code === '2A' || code === '2B') return true;
  if (/^97[1-6]$/.test(code)) return true;
  if (!/^\d{2}$/.test(code)) return false;
  const n = Number(code);
  return n >= 1 && n <= 95 && n !== 20;
}

/** The codes typed as "69, 01, 2A, 974" (commas, semicolons or spaces), normalised, without repeats. */
export function parseDepartements(text: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    if (!part) continue;
    const code = normaliseDepartement(part);
    if (!isValidDepartement(code)) {
      if (!invalid.includes(part.trim())) invalid.push(part.trim());
    } else if (!codes.includes(code)) {
      codes.push(code);
    }
  }
  return { codes, invalid };
}

export function formatDepartements(codes: readonly string[]): string {
  return codes.join(', ');
}

// ---- SIRET ---------------------------------------------------------------------------

/** The digits of a SIRET typed with spaces, dots or dashes ("123 456 789 00012"). */
export function normaliseSiret(text: string): string {
  return text.replace(/[\s.\-\u00a0\u202f]/g, '');
}

/** The Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share one SIREN; their SIRET do not follow Luhn (except the head office's). */
export const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/**
 * 14 digits whose Luhn checksum holds; an establishment of La Poste (SIREN
 * 356000000, but for its head office) is valid instead when the sum of its
 * digits is a multiple of 5.
 */
export function isValidSiret(text: string): boolean {
  const siret = normaliseSiret(text);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...siret].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** "732 829 320 00074" from "73282932000074"; anything else as given. */
export function formatSiret(siret: string | null | undefined): string {
  if (!siret) return '';
  const digits = normaliseSiret(siret);
  return /^\d{14}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}` : siret;
}

// ---- Organisations -------------------------------------------------------------------

export const ORGANISATION_KINDS: ReadonlyArray<{ id: OrganisationKind; label: string; plural: string }> = [
  { id: 'centre', label: 'Centre de certification', plural: 'Centres de certification' },
  { id: 'company', label: 'Entreprise', plural: 'Entreprises' },
  { id: 'gtp', label: 'GTP Certifications', plural: 'GTP Certifications' },
  { id: 'platform', label: 'Plateforme', plural: 'Plateforme' },
];

export function kindLabel(kind: string): string {
  return ORGANISATION_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

/** Only the platform's administrator creates centres, the GTP and the platform; a coordinator creates companies. */
export function creatableKinds(user: Actor): OrganisationKind[] {
  if (user?.role === 'admin') return ['centre', 'company', 'gtp', 'platform'];
  if (user?.role === 'centre_coordinator') return ['company'];
  return [];
}

/** Whether the page offers to edit (and deactivate) the organisation; the server has the last word. */
export function canEditOrganisation(user: Actor, organisation: Pick<Organisation, 'kind' | 'centre_ids'>): boolean {
  if (user?.role === 'admin') return true;
  if (user?.role === 'centre_coordinator') {
    return organisation.kind === 'company' && organisation.centre_ids.includes(user.organisation.id);
  }
  return false;
}

/** Only the platform's administrator chooses the centres a company works with. */
export function canChooseCentres(user: Actor): boolean {
  return user?.role === 'admin';
}

/** The "État" filter of the organisations list (URL parameter etat) as the API's active=true|false|all. */
export const ORGANISATION_STATE_FILTERS: ReadonlyArray<{ id: string; label: string; active: 'true' | 'false' | 'all' }> = [
  { id: '', label: 'Actives', active: 'true' },
  { id: 'desactivees', label: 'Désactivées', active: 'false' },
  { id: 'toutes', label: 'Toutes', active: 'all' },
];

export function activeFilterOf(param: string | null | undefined): 'true' | 'false' | 'all' {
  return ORGANISATION_STATE_FILTERS.find((f) => f.id === (param ?? ''))?.active ?? 'true';
}

export type OrganisationField = 'kind' | 'name' | 'region' | 'departements' | 'siret' | 'address' | 'centre_ids';

export const ORGANISATION_FIELDS: readonly OrganisationField[] = [
  'kind',
  'name',
  'region',
  'departements',
  'siret',
  'address',
  'centre_ids',
];

/** The organisation form as typed. */
export interface OrganisationDraft {
  kind: OrganisationKind | '';
  name: string;
  region: string;
  /** As typed: "69, 01, 2A". */
  departements: string;
  siret: string;
  address: string;
  centre_ids: string[];
}

export function emptyOrganisationDraft(user: Actor): OrganisationDraft {
  const kinds = creatableKinds(user);
  return {
    kind: kinds.length === 1 ? kinds[0]! : '',
    name: '',
    region: '',
    departements: '',
    siret: '',
    address: '',
    centre_ids: [],
  };
}

export function draftFromOrganisation(organisation: Organisation): OrganisationDraft {
  const kind = ORGANISATION_KINDS.some((k) => k.id === organisation.kind) ? (organisation.kind as OrganisationKind) : '';
  return {
    kind,
    name: organisation.name,
    region: regionLabel(organisation.region) ?? '',
    departements: formatDepartements(organisation.departements ?? []),
    siret: formatSiret(organisation.siret),
    address: organisation.address ?? '',
    centre_ids: [...(organisation.centre_ids ?? [])],
  };
}

/** The values as the API names them, so error sentences can tell "missing" from "invalid". */
export function organisationValues(draft: OrganisationDraft): Record<string, unknown> {
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    region: draft.region,
    departements: draft.departements.trim(),
    siret: normaliseSiret(draft.siret),
    address: draft.address.trim(),
    centre_ids: draft.centre_ids,
  };
}

/** Checks made before sending, with the sentences of the server's answers (errors.ts). */
export function validateOrganisationDraft(draft: OrganisationDraft): Partial<Record<OrganisationField, string>> {
  const errors: Partial<Record<OrganisationField, string>> = {};
  const values = organisationValues(draft);
  if (!draft.kind) errors.kind = KIND_MESSAGE;
  if (!draft.name.trim()) errors.name = frenchErrorMessage('invalid_field', 'name', null, { values });
  else if (draft.name.trim().length > 200) errors.name = frenchErrorMessage('invalid_field', 'name', null, { values });
  if (draft.kind === 'centre') {
    if (!REGIONS.some((r) => r.name === draft.region)) errors.region = REGION_MESSAGE;
    const { codes, invalid } = parseDepartements(draft.departements);
    if (invalid.length > 0) errors.departements = `${DEPARTEMENTS_MESSAGE} Non reconnu : ${invalid.join(', ')}.`;
    else if (codes.length === 0) errors.departements = DEPARTEMENTS_REQUIRED_MESSAGE;
  }
  if (draft.kind === 'company') {
    if (!isValidSiret(draft.siret)) errors.siret = SIRET_MESSAGE;
  }
  return errors;
}

/** POST /organisations: only the fields of the kind; a coordinator's company works with their centre. */
export function organisationRequest(draft: OrganisationDraft, user: Actor): NewOrganisation {
  const kind = draft.kind as OrganisationKind;
  const request: NewOrganisation = { kind, name: draft.name.trim() };
  if (kind === 'centre') {
    request.region = draft.region;
    request.departements = parseDepartements(draft.departements).codes;
  } else if (kind === 'company') {
    request.siret = normaliseSiret(draft.siret);
    const address = draft.address.trim();
    if (address) request.address = address;
    request.centre_ids =
      user?.role === 'centre_coordinator' ? [user.organisation.id] : [...draft.centre_ids];
  }
  return request;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** PATCH /organisations/{id}: only what changed (a coordinator never sends the centres). */
export function organisationPatch(original: Organisation, draft: OrganisationDraft, user: Actor): OrganisationPatch {
  const patch: OrganisationPatch = {};
  const name = draft.name.trim();
  if (name !== original.name) patch.name = name;
  if (original.kind === 'centre') {
    if (draft.region !== (regionLabel(original.region) ?? '')) patch.region = draft.region;
    const codes = parseDepartements(draft.departements).codes;
    if (!sameList(codes, original.departements ?? [])) patch.departements = codes;
  }
  if (original.kind === 'company') {
    const siret = normaliseSiret(draft.siret);
    if (siret !== (original.siret ?? '')) patch.siret = siret;
    const address = draft.address.trim();
    if (address !== (original.address ?? '')) patch.address = address;
    if (canChooseCentres(user) && !sameList(draft.centre_ids, original.centre_ids ?? [])) {
      patch.centre_ids = [...draft.centre_ids];
    }
  }
  return patch;
}

/** The form field an API error names ("departements[1]" → departements), if the form has it. */
export function organisationFieldOf(field: string | null | undefined): OrganisationField | null {
  const list = listFieldOf(field);
  return list && (ORGANISATION_FIELDS as readonly string[]).includes(list) ? (list as OrganisationField) : null;
}

/** "Auvergne-Rhône-Alpes · 69, 01" for a centre, "SIRET 732 829 320 00074" for a company. */
export function organisationSummary(organisation: Organisation): string {
  if (organisation.kind === 'centre') {
    const parts = [regionLabel(organisation.region), formatDepartements(organisation.departements ?? [])].filter(Boolean);
    return parts.join(' · ');
  }
  if (organisation.kind === 'company' && organisation.siret) return `SIRET ${formatSiret(organisation.siret)}`;
  return '';
}

// ---- Accounts ----------------------------------------------------------------------------

/** Every role, in the order the pickers show them. */
export const ROLE_ORDER: readonly string[] = [
  'centre_coordinator',
  'evaluator',
  'jury_member',
  'candidate',
  'company_tutor',
  'gtp_auditor',
  'gtp_admin',
  'admin',
];

/** The kind of organisation an account of each role belongs to. */
export const ROLE_ORGANISATION_KIND: Readonly<Record<string, OrganisationKind>> = {
  centre_coordinator: 'centre',
  evaluator: 'centre',
  jury_member: 'centre',
  candidate: 'centre',
  company_tutor: 'company',
  gtp_auditor: 'gtp',
  gtp_admin: 'gtp',
  admin: 'platform',
};

/**
 * The roles the user may give: the administrator every role; a centre's
 * coordinator evaluators, jury members and candidates of their centre and
 * tutors of the companies working with it; the GTP's administrator its auditors.
 */
export function creatableRoles(user: Actor): string[] {
  switch (user?.role) {
    case 'admin':
      return [...ROLE_ORDER];
    case 'centre_coordinator':
      return ['evaluator', 'jury_member', 'candidate', 'company_tutor'];
    case 'gtp_admin':
      return ['gtp_auditor'];
    default:
      return [];
  }
}

/** A jury member and a GTP auditor sit for a college (employer or employee). */
export function needsCollege(role: string): boolean {
  return role === 'jury_member' || role === 'gtp_auditor';
}

export const COLLEGE_CHOICES: ReadonlyArray<{ id: College; label: string }> = [
  { id: 'employer', label: 'Employeur' },
  { id: 'employee', label: 'Salarié' },
];

/** The active organisations an account of this role may belong to, for this user. */
export function organisationsForRole(user: Actor, role: string, organisations: readonly Organisation[]): Organisation[] {
  const kind = ROLE_ORGANISATION_KIND[role];
  if (!user || !kind || !creatableRoles(user).includes(role)) return [];
  return organisations.filter((o) => {
    if (!o.active || o.kind !== kind) return false;
    if (user.role === 'admin') return true;
    if (user.role === 'centre_coordinator') {
      return kind === 'company' ? (o.centre_ids ?? []).includes(user.organisation.id) : o.id === user.organisation.id;
    }
    return o.id === user.organisation.id;
  });
}

/** Whether the page offers to edit, invite again, deactivate the account; the server has the last word. */
export function canManageAccount(user: Actor, account: Pick<Account, 'id' | 'role' | 'organisation'>): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (!creatableRoles(user).includes(account.role)) return false;
  if (user.role === 'centre_coordinator') {
    // The coordinator sees only the tutors of the companies working with their centre.
    return account.role === 'company_tutor' || account.organisation.id === user.organisation.id;
  }
  return account.organisation.id === user.organisation.id;
}

export const ACCOUNT_STATUSES: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'active', label: 'Actif' },
  { id: 'invited', label: 'Invité' },
  { id: 'inactive', label: 'Désactivé' },
];

export function statusLabel(status: string): string {
  return ACCOUNT_STATUSES.find((s) => s.id === status)?.label ?? status;
}

export const LOG_DELIVERY_MESSAGE =
  "Aucun serveur de messagerie n'est configuré : le lien d'invitation est inscrit dans le journal du serveur.";

/** What became of the invitation link. */
export function deliveryMessage(delivery: string, email?: string | null): string {
  if (delivery === 'log') return LOG_DELIVERY_MESSAGE;
  return email ? `Invitation envoyée par e-mail à ${email}.` : 'Invitation envoyée par e-mail.';
}

export type AccountField = 'login' | 'display_name' | 'email' | 'role' | 'college' | 'organisation_id';

export const ACCOUNT_FIELDS: readonly AccountField[] = ['login', 'display_name', 'email', 'role', 'college', 'organisation_id'];

export interface AccountDraft {
  login: string;
  display_name: string;
  email: string;
  role: string;
  college: College | '';
  organisation_id: string;
}

export function emptyAccountDraft(organisationId = ''): AccountDraft {
  return { login: '', display_name: '', email: '', role: '', college: '', organisation_id: organisationId };
}

export function draftFromAccount(account: Account): AccountDraft {
  const college = account.college === 'employer' || account.college === 'employee' ? account.college : '';
  return {
    login: account.login,
    display_name: account.display_name,
    email: account.email,
    role: account.role,
    college,
    organisation_id: account.organisation.id,
  };
}

export function accountValues(draft: AccountDraft): Record<string, unknown> {
  return {
    login: draft.login.trim(),
    display_name: draft.display_name.trim(),
    email: draft.email.trim(),
    role: draft.role,
    college: draft.college,
    organisation_id: draft.organisation_id,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks made before sending (the login only when creating: it never changes). */
export function validateAccountDraft(draft: AccountDraft, creating: boolean): Partial<Record<AccountField, string>> {
  const errors: Partial<Record<AccountField, string>> = {};
  const values = accountValues(draft);
  const context = { operation: 'account' as const, values };
  const login = draft.login.trim();
  if (creating && (!login || /\s/.test(login) || login.length > 200)) {
    errors.login = frenchErrorMessage('invalid_field', 'login', null, context);
  }
  const name = draft.display_name.trim();
  if (!name || name.length > 200) errors.display_name = frenchErrorMessage('invalid_field', 'display_name', null, context);
  const email = draft.email.trim();
  if (!email || !EMAIL.test(email)) errors.email = frenchErrorMessage('invalid_field', 'email', null, context);
  if (!draft.role) errors.role = ROLE_MESSAGE;
  else if (needsCollege(draft.role) && !draft.college) errors.college = COLLEGE_REQUIRED_MESSAGE;
  if (!draft.organisation_id) errors.organisation_id = ORGANISATION_MESSAGE;
  return errors;
}

/** POST /users: the college only for the roles that have one. */
export function accountRequest(draft: AccountDraft): NewAccount {
  const request: NewAccount = {
    login: draft.login.trim(),
    display_name: draft.display_name.trim(),
    email: draft.email.trim(),
    role: draft.role,
    organisation_id: draft.organisation_id,
  };
  if (needsCollege(draft.role) && draft.college) request.college = draft.college;
  return request;
}

/** PATCH /users/{id}: only what changed; a role without a college clears the one it had. */
export function accountPatch(original: Account, draft: AccountDraft): AccountPatch {
  const patch: AccountPatch = {};
  const name = draft.display_name.trim();
  if (name !== original.display_name) patch.display_name = name;
  const email = draft.email.trim();
  if (email !== original.email) patch.email = email;
  if (draft.role !== original.role) patch.role = draft.role;
  const college: College | null = needsCollege(draft.role) && draft.college ? draft.college : null;
  if (college !== (original.college ?? null)) patch.college = college;
  if (draft.organisation_id !== original.organisation.id) patch.organisation_id = draft.organisation_id;
  return patch;
}

export function accountFieldOf(field: string | null | undefined): AccountField | null {
  const list = listFieldOf(field);
  return list && (ACCOUNT_FIELDS as readonly string[]).includes(list) ? (list as AccountField) : null;
}

/** "Membre du jury (collège employeur)". */
export function roleWithCollege(role: string, college: string | null | undefined): string {
  const choice = COLLEGE_CHOICES.find((c) => c.id === college);
  return choice ? `${roleLabel(role)} (collège ${choice.label.toLowerCase()})` : roleLabel(role);
}

// ---- The administration log ------------------------------------------------------------------

export const ADMIN_ACTION_LABELS: Readonly<Record<string, string>> = {
  organisation_created: 'Organisation créée',
  organisation_updated: 'Organisation modifiée',
  organisation_deactivated: 'Organisation désactivée',
  organisation_reactivated: 'Organisation réactivée',
  user_created: 'Compte créé',
  user_updated: 'Compte modifié',
  role_changed: 'Rôle changé',
  organisation_changed: "Changement d'organisation",
  invitation_sent: 'Invitation envoyée',
  password_reset_requested: 'Réinitialisation du mot de passe demandée',
  password_set: 'Mot de passe choisi',
  password_changed: 'Mot de passe changé',
  user_deactivated: 'Compte désactivé',
  user_reactivated: 'Compte réactivé',
  candidates_imported: 'Candidats importés',
  file_transfer_proposed: 'Transfert de dossier proposé',
  file_transfer_accepted: 'Transfert de dossier accepté',
  file_transfer_refused: 'Transfert de dossier refusé',
  file_transfer_cancelled: 'Transfert de dossier retiré',
  sso_provider_set: "Fournisseur d'identité défini",
  sso_provider_removed: "Fournisseur d'identité retiré",
  retention_documents_purged: 'Documents supprimés (durée de conservation écoulée)',
  retention_identity_erased: 'Identité du candidat effacée (durée de conservation écoulée)',
  personal_data_exported: 'Données personnelles exportées',
  accrochage_flux_exported: 'Flux Accrochage exporté (Caisse des Dépôts)',
  accrochage_csv_exported: 'Titulaires à déclarer exportés (CSV)',
};

export function actionLabel(action: string): string {
  return ADMIN_ACTION_LABELS[action] ?? action;
}

const TARGET_KIND_LABELS: Readonly<Record<string, string>> = {
  organisation: 'Organisation',
  user: 'Compte',
  file: 'Dossier',
  import: 'Import',
  holders: 'Titulaires',
};

export function targetKindLabel(kind: string): string {
  return TARGET_KIND_LABELS[kind] ?? kind;
}

/** Who acted: the account's name, else the server's label ("cqpm admin (ligne de commande)"), else « Système ». */
export function logActorName(entry: Pick<AdminLogEntry, 'actor' | 'actor_label'>): string {
  const actor = entry.actor;
  return actor?.display_name || actor?.label || actor?.login || entry.actor_label || 'Système';
}

/** Where the page about the act's target is, if there is one. */
export function logTargetPath(target: AdminLogEntry['target']): string | null {
  if (!target.id) return null;
  if (target.kind === 'organisation') return organisationPath(target.id);
  if (target.kind === 'user') return accountPath(target.id);
  if (target.kind === 'file') return `/dossiers/${encodeURIComponent(target.id)}`;
  return null;
}

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  reason: 'Motif',
  role: 'Rôle',
  college: 'Collège',
  organisation: 'Organisation',
  email: 'Adresse e-mail',
  name: 'Nom',
  display_name: 'Nom affiché',
  delivery: 'Envoi',
  count: 'Nombre',
  certifications: 'Certifications',
  fields: 'Champs modifiés',
  region: 'Région',
  departements: 'Départements',
  siret: 'SIRET',
  from_centre: 'Centre de départ',
  to_centre: "Centre d'arrivée",
  active: 'Active',
  address: 'Adresse',
  login: 'Identifiant',
  kind: 'Type',
  expires_at: 'Échéance du lien',
};

/** Identifiers and hashes say nothing to a person: the log's details leave them out. */
const HIDDEN_DETAILS = /(^id$|_id$|_ids$|hash$)/;

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.map((v) => detailValue(key, v)).join(', ');
  if (typeof value === 'object') {
    const named = value as { name?: unknown; label?: unknown; display_name?: unknown };
    const text = named.display_name ?? named.name ?? named.label;
    return typeof text === 'string' ? text : JSON.stringify(value);
  }
  const text = String(value);
  if (key === 'role' || key.endsWith('_role')) return roleLabel(text);
  if (key === 'kind') return kindLabel(text);
  if (key.endsWith('_at')) return formatDateTime(text);
  if (key === 'delivery') return text === 'log' ? 'journal du serveur' : text === 'email' ? 'e-mail' : text;
  if (key === 'college') return COLLEGE_CHOICES.find((c) => c.id === text)?.label ?? text;
  return text;
}

/** The act's details as short French lines: "Rôle : Évaluateur → Membre du jury", "Motif : départ". */
export function logDetailLines(entry: Pick<AdminLogEntry, 'details'>): string[] {
  const details = entry.details ?? {};
  const lines: string[] = [];
  const from = details.from;
  const to = details.to;
  const fieldName = typeof details.field === 'string' ? details.field : null;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!fieldName && typeof from === 'string' && typeof to === 'string' && day.test(from) && day.test(to)) {
    // A period (the holders exported for the Caisse des Dépôts), not a change.
    lines.push(`Période : du ${formatCalendarDate(from)} au ${formatCalendarDate(to)}`);
  } else if (from !== undefined || to !== undefined) {
    const key = fieldName ?? (typeof from === 'string' && ROLE_ORDER.includes(from) ? 'role' : '');
    const label = DETAIL_LABELS[key] ?? 'Modification';
    lines.push(`${label} : ${detailValue(key, from)} → ${detailValue(key, to)}`);
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'from' || key === 'to' || (key === 'field' && fieldName) || HIDDEN_DETAILS.test(key)) continue;
    lines.push(`${DETAIL_LABELS[key] ?? key} : ${detailValue(key, value)}`);
  }
  return lines;
}
