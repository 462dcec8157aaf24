import { describe, expect, it } from 'vitest';
import {
  BLOC_RNCP_CODE_MESSAGE,
  BLOC_RNCP_DUPLICATE_MESSAGE,
  BLOC_RNCP_FICHE_MESSAGE,
  CQPM_NUMBER_MESSAGE,
  EMPTY_IDENTITY,
  MISSING_RNCP_BLOC_CODE,
  NOT_RECORDED,
  REGISTRATION_END_MESSAGE,
  REGISTRATION_ORDER_MESSAGE,
  REGISTRATION_START_MESSAGE,
  RNCP_BLOC_CODE_PATTERN,
  RNCP_LEVEL_MESSAGE,
  RNCP_NUMBER_MESSAGE,
  RNCP_NUMBER_PATTERN,
  blocRncpCodeLabel,
  blocRncpCodePath,
  blocsAwardStatus,
  identityDocument,
  identityFacts,
  identityPath,
  identityValueLabel,
  identityValues,
  isCalendarDate,
  levelLabel,
  registeredLabel,
  registrationLabel,
  sameIdentity,
  validateBlocRncpCodes,
  validateIdentity,
} from './certificationIdentity';
import type { CertificationIdentity } from './referentialTypes';

const FULL: CertificationIdentity = {
  cqpm_number: 'MQ 2015 06 69 0334',
  rncp: {
    number: 'RNCP37854',
    level: 5,
    registration_start: '2023-06-28',
    registration_end: '2028-06-28',
    registered: true,
  },
};

describe('reading the identity', () => {
  it('reads nothing recorded from the seeds (absent), null, or a fiche all null', () => {
    expect(identityValues(undefined)).toEqual(EMPTY_IDENTITY);
    expect(identityValues(null)).toEqual(EMPTY_IDENTITY);
    expect(identityValues({ cqpm_number: null, rncp: null })).toEqual(EMPTY_IDENTITY);
    expect(identityValues({ rncp: { number: null, level: null, registered: null } })).toEqual(EMPTY_IDENTITY);
    // Blank texts and wrong types are not recorded either.
    expect(identityValues({ cqpm_number: '  ', rncp: { level: 4.5, registered: 'yes' as unknown as boolean } })).toEqual(
      EMPTY_IDENTITY,
    );
  });

  it('reads every member', () => {
    expect(identityValues(FULL)).toEqual({
      cqpm_number: 'MQ 2015 06 69 0334',
      number: 'RNCP37854',
      level: 5,
      registration_start: '2023-06-28',
      registration_end: '2028-06-28',
      registered: true,
    });
  });

  it('names the paths as the document and the server diff do', () => {
    expect(identityPath('cqpm_number')).toBe('identity.cqpm_number');
    expect(identityPath('registered')).toBe('identity.rncp.registered');
    expect(blocRncpCodePath(1)).toBe('blocs[1].rncp_code');
  });

  it('writes the document: null leaves, a fiche all null is null, an identity all null is left out', () => {
    expect(identityDocument({ ...EMPTY_IDENTITY })).toBeUndefined();
    expect(identityDocument({ ...EMPTY_IDENTITY, cqpm_number: 'MQ 1' })).toEqual({ cqpm_number: 'MQ 1', rncp: null });
    expect(identityDocument({ ...EMPTY_IDENTITY, registered: false })).toEqual({
      cqpm_number: null,
      rncp: { number: null, level: null, registration_start: null, registration_end: null, registered: false },
    });
    expect(sameIdentity(undefined, { cqpm_number: null, rncp: { registered: null } })).toBe(true);
    expect(sameIdentity(FULL, identityDocument(identityValues(FULL)))).toBe(true);
    expect(sameIdentity(FULL, { ...FULL, rncp: { ...FULL.rncp, registered: false } })).toBe(false);
  });
});

describe('labels', () => {
  it('says « non renseigné » for every missing value', () => {
    expect(identityFacts(undefined)).toEqual([
      { key: 'cqpm_number', label: 'N° de CQPM', value: NOT_RECORDED, missing: true },
      { key: 'rncp_number', label: 'Fiche RNCP', value: NOT_RECORDED, missing: true },
      { key: 'level', label: 'Niveau', value: NOT_RECORDED, missing: true },
      { key: 'registration', label: 'Enregistrement', value: NOT_RECORDED, missing: true },
      { key: 'registered', label: 'Inscrit au RNCP', value: NOT_RECORDED, missing: true },
    ]);
  });

  it('shows a recorded identity in French', () => {
    expect(identityFacts(FULL).map((f) => [f.key, f.value, f.missing])).toEqual([
      ['cqpm_number', 'MQ 2015 06 69 0334', false],
      ['rncp_number', 'RNCP37854', false],
      ['level', '5', false],
      ['registration', 'Enregistrée du 28/06/2023 au 28/06/2028', false],
      ['registered', 'oui', false],
    ]);
  });

  it('says which registration date is missing', () => {
    expect(registrationLabel('2023-06-28', null)).toBe('Enregistrée à partir du 28/06/2023 (date de fin non renseignée)');
    expect(registrationLabel(undefined, '2028-06-28')).toBe("Enregistrée jusqu'au 28/06/2028 (date de début non renseignée)");
    expect(registrationLabel(null, '')).toBe(NOT_RECORDED);
  });

  it('labels the registration, the level and each value', () => {
    expect([true, false, null, undefined].map(registeredLabel)).toEqual(['oui', 'non', NOT_RECORDED, NOT_RECORDED]);
    expect(levelLabel(6)).toBe('niveau 6');
    expect(levelLabel(null)).toBe(NOT_RECORDED);
    expect(identityValueLabel('registration_end', '2028-06-28')).toBe('28/06/2028');
    expect(identityValueLabel('registered', false)).toBe('non');
    expect(identityValueLabel('level', 3)).toBe('3');
    expect(identityValueLabel('number', null)).toBe(NOT_RECORDED);
  });

  it("gives a bloc's RNCP code, or says it is not recorded", () => {
    expect(blocRncpCodeLabel('RNCP37854BC01')).toBe('RNCP37854BC01');
    expect(blocRncpCodeLabel(null)).toBe(MISSING_RNCP_BLOC_CODE);
    expect(blocRncpCodeLabel(undefined)).toBe('Code RNCP non renseigné');
  });

  it('says whether a jury may award blocs under this version', () => {
    expect(blocsAwardStatus(undefined)).toMatchObject({ awardable: false });
    expect(blocsAwardStatus(undefined).text).toContain("n’indique pas que le CQPM est inscrit au RNCP");
    expect(blocsAwardStatus({ rncp: { registered: false } }).text).toContain('n’est pas inscrit au RNCP');
    expect(blocsAwardStatus(FULL)).toEqual({
      awardable: true,
      text: 'Cette version indique que le CQPM est inscrit au RNCP : un jury peut attribuer des blocs de compétences, pour une session tenue du 28/06/2023 au 28/06/2028.',
    });
    expect(blocsAwardStatus({ rncp: { registered: true } }).text).toBe(
      'Cette version indique que le CQPM est inscrit au RNCP : un jury peut attribuer des blocs de compétences.',
    );
  });
});

describe('validation', () => {
  it('follows the schema patterns', () => {
    expect(['RNCP1234', 'RNCP37854', 'RNCP123456'].every((n) => RNCP_NUMBER_PATTERN.test(n))).toBe(true);
    expect(['RNCP123', 'RNCP1234567', 'rncp37854', 'RNCP 37854', '37854'].some((n) => RNCP_NUMBER_PATTERN.test(n))).toBe(false);
    expect(RNCP_BLOC_CODE_PATTERN.test('RNCP37854BC01')).toBe(true);
    expect(['RNCP37854BC1', 'RNCP37854', 'RNCP37854BC001', 'BDC0229'].some((c) => RNCP_BLOC_CODE_PATTERN.test(c))).toBe(false);
  });

  it('knows a real calendar day', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('01/02/2025')).toBe(false);
  });

  it('accepts nothing recorded, and a full identity', () => {
    expect(validateIdentity({ ...EMPTY_IDENTITY })).toEqual({});
    expect(validateIdentity(identityValues(FULL))).toEqual({});
  });

  it('names each fault in French', () => {
    expect(
      validateIdentity({
        cqpm_number: 'x'.repeat(61),
        number: 'RNCP12',
        level: 9,
        registration_start: '2025-02-30',
        registration_end: 'demain',
        registered: null,
      }),
    ).toEqual({
      cqpm_number: CQPM_NUMBER_MESSAGE,
      number: RNCP_NUMBER_MESSAGE,
      level: RNCP_LEVEL_MESSAGE,
      registration_start: REGISTRATION_START_MESSAGE,
      registration_end: REGISTRATION_END_MESSAGE,
    });
    expect(
      validateIdentity({ ...EMPTY_IDENTITY, registration_start: '2028-01-01', registration_end: '2023-01-01' }),
    ).toEqual({ registration_end: REGISTRATION_ORDER_MESSAGE });
    expect(RNCP_NUMBER_MESSAGE).toContain('RNCP suivi de 4 à 6 chiffres');
  });

  it("checks the blocs' RNCP codes: pattern, repeats, the fiche's number", () => {
    expect(validateBlocRncpCodes([null, undefined, ''], 'RNCP37854')).toEqual({});
    expect(validateBlocRncpCodes(['RNCP37854BC01', 'RNCP37854BC02'], 'RNCP37854')).toEqual({});
    expect(validateBlocRncpCodes(['RNCP37854BC1', 'RNCP37854BC02', 'RNCP37854BC02', 'RNCP11111BC04'], 'RNCP37854')).toEqual({
      0: BLOC_RNCP_CODE_MESSAGE(1),
      2: BLOC_RNCP_DUPLICATE_MESSAGE(3, 2),
      3: BLOC_RNCP_FICHE_MESSAGE(4, 'RNCP37854'),
    });
    // Without a (valid) fiche number, any well-formed code.
    expect(validateBlocRncpCodes(['RNCP11111BC04'], null)).toEqual({});
    expect(validateBlocRncpCodes(['RNCP11111BC04'], 'RNCP1')).toEqual({});
  });
});
