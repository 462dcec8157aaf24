// Calls of a file's documents: the list, an upload with its kind, a new version, the download link.

import { API_PREFIX, request } from '../../shared/api/client';
import type { FileDocument } from './documentTypes';

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

export const documentApi = {
  documents(fileId: string, signal?: AbortSignal): Promise<{ items: FileDocument[] }> {
    return request('GET', `${file(fileId)}/documents`, { signal });
  },
  uploadDocument(fileId: string, kind: string, upload: File): Promise<FileDocument> {
    return request('POST', `${file(fileId)}/documents`, { body: uploadForm(upload, kind) });
  },
  uploadVersion(documentId: string, upload: File): Promise<FileDocument> {
    return request('POST', `/documents/${encodeURIComponent(documentId)}/versions`, { body: uploadForm(upload) });
  },
};
