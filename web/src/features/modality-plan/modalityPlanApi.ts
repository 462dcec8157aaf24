// Calls of a file's evaluation modality plan (GET/PUT /files/{id}/modalities).

import { request } from '../../shared/api/client';
import type { ModalityPlanRequest, ModalityPlanView } from './modalityPlanTypes';

export const modalityPlanApi = {
  modalityPlan(fileId: string, signal?: AbortSignal): Promise<ModalityPlanView> {
    return request('GET', `/files/${encodeURIComponent(fileId)}/modalities`, { signal });
  },
  saveModalityPlan(fileId: string, plan: ModalityPlanRequest): Promise<ModalityPlanView> {
    return request('PUT', `/files/${encodeURIComponent(fileId)}/modalities`, { body: plan });
  },
};
