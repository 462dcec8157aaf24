// French sentences for the errors of the jury, deadline and notification calls.
// The server's own French sentence (details.message_fr: quorum, conflict of
// interest, unknown code, override without reason...) is the most precise one
// and wins; then the sentences of the form's fields; then errors.ts.

import { describeError, normaliseField, pluginMessage, type ErrorDescription } from './errors';

export type FieldMessages = Readonly<Record<string, string>>;

interface ApiErrorShape {
  status: number;
  code: string;
  field: string | null;
  details: Readonly<Record<string, unknown>> | null;
  message: string;
}

function isApiError(err: unknown): err is ApiErrorShape {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Partial<ApiErrorShape>;
  return typeof e.code === 'string' && typeof e.status === 'number';
}

/** Sentences per field for the jury calls (POST /jury-sessions, members, files, decision, revocation). */
export const JURY_FIELD_MESSAGES: FieldMessages = {
  date: 'La date de la session doit être une date valide (JJ/MM/AAAA).',
  place: 'Indiquez le lieu de la session.',
  user_id: "Ce compte n'est pas un membre du jury du centre, ou il est déjà convoqué à cette session.",
  company_id: "L'entreprise indiquée n'existe pas.",
  file_id: "Ce dossier ne peut pas être présenté à ce jury : il doit être « Prêt pour le jury » et n'être inscrit à aucune autre session.",
  present: "Seul un membre présent à la session délibère.",
  outcome: 'Choisissez une décision de la liste.',
  blocs: 'Cochez au moins un bloc de compétences validé.',
  reason: 'Indiquez le motif par écrit.',
  session: "Ouvrez d'abord la délibération de la session.",
  state: 'La délibération de cette session est déjà ouverte.',
  conflict_of_interest: "Ce membre vient de l'entreprise du candidat : il ne peut pas délibérer sur ce dossier.",
  decision: 'Cette décision est déjà révoquée.',
};

/** Sentences per field for the deadline calls. */
export const DEADLINE_FIELD_MESSAGES: FieldMessages = {
  due: "La date d'échéance doit être une date valide (JJ/MM/AAAA).",
  until: "La nouvelle échéance doit être une date valide, postérieure à l'échéance en vigueur.",
  reason: 'Indiquez le motif de la prolongation.',
};

/** The French sentence for a failed call, with the English detail kept for support. */
export function describeActionError(err: unknown, fields: FieldMessages = {}): ErrorDescription {
  const base = describeError(err);
  if (!isApiError(err)) return base;
  const fromServer = pluginMessage(err.details);
  if (fromServer) return { ...base, text: fromServer };
  const field = normaliseField(err.field);
  const bloc = field && /^blocs\[\d+\]$/.test(field) ? 'blocs' : field;
  const known = bloc ? fields[bloc] : undefined;
  if (known && err.status !== 401 && err.status !== 404 && err.status < 500) return { ...base, text: known };
  if (err.status === 404) return { ...base, text: "Élément introuvable : il a peut-être été supprimé, ou vous n'y avez pas accès." };
  return base;
}

/** describeActionError(), with the English detail also written to the console. */
export function reportActionError(err: unknown, fields: FieldMessages = {}): ErrorDescription {
  const description = describeActionError(err, fields);
  if (description.technical) console.warn('CQPM Hub:', description.technical);
  return description;
}
