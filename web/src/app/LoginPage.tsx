import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { sessionApi } from './sessionApi';
import { FORGOT_PASSWORD_PATH } from '../features/admin/administration';
import { ErrorAlert } from '../shared/ui/ErrorAlert';
import { FormField } from '../shared/ui/FormParts';
import { USERNAME_INPUT } from '../shared/ui/usernameInput';
import { PasswordField } from '../features/admin/components/PasswordFields';
import { PublicCard } from '../shared/ui/PublicCard';
import { reportError, type ErrorDescription } from '../shared/errors/errors';
import { useSession } from './session';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import type { SsoChoice } from '../shared/api/types';
import { ssoRefusal, ssoStartUrl } from './singleSignOn';

/** Only same-site paths are followed after login. */
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/connexion'
    ? from
    : '/';
}

export function LoginPage() {
  usePageTitle('Connexion');
  const navigate = useNavigate();
  const location = useLocation();
  const { setUser } = useSession();
  // The login just chosen on an invitation or reset page comes along: then the password has the focus.
  const [givenLogin] = useState(() => {
    const given = (location.state as { login?: unknown } | null)?.login;
    return typeof given === 'string' ? given : '';
  });
  const [login, setLogin] = useState(givenLogin);
  const [password, setPassword] = useState('');
  // Back from the organisation's identity provider with a refusal: said at once.
  const [error, setError] = useState<ErrorDescription | null>(() => {
    const refusal = ssoRefusal(location.search);
    return refusal ? { text: refusal, field: null, technical: null } : null;
  });
  const [busy, setBusy] = useState(false);
  const [organisations, setOrganisations] = useState<SsoChoice[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    // Without the choices the password form still works: a failure here hides the buttons only.
    sessionApi.ssoChoices(abort.signal).then(setOrganisations, () => undefined);
    return () => abort.abort();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!login.trim() || !password) {
      setError({ text: 'Saisissez votre identifiant et votre mot de passe.', field: null, technical: null });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await sessionApi.login(login.trim(), password);
      setUser(response.user);
      const from = (location.state as { from?: unknown } | null)?.from;
      navigate(safeTarget(from), { replace: true });
    } catch (err) {
      setError(reportError(err, { operation: 'login', values: { login: login.trim(), password } }));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicCard title="Connexion">
      <p className="muted">Certificats de Qualification Paritaire de la Métallurgie</p>
      <form onSubmit={submit} noValidate data-testid="login-form" aria-describedby={error ? 'login-error' : undefined}>
        <ErrorAlert error={error} id="login-error" testId="login-error" />
        <FormField id="login" label="Identifiant">
          <input
            name="login"
            {...USERNAME_INPUT}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            required
            autoFocus={!givenLogin}
          />
        </FormField>
        <PasswordField
          id="password"
          label="Mot de passe"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          autoFocus={!!givenLogin}
        />
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Connexion…' : 'Se connecter'}
        </button>
      </form>
      {organisations.length > 0 && (
        <section className="login__sso" aria-labelledby="login-sso-title" data-testid="login-sso">
          <h2 id="login-sso-title" className="login__sso-title">
            Ou avec le compte de votre organisation
          </h2>
          {organisations.map((organisation) => (
            <a
              key={organisation.organisation_id}
              className="button button--block"
              href={ssoStartUrl(organisation.organisation_id)}
            >
              Se connecter avec {organisation.organisation_name}
            </a>
          ))}
        </section>
      )}
      <p className="login__links">
        <Link to={FORGOT_PASSWORD_PATH} data-testid="forgot-password-link">
          Mot de passe oublié ?
        </Link>
      </p>
    </PublicCard>
  );
}
