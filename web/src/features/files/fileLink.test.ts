import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setUnauthorizedHandler } from '../../shared/api/client';
import { FILE_LINK_NOT_FOUND_MESSAGE, FILE_LINK_USED_MESSAGE, frenchErrorMessage, goneMessage } from '../../shared/errors/errors';
import { fileLinkApi, fileLinkFailure, fileLinkPath, filePagePath, returnHere } from './fileLink';
import { headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';

const gone = (reason: string) => new ApiError(410, 'gone', 'gone', 'token', { reason });

describe('file link: error → what the page shows', () => {
  // reportError() writes the English detail to the console.
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('goes back to the signed-out view on 401', () => {
    expect(fileLinkFailure(new ApiError(401, 'unauthenticated', 'no session'))).toEqual({ kind: 'signed_out' });
  });

  it("says the link is not this account's on 404, and offers another account", () => {
    const failure = fileLinkFailure(new ApiError(404, 'not_found', 'this link is not valid', 'token'));
    expect(failure).toMatchObject({ kind: 'error', retry: false, otherAccount: true });
    expect(failure.kind === 'error' && failure.error.text).toBe(
      "Ce lien n'est pas valable pour ce compte. Vérifiez que vous êtes connecté avec le compte qui a reçu l'e-mail.",
    );
  });

  it.each([
    ['expired', 'Ce lien a expiré : demandez-en un nouveau.'],
    ['revoked', 'Un lien plus récent a été envoyé : utilisez celui du dernier e-mail reçu.'],
    ['used', FILE_LINK_USED_MESSAGE],
    ['unknown reason', "Ce lien n'est plus valable : demandez-en un nouveau."],
  ])('says why a gone link no longer works (%s), and hides the button', (reason, text) => {
    const failure = fileLinkFailure(gone(reason));
    expect(failure).toMatchObject({ kind: 'error', retry: false, otherAccount: false });
    expect(failure.kind === 'error' && failure.error.text).toBe(text);
  });

  it('reuses the sentences of the password links for expired and revoked ones', () => {
    for (const reason of ['expired', 'revoked']) {
      expect(frenchErrorMessage('gone', 'token', { reason }, { operation: 'file_link' })).toBe(goneMessage({ reason }));
    }
    // …but not "votre mot de passe est choisi" for a used one.
    expect(frenchErrorMessage('gone', 'token', { reason: 'used' }, { operation: 'file_link' })).not.toContain('mot de passe');
    expect(frenchErrorMessage('gone', 'token', { reason: 'used' }, { operation: 'password_link' })).toBe(goneMessage({ reason: 'used' }));
    expect(frenchErrorMessage('not_found', 'token', null, { operation: 'file_link' })).toBe(FILE_LINK_NOT_FOUND_MESSAGE);
  });

  it('lets the candidate try again after a network or server error', () => {
    expect(fileLinkFailure(new ApiError(0, 'network_error', 'offline'))).toMatchObject({ kind: 'error', retry: true, otherAccount: false });
    const failure = fileLinkFailure(new ApiError(500, 'internal_error', 'boom'));
    expect(failure).toMatchObject({ kind: 'error', retry: true });
    expect(failure.kind === 'error' && failure.error.text).toBe('Une erreur interne est survenue. Réessayez plus tard.');
  });
});

describe('file link: paths', () => {
  it('encodes the token and the file id, and brings the login page back to the link', () => {
    expect(fileLinkPath('a/b c')).toBe('/rattachement/a%2Fb%20c');
    expect(filePagePath('f 1')).toBe('/dossiers/f%201');
    expect(returnHere('tok')).toEqual({ from: '/rattachement/tok' });
  });
});

describe('file link: calls', () => {
  const calls = recordCalls();

  it('POSTs the token without a body, with the CSRF header, and answers the file id', async () => {
    mockFetch({ status: 200, body: { file_id: 'f1' } }, calls);
    await expect(fileLinkApi.accept('t/1')).resolves.toEqual({ file_id: 'f1' });
    expect(calls[0]!.url).toBe('/api/v1/me/file-links/t%2F1');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBeUndefined();
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
  });

  it('does not send the visitor to the login page on 401 (the page shows its signed-out view)', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    mockFetch({ status: 401, body: { error: { code: 'unauthenticated', message: 'no session' } } }, calls);
    await expect(fileLinkApi.me()).rejects.toMatchObject({ status: 401 });
    await expect(fileLinkApi.accept('t')).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('reads the reason of a gone link from the error body', async () => {
    mockFetch({ status: 410, body: { error: { code: 'gone', message: 'used', field: 'token', details: { reason: 'used' } } } }, calls);
    const err = await fileLinkApi.accept('t').catch((e: unknown) => e);
    const failure = fileLinkFailure(err);
    expect(failure.kind === 'error' && failure.error.text).toBe(FILE_LINK_USED_MESSAGE);
  });
});
