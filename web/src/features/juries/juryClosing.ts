// How a jury session ends: the coordinator designates its president among the
// members, the president closes it once every file is decided, the members
// present sign its minutes, and the coordinator publishes the results once a
// member of each college signed (only then do the decisions take effect).
// Errata correct the record after the deliberation opened. Who may do what,
// when, and the French sentences of it.

import { describeError, type ErrorDescription, type FieldMessages } from '../../shared/errors/errors';
import { candidateName, formatParisDateTime } from '../../shared/format/format';
import { collegeName } from './jury';
import type { College, JuryDecision, JuryErratum, JurySession, JurySignature } from './juryTypes';
import type { User } from '../../shared/api/types';

/** The two colleges of a paritary jury: each must sign the minutes. */
export const JURY_COLLEGES: readonly College[] = ['employer', 'employee'];

export const ERRATUM_TEXT_MESSAGE = "Indiquez le texte de l'erratum.";
export const ERRATUM_MAX_LENGTH = 2000;
export const PRESIDENT_REQUIRED_MESSAGE = 'Choisissez le président ou la présidente de séance parmi les membres.';
export const DECISION_PENDING_MESSAGE = 'Décision enregistrée : elle prendra effet à la publication des résultats.';

/** Whether an action is offered (shown) and, if shown, whether it can be done now and why not (French). */
export interface ClosingAction {
  allowed: boolean;
  reason: string | null;
}

export interface ClosingRights {
  /** The coordinator chooses the president among the members, until the session is closed. */
  designatePresident: boolean;
  /** « Clore la session »: for the president while the deliberation is open; null when not offered. */
  close: ClosingAction | null;
  /** « Signer le procès-verbal »: for a member once closed, until they signed; null when not offered. */
  sign: ClosingAction | null;
  /** « Publier les résultats »: for the coordinator once closed; null when not offered. */
  publish: ClosingAction | null;
  /** « Ajouter un erratum »: for the coordinator once the deliberation opened. */
  addErratum: boolean;
}

type SessionForRights = Pick<JurySession, 'state' | 'members'> &
  Partial<Pick<JurySession, 'president' | 'signatures' | 'files'>>;

/** "du collège employeurs et du collège salariés". */
function collegesPhrase(colleges: ReadonlyArray<College>): string {
  return colleges.map((c) => `du ${collegeName(c)}`).join(' et ');
}

/** Whether the session is closed or published: no decision may be recorded any more. */
export function isSessionClosed(state: string): boolean {
  return state === 'closed' || state === 'published';
}

/** The colleges of which no member has signed the minutes yet, in the order employer, employee. */
export function missingSignatureColleges(signatures: ReadonlyArray<Pick<JurySignature, 'college'>> | null | undefined): College[] {
  const signed = new Set((signatures ?? []).map((s) => s.college));
  return JURY_COLLEGES.filter((c) => !signed.has(c));
}

/** Whether the results may be published: a signature of each college; else why not, in French. */
export function publishReadiness(signatures: ReadonlyArray<Pick<JurySignature, 'college'>> | null | undefined): {
  ready: boolean;
  missing: College[];
  message: string | null;
} {
  const missing = missingSignatureColleges(signatures);
  if (missing.length === 0) return { ready: true, missing, message: null };
  return {
    ready: false,
    missing,
    message: `Les résultats se publient une fois le procès-verbal signé par un membre présent de chaque collège : il manque la signature ${collegesPhrase(missing)}.`,
  };
}

/** Whether this user has signed the minutes. */
export function hasSigned(userId: string | null | undefined, signatures: ReadonlyArray<Pick<JurySignature, 'user_id'>> | null | undefined): boolean {
  return !!userId && (signatures ?? []).some((s) => s.user_id === userId);
}

/** The candidates of the session whose file still awaits a decision in force (as the page knows them). */
export function undecidedCandidates(files: JurySession['files'] | null | undefined): string[] {
  return (files ?? [])
    .filter((f) => f.state === 'in_deliberation' && (!f.decision || f.decision.revoked))
    .map((f) => candidateName(f.candidate));
}

/** What this user may do to end the session, given its state. */
export function closingRights(user: Pick<User, 'id' | 'role'> | null | undefined, session: SessionForRights): ClosingRights {
  const none: ClosingRights = { designatePresident: false, close: null, sign: null, publish: null, addErratum: false };
  if (!user) return none;
  const coordinator = user.role === 'centre_coordinator';
  const member = session.members.find((m) => m.user_id === user.id) ?? null;
  const state = session.state;
  const rights: ClosingRights = { ...none };

  rights.designatePresident = coordinator && (state === 'planned' || state === 'open') && session.members.length > 0;
  rights.addErratum = coordinator && state !== 'planned';

  if (state === 'open' && member && session.president?.user_id === user.id) {
    rights.close = member.present
      ? { allowed: true, reason: null }
      : { allowed: false, reason: "Vous n'êtes pas indiqué présent à cette session : vous ne pouvez pas la clore." };
  }

  if (state === 'closed' && member && !hasSigned(user.id, session.signatures)) {
    rights.sign = member.present
      ? { allowed: true, reason: null }
      : { allowed: false, reason: 'Seuls les membres présents à la session signent son procès-verbal.' };
  }

  if (state === 'closed' && coordinator) {
    const readiness = publishReadiness(session.signatures);
    rights.publish = { allowed: readiness.ready, reason: readiness.message };
  }
  return rights;
}

/** Why the session cannot be closed yet (French), or null: no president, or files still undecided. */
export function closeHint(session: SessionForRights): string | null {
  if (session.state !== 'open') return null;
  if (!session.president) return 'Le coordinateur désigne d’abord le président ou la présidente de séance, qui close la session.';
  const undecided = undecidedCandidates(session.files);
  if (undecided.length > 0) {
    return `La session se clôt une fois chaque dossier décidé. Sans décision : ${undecided.join(', ')}.`;
  }
  return null;
}

/** French sentences for the fields the closing calls name (the server's details.message_fr wins). */
export const CLOSING_FIELD_MESSAGES: FieldMessages = {
  user_id: 'Le président ou la présidente de séance doit être l’un des membres de la session.',
  state: "Cette action n'est plus possible dans l'état actuel de la session. Rechargez la page.",
  president: 'Le coordinateur désigne d’abord le président ou la présidente de séance.',
  files: 'Chaque dossier de la session doit être décidé avant de la clore.',
  signature: 'Vous avez déjà signé ce procès-verbal.',
  signatures: 'Le procès-verbal doit être signé par un membre présent de chaque collège.',
  present: 'Seul un membre présent à la session peut faire cette action.',
  text: ERRATUM_TEXT_MESSAGE,
};

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/**
 * The French sentence for a failed closing call: the server's own sentence or
 * the field's, followed by the candidates still undecided (409 `files`) or the
 * colleges whose signature is missing (409 `signatures`).
 */
export function describeClosingError(err: unknown): ErrorDescription {
  const described = describeError(err, { fields: CLOSING_FIELD_MESSAGES });
  const details =
    typeof err === 'object' && err !== null && 'details' in err
      ? ((err as { details: unknown }).details as Record<string, unknown> | null)
      : null;
  if (!details) return described;
  const undecided = stringList(details.undecided);
  if (undecided.length > 0) {
    return { ...described, text: `${described.text} Dossiers sans décision : ${undecided.join(', ')}.` };
  }
  const missing = stringList(details.missing_colleges);
  if (missing.length > 0 && described.field === 'signatures') {
    return { ...described, text: `${described.text} Il manque la signature ${collegesPhrase(missing)}.` };
  }
  return described;
}

/** describeClosingError(), with the English detail also written to the console. */
export function reportClosingError(err: unknown): ErrorDescription {
  const described = describeClosingError(err);
  if (described.technical) console.warn('CQPM Hub:', described.technical);
  return described;
}

/** Validates the erratum's text before sending: the French error, or null. */
export function validateErratum(text: string): string | null {
  if (!text.trim()) return ERRATUM_TEXT_MESSAGE;
  if (text.trim().length > ERRATUM_MAX_LENGTH) return `L'erratum ne peut pas dépasser ${ERRATUM_MAX_LENGTH} caractères.`;
  return null;
}

/** "collège employeurs · signé le 18 mars 2027 à 10:05" (Paris time). */
export function signatureDetails(signature: Pick<JurySignature, 'college' | 'signed_at'>): string {
  return `${collegeName(signature.college)} · signé le ${formatParisDateTime(signature.signed_at)}`;
}

/** "Claire Moreau, le 18 mars 2027 à 10:05" (Paris time). */
export function erratumDetails(erratum: Pick<JuryErratum, 'recorded_by' | 'recorded_at'>): string {
  return `${erratum.recorded_by}, le ${formatParisDateTime(erratum.recorded_at)}`;
}

/** The session's closing and publication, said in one sentence (Paris time), or null before closing. */
export function closingStatus(session: Pick<JurySession, 'state' | 'closed_at' | 'published_at'>): string | null {
  if (session.state === 'published') {
    return session.published_at
      ? `Résultats publiés le ${formatParisDateTime(session.published_at)} : les décisions ont pris effet, les candidats et les entreprises en sont informés.`
      : 'Résultats publiés : les décisions ont pris effet, les candidats et les entreprises en sont informés.';
  }
  if (session.state === 'closed') {
    const when = session.closed_at ? ` le ${formatParisDateTime(session.closed_at)}` : '';
    return `Session close${when} : plus aucune décision ne peut y être enregistrée. Les décisions prendront effet à la publication des résultats.`;
  }
  return null;
}

/**
 * A decision recorded but not in force yet: its session's results are not
 * published (it has no certificate or attestation yet). A revoked decision is
 * never pending; a decision already carrying awards (recorded by an older
 * server, in force at once) neither.
 */
export function decisionPending(sessionState: string, decision: Pick<JuryDecision, 'revoked' | 'awards'>): boolean {
  return sessionState !== 'published' && !decision.revoked && decision.awards.length === 0;
}

/** The two final steps of a session, confirmed before they are taken. */
export const FINAL_STEPS = {
  close: {
    title: 'Clore la session',
    text:
      'Une fois la session close, plus aucune décision ne peut y être enregistrée. Les membres présents signent ' +
      'ensuite le procès-verbal, puis le centre publie les résultats.',
  },
  publish: {
    title: 'Publier les résultats',
    text:
      'Les décisions prennent effet : les certificats et attestations sont délivrés avec leur code de ' +
      'vérification, les candidats et les entreprises sont informés et voient la décision. Cette publication est ' +
      'définitive.',
  },
} as const;
