import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fileApi } from './fileApi';
import { ADMISSIBILITY_GUARD_MESSAGE, describeError } from '../../shared/errors/errors';
import { bodyOf, headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';
import {
  ADMISSIBILITY_CLOSED_MESSAGE,
  ADMISSIBILITY_FORBIDDEN_MESSAGE,
  ADMISSIBILITY_NOT_VAE_MESSAGE,
  ADMISSIBILITY_REASON_LENGTH_MESSAGE,
  ADMISSIBILITY_REASON_MESSAGE,
  EMPTY_ADMISSIBILITY_DRAFT,
  FAVOURABLE_MESSAGE,
  admissibilityFieldOf,
  admissibilityLabel,
  admissibilityRequest,
  admissibilityStale,
  awaitsFavourableDecision,
  decisionByline,
  describeAdmissibilityError,
  earlierExaminations,
  validateAdmissibility,
  type AdmissibilityDecision,
  type VaeAdmissibility,
} from './vaeAdmissibility';

const claire = { id: 'u1', display_name: 'Claire Martin' };
const refused: AdmissibilityDecision = {
  id: 'd1',
  sequence: 1,
  favourable: false,
  reason: "Expérience d'un an seulement.",
  decided_by: claire,
  decided_at: '2026-03-02T09:30:00Z',
};
const accepted: AdmissibilityDecision = {
  id: 'd2',
  sequence: 2,
  favourable: true,
  reason: 'Attestation de trois ans fournie.',
  decided_by: claire,
  decided_at: '2026-07-15T13:05:00Z',
};
const view = (current: AdmissibilityDecision | null, history: AdmissibilityDecision[] = current ? [current] : []): VaeAdmissibility => ({
  file_id: 'f1',
  required: true,
  editable: true,
  current,
  history,
});

describe('VAE admissibility: what the section shows', () => {
  it('says « Recevable » or « Non recevable », who decided and when, in Paris time', () => {
    expect(admissibilityLabel(true)).toBe('Recevable');
    expect(admissibilityLabel(false)).toBe('Non recevable');
    // 13:05 UTC in July is 15:05 in Paris (summer time); 09:30 UTC in March is 10:30.
    expect(decisionByline(accepted)).toBe('Décision du 15 juillet 2026 à 15:05 par Claire Martin');
    expect(decisionByline(refused)).toBe('Décision du 2 mars 2026 à 10:30 par Claire Martin');
  });

  it('lists the examinations before the one in force', () => {
    expect(earlierExaminations(view(accepted, [accepted, refused]))).toEqual([refused]);
    expect(earlierExaminations(view(accepted))).toEqual([]);
    expect(earlierExaminations(view(null))).toEqual([]);
  });

  it('says the modalities wait for a favourable decision while a VAE file is registered', () => {
    expect(awaitsFavourableDecision(view(null), 'registered')).toBe(true);
    expect(awaitsFavourableDecision(view(refused), 'registered')).toBe(true);
    expect(awaitsFavourableDecision(view(accepted), 'registered')).toBe(false);
    expect(awaitsFavourableDecision(view(null), 'draft')).toBe(false);
    expect(awaitsFavourableDecision({ required: false, current: null }, 'registered')).toBe(false);
  });
});

describe('VAE admissibility: the form', () => {
  it('asks whether the application is admissible and why', () => {
    expect(validateAdmissibility(EMPTY_ADMISSIBILITY_DRAFT)).toEqual({
      favourable: FAVOURABLE_MESSAGE,
      reason: ADMISSIBILITY_REASON_MESSAGE,
    });
    expect(validateAdmissibility({ favourable: 'no', reason: '   ' })).toEqual({ reason: 'Indiquez le motif de la décision.' });
    expect(validateAdmissibility({ favourable: '', reason: 'Dossier complet' })).toEqual({
      favourable: 'Indiquez si la demande est recevable.',
    });
    expect(validateAdmissibility({ favourable: 'yes', reason: 'Dossier complet' })).toEqual({});
  });

  it('refuses a reason longer than the server takes (2 000 bytes)', () => {
    expect(validateAdmissibility({ favourable: 'yes', reason: 'a'.repeat(2000) })).toEqual({});
    expect(validateAdmissibility({ favourable: 'yes', reason: 'é'.repeat(1001) })).toEqual({ reason: ADMISSIBILITY_REASON_LENGTH_MESSAGE });
  });

  it('sends a boolean and the reason trimmed', () => {
    expect(admissibilityRequest({ favourable: 'yes', reason: ' Trois ans attestés ' })).toEqual({ favourable: true, reason: 'Trois ans attestés' });
    expect(admissibilityRequest({ favourable: 'no', reason: 'Un an' })).toEqual({ favourable: false, reason: 'Un an' });
  });
});

describe("VAE admissibility: the server's refusals", () => {
  const say = (err: ApiError, sent = { favourable: true, reason: '' }) => describeAdmissibilityError(err, sent);

  it('puts each refusal under its field', () => {
    const favourable = say(new ApiError(400, 'invalid_field', 'say whether', 'favourable'));
    expect(favourable.text).toBe(FAVOURABLE_MESSAGE);
    expect(admissibilityFieldOf(favourable)).toBe('favourable');
    const reason = say(new ApiError(400, 'invalid_field', 'reason is required', 'reason'));
    expect(reason.text).toBe(ADMISSIBILITY_REASON_MESSAGE);
    expect(admissibilityFieldOf(reason)).toBe('reason');
    expect(say(new ApiError(400, 'invalid_field', 'too long', 'reason'), { favourable: true, reason: 'x'.repeat(2001) }).text).toBe(
      ADMISSIBILITY_REASON_LENGTH_MESSAGE,
    );
  });

  it('says the others above the form, in French', () => {
    const forbidden = say(new ApiError(403, 'forbidden', 'no'));
    expect(forbidden.text).toBe(ADMISSIBILITY_FORBIDDEN_MESSAGE);
    expect(admissibilityFieldOf(forbidden)).toBeNull();
    expect(say(new ApiError(409, 'invalid_state', 'not registered')).text).toBe(ADMISSIBILITY_CLOSED_MESSAGE);
    const notVae = say(new ApiError(422, 'unprocessable', 'only VAE', 'pathway'));
    expect(notVae.text).toBe(ADMISSIBILITY_NOT_VAE_MESSAGE);
    expect(admissibilityFieldOf(notVae)).toBeNull();
  });

  it('reloads the section when the file moved on', () => {
    expect(admissibilityStale(new ApiError(409, 'invalid_state', 'x'))).toBe(true);
    expect(admissibilityStale(new ApiError(404, 'not_found', 'x'))).toBe(true);
    expect(admissibilityStale(new ApiError(400, 'invalid_field', 'x', 'reason'))).toBe(false);
    expect(admissibilityStale(new Error('x'))).toBe(false);
  });

  it('explains why the modalities of a VAE file cannot be agreed yet', () => {
    const err = new ApiError(422, 'guard_failed', 'record the decision first', 'admissibility');
    expect(describeError(err, { operation: 'transition', pathway: 'vae' }).text).toBe(ADMISSIBILITY_GUARD_MESSAGE);
  });
});

describe('VAE admissibility: the calls', () => {
  const calls = recordCalls();

  it('reads the admissibility of a file', async () => {
    mockFetch({ status: 200, body: view(null) }, calls);
    expect(await fileApi.admissibility('f 1')).toEqual(view(null));
    expect(calls[0]!.url).toBe('/api/v1/files/f%201/admissibility');
    expect(calls[0]!.init.method).toBe('GET');
  });

  it('POSTs a decision with the CSRF header and answers the admissibility', async () => {
    mockFetch({ status: 201, body: view(accepted, [accepted, refused]) }, calls);
    const answer = await fileApi.decideAdmissibility('f1', { favourable: true, reason: 'Attestation de trois ans fournie.' });
    expect(answer.current).toEqual(accepted);
    expect(calls[0]!.url).toBe('/api/v1/files/f1/admissibility');
    expect(calls[0]!.init.method).toBe('POST');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
    expect(bodyOf(calls[0]!)).toEqual({ favourable: true, reason: 'Attestation de trois ans fournie.' });
  });
});
