import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../api';
import { passwordApi, type LinkPurpose } from '../adminApi';
import { FORGOT_PASSWORD_PATH, LOGIN_PAGE_PATH } from '../administration';
import type { LinkInfo } from '../adminTypes';
import { PasswordFields } from '../components/PasswordFields';
import { reportError, type ErrorDescription } from '../errors';
import { formatDateTime } from '../format';
import { validatePasswordPair, type PasswordPairErrors } from '../passwordPolicy';
import { usePageTitle } from '../usePageTitle';

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
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<PasswordPairErrors>({});
  const [technical, setTechnical] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    passwordApi.linkInfo(purpose, token, controller.signal).then(
      (info) => setState({ status: 'ready', info }),
      (err: unknown) => {
        if (isAbort(err)) return;
        const gone = err instanceof ApiError && (err.status === 404 || err.status === 410);
        setState({ status: 'unusable', error: reportError(err, { operation: 'password_link' }), gone });
      },
    );
    return () => controller.abort();
  }, [purpose, token]);

  const login = state.status === 'ready' ? state.info.login : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.status !== 'ready') return;
    setFormError(null);
    setTechnical(undefined);
    const found = validatePasswordPair(password, confirmation, login);
    setErrors(found);
    if (found.password || found.confirmation) {
      document.getElementById(found.password ? 'new-password' : 'new-password-confirmation')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await passwordApi.setPassword(purpose, token, password);
      setState({ status: 'done', login: result?.login ?? state.info.login });
    } catch (err) {
      const described = reportError(err, { operation: 'password_link', values: { password } });
      if (err instanceof ApiError && (err.status === 410 || err.status === 404)) {
        setState({ status: 'unusable', error: described, gone: true });
      } else if (described.field === 'password') {
        setErrors({ password: described.text });
        setTechnical(described.technical ?? undefined);
        document.getElementById('new-password')?.focus();
      } else {
        setFormError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="contenu">
      <div className="login__card login__card--wide">
        <p className="login__brand">CQPM Hub</p>
        <h1>{title}</h1>
        {state.status === 'loading' && <p aria-live="polite">Vérification du lien…</p>}

        {state.status === 'unusable' && (
          <>
            <p role="alert" className="alert alert--error" data-testid="link-error" title={state.error.technical ?? undefined}>
              {state.error.text}
            </p>
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
              <div>
                <dt>Compte</dt>
                <dd>{state.info.display_name}</dd>
              </div>
              <div>
                <dt>Identifiant</dt>
                <dd data-testid="link-login">{state.info.login}</dd>
              </div>
            </dl>
            {state.info.expires_at && (
              <p className="muted field__note">Ce lien est valable jusqu'au {formatDateTime(state.info.expires_at)}.</p>
            )}
            {formError && (
              <p role="alert" className="alert alert--error" data-testid="set-password-error" title={formError.technical ?? undefined}>
                {formError.text}
              </p>
            )}
            {/* The login, for password managers. */}
            <input type="text" name="username" autoComplete="username" value={state.info.login} readOnly hidden />
            <PasswordFields
              login={state.info.login}
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              errors={errors}
              technical={technical}
              autoFocus
            />
            <button type="submit" className="button button--primary button--block" disabled={busy} data-testid="set-password-submit">
              {busy ? 'Enregistrement…' : 'Enregistrer mon mot de passe'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
