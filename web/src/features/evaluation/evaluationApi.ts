// Calls of the evaluation grid and its commission. A grid save or signature sends the competency's ETag in
// If-Match; a stale one fails with 412 and the current content in error.details.current.

import { request } from '../../shared/api/client';
import type { Commission, CompetencyRequest, EvaluationGrid, GridCompetency } from './evaluationTypes';

const file = (id: string) => `/files/${encodeURIComponent(id)}`;

export const evaluationApi = {
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
  /** Forms the commission only if the file has none (409 otherwise): the dashboard's bulk action. */
  formCommissionIfNone(fileId: string, evaluators: string[]): Promise<Commission> {
    return request('PUT', `${file(fileId)}/commission`, { body: { evaluators, only_if_empty: true } });
  },
};
