// The new-file form's fields and values: their ids, the checks made before sending, and the values as the
// API names them (so error sentences can tell "missing" from "invalid").

import { birthInseeCodeError, birthPlaceError, normaliseInseeCode } from './candidate';
import { firstRegistrationErrorKey, registrationErrorInputId } from './registration';
import type { RegistrationField } from '../referentials/referentialTypes';
import { frenchErrorMessage, normaliseField } from '../../shared/errors/errors';

export type FieldName =
  | 'cqpm'
  | 'pathway'
  | 'candidate.given_name'
  | 'candidate.family_name'
  | 'candidate.email'
  | 'candidate.birth_date'
  | 'candidate.birth_place'
  | 'candidate.sex'
  | 'candidate.birth_insee_code'
  | 'company_id';

export const FIELD_IDS: Record<FieldName, string> = {
  cqpm: 'nf-cqpm',
  pathway: 'nf-pathway',
  'candidate.given_name': 'nf-given-name',
  'candidate.family_name': 'nf-family-name',
  'candidate.email': 'nf-email',
  'candidate.birth_date': 'nf-birth-date',
  'candidate.birth_place': 'nf-birth-place',
  'candidate.sex': 'nf-sex',
  'candidate.birth_insee_code': 'nf-birth-insee-code',
  company_id: 'nf-company',
};

export const FIELD_ORDER = Object.keys(FIELD_IDS) as FieldName[];

/** The id of a bloc's checkbox in the new-file form (the first one gets the focus on a refusal). */
export const blocCheckboxId = (index: number) => `nf-bloc-${index}`;

/** The form field an API error names ("candidate.email", "company_id"...), if it is one of ours. */
export function formFieldOf(field: string | null): FieldName | null {
  const normalised = normaliseField(field);
  if (!normalised) return null;
  if ((FIELD_ORDER as string[]).includes(normalised)) return normalised as FieldName;
  if (normalised === 'company') return 'company_id';
  if (normalised === 'candidate') return 'candidate.family_name';
  return null;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Values {
  cqpm: string;
  pathway: string;
  given_name: string;
  family_name: string;
  email: string;
  birth_date: string;
  /** Optional: '' is not sent. */
  birth_place: string;
  /** Optional: '', 'F' or 'M'; '' is not sent. */
  sex: string;
  /** Optional: '' is not sent. */
  birth_insee_code: string;
  company_id: string;
}

export const EMPTY: Values = {
  cqpm: '',
  pathway: 'employee',
  given_name: '',
  family_name: '',
  email: '',
  birth_date: '',
  birth_place: '',
  sex: '',
  birth_insee_code: '',
  company_id: '',
};

/** The values as the API names them, so error sentences can tell "missing" from "invalid". */
export function apiValues(v: Values): Record<FieldName, string> {
  return {
    cqpm: v.cqpm,
    pathway: v.pathway,
    'candidate.given_name': v.given_name.trim(),
    'candidate.family_name': v.family_name.trim(),
    'candidate.email': v.email.trim(),
    'candidate.birth_date': v.birth_date,
    'candidate.birth_place': v.birth_place.trim(),
    'candidate.sex': v.sex,
    'candidate.birth_insee_code': normaliseInseeCode(v.birth_insee_code),
    company_id: v.company_id,
  };
}

/** Checks made before sending; the sentences are those of the server's answers (errors.ts). */
export function validate(v: Values): Partial<Record<FieldName, string>> {
  const values = apiValues(v);
  const invalid = (field: FieldName) => frenchErrorMessage('invalid_field', field, null, { values });
  const errors: Partial<Record<FieldName, string>> = {};
  if (!v.cqpm) errors.cqpm = invalid('cqpm');
  if (!v.pathway) errors.pathway = invalid('pathway');
  if (!values['candidate.given_name']) errors['candidate.given_name'] = invalid('candidate.given_name');
  if (!values['candidate.family_name']) errors['candidate.family_name'] = invalid('candidate.family_name');
  if (!values['candidate.email'] || !EMAIL.test(values['candidate.email'])) {
    errors['candidate.email'] = invalid('candidate.email');
  }
  if (!v.birth_date) errors['candidate.birth_date'] = invalid('candidate.birth_date');
  const birthPlace = birthPlaceError(v.birth_place);
  if (birthPlace) errors['candidate.birth_place'] = birthPlace;
  const inseeCode = birthInseeCodeError(v.birth_insee_code);
  if (inseeCode) errors['candidate.birth_insee_code'] = inseeCode;
  return errors;
}

/** The id of a field's error sentence when it has one: the control's aria-describedby. */
export function errorIdOf(errors: Partial<Record<FieldName, string>>, field: FieldName): string | undefined {
  return errors[field] ? `${FIELD_IDS[field]}-error` : undefined;
}

/**
 * The input that gets the focus after a refusal, in the order of the form: the
 * scope's blocs when at fault (they come right after the CQPM, so not when the
 * CQPM is), else the first field at fault, else the first registration answer.
 */
export function firstErrorTarget(
  found: Partial<Record<FieldName, string>>,
  foundReg: Record<string, string>,
  blocsAtFault: boolean,
  regFields: readonly RegistrationField[],
  firstBlocIndex: number,
): string | null {
  if (blocsAtFault && !found.cqpm) return blocCheckboxId(firstBlocIndex);
  const first = FIELD_ORDER.find((f) => found[f]);
  if (first) return FIELD_IDS[first];
  const firstReg = firstRegistrationErrorKey(regFields, foundReg);
  return firstReg ? registrationErrorInputId(firstReg, regFields) : null;
}
