import { useState } from 'react';
import type { ErrorDescription } from '../../shared/errors/errors';
import { validatePasswordPair, type PasswordPairErrors } from './passwordPolicy';

export const PASSWORD_ID = 'new-password';
export const CONFIRMATION_ID = 'new-password-confirmation';

/**
 * A new password typed twice (invitation, password reset, change of
 * password): its value, its errors and the props of PasswordFields (components/PasswordFields.tsx).
 */
export function useNewPassword(login: string | null | undefined) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<PasswordPairErrors>({});
  const [technical, setTechnical] = useState<string | undefined>(undefined);
  return {
    password,
    /** Checks the pair before sending: null when right, else the id of the first field at fault (not focused). */
    check(): string | null {
      setTechnical(undefined);
      const found = validatePasswordPair(password, confirmation, login);
      setErrors(found);
      return found.password ? PASSWORD_ID : found.confirmation ? CONFIRMATION_ID : null;
    },
    /** The server refused the new password: its sentence under the field, which gets the focus. */
    refuse(described: ErrorDescription) {
      setErrors({ password: described.text });
      setTechnical(described.technical ?? undefined);
      document.getElementById(PASSWORD_ID)?.focus();
    },
    clear() {
      setPassword('');
      setConfirmation('');
    },
    fields: { login, password, confirmation, onPassword: setPassword, onConfirmation: setConfirmation, errors, technical },
  };
}
