import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../../../shared/api/client';
import { passwordApi, type LinkPurpose } from '../adminApi';
import { FORGOT_PASSWORD_PATH, LOGIN_PAGE_PATH } from '../administration';
import type { LinkInfo } from '../adminTypes';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { Fact } from '../../../shared/ui/Fact';
import { PasswordFields } from '../components/PasswordFields';
import { useNewPassword } from '../useNewPassword';
import { PublicCard } from '../../../shared/ui/PublicCard';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { useOnChange } from '../../../shared/hooks/useOnChange';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

type LinkState =
  | { status: 'loading' }
  | { status: 'ready'; info: LinkInfo }
  /** The link does not work (404, 410) or could not be read. */
  | { status: 'unusable'; error: ErrorDescription; gone: boolean }
  | { status: 'done'; login: string };

const TITLES: Record<LinkPurpose, string> = {
  invitation: 'Choisir mon mot de passe',
  reset: 'Choisir un nouveau mot de passe',
};

const isGone = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.status === 410);

/**
 * The page a one-time link leads to (public, no session): the invitation to
 * choose one's first password (/invitation/:token) or a password reset
 * (/mot-de-passe/:token). It names the account, states the rules, takes the
 * new password twice, then leads to the login page.
 */
export function SetPasswordPage({ purpose }: { purpose: LinkPurpose }) {
  const title = TITLES[purpose];
  usePageTitle(title);
  const { token = '' } = useParams();
  const [state, setState] = useState<LinkState>({ status: 'loading' });
  const pair = useNewPassword(state.status === 'ready' ? state.info.login : null);
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  // Another link: its own state, once it is read.
  useOnChange(`${purpose}/${token}`, () => setState({ status: 'loading' }));
  useEffect(() => {
    const controller = new AbortController();
    passwordApi.linkInfo(purpose, token, controller.signal).then(
      (info) => setState({ status: 'ready', info }),
      (err: unknown) => {
        if (isAbort(err)) return;
        setState({ status: 'unusable', error: reportError(err, { operation: 'password_link' }), gone: isGone(err) });
      },
    );
    return () => controller.abort();
  }, [purpose, token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.status !== 'ready') return;
    setFormError(null);
    const wrong = pair.check();
    if (wrong) {
      document.getElementById(wrong)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await passwordApi.setPassword(purpose, token, pair.password);
      setState({ status: 'done', login: result?.login ?? state.info.login });
    } catch (err) {
      const described = reportError(err, { operation: 'password_link', values: { password: pair.password } });
      if (isGone(err)) setState({ status: 'unusable', error: described, gone: true });
      else if (described.field === 'password') pair.refuse(described);
      else setFormError(described);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicCard title={title} wide>
      {state.status === 'loading' && <p aria-live="polite">Vérification du lien…</p>}

      {state.status === 'unusable' && (
        <>
          <ErrorAlert error={state.error} testId="link-error" />
          <p className="login__links">
            {state.gone && (
              <>
                <Link to={FORGOT_PASSWORD_PATH}>Demander un nouveau lien</Link>
                {' · '}
              </>
            )}
            <Link to={LOGIN_PAGE_PATH}>Se connecter</Link>
          </p>
        </>
      )}

      {state.status === 'done' && (
        <>
          <p role="status" className="alert alert--success" data-testid="password-set">
            Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter avec l'identifiant{' '}
            <strong>{state.login}</strong>.
          </p>
          <Link to={LOGIN_PAGE_PATH} state={{ login: state.login }} className="button button--primary button--block" data-testid="go-login">
            Se connecter
          </Link>
        </>
      )}

      {state.status === 'ready' && (
        <form onSubmit={submit} noValidate data-testid="set-password-form">
          <dl className="facts facts--compact" data-testid="link-account">
            <Fact label="Compte">{state.info.display_name}</Fact>
            <Fact label="Identifiant" testId="link-login">
              {state.info.login}
            </Fact>
          </dl>
          {state.info.expires_at && (
            <p className="muted field__note">Ce lien est valable jusqu'au {formatDateTime(state.info.expires_at)}.</p>
          )}
          <ErrorAlert error={formError} testId="set-password-error" />
          {/* The login, for password managers. */}
          <input type="text" name="username" autoComplete="username" value={state.info.login} readOnly hidden />
          <PasswordFields {...pair.fields} autoFocus />
          <button type="submit" className="button button--primary button--block" disabled={busy} data-testid="set-password-submit">
            {busy ? 'Enregistrement…' : 'Enregistrer mon mot de passe'}
          </button>
        </form>
      )}
    </PublicCard>
  );
}
