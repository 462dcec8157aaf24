import { useState, type FormEvent } from 'react';
import { passwordApi } from '../adminApi';
import { FieldError } from '../components/FieldError';
import { PasswordFields } from '../components/PasswordFields';
import { frenchErrorMessage, reportError, type ErrorDescription } from '../errors';
import { validatePasswordPair, type PasswordPairErrors } from '../passwordPolicy';
import { useSession } from '../session';
import { usePageTitle } from '../usePageTitle';

/** "Changer mon mot de passe": the current password, then the new one twice. */
export function ChangePasswordPage() {
  usePageTitle('Changer mon mot de passe');
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [currentError, setCurrentError] = useState<{ text: string; technical?: string } | null>(null);
  const [errors, setErrors] = useState<PasswordPairErrors>({});
  const [technical, setTechnical] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const login = user?.login ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setTechnical(undefined);
    setDone(false);
    const found = validatePasswordPair(password, confirmation, login);
    const missingCurrent = current ? null : { text: frenchErrorMessage('invalid_field', 'current_password') };
    setErrors(found);
    setCurrentError(missingCurrent);
    if (missingCurrent || found.password || found.confirmation) {
      const target = missingCurrent ? 'current-password' : found.password ? 'new-password' : 'new-password-confirmation';
      document.getElementById(target)?.focus();
      return;
    }
    setBusy(true);
    try {
      await passwordApi.change(current, password);
      setDone(true);
      setCurrent('');
      setPassword('');
      setConfirmation('');
    } catch (err) {
      const described = reportError(err, {
        operation: 'password_change',
        values: { current_password: current, new_password: password },
      });
      if (described.field === 'current_password') {
        setCurrentError({ text: described.text, technical: described.technical ?? undefined });
        setCurrent('');
        document.getElementById('current-password')?.focus();
      } else if (described.field === 'new_password' || described.field === 'password') {
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
    <>
      <div className="page-title">
        <div>
          <h1>Changer mon mot de passe</h1>
          {user && (
            <p className="subtitle">
              Compte {user.display_name} (identifiant {user.login}).
            </p>
          )}
        </div>
      </div>
      <form className="panel password-form" onSubmit={submit} noValidate data-testid="change-password-form">
        {done && (
          <p role="status" className="alert alert--success" data-testid="password-changed">
            Votre mot de passe a été changé.
          </p>
        )}
        {formError && (
          <p role="alert" className="alert alert--error" data-testid="change-password-error" title={formError.technical ?? undefined}>
            {formError.text}
          </p>
        )}
        <input type="text" name="username" autoComplete="username" value={login ?? ''} readOnly hidden />
        <div className="field">
          <label htmlFor="current-password">Mot de passe actuel</label>
          <input
            id="current-password"
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            aria-invalid={currentError ? true : undefined}
            aria-describedby={currentError ? 'current-password-error' : undefined}
            required
            data-testid="current-password"
          />
          <FieldError
            id="current-password-error"
            message={currentError?.text}
            technical={currentError?.technical}
            testId="error-current-password"
          />
        </div>
        <PasswordFields
          login={login}
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          errors={errors}
          technical={technical}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="change-password-submit">
            {busy ? 'Enregistrement…' : 'Changer mon mot de passe'}
          </button>
        </div>
      </form>
    </>
  );
}
