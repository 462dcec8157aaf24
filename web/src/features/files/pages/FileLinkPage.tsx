import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { sessionApi } from '../../../app/sessionApi';
import { leaveForProviderLogout } from '../../../app/providerLogout';
import { LOGIN_PAGE_PATH } from '../../admin/administration';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PublicCard } from '../../../shared/ui/PublicCard';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import {
  FILE_LINK_DONE_TEXT,
  FILE_LINK_SIGNED_IN_TEXT,
  FILE_LINK_SIGNED_OUT_TEXT,
  FILE_LINK_TITLE,
  fileLinkApi,
  fileLinkFailure,
  filePagePath,
  returnHere,
  type FileLinkFailure,
} from '../fileLink';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

type Failure = Extract<FileLinkFailure, { kind: 'error' }>;

/**
 * /rattachement/:token, with or without a session: a second centre opened a
 * file with the e-mail of the candidate's account, and the candidate, signed
 * in as themselves, attaches it to their account. Signed out, the page
 * explains and leads to the login page, which comes back here.
 */
export function FileLinkPage() {
  usePageTitle(FILE_LINK_TITLE);
  const { token = '' } = useParams();
  const { user, setUser } = useSession();
  const [sessionError, setSessionError] = useState<ErrorDescription | null>(null);
  const [checks, setChecks] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Opened from the e-mail, the session is not known yet: ask, without the 401 → login redirect.
  useEffect(() => {
    if (user !== undefined) return;
    const controller = new AbortController();
    fileLinkApi.me(controller.signal).then(setUser, (err: unknown) => {
      if (isAbort(err)) return;
      if (err instanceof ApiError && err.status === 401) setUser(null);
      else setSessionError(reportError(err, { operation: 'session' }));
    });
    return () => controller.abort();
  }, [user, setUser, checks]);

  /** Asks again: the last failure goes until the new answer. */
  function retry() {
    setSessionError(null);
    setChecks((n) => n + 1);
  }

  function signedOut() {
    setFailure(null);
    setUser(null);
  }

  async function accept() {
    setBusy(true);
    setFailure(null);
    try {
      const result = await fileLinkApi.accept(token);
      setFileId(result.file_id);
    } catch (err) {
      const failed = fileLinkFailure(err);
      if (failed.kind === 'signed_out') signedOut();
      else setFailure(failed);
    } finally {
      setBusy(false);
    }
  }

  async function switchAccount() {
    setBusy(true);
    let providerLogout: string | null = null;
    try {
      providerLogout = await sessionApi.logout();
    } catch (err) {
      reportError(err, { operation: 'session' }); // signed out on this page either way
    }
    // Signed in through the identity provider: it ends its own session too, then sends the browser to /connexion.
    if (leaveForProviderLogout(providerLogout)) return;
    setBusy(false);
    signedOut();
  }

  return (
    <PublicCard title={FILE_LINK_TITLE} wide>
      {user === undefined &&
        (sessionError ? (
          <ErrorAlert error={sessionError} testId="file-link-session-error">
            {' '}
            <button type="button" className="button button--link" onClick={retry}>
              Réessayer
            </button>
          </ErrorAlert>
        ) : (
          <p aria-live="polite">Chargement…</p>
        ))}

      {user === null && (
        <>
          <p data-testid="file-link-explanation">{FILE_LINK_SIGNED_OUT_TEXT}</p>
          <Link
            to={LOGIN_PAGE_PATH}
            state={returnHere(token)}
            className="button button--primary button--block"
            data-testid="file-link-login"
          >
            Se connecter
          </Link>
        </>
      )}

      {user && fileId !== null && (
        <>
          <p role="status" className="alert alert--success" data-testid="file-link-done">
            {FILE_LINK_DONE_TEXT}
          </p>
          <Link to={filePagePath(fileId)} className="button button--primary button--block" data-testid="file-link-open">
            Voir le dossier
          </Link>
        </>
      )}

      {user && fileId === null && (
        <>
          <p data-testid="file-link-explanation">{FILE_LINK_SIGNED_IN_TEXT}</p>
          <p className="muted">
            Vous êtes connecté avec le compte <strong>{user.display_name}</strong> ({user.login}).
          </p>
          <ErrorAlert error={failure?.error} testId="file-link-error" />
          {(!failure || failure.retry) && (
            <button
              type="button"
              className="button button--primary button--block"
              onClick={() => void accept()}
              disabled={busy}
              data-testid="file-link-accept"
            >
              {busy ? 'Rattachement…' : 'Rattacher ce dossier à mon compte'}
            </button>
          )}
          {failure?.otherAccount && (
            <button
              type="button"
              className="button button--block"
              onClick={() => void switchAccount()}
              disabled={busy}
              data-testid="file-link-switch-account"
            >
              Se connecter avec un autre compte
            </button>
          )}
          <p className="login__links">
            <Link to="/">Aller au tableau de bord</Link>
          </p>
        </>
      )}
    </PublicCard>
  );
}
