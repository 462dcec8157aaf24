// Shapes of the CQPMs and their referentials (GET /cqpms, /cqpms/{id}), their history, diff, blame and the GTP's proposals.

import type { Schema } from '../../shared/api/schemas';

// ---- CQPMs and their referentials (GET /cqpms, GET /cqpms/{id}) -------------

export type CqpmSummary = Schema<'CqpmSummary'>;

export interface CriteriaGroups {
  methods: string[];
  means: string[];
  relations: string[];
  environment: string[];
}

export type ReferentialCompetency = Schema<'ReferentialCompetency'>;

export interface ReferentialBloc {
  code: string | null;
  /** The bloc's code in the RNCP fiche ("RNCP37854BC01"), recorded by the GTP; null or absent: not recorded. */
  rncp_code?: string | null;
  title: string;
  knowledge: string[];
  competencies: ReferentialCompetency[];
}

export type ReferentialModality = Schema<'ReferentialModality'>;

/** The RNCP fiche of a CQPM as a referential version records it; null or absent members: not recorded. */
export interface RncpFiche {
  /** "RNCP37854" */
  number?: string | null;
  /** 1..8 */
  level?: number | null;
  /** YYYY-MM-DD */
  registration_start?: string | null;
  registration_end?: string | null;
  /** Registered at the RNCP: juries award blocs of competencies only while true. */
  registered?: boolean | null;
}

/** The certification's identity, recorded by the GTP through a referential proposal (the seeds carry none). */
export interface CertificationIdentity {
  /** "MQ 2015 06 69 0334" */
  cqpm_number?: string | null;
  rncp?: RncpFiche | null;
}

export interface Referential {
  id: string;
  title: string;
  /** Absent from the seeds: every member then reads « non renseigné ». */
  identity?: CertificationIdentity | null;
  source: { document: string; title?: string };
  mission?: string[];
  activities: { title: string; description: string[] }[];
  work_environment: string[];
  interactions: string[];
  evolutions?: string[];
  blocs: ReferentialBloc[];
  evaluation?: string[];
  modalities: ReferentialModality[];
  admissibility: string[];
  notes?: { title: string; text: string[] }[];
}

export type Choice = Schema<'Choice'>;

/** An extra information a CQPM asks for at registration (its plugin's registration_fields). */
export type RegistrationField = Schema<'RegistrationField'>;

/** A habilitation or authorisation held (an entry of a credential_list answer). */
export interface Credential {
  symbol: string;
  /** Who delivered it: the employer, a training body. */
  issuer: string;
  /** YYYY-MM-DD */
  valid_until: string;
}

export interface CqpmDetail extends CqpmSummary {
  referential: Referential;
  registration_fields: RegistrationField[];
}

/**
 * Registration values by field id: a choice id, a list of texts, or a list of
 * credentials (an earlier file may hold plain texts in a credential_list field).
 */
export type RegistrationValues = Record<string, string | string[] | Credential[]>;
// ---- Referential history, diff, blame and GTP proposals ---------------------

export type VersionApprover = Schema<'VersionApprover'>;

/** A published version of a CQPM's referential (GET /cqpms/{id}/versions). */
export type ReferentialVersion = Schema<'ReferentialVersion'>;

export interface ReferentialVersionDetail extends ReferentialVersion {
  referential: Referential;
}

export type CentreStateCount = Schema<'CentreStateCount'>;

/** Files pinned to a version: GET /cqpms/{id}/versions/{n}/files, and a proposal's impact. */
export type PinnedFiles = Schema<'PinnedFiles'>;

export type ChangeAction = 'added' | 'removed' | 'reworded' | 'moved' | 'filled' | 'changed';

/** One difference between two versions of a referential (see core/referentials/referential_diff.h). */
export type ReferentialChange = Schema<'ReferentialChange'>;

export type ReferentialDiff = Schema<'ReferentialDiff'>;

/** For one item of the version in force, the version that last changed it (GET /cqpms/{id}/blame). */
export type BlameItem = Schema<'BlameItem'>;

export interface BlameResponse {
  cqpm: string;
  items: BlameItem[];
}

export type ProposalState = Schema<'ProposalState'>;

export interface ProposalSummary {
  id: number;
  cqpm: string;
  state: ProposalState | string;
  reason: string;
  base_version: number;
  base_commit: string;
  commit: string;
  ref: string;
  proposer: { id: string; display_name: string };
  created_at: string;
  decided_at: string | null;
  rejection_reason: string | null;
  published_version: number | null;
}

export type ProposalApproval = Schema<'ProposalApproval'>;

export interface Proposal extends ProposalSummary {
  approvals: ProposalApproval[];
  /** By college (employer, employee), the name of who approved for it. */
  colleges: Partial<Record<string, string>>;
  changes: ReferentialChange[];
  referential: Referential;
  /** Open files pinned to the base version. */
  impact: PinnedFiles;
}
