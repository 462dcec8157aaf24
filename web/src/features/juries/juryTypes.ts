// Shapes of the paritary jury API (/api/v1/jury-sessions, /decisions, /awards,
// /verify), as the jury and verification pages use them.

import type { OrganisationRef } from '../../shared/api/types';
import type { Schema } from '../../shared/api/schemas';

export type College = 'employer' | 'employee' | string;
export type Outcome = 'certified' | 'blocs_awarded' | 'not_certified';

/** A bloc of competencies as the jury sees it: its index (1..N), its code (null where the source prints none). */
export type JuryBloc = Schema<'JuryBloc'>;

/** The certification's identity as the file's pinned referential records it (every member possibly null). */
export interface JuryIdentity {
  title: string | null;
  cqpm_number: string | null;
  rncp: {
    number: string | null;
    level: number | null;
    registration_start: string | null;
    registration_end: string | null;
    registered: boolean | null;
  } | null;
}

/** A bloc already awarded to the candidate by an earlier decision in force. */
export interface CarriedBloc extends JuryBloc {
  decision_id: string;
  decided_at: string;
}

/** How the commission evaluated a competency: the modality of the file's plan. */
export interface CompetencyModality {
  id: string;
  label: string;
  /** An exceptional modality (a reconstituted situation) is justified in writing in the plan. */
  exceptional: boolean;
  justification: string | null;
}

/** A competency of the referential as the jury's validation starts from it (proposal). */
export interface ProposalCompetency {
  /** As the referential numbers it ("5"). */
  number: string;
  title: string;
  /** 1-based index of its bloc. */
  bloc_index: number;
  /** The commission's signed result (acquired, not_acquired, not_evaluated...), null when never graded. */
  commission_result: string | null;
  /** Its bloc is already held from an earlier decision: not judged again. */
  carried_over: boolean;
  /**
   * Its bloc is one the file registered for; false: never evaluated, and the jury
   * sends no verdict for it. Absent (older proposals): true.
   */
  targeted?: boolean;
  /** Pre-fill: carried_over || (targeted && commission_result === "acquired"). */
  validated: boolean;
  /** The modality it was evaluated in; null or absent for older decisions (or a competency never planned). */
  modality?: CompetencyModality | null;
}

/** A competency as a recorded decision keeps it. */
export interface DecisionCompetency extends ProposalCompetency {
  /** The jury's reason when its verdict departs from the commission's result. */
  reason: string | null;
}

export interface JuryProposal {
  outcome: Outcome;
  blocs: JuryBloc[];
  carried_over: CarriedBloc[];
  /** Per competency number: acquired, not_acquired or not_evaluated (signed by two evaluators). */
  results: Record<string, string>;
  /** Every competency of the referential, in order: what the jury validates. */
  competencies: ProposalCompetency[];
  /** The blocs the file registered for (1-based indexes); empty or absent: the whole CQPM. */
  targeted_blocs?: number[];
  /**
   * Whether blocs of competencies may be awarded: the pinned referential says the CQPM is
   * registered at the RNCP on the session's date. Absent (older servers): true.
   */
  blocs_awardable?: boolean;
  /** The certification's identity of the pinned referential (absent from older servers). */
  identity?: JuryIdentity | null;
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
  /** The jury's validation, competency by competency (null for decisions taken before it existed). */
  competencies: DecisionCompetency[] | null;
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

/** planned → open (deliberation) → closed (by its president) → published (the decisions take effect). */
export type JurySessionState = 'planned' | 'open' | 'closed' | 'published' | string;

export interface JurySessionSummary {
  id: string;
  centre: OrganisationRef;
  date: string;
  /** HH:MM, Paris time; null for sessions convened before the hour was recorded. */
  time: string | null;
  place: string;
  state: JurySessionState;
  created_at: string;
  opened_at: string | null;
  /** When its president closed it (absent from older servers). */
  closed_at?: string | null;
  /** When the centre published its results: the decisions take effect then (absent from older servers). */
  published_at?: string | null;
}

/** The member who presides the session and closes it. */
export interface JuryPresident {
  user_id: string;
  display_name: string;
}

/** A signature of the session's minutes by a member present. */
export interface JurySignature {
  user_id: string;
  display_name: string;
  college: College;
  signed_at: string;
}

/** A correction of the session's record after the deliberation opened, printed on the minutes. */
export interface JuryErratum {
  text: string;
  /** The name of who recorded it. */
  recorded_by: string;
  recorded_at: string;
}

export interface JurySession extends JurySessionSummary {
  members: JuryMember[];
  missing_colleges: College[];
  files: JuryFile[];
  /** Jury member accounts of the centre (only if the server lists them). */
  available_members?: JuryMemberCandidate[];
  /** Null until the coordinator designates one (absent from older servers). */
  president?: JuryPresident | null;
  signatures?: JurySignature[];
  errata?: JuryErratum[];
}

export interface NewJurySession {
  date: string;
  time: string;
  place: string;
}

/** The jury's verdict on one competency (only those departing from the commission are sent). */
export interface CompetencyVerdict {
  number: string;
  validated: boolean;
  reason?: string;
}

/**
 * The body of POST …/decision. The outcome and blocs follow on the server from
 * the validated competencies; the page never sends them.
 */
export interface DecisionRequest {
  competencies?: CompetencyVerdict[];
  outcome?: Outcome;
  blocs?: number[];
  reason?: string;
}

/** GET /api/v1/verify/{code}: what anyone may know of a certificate, and nothing more. */
export interface Verification {
  valid: boolean;
  status: 'valid' | 'revoked' | string;
  holder_name: string;
  /** number: the CQPM's number, null until the GTP records it (absent from older servers). */
  cqpm: { id: string; title: string; number?: string | null };
  blocs: { code: string | null; rncp_code?: string | null; title: string }[];
  decision_date: string;
  referential_version: number;
  /** The git commit of that referential version (null when not recorded). */
  referential_commit?: string | null;
  /** The seal of the jury's decision record, as printed on the certificate and the minutes. */
  decision_sha256?: string | null;
}
