// Shapes of the CQPMs and their referentials (GET /cqpms, /cqpms/{id}), their history, diff, blame and the GTP's proposals.

// ---- CQPMs and their referentials (GET /cqpms, GET /cqpms/{id}) -------------

export interface CqpmSummary {
  id: string;
  title: string;
  version: string;
  /** Number of blocs. */
  blocs: number;
  /** Number of competencies. */
  competencies: number;
  /** The code of each bloc, in order; null where the source prints none. */
  bloc_codes: (string | null)[];
  /** The version of the referential in force (from the git store), and its commit. */
  referential_version?: number;
  referential_commit?: string;
}

export interface CriteriaGroups {
  methods: string[];
  means: string[];
  relations: string[];
  environment: string[];
}

export interface ReferentialCompetency {
  number: number;
  title: string;
  conditions: string[];
  criteria: CriteriaGroups;
  expected_results: string[];
}

export interface ReferentialBloc {
  code: string | null;
  /** The bloc's code in the RNCP fiche ("RNCP37854BC01"), recorded by the GTP; null or absent: not recorded. */
  rncp_code?: string | null;
  title: string;
  knowledge: string[];
  competencies: ReferentialCompetency[];
}

export interface ReferentialModality {
  id: string;
  label: string;
  description: string[];
  excluded_pathways?: string[];
  exceptional?: boolean;
}

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

export interface Choice {
  id: string;
  label: string;
}

/** An extra information a CQPM asks for at registration (its plugin's registration_fields). */
export interface RegistrationField {
  id: string;
  type: 'choice' | 'text_list' | 'credential_list' | string;
  label: string;
  required?: boolean;
  choices?: Choice[];
  help?: string;
  suggestions?: string[];
  /** credential_list: the known symbols ("B1V", "BR", "H0V"...). */
  symbols?: string[];
  /** credential_list: the symbol must be one of `symbols` (otherwise they are only suggestions). */
  closed?: boolean;
}

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

export interface VersionApprover {
  name: string;
  email: string;
  college: string;
}

/** A published version of a CQPM's referential (GET /cqpms/{id}/versions). */
export interface ReferentialVersion {
  version: number;
  commit: string;
  tag: string;
  author: string;
  email: string;
  published_at: string;
  reason: string;
  approvers: VersionApprover[];
}

export interface ReferentialVersionDetail extends ReferentialVersion {
  referential: Referential;
}

export interface CentreStateCount {
  centre_id: string;
  centre: string;
  state: string;
  count: number;
}

/** Files pinned to a version: GET /cqpms/{id}/versions/{n}/files, and a proposal's impact. */
export interface PinnedFiles {
  cqpm: string;
  version: number;
  total: number;
  by_state: Record<string, number>;
  by_centre_and_state: CentreStateCount[];
}

export type ChangeAction = 'added' | 'removed' | 'reworded' | 'moved' | 'filled' | 'changed';

/** One difference between two versions of a referential (see core/referentials/referential_diff.h). */
export interface ReferentialChange {
  kind: string;
  action: ChangeAction | string;
  path: string;
  competency: number | null;
  /** "BDC0198", or "bloc 2" when the bloc has no code. */
  bloc: string | null;
  group: string | null;
  old_value: unknown;
  new_value: unknown;
  from_index: number | null;
  to_index: number | null;
}

export interface ReferentialDiff {
  cqpm: string;
  from: ReferentialVersion;
  to: ReferentialVersion;
  changes: ReferentialChange[];
}

/** For one item of the version in force, the version that last changed it (GET /cqpms/{id}/blame). */
export interface BlameItem {
  path: string;
  kind: string;
  bloc: string | null;
  competency: number | null;
  group: string | null;
  index: number | null;
  text: string | null;
  version: number;
}

export interface BlameResponse {
  cqpm: string;
  items: BlameItem[];
}

export type ProposalState = 'open' | 'approved' | 'rejected' | 'published';

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

export interface ProposalApproval {
  user_id: string;
  display_name: string;
  college: string;
  approved_at: string;
}

export interface Proposal extends ProposalSummary {
  approvals: ProposalApproval[];
  /** By college (employer, employee), the name of who approved for it. */
  colleges: Partial<Record<string, string>>;
  changes: ReferentialChange[];
  referential: Referential;
  /** Open files pinned to the base version. */
  impact: PinnedFiles;
}
