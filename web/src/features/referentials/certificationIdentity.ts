// The certification's identity as a referential version records it (the GTP
// fills it through a referential proposal; the seeds carry none): the CQPM
// number, the RNCP fiche and whether the CQPM is registered at the RNCP, and
// each bloc's RNCP code. French labels (« non renseigné » for whatever is
// missing), the patterns of the schema, and the French sentences of their faults.
// Pure: no React, no API.

import { formatCalendarDate } from '../../shared/format/format';
import type { CertificationIdentity } from './referentialTypes';

export const NOT_RECORDED = 'non renseigné';
export const MISSING_RNCP_BLOC_CODE = 'Code RNCP non renseigné';

/** schemas/referential.schema.json */
export const RNCP_NUMBER_PATTERN = /^RNCP[0-9]{4,6}$/;
export const RNCP_BLOC_CODE_PATTERN = /^RNCP[0-9]{4,6}BC[0-9]{2}$/;
export const ISO_DATE_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
export const CQPM_NUMBER_MAX_LENGTH = 60;
export const RNCP_LEVELS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];

/** The members of the identity, flat: what the panel shows and the editor edits. */
export type IdentityKey = 'cqpm_number' | 'number' | 'level' | 'registration_start' | 'registration_end' | 'registered';

export const IDENTITY_KEYS: readonly IdentityKey[] = [
  'cqpm_number',
  'number',
  'level',
  'registration_start',
  'registration_end',
  'registered',
];

export interface IdentityValues {
  cqpm_number: string | null;
  number: string | null;
  level: number | null;
  registration_start: string | null;
  registration_end: string | null;
  registered: boolean | null;
}

export const EMPTY_IDENTITY: Readonly<IdentityValues> = {
  cqpm_number: null,
  number: null,
  level: null,
  registration_start: null,
  registration_end: null,
  registered: null,
};

/** The path of a member in the referential document (and in the server's diff): "identity.rncp.number". */
export function identityPath(key: IdentityKey): string {
  return key === 'cqpm_number' ? 'identity.cqpm_number' : `identity.rncp.${key}`;
}

/** "blocs[1].rncp_code" (0-based, as the server's paths). */
export function blocRncpCodePath(bloc: number): string {
  return `blocs[${bloc}].rncp_code`;
}

/** The French name of each member (the panel, the editor, the diff). */
export const IDENTITY_LABELS: Readonly<Record<IdentityKey, string>> = {
  cqpm_number: 'N° de CQPM',
  number: 'Fiche RNCP — numéro',
  level: 'Niveau',
  registration_start: "Début d'enregistrement",
  registration_end: "Fin d'enregistrement",
  registered: 'Inscrit au RNCP',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The identity's members, flat; anything absent, null, blank or of the wrong
 * type is null (« non renseigné »). Accepts the referential's `identity` and
 * the jury proposal's.
 */
export function identityValues(identity: CertificationIdentity | null | undefined): IdentityValues {
  if (!isRecord(identity)) return { ...EMPTY_IDENTITY };
  const rncp = isRecord(identity.rncp) ? identity.rncp : {};
  const level = rncp.level;
  return {
    cqpm_number: text(identity.cqpm_number),
    number: text(rncp.number),
    level: typeof level === 'number' && Number.isInteger(level) ? level : null,
    registration_start: text(rncp.registration_start),
    registration_end: text(rncp.registration_end),
    registered: typeof rncp.registered === 'boolean' ? rncp.registered : null,
  };
}

/** The identity document for values: null leaves kept, an rncp all null is null, an identity all null is absent (undefined). */
export function identityDocument(values: IdentityValues): CertificationIdentity | undefined {
  const rncp = {
    number: values.number,
    level: values.level,
    registration_start: values.registration_start,
    registration_end: values.registration_end,
    registered: values.registered,
  };
  const anyRncp = Object.values(rncp).some((v) => v !== null);
  if (values.cqpm_number === null && !anyRncp) return undefined;
  return { cqpm_number: values.cqpm_number, rncp: anyRncp ? rncp : null };
}

/** Whether two identities say the same (absent and null alike). */
export function sameIdentity(a: CertificationIdentity | null | undefined, b: CertificationIdentity | null | undefined): boolean {
  const x = identityValues(a);
  const y = identityValues(b);
  return IDENTITY_KEYS.every((k) => x[k] === y[k]);
}

// ---- Labels ---------------------------------------------------------------------

/** "01/02/2023" from "2023-02-01", or « non renseigné ». */
export function identityDateLabel(date: string | null | undefined): string {
  return text(date) ? formatCalendarDate(date!) : NOT_RECORDED;
}

/** "niveau 5", or « non renseigné ». */
export function levelLabel(level: number | null | undefined): string {
  return typeof level === 'number' ? `niveau ${level}` : NOT_RECORDED;
}

/** oui / non / non renseigné. */
export function registeredLabel(registered: boolean | null | undefined): string {
  if (registered === true) return 'oui';
  if (registered === false) return 'non';
  return NOT_RECORDED;
}

/** "Enregistrée du 01/02/2023 au 31/01/2028"; one date alone says the other is missing; none: « non renseigné ». */
export function registrationLabel(start: string | null | undefined, end: string | null | undefined): string {
  const from = text(start);
  const to = text(end);
  if (from && to) return `Enregistrée du ${formatCalendarDate(from)} au ${formatCalendarDate(to)}`;
  if (from) return `Enregistrée à partir du ${formatCalendarDate(from)} (date de fin non renseignée)`;
  if (to) return `Enregistrée jusqu'au ${formatCalendarDate(to)} (date de début non renseignée)`;
  return NOT_RECORDED;
}

/** A member's value as shown: the text, a date as jj/mm/aaaa, the level, oui/non; missing: « non renseigné ». */
export function identityValueLabel(key: IdentityKey, value: unknown): string {
  switch (key) {
    case 'level':
      return typeof value === 'number' ? String(value) : NOT_RECORDED;
    case 'registered':
      return registeredLabel(typeof value === 'boolean' ? value : null);
    case 'registration_start':
    case 'registration_end':
      return identityDateLabel(typeof value === 'string' ? value : null);
    default:
      return text(value) ?? NOT_RECORDED;
  }
}

/** A bloc's RNCP code, or « Code RNCP non renseigné ». */
export function blocRncpCodeLabel(code: string | null | undefined): string {
  return text(code) ?? MISSING_RNCP_BLOC_CODE;
}

export interface IdentityFact {
  key: 'cqpm_number' | 'rncp_number' | 'level' | 'registration' | 'registered';
  label: string;
  value: string;
  /** Nothing recorded: the value is « non renseigné ». */
  missing: boolean;
}

/** The lines of the « Identité de la certification » panel. */
export function identityFacts(identity: CertificationIdentity | null | undefined): IdentityFact[] {
  const v = identityValues(identity);
  const registration = registrationLabel(v.registration_start, v.registration_end);
  return [
    { key: 'cqpm_number', label: 'N° de CQPM', value: v.cqpm_number ?? NOT_RECORDED, missing: v.cqpm_number === null },
    { key: 'rncp_number', label: 'Fiche RNCP', value: v.number ?? NOT_RECORDED, missing: v.number === null },
    { key: 'level', label: 'Niveau', value: v.level === null ? NOT_RECORDED : String(v.level), missing: v.level === null },
    {
      key: 'registration',
      label: 'Enregistrement',
      value: registration,
      missing: v.registration_start === null && v.registration_end === null,
    },
    { key: 'registered', label: 'Inscrit au RNCP', value: registeredLabel(v.registered), missing: v.registered === null },
  ];
}

export const BLOCS_AWARD_RULE =
  'Un jury ne peut attribuer des blocs de compétences que tant que le CQPM est inscrit au RNCP : la version du référentiel du dossier doit indiquer « Inscrit au RNCP : oui », et la date de la session doit tomber dans les dates d’enregistrement lorsqu’elles sont renseignées.';

/** What this version lets a jury award, in one French sentence. */
export function blocsAwardStatus(identity: CertificationIdentity | null | undefined): { awardable: boolean; text: string } {
  const v = identityValues(identity);
  if (v.registered !== true) {
    return {
      awardable: false,
      text:
        v.registered === false
          ? 'Cette version indique que le CQPM n’est pas inscrit au RNCP : aucun bloc de compétences ne peut être attribué.'
          : 'Cette version n’indique pas que le CQPM est inscrit au RNCP : aucun bloc de compétences ne peut être attribué.',
    };
  }
  const window =
    v.registration_start || v.registration_end
      ? `, pour une session tenue ${
          v.registration_start && v.registration_end
            ? `du ${formatCalendarDate(v.registration_start)} au ${formatCalendarDate(v.registration_end)}`
            : v.registration_start
              ? `à partir du ${formatCalendarDate(v.registration_start)}`
              : `jusqu'au ${formatCalendarDate(v.registration_end!)}`
        }`
      : '';
  return {
    awardable: true,
    text: `Cette version indique que le CQPM est inscrit au RNCP : un jury peut attribuer des blocs de compétences${window}.`,
  };
}

// ---- Validation ------------------------------------------------------------------

export const CQPM_NUMBER_MESSAGE = `Le n° de CQPM compte au plus ${CQPM_NUMBER_MAX_LENGTH} caractères ; laissez le champ vide s’il n’est pas connu.`;
export const RNCP_NUMBER_MESSAGE =
  'Le numéro de la fiche RNCP s’écrit RNCP suivi de 4 à 6 chiffres (par exemple RNCP37854) ; laissez le champ vide s’il n’est pas connu.';
export const RNCP_LEVEL_MESSAGE = 'Le niveau de la fiche RNCP est un nombre de 1 à 8, ou « non renseigné ».';
export const REGISTRATION_START_MESSAGE = "La date de début d'enregistrement n'est pas une date valide (jj/mm/aaaa).";
export const REGISTRATION_END_MESSAGE = "La date de fin d'enregistrement n'est pas une date valide (jj/mm/aaaa).";
export const REGISTRATION_ORDER_MESSAGE = "La fin d'enregistrement ne peut pas précéder son début.";
export const REGISTERED_MESSAGE = 'Indiquez si le CQPM est inscrit au RNCP : oui, non, ou non renseigné.';
export const IDENTITY_MESSAGE =
  "L'identité de la certification n'est pas valide : vérifiez le n° de CQPM et la fiche RNCP.";
export const BLOC_RNCP_CODE_MESSAGE = (bloc: number) =>
  `Le code RNCP du bloc ${bloc} s’écrit RNCP, 4 à 6 chiffres, BC et deux chiffres (par exemple RNCP37854BC01), et diffère des codes des autres blocs ; laissez le champ vide s’il n’est pas connu.`;
export const BLOC_RNCP_DUPLICATE_MESSAGE = (bloc: number, other: number) =>
  `Le code RNCP du bloc ${bloc} est déjà celui du bloc ${other}.`;
export const BLOC_RNCP_FICHE_MESSAGE = (bloc: number, fiche: string) =>
  `Le code RNCP du bloc ${bloc} doit commencer par le numéro de la fiche (${fiche}BC…).`;

/** A real calendar day "YYYY-MM-DD" (not 2025-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!ISO_DATE_PATTERN.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/**
 * The faults of the identity's members, by member, in French: a number that
 * breaks the schema's pattern, a level out of 1..8, a date that is not one, an
 * end before the start. Missing members are fine (« non renseigné »).
 */
export function validateIdentity(values: IdentityValues): Partial<Record<IdentityKey, string>> {
  const errors: Partial<Record<IdentityKey, string>> = {};
  if (values.cqpm_number !== null && values.cqpm_number.trim().length > CQPM_NUMBER_MAX_LENGTH) {
    errors.cqpm_number = CQPM_NUMBER_MESSAGE;
  }
  if (values.number !== null && !RNCP_NUMBER_PATTERN.test(values.number)) errors.number = RNCP_NUMBER_MESSAGE;
  if (values.level !== null && !RNCP_LEVELS.includes(values.level)) errors.level = RNCP_LEVEL_MESSAGE;
  const start = values.registration_start;
  const end = values.registration_end;
  if (start !== null && !isCalendarDate(start)) errors.registration_start = REGISTRATION_START_MESSAGE;
  if (end !== null && !isCalendarDate(end)) errors.registration_end = REGISTRATION_END_MESSAGE;
  else if (end !== null && start !== null && !errors.registration_start && end < start) {
    errors.registration_end = REGISTRATION_ORDER_MESSAGE;
  }
  return errors;
}

/**
 * The faults of the blocs' RNCP codes, by bloc position (0-based), in French: a
 * code that breaks the pattern, one another bloc already has, one that does
 * not start with the fiche's number (when it is recorded and valid).
 */
export function validateBlocRncpCodes(
  codes: ReadonlyArray<string | null | undefined>,
  ficheNumber: string | null,
): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Map<string, number>();
  const fiche = ficheNumber !== null && RNCP_NUMBER_PATTERN.test(ficheNumber) ? ficheNumber : null;
  codes.forEach((code, b) => {
    if (code === null || code === undefined || code.trim() === '') return;
    if (!RNCP_BLOC_CODE_PATTERN.test(code)) {
      errors[b] = BLOC_RNCP_CODE_MESSAGE(b + 1);
      return;
    }
    const other = seen.get(code);
    if (other !== undefined) {
      errors[b] = BLOC_RNCP_DUPLICATE_MESSAGE(b + 1, other + 1);
      return;
    }
    seen.set(code, b);
    if (fiche && !code.startsWith(`${fiche}BC`)) errors[b] = BLOC_RNCP_FICHE_MESSAGE(b + 1, fiche);
  });
  return errors;
}
