// A stand-in for fetch in the client's unit tests (*.test.ts): records each
// call and answers with the given responses in turn, the last one repeating.

import { afterEach, beforeEach, vi } from 'vitest';
import { setUnauthorizedHandler } from './client';

export type Call = { url: string; init: RequestInit };

export interface MockAnswer {
  status: number;
  /** JSON-encoded, or sent as is when a string (an HTML error page...). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The calls of each test of the describe() this is called in (emptied before
 * each); after each, fetch and the 401 handler are restored.
 */
export function recordCalls(): Call[] {
  const calls: Call[] = [];
  beforeEach(() => {
    calls.length = 0;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setUnauthorizedHandler(null);
  });
  return calls;
}

export function mockFetch(answers: MockAnswer | MockAnswer[], calls: Call[]) {
  const list = Array.isArray(answers) ? answers : [answers];
  let n = 0;
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = list[Math.min(n++, list.length - 1)]!;
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

export const headersOf = (call: Call) => call.init.headers as Record<string, string>;
export const bodyOf = (call: Call) => JSON.parse(call.init.body as string) as unknown;
