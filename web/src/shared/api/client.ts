// Same-origin client for the CQPM Hub API. Every call sends the session
// cookie; every non-GET call carries the CSRF header the server requires for
// cookie-authenticated writes. A 401 (outside the login call) hands over to
// the handler the app registers, which sends the user to the login page.

import { statusMessage } from '../errors/errors';
import type {
  ApiErrorBody,
  BlameResponse,
  CandidateFile,
  CqpmDetail,
  CqpmSummary,
  FileCorrectionRequest,
  FileEvent,
  FileList,
  FileStats,
  LoginResponse,
  ModalityPlanRequest,
  ModalityPlanView,
  NewFileRequest,
  OrganisationRef,
  PinnedFiles,
  Proposal,
  ProposalSummary,
  Referential,
  ReferentialDiff,
  ReferentialVersion,
  ReferentialVersionDetail,
  User,
  Workflow,
} from './types';
import type { AdmissibilityRequest, VaeAdmissibility } from '../../features/files/vaeAdmissibility';
import type { CarryOverRequest, CarryOverView } from '../../features/files/blocScope';

export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'X-CQPM-CSRF';

/**
 * An error answer of the API. `message` is the server's English text (for
 * developers and logs); the pages show describeError() (errors.ts) instead.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly details: Record<string, unknown> | null;

  constructor(
    status: number,
    code: string,
    message: string,
    field: string | null = null,
    details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Registers what to do when the server answers 401 (the app navigates to /connexion). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export type QueryValue = string | number | null | undefined;

/** Builds "?a=1&b=x" from the non-empty values, or "" when there are none. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A random UUID v4; falls back to getRandomValues where randomUUID is absent (plain-HTTP origins). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Seconds from a Retry-After header given in seconds (the server never sends an HTTP date). */
function retryAfterSeconds(response: Response): number | null {
  const text = response.headers.get('Retry-After');
  if (!text || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

export interface RequestOptions {
  /** JSON-encoded; FormData and raw bytes (Blob, ArrayBuffer: give their Content-Type in headers) are sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** false for the login call, where 401 means "wrong password", not "session expired". */
  redirectOn401?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET' && method !== 'HEAD') headers[CSRF_HEADER] = '1';
  let body: string | FormData | Blob | ArrayBuffer | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // multipart: the browser writes Content-Type with its boundary
  } else if (options.body instanceof Blob || options.body instanceof ArrayBuffer) {
    body = options.body; // a file's bytes, as read
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', `network error: ${err instanceof Error ? err.message : String(err)}`);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  // Retry-After (seconds) goes into details.retry_after when the body lacks it.
  const retryAfter = retryAfterSeconds(response);
  const withRetryAfter = (details: Record<string, unknown> | null): Record<string, unknown> | null =>
    retryAfter !== null && details?.retry_after === undefined ? { ...details, retry_after: retryAfter } : details;
  let error: ApiError;
  try {
    const parsed = (await response.json()) as Partial<ApiErrorBody>;
    const e = parsed.error;
    error = new ApiError(
      response.status,
      e?.code ?? 'http_error',
      e?.message || statusMessage(response.status),
      e?.field || null,
      withRetryAfter(e?.details ?? null),
    );
  } catch {
    error = new ApiError(response.status, 'http_error', statusMessage(response.status), null, withRetryAfter(null));
  }
  if (response.status === 401 && options.redirectOn401 !== false && unauthorizedHandler) {
    unauthorizedHandler();
  }
  throw error;
}

/** A page of a paginated list; `next_cursor` is absent (or null) on the last page. */
export interface ListPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/** The largest page the lists give (limit=1..100). */
export const MAX_PAGE_SIZE = 100;

/** Every item of a paginated list, page after page (for pickers: companies, centres, organisations). */
export async function listAll<T>(
  fetchPage: (cursor: string | null) => Promise<ListPage<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const page: ListPage<T> = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return items;
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

// ---- Endpoints -----------------------------------------------------------

export const api = {
  login(login: string, password: string): Promise<LoginResponse> {
    return request('POST', '/auth/login', { body: { login, password }, redirectOn401: false });
  },
  logout(): Promise<void> {
    return request('POST', '/auth/logout', { redirectOn401: false });
  },
  me(signal?: AbortSignal): Promise<User> {
    return request('GET', '/me', { signal });
  },
  listFiles(
    filters: { state?: string; cqpm?: string; pathway?: string; q?: string; limit?: number; cursor?: string | null },
    signal?: AbortSignal,
  ): Promise<FileList> {
    return request('GET', `/files${buildQuery(filters)}`, { signal });
  },
  fileStats(filters: { cqpm?: string; pathway?: string; q?: string }, signal?: AbortSignal): Promise<FileStats> {
    return request('GET', `/files/stats${buildQuery(filters)}`, { signal });
  },
  createFile(file: NewFileRequest): Promise<CandidateFile> {
    return request('POST', '/files', { body: file });
  },
  getFile(id: string, signal?: AbortSignal): Promise<CandidateFile> {
    return request('GET', `/files/${encodeURIComponent(id)}`, { signal });
  },
  fileEvents(id: string, signal?: AbortSignal): Promise<{ items: FileEvent[] }> {
    return request('GET', `/files/${encodeURIComponent(id)}/events`, { signal });
  },
  fireTransition(
    id: string,
    transition: string,
    expectedVersion: number,
    payload: Record<string, unknown>,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CandidateFile> {
    return request('POST', `/files/${encodeURIComponent(id)}/transitions`, {
      body: { transition, expected_version: expectedVersion, payload },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },
  /** The centre's coordinator corrects the candidate's identity of an open file; answers the corrected file. */
  correctFile(id: string, correction: FileCorrectionRequest): Promise<CandidateFile> {
    return request('POST', `/files/${encodeURIComponent(id)}/corrections`, { body: correction });
  },
  /** The admissibility of a VAE application: the decision in force, the earlier ones, whether the reader may decide. */
  admissibility(id: string, signal?: AbortSignal): Promise<VaeAdmissibility> {
    return request('GET', `/files/${encodeURIComponent(id)}/admissibility`, { signal });
  },
  /** The centre's coordinator records a decision (201: the admissibility, the new decision in force). */
  decideAdmissibility(id: string, decision: AdmissibilityRequest): Promise<VaeAdmissibility> {
    return request('POST', `/files/${encodeURIComponent(id)}/admissibility`, { body: decision });
  },
  /** The blocs an earlier decision awarded to the same candidate, and those the file carries over. */
  carryOver(id: string, signal?: AbortSignal): Promise<CarryOverView> {
    return request('GET', `/files/${encodeURIComponent(id)}/carry-over`, { signal });
  },
  /** The centre's coordinator sets exactly the blocs carried over (none: every carry-over withdrawn). */
  saveCarryOver(id: string, body: CarryOverRequest): Promise<CarryOverView> {
    return request('PUT', `/files/${encodeURIComponent(id)}/carry-over`, { body });
  },
  /** Every active company the caller may name (the list is paginated: follows next_cursor). */
  async companies(signal?: AbortSignal): Promise<{ items: OrganisationRef[] }> {
    const items = await listAll<OrganisationRef>((cursor) =>
      request('GET', `/organisations${buildQuery({ kind: 'company', limit: MAX_PAGE_SIZE, cursor })}`, { signal }),
    );
    return { items };
  },
  workflow(signal?: AbortSignal): Promise<Workflow> {
    return request('GET', '/workflows/candidate-file', { signal });
  },
  listCqpms(signal?: AbortSignal): Promise<{ items: CqpmSummary[] }> {
    return request('GET', '/cqpms', { signal });
  },
  getCqpm(id: string, signal?: AbortSignal): Promise<CqpmDetail> {
    return request('GET', `/cqpms/${encodeURIComponent(id)}`, { signal });
  },
  modalityPlan(fileId: string, signal?: AbortSignal): Promise<ModalityPlanView> {
    return request('GET', `/files/${encodeURIComponent(fileId)}/modalities`, { signal });
  },
  saveModalityPlan(fileId: string, plan: ModalityPlanRequest): Promise<ModalityPlanView> {
    return request('PUT', `/files/${encodeURIComponent(fileId)}/modalities`, { body: plan });
  },

  // Referential history (the git store) and the GTP's proposals.
  referentialVersions(cqpm: string, signal?: AbortSignal): Promise<{ items: ReferentialVersion[] }> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions`, { signal });
  },
  referentialVersion(cqpm: string, version: number, signal?: AbortSignal): Promise<ReferentialVersionDetail> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions/${version}`, { signal });
  },
  pinnedFiles(cqpm: string, version: number, signal?: AbortSignal): Promise<PinnedFiles> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions/${version}/files`, { signal });
  },
  referentialDiff(cqpm: string, range: { from?: number | null; to?: number | null }, signal?: AbortSignal): Promise<ReferentialDiff> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/diff${buildQuery({ from: range.from, to: range.to })}`, {
      signal,
    });
  },
  referentialBlame(cqpm: string, signal?: AbortSignal): Promise<BlameResponse> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/blame`, { signal });
  },
  /** `baseVersion`: the version the draft was edited from; the server refuses a stale one (409). */
  proposeReferential(cqpm: string, referential: Referential, reason: string, baseVersion?: number): Promise<Proposal> {
    const body = baseVersion === undefined ? { referential, reason } : { referential, reason, base_version: baseVersion };
    return request('POST', `/cqpms/${encodeURIComponent(cqpm)}/proposals`, { body });
  },
  listProposals(filters: { cqpm?: string; state?: string }, signal?: AbortSignal): Promise<{ items: ProposalSummary[] }> {
    return request('GET', `/proposals${buildQuery(filters)}`, { signal });
  },
  getProposal(id: number, signal?: AbortSignal): Promise<Proposal> {
    return request('GET', `/proposals/${id}`, { signal });
  },
  approveProposal(id: number): Promise<Proposal> {
    return request('POST', `/proposals/${id}/approve`);
  },
  rejectProposal(id: number, reason: string): Promise<Proposal> {
    return request('POST', `/proposals/${id}/reject`, { body: { reason } });
  },
  publishProposal(id: number): Promise<Proposal> {
    return request('POST', `/proposals/${id}/publish`);
  },
};
