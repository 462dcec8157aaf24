import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fileApi } from './fileApi';
import {
  REGISTRATION_INVALID_MESSAGE,
  canCorrectFile,
  changedIdentity,
  correctionModeOf,
  correctionChanges,
  correctionDraftOf,
  correctionFieldOf,
  correctionRegistrationErrors,
  correctionRequest,
  isPastDay,
  registrationCorrection,
  validateCorrection,
} from './correction';
import { registrationDraftOf } from './registration';
import { BIRTH_INSEE_CODE_MESSAGE, BIRTH_PLACE_TOO_LONG_MESSAGE } from './candidate';
import { BIRTH_DATE_MESSAGE, CORRECTION_REASON_MESSAGE, NOTHING_CORRECTED_MESSAGE, describeError } from '../../shared/errors/errors';
import { bodyOf, headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';
import type { Candidate } from './fileTypes';
import type { RegistrationField } from '../referentials/referentialTypes';

const candidate: Candidate = {
  given_name: 'Emma',
  family_name: 'Lefèvre',
  email: 'emma.lefevre@exemple.fr',
  birth_date: '1999-09-03',
};
const file = { version: 4, candidate };
const today = new Date(2026, 11, 2);
const coordinator = { role: 'centre_coordinator', organisation: { id: 'lyon', name: 'Lyon' } };

describe('correction: who corrects', () => {
  it("lets the coordinator of the file's own centre correct it while it is open", () => {
    expect(canCorrectFile(coordinator, { state: 'registered', centre: { id: 'lyon' } })).toBe(true);
    expect(canCorrectFile(coordinator, { state: 'draft', centre: { id: 'lyon' } })).toBe(true);
  });

  it('refuses a closed file, another centre and other roles', () => {
    for (const state of ['certified', 'blocs_awarded', 'not_certified', 'withdrawn']) {
      expect(canCorrectFile(coordinator, { state, centre: { id: 'lyon' } }), state).toBe(false);
    }
    expect(canCorrectFile(coordinator, { state: 'draft', centre: { id: 'lille' } })).toBe(false);
    expect(canCorrectFile({ ...coordinator, role: 'evaluator' }, { state: 'draft', centre: { id: 'lyon' } })).toBe(false);
    expect(canCorrectFile({ ...coordinator, role: 'admin' }, { state: 'draft', centre: { id: 'lyon' } })).toBe(false);
    expect(canCorrectFile(null, { state: 'draft', centre: { id: 'lyon' } })).toBe(false);
  });
});

describe('correction: a closed file', () => {
  const closed = { ...candidate, sex: null, birth_insee_code: null };
  const draftOf = (over: Partial<ReturnType<typeof correctionDraftOf>>) => ({ ...correctionDraftOf(closed), reason: 'Déclaration CDC', ...over });

  it('offers the whole correction while open, the civil status once closed, nothing to others', () => {
    expect(correctionModeOf(coordinator, { state: 'registered', centre: { id: 'lyon' } })).toBe('full');
    for (const state of ['certified', 'blocs_awarded', 'not_certified', 'withdrawn']) {
      expect(correctionModeOf(coordinator, { state, centre: { id: 'lyon' } }), state).toBe('civil_status');
    }
    expect(correctionModeOf(coordinator, { state: 'certified', centre: { id: 'lille' } })).toBeNull();
    expect(correctionModeOf({ ...coordinator, role: 'gtp_auditor' }, { state: 'certified', centre: { id: 'lyon' } })).toBeNull();
    expect(correctionModeOf(null, { state: 'certified', centre: { id: 'lyon' } })).toBeNull();
  });

  it('sends only the sex and the INSEE code, in capitals, even if other fields were touched', () => {
    const draft = draftOf({ sex: 'M', birth_insee_code: ' 2b033 ', family_name: 'Autre', birth_place: 'Bastia' });
    expect(correctionRequest({ version: 9, candidate: closed }, draft, null, 'civil_status')).toEqual({
      expected_version: 9,
      reason: 'Déclaration CDC',
      candidate: { sex: 'M', birth_insee_code: '2B033' },
    });
  });

  it('erases a value emptied with "", and leaves out an unchanged one', () => {
    const recorded = { ...candidate, sex: 'F' as const, birth_insee_code: '69123' };
    expect(changedIdentity(recorded, { ...correctionDraftOf(recorded), sex: '' }, 'civil_status')).toEqual({ sex: '' });
    expect(changedIdentity(recorded, { ...correctionDraftOf(recorded), birth_insee_code: ' ' }, 'civil_status')).toEqual({ birth_insee_code: '' });
    expect(changedIdentity(recorded, { ...correctionDraftOf(recorded), birth_insee_code: ' 69123 ' })).toEqual({});
  });

  it('checks only the civil status, the reason and that something changed', () => {
    const today = new Date(2026, 11, 2);
    // An e-mail the full form would refuse does not matter: it is not sent.
    const odd = { ...closed, email: 'ancien-format' };
    expect(validateCorrection(odd, draftOf({ sex: 'F' }), today, null, 'civil_status')).toEqual({});
    expect(validateCorrection(odd, draftOf({}), today, null, 'civil_status')).toEqual({ candidate: NOTHING_CORRECTED_MESSAGE });
    expect(validateCorrection(odd, draftOf({ birth_insee_code: '6912' }), today, null, 'civil_status')).toEqual({
      birth_insee_code: BIRTH_INSEE_CODE_MESSAGE,
    });
    expect(validateCorrection(odd, draftOf({ sex: 'F', reason: ' ' }), today, null, 'civil_status')).toEqual({
      reason: CORRECTION_REASON_MESSAGE,
    });
    // The other fields changed alone are not a change here.
    expect(validateCorrection(odd, draftOf({ family_name: 'Autre' }), today, null, 'civil_status')).toEqual({
      candidate: NOTHING_CORRECTED_MESSAGE,
    });
  });

  it('sends the sex and the INSEE code with the identity of an open file', () => {
    const draft = { ...correctionDraftOf(candidate), sex: 'F', birth_insee_code: '99350', reason: 'État civil' };
    expect(validateCorrection(candidate, draft, today)).toEqual({});
    expect(correctionRequest(file, draft).candidate).toEqual({ sex: 'F', birth_insee_code: '99350' });
  });
});

describe('correction: the request', () => {
  it('starts from the identity as the file has it, without a reason', () => {
    expect(correctionDraftOf(candidate)).toEqual({ ...candidate, birth_place: '', sex: '', birth_insee_code: '', registration: {}, reason: '' });
    expect(correctionDraftOf({ ...candidate, sex: 'F', birth_insee_code: '69123' })).toMatchObject({ sex: 'F', birth_insee_code: '69123' });
    expect(correctionDraftOf({ ...candidate, birth_place: null }).birth_place).toBe('');
    expect(correctionDraftOf({ ...candidate, birth_place: 'Lyon (Rhône)' }).birth_place).toBe('Lyon (Rhône)');
  });

  it('sends only the fields that changed, trimmed, with the version and the reason', () => {
    const draft = { ...correctionDraftOf(candidate), family_name: '  Lefèvre-Morel ', reason: ' Nom d’usage oublié ' };
    expect(correctionRequest(file, draft)).toEqual({
      expected_version: 4,
      reason: 'Nom d’usage oublié',
      candidate: { family_name: 'Lefèvre-Morel' },
    });
  });

  it('does not count spaces around an unchanged value as a change', () => {
    expect(changedIdentity(candidate, { ...correctionDraftOf(candidate), given_name: ' Emma ' })).toEqual({});
  });

  it('sends a birth place given, changed or erased, trimmed, and only when it changed', () => {
    const lyon = { ...candidate, birth_place: 'Lyon (Rhône)' };
    const draft = (on: Candidate, birth_place: string) => ({ ...correctionDraftOf(on), birth_place, reason: 'Lieu' });
    expect(correctionRequest(file, draft(candidate, '  Casablanca (Maroc) ')).candidate).toEqual({ birth_place: 'Casablanca (Maroc)' });
    expect(correctionRequest({ version: 4, candidate: lyon }, draft(lyon, 'Lyon 3e (Rhône)')).candidate).toEqual({
      birth_place: 'Lyon 3e (Rhône)',
    });
    // Emptied: "" erases it.
    expect(correctionRequest({ version: 4, candidate: lyon }, draft(lyon, '  ')).candidate).toEqual({ birth_place: '' });
    // Unchanged, or still empty on a file that records none: not sent.
    expect(changedIdentity(lyon, draft(lyon, ' Lyon (Rhône) '))).toEqual({});
    expect(changedIdentity({ ...candidate, birth_place: null }, draft(candidate, ''))).toEqual({});
    expect(changedIdentity(candidate, draft(candidate, ' '))).toEqual({});
  });

  it('sends the birth date as typed in a date input (YYYY-MM-DD)', () => {
    const draft = { ...correctionDraftOf(candidate), birth_date: '1999-03-09', email: 'emma@exemple.fr', reason: 'Inversion' };
    expect(correctionRequest(file, draft).candidate).toEqual({ birth_date: '1999-03-09', email: 'emma@exemple.fr' });
  });
});

describe('correction: checks before sending', () => {
  it('asks for a reason', () => {
    const errors = validateCorrection(candidate, { ...correctionDraftOf(candidate), family_name: 'Morel' }, today);
    expect(errors).toEqual({ reason: CORRECTION_REASON_MESSAGE });
  });

  it('says when nothing changed', () => {
    const errors = validateCorrection(candidate, { ...correctionDraftOf(candidate), reason: 'Rien' }, today);
    expect(errors).toEqual({ candidate: NOTHING_CORRECTED_MESSAGE });
  });

  it('refuses blank names, a malformed e-mail and a birth date that is missing, not a day or not past', () => {
    const draft = {
      given_name: ' ',
      family_name: '',
      email: 'emma@',
      birth_date: '',
      birth_place: '',
      sex: '',
      birth_insee_code: '',
      registration: {},
      reason: 'Erreur',
    };
    expect(validateCorrection(candidate, draft, today)).toEqual({
      given_name: 'Le prénom du candidat est obligatoire.',
      family_name: 'Le nom du candidat est obligatoire.',
      email: "L'adresse e-mail du candidat n'est pas valide.",
      birth_date: 'La date de naissance du candidat est obligatoire.',
    });
    for (const birth_date of ['1999-02-30', '2026-12-02', '2030-01-01', '03/09/1999']) {
      expect(validateCorrection(candidate, { ...correctionDraftOf(candidate), birth_date, reason: 'R' }, today), birth_date).toEqual({
        birth_date: BIRTH_DATE_MESSAGE,
      });
    }
  });

  it('counts a birth place as a change, and refuses one too long for the server (200 bytes)', () => {
    const given = { ...correctionDraftOf(candidate), birth_place: 'Lyon', reason: 'Lieu oublié' };
    expect(validateCorrection(candidate, given, today)).toEqual({});
    expect(validateCorrection(candidate, { ...given, birth_place: 'é'.repeat(101) }, today)).toEqual({
      birth_place: BIRTH_PLACE_TOO_LONG_MESSAGE,
    });
    expect(validateCorrection(candidate, { ...given, birth_place: 'é'.repeat(100) }, today)).toEqual({});
  });

  it('takes a real past day', () => {
    expect(isPastDay('2026-12-01', today)).toBe(true);
    expect(isPastDay('2024-02-29', today)).toBe(true);
    expect(isPastDay('2026-12-02', today)).toBe(false);
    expect(isPastDay('2023-02-29', today)).toBe(false);
  });
});

describe('correction: the registration answers', () => {
  const fields: RegistrationField[] = [
    {
      id: 'electrical_habilitations',
      type: 'credential_list',
      required: true,
      label: 'Habilitations électriques détenues',
      symbols: ['B1V', 'BR'],
      closed: true,
    },
  ];
  const b1v = { symbol: 'B1V', issuer: 'Aciers du Rhône', valid_until: '2027-12-31' };
  const withAnswers = { ...file, registration: { electrical_habilitations: [b1v] } };
  const draftOf = (registration: Record<string, unknown> | null) =>
    correctionDraftOf(candidate, registrationDraftOf(fields, registration));

  it('corrects them only once the fields are loaded, for a file whose answers the server sends', () => {
    expect(registrationCorrection(withAnswers, null)).toBeNull();
    expect(registrationCorrection(file, fields)).toBeNull();
    expect(registrationCorrection({ ...file, registration: null }, fields)).toEqual({ fields, original: null });
    expect(registrationCorrection(withAnswers, [])).toBeNull();
  });

  it('sends the whole answers only when one changed', () => {
    const registration = registrationCorrection(withAnswers, fields);
    const unchanged = { ...draftOf(withAnswers.registration), family_name: 'Morel', reason: 'Nom' };
    expect(correctionRequest(withAnswers, unchanged, registration)).toEqual({
      expected_version: 4,
      reason: 'Nom',
      candidate: { family_name: 'Morel' },
    });
    const br = { symbol: 'BR', issuer: 'AFPA', valid_until: '2026-06-30' };
    const added = { ...draftOf(withAnswers.registration), reason: 'Habilitation BR oubliée' };
    added.registration = { electrical_habilitations: [b1v, br] };
    expect(validateCorrection(candidate, added, today, registration)).toEqual({});
    expect(correctionRequest(withAnswers, added, registration)).toEqual({
      expected_version: 4,
      reason: 'Habilitation BR oubliée',
      candidate: {},
      registration: { electrical_habilitations: [b1v, br] },
    });
  });

  it('replaces the plain texts of an earlier file with typed rows', () => {
    const legacy = { ...file, registration: { electrical_habilitations: ['B1V', 'BR'] } };
    const registration = registrationCorrection(legacy, fields);
    const draft = { ...draftOf(legacy.registration), reason: 'Habilitations détaillées' };
    expect(correctionRegistrationErrors(draft, registration)).toEqual({
      electrical_habilitations: expect.stringContaining('saisies en texte libre'),
    });
    expect(validateCorrection(candidate, draft, today, registration)).toEqual({ registration: REGISTRATION_INVALID_MESSAGE });
    draft.registration = { electrical_habilitations: [{ symbol: '', issuer: 'AFPA', valid_until: '2027-01-31' }] };
    expect(correctionRegistrationErrors(draft, registration)).toEqual({
      'electrical_habilitations[0].symbol': 'Habilitations électriques détenues, ligne 1 : indiquez le symbole (par exemple « B1V »).',
    });
    draft.registration = { electrical_habilitations: [b1v] };
    expect(correctionRequest(legacy, draft, registration).registration).toEqual({ electrical_habilitations: [b1v] });
  });

  it('says nothing changed when neither the identity nor the answers did', () => {
    const registration = registrationCorrection(withAnswers, fields);
    const draft = { ...draftOf(withAnswers.registration), reason: 'Rien' };
    expect(validateCorrection(candidate, draft, today, registration)).toEqual({ candidate: NOTHING_CORRECTED_MESSAGE });
  });
});

describe("correction: the server's refusals", () => {
  it('puts each refusal under its field', () => {
    expect(correctionFieldOf('candidate.family_name')).toBe('family_name');
    expect(correctionFieldOf('$.candidate.birth_date')).toBe('birth_date');
    expect(correctionFieldOf('candidate.birth_place')).toBe('birth_place');
    expect(correctionFieldOf('candidate.sex')).toBe('sex');
    expect(correctionFieldOf('/candidate/birth_insee_code')).toBe('birth_insee_code');
    expect(correctionFieldOf('candidate')).toBe('candidate');
    expect(correctionFieldOf('reason')).toBe('reason');
    expect(correctionFieldOf('expected_version')).toBeNull();
    expect(correctionFieldOf('registration.material_family')).toBe('registration');
    expect(correctionFieldOf('registration.electrical_habilitations[1].valid_until')).toBe('registration');
    expect(correctionFieldOf('registration')).toBe('registration');
    expect(correctionFieldOf(null)).toBeNull();
  });

  it('says them in French for a correction', () => {
    const say = (err: ApiError, values: Record<string, string> = {}) => describeError(err, { operation: 'correction', values }).text;
    expect(say(new ApiError(400, 'invalid_field', 'changes nothing', 'candidate'))).toBe(NOTHING_CORRECTED_MESSAGE);
    expect(say(new ApiError(400, 'invalid_field', 'reason required', 'reason'), { reason: '' })).toBe(CORRECTION_REASON_MESSAGE);
    expect(say(new ApiError(400, 'invalid_field', 'too long', 'reason'), { reason: 'x'.repeat(1001) })).toBe(
      'Le motif est trop long (1 000 caractères au plus).',
    );
    expect(say(new ApiError(400, 'invalid_field', 'too long', 'candidate.family_name'), { 'candidate.family_name': 'x' })).toBe(
      'Le nom du candidat est trop long (200 caractères au plus).',
    );
    expect(say(new ApiError(400, 'invalid_field', 'too long', 'candidate.birth_place'), { 'candidate.birth_place': 'x'.repeat(201) })).toBe(
      BIRTH_PLACE_TOO_LONG_MESSAGE,
    );
    expect(say(new ApiError(409, 'invalid_state', 'closed'))).toBe(
      'Ce dossier est clos : seuls le sexe et le code INSEE du lieu de naissance peuvent encore être complétés.',
    );
    expect(say(new ApiError(400, 'invalid_field', 'bad', 'candidate.birth_insee_code'), { 'candidate.birth_insee_code': '6912' })).toBe(
      BIRTH_INSEE_CODE_MESSAGE,
    );
    expect(say(new ApiError(409, 'version_conflict', 'changed', 'expected_version', { current_version: 5 }))).toBe(
      "Le dossier a été modifié par quelqu'un d'autre (version 5). La page a été rechargée.",
    );
    expect(say(new ApiError(403, 'forbidden', 'no'))).toBe('Seul le coordinateur du centre du dossier peut le corriger.');
    // Outside a correction, "candidate" still means an incomplete identity.
    expect(describeError(new ApiError(400, 'invalid_field', 'x', 'candidate')).text).toBe('Les informations du candidat sont incomplètes.');
  });
});

describe('correction: in the history of the file', () => {
  it('names each field corrected, with its values before and after, in the form order', () => {
    const payload = {
      reason: 'Erreurs de saisie',
      before: { birth_place: '', birth_date: '1999-09-03', family_name: 'Lefevre' },
      after: { birth_place: 'Lyon (Rhône)', birth_date: '1999-03-09', family_name: 'Lefèvre' },
    };
    expect(correctionChanges(payload)).toEqual([
      { field: 'family_name', label: 'Nom', before: 'Lefevre', after: 'Lefèvre' },
      { field: 'birth_date', label: 'Date de naissance', before: '03/09/1999', after: '09/03/1999' },
      { field: 'birth_place', label: 'Lieu de naissance', before: 'non renseigné', after: 'Lyon (Rhône)' },
    ]);
  });

  it('says « non renseigné » for a birth place erased, and the registration answers without their values', () => {
    const payload = {
      before: { birth_place: 'Lyon', registration: '{"material_family":"a"}' },
      after: { birth_place: '', registration: '{"material_family":"b"}' },
    };
    expect(correctionChanges(payload)).toEqual([
      { field: 'birth_place', label: 'Lieu de naissance', before: 'Lyon', after: 'non renseigné' },
      { field: 'registration', label: 'Informations demandées par ce CQPM', before: null, after: null },
    ]);
  });

  it('shows the sex and the INSEE code completed', () => {
    const payload = { before: { sex: '', birth_insee_code: '' }, after: { sex: 'F', birth_insee_code: '2A004' } };
    expect(correctionChanges(payload)).toEqual([
      { field: 'sex', label: 'Sexe', before: 'non renseigné', after: 'Féminin (F)' },
      { field: 'birth_insee_code', label: 'Code INSEE du lieu de naissance', before: 'non renseigné', after: '2A004' },
    ]);
  });

  it('has nothing to show for a payload without values', () => {
    expect(correctionChanges(null)).toEqual([]);
    expect(correctionChanges({ reason: 'R' })).toEqual([]);
    expect(correctionChanges({ before: [], after: 'x' })).toEqual([]);
  });
});

describe('correction: the call', () => {
  const calls = recordCalls();

  it('POSTs the correction with the CSRF header and answers the corrected file', async () => {
    mockFetch({ status: 200, body: { id: 'f 1', version: 5 } }, calls);
    const corrected = await fileApi.correctFile('f 1', { expected_version: 4, reason: 'R', candidate: { family_name: 'Morel' } });
    expect(corrected).toEqual({ id: 'f 1', version: 5 });
    expect(calls[0]!.url).toBe('/api/v1/files/f%201/corrections');
    expect(calls[0]!.init.method).toBe('POST');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
    expect(bodyOf(calls[0]!)).toEqual({ expected_version: 4, reason: 'R', candidate: { family_name: 'Morel' } });
  });

  it('gives the field the server names', async () => {
    mockFetch({ status: 400, body: { error: { code: 'invalid_field', message: 'bad', field: 'candidate.email' } } }, calls);
    const err = (await fileApi.correctFile('f1', { expected_version: 1, reason: 'R', candidate: { email: 'x' } }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(correctionFieldOf(err.field)).toBe('email');
  });
});
