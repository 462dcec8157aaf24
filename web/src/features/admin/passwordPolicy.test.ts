import { describe, expect, it } from 'vitest';
import {
  PASSWORD_MAX_LENGTH,
  brokenPasswordRule,
  isCommonPassword,
  passwordChecks,
  passwordLength,
  validatePasswordPair,
} from './passwordPolicy';

describe('password rules', () => {
  it.each([
    ['court', 'c.durand', 'too_short'],
    ['onze-signes', 'c.durand', 'too_short'],
    ['C.Durand', 'c.durand', 'too_short'],
    ['c.durand.lyon', 'C.DURAND.LYON', 'same_as_login'],
    ['azertyuiop123', 'c.durand', 'common'],
    ['MotDePasse123', 'c.durand', 'common'],
    ['123456789012', 'c.durand', 'common'],
    ['aaaaaaaaaaaaaa', 'c.durand', 'common'],
    ['987654321098', 'c.durand', 'common'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'c.durand', 'too_long'],
    ['Rhône-forge-2026', 'c.durand', null],
    ['douze signes', null, null],
  ])('%s (login %s): %s', (password, login, rule) => {
    expect(brokenPasswordRule(password, login)).toBe(rule);
  });

  it('counts characters as a person does', () => {
    expect(passwordLength('éèàçùâêîôûëï')).toBe(12);
    expect(brokenPasswordRule('éèàçùâêîôûëï', 'x')).toBeNull();
    expect(passwordLength('🔒🔒')).toBe(2);
  });

  it('knows a few common passwords, whatever their case', () => {
    expect(isCommonPassword('AZERTYUIOP123')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('Rhône-forge-2026')).toBe(false);
    expect(isCommonPassword('120398475610')).toBe(false);
  });
});

describe('the checklist shown while typing', () => {
  it('is neutral before anything is typed', () => {
    expect(passwordChecks('', 'c.durand').map((c) => c.ok)).toEqual([null, null, null]);
    expect(passwordChecks('', 'c.durand').map((c) => c.label)).toEqual([
      'Au moins 12 caractères',
      'Différent de votre identifiant',
      'Pas un mot de passe courant',
    ]);
  });

  it('ticks each rule as it holds', () => {
    expect(passwordChecks('court', 'c.durand').map((c) => c.ok)).toEqual([false, true, true]);
    expect(passwordChecks('c.durand.lyon', 'c.durand.lyon').map((c) => c.ok)).toEqual([true, false, true]);
    expect(passwordChecks('motdepasse123', 'c.durand').map((c) => c.ok)).toEqual([true, true, false]);
    expect(passwordChecks('Rhône-forge-2026', 'c.durand').map((c) => c.ok)).toEqual([true, true, true]);
  });
});

describe('the new password typed twice', () => {
  it('accepts a good password confirmed', () => {
    expect(validatePasswordPair('Rhône-forge-2026', 'Rhône-forge-2026', 'c.durand')).toEqual({});
  });

  it("says in French what is wrong, with the server's sentences", () => {
    expect(validatePasswordPair('', '', 'c.durand')).toEqual({ password: 'Saisissez le nouveau mot de passe.' });
    expect(validatePasswordPair('court', 'court', 'c.durand')).toEqual({
      password: 'Le mot de passe doit compter au moins 12 caractères.',
    });
    expect(validatePasswordPair('c.durand.lyon', 'c.durand.lyon', 'c.durand.lyon')).toEqual({
      password: 'Le mot de passe doit être différent de votre identifiant.',
    });
    expect(validatePasswordPair('azertyuiop123', 'azertyuiop123', 'c.durand')).toEqual({
      password: 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.',
    });
    expect(validatePasswordPair('Rhône-forge-2026', '', 'c.durand')).toEqual({
      confirmation: 'Saisissez de nouveau le mot de passe pour le confirmer.',
    });
    expect(validatePasswordPair('Rhône-forge-2026', 'Rhone-forge-2026', 'c.durand')).toEqual({
      confirmation: 'Les deux mots de passe ne sont pas identiques.',
    });
  });
});
