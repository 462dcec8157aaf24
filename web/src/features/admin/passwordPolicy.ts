// The password rules, previewed in the page before sending. The server is the
// judge (422 password_policy with details.rule); the page says the same
// sentences (errors.ts) so nobody reads two versions of one rule.

import { PASSWORD_MISMATCH_MESSAGE, passwordPolicyMessage } from '../../shared/errors/errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export type PasswordRule = 'too_short' | 'too_long' | 'same_as_login' | 'common';

/** A few of the passwords everyone tries first (12 characters or more: shorter ones are too short anyway). */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '098765432109',
  'azerty123456',
  'azertyuiop12',
  'azertyuiop123',
  'azertyuiopqs',
  'azertyazerty',
  'qwerty123456',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyqwerty',
  '1q2w3e4r5t6y',
  'password1234',
  'password12345',
  'passwordpassword',
  'motdepasse12',
  'motdepasse123',
  'motdepasse1234',
  'motdepassemotdepasse',
  'administrateur',
  'administrator',
  'bonjour12345',
  'bonjour123456',
  'soleil123456',
  'jetaime123456',
  'iloveyou1234',
  'changeme1234',
  'welcome12345',
  'football1234',
  'marseille1234',
  'abcdefghijkl',
  'abc123abc123',
]);

/** Characters as a person counts them (an accented letter or an emoji is one). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** A password everyone tries: one of a short list, a single repeated character, or a run of digits in order. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  const chars = [...lower];
  if (chars.length > 0 && chars.every((c) => c === chars[0])) return true;
  if (/^\d+$/.test(lower)) {
    const ascending = chars.every((c, i) => i === 0 || Number(c) === (Number(chars[i - 1]) + 1) % 10);
    const descending = chars.every((c, i) => i === 0 || Number(c) === (Number(chars[i - 1]) + 9) % 10);
    if (ascending || descending) return true;
  }
  return false;
}

/** The first rule the password breaks, in the server's order, or null when it follows them all. */
export function brokenPasswordRule(password: string, login: string | null | undefined): PasswordRule | null {
  const length = passwordLength(password);
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (login && password.trim().toLowerCase() === login.trim().toLowerCase()) return 'same_as_login';
  if (isCommonPassword(password)) return 'common';
  return null;
}

export interface PasswordCheck {
  id: 'length' | 'login' | 'common';
  label: string;
  /** null while nothing is typed. */
  ok: boolean | null;
}

/** The checklist shown under the new password, as the person types. */
export function passwordChecks(password: string, login: string | null | undefined): PasswordCheck[] {
  const typed = password.length > 0;
  const length = passwordLength(password);
  const sameAsLogin = !!login && password.trim().toLowerCase() === login.trim().toLowerCase();
  return [
    {
      id: 'length',
      label: `Au moins ${PASSWORD_MIN_LENGTH} caractères`,
      ok: typed ? length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH : null,
    },
    { id: 'login', label: 'Différent de votre identifiant', ok: typed ? !sameAsLogin : null },
    { id: 'common', label: 'Pas un mot de passe courant', ok: typed ? !isCommonPassword(password) : null },
  ];
}

export interface PasswordPairErrors {
  password?: string;
  confirmation?: string;
}

/** Checks the new password and its confirmation before sending; the sentences are the server's. */
export function validatePasswordPair(
  password: string,
  confirmation: string,
  login: string | null | undefined,
): PasswordPairErrors {
  const errors: PasswordPairErrors = {};
  if (!password) {
    errors.password = 'Saisissez le nouveau mot de passe.';
  } else {
    const rule = brokenPasswordRule(password, login);
    if (rule) errors.password = passwordPolicyMessage({ rule });
  }
  if (!confirmation) {
    if (password) errors.confirmation = 'Saisissez de nouveau le mot de passe pour le confirmer.';
  } else if (confirmation !== password) {
    errors.confirmation = PASSWORD_MISMATCH_MESSAGE;
  }
  return errors;
}
