// The correction of a candidate's identity, and of the CQPM's registration
// answers, by the file's centre (POST /files/{id}/corrections): the form's
// draft, its checks before sending, and the request, which names only the
// fields that changed (the registration, whole, when any answer changed), with
// the file's version and a reason. The server keeps the old and new values in
// the file's history (event file_corrected), which the timeline shows.
// A closed file keeps what the jury judged: only the sex and the INSEE code of
// the birth place, which the Caisse des Dépôts needs to declare the holder, may
// still be completed there (the « civil_status » correction).

import {
  CANDIDATE_FIELD_LABELS,
  birthInseeCodeError,
  birthPlaceError,
  inseeCodeText,
  normaliseInseeCode,
  recordedBirthPlace,
  sexOf,
  sexText,
} from './candidate';
import { NOT_RECORDED } from '../referentials/certificationIdentity';
import { FINAL_STATES } from './deadlines';
import { CORRECTION_REASON_MESSAGE, NOTHING_CORRECTED_MESSAGE, frenchErrorMessage, normaliseField } from '../../shared/errors/errors';
import { correctedRegistration, sameRegistration, validateRegistration, type RegistrationDraft } from './registration';
import { formatCalendarDate } from '../../shared/format/format';
import type { User } from '../../shared/api/types';
import type { Candidate, CandidateCorrection, FileCorrectionRequest } from './fileTypes';
import type { RegistrationField, RegistrationValues } from '../referentials/referentialTypes';
import type { FieldErrors } from '../../shared/hooks/useDraftForm';

/**
 * The form's fields, in the order the first one at fault gets the focus;
 * `candidate` is the identity as a whole, `registration` the CQPM's answers
 * (whose own errors are keyed by field and row: validateRegistration()).
 */
export const CORRECTION_FIELDS = [
  'candidate',
  'given_name',
  'family_name',
  'email',
  'birth_date',
  'birth_place',
  'sex',
  'birth_insee_code',
  'registration',
  'reason',
] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

export interface CorrectionDraft {
  given_name: string;
  family_name: string;
  email: string;
  /** YYYY-MM-DD, as a date input gives it (shown jj/mm/aaaa by a French browser). */
  birth_date: string;
  /** Optional: '' when not recorded; emptied, it is erased. */
  birth_place: string;
  /** '', 'F' or 'M' ('' when not recorded; chosen again, it is erased). */
  sex: string;
  /** Optional, as typed: '' when not recorded; emptied, it is erased. */
  birth_insee_code: string;
  /** The CQPM's registration answers as the form holds them (empty until the CQPM's fields are loaded). */
  registration: RegistrationDraft;
  reason: string;
}

/** The file as the form was opened on it: the changes and the expected version are computed against it. */
export interface CorrectionBase {
  version: number;
  candidate: Candidate;
  /** The file's registration answers; undefined when the server does not send them (then they are not corrected). */
  registration?: RegistrationValues | null;
}

/** The CQPM's registration fields, once loaded, with the answers the file holds. */
export interface RegistrationCorrection {
  fields: readonly RegistrationField[];
  original: RegistrationValues | null;
}

export const REGISTRATION_INVALID_MESSAGE = 'Vérifiez les informations demandées par ce CQPM.';

/** The identity's fields the file always has (the birth place is optional). */
const IDENTITY_KEYS = ['given_name', 'family_name', 'email', 'birth_date'] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

type Reader = Pick<User, 'role' | 'organisation'> | null | undefined;
type FileOfCentre = { centre: { id: string } };

/** The reader coordinates the file's own centre (the one that corrects it and proposes its transfer). */
export function isFileCoordinator(user: Reader, file: FileOfCentre): boolean {
  return user?.role === 'centre_coordinator' && user.organisation.id === file.centre.id;
}

/**
 * What a correction may change: `full`, the identity and the registration
 * answers (an open file); `civil_status`, only the sex and the INSEE code of the
 * birth place (a closed file, for the Caisse des Dépôts).
 */
export type CorrectionMode = 'full' | 'civil_status';

export const CIVIL_STATUS_ONLY_NOTE =
  'Dossier clos : seuls le sexe et le code INSEE du lieu de naissance peuvent encore être complétés (déclaration à la Caisse des Dépôts).';

/** A file is corrected by its centre's coordinator while it is not closed. */
export function canCorrectFile(user: Reader, file: FileOfCentre & { state: string }): boolean {
  return isFileCoordinator(user, file) && !FINAL_STATES.includes(file.state);
}

/** What the reader may correct of the file: everything while it is open, the civil status once closed, or nothing. */
export function correctionModeOf(user: Reader, file: FileOfCentre & { state: string }): CorrectionMode | null {
  if (!isFileCoordinator(user, file)) return null;
  return FINAL_STATES.includes(file.state) ? 'civil_status' : 'full';
}

/** The form's starting point: the identity as the file has it, and no reason yet (the registration follows its fields). */
export function correctionDraftOf(candidate: Candidate, registration: RegistrationDraft = {}): CorrectionDraft {
  return {
    given_name: candidate.given_name,
    family_name: candidate.family_name,
    email: candidate.email,
    birth_date: candidate.birth_date,
    birth_place: candidate.birth_place ?? '',
    sex: sexOf(candidate.sex) ?? '',
    birth_insee_code: candidate.birth_insee_code ?? '',
    registration,
    reason: '',
  };
}

/** The registration fields a correction may change: only once loaded, and only for a file whose answers the server sent. */
export function registrationCorrection(
  base: CorrectionBase,
  fields: readonly RegistrationField[] | null,
): RegistrationCorrection | null {
  if (!fields || fields.length === 0 || base.registration === undefined) return null;
  return { fields, original: base.registration ?? null };
}

/** The registration to send: the whole answers when any changed, else undefined. */
export function changedRegistration(draft: CorrectionDraft, registration: RegistrationCorrection | null): RegistrationValues | undefined {
  if (!registration) return undefined;
  const corrected = correctedRegistration(registration.fields, registration.original, draft.registration);
  return sameRegistration(corrected, registration.original) ? undefined : corrected;
}

/** The sex and INSEE code (in capitals) that differ from the file's; one emptied is "" (erased). */
export function changedCivilStatus(candidate: Candidate, draft: CorrectionDraft): CandidateCorrection {
  const changed: CandidateCorrection = {};
  const sex = sexOf(draft.sex) ?? '';
  if (sex !== (sexOf(candidate.sex) ?? '')) changed.sex = sex;
  const insee = normaliseInseeCode(draft.birth_insee_code);
  if (insee !== normaliseInseeCode(candidate.birth_insee_code)) changed.birth_insee_code = insee;
  return changed;
}

/**
 * The identity fields whose value (trimmed) differs from the file's; a birth
 * place, sex or INSEE code emptied is "" (erased). In a `civil_status`
 * correction, only the sex and the INSEE code.
 */
export function changedIdentity(candidate: Candidate, draft: CorrectionDraft, mode: CorrectionMode = 'full'): CandidateCorrection {
  if (mode === 'civil_status') return changedCivilStatus(candidate, draft);
  const changed: CandidateCorrection = {};
  for (const key of IDENTITY_KEYS) {
    const value = draft[key].trim();
    if (value !== candidate[key]) changed[key] = value;
  }
  const place = draft.birth_place.trim();
  if (place !== (recordedBirthPlace(candidate.birth_place) ?? '')) changed.birth_place = place;
  return { ...changed, ...changedCivilStatus(candidate, draft) };
}

/** The request: the file's version, the reason, and only the fields that changed (a closed file: never its registration). */
export function correctionRequest(
  file: CorrectionBase,
  draft: CorrectionDraft,
  registration: RegistrationCorrection | null = null,
  mode: CorrectionMode = 'full',
): FileCorrectionRequest {
  const request: FileCorrectionRequest = {
    expected_version: file.version,
    reason: draft.reason.trim(),
    candidate: changedIdentity(file.candidate, draft, mode),
  };
  const answers = mode === 'full' ? changedRegistration(draft, registration) : undefined;
  if (answers) request.registration = answers;
  return request;
}

/** The values typed, as the API names them: the error sentences tell "missing" from "invalid" with them. */
export function correctionValues(draft: CorrectionDraft): Record<string, string> {
  return {
    'candidate.given_name': draft.given_name.trim(),
    'candidate.family_name': draft.family_name.trim(),
    'candidate.email': draft.email.trim(),
    'candidate.birth_date': draft.birth_date.trim(),
    'candidate.birth_place': draft.birth_place.trim(),
    'candidate.sex': draft.sex,
    'candidate.birth_insee_code': normaliseInseeCode(draft.birth_insee_code),
    reason: draft.reason.trim(),
  };
}

/** "YYYY-MM-DD" of `today` in the reader's calendar. */
function localDay(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/** A real calendar day before today. */
export function isPastDay(ymd: string, today: Date = new Date()): boolean {
  const match = ISO_DAY.exec(ymd);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const real = date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
  return real && ymd < localDay(today);
}

/** The faults of the registration answers, by field and row (validateRegistration()); none when they are not corrected. */
export function correctionRegistrationErrors(draft: CorrectionDraft, registration: RegistrationCorrection | null): Record<string, string> {
  return registration ? validateRegistration(registration.fields, draft.registration, registration.original) : {};
}

/**
 * The checks made before sending, with the sentences of the server's answers:
 * each field filled and well formed, the registration answers complete, a
 * reason, and at least one change. A `civil_status` correction checks only the
 * sex, the INSEE code and the reason (the other fields are not sent).
 */
export function validateCorrection(
  candidate: Candidate,
  draft: CorrectionDraft,
  today: Date = new Date(),
  registration: RegistrationCorrection | null = null,
  mode: CorrectionMode = 'full',
): FieldErrors<CorrectionField> {
  const values = correctionValues(draft);
  const invalid = (field: string) => frenchErrorMessage('invalid_field', field, null, { values, operation: 'correction' });
  const errors: FieldErrors<CorrectionField> = {};
  const full = mode === 'full';
  if (full) {
    if (!values['candidate.given_name']) errors.given_name = invalid('candidate.given_name');
    if (!values['candidate.family_name']) errors.family_name = invalid('candidate.family_name');
    if (!EMAIL.test(values['candidate.email'] ?? '')) errors.email = invalid('candidate.email');
    if (!isPastDay(values['candidate.birth_date'] ?? '', today)) errors.birth_date = invalid('candidate.birth_date');
    const birthPlace = birthPlaceError(draft.birth_place);
    if (birthPlace) errors.birth_place = birthPlace;
    if (Object.keys(correctionRegistrationErrors(draft, registration)).length > 0) errors.registration = REGISTRATION_INVALID_MESSAGE;
  }
  if (draft.sex !== '' && !sexOf(draft.sex)) errors.sex = invalid('candidate.sex');
  const inseeCode = birthInseeCodeError(draft.birth_insee_code);
  if (inseeCode) errors.birth_insee_code = inseeCode;
  if (!values.reason) errors.reason = CORRECTION_REASON_MESSAGE;
  const valid = CORRECTION_FIELDS.every((f) => f === 'reason' || !errors[f]);
  const unchanged =
    Object.keys(changedIdentity(candidate, draft, mode)).length === 0 && !(full && changedRegistration(draft, registration));
  if (valid && unchanged) errors.candidate = NOTHING_CORRECTED_MESSAGE;
  return errors;
}

/**
 * The form's field an API error names ("candidate.email" → email, "candidate"
 * → the identity, "registration.<id>[1].issuer" → the registration), or null.
 */
export function correctionFieldOf(field: string | null | undefined): CorrectionField | null {
  const normalised = normaliseField(field);
  if (normalised === 'candidate' || normalised === 'reason' || normalised === 'registration') return normalised;
  if (normalised?.startsWith('registration.')) return 'registration';
  const match = /^candidate\.(given_name|family_name|email|birth_date|birth_place|sex|birth_insee_code)$/.exec(normalised ?? '');
  return match ? (match[1] as CorrectionField) : null;
}

// ---- The corrections in the file's history (event file_corrected) ----------------

/** A field a correction changed, with its values before and after as the timeline shows them. */
export interface CorrectionChange {
  field: string;
  /** « Prénom », « Lieu de naissance », « Informations demandées par ce CQPM ». */
  label: string;
  /** « non renseigné » for a value not recorded; null for the registration answers (not detailed). */
  before: string | null;
  after: string | null;
}

const CORRECTED_FIELDS = [...IDENTITY_KEYS, 'birth_place', 'sex', 'birth_insee_code'] as const;
export const REGISTRATION_CORRECTED_LABEL = 'Informations demandées par ce CQPM';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of the identity as the history shows it: a date jj/mm/aaaa, « Féminin (F) », « non renseigné » when empty. */
function correctedValueText(field: (typeof CORRECTED_FIELDS)[number], value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return NOT_RECORDED;
  if (field === 'birth_date') return formatCalendarDate(value);
  if (field === 'sex') return sexText(value);
  if (field === 'birth_insee_code') return inseeCodeText(value);
  return value;
}

/**
 * What a correction changed, from the payload of its event ({reason, before,
 * after}, the changed fields only), in the form's order; the registration
 * answers, when they changed, last and without their values.
 */
export function correctionChanges(payload: Record<string, unknown> | null | undefined): CorrectionChange[] {
  const before = isRecord(payload?.before) ? payload.before : {};
  const after = isRecord(payload?.after) ? payload.after : {};
  const changes: CorrectionChange[] = [];
  for (const field of CORRECTED_FIELDS) {
    if (!(field in before) && !(field in after)) continue;
    changes.push({
      field,
      label: CANDIDATE_FIELD_LABELS[field],
      before: correctedValueText(field, before[field]),
      after: correctedValueText(field, after[field]),
    });
  }
  if ('registration' in before || 'registration' in after) {
    changes.push({ field: 'registration', label: REGISTRATION_CORRECTED_LABEL, before: null, after: null });
  }
  return changes;
}
