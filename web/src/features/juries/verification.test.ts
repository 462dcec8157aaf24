import { describe, expect, it } from 'vitest';
import { normaliseVerificationCode, verdictOf } from './verification';
import type { Verification } from './juryTypes';

describe('normaliseVerificationCode', () => {
  it('reads a code as typed, as the server does', () => {
    expect(normaliseVerificationCode('K7QM-4XPA-9RTE')).toBe('K7QM-4XPA-9RTE');
    expect(normaliseVerificationCode('k7qm 4xpa 9rte')).toBe('K7QM-4XPA-9RTE');
    expect(normaliseVerificationCode('K7QM4XPA9RTE')).toBe('K7QM-4XPA-9RTE');
    // O is read as zero, I and L as one.
    expect(normaliseVerificationCode('OOOO-IIII-LLLL')).toBe('0000-1111-1111');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseVerificationCode('')).toBeNull();
    expect(normaliseVerificationCode('K7QM-4XPA')).toBeNull();
    expect(normaliseVerificationCode('K7QM-4XPA-9RTE-1')).toBeNull();
    expect(normaliseVerificationCode('UUUU-UUUU-UUUU')).toBeNull(); // no U in Crockford's alphabet
    expect(normaliseVerificationCode('K7QM/4XPA/9RTE')).toBeNull();
    expect(normaliseVerificationCode('A'.repeat(100))).toBeNull();
  });
});

describe('verdictOf', () => {
  const found: Verification = {
    valid: true,
    status: 'valid',
    holder_name: 'Camille Rousseau',
    cqpm: { id: 'qualite', title: 'Technicien de la qualité' },
    blocs: [],
    decision_date: '2026-11-21',
    referential_version: 1,
  };

  it('says valid, revoked or unknown, in French', () => {
    expect(verdictOf(found)).toMatchObject({ kind: 'valid', title: 'Certificat valide' });
    expect(verdictOf({ ...found, valid: false, status: 'revoked' })).toMatchObject({
      kind: 'revoked',
      title: 'Décision révoquée',
    });
    expect(verdictOf(null)).toMatchObject({ kind: 'unknown', title: 'Code inconnu' });
  });
});
