import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { awardDownloadLabel, downloadableAwards, fileDecisionPending, quietDecisionsError, sortDecisions } from './fileDecisions';

const certificate = { id: 'a1', kind: 'certificate', verification_code: 'K7QM-4XPA-9RTE' };

describe('the file page’s jury decisions', () => {
  it('names the download of each document', () => {
    expect(awardDownloadLabel('certificate')).toBe('Télécharger le certificat');
    expect(awardDownloadLabel('bloc_attestation')).toBe("Télécharger l'attestation");
    expect(awardDownloadLabel('other')).toBe('Télécharger le document');
  });

  it('offers no document of a revoked decision', () => {
    expect(downloadableAwards({ revoked: false, awards: [certificate] })).toEqual([certificate]);
    expect(downloadableAwards({ revoked: true, awards: [certificate] })).toEqual([]);
  });

  it('says a decision on a file still in deliberation awaits the publication', () => {
    expect(fileDecisionPending('in_deliberation', { revoked: false, awards: [] })).toBe(true);
    expect(fileDecisionPending('in_deliberation', { revoked: true, awards: [] })).toBe(false);
    expect(fileDecisionPending('certified', { revoked: false, awards: [certificate] })).toBe(false);
    expect(fileDecisionPending('not_certified', { revoked: false, awards: [] })).toBe(false);
  });

  it('shows the newest decision first', () => {
    const old = { id: 'old', decided_at: '2026-01-10T09:00:00Z' };
    const recent = { id: 'new', decided_at: '2027-03-18T09:00:00Z' };
    expect(sortDecisions([old, recent]).map((d) => d.id)).toEqual(['new', 'old']);
  });

  it('stays silent when the reader may not see the decisions', () => {
    expect(quietDecisionsError(new ApiError(404, 'not_found', 'x'))).toBe(true);
    expect(quietDecisionsError(new ApiError(403, 'forbidden', 'x'))).toBe(true);
    expect(quietDecisionsError(new ApiError(500, 'internal', 'x'))).toBe(false);
    expect(quietDecisionsError(new Error('boom'))).toBe(false);
  });
});
