// Shapes of the CQPM Hub API (/api/v1), as the pages use them.

export type RoleId =
  | 'centre_coordinator'
  | 'company_tutor'
  | 'candidate'
  | 'evaluator'
  | 'jury_member'
  | 'gtp_auditor'
  | 'gtp_admin'
  | 'admin';

export type PathwayId = 'employee' | 'vae' | 'job_seeker' | 'other';

export interface OrganisationRef {
  id: string;
  name: string;
  kind?: string;
}

export interface User {
  id: string;
  login: string;
  display_name: string;
  /** GET /me gives it; the login answer may not. */
  email?: string;
  role: RoleId | string;
  college: string | null;
  organisation: OrganisationRef;
}

export interface LoginResponse {
  token: string;
  expires_at: string;
  user: User;
}

export interface Candidate {
  given_name: string;
  family_name: string;
  email: string;
  birth_date: string;
  /** Where the candidate was born (« Lyon (Rhône) »); null: not recorded (absent from older servers). */
  birth_place?: string | null;
}

/** The candidate of POST /files: the birth place only when one is given (never blank). */
export type NewCandidate = Omit<Candidate, 'birth_place'> & { birth_place?: string };

/** The candidate's fields a correction changes: a birth place of "" erases it. */
export type CandidateCorrection = Partial<Omit<Candidate, 'birth_place'>> & { birth_place?: string };

export interface AvailableTransition {
  id: string;
  label: string;
  to: string;
  guards: string[];
}

/** The referential version a file was judged under, pinned when it was registered. */
export interface PinnedReferential {
  version: number;
  commit: string;
}

export interface FileSummary {
  id: string;
  state: string;
  version: number;
  cqpm: string;
  pathway: PathwayId | string;
  candidate: Candidate;
  centre: OrganisationRef;
  company: OrganisationRef | null;
  created_at: string;
  updated_at: string;
  /** Null until the file is registered (older servers: absent). */
  referential?: PinnedReferential | null;
  /** End of the report deadline in force (Europe/Paris), or null when none is set. */
  report_due_at?: string | null;
  /** The report deadline has passed and no report was uploaded. */
  overdue?: boolean;
  /**
   * The CQPM's registration answers, by field id (absent from servers that do
   * not send them: the page then neither shows nor corrects them).
   */
  registration?: RegistrationValues | null;
  /** The blocs registered for and those carried over: `{}` the whole CQPM, nothing carried over (absent from older servers). */
  bloc_scope?: BlocScope;
}

/** A bloc held from an earlier jury decision, whose carry-over the centre confirmed on the file. */
export interface CarriedOverBloc {
  /** 1-based index of the bloc in the file's referential. */
  bloc: number;
  decision_id: string;
  confirmed_by: string;
  confirmed_at: string;
}

/** What a file covers of its CQPM. */
export interface BlocScope {
  /** The blocs registered for (1-based indexes); absent or empty: the whole CQPM. */
  targeted?: number[];
  carried_over?: CarriedOverBloc[];
}

export interface CandidateFile extends FileSummary {
  available_transitions: AvailableTransition[];
}

export interface FileList {
  items: FileSummary[];
  next_cursor: string | null;
}

export interface FileStats {
  total: number;
  by_state: Record<string, number>;
}

export interface NewFileRequest {
  cqpm: string;
  pathway: string;
  candidate: NewCandidate;
  company_id: string | null;
  /** The CQPM's own registration fields (GET /cqpms/{id} registration_fields), by field id. */
  registration?: RegistrationValues;
  /** The blocs registered for (1-based indexes in the CQPM's referential); absent: the whole CQPM. */
  blocs?: number[];
}

/** POST /files/{id}/corrections: the fields present are corrected (only those that changed are sent). */
export interface FileCorrectionRequest {
  expected_version: number;
  reason: string;
  candidate: CandidateCorrection;
  /** The CQPM's registration answers, whole: sent only when they changed. */
  registration?: RegistrationValues;
}

export interface FileEvent {
  seq: number;
  transition: string;
  from: string | null;
  to: string;
  actor: { id: string; login: string; display_name: string; role?: string } | null;
  organisation_id: string | null;
  payload: Record<string, unknown> | null;
  at: string;
  hash: string;
  /** A short French sentence saying what happened (the activity feed). */
  summary_fr?: string;
}

export interface WorkflowState {
  id: string;
  label: string;
  final: boolean;
}

export interface WorkflowTransition {
  id: string;
  label: string;
  from: string[];
  to: string;
  roles: string[];
  guards: string[];
}

export interface Workflow {
  id: string;
  version: number | string;
  title: string;
  initial: string;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    field?: string | null;
    details?: Record<string, unknown> | null;
  };
}

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

// ---- The evaluation modality plan (GET/PUT /files/{id}/modalities) ----------

/** An extra input of a competency's plan entry (the plugin's plan_fields), read from entry.details. */
export interface PlanField {
  id: string;
  type: 'choices' | 'choice' | 'text_list' | 'boolean' | string;
  label: string;
  min?: number;
  required?: boolean;
  choices?: Choice[];
}

export interface ModalityPlanEntry {
  competency: number;
  modality: string;
  planned_date: string;
  place: string;
  evaluators: string[];
  justification?: string;
  details: Record<string, unknown>;
}

export interface PlanCompetency {
  number: number;
  title: string;
  bloc_code: string | null;
  bloc_title: string;
}

export interface PlanModality {
  id: string;
  label: string;
  exceptional: boolean;
}

export interface ModalityPlanView {
  file_id: string;
  file_version: number;
  state: string;
  editable: boolean;
  plan: ModalityPlanEntry[] | null;
  competencies: PlanCompetency[];
  modalities: PlanModality[];
  /** Per competency number (as a string), the modality ids allowed for the file's pathway. */
  allowed_modalities: Record<string, string[]>;
  /** Per competency number (as a string), the extra fields of its plan entry. */
  plan_fields: Record<string, PlanField[]>;
  evaluators: { id: string; display_name: string }[];
}

export interface ModalityPlanRequest {
  expected_version: number;
  competencies: ModalityPlanEntry[];
}

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
