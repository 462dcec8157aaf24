// French sentences for the errors the pages show.
//
// The API answers errors as {"error": {code, message, field, details}}. Its
// `message` is English and meant for developers: the pages never show it.
// They show what frenchErrorMessage() makes of (code, field, details), and
// keep the English message for support (a `title` attribute, the console).
//
// This module imports only the ApiError type from shared/api/client.ts (which imports statusMessage from
// here): describeError() recognises an ApiError by its shape.

import type { ApiError } from '../api/client';
import {
  BLOC_RNCP_CODE_MESSAGE,
  CQPM_NUMBER_MESSAGE,
  IDENTITY_MESSAGE,
  REGISTERED_MESSAGE,
  REGISTRATION_START_MESSAGE,
  RNCP_LEVEL_MESSAGE,
  RNCP_NUMBER_MESSAGE,
} from '../../features/referentials/certificationIdentity';
import { BIRTH_INSEE_CODE_MESSAGE, SEX_MESSAGE, birthPlaceRefusal } from '../../features/files/candidate';

/** What the page knows about the failed call, to make the sentence precise. */
export interface ErrorContext {
  /** The call that failed: on 'login', "unauthenticated" means a wrong password, not an expired session. */
  operation?:
    | 'login'
    | 'session'
    | 'list'
    | 'load'
    | 'create'
    | 'transition'
    | 'cqpm'
    | 'plan'
    // The referential's history and the GTP's proposals:
    | 'versions'
    | 'proposal'
    | 'propose'
    | 'approve'
    | 'reject'
    | 'publish'
    // Administration: organisations, accounts, the administration log.
    | 'organisation'
    | 'account'
    | 'account_status'
    | 'invitation'
    | 'admin_log'
    // One-time links (invitation, password reset) and passwords.
    | 'password_link'
    | 'password_reset_request'
    | 'password_change'
    // The link a candidate follows to attach a file another centre opened to their account.
    | 'file_link'
    // The candidate import (a CSV previewed, then confirmed).
    | 'import'
    // A correction of the candidate's identity (POST /files/{id}/corrections).
    | 'correction'
    // A transfer proposed to another centre, and its answers (accept, refuse, withdraw).
    | 'transfer'
    | 'transfer_answer'
    // The holders to declare to the Caisse des Dépôts (GET /holders/accrochage).
    | 'holders';
  /** The values sent, by API field name ("candidate.given_name"...): tells "required" from "too long". */
  values?: Readonly<Record<string, unknown>>;
  /** The file's pathway, to explain the company and company-opinion guards. */
  pathway?: string | null;
  /** The HTTP status, for error codes this module does not know. */
  status?: number;
  /**
   * Sentences per API field of the form that sent the call (the jury, deadline, admissibility... calls).
   * When given, the server's own French sentence (details.message_fr) wins, then these, then a 404 sentence.
   */
  fields?: FieldMessages;
}

/** French sentences by API field name ("date", "reason"; "blocs[2]" is looked up as "blocs"). */
export type FieldMessages = Readonly<Record<string, string>>;

/** The parts of an API error the sentence is made from: the client's one ApiError type, or a value of its shape. */
export type ApiErrorLike = Pick<ApiError, 'status' | 'code' | 'field' | 'details' | 'message'>;

export interface ErrorDescription {
  /** French, for the user. */
  text: string;
  /** The API field at fault, normalised ("candidate.email"), or null. */
  field: string | null;
  /** The server's English message with its code, for support (title attribute, console); null if none. */
  technical: string | null;
}

export const GENERIC_ERROR = 'Une erreur inattendue est survenue. Réessayez plus tard.';
export const INTERNAL_ERROR = 'Une erreur interne est survenue. Réessayez plus tard.';
const RELOAD = 'Rechargez la page et réessayez.';

/** A French sentence for an HTTP status alone (the body was not an API error). */
export function statusMessage(status: number): string {
  if (status === 0) return 'Le serveur ne répond pas. Vérifiez votre connexion.';
  if (status === 400) return `La requête n'est pas valide. ${RELOAD}`;
  if (status === 401) return 'Votre session a expiré. Reconnectez-vous.';
  if (status === 403) return 'Votre rôle ne permet pas cette action.';
  if (status === 404) return 'Élément introuvable.';
  if (status === 410) return GONE_MESSAGE;
  if (status === 409) return `L'opération entre en conflit avec une autre modification. ${RELOAD}`;
  if (status === 413) return 'Les données envoyées sont trop volumineuses.';
  if (status === 429) return 'Trop de tentatives, réessayez dans quelques instants.';
  if (status === 502 || status === 503 || status === 504) {
    return 'Le service est momentanément indisponible. Réessayez dans quelques instants.';
  }
  if (status >= 500) return INTERNAL_ERROR;
  return `La requête a échoué (HTTP ${status}). Réessayez plus tard.`;
}

/** "candidate.email" from "candidate.email", "$.candidate.email" or "/candidate/email". */
export function normaliseField(field: string | null | undefined): string | null {
  if (!field) return null;
  const normalised = field
    .trim()
    .replace(/^\$\.?/, '')
    .replace(/^\//, '')
    .replace(/\//g, '.');
  return normalised || null;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The value sent for a field, or undefined when the page did not say. */
function sentValue(context: ErrorContext, field: string): unknown {
  const values = context.values;
  return values && Object.prototype.hasOwnProperty.call(values, field) ? values[field] : undefined;
}

/** Whether the page sent a non-blank value for the field (so "invalid" cannot mean "missing"). */
function sentNonBlank(context: ErrorContext, field: string): boolean {
  const value = sentValue(context, field);
  return value !== undefined && !isBlank(value);
}

function sentBlank(context: ErrorContext, field: string): boolean {
  const values = context.values;
  return !!values && Object.prototype.hasOwnProperty.call(values, field) && isBlank(values[field]);
}

function positiveNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** "dans 30 secondes", "dans 1 seconde", "dans 5 minutes". */
function inDelay(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s >= 120) return `dans ${Math.ceil(s / 60)} minutes`;
  return `dans ${s} seconde${s > 1 ? 's' : ''}`;
}

// ---- CQPM plugins ------------------------------------------------------------

/**
 * The French sentence a CQPM plugin gave with its refusal (details.message_fr),
 * or null. Plugin refusals of registration fields and modality plans carry one;
 * it is the most precise sentence there is, so it wins over ours.
 */
export function pluginMessage(details: Readonly<Record<string, unknown>> | null | undefined): string | null {
  const text = details?.message_fr;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
}

/** The registration field an error names: "material_family" for "registration.material_family[0]". */
export function registrationFieldOf(field: string | null | undefined): string | null {
  const match = /^registration\.([^.[\]]+)/.exec(normaliseField(field) ?? '');
  return match ? match[1]! : null;
}

/** What a registration field of a CQPM needs, said before sending (the same words as the plugins' own checks). */
export function registrationFieldMessage(label: string, type: string): string {
  return type === 'text_list' ? `${label} : indiquez au moins un élément.` : `${label} : information obligatoire.`;
}

/** "competencies[3].details.technologies" → {index: 3, sub: "details.technologies"}; sub is null for the entry itself. */
export function planEntryField(field: string | null | undefined): { index: number; sub: string | null } | null {
  const match = /^competencies\[(\d+)\](?:\.(.+))?$/.exec(normaliseField(field) ?? '');
  return match ? { index: Number(match[1]), sub: match[2] ?? null } : null;
}

export const PLAN_MODALITY_MESSAGE = "Choisissez une modalité d'évaluation.";
export const PLAN_DATE_REQUIRED_MESSAGE = "Indiquez la date prévue de l'évaluation.";
export const PLAN_DATE_MESSAGE = 'La date prévue doit être une date valide (AAAA-MM-JJ).';
export const PLAN_PLACE_MESSAGE = "Indiquez le lieu de l'évaluation.";
export const PLAN_EVALUATORS_MESSAGE = 'Choisissez au moins un évaluateur.';
/** The shortest justification of an exceptional modality the CQPM rules accept (host library, in bytes). */
export const MIN_JUSTIFICATION_BYTES = 40;
export const PLAN_JUSTIFICATION_MESSAGE =
  "Cette modalité est exceptionnelle : expliquez par écrit pourquoi l'évaluation en situation réelle ou sur projets est impossible (40 caractères au moins) ; le jury lira cette justification.";
export const PLAN_MISSING_MESSAGE =
  "Enregistrez d'abord le plan d'évaluation : chaque compétence doit avoir une modalité, une date, un lieu et au moins un évaluateur.";

/**
 * The sentence for a field of one entry of the modality plan ("modality",
 * "planned_date", "evaluators[1]", "details.technologies"...), as the editor
 * and the server's invalid_field answers both need it. `sent` is the value
 * sent, when known: it tells "missing" from "too long" or "malformed".
 */
export function planEntryMessage(sub: string | null, sent?: unknown): string {
  const given = sent !== undefined && !isBlank(sent);
  if (sub === null) return `Cette ligne du plan d'évaluation n'est pas valide. ${RELOAD}`;
  if (sub === 'competency') return `Cette compétence ne figure pas dans le référentiel du CQPM. ${RELOAD}`;
  if (sub === 'modality') return PLAN_MODALITY_MESSAGE;
  if (sub === 'planned_date') return sent !== undefined && !given ? PLAN_DATE_REQUIRED_MESSAGE : PLAN_DATE_MESSAGE;
  if (sub === 'place') return given ? 'Le lieu est trop long (2 000 caractères au plus).' : PLAN_PLACE_MESSAGE;
  if (sub === 'evaluators') return PLAN_EVALUATORS_MESSAGE;
  if (/^evaluators\[\d+\]$/.test(sub)) {
    return `Un des évaluateurs choisis n'est pas évaluateur du centre du dossier. ${RELOAD}`;
  }
  if (sub === 'justification') {
    return given ? 'La justification est trop longue (2 000 caractères au plus).' : PLAN_JUSTIFICATION_MESSAGE;
  }
  if (sub === 'details') return 'Les précisions données pour cette compétence sont trop longues.';
  if (sub.startsWith('details.')) return 'Cette précision demandée par le CQPM pour la compétence ne convient pas.';
  return "Une information de cette ligne du plan d'évaluation n'est pas valide.";
}

// ---- Administration, one-time links and passwords ---------------------------

export const SIRET_MESSAGE = 'Numéro SIRET invalide (14 chiffres, clé de contrôle).';
export const DEPARTEMENTS_MESSAGE =
  'Départements invalides : indiquez des codes séparés par des virgules, par exemple 69, 01, 2A, 974.';
export const DEPARTEMENTS_REQUIRED_MESSAGE = 'Indiquez au moins un département, par exemple 69, 01.';
export const REGION_MESSAGE = 'Choisissez la région du centre dans la liste.';
export const CENTRES_MESSAGE = "Choisissez, dans la liste, les centres avec lesquels l'entreprise travaille.";
export const COLLEGE_MESSAGE =
  'Choisissez le collège (Employeur ou Salarié) : il est obligatoire pour un membre du jury ou un auditeur GTP, et sans objet pour les autres rôles.';
export const COLLEGE_REQUIRED_MESSAGE = 'Choisissez le collège du compte : Employeur ou Salarié.';
export const ROLE_MESSAGE = 'Choisissez un rôle de la liste.';
export const ORGANISATION_MESSAGE = "Choisissez, dans la liste, une organisation qui convient au rôle du compte.";
export const KIND_MESSAGE = "Choisissez le type d'organisation.";
export const PASSWORD_MISMATCH_MESSAGE = 'Les deux mots de passe ne sont pas identiques.';
export const CURRENT_PASSWORD_MESSAGE = 'Mot de passe actuel incorrect.';
export const PASSWORD_POLICY_SUMMARY =
  'au moins 12 caractères, différent de votre identifiant, pas un mot de passe courant';
/** The largest candidate file the import accepts: 1 MiB. */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_TOO_LARGE_MESSAGE =
  "Le fichier dépasse 1 Mo, la taille la plus grande qu'un import accepte : découpez-le en plusieurs fichiers.";
export const IMPORT_HAS_ERRORS_MESSAGE =
  "Le fichier contient des erreurs : aucun dossier n'a été créé. Corrigez-le, puis vérifiez-le de nouveau.";
export const GONE_MESSAGE = "Ce lien n'est plus valable : demandez-en un nouveau.";
export const LINK_NOT_FOUND_MESSAGE =
  "Ce lien n'est pas valide : vérifiez qu'il est complet (toute l'adresse reçue par e-mail), ou demandez-en un nouveau.";

export const FILE_LINK_NOT_FOUND_MESSAGE =
  "Ce lien n'est pas valable pour ce compte. Vérifiez que vous êtes connecté avec le compte qui a reçu l'e-mail.";
/** A file link already used: the password links' sentence ("votre mot de passe est choisi") would be wrong here. */
export const FILE_LINK_USED_MESSAGE =
  "Ce lien a déjà servi : le dossier a déjà été rattaché. S'il l'a été à votre compte, il figure dans votre tableau de bord.";

/** "1 024" (a space between thousands, as the other sentences write it). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The sentence for a refused password (code password_policy, details.rule). */
export function passwordPolicyMessage(details?: Readonly<Record<string, unknown>> | null): string {
  switch (details?.rule) {
    case 'too_short': {
      const min = positiveNumber(details.min_length) ?? 12;
      return `Le mot de passe doit compter au moins ${groupDigits(min)} caractères.`;
    }
    case 'too_long': {
      const max = positiveNumber(details.max_length) ?? 1024;
      return `Le mot de passe est trop long (${groupDigits(max)} caractères au plus).`;
    }
    case 'same_as_login':
      return 'Le mot de passe doit être différent de votre identifiant.';
    case 'common':
      return 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.';
    default:
      return `Ce mot de passe ne respecte pas les règles : ${PASSWORD_POLICY_SUMMARY}.`;
  }
}

/** The sentence for a one-time link that no longer works (410 gone, details.reason). */
export function goneMessage(details?: Readonly<Record<string, unknown>> | null): string {
  switch (details?.reason) {
    case 'expired':
      return 'Ce lien a expiré : demandez-en un nouveau.';
    case 'used':
      return "Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous, ou demandez un nouveau lien si vous l'avez oublié.";
    case 'revoked':
      return 'Un lien plus récent a été envoyé : utilisez celui du dernier e-mail reçu.';
    default:
      return GONE_MESSAGE;
  }
}

function isPasswordOperation(context: ErrorContext): boolean {
  const op = context.operation;
  return op === 'password_link' || op === 'password_change' || op === 'password_reset_request';
}

/** "departements" for "departements[2]", "centre_ids" for "centre_ids[0]" or "/centre_ids/0". */
export function listFieldOf(field: string | null | undefined): string | null {
  const normalised = normaliseField(field);
  return normalised ? normalised.replace(/(\[\d+\]|\.\d+)$/, '') : null;
}

/** invalid_field on a field of the administration and password forms, or null for the others. */
function administrationInvalidField(field: string | null, context: ErrorContext): string | null {
  const list = listFieldOf(field);
  switch (list) {
    case 'siret':
      return SIRET_MESSAGE;
    case 'departements':
      return sentBlank(context, 'departements') ? DEPARTEMENTS_REQUIRED_MESSAGE : DEPARTEMENTS_MESSAGE;
    case 'region':
      return REGION_MESSAGE;
    case 'centre_ids':
      return CENTRES_MESSAGE;
    case 'college':
      return COLLEGE_MESSAGE;
    case 'role':
      return ROLE_MESSAGE;
    case 'organisation_id':
      return ORGANISATION_MESSAGE;
    case 'kind':
      return KIND_MESSAGE;
    case 'name':
      return sentNonBlank(context, 'name')
        ? "Le nom de l'organisation est trop long (200 caractères au plus)."
        : "Indiquez le nom de l'organisation.";
    case 'address':
      return sentNonBlank(context, 'address') ? "L'adresse est trop longue." : "Indiquez l'adresse de l'entreprise.";
    case 'display_name':
      return sentNonBlank(context, 'display_name')
        ? 'Le nom affiché est trop long (200 caractères au plus).'
        : 'Indiquez le nom affiché du compte (prénom et nom).';
    case 'email':
      return sentBlank(context, 'email') ? "Indiquez l'adresse e-mail." : 'Adresse e-mail invalide.';
    case 'active':
      return `L'état demandé n'est pas valide. ${RELOAD}`;
    case 'action':
      return 'Choisissez une action de la liste.';
    case 'login_or_email':
      return 'Saisissez votre identifiant ou votre adresse e-mail.';
    case 'current_password':
      return 'Saisissez votre mot de passe actuel.';
    case 'new_password':
      return sentNonBlank(context, 'new_password')
        ? passwordPolicyMessage({ rule: 'too_long' })
        : 'Saisissez le nouveau mot de passe.';
    case 'token':
      return LINK_NOT_FOUND_MESSAGE;
    case 'file':
      return 'Le fichier envoyé est vide : choisissez le fichier CSV des candidats.';
    case 'filename':
      return "Le nom du fichier n'est pas accepté : renommez-le, par exemple candidats.csv, et choisissez-le de nouveau.";
    default:
      break;
  }
  if (list === 'login' && context.operation === 'account') {
    return sentNonBlank(context, 'login')
      ? "Cet identifiant n'est pas accepté : sans espace, 200 caractères au plus."
      : "Indiquez l'identifiant du compte.";
  }
  if (list === 'password' && isPasswordOperation(context)) {
    return sentNonBlank(context, 'password')
      ? passwordPolicyMessage({ rule: 'too_long' })
      : 'Saisissez le nouveau mot de passe.';
  }
  return null;
}

const FORBIDDEN_MESSAGES: Partial<Record<NonNullable<ErrorContext['operation']>, string>> = {
  organisation:
    "Vous n'avez pas le droit de créer ou de modifier cette organisation : l'administrateur de la plateforme gère les centres, le GTP et la plateforme ; un coordinateur, les entreprises qui travaillent avec son centre.",
  account: "Vous n'avez pas le droit de créer ou de modifier un compte avec ce rôle dans cette organisation.",
  account_status: "Vous n'avez pas le droit de désactiver ou de réactiver ce compte.",
  invitation: "Vous n'avez pas le droit d'envoyer une invitation pour ce compte.",
  admin_log: "Vous n'avez pas le droit de consulter le journal d'administration.",
  password_change: "Vous n'avez pas le droit de changer ce mot de passe.",
  import: "Seul le coordinateur d'un centre importe des candidats, dans son centre.",
  correction: 'Seul le coordinateur du centre du dossier peut le corriger.',
  transfer: 'Seul le coordinateur du centre du dossier peut proposer son transfert.',
  transfer_answer:
    "Seul le centre destinataire accepte ou refuse un transfert ; seul le centre qui l'a proposé peut le retirer.",
  holders:
    'Seuls les coordinateurs de centre et les auditeurs du GTP consultent les titulaires à déclarer à la Caisse des Dépôts.',
};

// ---- invalid_field -------------------------------------------------------

const NAME_FIELDS: Record<string, { required: string; tooLong: string }> = {
  'candidate.given_name': {
    required: 'Le prénom du candidat est obligatoire.',
    tooLong: 'Le prénom du candidat est trop long (200 caractères au plus).',
  },
  'candidate.family_name': {
    required: 'Le nom du candidat est obligatoire.',
    tooLong: 'Le nom du candidat est trop long (200 caractères au plus).',
  },
};

export const BIRTH_DATE_MESSAGE = 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.';
export const COMPANY_MESSAGE = "Choisissez l'entreprise du candidat (aucune entreprise pour un parcours VAE).";
export const REASON_MESSAGE = 'Indiquez un motif.';
export const BLOCS_MESSAGE = 'Indiquez au moins un bloc de compétences.';

// ---- Corrections and transfers of a file ------------------------------------------

export const NOTHING_CORRECTED_MESSAGE =
  "Aucune information du candidat n'a changé : corrigez au moins un champ avant d'enregistrer.";
export const CORRECTION_REASON_MESSAGE = 'Indiquez le motif de la correction.';
export const TRANSFER_REASON_MESSAGE = 'Indiquez le motif du transfert.';
export const REFUSAL_REASON_MESSAGE = 'Indiquez le motif du refus.';
export const REASON_TOO_LONG_MESSAGE = 'Le motif est trop long (1 000 caractères au plus).';
export const TRANSFER_CENTRE_MESSAGE = 'Choisissez, dans la liste, un centre actif autre que celui du dossier.';
export const TRANSFER_PENDING_MESSAGE =
  "Un transfert de ce dossier attend déjà une réponse : retirez-le avant d'en proposer un autre.";
export const TRANSFER_CLOSED_MESSAGE =
  'Ce dossier ne peut pas être transféré : il est clos, ou inscrit à une session de jury.';
export const TRANSFER_ANSWERED_MESSAGE =
  "Ce transfert n'est plus possible : il a déjà reçu une réponse ou a été retiré, ou le dossier a été clos ou inscrit à un jury entre-temps.";
export const CORRECTION_CLOSED_MESSAGE =
  'Ce dossier est clos : seuls le sexe et le code INSEE du lieu de naissance peuvent encore être complétés.';

/** invalid_field on the reason of a correction, a transfer or a refusal: missing, or too long. */
function reasonMessage(context: ErrorContext): string {
  if (sentNonBlank(context, 'reason')) return REASON_TOO_LONG_MESSAGE;
  if (context.operation === 'correction') return CORRECTION_REASON_MESSAGE;
  if (context.operation === 'transfer') return TRANSFER_REASON_MESSAGE;
  if (context.operation === 'transfer_answer') return REFUSAL_REASON_MESSAGE;
  return REASON_MESSAGE;
}

function isFileChange(context: ErrorContext): boolean {
  const op = context.operation;
  return op === 'correction' || op === 'transfer' || op === 'transfer_answer';
}

// ---- A proposed referential (POST /cqpms/{id}/proposals: field "referential.<path>") ----

export const BLOC_CODE_MESSAGE = (bloc: number) =>
  `Le code du bloc ${bloc} doit s'écrire BDC suivi de quatre chiffres (par exemple BDC0199) et différer des codes des autres blocs.`;
export const EMPTY_TEXT_MESSAGE = 'Ce texte ne peut pas être vide.';
export const IDENTICAL_PROPOSAL_MESSAGE =
  "La proposition est identique à la version en vigueur : modifiez au moins un élément avant de l'envoyer.";
export const GTP_ONLY_MESSAGE =
  'Seuls les auditeurs du GTP Certifications proposent, approuvent, rejettent ou publient une modification du référentiel.';

export const REGISTRATION_END_SERVER_MESSAGE =
  "La date de fin d'enregistrement doit être une date valide (jj/mm/aaaa), qui ne précède pas la date de début.";

/** The certification's identity in a proposed referential (an end before the start is refused on the end). */
const IDENTITY_FIELD_MESSAGES: Readonly<Record<string, string>> = {
  'identity.cqpm_number': CQPM_NUMBER_MESSAGE,
  'identity.rncp.number': RNCP_NUMBER_MESSAGE,
  'identity.rncp.level': RNCP_LEVEL_MESSAGE,
  'identity.rncp.registration_start': REGISTRATION_START_MESSAGE,
  'identity.rncp.registration_end': REGISTRATION_END_SERVER_MESSAGE,
  'identity.rncp.registered': REGISTERED_MESSAGE,
};

/**
 * The sentence for a fault in a proposed referential, from the path the server names
 * ("referential.blocs[1].code", "referential.blocs[0].competencies[2].criteria.methods[0]").
 */
export function referentialFieldMessage(field: string | null | undefined): string {
  const path = (normaliseField(field) ?? '').replace(/^referential\.?/, '');
  const bloc = /^blocs\[(\d+)\](.*)$/.exec(path);
  if (bloc) {
    const n = Number(bloc[1]) + 1;
    const rest = bloc[2] ?? '';
    if (rest === '.code') return BLOC_CODE_MESSAGE(n);
    if (rest === '.rncp_code') return BLOC_RNCP_CODE_MESSAGE(n);
    if (rest === '.title') return `L'intitulé du bloc ${n} ne peut pas être vide.`;
    if (/^\.knowledge\[\d+\]$/.test(rest)) return 'Une connaissance associée ne peut pas être vide.';
    const competency = /^\.competencies\[\d+\](.*)$/.exec(rest);
    if (competency) {
      const sub = competency[1] ?? '';
      if (sub === '.title') return "L'intitulé d'une compétence ne peut pas être vide.";
      if (sub === '.number') return "Les compétences restent numérotées de 1 à N, dans l'ordre du référentiel.";
      if (sub === '.conditions') return 'Une compétence garde au moins une condition de réalisation.';
      if (/^\.conditions\[\d+\]$/.test(sub)) return 'Une condition de réalisation ne peut pas être vide.';
      if (/^\.criteria\.[a-z]+\[\d+\]$/.test(sub)) return 'Un critère ne peut pas être vide.';
      if (sub === '.expected_results') return 'Une compétence garde au moins un résultat attendu.';
      if (/^\.expected_results\[\d+\]$/.test(sub)) return 'Un résultat attendu ne peut pas être vide.';
    }
    if (rest === '.competencies') return 'Un bloc garde au moins une compétence.';
  }
  if (path === 'id') return `Le référentiel proposé ne correspond pas à ce CQPM. ${RELOAD}`;
  if (path === 'identity' || path.startsWith('identity.')) return IDENTITY_FIELD_MESSAGES[path] ?? IDENTITY_MESSAGE;
  return "Le référentiel proposé n'est pas valide : vérifiez les éléments modifiés.";
}

function invalidField(field: string | null, context: ErrorContext): string {
  const administration = administrationInvalidField(field, context);
  if (administration) return administration;
  if (field === 'referential' || field?.startsWith('referential.')) return referentialFieldMessage(field);
  const entry = planEntryField(field);
  if (entry) return planEntryMessage(entry.sub, field ? sentValue(context, field) : undefined);
  if (registrationFieldOf(field)) return "Une information demandée par ce CQPM à l'inscription n'est pas valide.";
  if (field && NAME_FIELDS[field]) {
    return sentNonBlank(context, field) ? NAME_FIELDS[field].tooLong : NAME_FIELDS[field].required;
  }
  if (field === 'reason' && isFileChange(context)) return reasonMessage(context);
  switch (field) {
    case 'candidate':
      return context.operation === 'correction' ? NOTHING_CORRECTED_MESSAGE : 'Les informations du candidat sont incomplètes.';
    case 'centre_id':
      return TRANSFER_CENTRE_MESSAGE;
    case 'direction':
      return 'Choisissez des transferts reçus ou envoyés.';
    case 'candidate.email':
      return sentBlank(context, field)
        ? "L'adresse e-mail du candidat est obligatoire."
        : "L'adresse e-mail du candidat n'est pas valide.";
    case 'candidate.birth_date':
      return sentBlank(context, field) ? 'La date de naissance du candidat est obligatoire.' : BIRTH_DATE_MESSAGE;
    case 'candidate.birth_place':
      return birthPlaceRefusal(sentValue(context, field));
    case 'candidate.sex':
      return SEX_MESSAGE;
    case 'candidate.birth_insee_code':
      return BIRTH_INSEE_CODE_MESSAGE;
    case 'company_id':
    case 'company':
      return COMPANY_MESSAGE;
    case 'cqpm':
      return 'Choisissez un CQPM de la liste.';
    case 'pathway':
      return 'Choisissez un parcours de la liste.';
    case 'registration':
      return "Les informations d'inscription propres au CQPM ne sont pas valides.";
    case 'competencies':
      return "Le plan d'évaluation doit comporter une ligne par compétence.";
    case 'payload':
      return "Les informations de l'action ne sont pas valides.";
    case 'payload.reason':
    case 'reason':
      return REASON_MESSAGE;
    case 'payload.blocs':
      return BLOCS_MESSAGE;
    case 'from':
    case 'to':
    case 'version':
      return 'Choisissez des versions publiées du référentiel.';
    case 'id':
      return `Ce numéro de proposition n'est pas valide. ${RELOAD}`;
    case 'expected_version':
      return `La version du dossier n'est pas valide. ${RELOAD}`;
    case 'transition':
      return `Cette action est inconnue. ${RELOAD}`;
    case 'login':
      return sentNonBlank(context, field)
        ? "L'identifiant est trop long (200 caractères au plus)."
        : 'Saisissez votre identifiant.';
    case 'password':
      return sentNonBlank(context, field)
        ? 'Le mot de passe est trop long (1 024 caractères au plus).'
        : 'Saisissez votre mot de passe.';
    case 'limit':
      return 'Le nombre de dossiers par page doit être compris entre 1 et 100.';
    case 'cursor':
      return "Cette page de résultats n'est plus valable. Revenez à la première page.";
    case 'q':
      return 'La recherche est trop longue (200 caractères au plus).';
    case 'state':
      return 'Choisissez un état de la liste.';
    case 'Idempotency-Key':
      return `La demande n'a pas pu être identifiée. ${RELOAD}`;
    case 'X-CQPM-CSRF':
      return `La demande a été refusée par mesure de sécurité. ${RELOAD}`;
    default:
      return "Une des informations saisies n'est pas valide. Vérifiez le formulaire.";
  }
}

// ---- guard_failed ----------------------------------------------------------

const IDENTITY_PARTS: Record<string, string> = {
  'candidate.given_name': 'son prénom',
  'candidate.family_name': 'son nom',
  'candidate.email': 'son adresse e-mail',
  'candidate.birth_date': 'sa date de naissance',
};

export const ADMISSIBILITY_GUARD_MESSAGE =
  "La demande de VAE doit d'abord être déclarée recevable : enregistrez une décision de recevabilité favorable avant de valider les modalités d'évaluation.";

function guardFailed(field: string | null, context: ErrorContext): string {
  if (field === 'modality_plan') return PLAN_MISSING_MESSAGE;
  if (field === 'admissibility') return ADMISSIBILITY_GUARD_MESSAGE;
  if (field === 'competencies') return "Chaque compétence doit avoir une modalité d'évaluation prévue.";
  const entry = planEntryField(field);
  if (entry) {
    if (entry.sub === 'modality') return "Le référentiel ne prévoit pas cette modalité d'évaluation pour ce parcours.";
    if (entry.sub === 'justification') return PLAN_JUSTIFICATION_MESSAGE;
    if (entry.sub?.startsWith('details.')) return 'Les précisions demandées par le CQPM pour cette compétence ne conviennent pas.';
    return "Le plan d'évaluation ne respecte pas les règles du CQPM.";
  }
  if (registrationFieldOf(field) || field === 'registration') {
    return "Les informations d'inscription propres à ce CQPM sont incomplètes : complétez-les avant cette action.";
  }
  if (field === 'payload.reason') return REASON_MESSAGE;
  if (field === 'payload.blocs') return BLOCS_MESSAGE;
  if (field && IDENTITY_PARTS[field]) {
    return `L'identité du candidat est incomplète : il manque ${IDENTITY_PARTS[field]}. Complétez le dossier avant cette action.`;
  }
  if (field === 'candidate' || field?.startsWith('candidate.')) {
    return "L'identité du candidat est incomplète. Complétez le dossier avant cette action.";
  }
  if (field === 'company_id' || field === 'company') {
    if (context.pathway === 'vae') return "Un dossier en VAE ne doit pas avoir d'entreprise : retirez l'entreprise du dossier.";
    if (context.pathway === 'employee') return "Le dossier d'un salarié doit indiquer l'entreprise qui l'emploie.";
    return "L'entreprise du dossier ne correspond pas au parcours : un salarié a une entreprise, un candidat en VAE n'en a pas.";
  }
  if (field === 'pathway') {
    if (context.pathway === 'vae') {
      return "Un dossier en VAE n'a pas d'avis de l'entreprise : envoyez-le au jury sans cet avis.";
    }
    if (context.pathway) {
      return "Seul un dossier en VAE va au jury sans l'avis de l'entreprise : demandez d'abord l'avis de l'entreprise.";
    }
    return 'Cette action ne correspond pas au parcours du candidat.';
  }
  return 'Les conditions de cette action ne sont pas remplies.';
}

// ---- the mapping -----------------------------------------------------------

/**
 * A French sentence for an API error, from its code, field and details (never
 * from its English message). Unknown fields fall back to a sentence per code,
 * unknown codes to one per HTTP status (context.status), then to a generic one.
 */
export function frenchErrorMessage(
  code: string,
  rawField?: string | null,
  details?: Readonly<Record<string, unknown>> | null,
  context: ErrorContext = {},
): string {
  const field = normaliseField(rawField);
  // A CQPM plugin's refusal carries its own French sentence.
  if (code === 'invalid_field' || code === 'guard_failed' || code === 'unprocessable') {
    const fromPlugin = pluginMessage(details);
    if (fromPlugin) return fromPlugin;
  }
  switch (code) {
    case 'invalid_field':
      return invalidField(field, context);
    case 'guard_failed':
      return guardFailed(field, context);
    case 'invalid_json':
      return `La demande envoyée n'est pas valide. ${RELOAD}`;
    case 'unauthenticated':
      if (field === 'current_password') return CURRENT_PASSWORD_MESSAGE;
      if (context.operation === 'login' || field === 'login' || field === 'password') {
        return 'Identifiant ou mot de passe incorrect.';
      }
      return 'Votre session a expiré. Reconnectez-vous.';
    case 'forbidden':
      if (field === 'X-CQPM-CSRF') return `La demande a été refusée par mesure de sécurité. ${RELOAD}`;
      if (context.operation === 'plan') {
        return "Seul le coordinateur du centre du dossier peut établir le plan d'évaluation.";
      }
      if (isReview(context)) return GTP_ONLY_MESSAGE;
      if (context.operation && FORBIDDEN_MESSAGES[context.operation]) return FORBIDDEN_MESSAGES[context.operation]!;
      return 'Votre rôle ne permet pas cette action.';
    case 'not_found':
      if (field === 'version') return "Cette version du référentiel n'existe pas.";
      if (context.operation === 'password_link') return LINK_NOT_FOUND_MESSAGE;
      if (context.operation === 'file_link') return FILE_LINK_NOT_FOUND_MESSAGE;
      if (context.operation === 'import') return "Cet import n'existe pas, ou il a été fait dans un autre centre.";
      if (context.operation === 'transfer_answer') return "Ce transfert n'existe pas, ou vous n'y avez pas accès.";
      if (field === 'organisation_id') return "L'organisation choisie n'existe pas, ou vous n'y avez pas accès.";
      if (context.operation === 'organisation') {
        return "Organisation introuvable : elle n'existe pas, ou vous n'y avez pas accès.";
      }
      if (context.operation === 'account' || context.operation === 'account_status' || context.operation === 'invitation') {
        return "Compte introuvable : il n'existe pas, ou vous n'y avez pas accès.";
      }
      if (isReview(context) && context.operation !== 'propose') return "Cette proposition n'existe pas.";
      // The pages fetch single files and CQPMs; lists and the session have no "not found" of their own.
      if (context.operation === 'cqpm' || context.operation === 'versions' || context.operation === 'propose') {
        return "Ce CQPM n'existe pas sur la plateforme.";
      }
      return context.operation === 'list' || context.operation === 'session' ? 'Élément introuvable.' : 'Dossier introuvable.';
    case 'method_not_allowed':
      return `Cette opération n'est pas prise en charge. ${RELOAD}`;
    case 'invalid_state':
      if (context.operation === 'import') return IMPORT_HAS_ERRORS_MESSAGE;
      if (context.operation === 'invitation') {
        return "Ce compte a déjà choisi son mot de passe : il n'y a plus d'invitation à envoyer.";
      }
      if (context.operation === 'account_status' || context.operation === 'organisation') {
        return `Cette action n'est plus possible : l'état a changé entre-temps. ${RELOAD}`;
      }
      if (context.operation === 'password_change') {
        return "Votre compte n'a pas encore de mot de passe : suivez le lien de l'e-mail d'invitation.";
      }
      if (context.operation === 'plan') {
        return "Le plan d'évaluation ne se modifie plus : le dossier n'est plus à l'état « Inscrit ».";
      }
      if (context.operation === 'correction') return CORRECTION_CLOSED_MESSAGE;
      if (context.operation === 'transfer') return TRANSFER_CLOSED_MESSAGE;
      if (context.operation === 'transfer_answer') return TRANSFER_ANSWERED_MESSAGE;
      if (isReview(context)) {
        return "Cette action n'est plus possible : la proposition a été approuvée, rejetée ou publiée entre-temps. La page a été rechargée.";
      }
      return "Cette action n'est plus possible dans l'état actuel du dossier.";
    case 'version_conflict': {
      const version = details?.current_version;
      const known = typeof version === 'number' || (typeof version === 'string' && version.trim() !== '');
      return `Le dossier a été modifié par quelqu'un d'autre${known ? ` (version ${String(version)})` : ''}. La page a été rechargée.`;
    }
    case 'conflict':
      if (field === 'Idempotency-Key') return `Cette demande a déjà été envoyée avec d'autres informations. ${RELOAD}`;
      if (field === 'login') return 'Cet identifiant est déjà pris.';
      if (field === 'email') return 'Cette adresse e-mail est déjà utilisée.';
      if (field === 'siret') return 'Une entreprise avec ce numéro SIRET existe déjà.';
      if (field === 'name' && context.operation === 'organisation') return 'Une organisation porte déjà ce nom.';
      if (context.operation === 'transfer') return TRANSFER_PENDING_MESSAGE;
      if (context.operation === 'approve') {
        return "Vous ou votre collège avez déjà approuvé cette proposition : l'approbation de l'autre collège est attendue.";
      }
      if (context.operation === 'publish') {
        return 'Une autre version du référentiel a été publiée depuis cette proposition : proposez de nouveau la modification sur la version en vigueur.';
      }
      return `L'opération entre en conflit avec une autre modification. ${RELOAD}`;
    case 'payload_too_large':
      if (context.operation === 'import') return IMPORT_TOO_LARGE_MESSAGE;
      return 'Les données envoyées sont trop volumineuses : raccourcissez les textes saisis.';
    case 'unsupported_media_type':
      return `Le format de la demande n'est pas accepté par le serveur. ${RELOAD}`;
    case 'unknown_transition':
      return `Cette action n'existe pas dans le circuit du dossier. ${RELOAD}`;
    case 'unprocessable':
      if (field === 'current_password') return CURRENT_PASSWORD_MESSAGE;
      if ((field === 'password' || field === 'new_password') && typeof details?.rule === 'string') {
        return passwordPolicyMessage(details);
      }
      if (context.operation === 'propose') return IDENTICAL_PROPOSAL_MESSAGE;
      return 'La demande ne peut pas être traitée telle quelle. Vérifiez les informations saisies.';
    case 'rate_limited': {
      const seconds = positiveNumber(details?.retry_after);
      const what = context.operation === 'password_reset_request' ? 'Trop de demandes' : 'Trop de tentatives';
      return seconds === null ? `${what}, réessayez dans quelques instants.` : `${what}, réessayez ${inDelay(seconds)}.`;
    }
    case 'password_policy':
      return passwordPolicyMessage(details);
    case 'gone':
      if (context.operation === 'file_link' && details?.reason === 'used') return FILE_LINK_USED_MESSAGE;
      return goneMessage(details);
    case 'plugin_failed':
      return "Les règles propres à ce CQPM n'ont pas pu être appliquées. Réessayez plus tard ; si l'erreur persiste, prévenez l'administrateur.";
    case 'storage_error':
    case 'internal_error':
    case 'invalid_configuration':
      return INTERNAL_ERROR;
    case 'unavailable':
      return 'Le service est momentanément indisponible. Réessayez dans quelques instants.';
    case 'network_error':
      return statusMessage(0);
    default:
      return context.status !== undefined && context.status !== 0 ? statusMessage(context.status) : GENERIC_ERROR;
  }
}

function isReview(context: ErrorContext): boolean {
  const op = context.operation;
  return op === 'proposal' || op === 'propose' || op === 'approve' || op === 'reject' || op === 'publish';
}

/** Whether `err` is an API error (an ApiError of the client, or a value of the same shape). */
export function isApiErrorLike(err: unknown): err is ApiErrorLike {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Partial<ApiErrorLike>;
  return typeof e.code === 'string' && typeof e.status === 'number';
}

/** The French sentence for anything a call may throw, with the English text kept for support. */
export function describeError(err: unknown, context: ErrorContext = {}): ErrorDescription {
  if (isApiErrorLike(err)) {
    const field = normaliseField(err.field);
    const text = frenchErrorMessage(err.code, field, err.details, { status: err.status, ...context });
    const technical = `${err.code}${field ? ` [${field}]` : ''}${err.status ? ` (HTTP ${err.status})` : ''}: ${err.message}`;
    const described = { text, field, technical };
    return context.fields ? withFieldMessages(described, err, context.fields) : described;
  }
  if (err instanceof Error) return { text: GENERIC_ERROR, field: null, technical: `${err.name}: ${err.message}` };
  return { text: GENERIC_ERROR, field: null, technical: err === undefined ? null : String(err) };
}

/** The form's own sentences over the generic one: the server's French sentence first, then the field's. */
function withFieldMessages(base: ErrorDescription, err: ApiErrorLike, fields: FieldMessages): ErrorDescription {
  const fromServer = pluginMessage(err.details);
  if (fromServer) return { ...base, text: fromServer };
  const field = normaliseField(err.field);
  const bloc = field && /^blocs\[\d+\]$/.test(field) ? 'blocs' : field;
  const known = bloc ? fields[bloc] : undefined;
  if (known && err.status !== 401 && err.status !== 404 && err.status < 500) return { ...base, text: known };
  if (err.status === 404) return { ...base, text: "Élément introuvable : il a peut-être été supprimé, ou vous n'y avez pas accès." };
  return base;
}

/** describeError(), with the English detail also written to the console for support. */
export function reportError(err: unknown, context: ErrorContext = {}): ErrorDescription {
  const description = describeError(err, context);
  if (description.technical) console.warn('CQPM Hub:', description.technical);
  return description;
}
