// Shapes of the paritary jury API (/api/v1/jury-sessions, /decisions, /awards,
// /verify), as the jury and verification pages use them.

import type { OrganisationRef } from './types';

export type College = 'employer' | 'employee' | string;
export type Outcome = 'certified' | 'blocs_awarded' | 'not_certified';

/** A bloc of competencies as the jury sees it: its index (1..N), its code (null where the source prints none). */
export interface JuryBloc {
  index: number;
  code: string | null;
  title: string;
}

/** A bloc already awarded to the candidate by an earlier decision in force. */
export interface CarriedBloc extends JuryBloc {
  decision_id: string;
  decided_at: string;
}

export interface JuryProposal {
  outcome: Outcome;
  blocs: JuryBloc[];
  carried_over: CarriedBloc[];
  /** Per competency number: acquired, not_acquired or not_evaluated (signed by two evaluators). */
  results: Record<string, string>;
  referential_version: number | null;
}

export interface JuryMember {
  user_id: string;
  display_name: string;
  college: College;
  /** The company the member comes from (conflict of interest with its candidates), or null. */
  company: OrganisationRef | null;
  present: boolean;
}

/** A jury member account the coordinator may invite (when the server lists them). */
export interface JuryMemberCandidate {
  id: string;
  display_name: string;
  college: College | null;
}

export interface Award {
  id: string;
  kind: 'certificate' | 'bloc_attestation' | string;
  verification_code: string;
}

export interface DecisionMember {
  user_id: string;
  name: string;
  college: College;
  organisation?: string;
  present?: boolean;
}

export interface JuryDecision {
  id: string;
  session_id: string;
  file_id: string;
  cqpm: string;
  outcome: Outcome;
  blocs: JuryBloc[];
  proposal: JuryProposal | null;
  overrides_proposal: boolean;
  reason: string;
  members: DecisionMember[];
  abstentions: DecisionMember[];
  referential: { version: number | null; commit: string | null };
  decided_by: { id: string; display_name: string };
  decided_at: string;
  revoked: boolean;
  revocation: { by: { id: string; display_name: string }; at: string; reason: string } | null;
  awards: Award[];
}

export interface JuryFile {
  id: string;
  candidate: { given_name: string; family_name: string };
  cqpm: { id: string; title: string };
  pathway: string;
  company: OrganisationRef | null;
  state: string;
  version: number;
  referential_version: number | null;
  /** Members who cannot deliberate on this file (they come from the candidate's company). */
  abstaining: JuryMember[];
  quorum: { met: boolean; missing_colleges: College[] };
  decision: JuryDecision | null;
  /** The plugin's proposal while the file is in deliberation (null otherwise, or for a conflicted member). */
  proposal: JuryProposal | null;
  proposal_error?: string;
}

export type JurySessionState = 'planned' | 'open' | string;

export interface JurySessionSummary {
  id: string;
  centre: OrganisationRef;
  date: string;
  place: string;
  state: JurySessionState;
  created_at: string;
  opened_at: string | null;
}

export interface JurySession extends JurySessionSummary {
  members: JuryMember[];
  missing_colleges: College[];
  files: JuryFile[];
  /** Jury member accounts of the centre (only if the server lists them). */
  available_members?: JuryMemberCandidate[];
}

export interface NewJurySession {
  date: string;
  place: string;
}

export interface DecisionRequest {
  outcome: Outcome;
  blocs?: number[];
  reason?: string;
}

/** GET /api/v1/verify/{code}: what anyone may know of a certificate, and nothing more. */
export interface Verification {
  valid: boolean;
  status: 'valid' | 'revoked' | string;
  holder_name: string;
  cqpm: { id: string; title: string };
  blocs: { code: string | null; title: string }[];
  decision_date: string;
  referential_version: number;
}
