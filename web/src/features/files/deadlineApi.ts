// Calls of a file's report deadline: the list, set, extended with a reason.

import { request } from '../../shared/api/client';
import type { Deadline } from './deadlines';

const id = (value: string) => encodeURIComponent(value);

export const deadlineApi = {
  list(fileId: string, signal?: AbortSignal): Promise<{ items: Deadline[] }> {
    return request('GET', `/files/${id(fileId)}/deadlines`, { signal });
  },
  setReport(fileId: string, due: string): Promise<Deadline> {
    return request('PUT', `/files/${id(fileId)}/deadlines/report`, { body: { due } });
  },
  extendReport(fileId: string, until: string, reason: string): Promise<Deadline> {
    return request('POST', `/files/${id(fileId)}/deadlines/report/extensions`, { body: { until, reason } });
  },
};
