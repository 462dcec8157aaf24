import { useState, type FormEvent } from 'react';
import { passwordApi } from '../adminApi';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormActions } from '../../../shared/ui/FormParts';
import { PasswordField, PasswordFields } from '../components/PasswordFields';
import { useNewPassword } from '../useNewPassword';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { frenchErrorMessage, reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';

/** "Changer mon mot de passe": the current password, then the new one twice. */
export function ChangePasswordPage() {
  usePageTitle('Changer mon mot de passe');
  const { user } = useSession();
  const login = user?.login ?? null;
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<{ text: string; technical?: string } | null>(null);
  const pair = useNewPassword(login);
  const [formError, setFormError] = useState<ErrorDescription | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setDone(false);
    const wrongPair = pair.check();
    const missingCurrent = current ? null : { text: frenchErrorMessage('invalid_field', 'current_password') };
    setCurrentError(missingCurrent);
    if (missingCurrent || wrongPair) {
      document.getElementById(missingCurrent ? 'current-password' : wrongPair!)?.focus();
      return;
    }
    setBusy(true);
    try {
      await passwordApi.change(current, pair.password);
      setDone(true);
      setCurrent('');
      pair.clear();
    } catch (err) {
      const described = reportError(err, {
        operation: 'password_change',
        values: { current_password: current, new_password: pair.password },
      });
      if (described.field === 'current_password') {
        setCurrentError({ text: described.text, technical: described.technical ?? undefined });
        setCurrent('');
        document.getElementById('current-password')?.focus();
      } else if (described.field === 'new_password' || described.field === 'password') {
        pair.refuse(described);
      } else {
        setFormError(described);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle
        title="Changer mon mot de passe"
        subtitle={user && `Compte ${user.display_name} (identifiant ${user.login}).`}
      />
      <form className="panel password-form" onSubmit={submit} noValidate data-testid="change-password-form">
        {done && (
          <p role="status" className="alert alert--success" data-testid="password-changed">
            Votre mot de passe a été changé.
          </p>
        )}
        <ErrorAlert error={formError} testId="change-password-error" />
        <input type="text" name="username" autoComplete="username" value={login ?? ''} readOnly hidden />
        <PasswordField
          id="current-password"
          label="Mot de passe actuel"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          testId="current-password"
          error={currentError?.text}
          technical={currentError?.technical}
          errorTestId="error-current-password"
        />
        <PasswordFields {...pair.fields} />
        <FormActions busy={busy} label="Changer mon mot de passe" testId="change-password-submit" />
      </form>
    </>
  );
}
