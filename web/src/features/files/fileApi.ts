// Calls of the candidate files: lists and stats, creation, a file (now or as it stood then), its events
// and transitions, its correction, a VAE's admissibility, the blocs carried over, the companies to pick, the workflow.

import { API_PREFIX, MAX_PAGE_SIZE, buildQuery, listAll, newIdempotencyKey, request } from '../../shared/api/client';
import type { OrganisationRef } from '../../shared/api/types';
import type { CarryOverRequest, CarryOverView } from './blocScope';
import type {
  CandidateFile,
  FileAsOf,
  FileCorrectionRequest,
  FileReferential,
  FileEvent,
  FileList,
  FileStats,
  NewFileRequest,
  Workflow,
} from './fileTypes';
import type { FileAudit } from './trailSeal';
import type { AdmissibilityRequest, VaeAdmissibility } from './vaeAdmissibility';

/** The live stream of a file's events (EventSource). */
export function fileStreamUrl(fileId: string, after?: number | null): string {
  const query = after !== undefined && after !== null ? `?after=${after}` : '';
  return `${API_PREFIX}/files/${encodeURIComponent(fileId)}/stream${query}`;
}

export const fileApi = {
  listFiles(
    filters: {
      state?: string;
      cqpm?: string;
      pathway?: string;
      q?: string;
      /** Only the files whose report deadline has passed without a report. */
      overdue?: boolean;
      limit?: number;
      cursor?: string | null;
    },
    signal?: AbortSignal,
  ): Promise<FileList> {
    return request('GET', `/files${buildQuery(filters)}`, { signal });
  },
  fileStats(filters: { cqpm?: string; pathway?: string; q?: string }, signal?: AbortSignal): Promise<FileStats> {
    return request('GET', `/files/stats${buildQuery(filters)}`, { signal });
  },
  createFile(file: NewFileRequest): Promise<CandidateFile> {
    return request('POST', '/files', { body: file });
  },
  getFile(id: string, signal?: AbortSignal): Promise<CandidateFile> {
    return request('GET', `/files/${encodeURIComponent(id)}`, { signal });
  },
  /**
   * The file exactly as it stood at `atIso` (ISO-8601 with its offset, e.g. "2027-03-18T10:00:00+01:00"; the `+`
   * goes encoded): for the centre's coordinator and the GTP's auditor (others: 403).
   */
  fileAt(id: string, atIso: string, signal?: AbortSignal): Promise<FileAsOf> {
    return request('GET', `/files/${encodeURIComponent(id)}${buildQuery({ at: atIso })}`, { signal });
  },
  /** The file's chain of events verified link by link (GET /files/{id}/audit). */
  fileAudit(id: string, signal?: AbortSignal): Promise<FileAudit> {
    return request('GET', `/files/${encodeURIComponent(id)}/audit`, { signal });
  },
  fileEvents(id: string, signal?: AbortSignal): Promise<{ items: FileEvent[] }> {
    return request('GET', `/files/${encodeURIComponent(id)}/events`, { signal });
  },
  fireTransition(
    id: string,
    transition: string,
    expectedVersion: number,
    payload: Record<string, unknown>,
    idempotencyKey: string = newIdempotencyKey(),
  ): Promise<CandidateFile> {
    return request('POST', `/files/${encodeURIComponent(id)}/transitions`, {
      body: { transition, expected_version: expectedVersion, payload },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  },
  /** The centre's coordinator corrects the candidate's identity of an open file; answers the corrected file. */
  correctFile(id: string, correction: FileCorrectionRequest): Promise<CandidateFile> {
    return request('POST', `/files/${encodeURIComponent(id)}/corrections`, { body: correction });
  },
  /** The referential version the file is pinned to, the one in force, the changes between them, whether it may move. */
  fileReferential(id: string, signal?: AbortSignal): Promise<FileReferential> {
    return request('GET', `/files/${encodeURIComponent(id)}/referential`, { signal });
  },
  /** The centre's coordinator moves a registered file to a newer referential version (If-Match: the file's version read). */
  moveFileReferential(id: string, version: number, fileVersion: number): Promise<FileReferential> {
    return request('POST', `/files/${encodeURIComponent(id)}/referential`, {
      body: { version },
      headers: { 'If-Match': `"${fileVersion}"` },
    });
  },
  /** The admissibility of a VAE application: the decision in force, the earlier ones, whether the reader may decide. */
  admissibility(id: string, signal?: AbortSignal): Promise<VaeAdmissibility> {
    return request('GET', `/files/${encodeURIComponent(id)}/admissibility`, { signal });
  },
  /** The centre's coordinator records a decision (201: the admissibility, the new decision in force). */
  decideAdmissibility(id: string, decision: AdmissibilityRequest): Promise<VaeAdmissibility> {
    return request('POST', `/files/${encodeURIComponent(id)}/admissibility`, { body: decision });
  },
  /** The blocs an earlier decision awarded to the same candidate, and those the file carries over. */
  carryOver(id: string, signal?: AbortSignal): Promise<CarryOverView> {
    return request('GET', `/files/${encodeURIComponent(id)}/carry-over`, { signal });
  },
  /** The centre's coordinator sets exactly the blocs carried over (none: every carry-over withdrawn). */
  saveCarryOver(id: string, body: CarryOverRequest): Promise<CarryOverView> {
    return request('PUT', `/files/${encodeURIComponent(id)}/carry-over`, { body });
  },
  /** Every active company the caller may name (the list is paginated: follows next_cursor). */
  async companies(signal?: AbortSignal): Promise<{ items: OrganisationRef[] }> {
    const items = await listAll<OrganisationRef>((cursor) =>
      request('GET', `/organisations${buildQuery({ kind: 'company', limit: MAX_PAGE_SIZE, cursor })}`, { signal }),
    );
    return { items };
  },
  workflow(signal?: AbortSignal): Promise<Workflow> {
    return request('GET', '/workflows/candidate-file', { signal });
  },
};
