// Calls of the CQPMs and their referentials: the catalogue, a referential, its history in the git store
// (versions, pinned files, diff, blame) and the GTP's proposals.

import { buildQuery, request } from '../../shared/api/client';
import type {
  BlameResponse,
  CqpmDetail,
  CqpmSummary,
  PinnedFiles,
  Proposal,
  ProposalSummary,
  Referential,
  ReferentialDiff,
  ReferentialVersion,
  ReferentialVersionDetail,
} from './referentialTypes';

export const referentialApi = {
  listCqpms(signal?: AbortSignal): Promise<{ items: CqpmSummary[] }> {
    return request('GET', '/cqpms', { signal });
  },
  getCqpm(id: string, signal?: AbortSignal): Promise<CqpmDetail> {
    return request('GET', `/cqpms/${encodeURIComponent(id)}`, { signal });
  },
  referentialVersions(cqpm: string, signal?: AbortSignal): Promise<{ items: ReferentialVersion[] }> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions`, { signal });
  },
  referentialVersion(cqpm: string, version: number, signal?: AbortSignal): Promise<ReferentialVersionDetail> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions/${version}`, { signal });
  },
  pinnedFiles(cqpm: string, version: number, signal?: AbortSignal): Promise<PinnedFiles> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/versions/${version}/files`, { signal });
  },
  referentialDiff(cqpm: string, range: { from?: number | null; to?: number | null }, signal?: AbortSignal): Promise<ReferentialDiff> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/diff${buildQuery({ from: range.from, to: range.to })}`, {
      signal,
    });
  },
  referentialBlame(cqpm: string, signal?: AbortSignal): Promise<BlameResponse> {
    return request('GET', `/cqpms/${encodeURIComponent(cqpm)}/blame`, { signal });
  },
  /** `baseVersion`: the version the draft was edited from; the server refuses a stale one (409). */
  proposeReferential(cqpm: string, referential: Referential, reason: string, baseVersion?: number): Promise<Proposal> {
    const body = baseVersion === undefined ? { referential, reason } : { referential, reason, base_version: baseVersion };
    return request('POST', `/cqpms/${encodeURIComponent(cqpm)}/proposals`, { body });
  },
  listProposals(filters: { cqpm?: string; state?: string }, signal?: AbortSignal): Promise<{ items: ProposalSummary[] }> {
    return request('GET', `/proposals${buildQuery(filters)}`, { signal });
  },
  getProposal(id: number, signal?: AbortSignal): Promise<Proposal> {
    return request('GET', `/proposals/${id}`, { signal });
  },
  approveProposal(id: number): Promise<Proposal> {
    return request('POST', `/proposals/${id}/approve`);
  },
  rejectProposal(id: number, reason: string): Promise<Proposal> {
    return request('POST', `/proposals/${id}/reject`, { body: { reason } });
  },
  publishProposal(id: number): Promise<Proposal> {
    return request('POST', `/proposals/${id}/publish`);
  },
};
