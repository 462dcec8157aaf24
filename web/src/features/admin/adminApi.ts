// Calls of the administration pages (organisations, accounts, the administration
// log, the candidate import) and of the password pages (same client, shared/api/client.ts:
// session cookie, CSRF header on writes, 401 → login). The one-time link calls
// need no session.

import { API_PREFIX, MAX_PAGE_SIZE, buildQuery, listAll, request } from '../../shared/api/client';
import type {
  Account,
  AccountFilters,
  AccountPatch,
  AdminLogEntry,
  CreatedAccount,
  ImportPreview,
  InvitationSent,
  LinkInfo,
  NewAccount,
  NewOrganisation,
  Organisation,
  OrganisationFilters,
  OrganisationPatch,
  Page,
  SsoProvider,
  SsoProviderSettings,
} from './adminTypes';

const id = (value: string) => encodeURIComponent(value);

export const organisationApi = {
  list(filters: OrganisationFilters, signal?: AbortSignal): Promise<Page<Organisation>> {
    return request('GET', `/organisations${buildQuery({ ...filters })}`, { signal });
  },
  /** Every organisation of the filters, for pickers. */
  listAll(filters: Omit<OrganisationFilters, 'cursor' | 'limit'>, signal?: AbortSignal): Promise<Organisation[]> {
    return listAll((cursor) => organisationApi.list({ ...filters, limit: MAX_PAGE_SIZE, cursor }, signal));
  },
  get(organisationId: string, signal?: AbortSignal): Promise<Organisation> {
    return request('GET', `/organisations/${id(organisationId)}`, { signal });
  },
  create(organisation: NewOrganisation): Promise<Organisation> {
    return request('POST', '/organisations', { body: organisation });
  },
  update(organisationId: string, patch: OrganisationPatch): Promise<Organisation> {
    return request('PATCH', `/organisations/${id(organisationId)}`, { body: patch });
  },
};

/** An organisation's identity provider (single sign-on), for the platform administrator. */
export const ssoProviderApi = {
  get(organisationId: string, signal?: AbortSignal): Promise<SsoProvider> {
    return request('GET', `/organisations/${id(organisationId)}/sso`, { signal });
  },
  set(organisationId: string, settings: SsoProviderSettings): Promise<SsoProvider> {
    return request('PUT', `/organisations/${id(organisationId)}/sso`, { body: settings });
  },
  remove(organisationId: string): Promise<void> {
    return request('DELETE', `/organisations/${id(organisationId)}/sso`);
  },
};

export const accountApi = {
  list(filters: AccountFilters, signal?: AbortSignal): Promise<Page<Account>> {
    return request('GET', `/users${buildQuery({ ...filters })}`, { signal });
  },
  get(userId: string, signal?: AbortSignal): Promise<Account> {
    return request('GET', `/users/${id(userId)}`, { signal });
  },
  create(account: NewAccount): Promise<CreatedAccount> {
    return request('POST', '/users', { body: account });
  },
  update(userId: string, patch: AccountPatch): Promise<Account> {
    return request('PATCH', `/users/${id(userId)}`, { body: patch });
  },
  resendInvitation(userId: string): Promise<InvitationSent> {
    return request('POST', `/users/${id(userId)}/invitation`);
  },
  deactivate(userId: string, reason: string): Promise<Account> {
    return request('POST', `/users/${id(userId)}/deactivation`, { body: { reason } });
  },
  reactivate(userId: string): Promise<Account> {
    return request('POST', `/users/${id(userId)}/reactivation`);
  },
};

export const adminLogApi = {
  list(filters: { action?: string; limit?: number; cursor?: string | null }, signal?: AbortSignal): Promise<Page<AdminLogEntry>> {
    return request('GET', `/admin/log${buildQuery({ ...filters })}`, { signal });
  },
};

/** The administration log as CSV: a plain link, the browser downloads it with the session cookie. */
export const ADMIN_LOG_CSV_URL = `${API_PREFIX}/admin/log.csv`;

/** Which one-time link: an invitation (first password) or a password reset. */
export type LinkPurpose = 'invitation' | 'reset';

const linkPath = (purpose: LinkPurpose, token: string) =>
  `/auth/${purpose === 'invitation' ? 'invitations' : 'password-resets'}/${id(token)}`;

/** Public calls: no session; a 401 is not a reason to go to the login page. */
export const passwordApi = {
  linkInfo(purpose: LinkPurpose, token: string, signal?: AbortSignal): Promise<LinkInfo> {
    return request('GET', linkPath(purpose, token), { signal, redirectOn401: false });
  },
  setPassword(purpose: LinkPurpose, token: string, password: string): Promise<{ login: string }> {
    return request('POST', linkPath(purpose, token), { body: { password }, redirectOn401: false });
  },
  requestReset(loginOrEmail: string): Promise<void> {
    return request('POST', '/auth/password-resets', { body: { login_or_email: loginOrEmail }, redirectOn401: false });
  },
  /** With the session: the signed-in user changes their own password. */
  change(currentPassword: string, newPassword: string): Promise<void> {
    return request('POST', '/me/password', { body: { current_password: currentPassword, new_password: newPassword } });
  },
};

/** The template of the candidate import: a plain link, downloaded with the session cookie. */
export const CANDIDATE_TEMPLATE_URL = `${API_PREFIX}/imports/candidates/template`;

/** The candidate import of a centre coordinator: a CSV file previewed (nothing created), then confirmed. */
export const importApi = {
  /** The file's bytes as read (UTF-8, with or without a BOM; ';' or ',' separated). */
  preview(filename: string, bytes: ArrayBuffer | Blob): Promise<ImportPreview> {
    return request('POST', `/imports/candidates${buildQuery({ filename })}`, {
      body: bytes,
      headers: { 'Content-Type': 'text/csv' },
    });
  },
  get(importId: string, signal?: AbortSignal): Promise<ImportPreview> {
    return request('GET', `/imports/${id(importId)}`, { signal });
  },
  /** Creates every file of the preview in one transaction, or none; again, the same answer. */
  confirm(importId: string): Promise<ImportPreview> {
    return request('POST', `/imports/${id(importId)}/confirmation`);
  },
};
