import { PASSWORD_POLICY_SUMMARY } from '../errors';
import { passwordChecks, type PasswordPairErrors } from '../passwordPolicy';
import { FieldError } from './FieldError';

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
  const passwordDescribedBy = ['new-password-policy', 'new-password-checks', errors.password ? 'new-password-error' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <p id="new-password-policy" className="field__note password-policy" data-testid="password-policy">
        Règles : {PASSWORD_POLICY_SUMMARY}.
      </p>
      <div className="field">
        <label htmlFor="new-password">Nouveau mot de passe</label>
        <input
          id="new-password"
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={passwordDescribedBy}
          required
          autoFocus={autoFocus}
          data-testid="new-password"
        />
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
        <FieldError id="new-password-error" message={errors.password} technical={technical} testId="error-new-password" />
      </div>
      <div className="field">
        <label htmlFor="new-password-confirmation">Confirmation du mot de passe</label>
        <input
          id="new-password-confirmation"
          name="new-password-confirmation"
          type="password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => onConfirmation(e.target.value)}
          aria-invalid={errors.confirmation ? true : undefined}
          aria-describedby={errors.confirmation ? 'new-password-confirmation-error' : undefined}
          required
          data-testid="new-password-confirmation"
        />
        <FieldError
          id="new-password-confirmation-error"
          message={errors.confirmation}
          testId="error-new-password-confirmation"
        />
      </div>
    </>
  );
}
