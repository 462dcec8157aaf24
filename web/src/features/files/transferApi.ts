// Calls of the transfers of files between centres (same client, shared/api/client.ts:
// session cookie, CSRF header on writes, 401 → login).

import { buildQuery, request } from '../../shared/api/client';
import type { FileTransfer, ReceivingCentre, TransferDirection, TransferState } from './transfers';

const id = (value: string) => encodeURIComponent(value);

export const transferApi = {
  /** The active centres other than the reader's own (coordinators and the platform administrator). */
  centres(signal?: AbortSignal): Promise<{ items: ReceivingCentre[] }> {
    return request('GET', '/centres', { signal });
  },
  /** 201: the proposal; 409 while another one waits, or for a closed file or one on a jury agenda. */
  propose(fileId: string, centreId: string, reason: string): Promise<FileTransfer> {
    return request('POST', `/files/${id(fileId)}/transfer`, { body: { centre_id: centreId, reason } });
  },
  /** The file's transfers, oldest first: its coordinator and the platform administrator only (403 otherwise). */
  ofFile(fileId: string, signal?: AbortSignal): Promise<{ items: FileTransfer[] }> {
    return request('GET', `/files/${id(fileId)}/transfers`, { signal });
  },
  /** The reader's centre's transfers (every centre's for the platform administrator), newest first. */
  list(
    filters: { direction?: TransferDirection; state?: TransferState; limit?: number },
    signal?: AbortSignal,
  ): Promise<{ items: FileTransfer[] }> {
    return request('GET', `/transfers${buildQuery(filters)}`, { signal });
  },
  get(transferId: string, signal?: AbortSignal): Promise<FileTransfer> {
    return request('GET', `/transfers/${id(transferId)}`, { signal });
  },
  /** The receiving centre takes the file over; `word` is an optional word for the former centre. */
  accept(transferId: string, word?: string): Promise<FileTransfer> {
    const reason = word?.trim();
    return request('POST', `/transfers/${id(transferId)}/acceptance`, { body: reason ? { reason } : {} });
  },
  refuse(transferId: string, reason: string): Promise<FileTransfer> {
    return request('POST', `/transfers/${id(transferId)}/refusal`, { body: { reason } });
  },
  /** The proposing centre withdraws its unanswered proposal. */
  cancel(transferId: string): Promise<FileTransfer> {
    return request('POST', `/transfers/${id(transferId)}/cancellation`);
  },
};
