import { describe, expect, it } from 'vitest';
import {
  SESSION_DATE_MESSAGE,
  SESSION_PAST_DATE_MESSAGE,
  pinnedReferentialKey,
  referentialsInDeliberation,
  SESSION_PLACE_MESSAGE,
  SESSION_TIME_MESSAGE,
  formatSessionTime,
  awardCredentialUrl,
  awardDocumentUrl,
  blocLabel,
  candidatesFromSessions,
  collegeName,
  decisionRight,
  formatSessionDate,
  inviteCandidates,
  jurySessionPath,
  minutesUrl,
  outcomeLabel,
  quorumMessage,
  resultsCsvUrl,
  sortSessions,
  validateNewSession,
  verifyPagePath,
} from './jury';
import { todayInParis } from '../../shared/format/format';
import type { JuryFile, JuryMember, JurySession } from './juryTypes';

const blocs = [
  { index: 1, code: 'BDC0229', title: "La mise en place d'un plan d'action qualité" },
  { index: 2, code: null, title: "La formalisation d'un processus qualité" },
  { index: 3, code: 'BDC0231', title: "Le développement de l'amélioration continue" },
];

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
    expect(blocLabel({ ...blocs[0]!, rncp_code: 'RNCP37854BC01' })).toBe(
      "BDC0229 / RNCP37854BC01 — La mise en place d'un plan d'action qualité",
    );
    expect(blocLabel({ code: null, rncp_code: 'RNCP37854BC02', title: 'Processus' })).toBe('RNCP37854BC02 — Processus');
    expect(blocLabel({ code: 'BDC0231', rncp_code: null, title: 'Amélioration' })).toBe('BDC0231 — Amélioration');
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
      time: '09:30',
      place: 'Lyon',
      state: 'planned',
      created_at: `${date}T00:00:00Z`,
      opened_at: null,
      centre: { id: 'c', name: 'Centre' },
    });
    expect(sortSessions([s('a', '2027-01-01'), s('b', '2027-06-01')]).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('refuses a new session without a date or a place', () => {
    expect(validateNewSession({ date: '', time: '', place: ' ' })).toEqual({
      date: SESSION_DATE_MESSAGE,
      time: SESSION_TIME_MESSAGE,
      place: SESSION_PLACE_MESSAGE,
    });
    expect(validateNewSession({ date: '2027-03-18', time: '24:00', place: 'Lyon' }, '2027-03-01')).toEqual({
      time: SESSION_TIME_MESSAGE,
    });
    expect(validateNewSession({ date: '2027-03-18', time: '09:30', place: 'Lyon' }, '2027-03-01')).toEqual({});
  });

  it('refuses a session on a past day, Paris time, and takes today', () => {
    const session = { date: '2027-03-17', time: '09:30', place: 'Lyon' };
    expect(validateNewSession(session, '2027-03-18')).toEqual({ date: SESSION_PAST_DATE_MESSAGE });
    expect(validateNewSession({ ...session, date: '2027-03-18' }, '2027-03-18')).toEqual({});
    expect(validateNewSession({ ...session, date: '2027-03-19' }, '2027-03-18')).toEqual({});
  });

  it("knows Paris's date around midnight", () => {
    // 23:30 UTC on 17 March is already 00:30 on the 18th in Paris (UTC+1 in winter).
    expect(todayInParis(new Date('2027-03-17T23:30:00Z'))).toBe('2027-03-18');
    // 21:30 UTC on 17 July is 23:30 on the 17th in Paris (UTC+2 in summer).
    expect(todayInParis(new Date('2027-07-17T21:30:00Z'))).toBe('2027-07-17');
  });

  it('writes the hour of a session the French way', () => {
    expect(formatSessionTime('09:30')).toBe('9 h 30');
    expect(formatSessionTime('14:00')).toBe('14 h 00');
    expect(formatSessionTime(null)).toBe('');
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
    for (const state of ['closed', 'published']) {
      expect(decisionRight({ id: 'emp', role: 'jury_member' }, { ...session, state }, file)).toEqual({
        allowed: false,
        reason: 'La session est close : aucune décision ne peut plus y être enregistrée.',
      });
    }
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
    expect(awardCredentialUrl('a 1')).toBe('/api/v1/awards/a%201/credential.jwt');
    expect(verifyPagePath('K7QM-4XPA-9RTE')).toBe('/verify/K7QM-4XPA-9RTE');
    expect(jurySessionPath('s1')).toBe('/jurys/s1');
  });
});

describe('pinned referentials', () => {
  const file = (cqpm: string, version: number | null, state = 'in_deliberation') => ({
    cqpm: { id: cqpm, title: cqpm },
    referential_version: version,
    state,
  });

  it('keys a pinned version by CQPM and number', () => {
    expect(pinnedReferentialKey(file('qualite', 2))).toBe('qualite@2');
  });

  it('lists the versions of the files in deliberation, once each', () => {
    const files = [
      file('qualite', 2),
      file('qualite', 2),
      file('soudage', 1),
      file('usinage', 3, 'ready_for_jury'),
      file('maintenance', null),
    ];
    expect(referentialsInDeliberation(files)).toEqual(['qualite@2', 'soudage@1']);
  });
});
