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

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    field?: string | null;
    details?: Record<string, unknown> | null;
  };
}
