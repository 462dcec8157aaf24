// The API calls of the file's collaborative content (documents, grid,
// commission, company opinion, comments). Same client as api.ts: session
// cookie, CSRF header on writes, ApiError on failure. Writes that the server
// protects with an ETag send it in If-Match; a stale one fails with 412 and
// the current content in error.details.current.

import { API_PREFIX, request } from '../../shared/api/client';
import type {
  Commission,
  CompanyOpinion,
  CompetencyRequest,
  EvaluationGrid,
  FileComment,
  FileDocument,
  GridCompetency,
  OpinionRequest,
} from './collaborationTypes';

const file = (id: string) => `/files/${encodeURIComponent(id)}`;

/** The form of an upload: `kind` first, so the server can refuse a late report before reading the file. */
export function uploadForm(file: File | Blob, kind?: string, filename?: string): FormData {
  const form = new FormData();
  if (kind !== undefined) form.append('kind', kind);
  if (filename !== undefined) form.append('file', file, filename);
  else form.append('file', file);
  return form;
}

/** Where a version's bytes are downloaded (a plain link: the cookie authenticates it). */
export function documentContentUrl(documentId: string, version: number): string {
  return `${API_PREFIX}/documents/${encodeURIComponent(documentId)}/versions/${version}/content`;
}

/** The live stream of a file's events (EventSource). */
export function fileStreamUrl(fileId: string, after?: number | null): string {
  const query = after !== undefined && after !== null ? `?after=${after}` : '';
  return `${API_PREFIX}${file(fileId)}/stream${query}`;
}

export const collaborationApi = {
  documents(fileId: string, signal?: AbortSignal): Promise<{ items: FileDocument[] }> {
    return request('GET', `${file(fileId)}/documents`, { signal });
  },
  uploadDocument(fileId: string, kind: string, upload: File): Promise<FileDocument> {
    return request('POST', `${file(fileId)}/documents`, { body: uploadForm(upload, kind) });
  },
  uploadVersion(documentId: string, upload: File): Promise<FileDocument> {
    return request('POST', `/documents/${encodeURIComponent(documentId)}/versions`, { body: uploadForm(upload) });
  },

  grid(fileId: string, signal?: AbortSignal): Promise<EvaluationGrid> {
    return request('GET', `${file(fileId)}/evaluation`, { signal });
  },
  saveCompetency(fileId: string, competency: number, etag: string, body: CompetencyRequest): Promise<GridCompetency> {
    return request('PUT', `${file(fileId)}/evaluation/${competency}`, { body, headers: { 'If-Match': etag } });
  },
  signCompetency(fileId: string, competency: number, etag: string): Promise<GridCompetency> {
    return request('POST', `${file(fileId)}/evaluation/${competency}/signatures`, { headers: { 'If-Match': etag } });
  },

  commission(fileId: string, signal?: AbortSignal): Promise<Commission> {
    return request('GET', `${file(fileId)}/commission`, { signal });
  },
  assignCommission(fileId: string, evaluators: string[]): Promise<Commission> {
    return request('PUT', `${file(fileId)}/commission`, { body: { evaluators } });
  },

  opinion(fileId: string, signal?: AbortSignal): Promise<CompanyOpinion> {
    return request('GET', `${file(fileId)}/company-opinion`, { signal });
  },
  saveOpinion(fileId: string, etag: string, body: OpinionRequest): Promise<CompanyOpinion> {
    return request('PUT', `${file(fileId)}/company-opinion`, { body, headers: { 'If-Match': etag } });
  },
  signOpinion(fileId: string, etag: string): Promise<CompanyOpinion> {
    return request('POST', `${file(fileId)}/company-opinion/signature`, { headers: { 'If-Match': etag } });
  },

  comments(fileId: string, signal?: AbortSignal): Promise<{ items: FileComment[] }> {
    return request('GET', `${file(fileId)}/comments`, { signal });
  },
  addComment(fileId: string, body: string, competency: string | null): Promise<FileComment> {
    return request('POST', `${file(fileId)}/comments`, { body: { body, competency } });
  },
};
