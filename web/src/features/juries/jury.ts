// The jury pages' logic: French labels, who may decide, and the links to the
// minutes, results and certificates. The decision itself (the validation,
// competency by competency, and the outcome derived from it) is in
// juryValidation.ts.

import { API_PREFIX } from '../../shared/api/client';
import { todayInParis, withFirstOfMonth } from '../../shared/format/format';
import type {
  College,
  JuryFile,
  JuryMember,
  JuryMemberCandidate,
  JurySession,
  JurySessionSummary,
  NewJurySession,
} from './juryTypes';
import type { User } from '../../shared/api/types';
import type { FieldMessages } from '../../shared/errors/errors';

const OUTCOME_LABELS: Record<string, string> = {
  certified: 'CQPM délivré',
  blocs_awarded: 'Blocs de compétences validés',
  not_certified: 'CQPM non délivré',
};

const COLLEGE_NAMES: Record<string, string> = {
  employer: 'collège employeurs',
  employee: 'collège salariés',
};

const SESSION_STATES: Record<string, string> = {
  planned: 'En préparation',
  open: 'Délibération ouverte',
  closed: 'Session close',
  published: 'Résultats publiés',
};

const AWARD_KINDS: Record<string, string> = {
  certificate: 'Certificat',
  bloc_attestation: 'Attestation de blocs de compétences',
};

const RESULT_LABELS: Record<string, string> = {
  acquired: 'acquise',
  not_acquired: 'non acquise',
  not_evaluated: 'non évaluée',
};

export const REASON_REQUIRED_MESSAGE =
  "La décision s'écarte de la proposition : le jury doit en donner le motif par écrit.";
export const SESSION_DATE_MESSAGE = 'Indiquez la date de la session (JJ/MM/AAAA).';
export const SESSION_PAST_DATE_MESSAGE = "La session se tient aujourd'hui ou plus tard : cette date est passée.";
export const SESSION_PLACE_MESSAGE = 'Indiquez le lieu de la session.';
export const SESSION_TIME_MESSAGE = "Indiquez l'heure de la session (HH:MM, heure de Paris).";

/** "09:30" as "9 h 30"; null or anything else unchanged (or empty). */
export function formatSessionTime(time: string | null | undefined): string {
  if (!time) return '';
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  return match ? `${Number(match[1])} h ${match[2]}` : time;
}

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

/** "collège employeurs" / "collège salariés". */
export function collegeName(college: College | null | undefined): string {
  if (!college) return 'collège non renseigné';
  return COLLEGE_NAMES[college] ?? college;
}

export function sessionStateLabel(state: string): string {
  return SESSION_STATES[state] ?? state;
}

export function awardKindLabel(kind: string): string {
  return AWARD_KINDS[kind] ?? kind;
}

export function resultLabel(result: string): string {
  return RESULT_LABELS[result] ?? result;
}

/** A bloc's codes: "BDC0208", "BDC0208 / RNCP37854BC02" with its RNCP code, "" when it has neither. */
export function blocCodes(bloc: { code: string | null; rncp_code?: string | null }): string {
  return [bloc.code, bloc.rncp_code].filter((c): c is string => typeof c === 'string' && c.trim() !== '').join(' / ');
}

/** "BDC0208 / RNCP37854BC02 — La réalisation…" (the RNCP code when recorded), or the title alone for a bloc without code. */
export function blocLabel(bloc: { code: string | null; rncp_code?: string | null; title: string }): string {
  const codes = blocCodes(bloc);
  return codes ? `${codes} — ${bloc.title}` : bloc.title;
}

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' });

/** A calendar day "2027-03-18" as "jeudi 18 mars 2027" (no time-zone shift), or the text itself. */
export function formatSessionDate(ymd: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? ymd : withFirstOfMonth(longDate.format(date));
}

/** "du collège employeurs et du collège salariés". */
function collegesPhrase(colleges: ReadonlyArray<College>): string {
  return colleges.map((c) => `du ${collegeName(c)}`).join(' et ');
}

/** Why the deliberation cannot open yet, or null when both colleges have a member present. */
export function quorumMessage(missing: ReadonlyArray<College>): string | null {
  if (missing.length === 0) return null;
  return `La délibération ne peut pas s'ouvrir : aucun membre présent ${collegesPhrase(missing)}. Le jury doit être paritaire.`;
}

/** Sessions newest first by date (then by creation). */
export function sortSessions<T extends JurySessionSummary>(sessions: ReadonlyArray<T>): T[] {
  return [...sessions].sort((a, b) => b.date.localeCompare(a.date) || b.created_at.localeCompare(a.created_at));
}

/** Field errors of the new-session form (French), empty when it can be sent. */
/** What the form refuses before sending; `today` is Paris's date ("YYYY-MM-DD"), as the server checks it. */
export function validateNewSession(
  session: NewJurySession,
  today: string = todayInParis(),
): Partial<Record<keyof NewJurySession, string>> {
  const errors: Partial<Record<keyof NewJurySession, string>> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(session.date.trim())) errors.date = SESSION_DATE_MESSAGE;
  else if (session.date.trim() < today) errors.date = SESSION_PAST_DATE_MESSAGE;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(session.time.trim())) errors.time = SESSION_TIME_MESSAGE;
  if (!session.place.trim()) errors.place = SESSION_PLACE_MESSAGE;
  return errors;
}

/** The jury member accounts not yet invited, by college then name. */
export function inviteCandidates(
  candidates: ReadonlyArray<JuryMemberCandidate>,
  members: ReadonlyArray<JuryMember>,
): JuryMemberCandidate[] {
  const seated = new Set(members.map((m) => m.user_id));
  const seen = new Set<string>();
  return candidates
    .filter((c) => {
      if (seated.has(c.id) || seen.has(c.id)) return false;
      seen.add(c.id);
      return true;
    })
    .sort((a, b) => (a.college ?? '').localeCompare(b.college ?? '') || a.display_name.localeCompare(b.display_name, 'fr'));
}

/** The members of other sessions of the centre, as accounts one may invite again. */
export function candidatesFromSessions(sessions: ReadonlyArray<Pick<JurySession, 'members'>>): JuryMemberCandidate[] {
  const byId = new Map<string, JuryMemberCandidate>();
  for (const session of sessions) {
    for (const m of session.members) {
      if (!byId.has(m.user_id)) byId.set(m.user_id, { id: m.user_id, display_name: m.display_name, college: m.college });
    }
  }
  return [...byId.values()];
}

// ---- Deciding ----------------------------------------------------------------
// (the validation, competency by competency, is in juryValidation.ts)

/** Whether the user may decide on this file now, and if not, why (French); null reason when not applicable. */
export function decisionRight(
  user: Pick<User, 'id' | 'role'> | null | undefined,
  session: Pick<JurySession, 'state' | 'members'>,
  file: Pick<JuryFile, 'state' | 'abstaining' | 'quorum'>,
): { allowed: boolean; reason: string | null } {
  if (!user) return { allowed: false, reason: null };
  if (file.state !== 'in_deliberation') return { allowed: false, reason: null };
  if (session.state === 'closed' || session.state === 'published') {
    return { allowed: false, reason: 'La session est close : aucune décision ne peut plus y être enregistrée.' };
  }
  if (session.state !== 'open') return { allowed: false, reason: "La délibération de la session n'est pas ouverte." };
  if (user.role === 'jury_member') {
    const member = session.members.find((m) => m.user_id === user.id);
    if (!member) return { allowed: false, reason: "Vous n'êtes pas membre de ce jury." };
    if (file.abstaining.some((m) => m.user_id === user.id)) {
      return {
        allowed: false,
        reason: "Vous venez de l'entreprise du candidat : vous ne pouvez pas délibérer sur ce dossier (conflit d'intérêts).",
      };
    }
    if (!member.present) return { allowed: false, reason: "Vous n'êtes pas indiqué présent à cette session." };
  } else if (user.role !== 'centre_coordinator') {
    return { allowed: false, reason: null };
  }
  if (!file.quorum.met) {
    return {
      allowed: false,
      reason: `Ce dossier ne peut pas être délibéré : aucun membre présent et sans conflit d'intérêts ${collegesPhrase(file.quorum.missing_colleges)}.`,
    };
  }
  return { allowed: true, reason: null };
}

// ---- Documents ---------------------------------------------------------------

/** The key of a file's pinned referential version ("qualite@2"), under which its blocs are kept. */
export function pinnedReferentialKey(file: Pick<JuryFile, 'cqpm' | 'referential_version'>): string {
  return `${file.cqpm.id}@${file.referential_version}`;
}

/** The pinned referential versions whose blocs the files in deliberation need, once each. */
export function referentialsInDeliberation(files: ReadonlyArray<Pick<JuryFile, 'cqpm' | 'referential_version' | 'state'>>): string[] {
  const keys = new Set<string>();
  for (const f of files) {
    if (f.state === 'in_deliberation' && f.referential_version !== null) keys.add(pinnedReferentialKey(f));
  }
  return [...keys];
}

export function minutesUrl(sessionId: string): string {
  return `${API_PREFIX}/jury-sessions/${encodeURIComponent(sessionId)}/minutes.pdf`;
}

export function resultsCsvUrl(sessionId: string): string {
  return `${API_PREFIX}/jury-sessions/${encodeURIComponent(sessionId)}/results.csv`;
}

export function awardDocumentUrl(awardId: string): string {
  return `${API_PREFIX}/awards/${encodeURIComponent(awardId)}/document.pdf`;
}

/** The award as an Open Badges 3.0 credential signed by the platform (a JWT the holder keeps). */
export function awardCredentialUrl(awardId: string): string {
  return `${API_PREFIX}/awards/${encodeURIComponent(awardId)}/credential.jwt`;
}

/** The public page that checks a certificate's code. */
export function verifyPagePath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

export const JURY_SESSIONS_PATH = '/jurys';

export function jurySessionPath(id: string): string {
  return `${JURY_SESSIONS_PATH}/${encodeURIComponent(id)}`;
}

/** Sentences per field for the jury calls (POST /jury-sessions, members, files, decision, revocation). */
export const JURY_FIELD_MESSAGES: FieldMessages = {
  date: "La date de la session doit être une date valide (JJ/MM/AAAA), aujourd'hui ou plus tard.",
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
