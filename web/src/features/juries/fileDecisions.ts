// The jury's decisions as the file page shows them to whoever reads the file
// (candidate, company tutor, centre): outcome, blocs with their codes, the
// certificate or attestation to download and its verification code.

import type { Award, JuryDecision } from './juryTypes';

/** « Télécharger le certificat », « Télécharger l'attestation ». */
export function awardDownloadLabel(kind: Award['kind']): string {
  if (kind === 'certificate') return 'Télécharger le certificat';
  if (kind === 'bloc_attestation') return "Télécharger l'attestation";
  return 'Télécharger le document';
}

/**
 * A decision the centre sees before its session's results are published: the
 * file is still in deliberation and the decision, not revoked, has no document
 * yet. (Candidates and companies only ever get published decisions.)
 */
export function fileDecisionPending(fileState: string, decision: Pick<JuryDecision, 'revoked' | 'awards'>): boolean {
  return fileState === 'in_deliberation' && !decision.revoked && decision.awards.length === 0;
}

/** The awards one may download: none of a revoked decision (its document is no longer printed). */
export function downloadableAwards(decision: Pick<JuryDecision, 'revoked' | 'awards'>): Award[] {
  return decision.revoked ? [] : decision.awards;
}

/** Newest first (by the day and hour the jury decided). */
export function sortDecisions<T extends Pick<JuryDecision, 'decided_at'>>(decisions: ReadonlyArray<T>): T[] {
  return [...decisions].sort((a, b) => b.decided_at.localeCompare(a.decided_at));
}

/** Whether a failed GET /files/{id}/decisions is simply « nothing to show you » (404, 403): the section stays hidden. */
export function quietDecisionsError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const status = (err as { status?: unknown }).status;
  return status === 404 || status === 403;
}
