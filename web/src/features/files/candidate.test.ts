import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fileApi } from './fileApi';
import {
  BIRTH_INSEE_CODE_MESSAGE,
  BIRTH_PLACE_MESSAGE,
  BIRTH_PLACE_TOO_LONG_MESSAGE,
  CANDIDATE_FIELD_LABELS,
  SEX_CHOICES,
  birthFacts,
  birthInseeCodeError,
  birthPlaceError,
  birthPlaceRefusal,
  bornText,
  inseeCodeText,
  isBirthInseeCode,
  newFileCandidate,
  normaliseInseeCode,
  recordedBirthPlace,
  sexOf,
  sexText,
} from './candidate';
import { describeError } from '../../shared/errors/errors';
import { bodyOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';

const typed = {
  given_name: ' Lucas ',
  family_name: 'Martin ',
  email: ' lucas.martin@exemple.fr',
  birth_date: '1995-05-17',
  birth_place: '',
  sex: '',
  birth_insee_code: '',
};

describe('candidate: the new-file request', () => {
  const calls = recordCalls();

  it('sends the identity trimmed, without a birth place when none is typed', () => {
    const candidate = newFileCandidate(typed);
    expect(candidate).toEqual({
      given_name: 'Lucas',
      family_name: 'Martin',
      email: 'lucas.martin@exemple.fr',
      birth_date: '1995-05-17',
    });
    expect('birth_place' in candidate).toBe(false);
    // Blank is not sent either (the server refuses a blank birth place).
    expect('birth_place' in newFileCandidate({ ...typed, birth_place: '   ' })).toBe(false);
  });

  it('sends the birth place typed, trimmed', () => {
    expect(newFileCandidate({ ...typed, birth_place: '  Casablanca (Maroc) ' }).birth_place).toBe('Casablanca (Maroc)');
  });

  it('is the candidate POSTed with the new file', async () => {
    mockFetch({ status: 201, body: { id: 'f1' } }, calls);
    const request = { cqpm: 'qualite', pathway: 'vae', company_id: null, registration: {} };
    await fileApi.createFile({ ...request, candidate: newFileCandidate({ ...typed, birth_place: 'Lyon (Rhône)' }) });
    await fileApi.createFile({ ...request, candidate: newFileCandidate(typed) });
    const sent = (n: number) => (bodyOf(calls[n]!) as { candidate: Record<string, unknown> }).candidate;
    expect(sent(0).birth_place).toBe('Lyon (Rhône)');
    expect(sent(1)).not.toHaveProperty('birth_place');
  });
});

describe('candidate: the sex and the INSEE code of the birth place', () => {
  it('sends them only when given, the code trimmed and in capitals', () => {
    expect(newFileCandidate({ ...typed, sex: 'F', birth_insee_code: ' 2a004 ' })).toMatchObject({ sex: 'F', birth_insee_code: '2A004' });
    const none = newFileCandidate({ ...typed, sex: '', birth_insee_code: '  ' });
    expect('sex' in none).toBe(false);
    expect('birth_insee_code' in none).toBe(false);
    expect('sex' in newFileCandidate({ ...typed, sex: 'X' })).toBe(false);
  });

  it('offers « non renseigné », F and M', () => {
    expect(SEX_CHOICES.map((c) => c.value)).toEqual(['', 'F', 'M']);
    expect(sexOf('M')).toBe('M');
    expect(sexOf('')).toBeNull();
    expect(sexOf(null)).toBeNull();
    expect(sexText('F')).toBe('Féminin (F)');
    expect(sexText('M')).toBe('Masculin (M)');
    expect(sexText(null)).toBe('non renseigné');
    expect(sexText(undefined)).toBe('non renseigné');
  });

  it.each([
    ['69123', true],
    ['2A004', true],
    ['2B033', true],
    ['99350', true],
    ['97411', true],
    ['6912', false],
    ['691234', false],
    ['2C004', false],
    ['2a004', false],
    ['A9123', false],
    ['69 12', false],
  ])('checks %s as the server does', (code, valid) => {
    expect(isBirthInseeCode(code)).toBe(valid);
  });

  it('refuses a malformed code before sending, not an empty one nor one in small letters', () => {
    expect(birthInseeCodeError('')).toBeNull();
    expect(birthInseeCodeError('  ')).toBeNull();
    expect(birthInseeCodeError(' 2a004')).toBeNull();
    expect(birthInseeCodeError('6912')).toBe(BIRTH_INSEE_CODE_MESSAGE);
    expect(birthInseeCodeError('Lyon')).toBe(BIRTH_INSEE_CODE_MESSAGE);
    expect(normaliseInseeCode(' 2b033 ')).toBe('2B033');
    expect(normaliseInseeCode(null)).toBe('');
  });

  it('shows the code recorded, or « non renseigné »', () => {
    expect(inseeCodeText('99350')).toBe('99350');
    expect(inseeCodeText(null)).toBe('non renseigné');
    expect(inseeCodeText('')).toBe('non renseigné');
  });

  it("says the server's refusals in French", () => {
    const sex = describeError(new ApiError(400, 'invalid_field', 'candidate.sex must be F or M, as on the civil status', 'candidate.sex'));
    expect(sex.text).toContain('Féminin (F) ou Masculin (M)');
    expect(sex.field).toBe('candidate.sex');
    const code = describeError(new ApiError(400, 'invalid_field', 'not an INSEE code', 'candidate.birth_insee_code'), { operation: 'create' });
    expect(code.text).toBe(BIRTH_INSEE_CODE_MESSAGE);
  });

  it('are named « Sexe » and « Code INSEE du lieu de naissance »', () => {
    expect(CANDIDATE_FIELD_LABELS.sex).toBe('Sexe');
    expect(CANDIDATE_FIELD_LABELS.birth_insee_code).toBe('Code INSEE du lieu de naissance');
  });
});

describe('candidate: the birth place', () => {
  it('is recorded when not null, absent or blank', () => {
    expect(recordedBirthPlace(' Lyon ')).toBe('Lyon');
    expect(recordedBirthPlace('')).toBeNull();
    expect(recordedBirthPlace('  ')).toBeNull();
    expect(recordedBirthPlace(null)).toBeNull();
    expect(recordedBirthPlace(undefined)).toBeNull();
  });

  it('is refused beyond 200 UTF-8 bytes, as the server counts them', () => {
    expect(birthPlaceError('')).toBeNull();
    expect(birthPlaceError('x'.repeat(200))).toBeNull();
    expect(birthPlaceError(` ${'x'.repeat(200)} `)).toBeNull();
    expect(birthPlaceError('x'.repeat(201))).toBe(BIRTH_PLACE_TOO_LONG_MESSAGE);
    // « é » takes two bytes.
    expect(birthPlaceError('é'.repeat(100))).toBeNull();
    expect(birthPlaceError('é'.repeat(101))).toBe(BIRTH_PLACE_TOO_LONG_MESSAGE);
  });

  it("says the server's refusal in French, under the field of the new-file form", () => {
    expect(birthPlaceRefusal('x'.repeat(201))).toBe(BIRTH_PLACE_TOO_LONG_MESSAGE);
    expect(birthPlaceRefusal(' ')).toBe(BIRTH_PLACE_MESSAGE);
    expect(birthPlaceRefusal(undefined)).toBe(BIRTH_PLACE_MESSAGE);
    const refused = new ApiError(400, 'invalid_field', 'candidate.birth_place is required', 'candidate.birth_place');
    const described = describeError(refused, { operation: 'create', values: { 'candidate.birth_place': '' } });
    expect(described.text).toBe(BIRTH_PLACE_MESSAGE);
    expect(described.field).toBe('candidate.birth_place');
  });

  it('is named « Lieu de naissance »', () => {
    expect(CANDIDATE_FIELD_LABELS.birth_place).toBe('Lieu de naissance');
    expect(CANDIDATE_FIELD_LABELS.birth_date).toBe('Date de naissance');
  });
});

describe('candidate: the file page', () => {
  it('says where the candidate was born after the date, when it is recorded', () => {
    expect(bornText({ birth_date: '1995-05-17', birth_place: 'Lyon' })).toBe('né(e) le 17/05/1995 à Lyon');
    expect(birthFacts({ birth_date: '1995-05-17', birth_place: ' Casablanca (Maroc) ' })).toEqual({
      date: 'né(e) le 17/05/1995',
      place: 'Casablanca (Maroc)',
    });
  });

  it('says nothing more when no place is recorded', () => {
    expect(bornText({ birth_date: '1995-05-17', birth_place: null })).toBe('né(e) le 17/05/1995');
    expect(bornText({ birth_date: '1995-05-17' })).toBe('né(e) le 17/05/1995');
    expect(birthFacts({ birth_date: '1995-05-17', birth_place: '' }).place).toBeNull();
  });
});
