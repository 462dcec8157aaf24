// The admissibility (« recevabilité ») of a VAE application
// (GET/POST /files/{id}/admissibility): the centre's coordinator examines it
// while the file is registered, favourable or not, always with a reason; the
// latest decision is in force, and the modalities of a VAE file are agreed only
// once it is favourable. Here: the shapes, the French words, the form's checks
// before sending and the server's refusals put under their field.

import { describeError, type ErrorDescription, type FieldMessages } from '../../shared/errors/errors';
import { formatParisDateTime } from '../../shared/format/format';
import { utf8Length } from '../../shared/format/textList';
import type { FieldErrors } from '../../shared/hooks/useDraftForm';
import type { Schema } from '../../shared/api/schemas';

export type AdmissibilityDecision = Schema<'VaeAdmissibilityDecision'>;

export type VaeAdmissibility = Schema<'VaeAdmissibility'>;

export interface AdmissibilityRequest {
  favourable: boolean;
  reason: string;
}

/** The form: '' until a radio button is chosen. */
export interface AdmissibilityDraft {
  favourable: '' | 'yes' | 'no';
  reason: string;
}

export const ADMISSIBILITY_FIELDS = ['favourable', 'reason'] as const;
export type AdmissibilityField = (typeof ADMISSIBILITY_FIELDS)[number];

export const EMPTY_ADMISSIBILITY_DRAFT: AdmissibilityDraft = { favourable: '', reason: '' };

/** The server's limit on the reason, in UTF-8 bytes (the textarea stops at as many characters). */
export const ADMISSIBILITY_REASON_MAX = 2000;

export const FAVOURABLE_MESSAGE = 'Indiquez si la demande est recevable.';
export const ADMISSIBILITY_REASON_MESSAGE = 'Indiquez le motif de la décision.';
export const ADMISSIBILITY_REASON_LENGTH_MESSAGE = 'Le motif est trop long (2 000 caractères au plus, moins avec des accents) : abrégez-le.';
export const ADMISSIBILITY_FORBIDDEN_MESSAGE = 'Seul le coordinateur du centre du dossier se prononce sur la recevabilité de la demande.';
export const ADMISSIBILITY_CLOSED_MESSAGE =
  "La recevabilité ne se décide que tant que le dossier est « Inscrit » : il a changé d'état entre-temps. La section a été rechargée.";
export const ADMISSIBILITY_NOT_VAE_MESSAGE = "Seule une demande de VAE est examinée pour sa recevabilité : ce dossier n'est pas en VAE.";
export const MODALITIES_AFTER_ADMISSIBILITY_MESSAGE =
  "Les modalités d'évaluation ne pourront être validées qu'après une décision de recevabilité favorable.";

/** « Recevable », « Non recevable ». */
export function admissibilityLabel(favourable: boolean): string {
  return favourable ? 'Recevable' : 'Non recevable';
}

/** « Décision du 12 mars 2026 à 14:05 par Claire Martin » (Paris time). */
export function decisionByline(decision: Pick<AdmissibilityDecision, 'decided_at' | 'decided_by'>): string {
  return `Décision du ${formatParisDateTime(decision.decided_at)} par ${decision.decided_by.display_name}`;
}

/** The examinations before the one in force, newest first. */
export function earlierExaminations(view: Pick<VaeAdmissibility, 'current' | 'history'>): AdmissibilityDecision[] {
  return view.history.filter((d) => d.id !== view.current?.id);
}

/**
 * Whether to say that the modalities wait for a favourable decision: a VAE
 * file still registered whose decision in force is missing or unfavourable.
 */
export function awaitsFavourableDecision(view: Pick<VaeAdmissibility, 'required' | 'current'>, fileState: string): boolean {
  return view.required && fileState === 'registered' && !view.current?.favourable;
}

/** The checks made before sending. */
export function validateAdmissibility(draft: AdmissibilityDraft): FieldErrors<AdmissibilityField> {
  const errors: FieldErrors<AdmissibilityField> = {};
  if (draft.favourable === '') errors.favourable = FAVOURABLE_MESSAGE;
  const reason = draft.reason.trim();
  if (!reason) errors.reason = ADMISSIBILITY_REASON_MESSAGE;
  else if (utf8Length(reason) > ADMISSIBILITY_REASON_MAX) errors.reason = ADMISSIBILITY_REASON_LENGTH_MESSAGE;
  return errors;
}

/** The body of POST /files/{id}/admissibility (the draft is valid). */
export function admissibilityRequest(draft: AdmissibilityDraft): AdmissibilityRequest {
  return { favourable: draft.favourable === 'yes', reason: draft.reason.trim() };
}

const FIELD_MESSAGES: FieldMessages = {
  favourable: FAVOURABLE_MESSAGE,
  reason: ADMISSIBILITY_REASON_MESSAGE,
  pathway: ADMISSIBILITY_NOT_VAE_MESSAGE,
};

/** The French sentence for a refused decision (400 by field, 403, 409 no longer registered, 422 not VAE). */
export function describeAdmissibilityError(err: unknown, sent?: AdmissibilityRequest): ErrorDescription {
  const described = describeError(err, { fields: FIELD_MESSAGES });
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code === 'forbidden') return { ...described, text: ADMISSIBILITY_FORBIDDEN_MESSAGE };
  if (code === 'invalid_state') return { ...described, text: ADMISSIBILITY_CLOSED_MESSAGE };
  if (code === 'invalid_field' && described.field === 'reason' && sent?.reason) {
    return { ...described, text: ADMISSIBILITY_REASON_LENGTH_MESSAGE };
  }
  return described;
}

/** The form's field a refusal is shown under, or null (above the form). */
export function admissibilityFieldOf(described: Pick<ErrorDescription, 'field'>): AdmissibilityField | null {
  return ADMISSIBILITY_FIELDS.find((f) => f === described.field) ?? null;
}

/** Whether a refusal means the section is stale (the file moved on): reload it and the file. */
export function admissibilityStale(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === 'invalid_state' || code === 'not_found';
}
