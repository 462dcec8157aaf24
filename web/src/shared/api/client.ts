// Same-origin client for the CQPM Hub API. Every call sends the session
// cookie; every non-GET call carries the CSRF header the server requires for
// cookie-authenticated writes. A 401 (outside the login call) hands over to
// the handler the app registers, which sends the user to the login page.

import { statusMessage } from '../errors/errors';
import type { ApiErrorBody } from './types';

export const API_PREFIX = '/api/v1';
export const CSRF_HEADER = 'X-CQPM-CSRF';

/**
 * An error answer of the API. `message` is the server's English text (for
 * developers and logs); the pages show describeError() (shared/errors/errors.ts) instead.
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

export type QueryValue = string | number | boolean | null | undefined;

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

/** A section the reader may not see (403) or that this file or server does not have (404): it stays hidden. */
export function isNotForReader(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 403 || err.status === 404);
}

/** The answer, or null for a 404 (a server without this part of the API: the section has nothing to show). */
export function nullIfNotFound<T>(answer: Promise<T>): Promise<T | null> {
  return answer.catch((err: unknown) => {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  });
}
