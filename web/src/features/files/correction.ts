// The correction of a candidate's identity, and of the CQPM's registration
// answers, by the file's centre (POST /files/{id}/corrections): the form's
// draft, its checks before sending, and the request, which names only the
// fields that changed (the registration, whole, when any answer changed), with
// the file's version and a reason. The server keeps the old and new values in
// the file's history (event file_corrected), which the timeline shows.

import { CANDIDATE_FIELD_LABELS, birthPlaceError, recordedBirthPlace } from './candidate';
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

/** A file is corrected by its centre's coordinator while it is not closed. */
export function canCorrectFile(user: Reader, file: FileOfCentre & { state: string }): boolean {
  return isFileCoordinator(user, file) && !FINAL_STATES.includes(file.state);
}

/** The form's starting point: the identity as the file has it, and no reason yet (the registration follows its fields). */
export function correctionDraftOf(candidate: Candidate, registration: RegistrationDraft = {}): CorrectionDraft {
  return { ...candidate, birth_place: candidate.birth_place ?? '', registration, reason: '' };
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

/** The identity fields whose value (trimmed) differs from the file's; a birth place emptied is "" (erased). */
export function changedIdentity(candidate: Candidate, draft: CorrectionDraft): CandidateCorrection {
  const changed: CandidateCorrection = {};
  for (const key of IDENTITY_KEYS) {
    const value = draft[key].trim();
    if (value !== candidate[key]) changed[key] = value;
  }
  const place = draft.birth_place.trim();
  if (place !== (recordedBirthPlace(candidate.birth_place) ?? '')) changed.birth_place = place;
  return changed;
}

/** The request: the file's version, the reason, and only the fields that changed. */
export function correctionRequest(
  file: CorrectionBase,
  draft: CorrectionDraft,
  registration: RegistrationCorrection | null = null,
): FileCorrectionRequest {
  const request: FileCorrectionRequest = {
    expected_version: file.version,
    reason: draft.reason.trim(),
    candidate: changedIdentity(file.candidate, draft),
  };
  const answers = changedRegistration(draft, registration);
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
 * reason, and at least one change.
 */
export function validateCorrection(
  candidate: Candidate,
  draft: CorrectionDraft,
  today: Date = new Date(),
  registration: RegistrationCorrection | null = null,
): FieldErrors<CorrectionField> {
  const values = correctionValues(draft);
  const invalid = (field: string) => frenchErrorMessage('invalid_field', field, null, { values, operation: 'correction' });
  const errors: FieldErrors<CorrectionField> = {};
  if (!values['candidate.given_name']) errors.given_name = invalid('candidate.given_name');
  if (!values['candidate.family_name']) errors.family_name = invalid('candidate.family_name');
  if (!EMAIL.test(values['candidate.email'] ?? '')) errors.email = invalid('candidate.email');
  if (!isPastDay(values['candidate.birth_date'] ?? '', today)) errors.birth_date = invalid('candidate.birth_date');
  const birthPlace = birthPlaceError(draft.birth_place);
  if (birthPlace) errors.birth_place = birthPlace;
  if (Object.keys(correctionRegistrationErrors(draft, registration)).length > 0) errors.registration = REGISTRATION_INVALID_MESSAGE;
  if (!values.reason) errors.reason = CORRECTION_REASON_MESSAGE;
  const valid = !errors.given_name && !errors.family_name && !errors.email && !errors.birth_date && !errors.birth_place && !errors.registration;
  const unchanged = Object.keys(changedIdentity(candidate, draft)).length === 0 && !changedRegistration(draft, registration);
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
  const match = /^candidate\.(given_name|family_name|email|birth_date|birth_place)$/.exec(normalised ?? '');
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

const CORRECTED_FIELDS = [...IDENTITY_KEYS, 'birth_place'] as const;
export const REGISTRATION_CORRECTED_LABEL = 'Informations demandées par ce CQPM';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of the identity as the history shows it: a date jj/mm/aaaa, « non renseigné » when empty. */
function correctedValueText(field: (typeof CORRECTED_FIELDS)[number], value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return NOT_RECORDED;
  return field === 'birth_date' ? formatCalendarDate(value) : value;
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
