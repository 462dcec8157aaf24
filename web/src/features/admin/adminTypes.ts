// Shapes of the administration API (/api/v1/organisations, /users, /admin/log)
// and of the one-time links and password calls (/auth/invitations,
// /auth/password-resets, /me/password), and of the candidate import (/imports).

import type { ListPage } from '../../shared/api/client';
import type { OrganisationRef, PathwayId, RoleId } from '../../shared/api/types';
import type { Schema } from '../../shared/api/schemas';

export type OrganisationKind = 'centre' | 'company' | 'gtp' | 'platform';

/** An organisation as the administration pages read it (GET /organisations/{id}). */
export interface Organisation {
  id: string;
  kind: OrganisationKind | string;
  name: string;
  active: boolean;
  /** Centres: the région of their territory. */
  region: string | null;
  /** Centres: département codes ("69", "2A", "974"). */
  departements: string[];
  /** Companies: 14 digits. */
  siret: string | null;
  /** Companies: postal address, free text. */
  address: string | null;
  /** Companies: the centres it works with. */
  centre_ids: string[];
  created_at: string;
  updated_at: string;
}

/** A page of a list; `next_cursor` is absent (or null) on the last page. */
export type Page<T> = ListPage<T>;

export interface OrganisationFilters {
  kind?: string;
  /** 'true' (the default), 'false' or 'all'. */
  active?: 'true' | 'false' | 'all';
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  region?: string;
  departements?: string[];
  siret?: string;
  address?: string;
  centre_ids?: string[];
}

export type OrganisationPatch = Partial<Omit<NewOrganisation, 'kind'>> & { active?: boolean };

export type AccountStatus = 'active' | 'invited' | 'inactive';
export type College = 'employer' | 'employee';

/** An account as the administration pages read it (GET /users/{id}). */
export interface Account {
  id: string;
  login: string;
  display_name: string;
  email: string;
  role: RoleId | string;
  college: College | string | null;
  organisation: OrganisationRef;
  active: boolean;
  password_set: boolean;
  status: AccountStatus | string;
  created_at: string;
  updated_at: string;
}

export interface AccountFilters {
  organisation_id?: string;
  role?: string;
  status?: string;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export interface NewAccount {
  login: string;
  display_name: string;
  email: string;
  role: string;
  college?: College;
  organisation_id: string;
}

export interface AccountPatch {
  display_name?: string;
  email?: string;
  role?: string;
  college?: College | null;
  organisation_id?: string;
}

/** How the invitation link left: by e-mail, or written in the server's log when no SMTP server is set. */
export type Delivery = 'email' | 'log';

export interface InvitationSent {
  delivery: Delivery | string;
  expires_at: string;
}

export interface CreatedAccount {
  user: Account;
  invitation: InvitationSent;
}

/** What a one-time link (invitation or password reset) is for: GET /auth/invitations/{token}. */
export interface LinkInfo {
  login: string;
  display_name: string;
  expires_at: string;
}

export interface AdminLogEntry {
  seq: number;
  at: string;
  /** The account that acted; null for the command line or a public request (then see actor_label). */
  actor: { id: string; login?: string; display_name?: string; label?: string } | null;
  /** Who acted, as a sentence: "admin (Administrateur)", "cqpm admin (ligne de commande)". */
  actor_label?: string;
  action: string;
  target: { kind: string; id: string; label: string };
  centre_id: string | null;
  details: Record<string, unknown>;
  hash: string;
}

/** One thing wrong with an imported file. */
export interface ImportError {
  /** The file's line (1 for the header). */
  line: number;
  /** The column at fault as the file's header names it; "" when the whole line is at fault. */
  column: string;
  /** French, without the line or column: « la date de naissance « 31/02/1990 » n'existe pas ». */
  message: string;
}

/** A valid line of an imported file: the candidate file it opens (file_id once confirmed). */
export interface ImportRow {
  line: number;
  family_name: string;
  given_name: string;
  /** YYYY-MM-DD. */
  birth_date: string;
  email: string;
  cqpm: string;
  cqpm_title: string;
  pathway: PathwayId | string;
  company: OrganisationRef | null;
  file_id: string | null;
}

/** A candidate import (POST /imports/candidates, GET /imports/{id}): previewed, then confirmed. */
export type ImportPreview = Schema<'ImportPreview'>;

/** An organisation's identity provider (GET/PUT /organisations/{id}/sso): never its secret. */
export type SsoProvider = Schema<'SsoProvider'>;
export type SsoProviderSettings = Schema<'SsoProviderSettings'>;
