// Shapes of the CQPM Hub API (/api/v1), as the pages use them.

export type RoleId =
  | 'centre_coordinator'
  | 'company_tutor'
  | 'candidate'
  | 'evaluator'
  | 'jury_member'
  | 'gtp_auditor'
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
}

export interface AvailableTransition {
  id: string;
  label: string;
  to: string;
  guards: string[];
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
  candidate: Candidate;
  company_id: string | null;
}

export interface FileEvent {
  seq: number;
  transition: string;
  from: string | null;
  to: string;
  actor: { id: string; login: string; display_name: string } | null;
  organisation_id: string | null;
  payload: Record<string, unknown> | null;
  at: string;
  hash: string;
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
