// Shapes of the CQPM Hub API (/api/v1), as the pages use them.

import type { Schema } from './schemas';

export type RoleId = Schema<'Role'>;

export type PathwayId = Schema<'Pathway'>;

export type OrganisationRef = Schema<'OrganisationRef'>;

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

export type LoginResponse = Schema<'LoginResponse'>;

/** POST /auth/logout's 200 answer (a 204 has no body): where the identity provider ends its own session. */
export interface LogoutResponse {
  provider_logout_url: string;
}

export type SsoChoice = Schema<'SsoChoiceList'>['items'][number];

export type ApiErrorBody = Schema<'Error'>;
