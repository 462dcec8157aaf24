import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fileApi } from './fileApi';
import {
  BIRTH_PLACE_MESSAGE,
  BIRTH_PLACE_TOO_LONG_MESSAGE,
  CANDIDATE_FIELD_LABELS,
  birthFacts,
  birthPlaceError,
  birthPlaceRefusal,
  bornText,
  newFileCandidate,
  recordedBirthPlace,
} from './candidate';
import { describeError } from '../../shared/errors/errors';
import { bodyOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';

const typed = {
  given_name: ' Lucas ',
  family_name: 'Martin ',
  email: ' lucas.martin@exemple.fr',
  birth_date: '1995-05-17',
  birth_place: '',
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
