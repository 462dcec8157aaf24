// Calls of a file's comments (general, or about one competency).

import { request } from '../../shared/api/client';
import type { FileComment } from './fileTypes';

const file = (id: string) => `/files/${encodeURIComponent(id)}`;

export const commentApi = {
  comments(fileId: string, signal?: AbortSignal): Promise<{ items: FileComment[] }> {
    return request('GET', `${file(fileId)}/comments`, { signal });
  },
  addComment(fileId: string, body: string, competency: string | null): Promise<FileComment> {
    return request('POST', `${file(fileId)}/comments`, { body: { body, competency } });
  },
};
