import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { passwordApi } from '../adminApi';
import { LOGIN_PAGE_PATH, RESET_REQUESTED_MESSAGE } from '../administration';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormField } from '../../../shared/ui/FormParts';
import { USERNAME_INPUT } from '../../../shared/ui/usernameInput';
import { PublicCard } from '../../../shared/ui/PublicCard';
import { frenchErrorMessage, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/**
 * "Mot de passe oublié" (public): one field, and always the same answer, so
 * the page never tells whether an account exists.
 */
export function ForgotPasswordPage() {
  usePageTitle('Mot de passe oublié');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const loginOrEmail = value.trim();
    if (!loginOrEmail) {
      setFieldError(frenchErrorMessage('invalid_field', 'login_or_email'));
      document.getElementById('login-or-email')?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await passwordApi.requestReset(loginOrEmail);
      setSent(true);
    } catch (err) {
      const described = reportError(err, { operation: 'password_reset_request', values: { login_or_email: loginOrEmail } });
      if (described.field === 'login_or_email') setFieldError(described.text);
      else setError(described);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicCard title="Mot de passe oublié">
      {sent ? (
        <p role="status" className="alert alert--success" data-testid="reset-requested">
          {RESET_REQUESTED_MESSAGE}
        </p>
      ) : (
        <form onSubmit={submit} noValidate data-testid="forgot-password-form">
          <p className="muted">
            Indiquez votre identifiant ou votre adresse e-mail : vous recevrez un lien pour choisir un nouveau mot de passe.
          </p>
          <ErrorAlert error={error} testId="forgot-password-error" />
          <FormField id="login-or-email" label="Identifiant ou adresse e-mail" error={fieldError} errorTestId="error-login-or-email">
            <input
              name="username"
              {...USERNAME_INPUT}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              autoFocus
              data-testid="login-or-email"
            />
          </FormField>
          <button type="submit" className="button button--primary button--block" disabled={busy} data-testid="forgot-password-submit">
            {busy ? 'Envoi…' : 'Recevoir un lien'}
          </button>
        </form>
      )}
      <p className="login__links">
        <Link to={LOGIN_PAGE_PATH}>Retour à la connexion</Link>
      </p>
    </PublicCard>
  );
}
