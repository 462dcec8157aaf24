import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { sessionStateLabel } from './jury';
import {
  DECISION_PENDING_MESSAGE,
  ERRATUM_TEXT_MESSAGE,
  closeHint,
  closingRights,
  closingStatus,
  decisionPending,
  describeClosingError,
  erratumDetails,
  hasSigned,
  isSessionClosed,
  missingSignatureColleges,
  publishReadiness,
  signatureDetails,
  undecidedCandidates,
  validateErratum,
} from './juryClosing';
import type { JuryFile, JuryMember, JurySignature } from './juryTypes';

const member = (user_id: string, college: string, present = true): JuryMember => ({
  user_id,
  display_name: user_id,
  college,
  company: null,
  present,
});

const signature = (user_id: string, college: string): JurySignature => ({
  user_id,
  display_name: user_id,
  college,
  signed_at: '2027-03-18T09:05:00Z',
});

const members = [member('emp', 'employer'), member('sal', 'employee'), member('absent', 'employee', false)];
const coordinator = { id: 'c', role: 'centre_coordinator' };
const president = { id: 'emp', role: 'jury_member' };
const employee = { id: 'sal', role: 'jury_member' };
const absent = { id: 'absent', role: 'jury_member' };

type Session = Parameters<typeof closingRights>[1];
const session = (state: string, extra: Partial<Session> = {}): Session => ({
  state,
  members,
  president: { user_id: 'emp', display_name: 'Bernard Fontaine' },
  signatures: [],
  files: [],
  ...extra,
});

const file = (family_name: string, state: string, decision: JuryFile['decision'] = null) =>
  ({ id: family_name, candidate: { given_name: 'Camille', family_name }, state, decision }) as unknown as JuryFile;

describe('session states', () => {
  it('names the four states in French', () => {
    expect(sessionStateLabel('planned')).toBe('En préparation');
    expect(sessionStateLabel('open')).toBe('Délibération ouverte');
    expect(sessionStateLabel('closed')).toBe('Session close');
    expect(sessionStateLabel('published')).toBe('Résultats publiés');
    expect(isSessionClosed('closed')).toBe(true);
    expect(isSessionClosed('published')).toBe(true);
    expect(isSessionClosed('open')).toBe(false);
  });
});

describe('who may end the session', () => {
  it('lets the coordinator designate the president until the session is closed, and record errata once opened', () => {
    expect(closingRights(coordinator, session('planned')).designatePresident).toBe(true);
    expect(closingRights(coordinator, session('open')).designatePresident).toBe(true);
    expect(closingRights(coordinator, session('closed')).designatePresident).toBe(false);
    expect(closingRights(coordinator, session('planned', { members: [] })).designatePresident).toBe(false);
    expect(closingRights(president, session('open')).designatePresident).toBe(false);

    expect(closingRights(coordinator, session('planned')).addErratum).toBe(false);
    for (const state of ['open', 'closed', 'published']) {
      expect(closingRights(coordinator, session(state)).addErratum).toBe(true);
      expect(closingRights(president, session(state)).addErratum).toBe(false);
    }
  });

  it('offers « Clore la session » to the president only, while open, and only if present', () => {
    expect(closingRights(president, session('open')).close).toEqual({ allowed: true, reason: null });
    expect(closingRights(president, session('planned')).close).toBeNull();
    expect(closingRights(president, session('closed')).close).toBeNull();
    expect(closingRights(employee, session('open')).close).toBeNull();
    expect(closingRights(coordinator, session('open')).close).toBeNull();
    expect(closingRights(president, session('open', { president: null })).close).toBeNull();
    const absentPresident = session('open', { president: { user_id: 'absent', display_name: 'x' } });
    expect(closingRights(absent, absentPresident).close?.allowed).toBe(false);
    expect(closingRights(absent, absentPresident).close?.reason).toContain('pas indiqué présent');
  });

  it('offers « Signer le procès-verbal » to members present once closed, until they signed', () => {
    expect(closingRights(employee, session('closed')).sign).toEqual({ allowed: true, reason: null });
    expect(closingRights(employee, session('open')).sign).toBeNull();
    expect(closingRights(employee, session('published')).sign).toBeNull();
    expect(closingRights(employee, session('closed', { signatures: [signature('sal', 'employee')] })).sign).toBeNull();
    expect(closingRights(absent, session('closed')).sign?.allowed).toBe(false);
    expect(closingRights(coordinator, session('closed')).sign).toBeNull();
    expect(closingRights({ id: 'stranger', role: 'jury_member' }, session('closed')).sign).toBeNull();
    expect(hasSigned('sal', [signature('sal', 'employee')])).toBe(true);
    expect(hasSigned('emp', [signature('sal', 'employee')])).toBe(false);
    expect(hasSigned(null, [signature('sal', 'employee')])).toBe(false);
  });

  it('offers « Publier les résultats » to the coordinator once closed, enabled with a signature of each college', () => {
    expect(closingRights(coordinator, session('open')).publish).toBeNull();
    expect(closingRights(coordinator, session('published')).publish).toBeNull();
    expect(closingRights(president, session('closed')).publish).toBeNull();

    const none = closingRights(coordinator, session('closed')).publish;
    expect(none?.allowed).toBe(false);
    expect(none?.reason).toContain('du collège employeurs et du collège salariés');

    const one = closingRights(coordinator, session('closed', { signatures: [signature('emp', 'employer')] })).publish;
    expect(one?.allowed).toBe(false);
    expect(one?.reason).toContain('il manque la signature du collège salariés');

    const both = [signature('emp', 'employer'), signature('sal', 'employee')];
    expect(closingRights(coordinator, session('closed', { signatures: both })).publish).toEqual({ allowed: true, reason: null });
  });

  it('offers nothing to nobody', () => {
    expect(closingRights(null, session('closed'))).toEqual({
      designatePresident: false,
      close: null,
      sign: null,
      publish: null,
      addErratum: false,
    });
  });
});

describe('publish readiness', () => {
  it('needs a signature of each college, whoever and however many', () => {
    expect(missingSignatureColleges([])).toEqual(['employer', 'employee']);
    expect(missingSignatureColleges(undefined)).toEqual(['employer', 'employee']);
    expect(missingSignatureColleges([signature('a', 'employee'), signature('b', 'employee')])).toEqual(['employer']);
    expect(publishReadiness([signature('a', 'employee'), signature('b', 'employer')])).toEqual({
      ready: true,
      missing: [],
      message: null,
    });
    const half = publishReadiness([signature('a', 'employer')]);
    expect(half.ready).toBe(false);
    expect(half.missing).toEqual(['employee']);
  });
});

describe('closing', () => {
  it('names the candidates still undecided, a revoked decision counting as none', () => {
    const decided = { revoked: false } as JuryFile['decision'];
    const revoked = { revoked: true } as JuryFile['decision'];
    const files = [file('Rousseau', 'in_deliberation'), file('Blanc', 'in_deliberation', decided), file('Faure', 'in_deliberation', revoked), file('Roy', 'withdrawn')];
    expect(undecidedCandidates(files)).toEqual(['Camille Rousseau', 'Camille Faure']);
    expect(closeHint(session('open', { files }))).toBe(
      'La session se clôt une fois chaque dossier décidé. Sans décision : Camille Rousseau, Camille Faure.',
    );
    expect(closeHint(session('open', { files: [file('Blanc', 'in_deliberation', decided)] }))).toBeNull();
    expect(closeHint(session('open', { president: null }))).toContain('désigne d’abord le président');
    expect(closeHint(session('closed', { files }))).toBeNull();
  });

  it('says when the session closed and when its results were published, Paris time', () => {
    expect(closingStatus({ state: 'open', closed_at: null, published_at: null })).toBeNull();
    expect(closingStatus({ state: 'closed', closed_at: '2027-03-18T09:05:00Z', published_at: null })).toContain(
      'Session close le 18 mars 2027 à 10:05',
    );
    expect(closingStatus({ state: 'published', closed_at: null, published_at: '2027-07-01T08:00:00Z' })).toContain(
      'Résultats publiés le 1er juillet 2027 à 10:00',
    );
  });
});

describe('errors of the closing calls', () => {
  it('lists the undecided candidates after the server’s sentence', () => {
    const err = new ApiError(409, 'invalid_state', 'every file of the session is decided before it is closed', 'files', {
      undecided: ['Camille Rousseau', 'Hugo Bonnet'],
      message_fr: 'Chaque dossier de la session doit être décidé avant de la clore.',
    });
    const described = describeClosingError(err);
    expect(described.text).toBe(
      'Chaque dossier de la session doit être décidé avant de la clore. Dossiers sans décision : Camille Rousseau, Hugo Bonnet.',
    );
    expect(described.field).toBe('files');
    expect(described.technical).toContain('invalid_state');
  });

  it('names the colleges whose signature is missing', () => {
    const err = new ApiError(409, 'invalid_state', 'the minutes need the signature of a present member of each college', 'signatures', {
      missing_colleges: ['employee'],
    });
    expect(describeClosingError(err).text).toBe(
      'Le procès-verbal doit être signé par un membre présent de chaque collège. Il manque la signature du collège salariés.',
    );
  });

  it('says in French what the field of a refusal means', () => {
    expect(describeClosingError(new ApiError(409, 'conflict', 'you already signed', 'signature')).text).toBe(
      'Vous avez déjà signé ce procès-verbal.',
    );
    expect(describeClosingError(new ApiError(409, 'invalid_state', 'x', 'president')).text).toContain('désigne d’abord');
    expect(describeClosingError(new ApiError(400, 'invalid_field', 'x', 'text')).text).toBe(ERRATUM_TEXT_MESSAGE);
    expect(describeClosingError(new ApiError(403, 'forbidden', 'only the president')).text).toBe(
      'Votre rôle ne permet pas cette action.',
    );
  });
});

describe('errata, signatures and decisions', () => {
  it('requires an erratum’s text', () => {
    expect(validateErratum('   ')).toBe(ERRATUM_TEXT_MESSAGE);
    expect(validateErratum('Lire « salle B » au lieu de « salle A ».')).toBeNull();
    expect(validateErratum('x'.repeat(2001))).toContain('2000');
  });

  it('dates signatures and errata in Paris time', () => {
    expect(signatureDetails(signature('emp', 'employer'))).toBe('collège employeurs · signé le 18 mars 2027 à 10:05');
    expect(erratumDetails({ recorded_by: 'Claire Moreau', recorded_at: '2027-03-18T09:05:00Z' })).toBe(
      'Claire Moreau, le 18 mars 2027 à 10:05',
    );
  });

  it('holds a recorded decision until the results are published', () => {
    expect(DECISION_PENDING_MESSAGE).toBe('Décision enregistrée : elle prendra effet à la publication des résultats.');
    const recorded = { revoked: false, awards: [] };
    expect(decisionPending('open', recorded)).toBe(true);
    expect(decisionPending('closed', recorded)).toBe(true);
    expect(decisionPending('published', recorded)).toBe(false);
    expect(decisionPending('closed', { ...recorded, revoked: true })).toBe(false);
    const issued = { revoked: false, awards: [{ id: 'a', kind: 'certificate', verification_code: 'K7QM-4XPA-9RTE' }] };
    expect(decisionPending('open', issued)).toBe(false);
  });
});
