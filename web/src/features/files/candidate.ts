// The candidate's identity as the file pages send and show it, and its birth
// place (« lieu de naissance »): optional, it tells a candidate who comes back
// for other blocs from a namesake born the same day (the server offers an
// earlier decision's blocs unless both files record different birth places).
// A birth place is sent trimmed, and only when one is typed (the server
// refuses a blank one); in a correction, "" erases it.
// The sex and the INSEE code of the birth place, optional too, are what the
// Caisse des Dépôts needs, with the names and the birth date, to match a
// certified holder with their training account (« Titulaires à déclarer »):
// sent only when given; in a correction, "" erases them, and a closed file may
// still have them completed.

import { formatCalendarDate } from '../../shared/format/format';
import { utf8Length } from '../../shared/format/textList';
import { NOT_RECORDED } from '../referentials/certificationIdentity';
import type { Choice } from '../../shared/ui/Options';
import type { Candidate, CandidateSex, NewCandidate } from './fileTypes';

export const BIRTH_PLACE_LABEL = 'Lieu de naissance';
export const BIRTH_PLACE_PLACEHOLDER = 'ex. : Lyon (Rhône), Casablanca (Maroc)';
export const BIRTH_PLACE_NOTE = "Facultatif ; sert à reconnaître un candidat qui revient pour d'autres blocs.";
/** The server's limit, in UTF-8 bytes (the input stops at as many characters). */
export const BIRTH_PLACE_MAX_BYTES = 200;
export const BIRTH_PLACE_TOO_LONG_MESSAGE = 'Le lieu de naissance est trop long (200 caractères au plus).';
export const BIRTH_PLACE_MESSAGE =
  "Le lieu de naissance n'est pas valide : indiquez la ville (et le pays à l'étranger), ou laissez le champ vide.";

export const SEX_LABEL = 'Sexe (état civil)';
/** The select's choices: '' is « non renseigné » (nothing sent, or erased in a correction). */
export const SEX_CHOICES: readonly Choice[] = [
  { value: '', label: 'Non renseigné' },
  { value: 'F', label: 'Féminin (F)' },
  { value: 'M', label: 'Masculin (M)' },
];
export const SEX_MESSAGE =
  'Choisissez le sexe tel qu’il figure à l’état civil : Féminin (F) ou Masculin (M), ou laissez « Non renseigné ».';

export const BIRTH_INSEE_CODE_LABEL = 'Code INSEE du lieu de naissance';
export const BIRTH_INSEE_CODE_NOTE =
  "Code INSEE de la commune (ex. 69123 ; Corse 2A004) ; né à l'étranger : 99 suivi du code du pays (ex. 99350). Demandé par la Caisse des Dépôts pour déclarer le titulaire.";
export const BIRTH_INSEE_CODE_MESSAGE =
  "Le code INSEE du lieu de naissance n'est pas valide : 5 caractères, le code de la commune (ex. 69123 ; Corse 2A004) ou, pour une naissance à l'étranger, 99 suivi du code du pays (ex. 99350).";

/** The French label of each field of the candidate's identity. */
export const CANDIDATE_FIELD_LABELS: Readonly<Record<keyof Candidate, string>> = {
  given_name: 'Prénom',
  family_name: 'Nom',
  email: 'Adresse e-mail',
  birth_date: 'Date de naissance',
  birth_place: BIRTH_PLACE_LABEL,
  sex: 'Sexe',
  birth_insee_code: BIRTH_INSEE_CODE_LABEL,
};

/** The identity as the forms hold it: texts, '' for a birth place, a sex or an INSEE code not recorded. */
export type CandidateInputs = Record<keyof Candidate, string>;

/** A birth place as recorded, trimmed; null when there is none (null, absent or blank). */
export function recordedBirthPlace(place: string | null | undefined): string | null {
  const trimmed = place?.trim();
  return trimmed ? trimmed : null;
}

function tooLong(place: string): boolean {
  return utf8Length(place) > BIRTH_PLACE_MAX_BYTES;
}

/** What the server would refuse in a typed birth place (too long), in French; null when it may be sent, empty included. */
export function birthPlaceError(input: string): string | null {
  return tooLong(input.trim()) ? BIRTH_PLACE_TOO_LONG_MESSAGE : null;
}

/** The sentence for the server's refusal of the birth place sent: too long, else not valid (blank, control characters). */
export function birthPlaceRefusal(sent: unknown): string {
  return typeof sent === 'string' && tooLong(sent) ? BIRTH_PLACE_TOO_LONG_MESSAGE : BIRTH_PLACE_MESSAGE;
}

// ---- Sex and INSEE code of the birth place (Caisse des Dépôts) ----------------

/** "F" or "M" as chosen, null for anything else ('' : not recorded). */
export function sexOf(value: string | null | undefined): CandidateSex | null {
  return value === 'F' || value === 'M' ? value : null;
}

/** « Féminin (F) », « Masculin (M) », « non renseigné ». */
export function sexText(value: string | null | undefined): string {
  const sex = sexOf(value);
  return sex ? SEX_CHOICES.find((c) => c.value === sex)!.label : NOT_RECORDED;
}

/** An INSEE code as typed, without spaces around it and in capitals (« 2a004 » is « 2A004 »). */
export function normaliseInseeCode(input: string | null | undefined): string {
  return (input ?? '').trim().toUpperCase();
}

/**
 * An INSEE code of a birth place, as the server checks it: five digits of a
 * commune ("69123"), Corsica's 2A or 2B and three digits ("2A004"), or 99 and
 * the three digits of a country for a birth abroad ("99350").
 */
export function isBirthInseeCode(code: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/.test(code);
}

/** What the server would refuse in a typed INSEE code, in French; null when it may be sent, empty included. */
export function birthInseeCodeError(input: string): string | null {
  const code = normaliseInseeCode(input);
  return code === '' || isBirthInseeCode(code) ? null : BIRTH_INSEE_CODE_MESSAGE;
}

/** The INSEE code recorded, or « non renseigné ». */
export function inseeCodeText(value: string | null | undefined): string {
  return normaliseInseeCode(value) || NOT_RECORDED;
}

/**
 * The candidate of POST /files: every field trimmed (the date as typed), the
 * birth place, the sex and the INSEE code (in capitals) only when given.
 */
export function newFileCandidate(inputs: CandidateInputs): NewCandidate {
  const candidate: NewCandidate = {
    given_name: inputs.given_name.trim(),
    family_name: inputs.family_name.trim(),
    email: inputs.email.trim(),
    birth_date: inputs.birth_date,
  };
  const place = recordedBirthPlace(inputs.birth_place);
  if (place) candidate.birth_place = place;
  const sex = sexOf(inputs.sex);
  if (sex) candidate.sex = sex;
  const insee = normaliseInseeCode(inputs.birth_insee_code);
  if (insee) candidate.birth_insee_code = insee;
  return candidate;
}

/** « né(e) à Lyon (Rhône) ». */
export function bornIn(place: string): string {
  return `né(e) à ${place}`;
}

/** The file page's words on the birth: « né(e) le 17/05/1995 », and the place when one is recorded. */
export function birthFacts(candidate: Pick<Candidate, 'birth_date' | 'birth_place'>): { date: string; place: string | null } {
  return { date: `né(e) le ${formatCalendarDate(candidate.birth_date)}`, place: recordedBirthPlace(candidate.birth_place) };
}

/** « né(e) le 17/05/1995 à Lyon », « né(e) le 17/05/1995 » when no place is recorded. */
export function bornText(candidate: Pick<Candidate, 'birth_date' | 'birth_place'>): string {
  const { date, place } = birthFacts(candidate);
  return place ? `${date} à ${place}` : date;
}
