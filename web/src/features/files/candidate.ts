// The candidate's identity as the file pages send and show it, and its birth
// place (« lieu de naissance »): optional, it tells a candidate who comes back
// for other blocs from a namesake born the same day (the server offers an
// earlier decision's blocs unless both files record different birth places).
// A birth place is sent trimmed, and only when one is typed (the server
// refuses a blank one); in a correction, "" erases it.

import { formatCalendarDate } from '../../shared/format/format';
import { utf8Length } from '../../shared/format/textList';
import type { Candidate, NewCandidate } from './fileTypes';

export const BIRTH_PLACE_LABEL = 'Lieu de naissance';
export const BIRTH_PLACE_PLACEHOLDER = 'ex. : Lyon (Rhône), Casablanca (Maroc)';
export const BIRTH_PLACE_NOTE = "Facultatif ; sert à reconnaître un candidat qui revient pour d'autres blocs.";
/** The server's limit, in UTF-8 bytes (the input stops at as many characters). */
export const BIRTH_PLACE_MAX_BYTES = 200;
export const BIRTH_PLACE_TOO_LONG_MESSAGE = 'Le lieu de naissance est trop long (200 caractères au plus).';
export const BIRTH_PLACE_MESSAGE =
  "Le lieu de naissance n'est pas valide : indiquez la ville (et le pays à l'étranger), ou laissez le champ vide.";

/** The French label of each field of the candidate's identity. */
export const CANDIDATE_FIELD_LABELS: Readonly<Record<keyof Candidate, string>> = {
  given_name: 'Prénom',
  family_name: 'Nom',
  email: 'Adresse e-mail',
  birth_date: 'Date de naissance',
  birth_place: BIRTH_PLACE_LABEL,
};

/** The identity as the forms hold it: texts, '' for a birth place not recorded. */
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

/** The candidate of POST /files: every field trimmed (the date as typed), the birth place only when one is typed. */
export function newFileCandidate(inputs: CandidateInputs): NewCandidate {
  const candidate: NewCandidate = {
    given_name: inputs.given_name.trim(),
    family_name: inputs.family_name.trim(),
    email: inputs.email.trim(),
    birth_date: inputs.birth_date,
  };
  const place = recordedBirthPlace(inputs.birth_place);
  if (place) candidate.birth_place = place;
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
