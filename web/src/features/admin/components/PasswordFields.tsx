import type { ReactNode } from 'react';
import { PASSWORD_POLICY_SUMMARY } from '../../../shared/errors/errors';
import { passwordChecks, type PasswordPairErrors } from '../passwordPolicy';
import { CONFIRMATION_ID, PASSWORD_ID } from '../useNewPassword';
import { FormField, type FieldState } from '../../../shared/ui/FormParts';

/**
 * A new password typed twice, with the rules stated before typing and checked
 * as the person types (invitation, password reset, change of password).
 */
export function PasswordFields({
  login,
  password,
  confirmation,
  onPassword,
  onConfirmation,
  errors,
  technical,
  autoFocus = false,
}: {
  /** The account's login: the password must differ from it. */
  login: string | null | undefined;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  errors: PasswordPairErrors;
  /** The server's English message for the password's error, for support. */
  technical?: string;
  autoFocus?: boolean;
}) {
  const checks = passwordChecks(password, login);
  return (
    <>
      <p id="new-password-policy" className="field__note password-policy" data-testid="password-policy">
        Règles : {PASSWORD_POLICY_SUMMARY}.
      </p>
      <PasswordField
        id={PASSWORD_ID}
        label="Nouveau mot de passe"
        autoComplete="new-password"
        value={password}
        onChange={onPassword}
        autoFocus={autoFocus}
        testId="new-password"
        error={errors.password}
        technical={technical}
        errorTestId="error-new-password"
        describedBy={['new-password-policy', 'new-password-checks']}
        after={
          <ul id="new-password-checks" className="password-checks" aria-live="polite">
            {checks.map((c) => (
              <li
                key={c.id}
                className={`password-checks__item${c.ok === null ? '' : c.ok ? ' password-checks__item--ok' : ' password-checks__item--ko'}`}
                data-testid={`password-check-${c.id}`}
                data-ok={c.ok === null ? undefined : String(c.ok)}
              >
                <span aria-hidden="true">{c.ok === null ? '•' : c.ok ? '✓' : '✗'}</span> {c.label}
                {c.ok !== null && <span className="visually-hidden">{c.ok ? ' : respecté' : ' : non respecté'}</span>}
              </li>
            ))}
          </ul>
        }
      />
      <PasswordField
        id={CONFIRMATION_ID}
        label="Confirmation du mot de passe"
        autoComplete="new-password"
        value={confirmation}
        onChange={onConfirmation}
        testId="new-password-confirmation"
        error={errors.confirmation}
        errorTestId="error-new-password-confirmation"
      />
    </>
  );
}

/** A password's field (login, current, new, confirmation): the input's name is its id. */
export function PasswordField({
  label,
  autoComplete,
  value,
  onChange,
  autoFocus,
  testId,
  describedBy,
  after,
  ...field
}: FieldState & {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  testId?: string;
  describedBy?: readonly string[];
  after?: ReactNode;
}) {
  return (
    <FormField label={label} describedBy={describedBy} after={after} {...field}>
      <input
        name={field.id}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
        autoFocus={autoFocus}
        data-testid={testId}
      />
    </FormField>
  );
}
