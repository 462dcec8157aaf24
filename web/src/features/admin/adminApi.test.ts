import { describe, expect, it, vi } from 'vitest';
import { ApiError, setUnauthorizedHandler } from '../../shared/api/client';
import { fileApi } from '../files/fileApi';
import { ADMIN_LOG_CSV_URL, accountApi, adminLogApi, organisationApi, passwordApi } from './adminApi';
import { bodyOf, headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';

describe('administration client', () => {
  const calls = recordCalls();

  it('lists organisations with their filters, and follows the cursors for pickers', async () => {
    mockFetch([{ status: 200, body: { items: [{ id: 'c1' }], next_cursor: 'n1' } }, { status: 200, body: { items: [{ id: 'c2' }] } }], calls);
    const all = await organisationApi.listAll({ kind: 'centre', active: 'all' });
    expect(all).toEqual([{ id: 'c1' }, { id: 'c2' }]);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/organisations?kind=centre&active=all&limit=100',
      '/api/v1/organisations?kind=centre&active=all&limit=100&cursor=n1',
    ]);
  });

  it("reads every company for the new file form, page after page", async () => {
    mockFetch([{ status: 200, body: { items: [{ id: 'a', name: 'A' }], next_cursor: 'p2' } }, { status: 200, body: { items: [{ id: 'b', name: 'B' }], next_cursor: null } }], calls);
    expect((await fileApi.companies()).items.map((c) => c.id)).toEqual(['a', 'b']);
    expect(calls[1]!.url).toBe('/api/v1/organisations?kind=company&limit=100&cursor=p2');
  });

  it('creates and patches an organisation with the CSRF header', async () => {
    mockFetch([{ status: 201, body: { id: 'o1' } }], calls);
    await organisationApi.create({ kind: 'centre', name: 'Centre', region: 'Bretagne', departements: ['35'] });
    await organisationApi.update('o 1', { active: false });
    expect(calls[0]!.url).toBe('/api/v1/organisations');
    expect(calls[0]!.init.method).toBe('POST');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
    expect(bodyOf(calls[0]!)).toEqual({ kind: 'centre', name: 'Centre', region: 'Bretagne', departements: ['35'] });
    expect(calls[1]!.url).toBe('/api/v1/organisations/o%201');
    expect(calls[1]!.init.method).toBe('PATCH');
    expect(bodyOf(calls[1]!)).toEqual({ active: false });
  });

  it('calls the account endpoints', async () => {
    mockFetch([{ status: 200, body: {} }], calls);
    await accountApi.list({ organisation_id: 'o1', role: '', status: 'invited', q: 'dur', limit: 25, cursor: null });
    await accountApi.create({ login: 'l', display_name: 'D', email: 'e@x.fr', role: 'evaluator', organisation_id: 'o1' });
    await accountApi.update('u1', { role: 'jury_member', college: 'employer' });
    await accountApi.resendInvitation('u1');
    await accountApi.deactivate('u1', 'Départ');
    await accountApi.reactivate('u1');
    await adminLogApi.list({ action: 'user_created', limit: 50, cursor: 'c' });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/users?organisation_id=o1&status=invited&q=dur&limit=25',
      'POST /api/v1/users',
      'PATCH /api/v1/users/u1',
      'POST /api/v1/users/u1/invitation',
      'POST /api/v1/users/u1/deactivation',
      'POST /api/v1/users/u1/reactivation',
      'GET /api/v1/admin/log?action=user_created&limit=50&cursor=c',
    ]);
    expect(bodyOf(calls[4]!)).toEqual({ reason: 'Départ' });
    expect(ADMIN_LOG_CSV_URL).toBe('/api/v1/admin/log.csv');
  });

  it('calls the one-time link endpoints without going to the login page on 401', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockFetch([{ status: 401, body: { error: { code: 'unauthenticated', message: 'no' } } }], calls);
    await expect(passwordApi.linkInfo('invitation', 'tok/1')).rejects.toBeInstanceOf(ApiError);
    await expect(passwordApi.setPassword('reset', 'tok', 'secret')).rejects.toBeInstanceOf(ApiError);
    await expect(passwordApi.requestReset('c.durand')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/invitations/tok%2F1',
      'POST /api/v1/auth/password-resets/tok',
      'POST /api/v1/auth/password-resets',
    ]);
    expect(bodyOf(calls[1]!)).toEqual({ password: 'secret' });
    expect(bodyOf(calls[2]!)).toEqual({ login_or_email: 'c.durand' });
  });

  it('reads a 410 with its reason', async () => {
    mockFetch([{ status: 410, body: { error: { code: 'gone', message: 'expired', details: { reason: 'expired' } } } }], calls);
    const err = (await passwordApi.linkInfo('invitation', 't').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(410);
    expect(err.code).toBe('gone');
    expect(err.details).toEqual({ reason: 'expired' });
  });

  it('changes the password with the session', async () => {
    mockFetch([{ status: 204 }], calls);
    await expect(passwordApi.change('old', 'new-password-1')).resolves.toBeUndefined();
    expect(calls[0]!.url).toBe('/api/v1/me/password');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
    expect(bodyOf(calls[0]!)).toEqual({ current_password: 'old', new_password: 'new-password-1' });
  });
});
