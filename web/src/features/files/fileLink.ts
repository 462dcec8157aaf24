// The link a candidate receives when a second certification centre opens a
// file with the e-mail of their existing account: /rattachement/:token
// (valid 72 hours, single use). The server never merges on the e-mail alone:
// the candidate, signed in as themselves, accepts the link.

import { ApiError, request } from '../../shared/api/client';
import { reportError, type ErrorDescription } from '../../shared/errors/errors';
import type { User } from '../../shared/api/types';

export const FILE_LINK_PATH = '/rattachement';

export const fileLinkPath = (token: string) => `${FILE_LINK_PATH}/${encodeURIComponent(token)}`;
export const filePagePath = (fileId: string) => `/dossiers/${encodeURIComponent(fileId)}`;

/**
 * Calls of the page, which renders with or without a session: a 401 means
 * "show the signed-out view", not "go to the login page".
 */
export const fileLinkApi = {
  /** The signed-in user; 401 when signed out. */
  me(signal?: AbortSignal): Promise<User> {
    return request('GET', '/me', { signal, redirectOn401: false });
  },
  /** Attaches the file of the link to the signed-in account; answers its id. */
  accept(token: string): Promise<{ file_id: string }> {
    return request('POST', `/me/file-links/${encodeURIComponent(token)}`, { redirectOn401: false });
  },
};

export const FILE_LINK_TITLE = 'Rattacher un dossier à mon compte';
export const FILE_LINK_SIGNED_OUT_TEXT =
  'Un centre de certification a ouvert un dossier CQPM à votre nom. Connectez-vous pour le rattacher à votre compte.';
export const FILE_LINK_SIGNED_IN_TEXT =
  "Un centre de certification a ouvert un dossier CQPM à votre nom. S'il s'agit bien de vous, rattachez-le à votre compte : vous le suivrez avec vos autres dossiers.";
export const FILE_LINK_DONE_TEXT = 'Le dossier est rattaché à votre compte.';

/** What the page shows after a failed call. */
export type FileLinkFailure =
  /** 401: no session (or it expired): back to the signed-out view. */
  | { kind: 'signed_out' }
  | {
      kind: 'error';
      error: ErrorDescription;
      /** Trying again may work (network, server): the button stays. Not after a 404 or a 410. */
      retry: boolean;
      /** 404: the link is someone else's: offer to sign in with another account. */
      otherAccount: boolean;
    };

export function fileLinkFailure(err: unknown): FileLinkFailure {
  const status = err instanceof ApiError ? err.status : null;
  if (status === 401) return { kind: 'signed_out' };
  return {
    kind: 'error',
    error: reportError(err, { operation: 'file_link' }),
    retry: status !== 404 && status !== 410,
    otherAccount: status === 404,
  };
}

/** The route state that brings the login page back here once signed in (LoginPage reads `from`). */
export const returnHere = (token: string) => ({ from: fileLinkPath(token) });
