// The CQPM's own registration fields on the new-file form: what the user
// typed (a choice id, or one text per line), checked and turned into the
// `registration` object of POST /files.

import { registrationFieldMessage } from './errors';
import { parseLines } from './textList';
import type { RegistrationField, RegistrationValues } from './types';

/** What the form holds per field id: the choice id, or the text typed one entry per line. */
export type RegistrationDraft = Record<string, string>;

/** The `registration` object to send: only the CQPM's fields, and only those given. */
export function buildRegistration(fields: readonly RegistrationField[], draft: RegistrationDraft): RegistrationValues {
  const registration: RegistrationValues = {};
  for (const field of fields) {
    const raw = draft[field.id] ?? '';
    if (field.type === 'text_list') {
      const lines = parseLines(raw);
      if (lines.length > 0) registration[field.id] = lines;
    } else if (raw !== '') {
      registration[field.id] = raw;
    }
  }
  return registration;
}

/** The sentence per field id for the required fields left empty (checked before sending). */
export function validateRegistration(
  fields: readonly RegistrationField[],
  draft: RegistrationDraft,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const given = buildRegistration(fields, draft);
  for (const field of fields) {
    if (field.required && given[field.id] === undefined) {
      errors[field.id] = registrationFieldMessage(field.label, field.type);
    }
  }
  return errors;
}

/** The id of the form input of a registration field. */
export function registrationInputId(fieldId: string): string {
  return `nf-reg-${fieldId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
