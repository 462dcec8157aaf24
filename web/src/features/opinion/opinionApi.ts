// Calls of the company opinion. A save or signature sends the opinion's ETag in If-Match; a stale one
// fails with 412 and the current content in error.details.current.

import { request } from '../../shared/api/client';
import type { CompanyOpinion, OpinionRequest } from './opinionTypes';

const file = (id: string) => `/files/${encodeURIComponent(id)}`;

export const opinionApi = {
  opinion(fileId: string, signal?: AbortSignal): Promise<CompanyOpinion> {
    return request('GET', `${file(fileId)}/company-opinion`, { signal });
  },
  saveOpinion(fileId: string, etag: string, body: OpinionRequest): Promise<CompanyOpinion> {
    return request('PUT', `${file(fileId)}/company-opinion`, { body, headers: { 'If-Match': etag } });
  },
  signOpinion(fileId: string, etag: string): Promise<CompanyOpinion> {
    return request('POST', `${file(fileId)}/company-opinion/signature`, { headers: { 'If-Match': etag } });
  },
};
