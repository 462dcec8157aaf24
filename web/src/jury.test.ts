import { describe, expect, it } from 'vitest';
import {
  BLOCS_REQUIRED_MESSAGE,
  REASON_REQUIRED_MESSAGE,
  SESSION_DATE_MESSAGE,
  SESSION_PLACE_MESSAGE,
  awardDocumentUrl,
  awardableBlocs,
  blocLabel,
  candidatesFromSessions,
  collegeName,
  decisionRequest,
  decisionRight,
  departsFromProposal,
  draftFromProposal,
  formatSessionDate,
  inviteCandidates,
  jurySessionPath,
  minutesUrl,
  outcomeLabel,
  quorumMessage,
  resultsCsvUrl,
  sortSessions,
  validateDecision,
  validateNewSession,
  verifyPagePath,
} from './jury';
import type { JuryFile, JuryMember, JuryProposal, JurySession } from './juryTypes';

const blocs = [
  { index: 1, code: 'BDC0229', title: "La mise en place d'un plan d'action qualité" },
  { index: 2, code: null, title: "La formalisation d'un processus qualité" },
  { index: 3, code: 'BDC0231', title: "Le développement de l'amélioration continue" },
];

const certified: JuryProposal = {
  outcome: 'certified',
  blocs,
  carried_over: [],
  results: { '1': 'acquired', '2': 'acquired' },
  referential_version: 1,
};

const someBlocs: JuryProposal = { ...certified, outcome: 'blocs_awarded', blocs: [blocs[0]!, blocs[2]!] };

const member = (user_id: string, college: string, present = true): JuryMember => ({
  user_id,
  display_name: user_id,
  college,
  company: null,
  present,
});

describe('labels', () => {
  it('names outcomes, colleges and blocs in French', () => {
    expect(outcomeLabel('certified')).toBe('CQPM délivré');
    expect(outcomeLabel('blocs_awarded')).toBe('Blocs de compétences validés');
    expect(outcomeLabel('not_certified')).toBe('CQPM non délivré');
    expect(collegeName('employer')).toBe('collège employeurs');
    expect(collegeName('employee')).toBe('collège salariés');
    expect(blocLabel(blocs[0]!)).toBe("BDC0229 — La mise en place d'un plan d'action qualité");
    expect(blocLabel(blocs[1]!)).toBe("La formalisation d'un processus qualité");
  });

  it('writes a session day in full, without a time-zone shift', () => {
    expect(formatSessionDate('2027-03-18')).toBe('jeudi 18 mars 2027');
    expect(formatSessionDate('pas une date')).toBe('pas une date');
  });

  it('says which college is missing for the quorum', () => {
    expect(quorumMessage([])).toBeNull();
    expect(quorumMessage(['employee'])).toBe(
      "La délibération ne peut pas s'ouvrir : aucun membre présent du collège salariés. Le jury doit être paritaire.",
    );
    expect(quorumMessage(['employer', 'employee'])).toContain('du collège employeurs et du collège salariés');
  });
});

describe('sessions', () => {
  it('sorts sessions newest first', () => {
    const s = (id: string, date: string) => ({
      id,
      date,
      place: 'Lyon',
      state: 'planned',
      created_at: `${date}T00:00:00Z`,
      opened_at: null,
      centre: { id: 'c', name: 'Centre' },
    });
    expect(sortSessions([s('a', '2027-01-01'), s('b', '2027-06-01')]).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('refuses a new session without a date or a place', () => {
    expect(validateNewSession({ date: '', place: ' ' })).toEqual({
      date: SESSION_DATE_MESSAGE,
      place: SESSION_PLACE_MESSAGE,
    });
    expect(validateNewSession({ date: '2027-03-18', place: 'Lyon' })).toEqual({});
  });

  it('offers the accounts not yet invited, by college then name, once each', () => {
    const sessions = [
      { members: [member('u2', 'employee'), member('u1', 'employer')] },
      { members: [member('u1', 'employer'), member('u3', 'employer')] },
    ];
    const candidates = candidatesFromSessions(sessions);
    expect(candidates.map((c) => c.id).sort()).toEqual(['u1', 'u2', 'u3']);
    expect(inviteCandidates(candidates, [member('u3', 'employer')]).map((c) => c.id)).toEqual(['u2', 'u1']);
  });
});

describe('decisions', () => {
  it('starts from the proposal, which needs no reason', () => {
    const draft = draftFromProposal(someBlocs);
    expect(draft).toEqual({ outcome: 'blocs_awarded', blocs: [1, 3], reason: '' });
    expect(departsFromProposal(someBlocs, draft)).toBe(false);
    expect(validateDecision(someBlocs, draft)).toEqual({});
  });

  it('asks for a written reason when the outcome or the blocs differ', () => {
    expect(departsFromProposal(certified, { outcome: 'not_certified', blocs: [], reason: '' })).toBe(true);
    expect(departsFromProposal(someBlocs, { outcome: 'blocs_awarded', blocs: [1], reason: '' })).toBe(true);
    expect(departsFromProposal(someBlocs, { outcome: 'blocs_awarded', blocs: [3, 1], reason: '' })).toBe(false);
    // The blocs of a whole certificate are not chosen: only the outcome counts.
    expect(departsFromProposal(certified, { outcome: 'certified', blocs: [], reason: '' })).toBe(false);
    expect(validateDecision(certified, { outcome: 'not_certified', blocs: [], reason: '  ' })).toEqual({
      reason: REASON_REQUIRED_MESSAGE,
    });
    expect(validateDecision(certified, { outcome: 'not_certified', blocs: [], reason: 'Entretien insuffisant' })).toEqual({});
  });

  it('needs at least one bloc for an attestation', () => {
    expect(validateDecision(someBlocs, { outcome: 'blocs_awarded', blocs: [], reason: 'x' })).toEqual({
      blocs: BLOCS_REQUIRED_MESSAGE,
    });
  });

  it('sends blocs only for an attestation, and the reason only when written', () => {
    expect(decisionRequest({ outcome: 'certified', blocs: [1, 2], reason: ' ' })).toEqual({ outcome: 'certified' });
    expect(decisionRequest({ outcome: 'blocs_awarded', blocs: [3, 1, 3], reason: ' Vu le dossier ' })).toEqual({
      outcome: 'blocs_awarded',
      blocs: [1, 3],
      reason: 'Vu le dossier',
    });
  });

  it('does not offer again the blocs the candidate already holds', () => {
    const carried = { ...someBlocs, carried_over: [{ ...blocs[1]!, decision_id: 'd', decided_at: '2026-01-01T00:00:00Z' }] };
    expect(awardableBlocs(carried, blocs).map((b) => b.index)).toEqual([1, 3]);
    expect(awardableBlocs(null, blocs)).toHaveLength(3);
  });
});

describe('who decides', () => {
  const session: Pick<JurySession, 'state' | 'members'> = {
    state: 'open',
    members: [member('emp', 'employer'), member('sal', 'employee'), member('absent', 'employee', false)],
  };
  const file: Pick<JuryFile, 'state' | 'abstaining' | 'quorum'> = {
    state: 'in_deliberation',
    abstaining: [],
    quorum: { met: true, missing_colleges: [] },
  };

  it('lets a present member and the coordinator decide an open file', () => {
    expect(decisionRight({ id: 'emp', role: 'jury_member' }, session, file)).toEqual({ allowed: true, reason: null });
    expect(decisionRight({ id: 'c', role: 'centre_coordinator' }, session, file).allowed).toBe(true);
  });

  it('refuses, with the reason, an absent member, a conflicted one, a closed session or a file without quorum', () => {
    expect(decisionRight({ id: 'absent', role: 'jury_member' }, session, file).reason).toContain("pas indiqué présent");
    const conflicted = { ...file, abstaining: [member('emp', 'employer')] };
    expect(decisionRight({ id: 'emp', role: 'jury_member' }, session, conflicted).reason).toContain("conflit d'intérêts");
    expect(decisionRight({ id: 'emp', role: 'jury_member' }, { ...session, state: 'planned' }, file).reason).toContain(
      "n'est pas ouverte",
    );
    const noQuorum = { ...file, quorum: { met: false, missing_colleges: ['employee'] } };
    expect(decisionRight({ id: 'c', role: 'centre_coordinator' }, session, noQuorum).reason).toContain('du collège salariés');
  });

  it('offers nothing on a file already decided, or to other roles', () => {
    expect(decisionRight({ id: 'emp', role: 'jury_member' }, session, { ...file, state: 'certified' })).toEqual({
      allowed: false,
      reason: null,
    });
    expect(decisionRight({ id: 'x', role: 'evaluator' }, session, file)).toEqual({ allowed: false, reason: null });
  });
});

describe('links', () => {
  it('points to the minutes, results, certificates and the public verification page', () => {
    expect(minutesUrl('s 1')).toBe('/api/v1/jury-sessions/s%201/minutes.pdf');
    expect(resultsCsvUrl('s1')).toBe('/api/v1/jury-sessions/s1/results.csv');
    expect(awardDocumentUrl('a1')).toBe('/api/v1/awards/a1/document.pdf');
    expect(verifyPagePath('K7QM-4XPA-9RTE')).toBe('/verify/K7QM-4XPA-9RTE');
    expect(jurySessionPath('s1')).toBe('/jurys/s1');
  });
});
