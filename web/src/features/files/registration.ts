// The CQPM's own registration fields, on the new-file form and the correction
// form: what the user typed (a choice id, one text per line, or rows of
// credentials), checked and turned into the `registration` object of
// POST /files (or of a correction); the server's refusals put back under the
// input at fault; and the answers as the file page reads them.

import {
  CREDENTIAL_PARTS,
  buildCredentials,
  credentialKey,
  credentialLines,
  credentialsOf,
  legacyTextsOf,
  parseCredentialKey,
  validateCredentials,
  type CredentialRow,
} from './credentials';
import { normaliseField, registrationFieldMessage } from '../../shared/errors/errors';
import { joinLines, parseLines } from '../../shared/format/textList';
import type { RegistrationField, RegistrationValues } from '../referentials/referentialTypes';

/** What the form holds for a field: the choice id or the text typed one entry per line, or a credential_list's rows. */
export type RegistrationDraftValue = string | CredentialRow[];

/** What the form holds per field id. */
export type RegistrationDraft = Record<string, RegistrationDraftValue>;

/** The text typed for a choice or text_list field ('' for anything else). */
export function draftText(draft: RegistrationDraft, fieldId: string): string {
  const value = draft[fieldId];
  return typeof value === 'string' ? value : '';
}

/** The rows of a credential_list field (none for anything else). */
export function draftRows(draft: RegistrationDraft, fieldId: string): CredentialRow[] {
  const value = draft[fieldId];
  return Array.isArray(value) ? value : [];
}

/**
 * The form's starting point from the answers a file holds (none for a new
 * file): a credential_list starts with the credentials held (the plain texts
 * of an earlier file are no rows: the form shows them apart).
 */
export function registrationDraftOf(
  fields: readonly RegistrationField[],
  values: Readonly<Record<string, unknown>> | null | undefined,
): RegistrationDraft {
  const draft: RegistrationDraft = {};
  for (const field of fields) {
    const value = values?.[field.id];
    if (field.type === 'credential_list') draft[field.id] = credentialsOf(value);
    else if (field.type === 'text_list') draft[field.id] = joinLines(value);
    else draft[field.id] = typeof value === 'string' ? value : '';
  }
  return draft;
}

/** The `registration` object to send: only the CQPM's fields, and only those given. */
export function buildRegistration(fields: readonly RegistrationField[], draft: RegistrationDraft): RegistrationValues {
  const registration: RegistrationValues = {};
  for (const field of fields) {
    if (field.type === 'credential_list') {
      const rows = draftRows(draft, field.id);
      if (rows.length > 0) registration[field.id] = buildCredentials(rows);
      continue;
    }
    const raw = draftText(draft, field.id);
    if (field.type === 'text_list') {
      const lines = parseLines(raw);
      if (lines.length > 0) registration[field.id] = lines;
    } else if (raw !== '') {
      registration[field.id] = raw;
    }
  }
  return registration;
}

/**
 * The sentences of the checks made before sending, keyed by field id (or, for
 * a credential's row, "<id>[i].<part>"): the required fields left empty, the
 * rows incomplete. `original`, the answers a corrected file holds: plain texts
 * of an earlier file in a credential_list must be replaced.
 */
export function validateRegistration(
  fields: readonly RegistrationField[],
  draft: RegistrationDraft,
  original?: Readonly<Record<string, unknown>> | null,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const given = buildRegistration(fields, draft);
  for (const field of fields) {
    if (field.type === 'credential_list') {
      Object.assign(errors, validateCredentials(field, draftRows(draft, field.id), legacyTextsOf(original?.[field.id])));
    } else if (field.required && given[field.id] === undefined) {
      errors[field.id] = registrationFieldMessage(field.label, field.type);
    }
  }
  return errors;
}

/**
 * The key, among the errors of validateRegistration(), under which the
 * server's refusal shows: "registration.electrical_habilitations[1].valid_until"
 * → "electrical_habilitations[1].valid_until" (a row the form shows), a text of
 * a list or anything else of a field → the field's id; null when the error
 * names none of the form's fields.
 */
export function registrationErrorKey(
  apiField: string | null | undefined,
  fields: readonly RegistrationField[],
  draft: RegistrationDraft,
): string | null {
  const match = /^registration\.([^.[\]]+)(.*)$/.exec(normaliseField(apiField) ?? '');
  if (!match) return null;
  const field = fields.find((f) => f.id === match[1]);
  if (!field) return null;
  if (field.type === 'credential_list') {
    const row = parseCredentialKey(field.id, `${field.id}${match[2]}`);
    if (row && row.index < draftRows(draft, field.id).length) return credentialKey(field.id, row.index, row.part ?? undefined);
  }
  return field.id;
}

/** The id of the form input of a registration field (`prefix` tells the forms apart). */
export function registrationInputId(fieldId: string, prefix = 'nf-reg'): string {
  return `${prefix}-${fieldId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The id of the input an error key names: a credential's part
 * ("<id>[1].issuer" → "nf-reg-<id>-1-issuer"; a row alone: its symbol), else the field's input.
 */
export function registrationErrorInputId(key: string, fields: readonly RegistrationField[], prefix = 'nf-reg'): string | null {
  const field = fields.find((f) => key === f.id || key.startsWith(`${f.id}[`));
  if (!field) return null;
  const row = parseCredentialKey(field.id, key);
  const base = registrationInputId(field.id, prefix);
  return row ? `${base}-${row.index}-${row.part ?? 'symbol'}` : base;
}

/** The first error key in the order of the fields and rows on the form. */
export function firstRegistrationErrorKey(fields: readonly RegistrationField[], errors: Readonly<Record<string, string>>): string | null {
  const keys = Object.keys(errors);
  for (const field of fields) {
    if (errors[field.id]) return field.id;
    const position = (key: string) => {
      const row = parseCredentialKey(field.id, key);
      return row ? row.index * 10 + (row.part ? CREDENTIAL_PARTS.indexOf(row.part) + 1 : 0) : null;
    };
    const first = keys
      .filter((key) => position(key) !== null)
      .sort((a, b) => position(a)! - position(b)!)[0];
    if (first) return first;
  }
  return null;
}

/** Whether two registrations say the same (the order of an object's keys aside). */
export function sameRegistration(a: unknown, b: unknown): boolean {
  return canonical(a ?? {}) === canonical(b ?? {});
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The registration a correction sends: the file's answers with the CQPM's
 * fields as the form now holds them (a field emptied is left out; anything
 * else the file holds is kept).
 */
export function correctedRegistration(
  fields: readonly RegistrationField[],
  original: Readonly<RegistrationValues> | null | undefined,
  draft: RegistrationDraft,
): RegistrationValues {
  const built = buildRegistration(fields, draft);
  const registration: RegistrationValues = { ...(original ?? {}) };
  for (const field of fields) {
    const value = built[field.id];
    if (value === undefined) delete registration[field.id];
    else registration[field.id] = value;
  }
  return registration;
}

// ---- The answers, read-only (the file page) ---------------------------------

export interface RegistrationAnswer {
  id: string;
  label: string;
  /** One line per entry (a choice's label, each text, each credential); empty: not given. */
  lines: string[];
}

function answerLines(field: RegistrationField | undefined, value: unknown): string[] {
  if (field?.type === 'credential_list') return credentialLines(value);
  if (field?.type === 'choice' && typeof value === 'string') {
    return [field.choices?.find((c) => c.id === value)?.label ?? value];
  }
  if (Array.isArray(value)) {
    // Credentials read as such even when the CQPM's fields are unknown.
    return value.some((v) => typeof v === 'object' && v !== null) ? credentialLines(value) : legacyTextsOf(value);
  }
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/**
 * The answers a file holds, by the CQPM's fields in their order (a field not
 * answered has no line), then anything else the file holds under its id.
 */
export function registrationAnswers(
  fields: readonly RegistrationField[],
  values: Readonly<Record<string, unknown>> | null | undefined,
): RegistrationAnswer[] {
  const answers = fields.map((f) => ({ id: f.id, label: f.label, lines: answerLines(f, values?.[f.id]) }));
  for (const [id, value] of Object.entries(values ?? {})) {
    if (!fields.some((f) => f.id === id)) answers.push({ id, label: id, lines: answerLines(undefined, value) });
  }
  return answers;
}
