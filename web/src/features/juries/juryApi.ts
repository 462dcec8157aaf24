// Calls of the jury and verification pages (same client as shared/api/client.ts: session cookie, CSRF
// header on writes, 401 → login).

import { request } from '../../shared/api/client';
import type {
  DecisionRequest,
  JuryDecision,
  JuryProposal,
  JurySession,
  JurySessionSummary,
  NewJurySession,
  Verification,
} from './juryTypes';

const id = (value: string) => encodeURIComponent(value);

export const juryApi = {
  listSessions(signal?: AbortSignal): Promise<{ items: JurySessionSummary[] }> {
    return request('GET', '/jury-sessions', { signal });
  },
  createSession(session: NewJurySession): Promise<JurySession> {
    return request('POST', '/jury-sessions', { body: session });
  },
  getSession(sessionId: string, signal?: AbortSignal): Promise<JurySession> {
    return request('GET', `/jury-sessions/${id(sessionId)}`, { signal });
  },
  addMember(sessionId: string, userId: string, companyId: string | null): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/members`, {
      body: { user_id: userId, company_id: companyId },
    });
  },
  setAttendance(sessionId: string, userId: string, present: boolean): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/members/${id(userId)}/attendance`, { body: { present } });
  },
  addFile(sessionId: string, fileId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/files`, { body: { file_id: fileId } });
  },
  open(sessionId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/open`);
  },
  proposal(sessionId: string, fileId: string, signal?: AbortSignal): Promise<JuryProposal> {
    return request('GET', `/jury-sessions/${id(sessionId)}/files/${id(fileId)}/proposal`, { signal });
  },
  decide(sessionId: string, fileId: string, decision: DecisionRequest): Promise<JuryDecision> {
    return request('POST', `/jury-sessions/${id(sessionId)}/files/${id(fileId)}/decision`, { body: decision });
  },
  revoke(decisionId: string, reason: string): Promise<JuryDecision> {
    return request('POST', `/decisions/${id(decisionId)}/revocation`, { body: { reason } });
  },
  designatePresident(sessionId: string, userId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/president`, { body: { user_id: userId } });
  },
  /** By the session's president, once every file is decided. */
  close(sessionId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/close`);
  },
  /** A member present signs the minutes of the closed session. */
  sign(sessionId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/signatures`);
  },
  /** The coordinator publishes the results: the decisions take effect, the certificates are issued. */
  publish(sessionId: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/publication`);
  },
  addErratum(sessionId: string, text: string): Promise<JurySession> {
    return request('POST', `/jury-sessions/${id(sessionId)}/errata`, { body: { text } });
  },
  fileDecisions(fileId: string, signal?: AbortSignal): Promise<{ items: JuryDecision[] }> {
    return request('GET', `/files/${id(fileId)}/decisions`, { signal });
  },
};

export const verificationApi = {
  /** Public: no session needed. An unknown code answers 404. */
  verify(code: string, signal?: AbortSignal): Promise<Verification> {
    return request('GET', `/verify/${id(code)}`, { signal, redirectOn401: false });
  },
};
