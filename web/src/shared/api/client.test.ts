import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildQuery, newIdempotencyKey, setUnauthorizedHandler } from './client';
import { fileApi } from '../../features/files/fileApi';
import { modalityPlanApi } from '../../features/modality-plan/modalityPlanApi';
import { referentialApi } from '../../features/referentials/referentialApi';
import { sessionApi } from '../../app/sessionApi';
import { headersOf, mockFetch, recordCalls } from './fetchMock';

describe('api client', () => {
  const calls = recordCalls();

  it('sends GETs same-origin without the CSRF header', async () => {
    mockFetch({ status: 200, body: { items: [], next_cursor: null } }, calls);
    const result = await fileApi.listFiles({ state: 'registered', cqpm: '', q: 'dupont', limit: 25, cursor: null });
    expect(result.items).toEqual([]);
    expect(calls[0]!.url).toBe('/api/v1/files?state=registered&q=dupont&limit=25');
    expect(calls[0]!.init.method).toBe('GET');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBeUndefined();
  });

  it('sends the CSRF header, a JSON body and the idempotency key on a transition', async () => {
    mockFetch({ status: 200, body: { id: 'f1', state: 'withdrawn', version: 3 } }, calls);
    await fileApi.fireTransition('f1', 'withdraw', 2, { reason: 'Abandon' }, 'key-1');
    const call = calls[0]!;
    expect(call.url).toBe('/api/v1/files/f1/transitions');
    expect(call.init.method).toBe('POST');
    expect(call.init.credentials).toBe('same-origin');
    expect(headersOf(call)['X-CQPM-CSRF']).toBe('1');
    expect(headersOf(call)['Idempotency-Key']).toBe('key-1');
    expect(headersOf(call)['Content-Type']).toBe('application/json');
    expect(JSON.parse(call.init.body as string)).toEqual({
      transition: 'withdraw',
      expected_version: 2,
      payload: { reason: 'Abandon' },
    });
  });

  it('reads the CQPMs and one referential', async () => {
    mockFetch({ status: 200, body: { items: [] } }, calls);
    await referentialApi.listCqpms();
    await referentialApi.getCqpm('maintenance-industrielle');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/v1/cqpms'],
      ['GET', '/api/v1/cqpms/maintenance-industrielle'],
    ]);
  });

  it('reads and saves the modality plan with PUT, the CSRF header and the expected version', async () => {
    mockFetch({ status: 200, body: { file_id: 'f 1', file_version: 4 } }, calls);
    await modalityPlanApi.modalityPlan('f 1');
    const plan = {
      expected_version: 3,
      competencies: [
        { competency: 1, modality: 'real_situation', planned_date: '2027-03-10', place: 'Atelier', evaluators: ['e1'], details: {} },
      ],
    };
    await modalityPlanApi.saveModalityPlan('f 1', plan);
    expect(calls[0]!.url).toBe('/api/v1/files/f%201/modalities');
    expect(calls[0]!.init.method).toBe('GET');
    const put = calls[1]!;
    expect(put.url).toBe('/api/v1/files/f%201/modalities');
    expect(put.init.method).toBe('PUT');
    expect(headersOf(put)['X-CQPM-CSRF']).toBe('1');
    expect(JSON.parse(put.init.body as string)).toEqual(plan);
  });

  it("keeps a plugin refusal's details (message_fr, competency)", async () => {
    mockFetch(
      {
        status: 422,
        body: {
        error: {
          code: 'guard_failed',
          message: 'competency 4: the intervention must be of the 2nd or 3rd level',
          field: 'competencies[3].details.intervention_level',
          details: { competency: 4, message_fr: "Compétence 4 : l'intervention doit être de 2e ou de 3e niveau.", plugin: 'maintenance-industrielle' },
        },
      },
      },
      calls,
    );
    const err = await modalityPlanApi.saveModalityPlan('f1', { expected_version: 1, competencies: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).field).toBe('competencies[3].details.intervention_level');
    expect((err as ApiError).details).toMatchObject({ competency: 4, plugin: 'maintenance-industrielle' });
  });

  it('sends the CSRF header on a body-less POST (logout) and accepts 204', async () => {
    mockFetch({ status: 204 }, calls);
    await expect(sessionApi.logout()).resolves.toBeNull();
    expect(calls[0]!.url).toBe('/api/v1/auth/logout');
    expect(calls[0]!.init.method).toBe('POST');
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
  });

  it("gives the provider's end-session address when the logout answers one (200)", async () => {
    const url = 'https://idp.example/logout?client_id=cqpm&post_logout_redirect_uri=https%3A%2F%2Fhub.example%2Fconnexion';
    mockFetch({ status: 200, body: { provider_logout_url: url } }, calls);
    await expect(sessionApi.logout()).resolves.toBe(url);
  });

  it('does not hand a 401 on logout to the login redirect', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    mockFetch({ status: 401, body: { error: { code: 'unauthenticated', message: 'no session' } } }, calls);
    await expect(sessionApi.logout()).rejects.toBeInstanceOf(ApiError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns an error body into an ApiError with code, field and details', async () => {
    mockFetch(
      {
        status: 409,
        body: { error: { code: 'version_conflict', message: 'stale', field: 'expected_version', details: { current_version: 4 } } },
      },
      calls,
    );
    const err = await fileApi.fireTransition('f1', 'register', 1, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'version_conflict', field: 'expected_version' });
    expect((err as ApiError).details).toEqual({ current_version: 4 });
  });

  it('gives a French message when the error body is not JSON', async () => {
    mockFetch({ status: 502, body: '<html>Bad gateway</html>' }, calls);
    const err = (await sessionApi.me().catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_error');
    expect(err.message).toBe('Le service est momentanément indisponible. Réessayez dans quelques instants.');
  });

  it('puts the Retry-After header into details.retry_after', async () => {
    const body = { error: { code: 'rate_limited', message: 'too many', field: 'login' } };
    mockFetch({ status: 429, body, headers: { 'Retry-After': '42' } }, calls);
    const err = (await sessionApi.login('centre', 'x').catch((e: unknown) => e)) as ApiError;
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', field: 'login' });
    expect(err.details).toEqual({ retry_after: 42 });
  });

  it('keeps details.retry_after from the body over the header', async () => {
    const body = { error: { code: 'rate_limited', message: 'too many', details: { retry_after: 7 } } };
    mockFetch({ status: 429, body, headers: { 'Retry-After': '42' } }, calls);
    const err = (await sessionApi.login('centre', 'x').catch((e: unknown) => e)) as ApiError;
    expect(err.details).toEqual({ retry_after: 7 });
  });

  it('calls the unauthorized handler on a 401', async () => {
    mockFetch({ status: 401, body: { error: { code: 'unauthenticated', message: 'no session' } } }, calls);
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(fileApi.getFile('f1')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not redirect on a failed login (401 means wrong password there)', async () => {
    mockFetch({ status: 401, body: { error: { code: 'unauthenticated', message: 'bad credentials' } } }, calls);
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(sessionApi.login('centre', 'nope')).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(handler).not.toHaveBeenCalled();
    expect(headersOf(calls[0]!)['X-CQPM-CSRF']).toBe('1');
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(sessionApi.me()).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('reads the referential history and sends the GTP proposals', async () => {
    mockFetch({ status: 200, body: { items: [] } }, calls);
    await referentialApi.referentialVersions('fabrication-additive');
    await referentialApi.referentialVersion('fabrication-additive', 2);
    await referentialApi.pinnedFiles('fabrication-additive', 1);
    await referentialApi.referentialDiff('fabrication-additive', { from: 1, to: 2 });
    await referentialApi.referentialDiff('fabrication-additive', {});
    await referentialApi.referentialBlame('fabrication-additive');
    await referentialApi.listProposals({ cqpm: 'qualite', state: '' });
    await referentialApi.getProposal(3);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/cqpms/fabrication-additive/versions',
      '/api/v1/cqpms/fabrication-additive/versions/2',
      '/api/v1/cqpms/fabrication-additive/versions/1/files',
      '/api/v1/cqpms/fabrication-additive/diff?from=1&to=2',
      '/api/v1/cqpms/fabrication-additive/diff',
      '/api/v1/cqpms/fabrication-additive/blame',
      '/api/v1/proposals?cqpm=qualite',
      '/api/v1/proposals/3',
    ]);
    expect(calls.every((c) => c.init.method === 'GET')).toBe(true);

    calls.length = 0;
    const referential = { id: 'fabrication-additive' } as never;
    await referentialApi.proposeReferential('fabrication-additive', referential, 'Code attribué');
    await referentialApi.approveProposal(3);
    await referentialApi.rejectProposal(3, 'Doublon');
    await referentialApi.publishProposal(3);
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['POST', '/api/v1/cqpms/fabrication-additive/proposals'],
      ['POST', '/api/v1/proposals/3/approve'],
      ['POST', '/api/v1/proposals/3/reject'],
      ['POST', '/api/v1/proposals/3/publish'],
    ]);
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ referential, reason: 'Code attribué' });
    expect(JSON.parse(calls[2]!.init.body as string)).toEqual({ reason: 'Doublon' });
    expect(calls.every((c) => headersOf(c)['X-CQPM-CSRF'] === '1')).toBe(true);
  });
});

describe('buildQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQuery({ a: '', b: null, c: undefined })).toBe('');
    expect(buildQuery({ q: 'Zoé Lefèvre', limit: 10 })).toBe('?q=Zo%C3%A9+Lef%C3%A8vre&limit=10');
  });
});

describe('newIdempotencyKey', () => {
  it('returns a UUID v4, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
    try {
      const a = newIdempotencyKey();
      const b = newIdempotencyKey();
      expect(a).toMatch(uuid);
      expect(a).not.toBe(b);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
